// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * page.c - the page allocator (linux/gfp.h, linux/mm.h): alloc_pages() of
 * order n gives 2^n pages contiguous in the kernel's address space, their
 * struct pages consecutive, page_address() page-aligned (only that is
 * documented; natural alignment to the block's size is not asserted here);
 * virt_to_page() and page_address() undo each other, as do the pfn
 * helpers; __get_free_pages() and get_zeroed_page() by address; a page
 * lives while it has a reference (get_page/put_page), on a compound block
 * counted on its head.
 */
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "conform.h"

/*
 * The highest order tried: 1 MiB is far below any kernel's limit (MAX_ORDER
 * changed meaning in 6.4 and name in 6.8) and always found free in the guest.
 */
#define TOP_ORDER 8

static bool all_zero(const void *p, size_t n)
{
	const u8 *b = p;

	for (size_t i = 0; i < n; i++) {
		if (b[i])
			return false;
	}
	return true;
}

/* Each page of the block: its descriptor is pg + i, its address page i of the block. */
static int block_layout(struct page *pg, unsigned int order)
{
	char *va = page_address(pg);

	CHECK(va);
	CHECK(PAGE_ALIGNED(va));
	for (unsigned long i = 0; i < (1UL << order); i++) {
		char *at = va + i * PAGE_SIZE;

		CHECK(page_address(pg + i) == at);
		CHECK(virt_to_page(at + (i * 97) % PAGE_SIZE) == pg + i);
		/* Each page its own bytes: a block that was not contiguous would mix them up. */
		memset(at, (int)(i & 0xff), PAGE_SIZE);
	}
	for (unsigned long i = 0; i < (1UL << order); i++) {
		CHECK_CMP(((u8 *)va)[i * PAGE_SIZE], ==, i & 0xff);
		CHECK_CMP(((u8 *)va)[i * PAGE_SIZE + PAGE_SIZE - 1], ==, i & 0xff);
	}
	return 0;
}

static int orders_contiguous(struct conform_dev *dev)
{
	for (unsigned int order = 0; order <= TOP_ORDER; order++) {
		struct page *pg = alloc_pages(GFP_KERNEL, order);
		int ret;

		CHECK(pg);
		ret = block_layout(pg, order);
		__free_pages(pg, order);
		if (ret)
			return ret;
	}
	CHECK_CMP(get_order(1), ==, 0);
	CHECK_CMP(get_order(PAGE_SIZE), ==, 0);
	CHECK_CMP(get_order(PAGE_SIZE + 1), ==, 1);
	CHECK_CMP(get_order(PAGE_SIZE << 3), ==, 3);
	return 0;
}

static int address_round_trips(struct conform_dev *dev)
{
	struct page *pg = alloc_pages(GFP_KERNEL, 1);
	char *va, *k;
	bool ok;

	CHECK(pg);
	va = page_address(pg);
	ok = pfn_to_page(page_to_pfn(virt_to_page(va))) == pg &&
	     page_to_pfn(virt_to_page(va + PAGE_SIZE)) == page_to_pfn(pg) + 1 &&
	     virt_to_page(va) == pg && page_to_virt(pg) == va && virt_addr_valid(va) &&
	     virt_addr_valid(va + 2 * PAGE_SIZE - 1);
	__free_pages(pg, 1);
	CHECK(ok);
	/* kmalloc memory has its pages too. */
	k = kmalloc(100, GFP_KERNEL);
	CHECK(k);
	ok = (char *)page_address(virt_to_page(k)) + offset_in_page(k) == k && virt_addr_valid(k);
	kfree(k);
	CHECK(ok);
	return 0;
}

static int free_pages_by_address(struct conform_dev *dev)
{
	unsigned long a;
	struct page *pg;

	a = __get_free_pages(GFP_KERNEL, 2);
	CHECK(a);
	CHECK(PAGE_ALIGNED(a));
	pg = virt_to_page((void *)a);
	CHECK((unsigned long)page_address(pg) == a);
	memset((void *)a, 0x77, 4 * PAGE_SIZE);
	free_pages(a, 2);
	a = __get_free_page(GFP_KERNEL);
	CHECK(a);
	memset((void *)a, 0xff, PAGE_SIZE);
	free_page(a);
	/* 0 is no block: nothing to free. */
	free_pages(0, 3);
	free_page(0);
	return 0;
}

/* Dirty pages went back; asked for zeroed, every byte is 0. */
static int zeroed_pages(struct conform_dev *dev)
{
	static unsigned long dirty[8];
	unsigned long z;
	struct page *pg;
	bool ok = true;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(dirty); i++) {
		dirty[i] = __get_free_pages(GFP_KERNEL, i & 1);
		if (dirty[i])
			memset((void *)dirty[i], 0xc3, PAGE_SIZE << (i & 1));
	}
	for (i = 0; i < ARRAY_SIZE(dirty); i++)
		free_pages(dirty[i], i & 1);
	for (i = 0; i < ARRAY_SIZE(dirty) && ok; i++) {
		z = get_zeroed_page(GFP_KERNEL);
		ok = z && all_zero((void *)z, PAGE_SIZE);
		free_page(z);
		pg = alloc_pages(GFP_KERNEL | __GFP_ZERO, 1);
		ok = ok && pg && all_zero(page_address(pg), 2 * PAGE_SIZE);
		if (pg)
			__free_pages(pg, 1);
	}
	CHECK(ok);
	return 0;
}

/* The allocator's reference is one of several: the page outlives it. */
static int refcount_keeps_page(struct conform_dev *dev)
{
	struct page *pg = alloc_page(GFP_KERNEL);

	CHECK(pg);
	CHECK_CMP(page_count(pg), ==, 1);
	get_page(pg);
	CHECK_CMP(page_count(pg), ==, 2);
	__free_page(pg);
	CHECK_CMP(page_count(pg), ==, 1);
	memset(page_address(pg), 1, PAGE_SIZE);
	set_page_private(pg, 42);
	CHECK_CMP(page_private(pg), ==, 42);
	set_page_private(pg, 0);
	put_page(pg);
	return 0;
}

/* A reference taken through any page of a compound block is the block's. */
static int compound_counts_on_head(struct conform_dev *dev)
{
	struct page *pg = alloc_pages(GFP_KERNEL | __GFP_COMP, 2), *tail;
	int head_count, tail_count, after;

	CHECK(pg);
	tail = pg + 3;
	get_page(tail);
	head_count = page_count(pg);
	tail_count = page_count(tail);
	__free_pages(pg, 2);
	after = page_count(pg);
	memset(page_address(tail), 2, PAGE_SIZE);
	put_page(tail);
	CHECK_CMP(head_count, ==, 2);
	CHECK_CMP(tail_count, ==, 2);
	CHECK_CMP(after, ==, 1);
	return 0;
}

static const struct conform_case page_cases[] = {
	{ "orders_contiguous", orders_contiguous },
	{ "address_round_trips", address_round_trips },
	{ "free_pages_by_address", free_pages_by_address },
	{ "zeroed_pages", zeroed_pages },
	{ "refcount_keeps_page", refcount_keeps_page },
	{ "compound_counts_on_head", compound_counts_on_head },
};
CONFORM_SUITE(page, page_cases);
