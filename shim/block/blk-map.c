// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * block/blk-map.c - a request's data: the bio the shim builds over a
 * kernel buffer (blk_rq_map_kern(), uldd_blk_submit()), its segments and
 * the scatterlist a driver maps for DMA (__blk_rq_map_sg()). Each request
 * owns one bio and its vectors (struct uldd_blk_rqx): nothing is
 * allocated per I/O. No locking: the request's owner serialises.
 *
 * A vector covers a run of pages whose struct pages are consecutive (one
 * arena chunk), so it may be several pages long, as Linux's multi-page
 * bio_vecs are; segments split vectors at the queue's max_segment_size
 * and segment boundary, and merge across vectors where the memory runs on.
 */
#include <linux/blk-mq.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/overflow.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "internal.h"

/*
 * Builds rq's bio over [buf, buf + len) (arena memory): 0, or -EINVAL
 * when it is not arena memory or needs more vectors than a request has.
 */
int uldd_blk_bio_over(struct request *rq, void *buf, unsigned int len)
{
	struct uldd_blk_rqx *x = rqx(rq);
	struct bio *bio = &x->bio;
	unsigned long addr = (unsigned long)buf;
	unsigned int n = 0;
	struct page *prev = NULL;

	memset(bio, 0, sizeof(*bio));
	bio->bi_opf = rq->cmd_flags;
	bio->bi_io_vec = x->vecs;
	bio->bi_max_vecs = ULDD_BLK_RQ_VECS;
	bio->bi_bdev = rq->part;
	atomic_set(&bio->__bi_cnt, 1);
	while (len) {
		unsigned int off = offset_in_page(addr);
		unsigned int piece = min_t(unsigned int, len, PAGE_SIZE - off);
		struct page *page;

		if (!virt_addr_valid(addr))
			return -EINVAL;
		page = virt_to_page(addr);
		if (prev && page == prev + 1 && off == 0) {
			x->vecs[n - 1].bv_len += piece;
		} else {
			if (n == ULDD_BLK_RQ_VECS)
				return -EINVAL;
			bvec_set_page(&x->vecs[n++], page, piece, off);
		}
		prev = page;
		addr += piece;
		len -= piece;
		bio->bi_iter.bi_size += piece;
	}
	bio->bi_vcnt = n;
	return 0;
}

/* Whether segment b may continue segment a (both single and within limits). */
static bool can_merge(const struct queue_limits *lim, struct page *a_page, unsigned int a_off,
		      unsigned int a_len, struct page *b_page, unsigned int b_off,
		      unsigned int b_len)
{
	unsigned long a_end = (unsigned long)page_address(a_page) + a_off + a_len;
	unsigned long b = (unsigned long)page_address(b_page) + b_off;
	unsigned long first = (unsigned long)page_address(a_page) + a_off;

	if (a_end != b || a_len + b_len > lim->max_segment_size)
		return false;
	/* One arena chunk: the struct pages run on too. */
	if (b_page != nth_page(a_page, (a_off + a_len) / PAGE_SIZE) &&
	    b_page != nth_page(a_page, (a_off + a_len - 1) / PAGE_SIZE))
		return false;
	return (first | lim->seg_boundary_mask) == ((b + b_len - 1) | lim->seg_boundary_mask);
}

/* The longest piece of a vector from off on that one segment may hold. */
static unsigned int seg_len(const struct queue_limits *lim, unsigned long addr, unsigned int len)
{
	unsigned long to_boundary = (addr | lim->seg_boundary_mask) - addr + 1;

	len = min_t(unsigned int, len, lim->max_segment_size);
	if (to_boundary && to_boundary < len)
		len = to_boundary;
	return len;
}

/*
 * Walks rq's data as segments, writing them to sg when it is not NULL;
 * returns how many.
 */
static unsigned int walk_segments(struct request_queue *q, struct request *rq,
				  struct scatterlist *sglist, struct scatterlist **last_sg)
{
	const struct queue_limits *lim = &q->limits;
	struct scatterlist *sg = last_sg ? *last_sg : NULL;
	struct page *cur_page = NULL;
	unsigned int cur_off = 0, cur_len = 0, nsegs = 0;
	struct bio *bio;

	for (bio = rq->bio; bio; bio = bio->bi_next) {
		struct bvec_iter iter;
		struct bio_vec bv;

		if (!bio_has_data(bio))
			continue;
		bio_for_each_bvec(bv, bio, iter)
		{
			unsigned int done = 0;

			while (done < bv.bv_len) {
				unsigned int off = bv.bv_offset + done;
				struct page *page = nth_page(bv.bv_page, off / PAGE_SIZE);
				unsigned long addr =
					(unsigned long)page_address(page) + off % PAGE_SIZE;
				unsigned int len = seg_len(lim, addr, bv.bv_len - done);

				off %= PAGE_SIZE;
				if (cur_page &&
				    can_merge(lim, cur_page, cur_off, cur_len, page, off, len)) {
					cur_len += len;
					if (sg)
						sg->length = cur_len;
				} else {
					nsegs++;
					cur_page = page;
					cur_off = off;
					cur_len = len;
					if (sglist) {
						sg = sg ? sg_next(sg) : sglist;
						sg_unmark_end(sg);
						sg_set_page(sg, page, len, off);
					}
				}
				done += len;
			}
		}
	}
	if (last_sg)
		*last_sg = sg;
	return nsegs;
}

unsigned int uldd_blk_count_segments(struct request_queue *q, struct request *rq)
{
	return walk_segments(q, rq, NULL, NULL);
}

int __blk_rq_map_sg(struct request_queue *q, struct request *rq, struct scatterlist *sglist,
		    struct scatterlist **last_sg)
{
	unsigned int nsegs;

	if (rq->rq_flags & RQF_SPECIAL_PAYLOAD) {
		struct scatterlist *sg = *last_sg ? sg_next(*last_sg) : sglist;

		sg_unmark_end(sg);
		sg_set_page(sg, rq->special_vec.bv_page, rq->special_vec.bv_len,
			    rq->special_vec.bv_offset);
		*last_sg = sg;
		nsegs = 1;
	} else {
		nsegs = walk_segments(q, rq, sglist, last_sg);
	}
	if (*last_sg)
		sg_mark_end(*last_sg);
	return nsegs;
}

/* The caller's buffer behind a bounce, for the copy back and the free. */
struct bounce {
	void *kbuf;
	unsigned int len;
	bool to_caller;
	u8 data[];
};

/* The request ended: a read's data go to the caller's buffer. */
static void bounce_endio(struct bio *bio)
{
	struct bounce *b = bio->bi_private;

	if (b->to_caller && !bio->bi_status)
		memcpy(b->kbuf, b->data, b->len);
	bio->bi_end_io = NULL;
	bio->bi_private = NULL;
	kfree(b);
}

/*
 * A buffer the device cannot reach (on the stack, static, host malloc) or
 * that breaks the queue's DMA alignment goes through a bounce in the arena,
 * as Linux copies such buffers: filled now for a write, copied back when the
 * request ends for a read. Passthrough commands only, so rare enough that
 * the allocation does not weigh.
 */
static int map_bounce(struct request *rq, void *kbuf, unsigned int len, gfp_t gfp)
{
	struct bounce *b = kmalloc(struct_size(b, data, len), gfp);
	int err;

	if (!b)
		return -ENOMEM;
	b->kbuf = kbuf;
	b->len = len;
	b->to_caller = !op_is_write(rq->cmd_flags);
	if (b->to_caller)
		memset(b->data, 0, len);
	else
		memcpy(b->data, kbuf, len);
	err = uldd_blk_bio_over(rq, b->data, len);
	if (err) {
		kfree(b);
		return err;
	}
	rqx(rq)->bio.bi_private = b;
	rqx(rq)->bio.bi_end_io = bounce_endio;
	return 0;
}

/* A kernel buffer as the request's data (passthrough commands). */
int blk_rq_map_kern(struct request_queue *q, struct request *rq, void *kbuf, unsigned int len,
		    gfp_t gfp)
{
	unsigned long align = queue_dma_alignment(q);
	int err = -EINVAL;

	if (!len || !kbuf)
		return -EINVAL;
	if (rq->bio) {
		pr_err("blk_rq_map_kern: the request has data already (uldd maps one buffer)\n");
		return -EINVAL;
	}
	if (!(((unsigned long)kbuf | len) & align))
		err = uldd_blk_bio_over(rq, kbuf, len);
	if (err)
		err = map_bounce(rq, kbuf, len, gfp);
	if (err) {
		pr_err("blk_rq_map_kern: %u bytes at %px: no memory for a bounce buffer, or more than %lu pieces\n",
		       len, kbuf, ULDD_BLK_RQ_VECS);
		return err;
	}
	rq->bio = &rqx(rq)->bio;
	rq->biotail = rq->bio;
	rq->__data_len = len;
	rq->nr_phys_segments = walk_segments(q, rq, NULL, NULL);
	return 0;
}

void bio_endio(struct bio *bio)
{
	if (bio->bi_end_io)
		bio->bi_end_io(bio);
}
