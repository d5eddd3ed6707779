// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * block/blk-mq-tag.c - tags: per hardware queue, a bitmap of the tags in
 * use under a spinlock (taken with interrupts off: tags are freed from
 * completions), the requests each tag owns (allocated with the tag set,
 * the driver's cmd_size bytes after each), a wait queue for tasks waiting
 * for a free tag, and the tag set's iterators.
 */
#include <linux/bitmap.h>
#include <linux/blk-mq.h>
#include <linux/delay.h>
#include <linux/slab.h>

#include "../mm/private.h"
#include "internal.h"

static void free_rqs(struct blk_mq_tag_set *set, struct blk_mq_tags *tags, unsigned int idx)
{
	for (unsigned int i = 0; i < tags->nr_tags; i++) {
		struct request *rq = tags->static_rqs[i];

		if (!rq)
			continue;
		if (rq->uldd && set->ops->exit_request)
			set->ops->exit_request(set, rq, idx);
		uldd_private_free(rq->uldd);
		kfree(rq);
	}
}

int uldd_blk_tags_alloc(struct blk_mq_tag_set *set, unsigned int idx)
{
	unsigned int n = set->queue_depth;
	struct blk_mq_tags *tags;
	struct uldd_blk_tags *t;
	int err = -ENOMEM;

	tags = uldd_private_alloc(sizeof(*tags), GFP_KERNEL | __GFP_ZERO);
	t = uldd_private_alloc(sizeof(*t), GFP_KERNEL | __GFP_ZERO);
	if (!tags || !t)
		goto err_free;
	tags->uldd = t;
	tags->nr_tags = n;
	tags->nr_reserved_tags = set->reserved_tags;
	spin_lock_init(&t->lock);
	init_waitqueue_head(&t->wait);
	t->hint = set->reserved_tags;
	t->map = uldd_private_alloc(BITS_TO_LONGS(n) * sizeof(long), GFP_KERNEL | __GFP_ZERO);
	tags->rqs = uldd_private_alloc(n * sizeof(void *), GFP_KERNEL | __GFP_ZERO);
	tags->static_rqs = uldd_private_alloc(n * sizeof(void *), GFP_KERNEL | __GFP_ZERO);
	if (!t->map || !tags->rqs || !tags->static_rqs)
		goto err_free;
	for (unsigned int i = 0; i < n; i++) {
		/* In the arena, as Linux's pages of requests: the pdu is the driver's. */
		struct request *rq = kzalloc(sizeof(*rq) + set->cmd_size, GFP_KERNEL);

		if (!rq)
			goto err_rqs;
		tags->static_rqs[i] = rq;
		rq->uldd = uldd_private_alloc(sizeof(struct uldd_blk_rqx), GFP_KERNEL | __GFP_ZERO);
		if (!rq->uldd)
			goto err_rqs;
		rqx(rq)->hctx_idx = idx;
		rq->tag = -1;
		rq->internal_tag = -1;
		INIT_LIST_HEAD(&rq->uldd_node);
		if (set->ops->init_request) {
			err = set->ops->init_request(set, rq, idx, set->numa_node);
			if (err) {
				uldd_private_free(rq->uldd);
				rq->uldd = NULL;
				goto err_rqs;
			}
		}
		tags->rqs[i] = rq;
	}
	set->tags[idx] = tags;
	return 0;

err_rqs:
	free_rqs(set, tags, idx);
err_free:
	if (tags) {
		uldd_private_free(tags->rqs);
		uldd_private_free(tags->static_rqs);
	}
	if (t)
		uldd_private_free(t->map);
	uldd_private_free(t);
	uldd_private_free(tags);
	return err ? err : -ENOMEM;
}

void uldd_blk_tags_free(struct blk_mq_tag_set *set, unsigned int idx)
{
	struct blk_mq_tags *tags = set->tags[idx];

	if (!tags)
		return;
	free_rqs(set, tags, idx);
	uldd_private_free(tags->uldd->map);
	uldd_private_free(tags->uldd);
	uldd_private_free(tags->rqs);
	uldd_private_free(tags->static_rqs);
	uldd_private_free(tags);
	set->tags[idx] = NULL;
}

static int try_get(struct blk_mq_tags *tags, bool reserved)
{
	struct uldd_blk_tags *t = tags->uldd;
	unsigned int lo = reserved ? 0 : tags->nr_reserved_tags;
	unsigned int hi = reserved ? tags->nr_reserved_tags : tags->nr_tags;
	unsigned long flags, bit;
	int tag = -1;

	spin_lock_irqsave(&t->lock, flags);
	bit = find_next_zero_bit(t->map, hi, reserved ? lo : t->hint);
	if (bit >= hi)
		bit = find_next_zero_bit(t->map, hi, lo);
	if (bit < hi) {
		/* Atomic: the timeout work and busy_iter read the map unlocked. */
		set_bit(bit, t->map);
		tag = bit;
		/* The depth 'uldd stats' shows, counted under the lock the tag takes anyway. */
		if (++t->used > t->max_used)
			t->max_used = t->used;
		if (!reserved)
			t->hint = bit + 1 < hi ? bit + 1 : lo;
	}
	spin_unlock_irqrestore(&t->lock, flags);
	return tag;
}

static bool queue_gone(struct request_queue *q)
{
	return blk_queue_dying(q) || (q->disk && test_bit(GD_DEAD, &q->disk->state));
}

/*
 * A free tag, or -EWOULDBLOCK with nowait, or -ENODEV once q is dying or
 * its disk dead. Waits (process context) for a tag to be put.
 */
int uldd_blk_tag_get(struct blk_mq_tags *tags, bool reserved, bool nowait, struct request_queue *q)
{
	int tag = try_get(tags, reserved);

	if (tag >= 0)
		return tag;
	if (nowait || (reserved && !tags->nr_reserved_tags))
		return -EWOULDBLOCK;
	wait_event(tags->uldd->wait, (tag = try_get(tags, reserved)) >= 0 || queue_gone(q));
	return tag >= 0 ? tag : -ENODEV;
}

void uldd_blk_tag_put(struct blk_mq_tags *tags, unsigned int tag)
{
	struct uldd_blk_tags *t = tags->uldd;
	unsigned long flags;

	spin_lock_irqsave(&t->lock, flags);
	clear_bit(tag, t->map);
	t->used--;
	spin_unlock_irqrestore(&t->lock, flags);
	if (wq_has_sleeper(&t->wait))
		wake_up(&t->wait);
}

static void put_rq_ref(struct request *rq)
{
	if (atomic_dec_and_test(&rq->ref))
		uldd_blk_free_final(rq);
}

/*
 * Calls fn on each started request of the set, holding a reference so
 * the request is not reused under fn, until fn returns false.
 */
void blk_mq_tagset_busy_iter(struct blk_mq_tag_set *set, busy_tag_iter_fn *fn, void *priv)
{
	for (unsigned int i = 0; i < set->nr_hw_queues; i++) {
		struct blk_mq_tags *tags = set->tags[i];

		if (!tags)
			continue;
		for (unsigned int tag = 0; tag < tags->nr_tags; tag++) {
			struct request *rq = tags->static_rqs[tag];
			bool more;

			if (!test_bit(tag, tags->uldd->map) || !blk_mq_request_started(rq))
				continue;
			if (!atomic_inc_not_zero(&rq->ref))
				continue;
			more = blk_mq_request_started(rq) ? fn(rq, priv) : true;
			put_rq_ref(rq);
			if (!more)
				return;
		}
	}
}

static bool count_completed(struct request *rq, void *data)
{
	unsigned int *n = data;

	if (blk_mq_request_completed(rq))
		(*n)++;
	return true;
}

/* Until no request of the set is completed but not yet ended. */
void blk_mq_tagset_wait_completed_request(struct blk_mq_tag_set *set)
{
	for (;;) {
		unsigned int n = 0;

		blk_mq_tagset_busy_iter(set, count_completed, &n);
		if (!n)
			break;
		msleep(5);
	}
}

unsigned int blk_mq_unique_tag(struct request *rq)
{
	return (rq->mq_hctx->queue_num << 16) | (rq->tag & 0xffff);
}
