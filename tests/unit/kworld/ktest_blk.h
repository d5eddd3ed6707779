/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * ktest_blk.h - the K-world side of test_blk.c (ktest_blk.c): the block
 * layer's cases, a table as ktest.h's, and the blkram 4 KiB read cost.
 * Compiled in both worlds, so it includes only ktest.h.
 */
#ifndef ULDD_KTEST_BLK_H
#define ULDD_KTEST_BLK_H

#include "ktest.h"

int KTEST(ktest_blk_setup)(unsigned int nr_vcpus);
int KTEST(ktest_blk_case)(unsigned int i, const char **name, int run);
/* n 4 KiB reads on blkram or the inline test driver, one at a time: ns per read, or -1. */
long long KTEST(ktest_blk_bench)(unsigned int n, int on_blkram);

#endif /* ULDD_KTEST_BLK_H */
