// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * jiffies.c - the tick counter: it never goes backwards, it advances at HZ
 * against the monotonic clock, the time_* comparisons survive a wrap, and
 * the conversions round a non-zero wait up. Also the measure other suites
 * take their real-time tolerance from: how unevenly jiffies is seen to tick.
 */
#include <asm/processor.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/limits.h>
#include <linux/sched.h>

#include "conform.h"

/* Runs first in a fresh process, so it also sees the first reads of jiffies. */
static int never_backwards(struct conform_dev *dev)
{
	u64 j = get_jiffies_64();
	ktime_t t = ktime_get();

	for (int i = 0; i < 20000; i++) {
		u64 j2 = get_jiffies_64();
		ktime_t t2 = ktime_get();

		CHECK_CMP(j2, >=, j);
		/* Not faster than the clock, give or take a second of a late tick. */
		CHECK_CMP(j2 - j, <=, ktime_to_ns(ktime_sub(t2, t)) / TICK_NSEC + HZ);
		j = j2;
		t = t2;
	}
	return 0;
}

static int advances_at_hz(struct conform_dev *dev)
{
	unsigned long j0 = jiffies, dj;
	ktime_t t0 = ktime_get();
	s64 ticks;

	msleep(200);
	dj = jiffies - j0;
	ticks = ktime_to_ns(ktime_sub(ktime_get(), t0)) / TICK_NSEC;
	/* Half to twice the clock's tick count: a stuck or mis-scaled jiffies fails. */
	CHECK_CMP(dj, >=, ticks / 2);
	CHECK_CMP(dj, <=, ticks * 2 + 2);
	return 0;
}

static int time_after_wraps(struct conform_dev *dev)
{
	unsigned long a = ULONG_MAX - 2, b = a + 5; /* b wrapped past zero */

	CHECK(time_after(b, a));
	CHECK(time_before(a, b));
	CHECK(time_after_eq(a, a));
	CHECK(!time_after(a, b));
	CHECK(time_in_range(a + 1, a, b));
	CHECK(time_after64((u64)3, (u64)-1));
	return 0;
}

static int conversions_round_up(struct conform_dev *dev)
{
	CHECK_CMP(msecs_to_jiffies(0), ==, 0);
	CHECK_CMP(msecs_to_jiffies(1), >=, 1);
	CHECK_CMP(usecs_to_jiffies(1), >=, 1);
	CHECK_CMP(msecs_to_jiffies(1000), ==, HZ);
	CHECK_CMP(jiffies_to_msecs(HZ), ==, 1000);
	CHECK_CMP(jiffies_to_usecs(1), ==, 1000000 / HZ);
	CHECK_CMP(jiffies_to_msecs(msecs_to_jiffies(10)), >=, 10);
	return 0;
}

/*
 * How unevenly jiffies is seen to advance, in ns: over a run of observed
 * ticks, the largest gap between when a tick was expected (one TICK_NSEC
 * after the previous one) and when it was seen. A bound derived from what
 * this machine shows, never from a constant.
 */
u64 conform_jiffies_jitter_ns(void)
{
	unsigned long j = jiffies;
	ktime_t seen = 0, guard = ktime_add_ms(ktime_get(), 2000);
	u64 worst = 0;

	for (int ticks = 0; ticks < 12;) {
		unsigned long now = jiffies;
		ktime_t t;

		if (now == j) {
			if (ktime_after(ktime_get(), guard))
				return NSEC_PER_SEC; /* jiffies stalls: no tighter bound */
			cpu_relax();
			continue;
		}
		t = ktime_get();
		if (seen) {
			s64 gap = ktime_to_ns(ktime_sub(t, seen)) - (s64)(now - j) * TICK_NSEC;

			if (gap < 0)
				gap = -gap;
			if ((u64)gap > worst)
				worst = gap;
		}
		seen = t;
		j = now;
		ticks++;
	}
	return worst;
}

static const struct conform_case jiffies_cases[] = {
	{ "never_backwards", never_backwards },
	{ "advances_at_hz", advances_at_hz },
	{ "time_after_wraps", time_after_wraps },
	{ "conversions_round_up", conversions_round_up },
};
CONFORM_SUITE(jiffies, jiffies_cases);
