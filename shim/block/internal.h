/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * internal.h - the block layer's private state (behind the uldd pointers
 * of request_queue, blk_mq_hw_ctx, blk_mq_tags, request and gendisk) and
 * the calls between shim/block's files.
 */
#ifndef ULDD_SHIM_BLOCK_INTERNAL_H
#define ULDD_SHIM_BLOCK_INTERNAL_H

#include <linux/blk-mq.h>
#include <linux/blkdev.h>
#include <linux/cache.h>
#include <linux/kref.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

/* The most bytes of one uldd_blk_submit() I/O, and the vectors it needs. */
#define ULDD_BLK_MAX_IO (256U * 1024)
#define ULDD_BLK_RQ_VECS (ULDD_BLK_MAX_IO / PAGE_SIZE + 2)

/* hctx->state bits */
#define ULDD_HCTX_STOPPED 0

struct uldd_blk_set {
	struct blk_mq_tag_set *owner;
	unsigned int cap; /* entries of set->tags and of a queue's hctx array */
	unsigned int nr_cpus; /* entries of each map's mq_map */
	bool add_failed; /* a disk on it could not be exported (said already) */
	struct delayed_work nodisk_work; /* says so if the set never gets a queue */
};

struct uldd_blk_tags {
	spinlock_t lock;
	unsigned long *map; /* a bit per tag in use */
	unsigned int used, max_used; /* tags in use now and at most: a queue's depth */
	unsigned int hint; /* where the next search for a normal tag starts */
	struct wait_queue_head wait; /* tasks waiting for a tag */
};

/* The kinds of request 'uldd stats' counts apart: an index of uldd_blk_stat's arrays. */
enum uldd_blk_stat_op {
	ULDD_BLK_STAT_READ,
	ULDD_BLK_STAT_WRITE,
	ULDD_BLK_STAT_FLUSH,
	ULDD_BLK_STAT_DISCARD,
	ULDD_BLK_STAT_WRITE_ZEROES,
	ULDD_BLK_STAT_OTHER, /* passthrough (REQ_OP_DRV_*) and the rest */
	ULDD_BLK_STAT_OPS
};

/*
 * One vCPU's counts of a hardware queue, written by that vCPU alone with
 * plain stores (a task keeps its vCPU from one load to the next store: it
 * does not sleep between them), read by the report, which sums the vCPUs.
 * A cache line or more of its own, so vCPUs never share a line.
 */
struct uldd_blk_stat {
	u64 ios[ULDD_BLK_STAT_OPS]; /* ended, with or without an error */
	u64 bytes[ULDD_BLK_STAT_OPS];
	u64 errors, requeues, timeouts;
	u64 lat_n, lat_sum_ns, lat_max_ns; /* blk_mq_start_request() to the end */
} ____cacheline_aligned;

struct uldd_blk_hctx {
	struct blk_mq_hw_ctx *owner;
	struct uldd_blk_stat *stat; /* nr_cpus of them: uldd_blk_set.nr_cpus */
	spinlock_t lock;
	struct list_head dispatch; /* requests waiting to be dispatched, in order */
	atomic_t active; /* tasks inside ops->queue_rq */
	struct delayed_work run_work;
};

struct uldd_blk_queue {
	struct request_queue *owner;
	atomic_t usage; /* requests allocated and not freed, and submitters entering */
	bool frozen;
	unsigned int freeze_depth;
	struct mutex freeze_lock;
	struct wait_queue_head freeze_wq; /* usage reaching 0, an unfreeze, death */
	spinlock_t quiesce_lock;
	unsigned int quiesce_depth;
	struct wait_queue_head quiesce_wq; /* a hctx's active count reaching 0 */
	struct kref ref;
	spinlock_t requeue_lock;
	struct list_head requeue_list;
	struct delayed_work requeue_work;
	struct timer_list timer;
	struct work_struct timeout_work;
	struct list_head set_node; /* on the tag set's tag_list */
	bool destroyed;
};

/* Per request: the bio and vectors of a uldd I/O or a blk_rq_map_kern(). */
struct uldd_blk_rqx {
	struct bio bio;
	unsigned int hctx_idx;
	struct bio_vec vecs[ULDD_BLK_RQ_VECS];
};

struct uldd_blk_disk {
	struct block_device bdev;
	struct list_head node; /* on genhd.c's list of added disks */
};

static inline struct uldd_blk_rqx *rqx(struct request *rq)
{
	return rq->uldd;
}

/* blk-mq.c */
extern struct workqueue_struct *uldd_kblockd;
int uldd_blk_queue_enter(struct request_queue *q, bool nowait);
void uldd_blk_queue_exit(struct request_queue *q);
struct blk_mq_hw_ctx *uldd_blk_pick_hctx(struct request_queue *q, blk_opf_t opf, unsigned int hwq);
struct request *uldd_blk_get_request(struct request_queue *q, struct blk_mq_hw_ctx *hctx,
				     blk_opf_t opf, blk_mq_req_flags_t flags);
void uldd_blk_dispatch(struct request *rq);
void uldd_blk_wake_all(struct request_queue *q);
/* The last reference to rq is gone: its tag goes back, its queue is left. */
void uldd_blk_free_final(struct request *rq);

/* stats.c: the counts of a request's end, on this vCPU. */
void uldd_blk_stat_end(struct request *rq, blk_status_t error);

/* This vCPU's counts of hctx: its alone while the task does not sleep. */
static inline struct uldd_blk_stat *uldd_blk_stat_here(struct blk_mq_hw_ctx *hctx)
{
	unsigned int cpu = raw_smp_processor_id();

	return &hctx->uldd->stat[cpu < hctx->queue->tag_set->uldd->nr_cpus ? cpu : 0];
}

/* genhd.c: the added disk of that name, or NULL; the list stays locked until the unlock. */
struct gendisk *uldd_blk_disk_find_lock(const char *name);
void uldd_blk_disks_unlock(void);

/* blk-mq-tag.c */
int uldd_blk_tags_alloc(struct blk_mq_tag_set *set, unsigned int idx);
void uldd_blk_tags_free(struct blk_mq_tag_set *set, unsigned int idx);
int uldd_blk_tag_get(struct blk_mq_tags *tags, bool reserved, bool nowait, struct request_queue *q);
void uldd_blk_tag_put(struct blk_mq_tags *tags, unsigned int tag);

/* blk-map.c */
int uldd_blk_bio_over(struct request *rq, void *buf, unsigned int len);
unsigned int uldd_blk_count_segments(struct request_queue *q, struct request *rq);

/* blk-settings.c */
void uldd_blk_limits_fill(struct queue_limits *lim);

#endif /* ULDD_SHIM_BLOCK_INTERNAL_H */
