// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * kernel/time/jiffies.c - jiffies from the monotonic clock, without a tick
 * thread: a read is one vDSO clock call and a division. The coarse clock
 * (the host's last tick) is enough for a 4 ms jiffy and never touches the
 * clocksource, which on an emulated machine is a slow HPET read: drivers
 * read jiffies per packet. Timers still expire on the precise clock.
 */
#include <linux/jiffies.h>
#include <linux/minmax.h>
#include <linux/ktime.h>
#include <linux/timer.h>

#include "../../core/door.h"

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

/* jiffies at a coarse reading taken after clock_base() returned base. */
static u64 jiffies_at(u64 base, u64 coarse)
{
	return (u64)INITIAL_JIFFIES + (coarse - base) / TICK_NSEC;
}

u64 get_jiffies_64(void)
{
	u64 base = clock_base(); /* first: the first call sets it from the clock */

	return jiffies_at(base, uhost_clock_coarse_ns());
}

unsigned long uldd_jiffies(void)
{
	return (unsigned long)get_jiffies_64();
}

/*
 * The coarse clock is the host's last tick: it lags the precise one by up
 * to a tick and whatever delayed that tick, which clock_getres() does not
 * tell (5.1 ms was seen against a 4 ms resolution). Every timer operation
 * samples the gap; timers are padded by the worst seen.
 */
static u64 lag_sample(u64 coarse, u64 precise)
{
	u64 lag = READ_ONCE(uldd_clock_lag);

	while (precise > coarse + lag) {
		if (__atomic_compare_exchange_n(&uldd_clock_lag, &lag, precise - coarse, 0,
						__ATOMIC_RELAXED, __ATOMIC_RELAXED))
			return precise - coarse;
	}
	return lag;
}

/* The coarse-clock instant at which jiffies reaches j, given jiffies now. */
static u64 jiffy_edge(u64 base, u64 now, unsigned long j)
{
	return base +
	       (now + (u64)(long)(j - (unsigned long)now) - (u64)INITIAL_JIFFIES) * TICK_NSEC;
}

u64 uldd_jiffies_to_clock_ns(unsigned long j)
{
	u64 base = clock_base();
	u64 coarse = uhost_clock_coarse_ns();
	u64 precise = uhost_clock_ns();
	u64 lag = lag_sample(coarse, precise);
	u64 now = jiffies_at(base, coarse);

	if ((long)(j - (unsigned long)now) <= 0)
		return precise;
	return jiffy_edge(base, now, j) + lag;
}

u64 uldd_jiffies_wait_ns(unsigned long j)
{
	u64 base = clock_base();
	u64 coarse = uhost_clock_coarse_ns();
	u64 now = jiffies_at(base, coarse);
	u64 edge;

	if ((long)(j - (unsigned long)now) <= 0)
		return 0;
	lag_sample(coarse, uhost_clock_ns());
	edge = jiffy_edge(base, now, j);
	/* The coarse clock moves a host tick at a time: no point in looking sooner. */
	return max_t(u64, edge - coarse, 100 * NSEC_PER_USEC);
}
