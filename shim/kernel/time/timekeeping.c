// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * kernel/time/timekeeping.c - ktime_get() and friends: the host's monotonic
 * and wall clocks through the door, one vDSO call, no lock, any context.
 */
#include <linux/ktime.h>
#include <linux/timekeeping.h>

#include "../../core/door.h"

ktime_t ktime_get(void)
{
	return (ktime_t)uhost_clock_ns();
}

u64 ktime_get_ns(void)
{
	return uhost_clock_ns();
}

ktime_t ktime_get_real(void)
{
	return (ktime_t)uhost_clock_real_ns();
}
