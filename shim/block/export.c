// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * block/export.c - a gendisk's host side (add_disk and del_gendisk call
 * in): an NBD device through the block door (kernel/uhost_blk.h), one
 * connection per hardware queue up to the door's limit.
 *
 * Each connection has a reader kthread and a sender kthread. The reader
 * takes a free slot, reads a request header (a blocking door call, so its
 * vCPU is lent out meanwhile), reads a write's payload straight into the
 * slot's arena buffer, and submits; several requests are in flight, one a
 * slot. Completion may come in atomic context (an interrupt handler), so
 * done() only queues the slot on the connection's ready list and wakes
 * the sender, which writes every reply that is ready in one door call
 * (headers and read data together) and frees the slots. Connection i
 * submits on hardware queue i modulo the disk's count.
 */

#include <linux/blkdev.h>
#include <linux/completion.h>
#include <linux/err.h>
#include <linux/kthread.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/overflow.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/wait.h>

#include "../core/door.h"
#include "block.h"

/* nbd.ko keeps 128 requests in flight per hardware queue (its tag set). */
#define EXPORT_MAX_SLOTS 128
#define EXPORT_SCRATCH 4096

struct export_conn;

struct export_slot {
	struct uldd_blk_io io;
	struct list_head node; /* on free or ready */
	struct export_conn *conn;
	u64 handle;
	u32 len; /* read data to send back */
	u32 error; /* Linux errno for the reply */
	bool answer; /* false: given back by a reader that read no request */
	bool split; /* in pieces: each piece's end wakes the reader */
	blk_status_t piece_status;
	struct completion piece_done;
	void *buf; /* arena memory, kept between requests */
	u32 cap;
};

struct export_conn {
	struct export *ex;
	unsigned int index; /* connection and, modulo nr_hw_queues, hwq */
	spinlock_t lock; /* free, ready, busy; taken from done() in atomic context */
	struct list_head free;
	struct list_head ready;
	unsigned int busy; /* slots taken from free and not back */
	/*
	 * Two queues, so that freeing slots does not wake the sender and a
	 * reply made ready does not wake a reader that waits for nothing.
	 */
	wait_queue_head_t free_wq; /* the reader waits for a free slot, or for all idle */
	wait_queue_head_t ready_wq; /* the sender waits for replies */
	struct task_struct *reader, *sender;
	void *scratch; /* where a payload goes that no buffer could take */
	struct export_slot *slot;
	unsigned int nslots;
	struct mutex send_lock; /* reply, batch and dead: the sender's or the reader's */
	bool dead; /* a send failed: the host hung up */
	struct uhost_blk_reply reply[UHOST_BLK_MAX_BATCH];
	struct export_slot *batch[UHOST_BLK_MAX_BATCH];
};

struct export
{
	struct list_head node; /* on exports */
	struct gendisk *disk;
	struct uhost_blk *blk;
	struct uldd_blk_geom g;
	unsigned int nconns;
	struct export_conn conn[];
};

static LIST_HEAD(exports);
static DEFINE_MUTEX(exports_lock);

static int status_errno(blk_status_t st)
{
	if (st == BLK_STS_OK)
		return 0;
	if (st == BLK_STS_NOTSUPP)
		return EOPNOTSUPP;
	if (st == BLK_STS_NOSPC)
		return ENOSPC;
	if (st == BLK_STS_RESOURCE)
		return ENOMEM;
	return EIO;
}

/* Hands a finished slot to the sender. Atomic context allowed. */
static void slot_ready(struct export_slot *s, u32 error, bool answer)
{
	struct export_conn *c = s->conn;
	unsigned long flags;

	s->error = error;
	s->answer = answer;
	spin_lock_irqsave(&c->lock, flags);
	list_add_tail(&s->node, &c->ready);
	spin_unlock_irqrestore(&c->lock, flags);
	wake_up(&c->ready_wq);
}

static void export_done(struct uldd_blk_io *io, blk_status_t status)
{
	struct export_slot *s = container_of(io, struct export_slot, io);

	if (s->split) {
		s->piece_status = status;
		complete(&s->piece_done);
		return;
	}
	slot_ready(s, status_errno(status), true);
}

static bool has_free(struct export_conn *c)
{
	unsigned long flags;
	bool ret;

	spin_lock_irqsave(&c->lock, flags);
	ret = !list_empty(&c->free);
	spin_unlock_irqrestore(&c->lock, flags);
	return ret;
}

static bool all_idle(struct export_conn *c)
{
	unsigned long flags;
	bool ret;

	spin_lock_irqsave(&c->lock, flags);
	ret = !c->busy;
	spin_unlock_irqrestore(&c->lock, flags);
	return ret;
}

static struct export_slot *slot_get(struct export_conn *c)
{
	struct export_slot *s;
	unsigned long flags;

	wait_event(c->free_wq, has_free(c));
	spin_lock_irqsave(&c->lock, flags);
	s = list_first_entry(&c->free, struct export_slot, node);
	list_del(&s->node);
	c->busy++;
	spin_unlock_irqrestore(&c->lock, flags);
	return s;
}

/* The slot's buffer, grown to len: a power of two, so aligned to any block size. */
static int slot_buf(struct export_slot *s, u32 len)
{
	u32 cap = 512;

	if (len <= s->cap)
		return 0;
	while (cap < len)
		cap <<= 1;
	kvfree(s->buf);
	s->cap = 0;
	s->buf = kvmalloc(cap, GFP_KERNEL);
	if (!s->buf)
		return -ENOMEM;
	s->cap = cap;
	return 0;
}

/* A write's payload that will not be used: read and dropped. */
static int drain(struct export_conn *c, u32 len)
{
	while (len) {
		u32 n = min_t(u32, len, EXPORT_SCRATCH);
		int err = uldd_door_blk_recv_data(c->ex->blk, c->index, c->scratch, n);

		if (err)
			return err;
		len -= n;
	}
	return 0;
}

/*
 * What the disk says no to before it sees the request: an errno for the
 * reply, 0 when it may go on.
 */
static u32 check(const struct export *ex, const struct uhost_blk_req *q)
{
	const struct uldd_blk_geom *g = &ex->g;
	bool writes = q->type != UHOST_BLK_READ && q->type != UHOST_BLK_FLUSH;

	switch (q->type) {
	case UHOST_BLK_READ:
	case UHOST_BLK_WRITE:
		break;
	case UHOST_BLK_FLUSH:
		return g->write_cache ? 0 : EOPNOTSUPP;
	case UHOST_BLK_DISCARD:
		if (!g->discard)
			return EOPNOTSUPP;
		break;
	case UHOST_BLK_WRITE_ZEROES:
		if (!g->write_zeroes)
			return EOPNOTSUPP;
		break;
	default:
		return EINVAL;
	}
	if (writes && g->ro)
		return EPERM;
	if ((q->offset | q->len) & (g->lbs - 1))
		return EINVAL;
	if (q->offset > g->bytes || q->len > g->bytes - q->offset)
		return writes ? ENOSPC : EINVAL;
	return 0;
}

/*
 * The most bytes one I/O of this type may cover (block.h: the caller
 * splits): a READ or WRITE buffer is page-aligned, so each page is at
 * most one segment. 0: no limit.
 */
static u32 piece_max(const struct uldd_blk_geom *g, u16 type)
{
	u32 max = 0;

	if (type == UHOST_BLK_DISCARD)
		max = g->max_discard_bytes;
	else if (type == UHOST_BLK_WRITE_ZEROES)
		max = g->max_write_zeroes_bytes;
	else if (type != UHOST_BLK_FLUSH) {
		max = g->max_bytes;
		if (g->max_segments && (!max || g->max_segments < max / PAGE_SIZE))
			max = g->max_segments * PAGE_SIZE;
	}
	return max ? max & ~(g->lbs - 1) : 0;
}

static void io_fill(struct export_conn *c, struct export_slot *s, const struct uhost_blk_req *q)
{
	const struct export *ex = c->ex;

	memset(&s->io, 0, sizeof(s->io));
	s->io.sector = q->offset >> SECTOR_SHIFT;
	s->io.bytes = q->len;
	s->io.hwq = c->index % (ex->g.nr_hw_queues ? ex->g.nr_hw_queues : 1);
	s->io.done = export_done;
	s->io.priv = s;
	switch (q->type) {
	case UHOST_BLK_READ:
		s->io.op = REQ_OP_READ;
		s->io.buf = s->buf;
		break;
	case UHOST_BLK_WRITE:
		s->io.op = REQ_OP_WRITE;
		s->io.buf = s->buf;
		if ((q->flags & UHOST_BLK_FUA) && ex->g.fua)
			s->io.flags |= (__force unsigned int)REQ_FUA;
		break;
	case UHOST_BLK_FLUSH:
		s->io.op = REQ_OP_FLUSH;
		s->io.bytes = 0;
		break;
	case UHOST_BLK_DISCARD:
		s->io.op = REQ_OP_DISCARD;
		break;
	default:
		s->io.op = REQ_OP_WRITE_ZEROES;
#ifdef REQ_NOUNMAP
		if (q->flags & UHOST_BLK_NO_HOLE)
			s->io.flags |= (__force unsigned int)REQ_NOUNMAP;
#endif
		break;
	}
}

/*
 * One request to the disk. Within the disk's limits (nbd.ko's requests
 * are, once max_sectors_kb is set) it completes on its own; a larger one
 * goes piece by piece, the reader waiting for each.
 */
static void submit(struct export_conn *c, struct export_slot *s, const struct uhost_blk_req *q)
{
	u32 max = piece_max(&c->ex->g, q->type);
	u32 done = 0;
	int err = 0;

	if (q->type == UHOST_BLK_READ)
		s->len = q->len;
	io_fill(c, s, q);
	if (!max || q->len <= max) {
		err = uldd_blk_submit(c->ex->disk, &s->io);
		if (err)
			slot_ready(s, -err, true);
		return;
	}
	s->split = true;
	init_completion(&s->piece_done);
	while (done < q->len) {
		u32 n = min(max, q->len - done);

		io_fill(c, s, q);
		s->io.sector += done >> SECTOR_SHIFT;
		s->io.bytes = n;
		if (s->io.buf)
			s->io.buf = (char *)s->buf + done;
		reinit_completion(&s->piece_done);
		err = uldd_blk_submit(c->ex->disk, &s->io);
		if (err)
			break;
		wait_for_completion(&s->piece_done);
		err = status_errno(s->piece_status);
		if (err)
			break;
		done += n;
	}
	s->split = false;
	slot_ready(s, err < 0 ? -err : err, true);
}

/* One request, read and submitted; an error that ends the connection. */
static int serve_one(struct export_conn *c)
{
	struct export *ex = c->ex;
	struct export_slot *s = slot_get(c);
	struct uhost_blk_req q;
	u32 bad;
	int err;

	err = uldd_door_blk_recv(ex->blk, c->index, &q);
	if (err) {
		slot_ready(s, 0, false);
		return err;
	}
	s->handle = q.handle;
	s->len = 0;
	bad = check(ex, &q);
	if (!bad && (q.type == UHOST_BLK_READ || q.type == UHOST_BLK_WRITE) && slot_buf(s, q.len))
		bad = ENOMEM;
	if (q.type == UHOST_BLK_WRITE) {
		err = bad ? drain(c, q.len)
			  : uldd_door_blk_recv_data(ex->blk, c->index, s->buf, q.len);
		if (err) {
			slot_ready(s, 0, false);
			return err;
		}
	}
	if (bad || (!q.len && q.type != UHOST_BLK_FLUSH)) {
		slot_ready(s, bad, true);
		return 0;
	}
	submit(c, s, &q);
	return 0;
}

/* Up to a batch of ready slots, oldest first; how many. */
static unsigned int take_ready(struct export_conn *c)
{
	unsigned long flags;
	unsigned int n = 0;

	spin_lock_irqsave(&c->lock, flags);
	while (n < UHOST_BLK_MAX_BATCH && !list_empty(&c->ready)) {
		struct export_slot *s = list_first_entry(&c->ready, struct export_slot, node);

		list_del(&s->node);
		c->batch[n++] = s;
	}
	spin_unlock_irqrestore(&c->lock, flags);
	return n;
}

static bool has_ready(struct export_conn *c)
{
	unsigned long flags;
	bool ret;

	spin_lock_irqsave(&c->lock, flags);
	ret = !list_empty(&c->ready);
	spin_unlock_irqrestore(&c->lock, flags);
	return ret;
}

/*
 * Sends what is ready, one door call a batch, and frees the slots: the
 * sender's loop, and the reader's after each request, so a completion
 * that came at once (a RAM disk's, in its queue_rq) costs no thread
 * switch. One at a time: a batch is one stream of bytes.
 */
static void flush_ready(struct export_conn *c)
{
	unsigned int n;

	mutex_lock(&c->send_lock);
	while ((n = take_ready(c))) {
		unsigned long flags;
		unsigned int m = 0;

		for (unsigned int i = 0; i < n; i++) {
			struct export_slot *s = c->batch[i];

			if (!s->answer)
				continue;
			c->reply[m++] = (struct uhost_blk_reply){ .handle = s->handle,
								  .error = s->error,
								  .len = s->error ? 0 : s->len,
								  .data = s->buf };
		}
		if (m && !c->dead && uldd_door_blk_send(c->ex->blk, c->index, c->reply, m))
			c->dead = true; /* the host hung up: the reader sees it too */
		spin_lock_irqsave(&c->lock, flags);
		for (unsigned int i = 0; i < n; i++)
			list_add(&c->batch[i]->node, &c->free);
		c->busy -= n;
		spin_unlock_irqrestore(&c->lock, flags);
		wake_up(&c->free_wq);
	}
	mutex_unlock(&c->send_lock);
}

static int export_reader(void *data)
{
	struct export_conn *c = data;
	int err;

	do {
		err = serve_one(c);
		flush_ready(c);
	} while (!err);
	if (err != ESHUTDOWN)
		pr_err("%s: host connection %u: %s\n", c->ex->disk->disk_name, c->index,
		       uhost_errmsg());
	/* The requests in flight still complete; their replies go nowhere. */
	wait_event(c->free_wq, all_idle(c));
	return 0;
}

static int export_sender(void *data)
{
	struct export_conn *c = data;

	for (;;) {
		wait_event(c->ready_wq, has_ready(c) || kthread_should_stop());
		if (!has_ready(c) && kthread_should_stop())
			return 0;
		flush_ready(c);
	}
}

static void conn_free(struct export_conn *c)
{
	for (unsigned int i = 0; i < c->nslots; i++)
		kvfree(c->slot[i].buf);
	kfree(c->slot);
	kfree(c->scratch);
}

static int conn_init(struct export *ex, unsigned int i)
{
	struct export_conn *c = &ex->conn[i];

	c->ex = ex;
	c->index = i;
	spin_lock_init(&c->lock);
	mutex_init(&c->send_lock);
	INIT_LIST_HEAD(&c->free);
	INIT_LIST_HEAD(&c->ready);
	init_waitqueue_head(&c->free_wq);
	init_waitqueue_head(&c->ready_wq);
	c->nslots = clamp_t(unsigned int, ex->g.queue_depth, 1, EXPORT_MAX_SLOTS);
	c->slot = kcalloc(c->nslots, sizeof(*c->slot), GFP_KERNEL);
	c->scratch = kmalloc(EXPORT_SCRATCH, GFP_KERNEL);
	if (!c->slot || !c->scratch)
		return -ENOMEM;
	for (unsigned int k = 0; k < c->nslots; k++) {
		c->slot[k].conn = c;
		list_add_tail(&c->slot[k].node, &c->free);
	}
	return 0;
}

static int conn_start(struct export_conn *c)
{
	const char *name = c->ex->disk->disk_name;

	c->sender = kthread_run(export_sender, c, "%s-tx%u", name, c->index);
	if (IS_ERR(c->sender)) {
		c->sender = NULL;
		return -ENOMEM;
	}
	c->reader = kthread_run(export_reader, c, "%s-rx%u", name, c->index);
	if (IS_ERR(c->reader)) {
		c->reader = NULL;
		return -ENOMEM;
	}
	return 0;
}

/* Disconnects, then waits for every connection's threads: no I/O stays. */
static void export_stop(struct export *ex)
{
	uldd_door_blk_disconnect(ex->blk);
	for (unsigned int i = 0; i < ex->nconns; i++) {
		if (ex->conn[i].reader)
			kthread_stop(ex->conn[i].reader);
		if (ex->conn[i].sender)
			kthread_stop(ex->conn[i].sender);
	}
	uhost_blk_close(ex->blk);
	for (unsigned int i = 0; i < ex->nconns; i++)
		conn_free(&ex->conn[i]);
	kfree(ex);
}

int uldd_blk_export_add(struct gendisk *disk)
{
	struct uhost_blk_geom hg = { 0 };
	struct uldd_blk_geom g;
	struct export *ex;
	unsigned int n;
	int err;

	uldd_blk_geometry(disk, &g);
	n = clamp_t(unsigned int, g.nr_hw_queues, 1, UHOST_BLK_MAX_CONNS);
	ex = kzalloc(struct_size(ex, conn, n), GFP_KERNEL);
	if (!ex)
		goto err_nomem;
	ex->disk = disk;
	ex->g = g;
	ex->nconns = n;
	hg.bytes = g.bytes;
	hg.lbs = g.lbs;
	hg.pbs = g.pbs;
	hg.max_bytes = g.max_bytes;
	hg.conns = n;
	hg.features = (g.ro ? UHOST_BLK_F_RO : 0) | (g.rotational ? UHOST_BLK_F_ROTATIONAL : 0) |
		      (g.write_cache ? UHOST_BLK_F_FLUSH : 0) |
		      (g.write_cache && g.fua ? UHOST_BLK_F_FUA : 0) |
		      (g.discard ? UHOST_BLK_F_DISCARD : 0) |
		      (g.write_zeroes ? UHOST_BLK_F_WRITE_ZEROES : 0);
	strscpy(hg.name, disk->disk_name, sizeof(hg.name));
	for (unsigned int i = 0; i < n; i++) {
		err = conn_init(ex, i);
		if (err)
			goto err_conns;
	}
	err = -uldd_door_blk_open(&hg, &ex->blk);
	if (err) {
		/* The door's one line names the cause and the fix ('modprobe nbd'). */
		pr_err("%s: %s\n", disk->disk_name, uhost_errmsg());
		goto err_free;
	}
	for (unsigned int i = 0; i < n; i++) {
		err = conn_start(&ex->conn[i]);
		if (err) {
			pr_err("%s: cannot start the export's threads: %pe\n", disk->disk_name,
			       ERR_PTR(err));
			export_stop(ex);
			return err;
		}
	}
	mutex_lock(&exports_lock);
	list_add_tail(&ex->node, &exports);
	mutex_unlock(&exports_lock);
	return 0;

err_conns:
	pr_err("%s: no memory to export the disk\n", disk->disk_name);
err_free:
	for (unsigned int i = 0; i < n; i++)
		conn_free(&ex->conn[i]);
	kfree(ex);
	return err;
err_nomem:
	pr_err("%s: no memory to export the disk\n", disk->disk_name);
	return -ENOMEM;
}

void uldd_blk_export_del(struct gendisk *disk)
{
	struct export *ex, *found = NULL;

	mutex_lock(&exports_lock);
	list_for_each_entry(ex, &exports, node) {
		if (ex->disk == disk) {
			found = ex;
			list_del(&ex->node);
			break;
		}
	}
	mutex_unlock(&exports_lock);
	if (found)
		export_stop(found);
}
