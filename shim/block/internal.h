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
#include <linux/kref.h>
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
	unsigned int cap; /* entries of set->tags and of a queue's hctx array */
	unsigned int nr_cpus; /* entries of each map's mq_map */
};

struct uldd_blk_tags {
	spinlock_t lock;
	unsigned long *map; /* a bit per tag in use */
	unsigned int hint; /* where the next search for a normal tag starts */
	struct wait_queue_head wait; /* tasks waiting for a tag */
};

struct uldd_blk_hctx {
	struct blk_mq_hw_ctx *owner;
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
