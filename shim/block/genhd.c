// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * block/genhd.c - disks: allocation with their blk-mq queue, add (which
 * hands the disk to the host export), removal, capacity and read-only
 * state, and the geometry the export reads. Disk calls come from process
 * context; capacity and state bits are single words read without a lock.
 */
#include <linux/blk-mq.h>
#include <linux/blkdev.h>
#include <linux/mutex.h>
#include <linux/string.h>
#include <linux/slab.h>

#include "../entry.h"
#include "../mm/private.h"
#include "block.h"
#include "internal.h"

static atomic_t disks_added = ATOMIC_INIT(0);
/* The added disks, for 'uldd stats': a disk leaves before its queue drains. */
static LIST_HEAD(disks);
static DEFINE_MUTEX(disks_lock);

struct gendisk *uldd_blk_disk_find_lock(const char *name)
{
	struct uldd_blk_disk *d;

	mutex_lock(&disks_lock);
	list_for_each_entry(d, &disks, node)
		if (!strcmp(d->bdev.bd_disk->disk_name, name))
			return d->bdev.bd_disk;
	return NULL;
}

void uldd_blk_disks_unlock(void)
{
	mutex_unlock(&disks_lock);
}

unsigned int uldd_blk_disks(void)
{
	return atomic_read(&disks_added);
}

static atomic_t exports_failed = ATOMIC_INIT(0);

unsigned int uldd_blk_export_failed(void)
{
	return atomic_read(&exports_failed);
}

struct gendisk *__blk_mq_alloc_disk(struct blk_mq_tag_set *set, struct queue_limits *lim,
				    void *queuedata, struct lock_class_key *lkclass)
{
	struct request_queue *q;
	struct gendisk *disk;
	struct uldd_blk_disk *d;

	(void)lkclass;
	q = blk_mq_alloc_queue(set, lim, queuedata);
	if (IS_ERR(q))
		return ERR_CAST(q);
	disk = uldd_private_alloc(sizeof(*disk), GFP_KERNEL | __GFP_ZERO);
	d = uldd_private_alloc(sizeof(*d), GFP_KERNEL | __GFP_ZERO);
	if (!disk || !d) {
		uldd_private_free(disk);
		uldd_private_free(d);
		blk_mq_destroy_queue(q);
		blk_put_queue(q);
		return ERR_PTR(-ENOMEM);
	}
	disk->uldd = d;
	disk->part0 = &d->bdev;
	disk->queue = q;
	disk->node_id = NUMA_NO_NODE;
	disk->minors = 1;
	set_bit(GD_OWNS_QUEUE, &disk->state);
	d->bdev.bd_disk = disk;
	d->bdev.bd_queue = q;
	INIT_LIST_HEAD(&d->bdev.bd_device.devres_head);
	INIT_LIST_HEAD(&d->node);
	q->disk = disk;
	return disk;
}

int device_add_disk(struct device *parent, struct gendisk *disk,
		    const struct attribute_group **groups)
{
	int err;

	(void)groups;
	if (test_bit(GD_ADDED, &disk->state))
		return -EBUSY;
	disk->part0->bd_device.parent = parent;
	disk->part0->bd_device.init_name = disk->disk_name;
	set_bit(QUEUE_FLAG_REGISTERED, &disk->queue->queue_flags);
	set_bit(GD_ADDED, &disk->state);
	err = uldd_blk_export_add(disk);
	if (err) {
		/* Said in one line by the export; a driver such as nvme goes on without the disk. */
		disk->queue->tag_set->uldd->add_failed = true;
		atomic_inc(&exports_failed);
		clear_bit(GD_ADDED, &disk->state);
		clear_bit(QUEUE_FLAG_REGISTERED, &disk->queue->queue_flags);
		return err;
	}
	atomic_inc(&disks_added);
	mutex_lock(&disks_lock);
	list_add_tail(&disk->uldd->node, &disks);
	mutex_unlock(&disks_lock);
	return 0;
}

bool disk_live(struct gendisk *disk)
{
	return test_bit(GD_ADDED, &disk->state);
}

/*
 * The export goes first, so no new I/O arrives; then what is in flight
 * drains. Passthrough requests work again afterwards, as in Linux.
 */
void del_gendisk(struct gendisk *disk)
{
	struct request_queue *q = disk->queue;

	if (!test_bit(GD_ADDED, &disk->state))
		return;
	mutex_lock(&disks_lock);
	list_del_init(&disk->uldd->node);
	mutex_unlock(&disks_lock);
	uldd_blk_export_del(disk);
	set_bit(GD_DEAD, &disk->state);
	blk_freeze_queue_start(q);
	uldd_blk_wake_all(q);
	blk_mq_freeze_queue_wait(q);
	blk_sync_queue(q);
	clear_bit(QUEUE_FLAG_REGISTERED, &q->queue_flags);
	clear_bit(GD_ADDED, &disk->state);
	atomic_dec(&disks_added);
	blk_mq_unfreeze_queue(q);
}

void put_disk(struct gendisk *disk)
{
	struct request_queue *q;

	if (!disk)
		return;
	q = disk->queue;
	if (disk->fops && disk->fops->free_disk)
		disk->fops->free_disk(disk);
	if (q && test_bit(GD_OWNS_QUEUE, &disk->state)) {
		blk_mq_destroy_queue(q);
		q->disk = NULL;
		blk_put_queue(q);
	}
	uldd_private_free(disk->uldd);
	uldd_private_free(disk);
}

void blk_mark_disk_dead(struct gendisk *disk)
{
	set_bit(GD_DEAD, &disk->state);
	uldd_blk_wake_all(disk->queue);
	set_capacity(disk, 0);
}

void set_capacity(struct gendisk *disk, sector_t size)
{
	WRITE_ONCE(disk->part0->bd_nr_sectors, size);
}

/* XXX: the export is not told of a new size yet (no call in block.h for it). */
bool set_capacity_and_notify(struct gendisk *disk, sector_t size)
{
	sector_t old = get_capacity(disk);

	set_capacity(disk, size);
	if (old == size || !disk_live(disk))
		return false;
	pr_info("%s: detected capacity change from %llu to %llu\n", disk->disk_name,
		(unsigned long long)old, (unsigned long long)size);
	return old && size;
}

void set_disk_ro(struct gendisk *disk, bool read_only)
{
	if (read_only)
		set_bit(GD_READ_ONLY, &disk->state);
	else
		clear_bit(GD_READ_ONLY, &disk->state);
	disk->part0->bd_read_only = read_only;
}

int get_disk_ro(struct gendisk *disk)
{
	return test_bit(GD_READ_ONLY, &disk->state);
}

int blk_revalidate_disk_zones(struct gendisk *disk)
{
	pr_err("%s: zoned block devices are not supported\n", disk->disk_name);
	return -EOPNOTSUPP;
}

void uldd_blk_geometry(struct gendisk *disk, struct uldd_blk_geom *g)
{
	struct request_queue *q = disk->queue;
	const struct queue_limits *lim = &q->limits;
	struct blk_mq_tag_set *set = q->tag_set;
	u64 max = (u64)lim->max_sectors << SECTOR_SHIFT;
	u64 seg_bytes;

	/* Worst case, every page of a buffer is a segment, the first one partial. */
	seg_bytes = lim->max_segments > 1 ? (u64)(lim->max_segments - 1) * PAGE_SIZE : PAGE_SIZE;
	max = min3(max, (u64)ULDD_BLK_MAX_IO, seg_bytes);
	max = round_down(max, lim->logical_block_size);

	memset(g, 0, sizeof(*g));
	g->bytes = (u64)get_capacity(disk) << SECTOR_SHIFT;
	g->lbs = lim->logical_block_size;
	g->pbs = lim->physical_block_size;
	g->max_bytes = max;
	g->max_segments = lim->max_segments;
	g->ro = get_disk_ro(disk);
	g->rotational = lim->features & BLK_FEAT_ROTATIONAL;
	g->write_cache = lim->features & BLK_FEAT_WRITE_CACHE;
	g->fua = lim->features & BLK_FEAT_FUA;
	g->discard = lim->max_discard_sectors != 0;
	g->write_zeroes = lim->max_write_zeroes_sectors != 0;
	g->max_discard_bytes = min_t(u64, (u64)lim->max_discard_sectors << SECTOR_SHIFT,
				     round_down(UINT_MAX, lim->logical_block_size));
	g->max_write_zeroes_bytes = min_t(u64, (u64)lim->max_write_zeroes_sectors << SECTOR_SHIFT,
					  round_down(UINT_MAX, lim->logical_block_size));
	g->nr_hw_queues = set->map[HCTX_TYPE_DEFAULT].nr_queues ?: set->nr_hw_queues;
	g->queue_depth = set->queue_depth - set->reserved_tags;
}
