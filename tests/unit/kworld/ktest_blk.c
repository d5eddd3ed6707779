// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ktest_blk.c - K-world cases for test_blk.c: the block layer (shim/block)
 * under a test driver whose queue_rq the case chooses (complete at once,
 * hold requests until the case releases them, requeue once), and the
 * samples/blkram driver, built in here without its module registration,
 * through uldd_blk_submit(), and the counts 'uldd stats' reports. Waits that could only end by a bug are
 * bounded by 30 s, far past anything a loaded host needs.
 */
#include <linux/blk-mq.h>
#include <linux/blkdev.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/scatterlist.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/timekeeping.h>

#include "../../../shim/block/block.h"
#include "../../../shim/entry.h"
#include "ktest_blk.h"

/*
 * samples/blkram, without its module registration and parameters (every
 * unit test links this object): the cases set its parameters and call its
 * init and exit.
 */
#include <linux/module.h>
#include <linux/moduleparam.h>
#undef module_param
#define module_param(name, type, perm)
#undef MODULE_PARM_DESC
#define MODULE_PARM_DESC(name, text)
#undef MODULE_DESCRIPTION
#define MODULE_DESCRIPTION(text)
#undef MODULE_LICENSE
#define MODULE_LICENSE(text)
#undef module_init
#undef module_exit
#define module_init(fn)
#define module_exit(fn)
#undef KBUILD_MODNAME
#define KBUILD_MODNAME "blkram"
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
#include "../../../samples/blkram/blkram.c"
#pragma GCC diagnostic pop

#define LONG_WAIT (30 * HZ)

int KTEST(ktest_blk_setup)(unsigned int nr_vcpus)
{
	return uldd_sched_init(nr_vcpus);
}

/* The test driver */

enum tmode { T_INLINE, T_HOLD, T_REQUEUE_ONCE };

struct tcmd {
	int tries;
	struct list_head node;
};

static struct tdrv {
	enum tmode mode;
	struct blk_mq_tag_set set;
	struct gendisk *disk;
	atomic_t queued; /* queue_rq calls */
	atomic_t timeouts;
	int reset_timeouts; /* timeouts answered RESET_TIMER before DONE */
	spinlock_t lock;
	struct list_head held;
	u8 data[64 * 1024];
} td;

static blk_status_t t_queue_rq(struct blk_mq_hw_ctx *hctx, const struct blk_mq_queue_data *bd)
{
	struct request *rq = bd->rq;
	struct tcmd *cmd = blk_mq_rq_to_pdu(rq);
	unsigned long flags;

	(void)hctx;
	atomic_inc(&td.queued);
	blk_mq_start_request(rq);
	if (td.mode == T_REQUEUE_ONCE && cmd->tries++ == 0) {
		blk_mq_requeue_request(rq, true);
		return BLK_STS_OK;
	}
	if (td.mode == T_HOLD) {
		spin_lock_irqsave(&td.lock, flags);
		list_add_tail(&cmd->node, &td.held);
		spin_unlock_irqrestore(&td.lock, flags);
		return BLK_STS_OK;
	}
	blk_mq_complete_request(rq);
	return BLK_STS_OK;
}

static void t_complete(struct request *rq)
{
	blk_mq_end_request(rq, BLK_STS_OK);
}

static enum blk_eh_timer_return t_timeout(struct request *rq)
{
	struct tcmd *cmd = blk_mq_rq_to_pdu(rq);
	unsigned long flags;

	if (atomic_inc_return(&td.timeouts) <= td.reset_timeouts)
		return BLK_EH_RESET_TIMER;
	spin_lock_irqsave(&td.lock, flags);
	list_del_init(&cmd->node);
	spin_unlock_irqrestore(&td.lock, flags);
	blk_mq_end_request(rq, BLK_STS_TIMEOUT);
	return BLK_EH_DONE;
}

static int t_init_request(struct blk_mq_tag_set *set, struct request *rq, unsigned int idx,
			  unsigned int node)
{
	struct tcmd *cmd = blk_mq_rq_to_pdu(rq);

	(void)set;
	(void)idx;
	(void)node;
	INIT_LIST_HEAD(&cmd->node);
	return 0;
}

static const struct blk_mq_ops t_ops = {
	.queue_rq = t_queue_rq,
	.complete = t_complete,
	.timeout = t_timeout,
	.init_request = t_init_request,
};

static const struct block_device_operations t_fops = {};

static int tdrv_up(enum tmode mode, unsigned int depth, unsigned int nr_hw, unsigned int timeout)
{
	struct queue_limits lim = { .max_segment_size = 64 * 1024 };
	int err;

	memset(&td.set, 0, sizeof(td.set));
	td.mode = mode;
	atomic_set(&td.queued, 0);
	atomic_set(&td.timeouts, 0);
	td.reset_timeouts = 0;
	spin_lock_init(&td.lock);
	INIT_LIST_HEAD(&td.held);
	td.set.ops = &t_ops;
	td.set.nr_hw_queues = nr_hw;
	td.set.queue_depth = depth;
	td.set.cmd_size = sizeof(struct tcmd);
	td.set.timeout = timeout;
	td.set.numa_node = NUMA_NO_NODE;
	err = blk_mq_alloc_tag_set(&td.set);
	if (err)
		return err;
	td.disk = blk_mq_alloc_disk(&td.set, &lim, &td);
	if (IS_ERR(td.disk)) {
		blk_mq_free_tag_set(&td.set);
		return PTR_ERR(td.disk);
	}
	strscpy(td.disk->disk_name, "tblk0", sizeof(td.disk->disk_name));
	td.disk->fops = &t_fops;
	set_capacity(td.disk, sizeof(td.data) >> SECTOR_SHIFT);
	err = add_disk(td.disk);
	if (err) {
		put_disk(td.disk);
		blk_mq_free_tag_set(&td.set);
	}
	return err;
}

static void tdrv_release_all(void)
{
	struct tcmd *cmd;
	unsigned long flags;

	for (;;) {
		spin_lock_irqsave(&td.lock, flags);
		cmd = list_first_entry_or_null(&td.held, struct tcmd, node);
		if (cmd)
			list_del_init(&cmd->node);
		spin_unlock_irqrestore(&td.lock, flags);
		if (!cmd)
			return;
		blk_mq_complete_request(blk_mq_rq_from_pdu(cmd));
	}
}

static void tdrv_down(void)
{
	tdrv_release_all();
	del_gendisk(td.disk);
	put_disk(td.disk);
	blk_mq_free_tag_set(&td.set);
}

/* An I/O whose end the case waits for. */
struct tio {
	struct uldd_blk_io io;
	struct completion done;
	atomic_t calls;
	blk_status_t status;
};

static void tio_done(struct uldd_blk_io *io, blk_status_t status)
{
	struct tio *t = container_of(io, struct tio, io);

	t->status = status;
	atomic_inc(&t->calls);
	complete(&t->done);
}

static void tio_init(struct tio *t, unsigned int op, sector_t sector, void *buf, unsigned int bytes)
{
	memset(t, 0, sizeof(*t));
	t->io.op = op;
	t->io.sector = sector;
	t->io.buf = buf;
	t->io.bytes = bytes;
	t->io.hwq = UINT_MAX;
	t->io.done = tio_done;
	init_completion(&t->done);
}

static bool tio_wait(struct tio *t)
{
	return wait_for_completion_timeout(&t->done, LONG_WAIT) != 0;
}

static void idle_until_stopped(void)
{
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (kthread_should_stop())
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
}

/* Tags: never one handed out twice, even from two vCPUs at once. */

#define TAG_ROUNDS 2000
static atomic_t tag_owner[16];
static atomic_t tag_dups, tag_workers_done;

static int tag_worker(void *arg)
{
	(void)arg;
	for (int i = 0; i < TAG_ROUNDS; i++) {
		struct request *rq = blk_mq_alloc_request(td.disk->queue, REQ_OP_DRV_IN, 0);

		if (IS_ERR(rq)) {
			atomic_inc(&tag_dups);
			break;
		}
		if (atomic_cmpxchg(&tag_owner[rq->tag], 0, 1) != 0)
			atomic_inc(&tag_dups);
		if ((i & 15) == 0)
			cond_resched();
		atomic_set(&tag_owner[rq->tag], 0);
		blk_mq_free_request(rq);
	}
	atomic_inc(&tag_workers_done);
	idle_until_stopped();
	return 0;
}

static int case_tags_unique(void)
{
	struct task_struct *k[2];
	unsigned long until;

	KCHECK(tdrv_up(T_INLINE, 4, 1, 0) == 0);
	atomic_set(&tag_dups, 0);
	atomic_set(&tag_workers_done, 0);
	k[0] = kthread_run(tag_worker, NULL, "blktag0");
	k[1] = kthread_run(tag_worker, NULL, "blktag1");
	KCHECK(!IS_ERR(k[0]) && !IS_ERR(k[1]));
	until = jiffies + LONG_WAIT;
	while (atomic_read(&tag_workers_done) < 2 && time_before(jiffies, until))
		msleep(2);
	kthread_stop(k[0]);
	kthread_stop(k[1]);
	KCHECK(atomic_read(&tag_workers_done) == 2);
	KCHECK(atomic_read(&tag_dups) == 0);
	tdrv_down();
	return 0;
}

/* A task waiting for a tag gets the one freed. */

static struct request *waiter_rq;
static struct completion waiter_got;

static int tag_waiter(void *arg)
{
	(void)arg;
	waiter_rq = blk_mq_alloc_request(td.disk->queue, REQ_OP_DRV_IN, 0);
	complete(&waiter_got);
	idle_until_stopped();
	return 0;
}

static int case_tag_waiter(void)
{
	struct request *rq[2];
	struct task_struct *k;
	int tag;

	KCHECK(tdrv_up(T_INLINE, 2, 1, 0) == 0);
	rq[0] = blk_mq_alloc_request(td.disk->queue, REQ_OP_DRV_IN, 0);
	rq[1] = blk_mq_alloc_request(td.disk->queue, REQ_OP_DRV_IN, 0);
	KCHECK(!IS_ERR(rq[0]) && !IS_ERR(rq[1]));
	KCHECK(PTR_ERR(blk_mq_alloc_request(td.disk->queue, REQ_OP_DRV_IN, BLK_MQ_REQ_NOWAIT)) ==
	       -EWOULDBLOCK);
	init_completion(&waiter_got);
	waiter_rq = NULL;
	k = kthread_run(tag_waiter, NULL, "blkwait");
	KCHECK(!IS_ERR(k));
	msleep(20);
	KCHECK(!completion_done(&waiter_got));
	tag = rq[1]->tag;
	blk_mq_free_request(rq[1]);
	KCHECK(wait_for_completion_timeout(&waiter_got, LONG_WAIT));
	kthread_stop(k);
	KCHECK(!IS_ERR(waiter_rq) && waiter_rq->tag == tag);
	blk_mq_free_request(waiter_rq);
	blk_mq_free_request(rq[0]);
	tdrv_down();
	return 0;
}

/* uldd_blk_submit -> queue_rq -> complete -> end_request -> done, once, with the data. */
static int case_submit_roundtrip(void)
{
	u8 *buf = kmalloc(8192, GFP_KERNEL);
	struct tio t;

	KCHECK(buf);
	KCHECK(tdrv_up(T_INLINE, 8, 2, 0) == 0);
	tio_init(&t, REQ_OP_READ, 8, buf, 8192);
	KCHECK(uldd_blk_submit(td.disk, &t.io) == 0);
	KCHECK(tio_wait(&t));
	KCHECK(t.status == BLK_STS_OK && atomic_read(&t.calls) == 1);
	KCHECK(atomic_read(&td.queued) == 1);
	/* Past the end: refused before anything starts. */
	tio_init(&t, REQ_OP_READ, (sizeof(td.data) >> SECTOR_SHIFT) - 8, buf, 8192);
	KCHECK(uldd_blk_submit(td.disk, &t.io) == -EINVAL);
	KCHECK(atomic_read(&t.calls) == 0);
	tdrv_down();
	kfree(buf);
	return 0;
}

/* A request the driver requeues is dispatched again and ends once. */
static int case_requeue(void)
{
	u8 *buf = kmalloc(4096, GFP_KERNEL);
	struct tio t;

	KCHECK(buf);
	KCHECK(tdrv_up(T_REQUEUE_ONCE, 8, 1, 0) == 0);
	tio_init(&t, REQ_OP_WRITE, 0, buf, 4096);
	KCHECK(uldd_blk_submit(td.disk, &t.io) == 0);
	KCHECK(tio_wait(&t));
	KCHECK(t.status == BLK_STS_OK && atomic_read(&t.calls) == 1);
	KCHECK(atomic_read(&td.queued) == 2);
	tdrv_down();
	kfree(buf);
	return 0;
}

/* ops->timeout runs once the timeout passes; RESET_TIMER arms it again. */
static int case_timeout(void)
{
	u8 *buf = kmalloc(4096, GFP_KERNEL);
	struct tio t;

	KCHECK(buf);
	KCHECK(tdrv_up(T_HOLD, 8, 1, HZ / 10) == 0);
	td.reset_timeouts = 1;
	tio_init(&t, REQ_OP_READ, 0, buf, 4096);
	KCHECK(uldd_blk_submit(td.disk, &t.io) == 0);
	KCHECK(tio_wait(&t));
	KCHECK(atomic_read(&td.timeouts) == 2);
	KCHECK(t.status == BLK_STS_TIMEOUT && atomic_read(&t.calls) == 1);
	tdrv_down();
	kfree(buf);
	return 0;
}

/* A freeze waits for the request in flight. */

static struct completion frozen;

static int freezer(void *arg)
{
	blk_mq_freeze_queue(arg);
	complete(&frozen);
	idle_until_stopped();
	return 0;
}

static int case_freeze_waits(void)
{
	u8 *buf = kmalloc(4096, GFP_KERNEL);
	struct task_struct *k;
	struct tio t;

	KCHECK(buf);
	KCHECK(tdrv_up(T_HOLD, 8, 1, 0) == 0);
	tio_init(&t, REQ_OP_READ, 0, buf, 4096);
	KCHECK(uldd_blk_submit(td.disk, &t.io) == 0);
	init_completion(&frozen);
	k = kthread_run(freezer, td.disk->queue, "blkfreeze");
	KCHECK(!IS_ERR(k));
	msleep(20);
	KCHECK(!completion_done(&frozen));
	tdrv_release_all();
	KCHECK(tio_wait(&t));
	KCHECK(wait_for_completion_timeout(&frozen, LONG_WAIT));
	kthread_stop(k);
	blk_mq_unfreeze_queue(td.disk->queue);
	tdrv_down();
	kfree(buf);
	return 0;
}

/* Nothing reaches queue_rq while the queue is quiesced; all of it after. */
static int case_quiesce(void)
{
	u8 *buf = kmalloc(4096, GFP_KERNEL);
	struct tio t;

	KCHECK(buf);
	KCHECK(tdrv_up(T_INLINE, 8, 1, 0) == 0);
	blk_mq_quiesce_queue(td.disk->queue);
	tio_init(&t, REQ_OP_READ, 0, buf, 4096);
	KCHECK(uldd_blk_submit(td.disk, &t.io) == 0);
	msleep(20);
	KCHECK(atomic_read(&td.queued) == 0 && !completion_done(&t.done));
	blk_mq_unquiesce_queue(td.disk->queue);
	KCHECK(tio_wait(&t));
	KCHECK(atomic_read(&td.queued) == 1 && t.status == BLK_STS_OK);
	tdrv_down();
	kfree(buf);
	return 0;
}

/* Adjacent pages of one buffer are one segment, split at max_segment_size. */
static int case_map_sg(void)
{
	u8 *buf = kmalloc(4 * PAGE_SIZE, GFP_KERNEL);
	struct scatterlist sg[8];
	struct request *rq;
	int n;

	KCHECK(buf);
	KCHECK(tdrv_up(T_INLINE, 8, 1, 0) == 0);
	rq = blk_mq_alloc_request(td.disk->queue, REQ_OP_DRV_IN, 0);
	KCHECK(!IS_ERR(rq));
	KCHECK(blk_rq_map_kern(td.disk->queue, rq, buf + 512, 3 * PAGE_SIZE, GFP_KERNEL) == 0);
	KCHECK(blk_rq_bytes(rq) == 3 * PAGE_SIZE);
	sg_init_table(sg, ARRAY_SIZE(sg));
	n = blk_rq_map_sg(td.disk->queue, rq, sg);
	KCHECK(n == 1 && blk_rq_nr_phys_segments(rq) == 1);
	KCHECK(sg_virt(&sg[0]) == buf + 512 && sg[0].length == 3 * PAGE_SIZE && sg_is_last(&sg[0]));
	/* With 4 KiB segments, split where the limit falls. */
	td.disk->queue->limits.max_segment_size = PAGE_SIZE;
	sg_init_table(sg, ARRAY_SIZE(sg));
	n = blk_rq_map_sg(td.disk->queue, rq, sg);
	KCHECK(n == 3 && sg[0].length == PAGE_SIZE && sg_virt(&sg[1]) == buf + 512 + PAGE_SIZE);
	KCHECK(sg_is_last(&sg[2]));
	blk_mq_free_request(rq);
	tdrv_down();
	kfree(buf);
	return 0;
}

/*
 * blk_rq_map_kern() of a buffer outside the arena (here the stack) maps a
 * bounce: a write's data are in it at once, a read's reach the caller's
 * buffer when the request ends, and an arena buffer is mapped in place.
 */
static int case_map_bounce(void)
{
	u8 stackbuf[8];
	struct scatterlist sg[2];
	struct request *rq;
	u8 *arena = kmalloc(512, GFP_KERNEL);

	KCHECK(arena);
	KCHECK(tdrv_up(T_INLINE, 8, 1, 0) == 0);
	for (unsigned int i = 0; i < sizeof(stackbuf); i++)
		stackbuf[i] = (u8)(i + 1);
	rq = blk_mq_alloc_request(td.disk->queue, REQ_OP_DRV_OUT, 0);
	KCHECK(!IS_ERR(rq));
	KCHECK(blk_rq_map_kern(td.disk->queue, rq, stackbuf, sizeof(stackbuf), GFP_KERNEL) == 0);
	KCHECK(blk_rq_bytes(rq) == sizeof(stackbuf));
	sg_init_table(sg, ARRAY_SIZE(sg));
	KCHECK(blk_rq_map_sg(td.disk->queue, rq, sg) == 1 && sg[0].length == sizeof(stackbuf));
	KCHECK(sg_virt(&sg[0]) != (void *)stackbuf);
	KCHECK(memcmp(sg_virt(&sg[0]), stackbuf, sizeof(stackbuf)) == 0);
	/* The device's write must not come back to the caller's buffer. */
	memset(sg_virt(&sg[0]), 0xee, sizeof(stackbuf));
	blk_mq_end_request(rq, BLK_STS_OK);
	KCHECK(stackbuf[0] == 1 && stackbuf[7] == 8);

	memset(stackbuf, 0, sizeof(stackbuf));
	rq = blk_mq_alloc_request(td.disk->queue, REQ_OP_DRV_IN, 0);
	KCHECK(!IS_ERR(rq));
	KCHECK(blk_rq_map_kern(td.disk->queue, rq, stackbuf, sizeof(stackbuf), GFP_KERNEL) == 0);
	sg_init_table(sg, ARRAY_SIZE(sg));
	KCHECK(blk_rq_map_sg(td.disk->queue, rq, sg) == 1 && sg_virt(&sg[0]) != (void *)stackbuf);
	memset(sg_virt(&sg[0]), 0x5a, sizeof(stackbuf));
	KCHECK(stackbuf[0] == 0);
	blk_mq_end_request(rq, BLK_STS_OK);
	KCHECK(memchr_inv(stackbuf, 0x5a, sizeof(stackbuf)) == NULL);

	rq = blk_mq_alloc_request(td.disk->queue, REQ_OP_DRV_IN, 0);
	KCHECK(!IS_ERR(rq));
	KCHECK(blk_rq_map_kern(td.disk->queue, rq, arena, 512, GFP_KERNEL) == 0);
	sg_init_table(sg, ARRAY_SIZE(sg));
	KCHECK(blk_rq_map_sg(td.disk->queue, rq, sg) == 1 && sg_virt(&sg[0]) == (void *)arena);
	blk_mq_end_request(rq, BLK_STS_OK);
	tdrv_down();
	kfree(arena);
	return 0;
}

/* blkram: what is written reads back; discard and write-zeroes zero. */
static int case_blkram_roundtrip(void)
{
	struct uldd_blk_geom g;
	u8 *w = kmalloc(65536, GFP_KERNEL), *r = kmalloc(65536, GFP_KERNEL);
	struct tio t;

	KCHECK(w && r);
	size_mb = 4;
	nr_hw_queues = 2;
	queue_depth = 16;
	KCHECK(blkram_init() == 0);
	uldd_blk_geometry(blkram.disk, &g);
	KCHECK(g.bytes == 4 << 20 && g.lbs == 512 && g.discard && g.write_zeroes);
	KCHECK(g.nr_hw_queues == min(2U, nr_cpu_ids) && g.queue_depth == 16);
	KCHECK(g.max_bytes >= 65536);
	for (unsigned int i = 0; i < 65536; i++)
		w[i] = i * 7 + 3;
	tio_init(&t, REQ_OP_WRITE, 2048, w + 0, 65536);
	t.io.flags = (__force unsigned int)(REQ_FUA | REQ_PREFLUSH);
	t.io.hwq = 1;
	KCHECK(uldd_blk_submit(blkram.disk, &t.io) == 0 && tio_wait(&t) && t.status == BLK_STS_OK);
	memset(r, 0, 65536);
	tio_init(&t, REQ_OP_READ, 2048, r, 65536);
	t.io.hwq = 0;
	KCHECK(uldd_blk_submit(blkram.disk, &t.io) == 0 && tio_wait(&t) && t.status == BLK_STS_OK);
	KCHECK(memcmp(w, r, 65536) == 0);
	tio_init(&t, REQ_OP_DISCARD, 2048, NULL, 4096);
	KCHECK(uldd_blk_submit(blkram.disk, &t.io) == 0 && tio_wait(&t) && t.status == BLK_STS_OK);
	tio_init(&t, REQ_OP_WRITE_ZEROES, 2048 + 64, NULL, 4096);
	KCHECK(uldd_blk_submit(blkram.disk, &t.io) == 0 && tio_wait(&t) && t.status == BLK_STS_OK);
	tio_init(&t, REQ_OP_FLUSH, 0, NULL, 0);
	KCHECK(uldd_blk_submit(blkram.disk, &t.io) == 0 && tio_wait(&t) && t.status == BLK_STS_OK);
	tio_init(&t, REQ_OP_READ, 2048, r, 65536);
	KCHECK(uldd_blk_submit(blkram.disk, &t.io) == 0 && tio_wait(&t) && t.status == BLK_STS_OK);
	KCHECK(memchr_inv(r, 0, 4096) == NULL && memchr_inv(r + 32768, 0, 4096) == NULL);
	KCHECK(memcmp(r + 4096, w + 4096, 32768 - 4096) == 0);
	KCHECK(memcmp(r + 36864, w + 36864, 65536 - 36864) == 0);
	blkram_exit();
	kfree(w);
	kfree(r);
	return 0;
}

/*
 * Linux 6.1's forms beside 6.12's: bare request lists, the two-argument
 * blk_mq_alloc_disk(), blk_mq_wait_quiesce_done() on a queue, the old
 * open/release and queue_rqs signatures in the ops structures.
 */
static int old_open(struct block_device *bdev, fmode_t mode)
{
	(void)bdev;
	(void)mode;
	return 0;
}

static void old_release(struct gendisk *disk, fmode_t mode)
{
	(void)disk;
	(void)mode;
}

static void old_queue_rqs(struct request **rqlist)
{
	(void)rqlist;
}

static const struct block_device_operations old_fops = {
	.open = old_open,
	.release = old_release,
};

static const struct blk_mq_ops old_ops = {
	.queue_rq = t_queue_rq,
	.queue_rqs = old_queue_rqs,
	.complete = t_complete,
};

static int case_compat_61(void)
{
	struct request a = {}, b = {}, c = {}, *list = NULL, *requeue = NULL, **lastp = &requeue;
	struct request *pos;
	struct io_comp_batch iob = {};
	struct gendisk *disk;
	int n = 0;

	KCHECK(rq_list_empty(list));
	rq_list_add(&list, &a);
	rq_list_add(&list, &b);
	KCHECK(!rq_list_empty(list) && rq_list_peek(&list) == &b);
	rq_list_for_each(&list, pos) n++;
	KCHECK(n == 2);
	KCHECK(rq_list_pop(&list) == &b && rq_list_pop(&list) == &a && !rq_list_pop(&list));
	rq_list_add_tail(&lastp, &a);
	rq_list_add_tail(&lastp, &c);
	KCHECK(requeue == &a && a.rq_next == &c && !c.rq_next);
	/* 6.1 reads a batch's list by value. */
	KCHECK(rq_list_empty(iob.req_list));
	rq_list_add_tail(&iob.req_list, &b);
	KCHECK(!rq_list_empty(iob.req_list) && !rq_list_empty(&iob.req_list));

	memset(&td.set, 0, sizeof(td.set));
	td.mode = T_INLINE;
	td.set.ops = &old_ops;
	td.set.nr_hw_queues = 1;
	td.set.queue_depth = 4;
	td.set.cmd_size = sizeof(struct tcmd);
	KCHECK(blk_mq_alloc_tag_set(&td.set) == 0);
	disk = blk_mq_alloc_disk(&td.set, &td);
	KCHECK(!IS_ERR(disk) && disk->queue->queuedata == &td);
	disk->fops = &old_fops;
	blk_queue_logical_block_size(disk->queue, 4096);
	blk_queue_flag_set(QUEUE_FLAG_NONROT, disk->queue);
	blk_queue_write_cache(disk->queue, true, false);
	KCHECK(queue_logical_block_size(disk->queue) == 4096);
	KCHECK(disk->queue->limits.physical_block_size == 4096);
	KCHECK(blk_queue_nonrot(disk->queue));
	KCHECK((disk->queue->limits.features & (BLK_FEAT_WRITE_CACHE | BLK_FEAT_FUA)) ==
	       BLK_FEAT_WRITE_CACHE);
	blk_mq_quiesce_queue_nowait(disk->queue);
	blk_mq_wait_quiesce_done(disk->queue);
	blk_mq_wait_quiesce_done(&td.set);
	blk_mq_unquiesce_queue(disk->queue);
	put_disk(disk);
	blk_mq_free_tag_set(&td.set);
	return 0;
}

/* 'uldd stats': the counts of a disk move with its I/O. */

static char stats_buf[16 * 1024];

/* The value of line "name: N" of the disk's report, or ULLONG_MAX. */
static unsigned long long stat_of(const char *disk, const char *name)
{
	size_t n = strlen(name);
	const char *p = stats_buf;

	if (uldd_blk_report(disk, stats_buf, sizeof(stats_buf)) <= 0)
		return ULLONG_MAX;
	while (p) {
		if (!strncmp(p, name, n) && p[n] == ':' && p[n + 1] == ' ')
			return simple_strtoull(p + n + 2, NULL, 10);
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return ULLONG_MAX;
}

static int case_stats(void)
{
	u8 *buf = kmalloc(8192, GFP_KERNEL);
	unsigned int last = min(2U, nr_cpu_ids) - 1; /* the queues are at most the vCPUs */
	char name[32];
	struct tio t[2];

	KCHECK(buf);
	KCHECK(uldd_blk_report("tblk0", stats_buf, sizeof(stats_buf)) == -ENODEV);
	KCHECK(tdrv_up(T_INLINE, 8, 2, 0) == 0);
	KCHECK(stat_of("tblk0", "hw_queues") == last + 1);
	KCHECK(stat_of("tblk0", "total_read_ios") == 0);
	for (int i = 0; i < 3; i++) {
		tio_init(&t[0], REQ_OP_READ, 8 * i, buf, 4096);
		t[0].io.hwq = last;
		KCHECK(uldd_blk_submit(td.disk, &t[0].io) == 0 && tio_wait(&t[0]));
	}
	for (int i = 0; i < 2; i++) {
		tio_init(&t[0], REQ_OP_WRITE, 16 * i, buf, 8192);
		t[0].io.hwq = 0;
		KCHECK(uldd_blk_submit(td.disk, &t[0].io) == 0 && tio_wait(&t[0]));
	}
	snprintf(name, sizeof(name), "hwq%u_read_ios", last);
	KCHECK(stat_of("tblk0", name) == 3);
	snprintf(name, sizeof(name), "hwq%u_read_bytes", last);
	KCHECK(stat_of("tblk0", name) == 3 * 4096);
	KCHECK(stat_of("tblk0", "hwq0_read_ios") == (last ? 0 : 3));
	KCHECK(stat_of("tblk0", "hwq0_write_ios") == 2);
	KCHECK(stat_of("tblk0", "total_read_ios") == 3);
	KCHECK(stat_of("tblk0", "total_write_bytes") == 2 * 8192);
	KCHECK(stat_of("tblk0", "total_errors") == 0);
	KCHECK(stat_of("tblk0", "total_latency_max_ns") >=
	       stat_of("tblk0", "total_latency_mean_ns"));
	KCHECK(stat_of("tblk0", "hwq0_in_flight") == 0);
	/* One at a time: the depth never passed 1. */
	KCHECK(stat_of("tblk0", "hwq0_max_in_flight") == 1);
	tdrv_down();
	KCHECK(uldd_blk_report("tblk0", stats_buf, sizeof(stats_buf)) == -ENODEV);

	/* Held: two in flight, both ended by their timeout (an error each); then one requeued. */
	KCHECK(tdrv_up(T_HOLD, 8, 1, HZ / 10) == 0);
	tio_init(&t[0], REQ_OP_READ, 0, buf, 4096);
	tio_init(&t[1], REQ_OP_READ, 8, buf + 4096, 4096);
	KCHECK(uldd_blk_submit(td.disk, &t[0].io) == 0);
	KCHECK(uldd_blk_submit(td.disk, &t[1].io) == 0);
	KCHECK(stat_of("tblk0", "hwq0_in_flight") == 2);
	KCHECK(stat_of("tblk0", "hwq0_max_in_flight") == 2);
	KCHECK(tio_wait(&t[0]) && tio_wait(&t[1]));
	KCHECK(t[0].status == BLK_STS_TIMEOUT);
	KCHECK(stat_of("tblk0", "hwq0_in_flight") == 0);
	KCHECK(stat_of("tblk0", "hwq0_timeouts") == 2);
	KCHECK(stat_of("tblk0", "hwq0_errors") == 2);
	KCHECK(stat_of("tblk0", "hwq0_read_ios") == 2);
	/* The timeout is 100 ms: the latency is at least that. */
	KCHECK(stat_of("tblk0", "hwq0_latency_max_ns") >= 100 * NSEC_PER_MSEC);
	tdrv_down();

	KCHECK(tdrv_up(T_REQUEUE_ONCE, 8, 1, 0) == 0);
	tio_init(&t[0], REQ_OP_WRITE, 0, buf, 4096);
	KCHECK(uldd_blk_submit(td.disk, &t[0].io) == 0 && tio_wait(&t[0]));
	KCHECK(stat_of("tblk0", "total_requeues") == 1);
	KCHECK(stat_of("tblk0", "total_write_ios") == 1);
	tdrv_down();
	kfree(buf);
	return 0;
}

static const struct ktest_check blk_cases[] = {
	{ "tags_unique", case_tags_unique },
	{ "tag_waiter", case_tag_waiter },
	{ "submit_roundtrip", case_submit_roundtrip },
	{ "requeue", case_requeue },
	{ "timeout", case_timeout },
	{ "freeze_waits", case_freeze_waits },
	{ "quiesce", case_quiesce },
	{ "map_sg", case_map_sg },
	{ "map_bounce", case_map_bounce },
	{ "blkram_roundtrip", case_blkram_roundtrip },
	{ "compat_61", case_compat_61 },
	{ "stats", case_stats },
};

int KTEST(ktest_blk_case)(unsigned int i, const char **name, int run)
{
	int ret;

	if (i >= ARRAY_SIZE(blk_cases))
		return -1;
	*name = blk_cases[i].name;
	if (!run)
		return 0;
	uldd_enter("blkcase");
	ret = blk_cases[i].run();
	uldd_exit();
	return ret;
}

/*
 * The cost of one 4 KiB read through uldd_blk_submit, queue_rq and done,
 * waited for one at a time, in ns per I/O: on blkram (its completion work
 * item in between), or on the test driver, which completes inside
 * queue_rq (the block layer's own cost).
 */
long long KTEST(ktest_blk_bench)(unsigned int n, int on_blkram)
{
	struct gendisk *disk;
	u8 *buf;
	struct tio t;
	u64 t0, t1;
	int err;

	uldd_enter("blkbench");
	buf = kmalloc(4096, GFP_KERNEL);
	size_mb = 4;
	nr_hw_queues = 0;
	queue_depth = 64;
	err = !buf ? -ENOMEM : on_blkram ? blkram_init() : tdrv_up(T_INLINE, 64, nr_cpu_ids, 0);
	if (err) {
		kfree(buf);
		uldd_exit();
		return -1;
	}
	disk = on_blkram ? blkram.disk : td.disk;
	t0 = ktime_get_ns();
	for (unsigned int i = 0; i < n; i++) {
		tio_init(&t, REQ_OP_READ, (i * 8) % 128, buf, 4096);
		if (uldd_blk_submit(disk, &t.io) || !tio_wait(&t))
			break;
	}
	t1 = ktime_get_ns();
	if (on_blkram)
		blkram_exit();
	else
		tdrv_down();
	kfree(buf);
	uldd_exit();
	return (long long)((t1 - t0) / n);
}
