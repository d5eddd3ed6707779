/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * ktest_lockdep.h - the K-world side of test_lockdep.c: lock patterns
 * run under the lock validator, each returning how many reports it made.
 */
#ifndef ULDD_KTEST_LOCKDEP_H
#define ULDD_KTEST_LOCKDEP_H

#include "ktest.h"

/* Two spinlocks taken in both orders, one order at a time. */
long KTEST(ktest_lockdep_abba)(void);
/* A mutex and a rw_semaphore in both orders. */
long KTEST(ktest_lockdep_abba_sleeping)(void);
/* A -> B, B -> C, then C -> A. */
long KTEST(ktest_lockdep_cycle3)(void);
/* One order many times, and a trylock in the other: nothing to report. */
long KTEST(ktest_lockdep_consistent)(void);
/* A lock taken in a hard irq and with interrupts on; another only with them off. */
long KTEST(ktest_lockdep_irq)(void);
/* A callback that returns with a lock held. */
long KTEST(ktest_lockdep_held_at_return)(void);
/* lockdep_assert_held() on a lock held and not held. */
long KTEST(ktest_lockdep_assert)(void);
/* A lock re-initialised at another site belongs to that site's class. */
long KTEST(ktest_lockdep_reinit)(void);
/* A task that blocks holding a spinlock. */
long KTEST(ktest_lockdep_sleep)(void);
/* With the checker off, an AB-BA: no report, and no dependency recorded (-1 if any). */
long KTEST(ktest_lockdep_off)(void);

#endif /* ULDD_KTEST_LOCKDEP_H */
