// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ktest_lockdep.c - lock patterns for test_lockdep.c. Each body enters
 * the kernel, runs one pattern (one order at a time: nothing here ever
 * waits for a lock) and returns how many lockdep reports it made.
 */
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/preempt.h>
#include <linux/rwsem.h>
#include <linux/spinlock.h>

#include "../../../shim/debug/debug.h"
#include "../../../shim/debug/lockdep.h"
#include "../../../shim/entry.h"
#include "ktest_lockdep.h"

static unsigned long reports_before;

static void begin(void)
{
	uldd_enter("ktest-lockdep");
	reports_before = uldd_report_count(ULDD_CHK_LOCKDEP);
}

static long end(void)
{
	uldd_exit();
	return (long)(uldd_report_count(ULDD_CHK_LOCKDEP) - reports_before);
}

static noinline void take_two(spinlock_t *first, spinlock_t *second)
{
	spin_lock(first);
	spin_lock(second);
	spin_unlock(second);
	spin_unlock(first);
}

long KTEST(ktest_lockdep_abba)(void)
{
	static spinlock_t a, b;

	begin();
	spin_lock_init(&a);
	spin_lock_init(&b);
	take_two(&a, &b);
	take_two(&b, &a);
	/* The same inversion again: reported once. */
	take_two(&b, &a);
	return end();
}

long KTEST(ktest_lockdep_abba_sleeping)(void)
{
	static struct mutex m;
	static struct rw_semaphore s;

	begin();
	mutex_init(&m);
	init_rwsem(&s);
	mutex_lock(&m);
	down_read(&s);
	up_read(&s);
	mutex_unlock(&m);
	down_write(&s);
	mutex_lock(&m);
	mutex_unlock(&m);
	up_write(&s);
	return end();
}

long KTEST(ktest_lockdep_cycle3)(void)
{
	static spinlock_t a, b, c;

	begin();
	spin_lock_init(&a);
	spin_lock_init(&b);
	spin_lock_init(&c);
	take_two(&a, &b);
	take_two(&b, &c);
	take_two(&c, &a);
	return end();
}

long KTEST(ktest_lockdep_consistent)(void)
{
	static spinlock_t a, b, c;
	static struct mutex m;
	int i;

	begin();
	spin_lock_init(&a);
	spin_lock_init(&b);
	spin_lock_init(&c);
	mutex_init(&m);
	for (i = 0; i < 3; i++) {
		mutex_lock(&m);
		take_two(&a, &b);
		take_two(&b, &c);
		take_two(&a, &c);
		mutex_unlock(&m);
	}
	/* A trylock cannot wait, so the reverse order through it is no inversion. */
	spin_lock(&c);
	if (spin_trylock(&a))
		spin_unlock(&a);
	spin_unlock(&c);
	/* Released out of order: the held stack copes. */
	spin_lock(&a);
	spin_lock(&b);
	spin_unlock(&a);
	spin_unlock(&b);
	return end();
}

static noinline void take_in_irq(spinlock_t *l)
{
	preempt_count_add(HARDIRQ_OFFSET);
	spin_lock(l);
	spin_unlock(l);
	preempt_count_sub(HARDIRQ_OFFSET);
}

long KTEST(ktest_lockdep_irq)(void)
{
	static spinlock_t bad, good;
	unsigned long flags;

	begin();
	spin_lock_init(&bad);
	spin_lock_init(&good);
	take_in_irq(&good);
	spin_lock_irqsave(&good, flags);
	spin_unlock_irqrestore(&good, flags);
	spin_lock_irq(&good);
	spin_unlock_irq(&good);
	take_in_irq(&bad);
	spin_lock(&bad);
	spin_unlock(&bad);
	/* Reported once a class. */
	spin_lock(&bad);
	spin_unlock(&bad);
	return end();
}

static spinlock_t held_lock;

static noinline void leaves_it_held(void)
{
	spin_lock(&held_lock);
}

long KTEST(ktest_lockdep_held_at_return)(void)
{
	static spinlock_t outer;
	unsigned int depth;

	begin();
	spin_lock_init(&outer);
	spin_lock_init(&held_lock);
	/* Held by the caller around the callback: not the callback's. */
	spin_lock(&outer);
	depth = uldd_lockdep_cb_enter();
	leaves_it_held();
	uldd_lockdep_cb_exit(depth, "timer callback", leaves_it_held);
	/* The validator forgot it at the report; the lock itself is still taken. */
	do_raw_spin_unlock(&held_lock.rlock);
	preempt_enable();
	spin_unlock(&outer);
	/* A clean callback. */
	depth = uldd_lockdep_cb_enter();
	spin_lock(&held_lock);
	spin_unlock(&held_lock);
	uldd_lockdep_cb_exit(depth, "timer callback", leaves_it_held);
	return end();
}

long KTEST(ktest_lockdep_assert)(void)
{
	static struct mutex m;
	static spinlock_t l;

	begin();
	mutex_init(&m);
	spin_lock_init(&l);
	lockdep_assert_held(&m); /* one report */
	mutex_lock(&m);
	lockdep_assert_held(&m);
	mutex_unlock(&m);
	spin_lock(&l);
	lockdep_assert_held(&l);
	assert_spin_locked(&l);
	lockdep_assert_not_held(&l); /* one report */
	spin_unlock(&l);
	lockdep_assert_not_held(&l);
	return end();
}

long KTEST(ktest_lockdep_reinit)(void)
{
	static spinlock_t a, x;

	begin();
	spin_lock_init(&a);
	spin_lock_init(&x);
	take_two(&a, &x);
	/* Its memory reused for another kind of lock: a class of its own. */
	spin_lock_init(&x);
	take_two(&x, &a);
	return end();
}

long KTEST(ktest_lockdep_sleep)(void)
{
	static spinlock_t l;
	static struct mutex m;

	begin();
	spin_lock_init(&l);
	mutex_init(&m);
	/* A mutex held across a sleep is fine. */
	mutex_lock(&m);
	uldd_lockdep_sleep("scheduling");
	mutex_unlock(&m);
	spin_lock(&l);
	uldd_lockdep_sleep("scheduling");
	spin_unlock(&l);
	return end();
}

long KTEST(ktest_lockdep_off)(void)
{
	static spinlock_t a, b;
	unsigned int mask = uldd_debug_mask;
	unsigned long edges = uldd_lockdep_nr_edges();
	long n;

	uldd_debug_mask = 0;
	begin();
	spin_lock_init(&a);
	spin_lock_init(&b);
	take_two(&a, &b);
	take_two(&b, &a);
	lockdep_assert_held(&a);
	n = end();
	uldd_debug_mask = mask;
	return uldd_lockdep_nr_edges() != edges ? -1 : n;
}
