// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * bvec.c - bio_vec iteration (linux/bvec.h): a vector may span several
 * pages whose struct pages are consecutive (a multi-page bvec, Linux 5.1
 * on); for_each_bvec() and bvec_iter_bvec() hand it out in single-page
 * pieces, each within one page, in order and without gaps;
 * mp_bvec_iter_bvec() hands out what is left of the whole vector;
 * bvec_iter_advance() moves across vectors up to the end.
 */
#include <linux/bvec.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>

#include "conform.h"

/* Four consecutive pages: two vectors, the first over three pages from offset 100. */
static struct page *four_pages(struct bio_vec bv[2])
{
	struct page *p = alloc_pages(GFP_KERNEL, 2);

	if (!p)
		return NULL;
	bv[0] = (struct bio_vec){ .bv_page = p, .bv_len = 3 * PAGE_SIZE - 150, .bv_offset = 100 };
	bv[1] = (struct bio_vec){ .bv_page = p + 3, .bv_len = 1000, .bv_offset = 24 };
	return p;
}

static int single_page_pieces(struct conform_dev *dev)
{
	struct bio_vec bv[2], piece;
	struct bvec_iter iter, start = { .bi_size = 3 * PAGE_SIZE - 150 + 1000 };
	struct page *p = four_pages(bv);
	unsigned int n = 0, total = 0, bad = 0;
	char *expect;

	(void)dev;
	CHECK(p);
	expect = (char *)page_address(p) + 100;
	for_each_bvec(piece, bv, iter, start)
	{
		char *at = (char *)page_address(piece.bv_page) + piece.bv_offset;

		if (n == 3)
			expect = (char *)page_address(p + 3) + 24;
		if (at != expect || piece.bv_offset + piece.bv_len > PAGE_SIZE || !piece.bv_len)
			bad++;
		expect = at + piece.bv_len;
		total += piece.bv_len;
		n++;
	}
	__free_pages(p, 2);
	CHECK_CMP(bad, ==, 0);
	/* 4096 - 100, 4096, 4096 - 50, then the second vector. */
	CHECK_CMP(n, ==, 4);
	CHECK_CMP(total, ==, 3 * PAGE_SIZE - 150 + 1000);
	return 0;
}

static int multi_page_and_advance(struct conform_dev *dev)
{
	struct bio_vec bv[2], whole;
	struct bvec_iter iter = { .bi_size = 3 * PAGE_SIZE - 150 + 1000 };
	struct page *p = four_pages(bv);
	bool ok;

	(void)dev;
	CHECK(p);
	whole = mp_bvec_iter_bvec(bv, iter);
	ok = bvec_iter_advance(bv, &iter, PAGE_SIZE);
	__free_pages(p, 2);
	CHECK(whole.bv_page == p && whole.bv_offset == 100);
	CHECK_CMP(whole.bv_len, ==, 3 * PAGE_SIZE - 150);
	CHECK(ok);
	CHECK_CMP(iter.bi_idx, ==, 0);
	CHECK_CMP(iter.bi_bvec_done, ==, PAGE_SIZE);
	CHECK_CMP(iter.bi_size, ==, 2 * PAGE_SIZE - 150 + 1000);
	CHECK(bvec_iter_advance(bv, &iter, 2 * PAGE_SIZE - 150));
	CHECK_CMP(iter.bi_idx, ==, 1);
	CHECK_CMP(iter.bi_bvec_done, ==, 0);
	CHECK(bvec_iter_advance(bv, &iter, 1000));
	CHECK_CMP(iter.bi_size, ==, 0);
	return 0;
}

static const struct conform_case bvec_cases[] = {
	{ "single_page_pieces", single_page_pieces },
	{ "multi_page_and_advance", multi_page_and_advance },
};
CONFORM_SUITE(bvec, bvec_cases);
