/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/blk-mq.h - the multi-queue block layer a driver implements: tag
 * sets (hardware queues, depth, per-request driver data), requests and
 * their state, the driver's blk_mq_ops, and the calls that submit, end,
 * requeue, freeze and quiesce. shim/block/ implements it.
 *
 * Emulation notes:
 * - no I/O scheduler and no software queues: a request goes from its tag
 *   straight to ops->queue_rq on the submitting vCPU, one at a time
 *   (bd->last is true, so commit_rqs is not needed); queue_rqs is never
 *   called. A request is never merged with another.
 * - blk_mq_complete_request() calls ops->complete in the caller's
 *   context: there is no IPI to the submitting CPU, so
 *   blk_mq_complete_request_remote() marks the request complete and
 *   always returns false.
 * - timeouts: one timer per queue; ops->timeout runs from a work item
 *   (process context), as in Linux.
 * - blk_mq_pci_map_queues() spreads vCPUs over the queues as
 *   blk_mq_map_queues() does: uldd has no interrupt affinity.
 * - request lists (rq_list) follow 6.12 (struct rq_list, head and tail);
 *   6.1's forms over a bare struct request * (rq_list_add(), and
 *   rq_list_pop()/rq_list_add_tail() on a struct request ** or ***) are
 *   chosen by the argument's type. blk_mq_ops.queue_rqs is declared
 *   without a prototype, so 6.1's (struct request **) and 6.12's
 *   (struct rq_list *) functions both fit; it is never called.
 * - blk_mq_alloc_disk() takes 6.1's two arguments or 6.12's three;
 *   blk_mq_wait_quiesce_done() 6.1's queue or 6.12's tag set.
 */
#ifndef _LINUX_BLK_MQ_H
#define _LINUX_BLK_MQ_H

#include <linux/bio.h>
#include <linux/blkdev.h>
#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/scatterlist.h>
#include <linux/srcu.h>
#include <linux/types.h>

struct blk_mq_tags;
struct scatterlist;
struct rq_map_data;
struct iov_iter;
struct uldd_blk_hctx;
struct uldd_blk_set;

typedef u32 __bitwise req_flags_t;

/* request.rq_flags */
#define RQF_STARTED ((__force req_flags_t)(1 << 1))
#define RQF_FLUSH_SEQ ((__force req_flags_t)(1 << 4))
#define RQF_MIXED_MERGE ((__force req_flags_t)(1 << 5))
#define RQF_DONTPREP ((__force req_flags_t)(1 << 7))
#define RQF_SCHED_TAGS ((__force req_flags_t)(1 << 8))
#define RQF_USE_SCHED ((__force req_flags_t)(1 << 9))
#define RQF_FAILED ((__force req_flags_t)(1 << 10))
#define RQF_QUIET ((__force req_flags_t)(1 << 11))
#define RQF_IO_STAT ((__force req_flags_t)(1 << 13))
#define RQF_PM ((__force req_flags_t)(1 << 15))
#define RQF_HASHED ((__force req_flags_t)(1 << 16))
#define RQF_STATS ((__force req_flags_t)(1 << 17))
/* The data is rq->special_vec, not the bios' (a discard's range list). */
#define RQF_SPECIAL_PAYLOAD ((__force req_flags_t)(1 << 18))
#define RQF_ZONE_WRITE_PLUGGING ((__force req_flags_t)(1 << 20))
#define RQF_TIMED_OUT ((__force req_flags_t)(1 << 21))
#define RQF_RESV ((__force req_flags_t)(1 << 23))
#define RQF_ELV ((__force req_flags_t)0)

enum mq_rq_state {
	MQ_RQ_IDLE = 0,
	MQ_RQ_IN_FLIGHT = 1,
	MQ_RQ_COMPLETE = 2,
};

enum rq_end_io_ret {
	RQ_END_IO_NONE,
	RQ_END_IO_FREE,
};

typedef enum rq_end_io_ret(rq_end_io_fn)(struct request *, blk_status_t);

struct request {
	struct request_queue *q;
	struct blk_mq_ctx *mq_ctx;
	struct blk_mq_hw_ctx *mq_hctx;
	blk_opf_t cmd_flags;
	req_flags_t rq_flags;
	int tag;
	int internal_tag;
	unsigned int timeout; /* jiffies; 0: the queue's */
	unsigned int __data_len; /* bytes left */
	sector_t __sector;
	struct bio *bio;
	struct bio *biotail;
	union {
		struct list_head queuelist;
		struct request *rq_next;
	};
	struct block_device *part;
	u64 start_time_ns;
	u64 io_start_time_ns;
	unsigned short nr_phys_segments;
	unsigned short nr_integrity_segments;
	unsigned short ioprio;
	enum mq_rq_state state;
	atomic_t ref;
	unsigned long deadline; /* jiffies */
	/* A request whose data is not its bios' (RQF_SPECIAL_PAYLOAD). */
	struct bio_vec special_vec;
	rq_end_io_fn *end_io;
	void *end_io_data;
	/* The shim's: requeue and dispatch lists, the bio vector of a mapped buffer. */
	struct list_head uldd_node;
	void *uldd;
};

static inline enum req_op req_op(const struct request *rq)
{
	return (__force enum req_op)(rq->cmd_flags & REQ_OP_MASK);
}

static inline bool blk_rq_is_passthrough(struct request *rq)
{
	return req_op(rq) == REQ_OP_DRV_IN || req_op(rq) == REQ_OP_DRV_OUT;
}

#define rq_data_dir(rq) (op_is_write(req_op(rq)) ? WRITE : READ)
#define rq_dma_dir(rq) (op_is_write(req_op(rq)) ? DMA_TO_DEVICE : DMA_FROM_DEVICE)

static inline sector_t blk_rq_pos(const struct request *rq)
{
	return rq->__sector;
}

static inline unsigned int blk_rq_bytes(const struct request *rq)
{
	return rq->__data_len;
}

static inline unsigned int blk_rq_sectors(const struct request *rq)
{
	return blk_rq_bytes(rq) >> SECTOR_SHIFT;
}

static inline unsigned int blk_rq_cur_bytes(const struct request *rq)
{
	if (!rq->bio)
		return 0;
	if (!bio_has_data(rq->bio))
		return rq->bio->bi_iter.bi_size;
	return bio_iovec(rq->bio).bv_len;
}

/* The bytes the device moves: the special payload's, or the request's. */
static inline unsigned int blk_rq_payload_bytes(struct request *rq)
{
	if (rq->rq_flags & RQF_SPECIAL_PAYLOAD)
		return rq->special_vec.bv_len;
	return blk_rq_bytes(rq);
}

static inline unsigned short blk_rq_nr_phys_segments(struct request *rq)
{
	if (rq->rq_flags & RQF_SPECIAL_PAYLOAD)
		return 1;
	return rq->nr_phys_segments;
}

/* A discard of several ranges has one bio per range. */
static inline unsigned short blk_rq_nr_discard_segments(struct request *rq)
{
	return max_t(unsigned short, rq->nr_phys_segments, 1);
}

/* The first data piece: the special payload, or the first bio's first vector. */
static inline struct bio_vec req_bvec(struct request *rq)
{
	if (rq->rq_flags & RQF_SPECIAL_PAYLOAD)
		return rq->special_vec;
	return mp_bvec_iter_bvec(rq->bio->bi_io_vec, rq->bio->bi_iter);
}

#define __rq_for_each_bio(_bio, rq) \
	if ((rq->bio))              \
		for (_bio = (rq)->bio; _bio; _bio = _bio->bi_next)

struct req_iterator {
	struct bvec_iter iter;
	struct bio *bio;
};

#define rq_for_each_segment(bvl, _rq, _iter) \
	__rq_for_each_bio(_iter.bio, _rq) bio_for_each_segment(bvl, _iter.bio, _iter.iter)

#define rq_for_each_bvec(bvl, _rq, _iter) \
	__rq_for_each_bio(_iter.bio, _rq) bio_for_each_bvec(bvl, _iter.bio, _iter.iter)

static inline enum mq_rq_state blk_mq_rq_state(struct request *rq)
{
	return READ_ONCE(rq->state);
}

static inline int blk_mq_request_started(struct request *rq)
{
	return blk_mq_rq_state(rq) != MQ_RQ_IDLE;
}

static inline int blk_mq_request_completed(struct request *rq)
{
	return blk_mq_rq_state(rq) == MQ_RQ_COMPLETE;
}

/* For a driver that ends a request itself, without blk_mq_complete_request(). */
static inline void blk_mq_set_request_complete(struct request *rq)
{
	WRITE_ONCE(rq->state, MQ_RQ_COMPLETE);
}

static inline void blk_mq_complete_request_direct(struct request *rq,
						  void (*complete)(struct request *rq))
{
	WRITE_ONCE(rq->state, MQ_RQ_COMPLETE);
	complete(rq);
}

/* The driver's data (tag_set.cmd_size bytes) right after the request. */
static inline void *blk_mq_rq_to_pdu(struct request *rq)
{
	return rq + 1;
}

static inline struct request *blk_mq_rq_from_pdu(void *pdu)
{
	return (struct request *)pdu - 1;
}

/* Fault injection is not built in. */
static inline bool blk_should_fake_timeout(struct request_queue *q)
{
	(void)q;
	return false;
}

static inline bool blk_rq_is_poll(struct request *rq)
{
	(void)rq;
	return false;
}

/* Request lists: 6.12's struct rq_list, and 6.1's bare forms (see above). */
static inline int rq_list_empty(const struct rq_list *rl)
{
	return rl->head == NULL;
}

static inline void rq_list_init(struct rq_list *rl)
{
	rl->head = NULL;
	rl->tail = NULL;
}

static inline void rq_list_add_tail(struct rq_list *rl, struct request *rq)
{
	rq->rq_next = NULL;
	if (rl->tail)
		rl->tail->rq_next = rq;
	else
		rl->head = rq;
	rl->tail = rq;
}

static inline void rq_list_add_head(struct rq_list *rl, struct request *rq)
{
	rq->rq_next = rl->head;
	rl->head = rq;
	if (!rl->tail)
		rl->tail = rq;
}

static inline struct request *rq_list_pop(struct rq_list *rl)
{
	struct request *rq = rl->head;

	if (rq) {
		rl->head = rq->rq_next;
		if (!rl->head)
			rl->tail = NULL;
		rq->rq_next = NULL;
	}
	return rq;
}

static inline struct request *rq_list_peek(struct rq_list *rl)
{
	return rl->head;
}

#define rq_list_next(rq) ((rq)->rq_next)

static inline int uldd_rq_list_empty_head(struct request *head)
{
	return head == NULL;
}

static inline int uldd_rq_list_empty_value(struct rq_list rl)
{
	return rl.head == NULL;
}

static inline struct request *uldd_rq_list_pop_head(struct request **head)
{
	struct request *rq = *head;

	if (rq)
		*head = rq->rq_next;
	return rq;
}

static inline struct request *uldd_rq_list_peek_head(struct request **head)
{
	return *head;
}

static inline void uldd_rq_list_add_lastp(struct request ***lastp, struct request *rq)
{
	rq->rq_next = NULL;
	**lastp = rq;
	*lastp = &rq->rq_next;
}

/* 6.1: push on the front of a bare list. */
#define rq_list_add(listptr, rq)            \
	do {                                \
		(rq)->rq_next = *(listptr); \
		*(listptr) = (rq);          \
	} while (0)

#define rq_list_empty(l)                                   \
	_Generic((l), struct request *                     \
		 : uldd_rq_list_empty_head, struct rq_list \
		 : uldd_rq_list_empty_value, default       \
		 : rq_list_empty)(l)
#define rq_list_pop(l) \
	_Generic((l), struct request * * : uldd_rq_list_pop_head, default : rq_list_pop)(l)
#define rq_list_peek(l) \
	_Generic((l), struct request * * : uldd_rq_list_peek_head, default : rq_list_peek)(l)
#define rq_list_add_tail(l, rq) \
	_Generic((l), struct request ***: uldd_rq_list_add_lastp, default: rq_list_add_tail)(l, rq)

#define rq_list_for_each(listptr, pos) \
	for (pos = rq_list_peek((listptr)); pos; pos = rq_list_next(pos))
#define rq_list_for_each_safe(listptr, pos, nxt)                                  \
	for (pos = rq_list_peek((listptr)), nxt = pos ? pos->rq_next : NULL; pos; \
	     pos = nxt, nxt = pos ? pos->rq_next : NULL)

enum hctx_type {
	HCTX_TYPE_DEFAULT,
	HCTX_TYPE_READ,
	HCTX_TYPE_POLL,
	HCTX_MAX_TYPES,
};

/* Which hardware queue each vCPU submits on, for one type of I/O. */
struct blk_mq_queue_map {
	unsigned int *mq_map; /* nr_cpu_ids entries */
	unsigned int nr_queues;
	unsigned int queue_offset;
};

/* The tags of one hardware queue and the requests behind them. */
struct blk_mq_tags {
	unsigned int nr_tags;
	unsigned int nr_reserved_tags;
	/* rqs[tag]: the request in flight under tag; static_rqs[tag]: the one it owns. */
	struct request **rqs;
	struct request **static_rqs;
	struct uldd_blk_tags *uldd;
};

static inline struct request *blk_mq_tag_to_rq(struct blk_mq_tags *tags, unsigned int tag)
{
	if (tag < tags->nr_tags)
		return READ_ONCE(tags->rqs[tag]);
	return NULL;
}

struct blk_mq_hw_ctx {
	void *driver_data;
	struct request_queue *queue;
	struct blk_mq_tags *tags;
	unsigned long flags;
	unsigned long state;
	unsigned int queue_num;
	unsigned short type;
	unsigned short nr_ctx;
	int numa_node;
	struct uldd_blk_hctx *uldd;
};

struct blk_mq_queue_data {
	struct request *rq;
	bool last;
};

enum blk_eh_timer_return {
	BLK_EH_DONE,
	BLK_EH_RESET_TIMER,
};

typedef bool(busy_tag_iter_fn)(struct request *, void *);

struct blk_mq_tag_set;

struct blk_mq_ops {
	blk_status_t (*queue_rq)(struct blk_mq_hw_ctx *, const struct blk_mq_queue_data *);
	void (*commit_rqs)(struct blk_mq_hw_ctx *);
	/* 6.1: (struct request **); 6.12: (struct rq_list *). Never called. */
	void (*queue_rqs)();
	int (*get_budget)(struct request_queue *);
	void (*put_budget)(struct request_queue *, int);
	void (*set_rq_budget_token)(struct request *, int);
	int (*get_rq_budget_token)(struct request *);
	enum blk_eh_timer_return (*timeout)(struct request *);
	int (*poll)(struct blk_mq_hw_ctx *, struct io_comp_batch *);
	void (*complete)(struct request *);
	int (*init_hctx)(struct blk_mq_hw_ctx *, void *, unsigned int);
	void (*exit_hctx)(struct blk_mq_hw_ctx *, unsigned int);
	int (*init_request)(struct blk_mq_tag_set *set, struct request *, unsigned int,
			    unsigned int);
	void (*exit_request)(struct blk_mq_tag_set *set, struct request *, unsigned int);
	void (*cleanup_rq)(struct request *);
	bool (*busy)(struct request_queue *);
	void (*map_queues)(struct blk_mq_tag_set *set);
};

/* blk_mq_tag_set.flags */
enum {
	BLK_MQ_F_SHOULD_MERGE = 1 << 0,
	BLK_MQ_F_TAG_QUEUE_SHARED = 1 << 1,
	BLK_MQ_F_STACKING = 1 << 2,
	BLK_MQ_F_TAG_HCTX_SHARED = 1 << 3,
	/* queue_rq may sleep. */
	BLK_MQ_F_BLOCKING = 1 << 4,
	BLK_MQ_F_NO_SCHED = 1 << 5,
	BLK_MQ_F_NO_SCHED_BY_DEFAULT = 1 << 6,
	BLK_MQ_F_ALLOC_POLICY_START_BIT = 7,
	BLK_MQ_F_ALLOC_POLICY_BITS = 1,
};

#define BLK_MQ_MAX_DEPTH 10240
#define BLK_MQ_NO_HCTX_IDX (-1U)

struct blk_mq_tag_set {
	const struct blk_mq_ops *ops;
	struct blk_mq_queue_map map[HCTX_MAX_TYPES];
	unsigned int nr_maps;
	unsigned int nr_hw_queues;
	unsigned int queue_depth;
	unsigned int reserved_tags;
	unsigned int cmd_size; /* the driver's bytes after each request */
	int numa_node;
	unsigned int timeout; /* jiffies; 0: 30 s */
	unsigned int flags;
	void *driver_data;
	struct blk_mq_tags **tags;
	struct blk_mq_tags *shared_tags;
	struct mutex tag_list_lock;
	struct list_head tag_list;
	struct uldd_blk_set *uldd;
};

/* blk_mq_alloc_request() flags */
typedef u32 __bitwise blk_mq_req_flags_t;
#define BLK_MQ_REQ_NOWAIT ((__force blk_mq_req_flags_t)(1 << 0))
#define BLK_MQ_REQ_RESERVED ((__force blk_mq_req_flags_t)(1 << 1))
#define BLK_MQ_REQ_PM ((__force blk_mq_req_flags_t)(1 << 2))

int blk_mq_alloc_tag_set(struct blk_mq_tag_set *set);
int blk_mq_alloc_sq_tag_set(struct blk_mq_tag_set *set, const struct blk_mq_ops *ops,
			    unsigned int queue_depth, unsigned int set_flags);
void blk_mq_free_tag_set(struct blk_mq_tag_set *set);
void blk_mq_update_nr_hw_queues(struct blk_mq_tag_set *set, int nr_hw_queues);

void blk_mq_map_queues(struct blk_mq_queue_map *qmap);

/* A queue without a disk (an admin queue): 6.12's and 6.1's calls. */
struct request_queue *blk_mq_alloc_queue(struct blk_mq_tag_set *set, struct queue_limits *lim,
					 void *queuedata);
struct request_queue *blk_mq_init_queue(struct blk_mq_tag_set *set);
void blk_mq_destroy_queue(struct request_queue *q);

struct gendisk *__blk_mq_alloc_disk(struct blk_mq_tag_set *set, struct queue_limits *lim,
				    void *queuedata, struct lock_class_key *lkclass);
#define uldd_blk_mq_alloc_disk2(set, queuedata) __blk_mq_alloc_disk((set), NULL, (queuedata), NULL)
#define uldd_blk_mq_alloc_disk3(set, lim, queuedata) \
	__blk_mq_alloc_disk((set), (lim), (queuedata), NULL)
#define uldd_blk_mq_alloc_disk_pick(_1, _2, _3, name, ...) name
#define blk_mq_alloc_disk(...)                                                                     \
	uldd_blk_mq_alloc_disk_pick(__VA_ARGS__, uldd_blk_mq_alloc_disk3, uldd_blk_mq_alloc_disk2, \
				    unused)(__VA_ARGS__)

struct request *blk_mq_alloc_request(struct request_queue *q, blk_opf_t opf,
				     blk_mq_req_flags_t flags);
struct request *blk_mq_alloc_request_hctx(struct request_queue *q, blk_opf_t opf,
					  blk_mq_req_flags_t flags, unsigned int hctx_idx);
void blk_mq_free_request(struct request *rq);

blk_status_t blk_execute_rq(struct request *rq, bool at_head);
void blk_execute_rq_nowait(struct request *rq, bool at_head);
int blk_rq_map_kern(struct request_queue *q, struct request *rq, void *kbuf, unsigned int len,
		    gfp_t gfp);
int blk_rq_map_user_io(struct request *rq, struct rq_map_data *map_data, void __user *ubuf,
		       unsigned long buf_len, gfp_t gfp_mask, bool vec, int iov_count,
		       bool check_iter_count, int rw);
int blk_rq_map_user_iov(struct request_queue *q, struct request *rq, struct rq_map_data *map_data,
			const struct iov_iter *iter, gfp_t gfp);
int blk_rq_unmap_user(struct bio *bio);
int blk_rq_poll(struct request *rq, struct io_comp_batch *iob, unsigned int poll_flags);

void blk_mq_start_request(struct request *rq);
void blk_mq_end_request(struct request *rq, blk_status_t error);
void __blk_mq_end_request(struct request *rq, blk_status_t error);
void blk_mq_end_request_batch(struct io_comp_batch *iob);
void blk_mq_complete_request(struct request *rq);
bool blk_mq_complete_request_remote(struct request *rq);
void blk_mq_requeue_request(struct request *rq, bool kick_requeue_list);
void blk_mq_kick_requeue_list(struct request_queue *q);
void blk_mq_delay_kick_requeue_list(struct request_queue *q, unsigned long msecs);

void blk_mq_run_hw_queues(struct request_queue *q, bool async);
void blk_mq_run_hw_queue(struct blk_mq_hw_ctx *hctx, bool async);
void blk_mq_stop_hw_queues(struct request_queue *q);
void blk_mq_start_stopped_hw_queues(struct request_queue *q, bool async);

void blk_freeze_queue_start(struct request_queue *q);
void blk_mq_freeze_queue_wait(struct request_queue *q);
int blk_mq_freeze_queue_wait_timeout(struct request_queue *q, unsigned long timeout);
void blk_mq_freeze_queue(struct request_queue *q);
void blk_mq_unfreeze_queue(struct request_queue *q);

void blk_mq_quiesce_queue(struct request_queue *q);
void blk_mq_quiesce_queue_nowait(struct request_queue *q);
void blk_mq_unquiesce_queue(struct request_queue *q);
void blk_mq_quiesce_tagset(struct blk_mq_tag_set *set);
void blk_mq_unquiesce_tagset(struct blk_mq_tag_set *set);
/* 6.12's form waits for a tag set's queues; 6.1's for one queue. */
void blk_mq_wait_quiesce_done(struct blk_mq_tag_set *set);
void uldd_blk_mq_wait_quiesce_done_queue(struct request_queue *q);
#define blk_mq_wait_quiesce_done(x)                             \
	_Generic((x), struct request_queue *                    \
		 : uldd_blk_mq_wait_quiesce_done_queue, default \
		 : blk_mq_wait_quiesce_done)(x)

void blk_mq_tagset_busy_iter(struct blk_mq_tag_set *set, busy_tag_iter_fn *fn, void *priv);
void blk_mq_tagset_wait_completed_request(struct blk_mq_tag_set *set);
unsigned int blk_mq_unique_tag(struct request *rq);

/* Maps the request's data into sglist; *last_sg is the last entry used. */
int __blk_rq_map_sg(struct request_queue *q, struct request *rq, struct scatterlist *sglist,
		    struct scatterlist **last_sg);

static inline int blk_rq_map_sg(struct request_queue *q, struct request *rq,
				struct scatterlist *sglist)
{
	struct scatterlist *last_sg = NULL;

	return __blk_rq_map_sg(q, rq, sglist, &last_sg);
}

/*
 * Puts a completed request on a poll's or an interrupt's batch, to be
 * ended by iob->complete; false when it must be ended on its own (an
 * error, or an end_io the batch would not call).
 */
static inline bool blk_mq_add_to_batch(struct request *req, struct io_comp_batch *iob, int ioerror,
				       void (*complete)(struct io_comp_batch *))
{
	if (!iob || ioerror || req->end_io)
		return false;
	if (!iob->complete)
		iob->complete = complete;
	else if (iob->complete != complete)
		return false;
	rq_list_add_tail(&iob->req_list, req);
	return true;
}

#endif /* _LINUX_BLK_MQ_H */
