/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/timekeeping.h - reading the clocks. Each read is one vDSO call
 * through the door (uhost_clock_ns()), lock-free, safe in any context.
 *
 * Emulation notes: CLOCK_MONOTONIC is the host's; ktime_get_boottime() is
 * the same clock (the host's suspend time is not added). The wall clock
 * (ktime_get_real(), for timestamps a driver compares with the host's, as
 * PTP's) is the host's CLOCK_REALTIME; CLOCK_MONOTONIC_RAW is not read
 * apart: the raw forms return the monotonic clock.
 */
#ifndef _LINUX_TIMEKEEPING_H
#define _LINUX_TIMEKEEPING_H

#include <linux/ktime.h>
#include <linux/time64.h>
#include <linux/types.h>

ktime_t ktime_get(void);
u64 ktime_get_ns(void);
ktime_t ktime_get_real(void);

static inline u64 ktime_get_real_ns(void)
{
	return (u64)ktime_get_real();
}

static inline void ktime_get_real_ts64(struct timespec64 *ts)
{
	*ts = ns_to_timespec64(ktime_get_real());
}

static inline void ktime_get_ts64(struct timespec64 *ts)
{
	*ts = ns_to_timespec64(ktime_get());
}

static inline void ktime_get_raw_ts64(struct timespec64 *ts)
{
	*ts = ns_to_timespec64(ktime_get());
}

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
