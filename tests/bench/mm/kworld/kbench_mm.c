// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * kbench_mm.c - the loops bench_mm.c times, in K-world: kmalloc/kfree and
 * alloc_pages/__free_pages as a driver calls them. Each object is touched
 * once so that neither side gets credit for memory never used.
 */
#include <linux/compiler.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/slab.h>

#include "../../../../shim/mm/arena.h"
#include "kbench.h"

int kbench_mm_init(void)
{
	return uldd_mm_init();
}

void kbench_mm_pairs(unsigned int n, unsigned int size, unsigned int batch)
{
	void *held[64];
	unsigned int i, k;

	if (batch > 64)
		batch = 64;
	if (batch <= 1) {
		for (i = 0; i < n; i++) {
			char *p = kmalloc(size, GFP_KERNEL);

			WRITE_ONCE(*p, 1);
			kfree(p);
		}
		return;
	}
	for (i = 0; i < n; i += batch) {
		for (k = 0; k < batch; k++) {
			held[k] = kmalloc(size, GFP_KERNEL);
			WRITE_ONCE(*(char *)held[k], 1);
		}
		for (k = 0; k < batch; k++)
			kfree(held[k]);
	}
}

void kbench_mm_pages(unsigned int n, unsigned int order)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		struct page *pg = alloc_pages(GFP_KERNEL, order);

		WRITE_ONCE(*(char *)page_address(pg), 1);
		__free_pages(pg, order);
	}
}
