/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/bvec.h - bio_vec, one piece of a block I/O's data (a page, an
 * offset in it and a length), and bvec_iter, a position in an array of
 * them. No locking: a bio's owner serialises.
 *
 * Emulation notes: a bio_vec may span several pages ("multi-page"), as in
 * Linux since 5.1; the shim builds such a vector only over pages whose
 * struct pages are consecutive (one arena chunk), so page + n is the n-th
 * page of it (nth_page). The single-page iterators split it page by page.
 */
#ifndef _LINUX_BVEC_H
#define _LINUX_BVEC_H

#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/types.h>

struct bio_vec {
	struct page *bv_page;
	unsigned int bv_len;
	unsigned int bv_offset;
};

struct bvec_iter {
	sector_t bi_sector; /* the device sector this position is at */
	unsigned int bi_size; /* bytes left */
	unsigned int bi_idx; /* current vector */
	unsigned int bi_bvec_done; /* bytes of the current vector done */
};

#ifndef nth_page
#define nth_page(page, n) ((page) + (n))
#endif

static inline void bvec_set_page(struct bio_vec *bv, struct page *page, unsigned int len,
				 unsigned int offset)
{
	bv->bv_page = page;
	bv->bv_len = len;
	bv->bv_offset = offset;
}

static inline void bvec_set_virt(struct bio_vec *bv, void *vaddr, unsigned int len)
{
	bvec_set_page(bv, virt_to_page(vaddr), len, offset_in_page(vaddr));
}

/* The address of a single-page vector's data (arena memory has no highmem). */
static inline void *bvec_virt(struct bio_vec *bv)
{
	return page_address(bv->bv_page) + bv->bv_offset;
}

/* The multi-page vector at iter: what is left of the current bio_vec. */
#define __bvec_iter_bvec(bvec, iter) (&(bvec)[(iter).bi_idx])
#define mp_bvec_iter_page(bvec, iter) (__bvec_iter_bvec((bvec), (iter))->bv_page)
#define mp_bvec_iter_len(bvec, iter)        \
	min_t(unsigned int, (iter).bi_size, \
	      __bvec_iter_bvec((bvec), (iter))->bv_len - (iter).bi_bvec_done)
#define mp_bvec_iter_offset(bvec, iter) \
	(__bvec_iter_bvec((bvec), (iter))->bv_offset + (iter).bi_bvec_done)
#define mp_bvec_iter_page_idx(bvec, iter) (mp_bvec_iter_offset((bvec), (iter)) / PAGE_SIZE)
#define mp_bvec_iter_bvec(bvec, iter)                                    \
	((struct bio_vec){ .bv_page = mp_bvec_iter_page((bvec), (iter)), \
			   .bv_len = mp_bvec_iter_len((bvec), (iter)),   \
			   .bv_offset = mp_bvec_iter_offset((bvec), (iter)) })

/* The single-page piece at iter. */
#define bvec_iter_offset(bvec, iter) (mp_bvec_iter_offset((bvec), (iter)) % PAGE_SIZE)
#define bvec_iter_len(bvec, iter)                             \
	min_t(unsigned int, mp_bvec_iter_len((bvec), (iter)), \
	      PAGE_SIZE - bvec_iter_offset((bvec), (iter)))
#define bvec_iter_page(bvec, iter) \
	nth_page(mp_bvec_iter_page((bvec), (iter)), mp_bvec_iter_page_idx((bvec), (iter)))
#define bvec_iter_bvec(bvec, iter)                                    \
	((struct bio_vec){ .bv_page = bvec_iter_page((bvec), (iter)), \
			   .bv_len = bvec_iter_len((bvec), (iter)),   \
			   .bv_offset = bvec_iter_offset((bvec), (iter)) })

/* Moves iter bytes forward; false (and iter at the end) if fewer were left. */
static inline bool bvec_iter_advance(const struct bio_vec *bv, struct bvec_iter *iter,
				     unsigned int bytes)
{
	unsigned int idx = iter->bi_idx;

	if (bytes > iter->bi_size) {
		iter->bi_size = 0;
		return false;
	}
	iter->bi_size -= bytes;
	bytes += iter->bi_bvec_done;
	while (bytes && bytes >= bv[idx].bv_len) {
		bytes -= bv[idx].bv_len;
		idx++;
	}
	iter->bi_idx = idx;
	iter->bi_bvec_done = bytes;
	return true;
}

/* The same, when the caller knows bytes stays inside the current vector. */
static inline void bvec_iter_advance_single(const struct bio_vec *bv, struct bvec_iter *iter,
					    unsigned int bytes)
{
	unsigned int done = iter->bi_bvec_done + bytes;

	if (done == bv[iter->bi_idx].bv_len) {
		done = 0;
		iter->bi_idx++;
	}
	iter->bi_bvec_done = done;
	iter->bi_size -= bytes;
}

#define for_each_bvec(bvl, bio_vec, iter, start)                                               \
	for (iter = (start); (iter).bi_size && ((bvl = bvec_iter_bvec((bio_vec), (iter))), 1); \
	     bvec_iter_advance_single((bio_vec), &(iter), (bvl).bv_len))

#endif /* _LINUX_BVEC_H */
