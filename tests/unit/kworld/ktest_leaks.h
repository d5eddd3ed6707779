/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * ktest_leaks.h - the K-world side of test_leaks.c: allocations and
 * timers made inside and outside a driver callback, then the leaks
 * checker's closing checks.
 */
#ifndef ULDD_KTEST_LEAKS_H
#define ULDD_KTEST_LEAKS_H

#include "ktest.h"

/*
 * In a driver callback: two kmallocs from one site, one freed kmalloc,
 * a page; outside one: a kmalloc. Then the memory check: the reports it
 * made. With give_back, everything is freed before the check.
 */
long KTEST(ktest_leaks_mem)(int give_back);
/* A timer armed in a driver callback, pending (or deleted) at the check. */
long KTEST(ktest_leaks_timer)(int give_back);

#endif /* ULDD_KTEST_LEAKS_H */
