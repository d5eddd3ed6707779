// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * kernel/rcu/srcu.c - synchronize_srcu() over the two reader counters of
 * linux/srcu.h, which says why the wait is enough. Callers are serialised
 * by the srcu_struct's mutex; readers never take it.
 */
#include <linux/bug.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/srcu.h>

#include "../../core/door.h"

#define SRCU_WAIT_MIN_NS 10000ULL
#define SRCU_WAIT_MAX_NS 1000000ULL

int init_srcu_struct(struct srcu_struct *ssp)
{
	ssp->uldd_readers[0] = 0;
	ssp->uldd_readers[1] = 0;
	ssp->uldd_idx = 0;
	mutex_init(&ssp->uldd_mutex);
	return 0;
}

void cleanup_srcu_struct(struct srcu_struct *ssp)
{
	WARN_ON(srcu_read_lock_held(ssp));
}

/* Sleeps until counter idx of ssp reads 0. */
static void srcu_drain(struct srcu_struct *ssp, unsigned int idx)
{
	u64 wait_ns = SRCU_WAIT_MIN_NS;

	while (__atomic_load_n(&ssp->uldd_readers[idx], __ATOMIC_RELAXED)) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		uldd_schedule_until(uhost_clock_ns() + wait_ns);
		__set_current_state(TASK_RUNNING);
		if (wait_ns < SRCU_WAIT_MAX_NS)
			wait_ns *= 2;
	}
}

void synchronize_srcu(struct srcu_struct *ssp)
{
	unsigned int idx;

	might_sleep();
	mutex_lock(&ssp->uldd_mutex);
	/* The caller's changes come before the counters are read. */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	idx = READ_ONCE(ssp->uldd_idx) & 1;
	srcu_drain(ssp, idx ^ 1);
	WRITE_ONCE(ssp->uldd_idx, idx ^ 1);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	srcu_drain(ssp, idx);
	/* The readers' accesses come before whatever the caller does next. */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	mutex_unlock(&ssp->uldd_mutex);
}
