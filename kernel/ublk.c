// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ublk.c - a gendisk's host side through ublk_drv (the kernel's userspace
 * block device, Linux 6.0 and later), the block door's second backend
 * beside nbd.c; 'uldd run --blk-export=ublk' picks it (ULDD_BLK_EXPORT in
 * the environment, read at each open). The door's functions here choose
 * the backend; nbd.c's are its uh_nbd_* (internal.h).
 *
 * The device: ADD_DEV, SET_PARAMS on /dev/ublk-control, then one queue a
 * connection on /dev/ublkcN, each with its io descriptors mapped read-only
 * and a buffer per tag that the kernel copies a write's data into before
 * it hands the request over, and a read's data out of at its commit.
 * Commands go through io_uring (IORING_OP_URING_CMD, 128-byte SQEs).
 *
 * Raw io_uring system calls rather than liburing: two rings of a fixed
 * shape and four kinds of SQE are little code, and the driver process and
 * its seccomp list gain no library.
 *
 * ublk wants each queue's commands issued by one task, the one that
 * fetched: here the queue's reader (the thread of uhost_blk_recv), whose
 * first call makes the queue's ring and fetches every tag; the last queue
 * to do so starts the device (START_DEV waits in io_uring's worker for
 * the partition scan, which the readers serve). A reply sent from the
 * reader itself is queued on its ring at once and goes with its next
 * wait; one from another thread (the sender) goes on a lock-free list and
 * one eventfd write a batch wakes the reader, whose ring reads the eventfd.
 *
 * Needs CAP_SYS_ADMIN (no broker yet: run with --user root). Under 'uldd
 * supervise' the device is made with user recovery: a driver that dies
 * leaves it quiesced, its I/O held, and the restarted driver's disk of the
 * same name and geometry takes it back (take_back), the I/O re-issued.
 * Unsupervised, a driver that dies takes its device with it.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/io_uring.h>
#include <linux/ublk_cmd.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"
#include "uhost_blk.h"

/*
 * The commands as ioctl numbers (type 'u'), which every ublk_drv takes;
 * the bare numbers of older headers need CONFIG_BLKDEV_UBLK_LEGACY_OPCODES.
 */
#define UB_CTRL(nr) _IOWR('u', nr, struct ublksrv_ctrl_cmd)
#define UB_IO(nr) _IOWR('u', nr, struct ublksrv_io_cmd)
#define UB_GET_DEV_INFO _IOR('u', 0x02, struct ublksrv_ctrl_cmd)
#define UB_ADD_DEV UB_CTRL(0x04)
#define UB_DEL_DEV UB_CTRL(0x05)
#define UB_START_DEV UB_CTRL(0x06)
#define UB_STOP_DEV UB_CTRL(0x07)
#define UB_SET_PARAMS UB_CTRL(0x08)
#define UB_START_RECOVERY UB_CTRL(0x10)
#define UB_END_RECOVERY UB_CTRL(0x11)
#define UB_FETCH_REQ UB_IO(0x20)
#define UB_COMMIT_AND_FETCH_REQ UB_IO(0x21)
#define UB_RES_ABORT (-ENODEV) /* a fetch ended: the device stops */

/* nbd.ko's depth too, and export.c's slots a connection. */
#define UB_DEPTH 128u
#define UB_MAX_IO (512u << 10)
/* Where queue q's descriptors are mapped: the driver's largest queue, rounded to pages. */
#define UB_IOD_STRIDE(page) (((4096 * sizeof(struct ublksrv_io_desc)) + (page)-1) / (page) * (page))
#define UB_UD_EVENT 0xffffffffull /* the eventfd read's user_data; tags are below */

struct ub_ring {
	int fd;
	unsigned int entries;
	unsigned int *sq_head, *sq_tail, *sq_mask, *sq_array;
	unsigned int *cq_head, *cq_tail, *cq_mask;
	struct io_uring_cqe *cqes;
	unsigned char *sqes; /* 128 bytes each */
	void *sq_map, *cq_map;
	size_t sq_len, cq_len, sqes_len;
	unsigned int tail; /* ours, published at submit */
	unsigned int queued; /* SQEs not yet submitted */
};

/* A reply a sender hands its queue's reader. */
struct ub_done {
	struct ub_done *next;
	int result;
	unsigned int tag;
};

struct ub_queue {
	struct ub_dev *dev;
	unsigned int id;
	bool started; /* ring made, tags fetched */
	bool aborted; /* a fetch came back aborted */
	pthread_t owner;
	struct ub_ring ring;
	int efd;
	uint64_t evbuf;
	const struct ublksrv_io_desc *iod;
	size_t iod_len;
	unsigned char *buf; /* UB_DEPTH buffers of max_io bytes */
	size_t buf_len;
	struct ub_done *posted; /* __atomic: the senders push, the reader takes all */
	struct ub_done done[UB_DEPTH];
	uint32_t len[UB_DEPTH]; /* each tag's request: bytes and whether read or write */
	bool rw[UB_DEPTH];
	uint16_t ready[UB_DEPTH]; /* tags fetched, not yet handed up */
	unsigned int rhead, nready;
	int cur; /* the tag recv last handed up: recv_data's */
};

struct ub_dev {
	unsigned int id; /* /dev/ublkbN */
	unsigned int nq;
	uint32_t max_io;
	int ctl_fd, cdev_fd;
	pthread_mutex_t ctl_lock; /* ctl ring: open, the last queue's start, stop, close */
	struct ub_ring ctl;
	bool start_pending;
	bool recovering; /* a dead driver's device taken back: END_USER_RECOVERY, not START_DEV */
	atomic_uint nstarted;
	atomic_bool stopping; /* the stop asked for */
	atomic_bool stopped; /* and done: the readers end */
	char name[UHOST_BLK_NAME_LEN + 1];
	struct ub_queue q[];
};

/* ---- io_uring, by its system calls ---- */

static int ring_init(struct ub_ring *r, unsigned int entries)
{
	struct io_uring_params p;
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	long fd;

	memset(&p, 0, sizeof(p));
	memset(r, 0, sizeof(*r));
	r->fd = -1;
	p.flags = IORING_SETUP_SQE128 | IORING_SETUP_COOP_TASKRUN;
	fd = syscall(SYS_io_uring_setup, entries, &p);
	if (fd < 0 && errno == EINVAL) { /* before 5.19: no cooperative task work */
		p.flags = IORING_SETUP_SQE128;
		fd = syscall(SYS_io_uring_setup, entries, &p);
	}
	if (fd < 0)
		return errno;
	r->fd = (int)fd;
	r->entries = p.sq_entries;
	r->sq_len = p.sq_off.array + p.sq_entries * sizeof(unsigned int);
	r->cq_len = p.cq_off.cqes + p.cq_entries * sizeof(struct io_uring_cqe);
	if (p.features & IORING_FEAT_SINGLE_MMAP) {
		if (r->cq_len > r->sq_len)
			r->sq_len = r->cq_len;
		r->cq_len = 0;
	}
	r->sq_map = mmap(NULL, r->sq_len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, r->fd,
			 IORING_OFF_SQ_RING);
	if (r->sq_map == MAP_FAILED)
		goto fail;
	if (r->cq_len) {
		r->cq_map = mmap(NULL, r->cq_len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE,
				 r->fd, IORING_OFF_CQ_RING);
		if (r->cq_map == MAP_FAILED) {
			r->cq_map = NULL;
			goto fail;
		}
	} else {
		r->cq_map = r->sq_map;
	}
	r->sqes_len = (p.sq_entries * 128 + page - 1) / page * page;
	r->sqes = mmap(NULL, r->sqes_len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, r->fd,
		       IORING_OFF_SQES);
	if (r->sqes == MAP_FAILED) {
		r->sqes = NULL;
		goto fail;
	}
	r->sq_head = (unsigned int *)((char *)r->sq_map + p.sq_off.head);
	r->sq_tail = (unsigned int *)((char *)r->sq_map + p.sq_off.tail);
	r->sq_mask = (unsigned int *)((char *)r->sq_map + p.sq_off.ring_mask);
	r->sq_array = (unsigned int *)((char *)r->sq_map + p.sq_off.array);
	r->cq_head = (unsigned int *)((char *)r->cq_map + p.cq_off.head);
	r->cq_tail = (unsigned int *)((char *)r->cq_map + p.cq_off.tail);
	r->cq_mask = (unsigned int *)((char *)r->cq_map + p.cq_off.ring_mask);
	r->cqes = (struct io_uring_cqe *)((char *)r->cq_map + p.cq_off.cqes);
	r->tail = *r->sq_tail;
	return 0;
fail : {
	int err = errno;

	if (r->sq_map && r->sq_map != MAP_FAILED)
		munmap(r->sq_map, r->sq_len);
	if (r->cq_map && r->cq_map != r->sq_map)
		munmap(r->cq_map, r->cq_len);
	close(r->fd);
	r->fd = -1;
	return err;
}
}

static void ring_free(struct ub_ring *r)
{
	if (r->fd < 0)
		return;
	munmap(r->sqes, r->sqes_len);
	if (r->cq_map != r->sq_map)
		munmap(r->cq_map, r->cq_len);
	munmap(r->sq_map, r->sq_len);
	close(r->fd);
	r->fd = -1;
}

/* A zeroed SQE, queued; NULL when the ring is full (never, at our depths). */
static struct io_uring_sqe *ring_sqe(struct ub_ring *r)
{
	unsigned int head = __atomic_load_n(r->sq_head, __ATOMIC_ACQUIRE);
	unsigned int idx;
	struct io_uring_sqe *sqe;

	if (r->tail - head >= r->entries)
		return NULL;
	idx = r->tail & *r->sq_mask;
	sqe = (struct io_uring_sqe *)(r->sqes + (size_t)idx * 128);
	memset(sqe, 0, 128);
	r->sq_array[idx] = idx;
	r->tail++;
	r->queued++;
	return sqe;
}

/* Submits what is queued and, with wait, waits for one completion at least. */
static int ring_enter(struct ub_ring *r, bool wait)
{
	__atomic_store_n(r->sq_tail, r->tail, __ATOMIC_RELEASE);
	for (;;) {
		long n = syscall(SYS_io_uring_enter, r->fd, r->queued, wait ? 1 : 0,
				 wait ? IORING_ENTER_GETEVENTS : 0, NULL, 0);

		if (n >= 0) {
			r->queued -= (unsigned int)n < r->queued ? (unsigned int)n : r->queued;
			if (!r->queued || !wait)
				return 0;
			continue;
		}
		if (errno != EINTR && errno != EAGAIN && errno != EBUSY)
			return errno;
	}
}

/* The next completion, if any: copied out and consumed. */
static bool ring_cqe(struct ub_ring *r, struct io_uring_cqe *out)
{
	unsigned int head = *r->cq_head;

	if (head == __atomic_load_n(r->cq_tail, __ATOMIC_ACQUIRE))
		return false;
	*out = r->cqes[head & *r->cq_mask];
	__atomic_store_n(r->cq_head, head + 1, __ATOMIC_RELEASE);
	return true;
}

static void sqe_cmd(struct io_uring_sqe *sqe, int fd, uint32_t op, const void *cmd, size_t len,
		    uint64_t user_data)
{
	sqe->opcode = IORING_OP_URING_CMD;
	sqe->fd = fd;
	sqe->cmd_op = op;
	sqe->user_data = user_data;
	/* The command's bytes start at the SQE's cmd field and run into its second half. */
	memcpy((unsigned char *)sqe + offsetof(struct io_uring_sqe, addr3), cmd, len);
}

/* ---- The control device ---- */

/* The answer to the start (START_DEV or END_USER_RECOVERY), sent without waiting: logs a failure. */
static void ctl_note(struct ub_dev *d, const struct io_uring_cqe *cqe)
{
	if (cqe->user_data != UB_START_DEV && cqe->user_data != UB_END_RECOVERY)
		return;
	d->start_pending = false;
	if (cqe->res < 0)
		uh_blk_log(UHOST_LOG_ERR, "uldd: %s: ublk %s for /dev/ublkb%u failed: %s", d->name,
			   d->recovering ? "END_USER_RECOVERY" : "START_DEV", d->id,
			   strerror(-cqe->res));
}

/* One control command, waited for; its result (a negative errno) or 0. Under ctl_lock. */
static int ctl_cmd(struct ub_dev *d, uint32_t op, uint32_t dev_id, void *addr, size_t len,
		   uint64_t data0)
{
	struct ublksrv_ctrl_cmd c = { .dev_id = dev_id, .queue_id = 0xffff };
	struct io_uring_cqe cqe;
	struct io_uring_sqe *sqe;
	int err;

	c.addr = (uint64_t)(uintptr_t)addr;
	c.len = (uint16_t)len;
	c.data[0] = data0;
	sqe = ring_sqe(&d->ctl);
	if (!sqe)
		return -EBUSY;
	sqe_cmd(sqe, d->ctl_fd, op, &c, sizeof(c), op);
	for (;;) {
		err = ring_enter(&d->ctl, true);
		if (err)
			return -err;
		while (ring_cqe(&d->ctl, &cqe)) {
			if (cqe.user_data == op)
				return cqe.res;
			ctl_note(d, &cqe);
		}
	}
}

/* The start's answer, if it came: logs a failure. Under ctl_lock. */
static void ctl_reap(struct ub_dev *d)
{
	struct io_uring_cqe cqe;

	while (ring_cqe(&d->ctl, &cqe))
		ctl_note(d, &cqe);
}

/*
 * Sent without waiting: the start adds the disk, whose partition scan
 * needs the readers, one of which is this caller.
 */
static void ctl_start(struct ub_dev *d)
{
	struct ublksrv_ctrl_cmd c = { .dev_id = d->id, .queue_id = 0xffff };
	struct io_uring_sqe *sqe;
	int err = EBUSY;

	c.data[0] = (uint64_t)getpid();
	pthread_mutex_lock(&d->ctl_lock);
	sqe = ring_sqe(&d->ctl);
	if (sqe) {
		uint32_t op = d->recovering ? UB_END_RECOVERY : UB_START_DEV;

		sqe_cmd(sqe, d->ctl_fd, op, &c, sizeof(c), op);
		d->start_pending = true;
		err = ring_enter(&d->ctl, false);
	}
	pthread_mutex_unlock(&d->ctl_lock);
	if (err)
		uh_blk_log(UHOST_LOG_ERR, "uldd: %s: cannot start /dev/ublkb%u: %s", d->name, d->id,
			   strerror(err));
}

/* ---- The data path: one reader a queue ---- */

static void queue_fetch(struct ub_queue *q, unsigned int tag, uint32_t op, int result)
{
	struct ublksrv_io_cmd c = { .q_id = (uint16_t)q->id,
				    .tag = (uint16_t)tag,
				    .result = result };
	struct io_uring_sqe *sqe = ring_sqe(&q->ring);

	c.addr = (uint64_t)(uintptr_t)(q->buf + (size_t)tag * q->dev->max_io);
	/* Never full: a tag has one command at a time, and the ring holds them all. */
	if (sqe)
		sqe_cmd(sqe, q->dev->cdev_fd, op, &c, sizeof(c), tag);
}

static void queue_arm_event(struct ub_queue *q)
{
	struct io_uring_sqe *sqe = ring_sqe(&q->ring);

	if (!sqe)
		return;
	sqe->opcode = IORING_OP_READ;
	sqe->fd = q->efd;
	sqe->addr = (uint64_t)(uintptr_t)&q->evbuf;
	sqe->len = sizeof(q->evbuf);
	sqe->user_data = UB_UD_EVENT;
}

/* The reader's first call: its ring, every tag fetched; the last queue starts the device. */
static int queue_start(struct ub_queue *q)
{
	struct ub_dev *d = q->dev;
	int err;

	q->owner = pthread_self();
	err = ring_init(&q->ring, UB_DEPTH + 2);
	if (err)
		return uh_fail(err, "ublk: cannot make queue %u's io_uring: %s", q->id,
			       strerror(err));
	for (unsigned int t = 0; t < UB_DEPTH; t++)
		queue_fetch(q, t, UB_FETCH_REQ, 0);
	queue_arm_event(q);
	err = ring_enter(&q->ring, false);
	if (err)
		return uh_fail(err, "ublk: queue %u: fetching its requests: %s", q->id,
			       strerror(err));
	q->started = true;
	if (atomic_fetch_add(&d->nstarted, 1) + 1 == d->nq)
		ctl_start(d);
	return 0;
}

/* Replies other threads posted: each a commit that fetches the tag's next request. */
static void queue_take_posted(struct ub_queue *q)
{
	struct ub_done *p = __atomic_exchange_n(&q->posted, NULL, __ATOMIC_ACQUIRE);

	for (; p; p = p->next)
		queue_fetch(q, p->tag, UB_COMMIT_AND_FETCH_REQ, p->result);
}

static int queue_reap(struct ub_queue *q)
{
	struct io_uring_cqe cqe;

	while (ring_cqe(&q->ring, &cqe)) {
		if (cqe.user_data == UB_UD_EVENT) {
			queue_take_posted(q);
			if (!atomic_load(&q->dev->stopped))
				queue_arm_event(q);
			continue;
		}
		if (cqe.user_data >= UB_DEPTH)
			continue;
		if (cqe.res == UBLK_IO_RES_OK) {
			q->ready[(q->rhead + q->nready++) % UB_DEPTH] = (uint16_t)cqe.user_data;
		} else if (cqe.res == UB_RES_ABORT) {
			q->aborted = true;
		} else {
			return uh_fail(EPROTO, "ublk: /dev/ublkc%u queue %u tag %llu: %s",
				       q->dev->id, q->id, (unsigned long long)cqe.user_data,
				       strerror(cqe.res < 0 ? -cqe.res : EPROTO));
		}
	}
	return 0;
}

static uint16_t req_type(uint8_t op)
{
	switch (op) {
	case UBLK_IO_OP_READ:
		return UHOST_BLK_READ;
	case UBLK_IO_OP_WRITE:
		return UHOST_BLK_WRITE;
	case UBLK_IO_OP_FLUSH:
		return UHOST_BLK_FLUSH;
	case UBLK_IO_OP_DISCARD:
		return UHOST_BLK_DISCARD;
	case UBLK_IO_OP_WRITE_ZEROES:
		return UHOST_BLK_WRITE_ZEROES;
	default:
		return (uint16_t)(0x100 | op); /* no type of ours: refused above */
	}
}

static int ub_recv(struct ub_dev *d, unsigned int conn, struct uhost_blk_req *req)
{
	struct ub_queue *q;
	const struct ublksrv_io_desc *iod;
	unsigned int tag;
	uint32_t flags;
	int err;

	if (conn >= d->nq)
		return EINVAL;
	q = &d->q[conn];
	if (!q->started) {
		err = queue_start(q);
		if (err)
			return err;
	}
	while (!q->nready) {
		if (q->aborted || atomic_load(&d->stopped))
			return ESHUTDOWN;
		if (d->start_pending && !pthread_mutex_trylock(&d->ctl_lock)) {
			ctl_reap(d);
			pthread_mutex_unlock(&d->ctl_lock);
		}
		err = ring_enter(&q->ring, true);
		if (err)
			return uh_fail(err, "ublk: /dev/ublkc%u queue %u: io_uring_enter: %s",
				       d->id, q->id, strerror(err));
		err = queue_reap(q);
		if (err)
			return err;
	}
	tag = q->ready[q->rhead];
	q->rhead = (q->rhead + 1) % UB_DEPTH;
	q->nready--;
	iod = &q->iod[tag];
	flags = iod->op_flags; /* UBLK_IO_F_* are bits of the whole word */
	req->handle = tag;
	req->type = req_type((uint8_t)(iod->op_flags & 0xff));
	req->flags = (uhost_u16)(((flags & UBLK_IO_F_FUA) ? UHOST_BLK_FUA : 0) |
				 ((flags & UBLK_IO_F_NOUNMAP) ? UHOST_BLK_NO_HOLE : 0));
	req->offset = iod->start_sector << 9;
	req->len = iod->nr_sectors << 9;
	if (req->type == UHOST_BLK_FLUSH) /* a flush has no range; ublk passes on what it holds */
		req->offset = req->len = 0;
	q->cur = (int)tag;
	q->len[tag] = req->len;
	q->rw[tag] = req->type == UHOST_BLK_READ || req->type == UHOST_BLK_WRITE;
	if (q->rw[tag] && req->len > d->max_io)
		return uh_fail(EPROTO, "ublk: /dev/ublkc%u: a %u-byte request, above its %u", d->id,
			       req->len, d->max_io);
	return 0;
}

static int ub_recv_data(struct ub_dev *d, unsigned int conn, void *buf, uhost_size len)
{
	struct ub_queue *q;

	if (conn >= d->nq)
		return EINVAL;
	q = &d->q[conn];
	if (q->cur < 0 || len > q->len[q->cur])
		return EINVAL;
	memcpy(buf, q->buf + (size_t)q->cur * d->max_io, len);
	return 0;
}

static int ub_send(struct ub_dev *d, unsigned int conn, const struct uhost_blk_reply *r,
		   unsigned int n)
{
	struct ub_queue *q;
	bool mine, posted = false;

	if (conn >= d->nq || n > UHOST_BLK_MAX_BATCH)
		return EINVAL;
	q = &d->q[conn];
	if (atomic_load(&d->stopped))
		return EPIPE;
	mine = q->started && pthread_equal(q->owner, pthread_self());
	for (unsigned int i = 0; i < n; i++) {
		unsigned int tag = (unsigned int)r[i].handle;
		int result;

		if (r[i].handle >= UB_DEPTH)
			return EINVAL;
		if (r[i].error) {
			result = -(int)r[i].error;
			uh_blk_log(UHOST_LOG_DEBUG, "uldd: /dev/ublkb%u queue %u tag %u: error %u",
				   d->id, conn, tag, r[i].error);
		} else
			result = q->rw[tag] ? (int)q->len[tag] : 0;
		if (!r[i].error && r[i].len) {
			if (r[i].len > d->max_io)
				return EINVAL;
			memcpy(q->buf + (size_t)tag * d->max_io, r[i].data, r[i].len);
		}
		if (mine) {
			queue_fetch(q, tag, UB_COMMIT_AND_FETCH_REQ, result);
			continue;
		}
		struct ub_done *p = &q->done[tag];
		struct ub_done *old = __atomic_load_n(&q->posted, __ATOMIC_RELAXED);

		p->tag = tag;
		p->result = result;
		do
			p->next = old;
		while (!__atomic_compare_exchange_n(&q->posted, &old, p, true, __ATOMIC_RELEASE,
						    __ATOMIC_RELAXED));
		posted = true;
	}
	if (posted) {
		uint64_t one = 1;

		if (write(q->efd, &one, sizeof(one)) < 0)
			return EPIPE;
	}
	return 0;
}

/* ---- The device's life ---- */

static int geom_check(const struct uhost_blk_geom *g)
{
	if (g->lbs < 512 || g->lbs > 4096 || (g->lbs & (g->lbs - 1)))
		return uh_fail(EINVAL, "ublk: %u-byte blocks: give 512 to 4096, a power of two",
			       g->lbs);
	if (!g->conns || g->conns > UHOST_BLK_MAX_CONNS)
		return uh_fail(EINVAL, "ublk: %u queues: give 1 to %u", g->conns,
			       UHOST_BLK_MAX_CONNS);
	if (!g->bytes || g->bytes % g->lbs)
		return uh_fail(EINVAL, "ublk: a size of %llu bytes is no whole number of blocks",
			       (unsigned long long)g->bytes);
	return 0;
}

static unsigned int shift_of(uint32_t v)
{
	unsigned int s = 0;

	while ((1u << (s + 1)) <= v)
		s++;
	return s;
}

static void dev_free(struct ub_dev *d)
{
	for (unsigned int i = 0; i < d->nq; i++) {
		struct ub_queue *q = &d->q[i];

		ring_free(&q->ring);
		if (q->iod)
			munmap((void *)q->iod, q->iod_len);
		if (q->buf)
			munmap(q->buf, q->buf_len);
		if (q->efd >= 0)
			close(q->efd);
	}
	if (d->cdev_fd >= 0)
		close(d->cdev_fd);
}

static int ub_params(struct ub_dev *d, const struct uhost_blk_geom *g)
{
	struct ublk_params p;
	unsigned int lshift = shift_of(g->lbs);
	unsigned int pshift = g->pbs > g->lbs ? shift_of(g->pbs) : lshift;
	uint32_t f = g->features;

	memset(&p, 0, sizeof(p));
	p.len = sizeof(p);
	p.types = UBLK_PARAM_TYPE_BASIC;
	p.basic.attrs = ((f & UHOST_BLK_F_RO) ? UBLK_ATTR_READ_ONLY : 0) |
			((f & UHOST_BLK_F_ROTATIONAL) ? UBLK_ATTR_ROTATIONAL : 0) |
			((f & UHOST_BLK_F_FLUSH) ? UBLK_ATTR_VOLATILE_CACHE : 0) |
			((f & UHOST_BLK_F_FUA) ? UBLK_ATTR_FUA : 0);
	p.basic.logical_bs_shift = (uint8_t)lshift;
	p.basic.physical_bs_shift = (uint8_t)pshift;
	p.basic.io_min_shift = (uint8_t)pshift;
	p.basic.io_opt_shift = (uint8_t)pshift;
	p.basic.max_sectors = d->max_io >> 9;
	p.basic.dev_sectors = g->bytes >> 9;
	if (f & (UHOST_BLK_F_DISCARD | UHOST_BLK_F_WRITE_ZEROES)) {
		p.types |= UBLK_PARAM_TYPE_DISCARD;
		p.discard.discard_granularity = g->lbs;
		p.discard.max_discard_segments = 1;
		if (f & UHOST_BLK_F_DISCARD)
			p.discard.max_discard_sectors = UINT32_MAX >> 9;
		if (f & UHOST_BLK_F_WRITE_ZEROES)
			p.discard.max_write_zeroes_sectors = UINT32_MAX >> 9;
	}
	return ctl_cmd(d, UB_SET_PARAMS, d->id, &p, sizeof(p), 0);
}

static int queue_map(struct ub_dev *d, unsigned int i)
{
	struct ub_queue *q = &d->q[i];
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	void *m;

	q->iod_len = (UB_DEPTH * sizeof(struct ublksrv_io_desc) + page - 1) / page * page;
	m = mmap(NULL, q->iod_len, PROT_READ, MAP_SHARED | MAP_POPULATE, d->cdev_fd,
		 (off_t)(UBLKSRV_CMD_BUF_OFFSET + i * UB_IOD_STRIDE(page)));
	if (m == MAP_FAILED)
		return uh_fail(errno, "ublk: mapping /dev/ublkc%u queue %u's descriptors: %s",
			       d->id, i, strerror(errno));
	q->iod = m;
	q->buf_len = (size_t)UB_DEPTH * d->max_io;
	m = mmap(NULL, q->buf_len, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (m == MAP_FAILED)
		return uh_fail(ENOMEM, "ublk: no memory for queue %u's buffers", i);
	q->buf = m;
	q->efd = eventfd(0, EFD_CLOEXEC);
	if (q->efd < 0)
		return uh_fail(errno, "ublk: eventfd: %s", strerror(errno));
	return 0;
}

static int open_cdev(struct ub_dev *d)
{
	char path[32];

	snprintf(path, sizeof(path), "/dev/ublkc%u", d->id);
	/* devtmpfs makes the node; give a slow udev a moment should it own /dev. */
	for (int i = 0; i < 100; i++) {
		struct timespec ts = { 0, 10 * 1000 * 1000 };

		d->cdev_fd = open(path, O_RDWR | O_CLOEXEC);
		if (d->cdev_fd >= 0 || errno != ENOENT)
			break;
		nanosleep(&ts, NULL);
	}
	if (d->cdev_fd < 0)
		return uh_fail(errno, "ublk: cannot open %s: %s", path, strerror(errno));
	return 0;
}

/*
 * What a device is for, kept in its info's ublksrv_flags (the server's
 * own, which ublk_drv keeps and does not read): the gendisk's name and
 * geometry, so that a restarted driver knows its disk's device (FNV-1a).
 */
static uint64_t dev_tag(const struct uhost_blk_geom *g)
{
	uint64_t h = 0xcbf29ce484222325ull;
	uint64_t v[3] = { g->bytes, g->lbs, g->conns };

	for (size_t i = 0; i < UHOST_BLK_NAME_LEN && g->name[i]; i++)
		h = (h ^ (unsigned char)g->name[i]) * 0x100000001b3ull;
	for (size_t i = 0; i < 3; i++)
		h = (h ^ v[i]) * 0x100000001b3ull;
	return h | 1; /* never 0, which a device ublk.c did not make holds */
}

#define UB_SCAN_IDS 128 /* the devices looked at for a dead driver's */
#define UB_RECOVER_TRIES 300 /* 10 ms apart: the dead one's ring and file going */

/*
 * Under 'uldd supervise': the device a dead driver left for this disk,
 * quiesced with its I/O held (UBLK_F_USER_RECOVERY), taken back with
 * START_USER_RECOVERY; its readers' fetches then end the recovery. 1 when
 * taken, 0 when there is none (or it cannot be had). Under ctl_lock.
 */
static int take_back(struct ub_dev *d, uint64_t tag)
{
	for (unsigned int id = 0; id < UB_SCAN_IDS; id++) {
		struct ublksrv_ctrl_dev_info info;

		for (int t = 0; t < UB_RECOVER_TRIES; t++) {
			struct timespec ts = { 0, 10 * 1000 * 1000 };
			int res;

			memset(&info, 0, sizeof(info));
			if (ctl_cmd(d, UB_GET_DEV_INFO, id, &info, sizeof(info), 0) < 0 ||
			    info.ublksrv_flags != tag || !(info.flags & UBLK_F_USER_RECOVERY) ||
			    info.nr_hw_queues != d->nq || info.queue_depth != UB_DEPTH)
				break;
			/* Quiesced once the dead one's rings are gone; busy until its file is. */
			res = info.state == UBLK_S_DEV_QUIESCED
				      ? ctl_cmd(d, UB_START_RECOVERY, id, NULL, 0, 0)
				      : -EBUSY;
			if (!res) {
				d->id = id;
				d->max_io = info.max_io_buf_bytes;
				d->recovering = true;
				return 1;
			}
			if (res != -EBUSY)
				break;
			nanosleep(&ts, NULL);
		}
	}
	return 0;
}

static int ub_open(const struct uhost_blk_geom *g, struct ub_dev **dp)
{
	bool supervised = uh_keep_on(); /* under uldd supervise */
	uint64_t tag = dev_tag(g);
	struct ublksrv_ctrl_dev_info info;
	struct ub_dev *d;
	bool added = false;
	int err;

	err = geom_check(g);
	if (err)
		return err;
	d = calloc(1, sizeof(*d) + g->conns * sizeof(d->q[0]));
	if (!d)
		return uh_fail(ENOMEM, "ublk: no memory");
	d->nq = g->conns;
	d->cdev_fd = -1;
	d->ctl.fd = -1;
	d->max_io = g->max_bytes && g->max_bytes < UB_MAX_IO ? g->max_bytes : UB_MAX_IO;
	d->max_io = d->max_io < 4096 ? 4096 : d->max_io & ~4095u;
	memcpy(d->name, g->name, UHOST_BLK_NAME_LEN);
	pthread_mutex_init(&d->ctl_lock, NULL);
	for (unsigned int i = 0; i < d->nq; i++) {
		d->q[i].dev = d;
		d->q[i].id = i;
		d->q[i].efd = -1;
		d->q[i].cur = -1;
		d->q[i].ring.fd = -1;
	}
	d->ctl_fd = open("/dev/ublk-control", O_RDWR | O_CLOEXEC);
	if (d->ctl_fd < 0) {
		err = errno == ENOENT
			      ? uh_fail(ENODEV,
					"ublk: no /dev/ublk-control: modprobe ublk_drv (a kernel with CONFIG_BLK_DEV_UBLK, Linux 6.0 or later), or use --blk-export=nbd")
			      : uh_fail(errno, "ublk: cannot open /dev/ublk-control: %s",
					strerror(errno));
		goto fail;
	}
	err = ring_init(&d->ctl, 4);
	if (err) {
		err = uh_fail(err, "ublk: cannot make an io_uring: %s", strerror(err));
		goto fail;
	}
	if (supervised) {
		pthread_mutex_lock(&d->ctl_lock);
		err = take_back(d, tag);
		pthread_mutex_unlock(&d->ctl_lock);
		if (err)
			goto opened;
	}
	memset(&info, 0, sizeof(info));
	info.ublksrv_flags = tag;
	/* Supervised, a crash leaves the device and its I/O for the restarted driver. */
	if (supervised)
		info.flags = UBLK_F_USER_RECOVERY | UBLK_F_USER_RECOVERY_REISSUE;
	info.nr_hw_queues = (uint16_t)d->nq;
	info.queue_depth = UB_DEPTH;
	info.max_io_buf_bytes = d->max_io;
	info.dev_id = UINT32_MAX; /* any free one */
	err = -ctl_cmd(d, UB_ADD_DEV, UINT32_MAX, &info, sizeof(info), 0);
	if (err) {
		err = err == EPERM || err == EACCES
			      ? uh_fail(EPERM,
					"ublk: adding a device takes CAP_SYS_ADMIN: run 'uldd run' as root with --user root (ublk has no broker yet)")
			      : uh_fail(err, "ublk: ADD_DEV: %s", strerror(err));
		goto fail;
	}
	added = true;
	d->id = info.dev_id;
	if (info.max_io_buf_bytes && info.max_io_buf_bytes < d->max_io)
		d->max_io = info.max_io_buf_bytes & ~4095u;
	err = -ub_params(d, g);
	if (err) {
		err = uh_fail(err, "ublk: SET_PARAMS for /dev/ublkb%u: %s", d->id, strerror(err));
		goto fail;
	}
opened:
	err = open_cdev(d);
	for (unsigned int i = 0; !err && i < d->nq; i++)
		err = queue_map(d, i);
	if (err)
		goto fail;
	uh_blk_log(UHOST_LOG_NOTICE,
		   "uldd: %.*s is the host's /dev/ublkb%u%s (%llu MiB, %u-byte blocks, %u %s)",
		   UHOST_BLK_NAME_LEN, g->name, d->id, d->recovering ? " again" : "",
		   (unsigned long long)(g->bytes >> 20), g->lbs, d->nq,
		   d->nq == 1 ? "queue" : "queues");
	*dp = d;
	return 0;

fail:
	dev_free(d);
	if (added || d->recovering) {
		pthread_mutex_lock(&d->ctl_lock);
		ctl_cmd(d, UB_DEL_DEV, d->id, NULL, 0, 0);
		pthread_mutex_unlock(&d->ctl_lock);
	}
	ring_free(&d->ctl);
	if (d->ctl_fd >= 0)
		close(d->ctl_fd);
	free(d);
	return err;
}

static void ub_disconnect(struct ub_dev *d)
{
	int res;

	if (atomic_exchange(&d->stopping, true))
		return;
	/* The stop waits for the I/O in flight, which the readers still serve. */
	pthread_mutex_lock(&d->ctl_lock);
	res = ctl_cmd(d, UB_STOP_DEV, d->id, NULL, 0, 0);
	pthread_mutex_unlock(&d->ctl_lock);
	atomic_store(&d->stopped, true);
	if (res < 0)
		uh_blk_log(UHOST_LOG_ERR, "uldd: /dev/ublkb%u: STOP_DEV: %s", d->id,
			   strerror(-res));
	/* Wakes each reader, should its fetches not have come back aborted. */
	for (unsigned int i = 0; i < d->nq; i++) {
		uint64_t one = 1;

		if (d->q[i].efd >= 0 && write(d->q[i].efd, &one, sizeof(one)) < 0)
			continue;
	}
}

static void ub_close(struct ub_dev *d)
{
	int res;

	/* The rings and the queues' device closed first: the delete waits for them. */
	dev_free(d);
	pthread_mutex_lock(&d->ctl_lock);
	res = ctl_cmd(d, UB_DEL_DEV, d->id, NULL, 0, 0);
	pthread_mutex_unlock(&d->ctl_lock);
	if (res < 0)
		uh_blk_log(UHOST_LOG_ERR, "uldd: /dev/ublkb%u: DEL_DEV: %s", d->id, strerror(-res));
	ring_free(&d->ctl);
	close(d->ctl_fd);
	pthread_mutex_destroy(&d->ctl_lock);
	free(d);
}

/* ---- The door: which backend ---- */

static struct ub_dev *as_ublk(struct uhost_blk *blk)
{
	return (struct ub_dev *)blk;
}

/*
 * Which backend a blk is: a process uses one (the environment does not
 * change under it), so the choice made at open is kept here.
 */
static atomic_int ub_mode = -1; /* -1: not chosen yet; 0: nbd; 1: ublk */

static bool want_ublk(void)
{
	const char *e = getenv("ULDD_BLK_EXPORT");

	return e && !strcmp(e, "ublk");
}

int uhost_blk_open(const struct uhost_blk_geom *geom, struct uhost_blk **blkp)
{
	int mode = want_ublk() ? 1 : 0;
	int expected = -1;

	if (!atomic_compare_exchange_strong(&ub_mode, &expected, mode) && expected != mode)
		return uh_fail(EINVAL, "uldd: a process exports its disks one way only");
	if (!mode)
		return uh_nbd_open(geom, blkp);
	return ub_open(geom, (struct ub_dev **)blkp);
}

void uhost_blk_disconnect(struct uhost_blk *blk)
{
	if (atomic_load(&ub_mode) == 1)
		ub_disconnect(as_ublk(blk));
	else
		uh_nbd_disconnect(blk);
}

void uhost_blk_close(struct uhost_blk *blk)
{
	if (!blk)
		return;
	if (atomic_load(&ub_mode) == 1)
		ub_close(as_ublk(blk));
	else
		uh_nbd_close(blk);
}

int uhost_blk_recv(struct uhost_blk *blk, unsigned int conn, struct uhost_blk_req *req)
{
	if (atomic_load(&ub_mode) == 1)
		return ub_recv(as_ublk(blk), conn, req);
	return uh_nbd_recv(blk, conn, req);
}

int uhost_blk_recv_data(struct uhost_blk *blk, unsigned int conn, void *buf, uhost_size len)
{
	if (atomic_load(&ub_mode) == 1)
		return ub_recv_data(as_ublk(blk), conn, buf, len);
	return uh_nbd_recv_data(blk, conn, buf, len);
}

int uhost_blk_send(struct uhost_blk *blk, unsigned int conn, const struct uhost_blk_reply *r,
		   unsigned int n)
{
	if (atomic_load(&ub_mode) == 1)
		return ub_send(as_ublk(blk), conn, r, n);
	return uh_nbd_send(blk, conn, r, n);
}
