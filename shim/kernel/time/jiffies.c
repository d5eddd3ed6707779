// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * kernel/time/jiffies.c - jiffies from the monotonic clock, without a tick
 * thread: a read is one vDSO clock call and a division. The coarse clock
 * (the host's last tick) is enough for a 4 ms jiffy and never touches the
 * clocksource, which on an emulated machine is a slow HPET read: drivers
 * read jiffies per packet. Timers still expire on the precise clock.
 */
#include <linux/jiffies.h>
#include <linux/timer.h>

#include "uhost.h"

/* The coarse clock at the first read, plus one: 0 means not read yet. */
static u64 uldd_clock_base_1;
static u64 uldd_clock_lag; /* how far the coarse clock may be behind */

/*
 * The first reader fixes the base; any later race picks the same value.
 * The base is a coarse reading itself, never later than one: a base past
 * the clock would make the first jiffies reads wrap to 2^64 / TICK_NSEC.
 */
static u64 clock_base(void)
{
	u64 base_1 = __atomic_load_n(&uldd_clock_base_1, __ATOMIC_RELAXED);

	if (unlikely(!base_1)) {
		u64 zero = 0;

		WRITE_ONCE(uldd_clock_lag, uhost_clock_coarse_res_ns());
		base_1 = uhost_clock_coarse_ns() + 1;
		if (!__atomic_compare_exchange_n(&uldd_clock_base_1, &zero, base_1, 0,
						 __ATOMIC_RELAXED, __ATOMIC_RELAXED))
			base_1 = zero;
	}
	return base_1 - 1;
}

u64 get_jiffies_64(void)
{
	u64 base = clock_base(); /* first: the first call sets it from the clock */

	return (u64)INITIAL_JIFFIES + (uhost_clock_coarse_ns() - base) / TICK_NSEC;
}

unsigned long uldd_jiffies(void)
{
	return (unsigned long)get_jiffies_64();
}

/*
 * For timers: the first instant at which jiffies reads j or later. The
 * coarse clock lags the precise one by up to a host tick, so the deadline
 * is that much later: a callback never sees jiffies short of its expiry.
 */
u64 uldd_jiffies_to_clock_ns(unsigned long j)
{
	u64 base = clock_base();
	u64 now = get_jiffies_64();
	long ahead = (long)(j - (unsigned long)now);

	if (ahead <= 0)
		return uhost_clock_ns();
	return base + (now + (u64)ahead - (u64)INITIAL_JIFFIES) * TICK_NSEC +
	       READ_ONCE(uldd_clock_lag);
}
