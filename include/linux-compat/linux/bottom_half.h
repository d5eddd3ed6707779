/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/bottom_half.h - keeping softirqs (tasklets, NAPI, timers) off this
 * task's CPU: they count in the task's preemption counter.
 *
 * Emulation notes: softirqs run in their own thread on a free virtual CPU,
 * so what local_bh_disable() buys a driver is the same as on SMP Linux
 * only when combined with the lock the softirq side also takes, which is
 * how correct drivers use it (spin_lock_bh).
 */
#ifndef _LINUX_BOTTOM_HALF_H
#define _LINUX_BOTTOM_HALF_H

#include <linux/preempt.h>

static __always_inline void local_bh_disable(void)
{
	__preempt_count_add(SOFTIRQ_DISABLE_OFFSET);
}

static __always_inline void local_bh_enable(void)
{
	__preempt_count_sub(SOFTIRQ_DISABLE_OFFSET);
}

#endif /* _LINUX_BOTTOM_HALF_H */
