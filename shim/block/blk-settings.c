// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * block/blk-settings.c - a queue's limits: the defaults a commit fills in,
 * queue_limits_commit_update() (6.12), and 6.1's setters, which write the
 * same limits and features. A driver changes limits from process context;
 * the commit is under q->limits_lock, the 6.1 setters are as unlocked as
 * Linux's were.
 */
#include <linux/blkdev.h>
#include <linux/log2.h>

#include "internal.h"

/* Linux's defaults for a limit left 0, and the limits derived from others. */
void uldd_blk_limits_fill(struct queue_limits *lim)
{
	if (!lim->logical_block_size)
		lim->logical_block_size = SECTOR_SIZE;
	if (lim->physical_block_size < lim->logical_block_size)
		lim->physical_block_size = lim->logical_block_size;
	if (lim->io_min < lim->physical_block_size)
		lim->io_min = lim->physical_block_size;
	if (!lim->max_hw_sectors)
		lim->max_hw_sectors = BLK_SAFE_MAX_SECTORS;
	lim->max_sectors = min(lim->max_hw_sectors, (unsigned int)BLK_DEF_MAX_SECTORS_CAP);
	if (lim->max_user_sectors)
		lim->max_sectors = min(lim->max_sectors, lim->max_user_sectors);
	if (lim->max_dev_sectors)
		lim->max_sectors = min(lim->max_sectors, lim->max_dev_sectors);
	if (!lim->max_segments)
		lim->max_segments = BLK_MAX_SEGMENTS;
	if (!lim->seg_boundary_mask)
		lim->seg_boundary_mask = BLK_SEG_BOUNDARY_MASK;
	if (!lim->max_segment_size)
		lim->max_segment_size = lim->virt_boundary_mask ? UINT_MAX : BLK_MAX_SEGMENT_SIZE;
	if (!lim->max_discard_segments)
		lim->max_discard_segments = 1;
	lim->max_discard_sectors = lim->max_hw_discard_sectors;
	if (lim->max_user_discard_sectors)
		lim->max_discard_sectors =
			min(lim->max_discard_sectors, lim->max_user_discard_sectors);
	if (lim->max_discard_sectors && !lim->discard_granularity)
		lim->discard_granularity = lim->physical_block_size;
	if (!lim->dma_alignment)
		lim->dma_alignment = SECTOR_SIZE - 1;
	lim->atomic_write_max_sectors = lim->atomic_write_hw_max >> SECTOR_SHIFT;
	lim->atomic_write_unit_min = lim->atomic_write_hw_unit_min;
	lim->atomic_write_unit_max = lim->atomic_write_hw_unit_max;
	lim->atomic_write_boundary_sectors = lim->atomic_write_hw_boundary >> SECTOR_SHIFT;
}

static int limits_check(const struct queue_limits *lim)
{
	if (lim->logical_block_size < SECTOR_SIZE || lim->logical_block_size > PAGE_SIZE ||
	    !is_power_of_2(lim->logical_block_size))
		return -EINVAL;
	if (!is_power_of_2(lim->physical_block_size))
		return -EINVAL;
	if (lim->max_segment_size < PAGE_SIZE && lim->max_segment_size != 0)
		return -EINVAL;
	return 0;
}

int queue_limits_commit_update(struct request_queue *q, struct queue_limits *lim)
{
	int err;

	uldd_blk_limits_fill(lim);
	err = limits_check(lim);
	if (!err)
		q->limits = *lim;
	mutex_unlock(&q->limits_lock);
	return err;
}

int queue_limits_set(struct request_queue *q, struct queue_limits *lim)
{
	mutex_lock(&q->limits_lock);
	return queue_limits_commit_update(q, lim);
}

/* Stacking takes the narrower of two limits (multipath's head over a path). */
int blk_stack_limits(struct queue_limits *t, struct queue_limits *b, sector_t start)
{
	(void)start;
	t->max_hw_sectors = min_not_zero(t->max_hw_sectors, b->max_hw_sectors);
	t->max_sectors = min_not_zero(t->max_sectors, b->max_sectors);
	t->max_segments = min_not_zero(t->max_segments, b->max_segments);
	t->max_segment_size = min_not_zero(t->max_segment_size, b->max_segment_size);
	t->max_discard_segments = min_not_zero(t->max_discard_segments, b->max_discard_segments);
	t->max_hw_discard_sectors = min(t->max_hw_discard_sectors, b->max_hw_discard_sectors);
	t->max_discard_sectors = min(t->max_discard_sectors, b->max_discard_sectors);
	t->max_write_zeroes_sectors = min(t->max_write_zeroes_sectors, b->max_write_zeroes_sectors);
	t->logical_block_size = max(t->logical_block_size, b->logical_block_size);
	t->physical_block_size = max(t->physical_block_size, b->physical_block_size);
	t->io_min = max(t->io_min, b->io_min);
	t->io_opt = max(t->io_opt, b->io_opt);
	t->virt_boundary_mask |= b->virt_boundary_mask;
	t->dma_alignment = max(t->dma_alignment, b->dma_alignment);
	t->features &= b->features | ~(BLK_FEAT_WRITE_CACHE | BLK_FEAT_FUA | BLK_FEAT_POLL);
	return 0;
}

void queue_limits_stack_bdev(struct queue_limits *t, struct block_device *bdev, sector_t offset,
			     const char *pfx)
{
	(void)pfx;
	blk_stack_limits(t, &bdev_get_queue(bdev)->limits, offset);
}

/* 6.1's queue flags that 6.12 made features. */
static blk_features_t flag_feature(unsigned int flag)
{
	switch (flag) {
	case QUEUE_FLAG_STABLE_WRITES:
		return BLK_FEAT_STABLE_WRITES;
	case QUEUE_FLAG_POLL:
		return BLK_FEAT_POLL;
	case QUEUE_FLAG_WC:
		return BLK_FEAT_WRITE_CACHE;
	case QUEUE_FLAG_FUA:
		return BLK_FEAT_FUA;
	case QUEUE_FLAG_DAX:
		return BLK_FEAT_DAX;
	case QUEUE_FLAG_PCI_P2PDMA:
		return BLK_FEAT_PCI_P2PDMA;
	case QUEUE_FLAG_SKIP_TAGSET_QUIESCE:
		return BLK_FEAT_SKIP_TAGSET_QUIESCE;
	case QUEUE_FLAG_IO_STAT:
		return BLK_FEAT_IO_STAT;
	case QUEUE_FLAG_ADD_RANDOM:
		return BLK_FEAT_ADD_RANDOM;
	default:
		return 0;
	}
}

void blk_queue_flag_set(unsigned int flag, struct request_queue *q)
{
	if (flag == QUEUE_FLAG_NONROT)
		q->limits.features &= ~BLK_FEAT_ROTATIONAL;
	else
		q->limits.features |= flag_feature(flag);
	set_bit(flag, &q->queue_flags);
}

void blk_queue_flag_clear(unsigned int flag, struct request_queue *q)
{
	if (flag == QUEUE_FLAG_NONROT)
		q->limits.features |= BLK_FEAT_ROTATIONAL;
	else
		q->limits.features &= ~flag_feature(flag);
	clear_bit(flag, &q->queue_flags);
}

bool blk_queue_flag_test_and_set(unsigned int flag, struct request_queue *q)
{
	bool was = test_bit(flag, &q->queue_flags);

	blk_queue_flag_set(flag, q);
	return was;
}

void blk_queue_logical_block_size(struct request_queue *q, unsigned int size)
{
	struct queue_limits *lim = &q->limits;

	lim->logical_block_size = size;
	if (lim->physical_block_size < size)
		lim->physical_block_size = size;
	if (lim->io_min < lim->physical_block_size)
		lim->io_min = lim->physical_block_size;
	lim->max_hw_sectors = round_down(lim->max_hw_sectors, size >> SECTOR_SHIFT);
	lim->max_sectors = round_down(lim->max_sectors, size >> SECTOR_SHIFT);
}

void blk_queue_physical_block_size(struct request_queue *q, unsigned int size)
{
	q->limits.physical_block_size = max(size, q->limits.logical_block_size);
	if (q->limits.io_min < q->limits.physical_block_size)
		q->limits.io_min = q->limits.physical_block_size;
}

void blk_queue_io_min(struct request_queue *q, unsigned int min)
{
	q->limits.io_min = max(min, q->limits.physical_block_size);
}

void blk_queue_io_opt(struct request_queue *q, unsigned int opt)
{
	q->limits.io_opt = opt;
}

void blk_queue_max_hw_sectors(struct request_queue *q, unsigned int max_hw_sectors)
{
	struct queue_limits *lim = &q->limits;

	max_hw_sectors = max(max_hw_sectors, (unsigned int)(PAGE_SIZE >> SECTOR_SHIFT));
	max_hw_sectors = round_down(max_hw_sectors, lim->logical_block_size >> SECTOR_SHIFT);
	lim->max_hw_sectors = max_hw_sectors;
	lim->max_sectors = min(max_hw_sectors, (unsigned int)BLK_DEF_MAX_SECTORS_CAP);
}

void blk_queue_max_segments(struct request_queue *q, unsigned short max_segments)
{
	q->limits.max_segments = max_segments ? max_segments : 1;
}

void blk_queue_max_segment_size(struct request_queue *q, unsigned int max_size)
{
	q->limits.max_segment_size = max(max_size, (unsigned int)PAGE_SIZE);
}

void blk_queue_max_discard_segments(struct request_queue *q, unsigned short max_segments)
{
	q->limits.max_discard_segments = max_segments;
}

void blk_queue_max_discard_sectors(struct request_queue *q, unsigned int max_discard_sectors)
{
	q->limits.max_hw_discard_sectors = max_discard_sectors;
	q->limits.max_discard_sectors = max_discard_sectors;
	if (max_discard_sectors && !q->limits.discard_granularity)
		q->limits.discard_granularity = q->limits.physical_block_size;
}

void blk_queue_max_write_zeroes_sectors(struct request_queue *q, unsigned int max_sectors)
{
	q->limits.max_write_zeroes_sectors = max_sectors;
}

void blk_queue_chunk_sectors(struct request_queue *q, unsigned int chunk_sectors)
{
	q->limits.chunk_sectors = chunk_sectors;
}

void blk_queue_dma_alignment(struct request_queue *q, int mask)
{
	q->limits.dma_alignment = mask;
}

void blk_queue_virt_boundary(struct request_queue *q, unsigned long mask)
{
	q->limits.virt_boundary_mask = mask;
	/* Gaps are forbidden at the boundary, so a segment may be as long as it likes. */
	if (mask)
		q->limits.max_segment_size = UINT_MAX;
}

void blk_queue_write_cache(struct request_queue *q, bool wc, bool fua)
{
	if (wc)
		q->limits.features |= BLK_FEAT_WRITE_CACHE;
	else
		q->limits.features &= ~(BLK_FEAT_WRITE_CACHE | BLK_FEAT_FUA);
	if (wc && fua)
		q->limits.features |= BLK_FEAT_FUA;
	else
		q->limits.features &= ~BLK_FEAT_FUA;
}

void blk_queue_rq_timeout(struct request_queue *q, unsigned int timeout)
{
	q->rq_timeout = timeout;
}

/* Read-ahead belongs to the page cache, which is the host's. */
void disk_update_readahead(struct gendisk *disk)
{
	(void)disk;
}
