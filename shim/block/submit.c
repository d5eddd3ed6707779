// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * block/submit.c - uldd_blk_submit(): one I/O from the host export to a
 * disk, as a request on a hardware queue. The submitter sleeps only for a
 * tag (or a frozen queue); completion calls io->done from whatever
 * context ends the request. What Linux's flush machinery does is done
 * here in the simplest way: a preflush on a disk with a write cache is a
 * flush request waited for before the write; FUA on a disk with a write
 * cache but no FUA is the write waited for, then a flush.
 */
#include <linux/blk-mq.h>
#include <linux/completion.h>
#include <linux/string.h>

#include "block.h"
#include "internal.h"

static enum rq_end_io_ret io_end(struct request *rq, blk_status_t status)
{
	struct uldd_blk_io *io = rq->end_io_data;

	io->done(io, status);
	return RQ_END_IO_FREE;
}

/* Starts io on disk; its end calls io->done. */
static int submit_one(struct gendisk *disk, struct uldd_blk_io *io, blk_opf_t opf)
{
	struct request_queue *q = disk->queue;
	struct blk_mq_hw_ctx *hctx;
	struct request *rq;
	enum req_op op = (__force enum req_op)(opf & REQ_OP_MASK);
	int err;

	err = uldd_blk_queue_enter(q, false);
	if (err)
		return err;
	hctx = uldd_blk_pick_hctx(q, opf, io->hwq);
	rq = uldd_blk_get_request(q, hctx, opf, 0);
	if (IS_ERR(rq)) {
		uldd_blk_queue_exit(q);
		return PTR_ERR(rq);
	}
	rq->__sector = io->sector;
	rq->end_io = io_end;
	rq->end_io_data = io;
	if (op == REQ_OP_READ || op == REQ_OP_WRITE) {
		err = uldd_blk_bio_over(rq, io->buf, io->bytes);
		if (err) {
			blk_mq_free_request(rq);
			return err;
		}
	} else {
		struct bio *bio = &rqx(rq)->bio;

		memset(bio, 0, sizeof(*bio));
		bio->bi_opf = opf;
		bio->bi_bdev = disk->part0;
		bio->bi_iter.bi_size = op == REQ_OP_FLUSH ? 0 : io->bytes;
	}
	if (op != REQ_OP_FLUSH) {
		struct bio *bio = &rqx(rq)->bio;

		bio->bi_iter.bi_sector = io->sector;
		rq->bio = bio;
		rq->biotail = bio;
		rq->__data_len = io->bytes;
		if (op == REQ_OP_DISCARD)
			rq->nr_phys_segments = 1;
		else if (op != REQ_OP_WRITE_ZEROES)
			rq->nr_phys_segments = uldd_blk_count_segments(q, rq);
	}
	uldd_blk_dispatch(rq);
	return 0;
}

struct waited {
	struct uldd_blk_io io;
	struct completion done;
	blk_status_t status;
};

static void waited_done(struct uldd_blk_io *io, blk_status_t status)
{
	struct waited *w = container_of(io, struct waited, io);

	w->status = status;
	complete(&w->done);
}

/* One I/O waited for: its status, or BLK_STS_IOERR if it could not start. */
static blk_status_t submit_wait(struct gendisk *disk, const struct uldd_blk_io *io, blk_opf_t opf)
{
	struct waited w = { .io = *io };
	int err;

	w.io.done = waited_done;
	init_completion(&w.done);
	err = submit_one(disk, &w.io, opf);
	if (err)
		return errno_to_blk_status(err);
	wait_for_completion_io(&w.done);
	return w.status;
}

static int check(struct gendisk *disk, const struct uldd_blk_io *io)
{
	const struct queue_limits *lim = &disk->queue->limits;
	unsigned int lbs_mask = lim->logical_block_size - 1;

	if (!test_bit(GD_ADDED, &disk->state) || test_bit(GD_DEAD, &disk->state))
		return -ENODEV;
	if (!io->done)
		return -EINVAL;
	if (io->op == REQ_OP_FLUSH)
		return 0;
	if ((io->bytes & lbs_mask) || ((io->sector << SECTOR_SHIFT) & lbs_mask) || !io->bytes)
		return -EINVAL;
	if (io->sector + (io->bytes >> SECTOR_SHIFT) > get_capacity(disk) ||
	    io->sector + (io->bytes >> SECTOR_SHIFT) < io->sector)
		return -EINVAL;
	if (io->op != REQ_OP_READ && get_disk_ro(disk))
		return -EROFS;
	if ((io->op == REQ_OP_READ || io->op == REQ_OP_WRITE) && !io->buf)
		return -EINVAL;
	if (io->op != REQ_OP_READ && io->op != REQ_OP_WRITE && io->op != REQ_OP_DISCARD &&
	    io->op != REQ_OP_WRITE_ZEROES)
		return -EOPNOTSUPP;
	return 0;
}

int uldd_blk_submit(struct gendisk *disk, struct uldd_blk_io *io)
{
	blk_features_t features = disk->queue->limits.features;
	bool wc = features & BLK_FEAT_WRITE_CACHE;
	blk_opf_t flags = (__force blk_opf_t)io->flags & (REQ_FUA | REQ_PREFLUSH);
	const struct queue_limits *lim = &disk->queue->limits;
	blk_status_t sts;
	int err;

	err = check(disk, io);
	if (err)
		return err;
	if (io->op != REQ_OP_WRITE || !wc)
		flags &= ~(REQ_FUA | REQ_PREFLUSH);

	switch (io->op) {
	case REQ_OP_FLUSH:
		/* Nothing is volatile on a disk without a write cache. */
		if (!wc) {
			io->done(io, BLK_STS_OK);
			return 0;
		}
		break;
	case REQ_OP_DISCARD:
		if (!lim->max_discard_sectors) {
			io->done(io, BLK_STS_NOTSUPP);
			return 0;
		}
		break;
	case REQ_OP_WRITE_ZEROES:
		if (!lim->max_write_zeroes_sectors) {
			io->done(io, BLK_STS_NOTSUPP);
			return 0;
		}
		break;
	default:
		break;
	}

	if (flags & REQ_PREFLUSH) {
		sts = submit_wait(disk, io, (__force blk_opf_t)REQ_OP_FLUSH);
		if (sts != BLK_STS_OK) {
			io->done(io, sts);
			return 0;
		}
		flags &= ~REQ_PREFLUSH;
	}
	if ((flags & REQ_FUA) && !(features & BLK_FEAT_FUA)) {
		sts = submit_wait(disk, io, (__force blk_opf_t)REQ_OP_WRITE);
		if (sts == BLK_STS_OK)
			sts = submit_wait(disk, io, (__force blk_opf_t)REQ_OP_FLUSH);
		io->done(io, sts);
		return 0;
	}
	return submit_one(disk, io, (__force blk_opf_t)io->op | flags);
}
