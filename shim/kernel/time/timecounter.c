// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * kernel/time/timecounter.c - timecounters over a driver's cyclecounter
 * (linux/timecounter.h). No lock of its own: the driver serialises the
 * calls on one timecounter, as Linux asks.
 */
#include <linux/timecounter.h>

void timecounter_init(struct timecounter *tc, const struct cyclecounter *cc, u64 start_tstamp)
{
	tc->cc = cc;
	tc->cycle_last = cc->read(cc);
	tc->nsec = start_tstamp;
	tc->mask = (1ULL << cc->shift) - 1;
	tc->frac = 0;
}

/* The nanoseconds since the last call; the counter must not wrap twice. */
static u64 timecounter_read_delta(struct timecounter *tc)
{
	const struct cyclecounter *cc = tc->cc;
	u64 now = cc->read(cc);
	u64 delta = (now - tc->cycle_last) & cc->mask;

	tc->cycle_last = now;
	return cyclecounter_cyc2ns(cc, delta, tc->mask, &tc->frac);
}

u64 timecounter_read(struct timecounter *tc)
{
	tc->nsec += timecounter_read_delta(tc);
	return tc->nsec;
}

/*
 * A counter value up to half a wrap behind the last read is taken as in
 * the past (a timestamp latched before it), anything else as ahead of it:
 * the documented rule that lets a driver convert a latched timestamp after
 * the timecounter has moved on.
 */
u64 timecounter_cyc2time(const struct timecounter *tc, u64 cycle_tstamp)
{
	const struct cyclecounter *cc = tc->cc;
	u64 delta = (cycle_tstamp - tc->cycle_last) & cc->mask;
	u64 frac = tc->frac;

	if (delta > cc->mask / 2) {
		delta = (tc->cycle_last - cycle_tstamp) & cc->mask;
		return tc->nsec - ((delta * cc->mult - frac) >> cc->shift);
	}
	return tc->nsec + cyclecounter_cyc2ns(cc, delta, tc->mask, &frac);
}
