// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * block/blk-mq.c - blk-mq without a scheduler: tag sets and their queues,
 * request allocation, dispatch to ops->queue_rq, completion and ending,
 * requeueing, freezing, quiescing and timeouts.
 *
 * Concurrency: a request is dispatched by its submitter, in process
 * context (or, for a driver without BLK_MQ_F_BLOCKING, with preemption
 * off as Linux's RCU section has it); one that cannot go now (a quiesced
 * queue, a stopped hardware queue, BLK_STS_RESOURCE) waits on its hctx's
 * dispatch list, under the hctx's spinlock, for the hctx's run work on
 * kblockd. A queue's usage count (one per allocated request) is what a
 * freeze waits to drain; each hctx's active count (tasks inside
 * queue_rq) is what a quiesce waits for. A request's reference count,
 * one from allocation and one per iterator or timeout check holding it,
 * decides who gives its tag back.
 */
#include <linux/blk-mq-pci.h>
#include <linux/blk-mq.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/mutex.h>
#include <linux/preempt.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/timekeeping.h>

#include "../core/stop.h"
#include "../mm/private.h"
#include "internal.h"

struct workqueue_struct *uldd_kblockd;
static DEFINE_MUTEX(kblockd_lock);

/*
 * How long after its tag set is made a driver's disk-less I/O queues are
 * said to be so: an NVMe controller without namespaces probes and runs
 * as in Linux, and this line is all the user sees of it. Only a message:
 * a disk added later is exported as any other.
 */
#define BLK_NODISK_DELAY (20 * HZ)

/* Linux's default request timeout. */
#define BLK_DEFAULT_TIMEOUT (30 * HZ)
/* How long a request refused with BLK_STS_*RESOURCE waits at most. */
#define BLK_RESOURCE_DELAY_MS 3

static int kblockd_start(void)
{
	int err = 0;

	mutex_lock(&kblockd_lock);
	if (!uldd_kblockd) {
		uldd_kblockd = alloc_workqueue("kblockd", WQ_HIGHPRI | WQ_MEM_RECLAIM, 0);
		if (!uldd_kblockd)
			err = -ENOMEM;
	}
	mutex_unlock(&kblockd_lock);
	return err;
}

/* Tag sets */

void blk_mq_map_queues(struct blk_mq_queue_map *qmap)
{
	for (unsigned int cpu = 0; cpu < nr_cpu_ids; cpu++)
		qmap->mq_map[cpu] =
			qmap->queue_offset + (qmap->nr_queues ? cpu % qmap->nr_queues : 0);
}

void blk_mq_pci_map_queues(struct blk_mq_queue_map *qmap, struct pci_dev *pdev, int offset)
{
	(void)pdev;
	(void)offset;
	blk_mq_map_queues(qmap);
}

static void map_set(struct blk_mq_tag_set *set)
{
	if (set->nr_maps == 1)
		set->map[HCTX_TYPE_DEFAULT].nr_queues = set->nr_hw_queues;
	if (set->ops->map_queues) {
		set->ops->map_queues(set);
	} else {
		set->map[HCTX_TYPE_DEFAULT].queue_offset = 0;
		blk_mq_map_queues(&set->map[HCTX_TYPE_DEFAULT]);
	}
}

static void free_maps(struct blk_mq_tag_set *set)
{
	for (unsigned int i = 0; i < HCTX_MAX_TYPES; i++) {
		uldd_private_free(set->map[i].mq_map);
		set->map[i].mq_map = NULL;
	}
}

/*
 * An admin queue (NVMe's) is a queue without a disk; an I/O tag set whose
 * driver found nothing to add has no queue at all.
 */
static void nodisk_work(struct work_struct *work)
{
	struct uldd_blk_set *s =
		container_of(to_delayed_work(work), struct uldd_blk_set, nodisk_work);
	struct blk_mq_tag_set *set = s->owner;
	bool none;

	mutex_lock(&set->tag_list_lock);
	none = list_empty(&set->tag_list) && !READ_ONCE(s->add_failed);
	mutex_unlock(&set->tag_list_lock);
	if (none)
		pr_warn("uldd: the driver set up %u block I/O queue(s) but added no disk in %u s (an NVMe controller without namespaces?): no disk exported; uldd runs on and exports a disk added later\n",
			set->nr_hw_queues, BLK_NODISK_DELAY / HZ);
}

int blk_mq_alloc_tag_set(struct blk_mq_tag_set *set)
{
	struct uldd_blk_set *s;
	unsigned int i;
	int err;

	if (!set->nr_hw_queues || !set->queue_depth || !set->ops || !set->ops->queue_rq)
		return -EINVAL;
	if (set->queue_depth <= set->reserved_tags)
		return -EINVAL;
	err = kblockd_start();
	if (err)
		return err;
	if (set->queue_depth > BLK_MQ_MAX_DEPTH)
		set->queue_depth = BLK_MQ_MAX_DEPTH;
	if (!set->nr_maps)
		set->nr_maps = 1;
	else if (set->nr_maps > HCTX_MAX_TYPES)
		return -EINVAL;
	if (set->nr_maps == 1 && set->nr_hw_queues > nr_cpu_ids)
		set->nr_hw_queues = nr_cpu_ids;

	s = uldd_private_alloc(sizeof(*s), GFP_KERNEL | __GFP_ZERO);
	if (!s)
		return -ENOMEM;
	s->owner = set;
	s->cap = max(set->nr_hw_queues, nr_cpu_ids);
	s->nr_cpus = nr_cpu_ids;
	INIT_DELAYED_WORK(&s->nodisk_work, nodisk_work);
	set->uldd = s;
	mutex_init(&set->tag_list_lock);
	INIT_LIST_HEAD(&set->tag_list);
	err = -ENOMEM;
	set->tags = uldd_private_alloc(s->cap * sizeof(*set->tags), GFP_KERNEL | __GFP_ZERO);
	if (!set->tags)
		goto err_set;
	for (i = 0; i < set->nr_maps; i++) {
		set->map[i].mq_map = uldd_private_alloc(nr_cpu_ids * sizeof(unsigned int),
							GFP_KERNEL | __GFP_ZERO);
		if (!set->map[i].mq_map)
			goto err_maps;
	}
	map_set(set);
	for (i = 0; i < set->nr_hw_queues; i++) {
		err = uldd_blk_tags_alloc(set, i);
		if (err)
			goto err_tags;
	}
	queue_delayed_work(uldd_kblockd, &s->nodisk_work, BLK_NODISK_DELAY);
	return 0;

err_tags:
	while (i--)
		uldd_blk_tags_free(set, i);
err_maps:
	free_maps(set);
	uldd_private_free(set->tags);
	set->tags = NULL;
err_set:
	uldd_private_free(s);
	set->uldd = NULL;
	return err;
}

int blk_mq_alloc_sq_tag_set(struct blk_mq_tag_set *set, const struct blk_mq_ops *ops,
			    unsigned int queue_depth, unsigned int set_flags)
{
	memset(set, 0, sizeof(*set));
	set->ops = ops;
	set->nr_hw_queues = 1;
	set->nr_maps = 1;
	set->queue_depth = queue_depth;
	set->numa_node = NUMA_NO_NODE;
	set->flags = set_flags;
	return blk_mq_alloc_tag_set(set);
}

void blk_mq_free_tag_set(struct blk_mq_tag_set *set)
{
	if (!set->uldd)
		return;
	cancel_delayed_work_sync(&set->uldd->nodisk_work);
	WARN_ON(!list_empty(&set->tag_list));
	for (unsigned int i = 0; i < set->uldd->cap; i++)
		uldd_blk_tags_free(set, i);
	free_maps(set);
	uldd_private_free(set->tags);
	set->tags = NULL;
	uldd_private_free(set->uldd);
	set->uldd = NULL;
}

/* Hardware contexts */

static unsigned short hctx_type_of(struct blk_mq_tag_set *set, unsigned int idx)
{
	for (unsigned int t = 0; t < set->nr_maps; t++) {
		struct blk_mq_queue_map *m = &set->map[t];

		if (m->nr_queues && idx >= m->queue_offset && idx < m->queue_offset + m->nr_queues)
			return t;
	}
	return HCTX_TYPE_DEFAULT;
}

static void hctx_run_work(struct work_struct *work);

static struct blk_mq_hw_ctx *hctx_create(struct request_queue *q, unsigned int idx)
{
	struct blk_mq_tag_set *set = q->tag_set;
	struct blk_mq_hw_ctx *hctx;
	struct uldd_blk_hctx *h;

	hctx = uldd_private_alloc(sizeof(*hctx), GFP_KERNEL | __GFP_ZERO);
	h = uldd_private_alloc(sizeof(*h), GFP_KERNEL | __GFP_ZERO);
	if (!hctx || !h)
		goto err;
	/* Aligned to its size's power of two, so each vCPU's counts start a cache line. */
	h->stat =
		uldd_private_alloc(set->uldd->nr_cpus * sizeof(*h->stat), GFP_KERNEL | __GFP_ZERO);
	if (!h->stat)
		goto err;
	hctx->uldd = h;
	h->owner = hctx;
	hctx->queue = q;
	hctx->tags = set->tags[idx];
	hctx->queue_num = idx;
	hctx->flags = set->flags;
	hctx->numa_node = NUMA_NO_NODE;
	hctx->type = hctx_type_of(set, idx);
	spin_lock_init(&h->lock);
	INIT_LIST_HEAD(&h->dispatch);
	atomic_set(&h->active, 0);
	INIT_DELAYED_WORK(&h->run_work, hctx_run_work);
	if (set->ops->init_hctx && set->ops->init_hctx(hctx, set->driver_data, idx))
		goto err;
	return hctx;
err:
	if (h)
		uldd_private_free(h->stat);
	uldd_private_free(h);
	uldd_private_free(hctx);
	return NULL;
}

static void hctx_destroy(struct request_queue *q, struct blk_mq_hw_ctx *hctx, bool exit)
{
	cancel_delayed_work_sync(&hctx->uldd->run_work);
	if (exit && q->tag_set->ops->exit_hctx)
		q->tag_set->ops->exit_hctx(hctx, hctx->queue_num);
	uldd_private_free(hctx->uldd->stat);
	uldd_private_free(hctx->uldd);
	uldd_private_free(hctx);
}

/* Queues */

static void requeue_work(struct work_struct *work);
static void timeout_timer(struct timer_list *t);
static void timeout_work(struct work_struct *work);

struct request_queue *blk_mq_alloc_queue(struct blk_mq_tag_set *set, struct queue_limits *lim,
					 void *queuedata)
{
	struct request_queue *q;
	struct uldd_blk_queue *p;
	unsigned int i;

	if (!set->uldd)
		return ERR_PTR(-EINVAL);
	q = uldd_private_alloc(sizeof(*q), GFP_KERNEL | __GFP_ZERO);
	p = uldd_private_alloc(sizeof(*p), GFP_KERNEL | __GFP_ZERO);
	if (!q || !p)
		goto err_free;
	q->uldd = p;
	p->owner = q;
	q->queuedata = queuedata;
	q->tag_set = set;
	q->node = NUMA_NO_NODE;
	q->rq_timeout = set->timeout ? set->timeout : BLK_DEFAULT_TIMEOUT;
	mutex_init(&q->limits_lock);
	if (lim)
		q->limits = *lim;
	uldd_blk_limits_fill(&q->limits);
	if (q->limits.features & BLK_FEAT_SKIP_TAGSET_QUIESCE)
		set_bit(QUEUE_FLAG_SKIP_TAGSET_QUIESCE, &q->queue_flags);

	atomic_set(&p->usage, 0);
	mutex_init(&p->freeze_lock);
	init_waitqueue_head(&p->freeze_wq);
	spin_lock_init(&p->quiesce_lock);
	init_waitqueue_head(&p->quiesce_wq);
	kref_init(&p->ref);
	spin_lock_init(&p->requeue_lock);
	INIT_LIST_HEAD(&p->requeue_list);
	INIT_DELAYED_WORK(&p->requeue_work, requeue_work);
	timer_setup(&p->timer, timeout_timer, 0);
	INIT_WORK(&p->timeout_work, timeout_work);

	q->queue_hw_ctx =
		uldd_private_alloc(set->uldd->cap * sizeof(void *), GFP_KERNEL | __GFP_ZERO);
	if (!q->queue_hw_ctx)
		goto err_free;
	for (i = 0; i < set->nr_hw_queues; i++) {
		q->queue_hw_ctx[i] = hctx_create(q, i);
		if (!q->queue_hw_ctx[i])
			goto err_hctx;
	}
	q->nr_hw_queues = set->nr_hw_queues;
	mutex_lock(&set->tag_list_lock);
	list_add_tail(&p->set_node, &set->tag_list);
	mutex_unlock(&set->tag_list_lock);
	return q;

err_hctx:
	while (i--)
		hctx_destroy(q, q->queue_hw_ctx[i], true);
	uldd_private_free(q->queue_hw_ctx);
err_free:
	uldd_private_free(p);
	uldd_private_free(q);
	return ERR_PTR(-ENOMEM);
}

struct request_queue *blk_mq_init_queue(struct blk_mq_tag_set *set)
{
	return blk_mq_alloc_queue(set, NULL, NULL);
}

bool blk_get_queue(struct request_queue *q)
{
	if (blk_queue_dying(q))
		return false;
	kref_get(&q->uldd->ref);
	return true;
}

/* The memory goes in blk_put_queue(), which knows the queue. */
static void queue_release(struct kref *ref)
{
	(void)ref;
}

void blk_put_queue(struct request_queue *q)
{
	if (!kref_put(&q->uldd->ref, queue_release))
		return;
	if (!q->uldd->destroyed)
		blk_mq_destroy_queue(q);
	uldd_private_free(q->queue_hw_ctx);
	uldd_private_free(q->uldd);
	uldd_private_free(q);
}

/* Wakes everyone who sleeps on q: tag waiters, freeze and enter waiters. */
void uldd_blk_wake_all(struct request_queue *q)
{
	for (unsigned int i = 0; i < q->nr_hw_queues; i++)
		wake_up_all(&q->queue_hw_ctx[i]->tags->uldd->wait);
	wake_up_all(&q->uldd->freeze_wq);
}

void blk_sync_queue(struct request_queue *q)
{
	del_timer_sync(&q->uldd->timer);
	cancel_work_sync(&q->uldd->timeout_work);
}

/*
 * An admin queue's end (a disk's queue ends with put_disk()): no new
 * request, the allocated ones drained, the hctxs exited. The memory goes
 * with the last blk_put_queue().
 */
void blk_mq_destroy_queue(struct request_queue *q)
{
	struct uldd_blk_queue *p = q->uldd;

	if (p->destroyed)
		return;
	set_bit(QUEUE_FLAG_DYING, &q->queue_flags);
	blk_freeze_queue_start(q);
	uldd_blk_wake_all(q);
	blk_mq_freeze_queue_wait(q);
	blk_sync_queue(q);
	cancel_delayed_work_sync(&p->requeue_work);
	mutex_lock(&q->tag_set->tag_list_lock);
	list_del_init(&p->set_node);
	mutex_unlock(&q->tag_set->tag_list_lock);
	for (unsigned int i = 0; i < q->nr_hw_queues; i++) {
		hctx_destroy(q, q->queue_hw_ctx[i], true);
		q->queue_hw_ctx[i] = NULL;
	}
	q->nr_hw_queues = 0;
	p->destroyed = true;
}

/* Entering and freezing */

static bool enter_blocked(struct request_queue *q)
{
	return READ_ONCE(q->uldd->frozen) || blk_queue_dying(q);
}

/* One usage reference on q, waiting while it is frozen; -ENODEV once dying. */
int uldd_blk_queue_enter(struct request_queue *q, bool nowait)
{
	struct uldd_blk_queue *p = q->uldd;

	for (;;) {
		atomic_inc(&p->usage);
		smp_mb__after_atomic();
		if (likely(!enter_blocked(q)))
			return 0;
		uldd_blk_queue_exit(q);
		if (blk_queue_dying(q))
			return -ENODEV;
		if (nowait)
			return -EAGAIN;
		wait_event(p->freeze_wq, !enter_blocked(q));
	}
}

void uldd_blk_queue_exit(struct request_queue *q)
{
	struct uldd_blk_queue *p = q->uldd;

	if (atomic_dec_and_test(&p->usage) && READ_ONCE(p->frozen))
		wake_up_all(&p->freeze_wq);
}

void blk_freeze_queue_start(struct request_queue *q)
{
	struct uldd_blk_queue *p = q->uldd;

	mutex_lock(&p->freeze_lock);
	if (p->freeze_depth++ == 0) {
		WRITE_ONCE(p->frozen, true);
		smp_mb();
	}
	mutex_unlock(&p->freeze_lock);
}

void blk_mq_freeze_queue_wait(struct request_queue *q)
{
	wait_event(q->uldd->freeze_wq, atomic_read(&q->uldd->usage) == 0);
}

int blk_mq_freeze_queue_wait_timeout(struct request_queue *q, unsigned long timeout)
{
	return wait_event_timeout(q->uldd->freeze_wq, atomic_read(&q->uldd->usage) == 0, timeout);
}

void blk_mq_freeze_queue(struct request_queue *q)
{
	blk_freeze_queue_start(q);
	blk_mq_freeze_queue_wait(q);
}

void blk_mq_unfreeze_queue(struct request_queue *q)
{
	struct uldd_blk_queue *p = q->uldd;

	mutex_lock(&p->freeze_lock);
	if (!WARN_ON(!p->freeze_depth) && --p->freeze_depth == 0) {
		WRITE_ONCE(p->frozen, false);
		wake_up_all(&p->freeze_wq);
	}
	mutex_unlock(&p->freeze_lock);
}

/* Quiescing */

void blk_mq_quiesce_queue_nowait(struct request_queue *q)
{
	unsigned long flags;

	spin_lock_irqsave(&q->uldd->quiesce_lock, flags);
	if (q->uldd->quiesce_depth++ == 0)
		set_bit(QUEUE_FLAG_QUIESCED, &q->queue_flags);
	spin_unlock_irqrestore(&q->uldd->quiesce_lock, flags);
	smp_mb__after_atomic();
}

void uldd_blk_mq_wait_quiesce_done_queue(struct request_queue *q)
{
	for (unsigned int i = 0; i < q->nr_hw_queues; i++) {
		struct uldd_blk_hctx *h = q->queue_hw_ctx[i]->uldd;

		wait_event(q->uldd->quiesce_wq, atomic_read(&h->active) == 0);
	}
}

void blk_mq_quiesce_queue(struct request_queue *q)
{
	blk_mq_quiesce_queue_nowait(q);
	uldd_blk_mq_wait_quiesce_done_queue(q);
}

void blk_mq_unquiesce_queue(struct request_queue *q)
{
	bool run = false;
	unsigned long flags;

	spin_lock_irqsave(&q->uldd->quiesce_lock, flags);
	/* Unbalanced calls are harmless, as Linux warns and goes on. */
	if (!WARN_ON_ONCE(!q->uldd->quiesce_depth) && --q->uldd->quiesce_depth == 0) {
		clear_bit(QUEUE_FLAG_QUIESCED, &q->queue_flags);
		run = true;
	}
	spin_unlock_irqrestore(&q->uldd->quiesce_lock, flags);
	if (run)
		blk_mq_run_hw_queues(q, true);
}

static bool skip_tagset_quiesce(struct request_queue *q)
{
	return test_bit(QUEUE_FLAG_SKIP_TAGSET_QUIESCE, &q->queue_flags) ||
	       (q->limits.features & BLK_FEAT_SKIP_TAGSET_QUIESCE);
}

/* In parentheses: the name is also blk-mq.h's macro. */
void(blk_mq_wait_quiesce_done)(struct blk_mq_tag_set *set)
{
	struct uldd_blk_queue *p;

	mutex_lock(&set->tag_list_lock);
	list_for_each_entry(p, &set->tag_list, set_node)
		uldd_blk_mq_wait_quiesce_done_queue(p->owner);
	mutex_unlock(&set->tag_list_lock);
}

void blk_mq_quiesce_tagset(struct blk_mq_tag_set *set)
{
	struct uldd_blk_queue *p;

	mutex_lock(&set->tag_list_lock);
	list_for_each_entry(p, &set->tag_list, set_node)
		if (!skip_tagset_quiesce(p->owner))
			blk_mq_quiesce_queue_nowait(p->owner);
	mutex_unlock(&set->tag_list_lock);
	blk_mq_wait_quiesce_done(set);
}

void blk_mq_unquiesce_tagset(struct blk_mq_tag_set *set)
{
	struct uldd_blk_queue *p;

	mutex_lock(&set->tag_list_lock);
	list_for_each_entry(p, &set->tag_list, set_node)
		if (!skip_tagset_quiesce(p->owner))
			blk_mq_unquiesce_queue(p->owner);
	mutex_unlock(&set->tag_list_lock);
}

/* Requests */

/* The hctx a request of opf goes to: hwq if it names one of the map's queues, else this vCPU's. */
struct blk_mq_hw_ctx *uldd_blk_pick_hctx(struct request_queue *q, blk_opf_t opf, unsigned int hwq)
{
	struct blk_mq_tag_set *set = q->tag_set;
	struct blk_mq_queue_map *m = &set->map[HCTX_TYPE_DEFAULT];
	unsigned int idx;

	if (set->nr_maps > HCTX_TYPE_READ && !op_is_write(opf) &&
	    set->map[HCTX_TYPE_READ].nr_queues)
		m = &set->map[HCTX_TYPE_READ];
	if (hwq < m->nr_queues)
		idx = m->queue_offset + hwq;
	else
		idx = m->mq_map[raw_smp_processor_id() % set->uldd->nr_cpus];
	if (idx >= q->nr_hw_queues)
		idx = 0;
	return q->queue_hw_ctx[idx];
}

/* A request on hctx for opf, the caller holding a usage reference on q. */
struct request *uldd_blk_get_request(struct request_queue *q, struct blk_mq_hw_ctx *hctx,
				     blk_opf_t opf, blk_mq_req_flags_t flags)
{
	struct blk_mq_tags *tags = hctx->tags;
	struct request *rq;
	int tag;

	tag = uldd_blk_tag_get(tags, flags & BLK_MQ_REQ_RESERVED, flags & BLK_MQ_REQ_NOWAIT, q);
	if (tag < 0)
		return ERR_PTR(tag);
	rq = tags->static_rqs[tag];
	rq->q = q;
	rq->mq_hctx = hctx;
	rq->mq_ctx = NULL;
	rq->tag = tag;
	rq->cmd_flags = opf;
	rq->rq_flags = (flags & BLK_MQ_REQ_RESERVED) ? RQF_RESV : 0;
	rq->timeout = 0;
	rq->__data_len = 0;
	rq->__sector = (sector_t)-1;
	rq->bio = NULL;
	rq->biotail = NULL;
	rq->part = q->disk ? q->disk->part0 : NULL;
	rq->start_time_ns = 0;
	rq->io_start_time_ns = 0; /* set when started: the latency 'uldd stats' shows */
	rq->nr_phys_segments = 0;
	rq->nr_integrity_segments = 0;
	rq->ioprio = 0;
	rq->deadline = 0;
	rq->special_vec = (struct bio_vec){ 0 };
	rq->end_io = NULL;
	rq->end_io_data = NULL;
	rq->rq_next = NULL;
	WRITE_ONCE(rq->state, MQ_RQ_IDLE);
	atomic_set(&rq->ref, 1);
	WRITE_ONCE(tags->rqs[tag], rq);
	return rq;
}

static struct request *alloc_request(struct request_queue *q, blk_opf_t opf,
				     blk_mq_req_flags_t flags, struct blk_mq_hw_ctx *hctx)
{
	struct request *rq;
	int err;

	err = uldd_blk_queue_enter(q, flags & BLK_MQ_REQ_NOWAIT);
	if (err)
		return ERR_PTR(err);
	if (!hctx)
		hctx = uldd_blk_pick_hctx(q, opf, UINT_MAX);
	rq = uldd_blk_get_request(q, hctx, opf, flags);
	if (IS_ERR(rq))
		uldd_blk_queue_exit(q);
	return rq;
}

struct request *blk_mq_alloc_request(struct request_queue *q, blk_opf_t opf,
				     blk_mq_req_flags_t flags)
{
	return alloc_request(q, opf, flags, NULL);
}

struct request *blk_mq_alloc_request_hctx(struct request_queue *q, blk_opf_t opf,
					  blk_mq_req_flags_t flags, unsigned int hctx_idx)
{
	if (hctx_idx >= q->nr_hw_queues)
		return ERR_PTR(-EIO);
	return alloc_request(q, opf, flags, q->queue_hw_ctx[hctx_idx]);
}

void uldd_blk_free_final(struct request *rq)
{
	struct request_queue *q = rq->q;
	struct blk_mq_hw_ctx *hctx = rq->mq_hctx;

	rq->bio = NULL;
	rq->biotail = NULL;
	uldd_blk_tag_put(hctx->tags, rq->tag);
	/* A request refused for want of a resource may go now. */
	if (!list_empty(&hctx->uldd->dispatch))
		blk_mq_run_hw_queue(hctx, true);
	uldd_blk_queue_exit(q);
}

void blk_mq_free_request(struct request *rq)
{
	WRITE_ONCE(rq->state, MQ_RQ_IDLE);
	if (atomic_dec_and_test(&rq->ref))
		uldd_blk_free_final(rq);
}

/* Dispatch */

static bool hctx_held(struct blk_mq_hw_ctx *hctx)
{
	return test_bit(QUEUE_FLAG_QUIESCED, &hctx->queue->queue_flags) ||
	       test_bit(ULDD_HCTX_STOPPED, &hctx->state);
}

static void hctx_left(struct blk_mq_hw_ctx *hctx)
{
	if (atomic_dec_and_test(&hctx->uldd->active) &&
	    test_bit(QUEUE_FLAG_QUIESCED, &hctx->queue->queue_flags))
		wake_up_all(&hctx->queue->uldd->quiesce_wq);
}

static void park(struct blk_mq_hw_ctx *hctx, struct request *rq, bool head)
{
	unsigned long flags;

	spin_lock_irqsave(&hctx->uldd->lock, flags);
	if (head)
		list_add(&rq->uldd_node, &hctx->uldd->dispatch);
	else
		list_add_tail(&rq->uldd_node, &hctx->uldd->dispatch);
	spin_unlock_irqrestore(&hctx->uldd->lock, flags);
}

/*
 * ops->queue_rq for rq: true if the driver took it or it was ended; false
 * if it must wait (then rq is on the dispatch list, at its head).
 */
static bool issue(struct blk_mq_hw_ctx *hctx, struct request *rq)
{
	const struct blk_mq_queue_data bd = { .rq = rq, .last = true };
	bool blocking = hctx->flags & BLK_MQ_F_BLOCKING;
	blk_status_t ret;

	atomic_inc(&hctx->uldd->active);
	smp_mb__after_atomic();
	if (unlikely(hctx_held(hctx))) {
		hctx_left(hctx);
		park(hctx, rq, true);
		/* An unquiesce between the test and the list would not see rq. */
		smp_mb();
		if (!hctx_held(hctx))
			mod_delayed_work(uldd_kblockd, &hctx->uldd->run_work, 0);
		return false;
	}
	if (!blocking)
		rcu_read_lock();
	ret = hctx->queue->tag_set->ops->queue_rq(hctx, &bd);
	if (!blocking)
		rcu_read_unlock();
	hctx_left(hctx);
	switch (ret) {
	case BLK_STS_OK:
		return true;
	case BLK_STS_RESOURCE:
	case BLK_STS_DEV_RESOURCE:
		park(hctx, rq, true);
		/* Also retried when a request of this hctx is freed. */
		mod_delayed_work(uldd_kblockd, &hctx->uldd->run_work,
				 msecs_to_jiffies(BLK_RESOURCE_DELAY_MS));
		return false;
	default:
		blk_mq_end_request(rq, ret);
		return true;
	}
}

/* Whether this context may call queue_rq now. */
static bool can_issue_here(struct blk_mq_hw_ctx *hctx)
{
	if (in_interrupt() || irqs_disabled())
		return false;
	return !(hctx->flags & BLK_MQ_F_BLOCKING) || !in_atomic();
}

/* Sends rq to the driver now, or leaves it on its hctx's list for the run work. */
void uldd_blk_dispatch(struct request *rq)
{
	struct blk_mq_hw_ctx *hctx = rq->mq_hctx;

	if (likely(can_issue_here(hctx) && list_empty(&hctx->uldd->dispatch))) {
		issue(hctx, rq);
		return;
	}
	park(hctx, rq, false);
	blk_mq_run_hw_queue(hctx, true);
}

static void hctx_run(struct blk_mq_hw_ctx *hctx)
{
	struct uldd_blk_hctx *h = hctx->uldd;
	struct request *rq;
	unsigned long flags;

	for (;;) {
		if (hctx_held(hctx))
			return;
		spin_lock_irqsave(&h->lock, flags);
		rq = list_first_entry_or_null(&h->dispatch, struct request, uldd_node);
		if (rq)
			list_del_init(&rq->uldd_node);
		spin_unlock_irqrestore(&h->lock, flags);
		if (!rq || !issue(hctx, rq))
			return;
	}
}

static void hctx_run_work(struct work_struct *work)
{
	struct uldd_blk_hctx *h =
		container_of(to_delayed_work(work), struct uldd_blk_hctx, run_work);
	struct blk_mq_hw_ctx *hctx = h->owner;

	hctx_run(hctx);
}

void blk_mq_run_hw_queue(struct blk_mq_hw_ctx *hctx, bool async)
{
	if (hctx_held(hctx) || list_empty(&hctx->uldd->dispatch))
		return;
	if (!async && can_issue_here(hctx))
		hctx_run(hctx);
	else
		mod_delayed_work(uldd_kblockd, &hctx->uldd->run_work, 0);
}

void blk_mq_run_hw_queues(struct request_queue *q, bool async)
{
	for (unsigned int i = 0; i < q->nr_hw_queues; i++)
		blk_mq_run_hw_queue(q->queue_hw_ctx[i], async);
}

void blk_mq_stop_hw_queues(struct request_queue *q)
{
	for (unsigned int i = 0; i < q->nr_hw_queues; i++)
		set_bit(ULDD_HCTX_STOPPED, &q->queue_hw_ctx[i]->state);
}

void blk_mq_start_stopped_hw_queues(struct request_queue *q, bool async)
{
	for (unsigned int i = 0; i < q->nr_hw_queues; i++)
		clear_bit(ULDD_HCTX_STOPPED, &q->queue_hw_ctx[i]->state);
	blk_mq_run_hw_queues(q, async);
}

/* Passthrough execution */

void blk_execute_rq_nowait(struct request *rq, bool at_head)
{
	(void)at_head;
	uldd_blk_dispatch(rq);
}

struct sync_wait {
	struct completion done;
	blk_status_t status;
};

static enum rq_end_io_ret end_sync(struct request *rq, blk_status_t status)
{
	struct sync_wait *w = rq->end_io_data;

	w->status = status;
	complete(&w->done);
	return RQ_END_IO_NONE;
}

blk_status_t blk_execute_rq(struct request *rq, bool at_head)
{
	struct sync_wait w = { .status = BLK_STS_OK };

	init_completion(&w.done);
	rq->end_io = end_sync;
	rq->end_io_data = &w;
	blk_execute_rq_nowait(rq, at_head);
	wait_for_completion_io(&w.done);
	return w.status;
}

/* Starting, completing, ending */

void blk_mq_start_request(struct request *rq)
{
	struct request_queue *q = rq->q;
	struct timer_list *t = &q->uldd->timer;
	unsigned long expiry;

	if (!rq->timeout)
		rq->timeout = q->rq_timeout;
	rq->deadline = jiffies + rq->timeout;
	expiry = rq->deadline;
	rq->io_start_time_ns = ktime_get_ns();
	smp_wmb();
	WRITE_ONCE(rq->state, MQ_RQ_IN_FLIGHT);
	rq->rq_flags &= ~RQF_TIMED_OUT;
	if (!timer_pending(t) || time_before(expiry, READ_ONCE(t->expires)))
		mod_timer(t, expiry);
}

bool blk_mq_complete_request_remote(struct request *rq)
{
	WRITE_ONCE(rq->state, MQ_RQ_COMPLETE);
	return false;
}

void blk_mq_complete_request(struct request *rq)
{
	if (!blk_mq_complete_request_remote(rq))
		rq->q->tag_set->ops->complete(rq);
}

void __blk_mq_end_request(struct request *rq, blk_status_t error)
{
	/* Before end_io, which may free rq. */
	uldd_blk_stat_end(rq, error);
	if (rq->end_io) {
		if (rq->end_io(rq, error) == RQ_END_IO_FREE)
			blk_mq_free_request(rq);
	} else {
		blk_mq_free_request(rq);
	}
}

void blk_mq_end_request(struct request *rq, blk_status_t error)
{
	struct bio *bio = rq->bio;

	while (bio) {
		struct bio *next = bio->bi_next;

		bio->bi_status = error;
		if (bio->bi_end_io)
			bio_endio(bio);
		bio = next;
	}
	__blk_mq_end_request(rq, error);
}

void blk_mq_end_request_batch(struct io_comp_batch *iob)
{
	struct request *rq;

	while ((rq = rq_list_pop(&iob->req_list)))
		blk_mq_end_request(rq, BLK_STS_OK);
}

/* Requeueing */

void blk_mq_requeue_request(struct request *rq, bool kick_requeue_list)
{
	struct uldd_blk_queue *p = rq->q->uldd;
	struct uldd_blk_stat *st = uldd_blk_stat_here(rq->mq_hctx);
	unsigned long flags;

	WRITE_ONCE(st->requeues, st->requeues + 1);
	WRITE_ONCE(rq->state, MQ_RQ_IDLE);
	rq->rq_flags &= ~RQF_TIMED_OUT;
	spin_lock_irqsave(&p->requeue_lock, flags);
	list_add_tail(&rq->uldd_node, &p->requeue_list);
	spin_unlock_irqrestore(&p->requeue_lock, flags);
	if (kick_requeue_list)
		blk_mq_kick_requeue_list(rq->q);
}

static void requeue_work(struct work_struct *work)
{
	struct uldd_blk_queue *p =
		container_of(to_delayed_work(work), struct uldd_blk_queue, requeue_work);
	struct request *rq, *next;
	unsigned long flags;
	LIST_HEAD(list);

	spin_lock_irqsave(&p->requeue_lock, flags);
	list_splice_init(&p->requeue_list, &list);
	spin_unlock_irqrestore(&p->requeue_lock, flags);
	list_for_each_entry_safe(rq, next, &list, uldd_node) {
		list_del_init(&rq->uldd_node);
		uldd_blk_dispatch(rq);
	}
}

void blk_mq_kick_requeue_list(struct request_queue *q)
{
	mod_delayed_work(uldd_kblockd, &q->uldd->requeue_work, 0);
}

void blk_mq_delay_kick_requeue_list(struct request_queue *q, unsigned long msecs)
{
	mod_delayed_work(uldd_kblockd, &q->uldd->requeue_work, msecs_to_jiffies(msecs));
}

/* Timeouts */

static void timeout_timer(struct timer_list *t)
{
	struct uldd_blk_queue *p = from_timer(p, t, timer);

	queue_work(uldd_kblockd, &p->timeout_work);
}

static void timeout_work(struct work_struct *work)
{
	struct uldd_blk_queue *p = container_of(work, struct uldd_blk_queue, timeout_work);
	struct request_queue *q = p->owner;
	struct blk_mq_tag_set *set = q->tag_set;
	unsigned long next = 0, now = jiffies;
	bool have_next = false;

	for (unsigned int i = 0; i < q->nr_hw_queues; i++) {
		struct blk_mq_tags *tags = q->queue_hw_ctx[i]->tags;

		for (unsigned int tag = 0; tag < tags->nr_tags; tag++) {
			struct request *rq = tags->static_rqs[tag];
			unsigned long deadline;

			if (!test_bit(tag, tags->uldd->map) || READ_ONCE(rq->q) != q ||
			    blk_mq_rq_state(rq) != MQ_RQ_IN_FLIGHT)
				continue;
			if (!atomic_inc_not_zero(&rq->ref))
				continue;
			deadline = READ_ONCE(rq->deadline);
			if (blk_mq_rq_state(rq) == MQ_RQ_IN_FLIGHT &&
			    time_after_eq(now, deadline)) {
				enum blk_eh_timer_return r = BLK_EH_RESET_TIMER;
				struct uldd_blk_stat *st = uldd_blk_stat_here(rq->mq_hctx);

				WRITE_ONCE(st->timeouts, st->timeouts + 1);
				rq->rq_flags |= RQF_TIMED_OUT;
				if (set->ops->timeout)
					r = set->ops->timeout(rq);
				if (r == BLK_EH_RESET_TIMER &&
				    blk_mq_rq_state(rq) == MQ_RQ_IN_FLIGHT) {
					rq->rq_flags &= ~RQF_TIMED_OUT;
					rq->deadline = jiffies + rq->timeout;
					deadline = rq->deadline;
				} else {
					deadline = 0;
				}
			}
			if (deadline && blk_mq_rq_state(rq) == MQ_RQ_IN_FLIGHT &&
			    (!have_next || time_before(deadline, next))) {
				next = deadline;
				have_next = true;
			}
			if (atomic_dec_and_test(&rq->ref))
				uldd_blk_free_final(rq);
		}
	}
	if (have_next && !blk_queue_dying(q))
		mod_timer(&p->timer, next);
}

/* Changing the number of hardware queues */

void blk_mq_update_nr_hw_queues(struct blk_mq_tag_set *set, int nr_hw_queues)
{
	unsigned int old = set->nr_hw_queues, nr = nr_hw_queues;
	struct uldd_blk_queue *p;
	unsigned int i;

	if (nr_hw_queues < 1)
		return;
	if (set->nr_maps == 1 && nr > nr_cpu_ids)
		nr = nr_cpu_ids;
	if (nr > set->uldd->cap)
		nr = set->uldd->cap;
	mutex_lock(&set->tag_list_lock);
	list_for_each_entry(p, &set->tag_list, set_node)
		blk_mq_freeze_queue(p->owner);
	for (i = old; i < nr; i++) {
		if (uldd_blk_tags_alloc(set, i)) {
			pr_warn("blk-mq: no memory for hardware queue %u, keeping %u\n", i, old);
			nr = i;
			break;
		}
	}
	set->nr_hw_queues = nr;
	map_set(set);
	list_for_each_entry(p, &set->tag_list, set_node) {
		struct request_queue *q = p->owner;

		for (i = nr; i < q->nr_hw_queues; i++) {
			hctx_destroy(q, q->queue_hw_ctx[i], true);
			q->queue_hw_ctx[i] = NULL;
		}
		for (i = q->nr_hw_queues; i < nr; i++) {
			q->queue_hw_ctx[i] = hctx_create(q, i);
			if (!q->queue_hw_ctx[i])
				uldd_stop("blk-mq: cannot set up hardware queue %u", i);
		}
		q->nr_hw_queues = nr;
		for (i = 0; i < nr; i++)
			q->queue_hw_ctx[i]->type = hctx_type_of(set, i);
	}
	for (i = nr; i < old; i++)
		uldd_blk_tags_free(set, i);
	list_for_each_entry(p, &set->tag_list, set_node)
		blk_mq_unfreeze_queue(p->owner);
	mutex_unlock(&set->tag_list_lock);
}

/* Not in uldd: user-memory passthrough and polling. */

int blk_rq_map_user_io(struct request *rq, struct rq_map_data *map_data, void __user *ubuf,
		       unsigned long buf_len, gfp_t gfp_mask, bool vec, int iov_count,
		       bool check_iter_count, int rw)
{
	(void)rq;
	(void)map_data;
	(void)ubuf;
	(void)buf_len;
	(void)gfp_mask;
	(void)vec;
	(void)iov_count;
	(void)check_iter_count;
	(void)rw;
	uldd_trace_and_stop(__func__);
}

int blk_rq_map_user_iov(struct request_queue *q, struct request *rq, struct rq_map_data *map_data,
			const struct iov_iter *iter, gfp_t gfp)
{
	(void)q;
	(void)rq;
	(void)map_data;
	(void)iter;
	(void)gfp;
	uldd_trace_and_stop(__func__);
}

int blk_rq_unmap_user(struct bio *bio)
{
	(void)bio;
	uldd_trace_and_stop(__func__);
}

int blk_rq_poll(struct request *rq, struct io_comp_batch *iob, unsigned int poll_flags)
{
	(void)rq;
	(void)iob;
	(void)poll_flags;
	return 0;
}

int bio_poll(struct bio *bio, struct io_comp_batch *iob, unsigned int flags)
{
	(void)bio;
	(void)iob;
	(void)flags;
	return 0;
}
