/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * ktest_debug.h - the K-world side of test_debug.c: the checkers' shared
 * parts (shim/debug/): names, reports, the stack depot.
 */
#ifndef ULDD_KTEST_DEBUG_H
#define ULDD_KTEST_DEBUG_H

#include "ktest.h"

/* Sets the mask and a vCPU, as 'uldd run' would; 0 on success. */
int KTEST(ktest_debug_setup)(unsigned int mask);
/* One report of checker c, or (nested) one inside another; the count after. */
unsigned long KTEST(ktest_debug_report)(int c, int nested);
/* Stacks saved at two call sites, twice each: 0 when the depot dedups them right. */
int KTEST(ktest_debug_depot)(void);
/* The reports so far over all checkers, and the closing checks' total. */
unsigned long KTEST(ktest_debug_finish)(void);

#endif /* ULDD_KTEST_DEBUG_H */
