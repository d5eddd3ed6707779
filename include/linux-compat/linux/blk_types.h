/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/blk_types.h - the block layer's basic types: the status of an I/O
 * (blk_status_t), operations and their flags (blk_opf_t), struct bio (one
 * I/O over a vector of pages) and struct block_device.
 *
 * Emulation notes:
 * - the numeric values of BLK_STS_*, REQ_OP_* and the REQ_* flags are
 *   uldd's own (drivers use the names); op_is_write() is the low bit, as
 *   in Linux, so every write operation is odd.
 * - BLK_STS_NEXUS (6.1) and BLK_STS_RESV_CONFLICT (6.12) are one status.
 * - a bio is never split or merged: the shim builds one per uldd I/O or
 *   per blk_rq_map_kern() call; bio chaining, cloning and integrity
 *   payloads are absent (CONFIG_BLK_DEV_INTEGRITY is off).
 */
#ifndef _LINUX_BLK_TYPES_H
#define _LINUX_BLK_TYPES_H

#include <linux/atomic.h>
#include <linux/bvec.h>
#include <linux/device.h>
#include <linux/ktime.h>
#include <linux/types.h>

struct bio;
struct gendisk;
struct request_queue;

#define SECTOR_SHIFT 9
#define SECTOR_SIZE (1 << SECTOR_SHIFT)

typedef u8 __bitwise blk_status_t;
typedef u16 blk_short_t;

#define BLK_STS_OK ((__force blk_status_t)0)
#define BLK_STS_NOTSUPP ((__force blk_status_t)1)
#define BLK_STS_TIMEOUT ((__force blk_status_t)2)
#define BLK_STS_NOSPC ((__force blk_status_t)3)
#define BLK_STS_TRANSPORT ((__force blk_status_t)4)
#define BLK_STS_TARGET ((__force blk_status_t)5)
#define BLK_STS_RESV_CONFLICT ((__force blk_status_t)6)
#define BLK_STS_NEXUS BLK_STS_RESV_CONFLICT
#define BLK_STS_MEDIUM ((__force blk_status_t)7)
#define BLK_STS_PROTECTION ((__force blk_status_t)8)
/* The driver is out of a resource: the request is retried later. */
#define BLK_STS_RESOURCE ((__force blk_status_t)9)
#define BLK_STS_IOERR ((__force blk_status_t)10)
#define BLK_STS_DM_REQUEUE ((__force blk_status_t)11)
#define BLK_STS_AGAIN ((__force blk_status_t)12)
/* As RESOURCE, for a resource shared with other queues: retried after a delay. */
#define BLK_STS_DEV_RESOURCE ((__force blk_status_t)13)
#define BLK_STS_ZONE_RESOURCE ((__force blk_status_t)14)
#define BLK_STS_ZONE_OPEN_RESOURCE ((__force blk_status_t)15)
#define BLK_STS_ZONE_ACTIVE_RESOURCE ((__force blk_status_t)16)
#define BLK_STS_OFFLINE ((__force blk_status_t)17)
#define BLK_STS_DURATION_LIMIT ((__force blk_status_t)18)
#define BLK_STS_INVAL ((__force blk_status_t)19)

/* An operation in its low bits, flags above. */
typedef u32 __bitwise blk_opf_t;

#define REQ_OP_BITS 8
#define REQ_OP_MASK ((__force blk_opf_t)((1U << REQ_OP_BITS) - 1))

enum req_op {
	REQ_OP_READ = 0,
	REQ_OP_WRITE = 1,
	REQ_OP_FLUSH = 2,
	REQ_OP_DISCARD = 3,
	REQ_OP_SECURE_ERASE = 5,
	REQ_OP_ZONE_APPEND = 7,
	REQ_OP_WRITE_ZEROES = 9,
	REQ_OP_ZONE_OPEN = 10,
	REQ_OP_ZONE_CLOSE = 11,
	REQ_OP_ZONE_FINISH = 12,
	REQ_OP_ZONE_RESET = 13,
	REQ_OP_ZONE_RESET_ALL = 15,
	/* Driver-private commands (passthrough): in to or out of the host. */
	REQ_OP_DRV_IN = 34,
	REQ_OP_DRV_OUT = 35,
	REQ_OP_LAST = 36,
};

enum req_flag_bits {
	__REQ_FAILFAST_DEV = REQ_OP_BITS,
	__REQ_FAILFAST_TRANSPORT,
	__REQ_FAILFAST_DRIVER,
	__REQ_SYNC,
	__REQ_META,
	__REQ_PRIO,
	__REQ_NOMERGE,
	__REQ_IDLE,
	__REQ_INTEGRITY,
	__REQ_FUA,
	__REQ_PREFLUSH,
	__REQ_RAHEAD,
	__REQ_BACKGROUND,
	__REQ_NOWAIT,
	__REQ_POLLED,
	__REQ_ALLOC_CACHE,
	__REQ_SWAP,
	__REQ_DRV,
	__REQ_FS_PRIVATE,
	__REQ_ATOMIC,
	__REQ_NOUNMAP,
	__REQ_NR_BITS,
};

#define REQ_FAILFAST_DEV ((__force blk_opf_t)(1U << __REQ_FAILFAST_DEV))
#define REQ_FAILFAST_TRANSPORT ((__force blk_opf_t)(1U << __REQ_FAILFAST_TRANSPORT))
#define REQ_FAILFAST_DRIVER ((__force blk_opf_t)(1U << __REQ_FAILFAST_DRIVER))
#define REQ_SYNC ((__force blk_opf_t)(1U << __REQ_SYNC))
#define REQ_META ((__force blk_opf_t)(1U << __REQ_META))
#define REQ_PRIO ((__force blk_opf_t)(1U << __REQ_PRIO))
#define REQ_NOMERGE ((__force blk_opf_t)(1U << __REQ_NOMERGE))
#define REQ_IDLE ((__force blk_opf_t)(1U << __REQ_IDLE))
#define REQ_INTEGRITY ((__force blk_opf_t)(1U << __REQ_INTEGRITY))
#define REQ_FUA ((__force blk_opf_t)(1U << __REQ_FUA))
#define REQ_PREFLUSH ((__force blk_opf_t)(1U << __REQ_PREFLUSH))
#define REQ_RAHEAD ((__force blk_opf_t)(1U << __REQ_RAHEAD))
#define REQ_BACKGROUND ((__force blk_opf_t)(1U << __REQ_BACKGROUND))
#define REQ_NOWAIT ((__force blk_opf_t)(1U << __REQ_NOWAIT))
#define REQ_POLLED ((__force blk_opf_t)(1U << __REQ_POLLED))
#define REQ_ALLOC_CACHE ((__force blk_opf_t)(1U << __REQ_ALLOC_CACHE))
#define REQ_SWAP ((__force blk_opf_t)(1U << __REQ_SWAP))
#define REQ_DRV ((__force blk_opf_t)(1U << __REQ_DRV))
#define REQ_FS_PRIVATE ((__force blk_opf_t)(1U << __REQ_FS_PRIVATE))
#define REQ_ATOMIC ((__force blk_opf_t)(1U << __REQ_ATOMIC))
#define REQ_NOUNMAP ((__force blk_opf_t)(1U << __REQ_NOUNMAP))

#define REQ_FAILFAST_MASK (REQ_FAILFAST_DEV | REQ_FAILFAST_TRANSPORT | REQ_FAILFAST_DRIVER)

static inline bool op_is_write(blk_opf_t op)
{
	return !!(op & (__force blk_opf_t)1);
}

static inline bool op_is_flush(blk_opf_t op)
{
	return op & (REQ_FUA | REQ_PREFLUSH);
}

static inline bool op_is_sync(blk_opf_t op)
{
	return (__force unsigned int)(op & REQ_OP_MASK) == REQ_OP_READ ||
	       (op & (REQ_SYNC | REQ_FUA | REQ_PREFLUSH));
}

static inline bool op_is_discard(blk_opf_t op)
{
	return (__force unsigned int)(op & REQ_OP_MASK) == REQ_OP_DISCARD;
}

/* A block device: the whole disk (gendisk.part0); uldd has no partitions. */
struct block_device {
	sector_t bd_start_sect;
	sector_t bd_nr_sectors;
	struct gendisk *bd_disk;
	struct request_queue *bd_queue;
	dev_t bd_dev;
	u8 bd_partno;
	bool bd_read_only;
	struct device bd_device;
	void *uldd_reserved[4];
};

typedef void(bio_end_io_t)(struct bio *);

struct bio {
	struct bio *bi_next; /* the next bio of a request */
	struct block_device *bi_bdev;
	blk_opf_t bi_opf;
	unsigned short bi_flags;
	unsigned short bi_ioprio;
	blk_status_t bi_status;
	atomic_t __bi_remaining;
	struct bvec_iter bi_iter;
	bio_end_io_t *bi_end_io;
	void *bi_private;
	unsigned short bi_vcnt; /* vectors in bi_io_vec */
	unsigned short bi_max_vecs;
	atomic_t __bi_cnt;
	struct bio_vec *bi_io_vec;
	void *uldd_reserved[2];
};

#endif /* _LINUX_BLK_TYPES_H */
