/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * block.h - the block layer's contract with the host export
 * (shim/block/export.c): an I/O on an added disk, the disk's geometry, and
 * the two calls through which add_disk() and del_gendisk() announce a disk.
 * K-world only.
 */
#ifndef ULDD_SHIM_BLOCK_BLOCK_H
#define ULDD_SHIM_BLOCK_BLOCK_H

#include <linux/blk_types.h>
#include <linux/blkdev.h>
#include <linux/types.h>

struct uldd_blk_io {
	unsigned int op; /* REQ_OP_READ, _WRITE, _FLUSH, _DISCARD, _WRITE_ZEROES */
	unsigned int flags; /* REQ_FUA, REQ_PREFLUSH (blk_opf_t bits) */
	sector_t sector; /* in 512-byte sectors */
	unsigned int bytes; /* data length (also the range for DISCARD/WRITE_ZEROES) */
	void *buf; /* READ/WRITE data: arena memory (kmalloc/alloc_pages), bytes long */
	unsigned int hwq; /* preferred hardware queue (the export's connection) */
	void (*done)(struct uldd_blk_io *io, blk_status_t status); /* once; may be atomic context */
	void *priv;
	/* The shim's, while the I/O is in flight. */
	unsigned int uldd_step;
	blk_status_t uldd_status;
};

/*
 * io->hwq names a queue of the disk's default map (0 .. nr_hw_queues - 1 of
 * uldd_blk_geometry()); any larger value, such as UINT_MAX, means the
 * submitting vCPU's queue. Reads go to the read map's queues if the
 * driver has one.
 *
 * K-world, may sleep (waits for a tag); the disk must be added. Returns 0
 * when io->done will be called, else -errno (a bad argument: nothing was
 * started). io->done may run before uldd_blk_submit() returns, on the
 * submitter's own thread (a flush of a disk without a write cache, a
 * driver that completes inside queue_rq), or on any other. A write with
 * REQ_FUA on a disk with a write cache but no FUA is the write and a
 * flush, both waited for here. Requests larger than uldd_blk_geometry()'s max_bytes, or with
 * more pieces than max_segments, are the caller's to split.
 */
int uldd_blk_submit(struct gendisk *disk, struct uldd_blk_io *io);

struct uldd_blk_geom {
	u64 bytes;
	u32 lbs, pbs, max_bytes, max_segments;
	bool ro, rotational, write_cache, fua, discard, write_zeroes;
	u32 nr_hw_queues, queue_depth;
	/* Discards and write-zeroes: the most bytes one I/O may cover. */
	u32 max_discard_bytes, max_write_zeroes_bytes;
};
void uldd_blk_geometry(struct gendisk *disk, struct uldd_blk_geom *g);

/*
 * Implemented by export.c (the nbd helper): called by add_disk after the
 * disk is live, and by del_gendisk before it goes. Process context. A
 * failed add has printed its one line (the cause and the fix) already.
 */
int uldd_blk_export_add(struct gendisk *disk);
void uldd_blk_export_del(struct gendisk *disk);

#endif /* ULDD_SHIM_BLOCK_BLOCK_H */
