/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/blk-integrity.h - protection information (T10 PI) carried beside
 * a request's data. uldd builds without CONFIG_BLK_DEV_INTEGRITY: a disk
 * has no integrity profile, no request carries a payload, and these are
 * the forms Linux's header has without that option.
 */
#ifndef _LINUX_BLK_INTEGRITY_H
#define _LINUX_BLK_INTEGRITY_H

#include <linux/blk-mq.h>
#include <linux/errno.h>

struct scatterlist;

static inline struct blk_integrity *blk_get_integrity(struct gendisk *disk)
{
	(void)disk;
	return NULL;
}

static inline int blk_integrity_rq(struct request *rq)
{
	(void)rq;
	return 0;
}

static inline void blk_integrity_unregister(struct gendisk *disk)
{
	(void)disk;
}

static inline int blk_rq_count_integrity_sg(struct request_queue *q, struct bio *bio)
{
	(void)q;
	(void)bio;
	return 0;
}

static inline int blk_rq_map_integrity_sg(struct request *rq, struct scatterlist *sg)
{
	(void)rq;
	(void)sg;
	return 0;
}

static inline int blk_rq_integrity_map_user(struct request *rq, void __user *ubuf, ssize_t bytes)
{
	(void)rq;
	(void)ubuf;
	(void)bytes;
	return -EINVAL;
}

static inline struct bio_vec rq_integrity_vec(struct request *rq)
{
	(void)rq;
	return (struct bio_vec){ 0 };
}

static inline unsigned int bio_integrity_intervals(struct blk_integrity *bi, unsigned int sectors)
{
	(void)bi;
	(void)sectors;
	return 0;
}

#endif /* _LINUX_BLK_INTEGRITY_H */
