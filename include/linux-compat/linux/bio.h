/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/bio.h - walking and ending a bio: its operation, size, sectors and
 * data pieces (bio_for_each_segment, bio_for_each_bvec), bio_endio().
 *
 * Emulation notes: no integrity payloads (CONFIG_BLK_DEV_INTEGRITY is
 * off): bio_integrity_alloc() fails with -EINVAL and bio_integrity() is
 * NULL, as Linux's headers say without that option. Bios come from the
 * shim only (the host export's I/O, blk_rq_map_kern()); bio_alloc and bio
 * sets are absent.
 */
#ifndef _LINUX_BIO_H
#define _LINUX_BIO_H

#include <linux/blk_types.h>
#include <linux/bvec.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/mempool.h>

#define BIO_MAX_VECS 256U

struct bio_integrity_payload {
	struct bio *bip_bio;
	struct bvec_iter bip_iter;
	unsigned short bip_vcnt;
	unsigned short bip_flags;
	struct bio_vec *bip_vec;
};

#define bio_op(bio) ((__force enum req_op)((bio)->bi_opf & REQ_OP_MASK))
#define bio_data_dir(bio) (op_is_write(bio_op(bio)) ? WRITE : READ)
#define bio_sectors(bio) ((bio)->bi_iter.bi_size >> SECTOR_SHIFT)
#define bio_end_sector(bio) ((bio)->bi_iter.bi_sector + bio_sectors((bio)))

#ifndef READ
#define READ 0
#define WRITE 1
#endif

#define bio_iter_iovec(bio, iter) bvec_iter_bvec((bio)->bi_io_vec, (iter))
#define bio_iter_page(bio, iter) bvec_iter_page((bio)->bi_io_vec, (iter))
#define bio_iter_len(bio, iter) bvec_iter_len((bio)->bi_io_vec, (iter))
#define bio_iter_offset(bio, iter) bvec_iter_offset((bio)->bi_io_vec, (iter))
#define bio_iovec(bio) bio_iter_iovec((bio), (bio)->bi_iter)

/* Whether the bio carries data (flush, discard and write-zeroes do not). */
static inline bool bio_has_data(struct bio *bio)
{
	return bio && bio->bi_iter.bi_size && bio_op(bio) != REQ_OP_DISCARD &&
	       bio_op(bio) != REQ_OP_SECURE_ERASE && bio_op(bio) != REQ_OP_WRITE_ZEROES;
}

static inline void bio_advance_iter(const struct bio *bio, struct bvec_iter *iter,
				    unsigned int bytes)
{
	iter->bi_sector += bytes >> SECTOR_SHIFT;
	if (bio_op(bio) == REQ_OP_DISCARD || bio_op(bio) == REQ_OP_SECURE_ERASE ||
	    bio_op(bio) == REQ_OP_WRITE_ZEROES)
		iter->bi_size -= bytes;
	else
		bvec_iter_advance(bio->bi_io_vec, iter, bytes);
}

static inline void bio_advance_iter_single(const struct bio *bio, struct bvec_iter *iter,
					   unsigned int bytes)
{
	iter->bi_sector += bytes >> SECTOR_SHIFT;
	bvec_iter_advance_single(bio->bi_io_vec, iter, bytes);
}

/* Single-page pieces of the bio's data. */
#define __bio_for_each_segment(bvl, bio, iter, start)                                      \
	for (iter = (start); (iter).bi_size && ((bvl = bio_iter_iovec((bio), (iter))), 1); \
	     bio_advance_iter_single((bio), &(iter), (bvl).bv_len))
#define bio_for_each_segment(bvl, bio, iter) __bio_for_each_segment(bvl, bio, iter, (bio)->bi_iter)

/* Multi-page pieces: each bio_vec as far as it goes. */
#define __bio_for_each_bvec(bvl, bio, iter, start)                                       \
	for (iter = (start);                                                             \
	     (iter).bi_size && ((bvl = mp_bvec_iter_bvec((bio)->bi_io_vec, (iter))), 1); \
	     bio_advance_iter_single((bio), &(iter), (bvl).bv_len))
#define bio_for_each_bvec(bvl, bio, iter) __bio_for_each_bvec(bvl, bio, iter, (bio)->bi_iter)

static inline void bio_set_dev(struct bio *bio, struct block_device *bdev)
{
	bio->bi_bdev = bdev;
}

/* Ends the bio with bio->bi_status: calls its bi_end_io. */
void bio_endio(struct bio *bio);

static inline void bio_io_error(struct bio *bio)
{
	bio->bi_status = BLK_STS_IOERR;
	bio_endio(bio);
}

static inline struct bio_integrity_payload *bio_integrity(struct bio *bio)
{
	(void)bio;
	return NULL;
}

static inline void *bio_integrity_alloc(struct bio *bio, gfp_t gfp, unsigned int nr)
{
	(void)bio;
	(void)gfp;
	(void)nr;
	return ERR_PTR(-EINVAL);
}

static inline int bio_integrity_add_page(struct bio *bio, struct page *page, unsigned int len,
					 unsigned int off)
{
	(void)bio;
	(void)page;
	(void)len;
	(void)off;
	return 0;
}

#endif /* _LINUX_BIO_H */
