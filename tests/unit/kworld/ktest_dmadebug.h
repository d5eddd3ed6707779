/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * ktest_dmadebug.h - the K-world side of test_dmadebug.c: --debug=dma's
 * rules, its DMA leaks and dma-strict's IOMMU mappings, driven on a device
 * attached to the fake door (fake_dma.c).
 */
#ifndef ULDD_KTEST_DMADEBUG_H
#define ULDD_KTEST_DMADEBUG_H

#include "ktest.h"

struct uhost_dev;

/* The driver bugs ktest_dmadebug_rule() commits, one each. */
enum ktest_dmadebug_rule {
	KTEST_DMADEBUG_NONE,
	KTEST_DMADEBUG_DOUBLE_UNMAP,
	KTEST_DMADEBUG_NEVER_MAPPED,
	KTEST_DMADEBUG_WRONG_SIZE,
	KTEST_DMADEBUG_WRONG_DIR,
	KTEST_DMADEBUG_NO_ERROR_CHECK,
	KTEST_DMADEBUG_CPU_WRITE,
	KTEST_DMADEBUG_WRONG_KIND,
	KTEST_DMADEBUG_SYNC_PAST_END,
	KTEST_DMADEBUG_SYNC_UNMAPPED,
	KTEST_DMADEBUG_COHERENT_DOUBLE_FREE,
	KTEST_DMADEBUG_CPU_WRITE_AFTER_SYNC, /* not a bug: the CPU owned it */
	KTEST_DMADEBUG_SG,
	KTEST_DMADEBUG_NR,
};

/* The checker mask, the shim up, device 0 on udev with 64-bit masks; 0 on success. */
int KTEST(ktest_dmadebug_setup)(unsigned int mask, struct uhost_dev *udev);
/* Switches checkers as 'uldd run' does before any mapping. */
void KTEST(ktest_dmadebug_mask)(unsigned int mask);
/* Commits rule r on device 0; the DMA checker's report count after. */
unsigned long KTEST(ktest_dmadebug_rule)(int r);
/* Leaves n streaming mappings and one coherent allocation mapped, for the leaks check. */
int KTEST(ktest_dmadebug_leak)(unsigned int n);
/* The closing checks (uldd_debug_finish); the leaks checker's count after. */
unsigned long KTEST(ktest_dmadebug_finish)(void);
/*
 * dma-strict on device 1 (attached to udev with bits-bit masks): one page
 * mapped twice and a coherent block; addresses in a[0..2], 0 when every
 * one is below the mask, none equals its VA and the two differ.
 */
int KTEST(ktest_dmadebug_strict)(struct uhost_dev *udev, unsigned int bits, unsigned long long *a);
/* Unmaps and frees what ktest_dmadebug_strict() made. */
void KTEST(ktest_dmadebug_strict_release)(void);
/* The dma-strict checker's report count. */
unsigned long KTEST(ktest_dmadebug_strict_reports)(void);

#endif /* ULDD_KTEST_DMADEBUG_H */
