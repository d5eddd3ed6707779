// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ktest_kasan.c - --debug=kasan for test_kasan.c. The entry points an
 * instrumented driver calls are called here by hand, each from a call
 * site of its own (a report is made once per code address).
 */
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/log2.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <uldd/kasan.h>

#include "../../../shim/debug/debug.h"
#include "../../../shim/debug/kasan.h"
#include "../../../shim/entry.h"
#include "../../../shim/mm/arena.h"
#include "ktest_kasan.h"

static unsigned long reports(void)
{
	return uldd_report_count(ULDD_CHK_KASAN);
}

static u8 shadow_at(const void *p)
{
	struct uldd_chunk *c = uldd_arena_find(p);

	return c->shadow[((unsigned long)p - (unsigned long)c->base) >> KASAN_GRANULE_SHIFT];
}

int KTEST(ktest_kasan_setup)(void)
{
	int err;

	uldd_debug_setup(ULDD_DEBUG_KASAN);
	err = uldd_mm_init();
	if (!err)
		err = uldd_sched_init(1);
	return err;
}

int KTEST(ktest_kasan_shadow)(void)
{
	size_t size, g;
	int line = 0;

	uldd_enter("ktest-kasan");
	for (size = 1; size <= 40 && !line; size++) {
		char *p = kmalloc(size, GFP_KERNEL);

		if (!p) {
			line = __LINE__;
			break;
		}
		/* Whole granules 0, a partial one its count, then the redzone. */
		for (g = 0; g < size / 8 && !line; g++)
			if (shadow_at(p + g * 8))
				line = __LINE__;
		if (!line && (size & 7) && shadow_at(p + g * 8) != (size & 7))
			line = __LINE__;
		if (!line && shadow_at(p + ALIGN(size, 8)) != KASAN_SLAB_REDZONE)
			line = __LINE__;
		kfree(p);
		if (!line && shadow_at(p) != KASAN_SLAB_FREE)
			line = __LINE__;
	}
	uldd_exit();
	return line;
}

unsigned long KTEST(ktest_kasan_redzone)(void)
{
	unsigned long before = reports();
	/* Not a constant: a loop the compiler unrolled would call from two sites. */
	volatile int rounds = 2;
	char *p;

	uldd_enter("ktest-kasan");
	p = kmalloc(32, GFP_KERNEL);
	if (p) {
		/* Inside: no report. */
		uldd_kasan_store1((unsigned long)p);
		uldd_kasan_store8((unsigned long)p + 24);
		uldd_kasan_load16((unsigned long)p + 16);
		uldd_kasan_storeN((unsigned long)p, 32);
		/* One byte past: one report each. */
		uldd_kasan_store1((unsigned long)p + 32);
		uldd_kasan_load8((unsigned long)p + 25);
		/* The same code address twice: one report. */
		for (int i = 0; i < rounds; i++)
			uldd_kasan_storeN((unsigned long)p + 8, 32);
		kfree(p);
	}
	uldd_exit();
	return reports() - before;
}

unsigned long KTEST(ktest_kasan_uaf)(void)
{
	unsigned long before = reports();
	u32 *p;

	uldd_enter("ktest-kasan");
	p = kmalloc(24, GFP_KERNEL);
	if (p) {
		uldd_kasan_store4((unsigned long)&p[2]);
		kfree(p);
		uldd_kasan_load4((unsigned long)&p[2]);
	}
	uldd_exit();
	return reports() - before;
}

int KTEST(ktest_kasan_quarantine)(void)
{
	void *p, *q;
	int line = 0;

	uldd_enter("ktest-kasan");
	p = kmalloc(64, GFP_KERNEL);
	kfree(p);
	q = kmalloc(64, GFP_KERNEL);
	if (!p || !q || p == q)
		line = __LINE__;
	kfree(q);
	uldd_exit();
	return line;
}

unsigned long KTEST(ktest_kasan_bad_free)(void)
{
	unsigned long before = reports();
	char *p;

	uldd_enter("ktest-kasan");
	p = kmalloc(48, GFP_KERNEL);
	if (p) {
		kfree(p + 8);
		kfree(p);
		kfree(p);
	}
	uldd_exit();
	return reports() - before;
}

int KTEST(ktest_kasan_align)(void)
{
	static const size_t sizes[] = { 8,   16,  32,	64,   96,   128, 192,
					256, 512, 1024, 2048, 4096, 8192 };
	struct kmem_cache *s;
	int line = 0;
	void *p[3];

	uldd_enter("ktest-kasan");
	for (size_t i = 0; i < ARRAY_SIZE(sizes) && !line; i++) {
		size_t want = is_power_of_2(sizes[i]) ? sizes[i] : ARCH_KMALLOC_MINALIGN;

		/* Three each: the second and third are past the first one's redzone. */
		for (int k = 0; k < 3; k++) {
			p[k] = kmalloc(sizes[i], GFP_KERNEL);
			if (!p[k] || ((unsigned long)p[k] & (want - 1)))
				line = __LINE__;
		}
		for (int k = 0; k < 3; k++)
			kfree(p[k]);
	}
	s = kmem_cache_create("ktest-kasan-64", 40, 64, 0, NULL);
	if (!s)
		return __LINE__;
	for (int k = 0; k < 3 && !line; k++) {
		p[k] = kmem_cache_alloc(s, GFP_KERNEL);
		if (!p[k] || ((unsigned long)p[k] & 63))
			line = __LINE__;
	}
	for (int k = 0; k < 3; k++)
		kmem_cache_free(s, p[k]);
	kmem_cache_destroy(s);
	uldd_exit();
	return line;
}

unsigned long KTEST(ktest_kasan_ksize)(void)
{
	unsigned long before = reports();
	char *p;

	uldd_enter("ktest-kasan");
	p = kmalloc(20, GFP_KERNEL);
	if (p && ksize(p) == 32) {
		uldd_kasan_store8((unsigned long)p + 24);
		/* Still out: past the object. */
		uldd_kasan_store1((unsigned long)p + 32);
		/* krealloc() in place closes what ksize() opened. */
		if (krealloc(p, 10, GFP_KERNEL) == p)
			uldd_kasan_store1((unsigned long)p + 12);
		else
			before -= 100;
	} else {
		before -= 100;
	}
	kfree(p);
	uldd_exit();
	return reports() - before;
}

unsigned long KTEST(ktest_kasan_memset)(void)
{
	unsigned long before = reports();
	char *p, *q;

	uldd_enter("ktest-kasan");
	p = kmalloc(32, GFP_KERNEL);
	q = kmalloc(32, GFP_KERNEL);
	if (p && q) {
		memset(p, 0, 32);
		memcpy(q, p, 32);
		memset(p, 0, 40);
	}
	kfree(p);
	kfree(q);
	uldd_exit();
	return reports() - before;
}

unsigned long KTEST(ktest_kasan_off)(void)
{
	unsigned long before = reports();
	char *p;

	uldd_enter("ktest-kasan");
	p = kmalloc(32, GFP_KERNEL);
	uldd_debug_setup(0);
	if (p)
		uldd_kasan_store1((unsigned long)p + 40);
	uldd_debug_setup(ULDD_DEBUG_KASAN);
	kfree(p);
	uldd_exit();
	return reports() - before;
}

int KTEST(ktest_kasan_pages)(void)
{
	struct page *pg[4];
	int line = 0, i;

	uldd_enter("ktest-kasan");
	/* 16 MiB in 4 MiB blocks: the arena grows, and each new chunk has its shadow. */
	for (i = 0; i < 4; i++) {
		pg[i] = alloc_pages(GFP_KERNEL, MAX_PAGE_ORDER);
		if (!pg[i]) {
			line = __LINE__;
			continue;
		}
		if (!uldd_arena_find(page_address(pg[i]))->shadow)
			line = __LINE__;
		else if (shadow_at(page_address(pg[i])) ||
			 shadow_at((char *)page_address(pg[i]) + (PAGE_SIZE << MAX_PAGE_ORDER) - 1))
			line = __LINE__;
	}
	for (i = 0; i < 4; i++) {
		if (!pg[i])
			continue;
		__free_pages(pg[i], MAX_PAGE_ORDER);
		if (!line && shadow_at(page_address(pg[i])) != KASAN_PAGE_FREE)
			line = __LINE__;
	}
	uldd_exit();
	return line;
}
