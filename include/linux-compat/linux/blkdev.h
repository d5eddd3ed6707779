/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/blkdev.h - disks (struct gendisk), their request queues and the
 * queue's limits, block device operations, and the calls that set them up
 * and take them down. shim/block/ implements them; a disk that is added
 * goes to the host through the export (shim/block/block.h).
 *
 * Emulation notes:
 * - limits follow Linux 6.12: a driver fills struct queue_limits (the
 *   features word says rotational, write cache, FUA ...) and commits it
 *   with queue_limits_commit_update(), or passes it at allocation. 6.1's
 *   setters (blk_queue_logical_block_size() and the others,
 *   blk_queue_write_cache(), blk_queue_flag_set(QUEUE_FLAG_NONROT)) are
 *   here too and write the same limits and features. A queue is not
 *   rotational unless a driver says it is (6.12's default).
 * - block_device_operations.open and .release changed their arguments
 *   between 6.1 and 6.12; the members are declared without a prototype so
 *   both drivers' functions fit. uldd never opens a disk on the driver's
 *   behalf (the host opens the export), so neither is called.
 * - one block_device per disk (part0): no partitions, no dev_t allocation
 *   (disk->major is 0), no sysfs: device_add_disk()'s attribute groups
 *   are ignored.
 * - no zoned devices (CONFIG_BLK_DEV_ZONED off): blk_queue_is_zoned() is
 *   false; no integrity (CONFIG_BLK_DEV_INTEGRITY off).
 */
#ifndef _LINUX_BLKDEV_H
#define _LINUX_BLKDEV_H

#include <linux/bio.h>
#include <linux/bitops.h>
#include <linux/blk_types.h>
#include <linux/device.h>
#include <linux/dma-mapping.h>
#include <linux/fs.h>
#include <linux/kdev_t.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/minmax.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/timer.h>
#include <linux/types.h>
#include <linux/uuid.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <linux/xarray.h>

struct attribute_group;
struct blk_mq_tag_set;
struct blk_mq_hw_ctx;
struct blk_zone;
struct hd_geometry;
struct module;
struct pr_ops;
struct request;
struct uldd_blk_disk;
struct uldd_blk_queue;

#define DISK_NAME_LEN 32

/* How a block device is opened (6.12; 6.1 passes an fmode_t, the same bits). */
typedef unsigned int __bitwise blk_mode_t;
#define BLK_OPEN_READ ((__force blk_mode_t)(1 << 0))
#define BLK_OPEN_WRITE ((__force blk_mode_t)(1 << 1))
#define BLK_OPEN_EXCL ((__force blk_mode_t)(1 << 2))
#define BLK_OPEN_NDELAY ((__force blk_mode_t)(1 << 3))

/* gendisk.flags */
enum {
	GENHD_FL_REMOVABLE = 1 << 0,
	GENHD_FL_HIDDEN = 1 << 1,
	GENHD_FL_NO_PART = 1 << 2,
};

/* gendisk.state bits */
#define GD_NEED_PART_SCAN 0
#define GD_READ_ONLY 1
#define GD_DEAD 2
#define GD_ADDED 4
#define GD_OWNS_QUEUE 6

struct gendisk {
	int major;
	int first_minor;
	int minors;
	char disk_name[DISK_NAME_LEN];
	unsigned short events;
	unsigned short event_flags;
	int flags;
	unsigned long state;
	struct block_device *part0;
	const struct block_device_operations *fops;
	struct request_queue *queue;
	void *private_data;
	int node_id;
	struct uldd_blk_disk *uldd;
};

/* What a queue can do (6.12's queue_limits.features). */
typedef unsigned int __bitwise blk_features_t;
#define BLK_FEAT_WRITE_CACHE ((__force blk_features_t)(1u << 0))
#define BLK_FEAT_FUA ((__force blk_features_t)(1u << 1))
#define BLK_FEAT_ROTATIONAL ((__force blk_features_t)(1u << 2))
#define BLK_FEAT_ADD_RANDOM ((__force blk_features_t)(1u << 3))
#define BLK_FEAT_IO_STAT ((__force blk_features_t)(1u << 4))
#define BLK_FEAT_STABLE_WRITES ((__force blk_features_t)(1u << 5))
#define BLK_FEAT_SYNCHRONOUS ((__force blk_features_t)(1u << 6))
#define BLK_FEAT_NOWAIT ((__force blk_features_t)(1u << 7))
#define BLK_FEAT_DAX ((__force blk_features_t)(1u << 8))
#define BLK_FEAT_POLL ((__force blk_features_t)(1u << 9))
#define BLK_FEAT_ZONED ((__force blk_features_t)(1u << 10))
#define BLK_FEAT_PCI_P2PDMA ((__force blk_features_t)(1u << 12))
#define BLK_FEAT_SKIP_TAGSET_QUIESCE ((__force blk_features_t)(1u << 13))
#define BLK_FEAT_BOUNCE_HIGH ((__force blk_features_t)(1u << 14))
#define BLK_FEAT_RAID_PARTIAL_STRIPES_EXPENSIVE ((__force blk_features_t)(1u << 15))

enum blk_integrity_flags {
	BLK_INTEGRITY_NOVERIFY = 1 << 0,
	BLK_INTEGRITY_NOGENERATE = 1 << 1,
	BLK_INTEGRITY_DEVICE_CAPABLE = 1 << 2,
	BLK_INTEGRITY_REF_TAG = 1 << 3,
	BLK_INTEGRITY_STACKED = 1 << 4,
};

enum blk_integrity_checksum {
	BLK_INTEGRITY_CSUM_NONE = 0,
	BLK_INTEGRITY_CSUM_IP = 1,
	BLK_INTEGRITY_CSUM_CRC = 2,
	BLK_INTEGRITY_CSUM_CRC64 = 3,
};

/* Protection information a device keeps per block (unused: integrity is off). */
struct blk_integrity {
	unsigned char flags;
	unsigned char csum_type;
	unsigned char tuple_size;
	unsigned char pi_offset;
	unsigned char interval_exp;
	unsigned char tag_size;
};

/* Defaults a commit fills in for a limit left 0. */
#define BLK_MAX_SEGMENTS 128
#define BLK_MAX_SEGMENT_SIZE 65536
#define BLK_SAFE_MAX_SECTORS 255
#define BLK_DEF_MAX_SECTORS_CAP 2560
#define BLK_SEG_BOUNDARY_MASK 0xFFFFFFFFUL

struct queue_limits {
	blk_features_t features;
	unsigned int flags;
	unsigned long seg_boundary_mask;
	unsigned long virt_boundary_mask;
	unsigned int max_hw_sectors;
	unsigned int max_dev_sectors;
	unsigned int chunk_sectors;
	unsigned int max_sectors;
	unsigned int max_user_sectors;
	unsigned int max_segment_size;
	unsigned int physical_block_size;
	unsigned int logical_block_size;
	unsigned int alignment_offset;
	unsigned int io_min;
	unsigned int io_opt;
	unsigned int max_discard_sectors;
	unsigned int max_hw_discard_sectors;
	unsigned int max_user_discard_sectors;
	unsigned int max_secure_erase_sectors;
	unsigned int max_write_zeroes_sectors;
	unsigned int max_zone_append_sectors;
	unsigned int discard_granularity;
	unsigned int discard_alignment;
	unsigned int zone_write_granularity;
	unsigned int atomic_write_hw_max;
	unsigned int atomic_write_max_sectors;
	unsigned int atomic_write_hw_boundary;
	unsigned int atomic_write_boundary_sectors;
	unsigned int atomic_write_hw_unit_min;
	unsigned int atomic_write_unit_min;
	unsigned int atomic_write_hw_unit_max;
	unsigned int atomic_write_unit_max;
	unsigned short max_segments;
	unsigned short max_integrity_segments;
	unsigned short max_discard_segments;
	unsigned int max_open_zones;
	unsigned int max_active_zones;
	unsigned int dma_alignment;
	struct blk_integrity integrity;
};

/* request_queue.queue_flags bits */
#define QUEUE_FLAG_STOPPED 0
#define QUEUE_FLAG_DYING 1
#define QUEUE_FLAG_NOMERGES 3
#define QUEUE_FLAG_SAME_COMP 4
#define QUEUE_FLAG_FAIL_IO 5
#define QUEUE_FLAG_NONROT 6
#define QUEUE_FLAG_IO_STAT 7
#define QUEUE_FLAG_NOXMERGES 9
#define QUEUE_FLAG_ADD_RANDOM 10
#define QUEUE_FLAG_SYNCHRONOUS 11
#define QUEUE_FLAG_SAME_FORCE 12
#define QUEUE_FLAG_INIT_DONE 14
#define QUEUE_FLAG_STABLE_WRITES 15
#define QUEUE_FLAG_POLL 16
#define QUEUE_FLAG_WC 17
#define QUEUE_FLAG_FUA 18
#define QUEUE_FLAG_DAX 19
#define QUEUE_FLAG_STATS 20
#define QUEUE_FLAG_REGISTERED 22
#define QUEUE_FLAG_QUIESCED 24
#define QUEUE_FLAG_PCI_P2PDMA 25
#define QUEUE_FLAG_ZONE_RESETALL 26
#define QUEUE_FLAG_RQ_ALLOC_TIME 27
#define QUEUE_FLAG_HCTX_ACTIVE 28
#define QUEUE_FLAG_NOWAIT 29
#define QUEUE_FLAG_SQ_SCHED 30
#define QUEUE_FLAG_SKIP_TAGSET_QUIESCE 31

struct request_queue {
	void *queuedata;
	unsigned long queue_flags;
	struct queue_limits limits;
	/* Held from queue_limits_start_update() to its commit. */
	struct mutex limits_lock;
	struct gendisk *disk;
	struct blk_mq_tag_set *tag_set;
	struct blk_mq_hw_ctx **queue_hw_ctx;
	unsigned int nr_hw_queues;
	unsigned int rq_timeout; /* jiffies */
	int node;
	struct uldd_blk_queue *uldd;
};

/* Requests completed by a poll or an interrupt, ended in one go. */
struct rq_list {
	struct request *head;
	struct request *tail;
};

struct io_comp_batch {
	struct rq_list req_list;
	bool need_ts;
	void (*complete)(struct io_comp_batch *);
};

#define DEFINE_IO_COMP_BATCH(name) struct io_comp_batch name = {}

enum blk_unique_id {
	BLK_UID_T10 = 1,
	BLK_UID_EUI64 = 2,
	BLK_UID_NAA = 3,
};

typedef int (*report_zones_cb)(struct blk_zone *zone, unsigned int idx, void *data);

struct block_device_operations {
	void (*submit_bio)(struct bio *bio);
	int (*poll_bio)(struct bio *bio, struct io_comp_batch *iob, unsigned int flags);
	/* 6.1: (struct block_device *, fmode_t); 6.12: (struct gendisk *, blk_mode_t). */
	int (*open)();
	/* 6.1: (struct gendisk *, fmode_t); 6.12: (struct gendisk *). */
	void (*release)();
	int (*ioctl)(struct block_device *bdev, blk_mode_t mode, unsigned int cmd,
		     unsigned long arg);
	int (*compat_ioctl)(struct block_device *bdev, blk_mode_t mode, unsigned int cmd,
			    unsigned long arg);
	unsigned int (*check_events)(struct gendisk *disk, unsigned int clearing);
	void (*unlock_native_capacity)(struct gendisk *disk);
	int (*getgeo)(struct block_device *bdev, struct hd_geometry *geo);
	int (*set_read_only)(struct block_device *bdev, bool ro);
	void (*free_disk)(struct gendisk *disk);
	int (*report_zones)(struct gendisk *disk, sector_t sector, unsigned int nr_zones,
			    report_zones_cb cb, void *data);
	int (*get_unique_id)(struct gendisk *disk, u8 id[16], enum blk_unique_id id_type);
	struct module *owner;
	const struct pr_ops *pr_ops;
};

#define disk_to_dev(disk) (&(disk)->part0->bd_device)
#define dev_to_bdev(device) container_of((device), struct block_device, bd_device)
#define dev_to_disk(device) (dev_to_bdev(device)->bd_disk)

#define blk_queue_dying(q) test_bit(QUEUE_FLAG_DYING, &(q)->queue_flags)
#define blk_queue_quiesced(q) test_bit(QUEUE_FLAG_QUIESCED, &(q)->queue_flags)
#define blk_queue_nonrot(q) (!((q)->limits.features & BLK_FEAT_ROTATIONAL))
#define blk_queue_stable_writes(q) ((q)->limits.features & BLK_FEAT_STABLE_WRITES)

/* The failfast bits say: do not retry. */
#define blk_noretry_request(rq) \
	((rq)->cmd_flags & (REQ_FAILFAST_DEV | REQ_FAILFAST_TRANSPORT | REQ_FAILFAST_DRIVER))

#define dma_map_bvec(dev, bv, dir, attrs) \
	dma_map_page_attrs((dev), (bv)->bv_page, (bv)->bv_offset, (bv)->bv_len, (dir), (attrs))

static inline sector_t get_capacity(struct gendisk *disk)
{
	return READ_ONCE(disk->part0->bd_nr_sectors);
}

static inline sector_t bdev_nr_sectors(struct block_device *bdev)
{
	return READ_ONCE(bdev->bd_nr_sectors);
}

static inline bool bdev_is_partition(struct block_device *bdev)
{
	return bdev->bd_partno != 0;
}

static inline struct request_queue *bdev_get_queue(struct block_device *bdev)
{
	return bdev->bd_queue;
}

static inline bool blk_queue_is_zoned(struct request_queue *q)
{
	(void)q;
	return false;
}

static inline unsigned int queue_logical_block_size(const struct request_queue *q)
{
	return q->limits.logical_block_size;
}

static inline unsigned int queue_physical_block_size(const struct request_queue *q)
{
	return q->limits.physical_block_size;
}

static inline unsigned int queue_max_hw_sectors(const struct request_queue *q)
{
	return q->limits.max_hw_sectors;
}

static inline unsigned int queue_max_sectors(const struct request_queue *q)
{
	return q->limits.max_sectors;
}

static inline unsigned short queue_max_segments(const struct request_queue *q)
{
	return q->limits.max_segments;
}

static inline unsigned short queue_max_discard_segments(const struct request_queue *q)
{
	return q->limits.max_discard_segments;
}

static inline unsigned int queue_max_segment_size(const struct request_queue *q)
{
	return q->limits.max_segment_size;
}

static inline unsigned int queue_atomic_write_unit_max_bytes(const struct request_queue *q)
{
	return q->limits.atomic_write_unit_max;
}

static inline unsigned int queue_atomic_write_boundary_bytes(const struct request_queue *q)
{
	return q->limits.atomic_write_boundary_sectors << SECTOR_SHIFT;
}

static inline unsigned int queue_dma_alignment(const struct request_queue *q)
{
	return q->limits.dma_alignment;
}

static inline unsigned int bdev_logical_block_size(struct block_device *bdev)
{
	return queue_logical_block_size(bdev_get_queue(bdev));
}

/*
 * A copy of the queue's limits to change, with the queue's limits lock
 * held until queue_limits_commit_update() checks and applies the copy.
 */
static inline struct queue_limits queue_limits_start_update(struct request_queue *q)
{
	mutex_lock(&q->limits_lock);
	return q->limits;
}

int queue_limits_commit_update(struct request_queue *q, struct queue_limits *lim);
int queue_limits_set(struct request_queue *q, struct queue_limits *lim);

static inline void queue_limits_cancel_update(struct request_queue *q)
{
	mutex_unlock(&q->limits_lock);
}

/* Stacking (multipath): the bottom device's limits narrow the top's. */
int blk_stack_limits(struct queue_limits *t, struct queue_limits *b, sector_t start);
void queue_limits_stack_bdev(struct queue_limits *t, struct block_device *bdev, sector_t offset,
			     const char *pfx);

/* Linux 6.1's setters: each writes q->limits (see the notes above). */
void blk_queue_flag_set(unsigned int flag, struct request_queue *q);
void blk_queue_flag_clear(unsigned int flag, struct request_queue *q);
bool blk_queue_flag_test_and_set(unsigned int flag, struct request_queue *q);
void blk_queue_logical_block_size(struct request_queue *q, unsigned int size);
void blk_queue_physical_block_size(struct request_queue *q, unsigned int size);
void blk_queue_io_min(struct request_queue *q, unsigned int min);
void blk_queue_io_opt(struct request_queue *q, unsigned int opt);
void blk_queue_max_hw_sectors(struct request_queue *q, unsigned int max_hw_sectors);
void blk_queue_max_segments(struct request_queue *q, unsigned short max_segments);
void blk_queue_max_segment_size(struct request_queue *q, unsigned int max_size);
void blk_queue_max_discard_segments(struct request_queue *q, unsigned short max_segments);
void blk_queue_max_discard_sectors(struct request_queue *q, unsigned int max_discard_sectors);
void blk_queue_max_write_zeroes_sectors(struct request_queue *q, unsigned int max_sectors);
void blk_queue_chunk_sectors(struct request_queue *q, unsigned int chunk_sectors);
void blk_queue_dma_alignment(struct request_queue *q, int mask);
void blk_queue_virt_boundary(struct request_queue *q, unsigned long mask);
void blk_queue_write_cache(struct request_queue *q, bool wc, bool fua);
void blk_queue_rq_timeout(struct request_queue *q, unsigned int timeout);
void disk_update_readahead(struct gendisk *disk);

/* Disks. */
int device_add_disk(struct device *parent, struct gendisk *disk,
		    const struct attribute_group **groups);

static inline int add_disk(struct gendisk *disk)
{
	return device_add_disk(NULL, disk, NULL);
}

void del_gendisk(struct gendisk *disk);
void put_disk(struct gendisk *disk);
bool disk_live(struct gendisk *disk);
void set_capacity(struct gendisk *disk, sector_t size);
bool set_capacity_and_notify(struct gendisk *disk, sector_t size);
void set_disk_ro(struct gendisk *disk, bool read_only);
int get_disk_ro(struct gendisk *disk);
void blk_mark_disk_dead(struct gendisk *disk);
int blk_revalidate_disk_zones(struct gendisk *disk);

void blk_put_queue(struct request_queue *q);
bool blk_get_queue(struct request_queue *q);
void blk_sync_queue(struct request_queue *q);

int blk_status_to_errno(blk_status_t status);
blk_status_t errno_to_blk_status(int errno);
const char *blk_op_str(enum req_op op);

int blkdev_compat_ptr_ioctl(struct block_device *bdev, blk_mode_t mode, unsigned int cmd,
			    unsigned long arg);
/* Polling a bio (io_uring passthrough): uldd has no poll queues, 0 found. */
int bio_poll(struct bio *bio, struct io_comp_batch *iob, unsigned int flags);

#endif /* _LINUX_BLKDEV_H */
