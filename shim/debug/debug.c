// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * debug.c - 'uldd run --debug=LIST': which checkers are on, and their
 * closing checks once every module has exited. The tool sets the mask
 * before the first vCPU starts (shim/entry.h), so nothing reads it while
 * it changes.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>

#include "../entry.h"
#include "debug.h"

unsigned int uldd_debug_mask;

static const struct {
	const char *name;
	unsigned int mask;
} debug_names[] = {
	{ "kasan", ULDD_DEBUG_KASAN },
	{ "lockdep", ULDD_DEBUG_LOCKDEP },
	{ "dma", ULDD_DEBUG_DMA },
	{ "leaks", ULDD_DEBUG_LEAKS },
	{ "dma-strict", ULDD_DEBUG_DMA_STRICT },
};

static const char *const checker_names[ULDD_CHK_NR] = {
	[ULDD_CHK_KASAN] = "kasan", [ULDD_CHK_LOCKDEP] = "lockdep",	  [ULDD_CHK_DMA] = "dma",
	[ULDD_CHK_LEAKS] = "leaks", [ULDD_CHK_DMA_STRICT] = "dma-strict",
};

int uldd_debug_lookup(const char *name, unsigned long len, unsigned int *mask)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(debug_names); i++) {
		if (strlen(debug_names[i].name) == len &&
		    !strncmp(debug_names[i].name, name, len)) {
			*mask = debug_names[i].mask;
			return 0;
		}
	}
	return -EINVAL;
}

void uldd_debug_setup(unsigned int mask)
{
	uldd_debug_mask = mask;
	uldd_valgrind_setup();
}

unsigned long uldd_debug_finish(void)
{
	unsigned long n, total = 0;
	unsigned int c;

	if (!uldd_debug_mask)
		return 0;
	uldd_kasan_finish();
	uldd_lockdep_finish();
	uldd_dma_debug_finish();
	uldd_leaks_mem_finish();
	uldd_leaks_res_finish();
	for (c = 0; c < ULDD_CHK_NR; c++) {
		n = uldd_report_count(c);
		if (n)
			pr_err("uldd debug: %s made %lu report(s)\n", checker_names[c], n);
		total += n;
	}
	return total;
}
