/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/timekeeping.h - reading the clocks. Each read is one vDSO call
 * through the door (uhost_clock_ns()), lock-free, safe in any context.
 *
 * Emulation notes: CLOCK_MONOTONIC is the host's; ktime_get_boottime() is
 * the same clock (the host's suspend time is not added). There is no wall
 * clock through the door, so ktime_get_real() and friends are not provided:
 * a driver that needs them does not build, which names what is missing.
 */
#ifndef _LINUX_TIMEKEEPING_H
#define _LINUX_TIMEKEEPING_H

#include <linux/ktime.h>
#include <linux/types.h>

ktime_t ktime_get(void);
u64 ktime_get_ns(void);

static inline ktime_t ktime_get_raw(void)
{
	return ktime_get();
}

static inline u64 ktime_get_raw_ns(void)
{
	return ktime_get_ns();
}

static inline ktime_t ktime_get_boottime(void)
{
	return ktime_get();
}

static inline u64 ktime_get_boottime_ns(void)
{
	return ktime_get_ns();
}

static inline u64 ktime_get_mono_fast_ns(void)
{
	return ktime_get_ns();
}

#endif /* _LINUX_TIMEKEEPING_H */
