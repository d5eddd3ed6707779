/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/timecounter.h - a free-running hardware counter (a cyclecounter:
 * read function, width mask, mult/shift to nanoseconds) turned into a
 * 64-bit nanosecond clock (a timecounter) that survives the counter's
 * wrap as long as it is read at least once per wrap. The fractional
 * nanoseconds are carried between reads, so no rounding error builds up.
 * Not locked: the caller serialises reads of one timecounter, as in Linux.
 */
#ifndef _LINUX_TIMECOUNTER_H
#define _LINUX_TIMECOUNTER_H

#include <linux/types.h>

#define CYCLECOUNTER_MASK(bits) (u64)((bits) < 64 ? ((1ULL << (bits)) - 1) : ~0ULL)

struct cyclecounter {
	u64 (*read)(const struct cyclecounter *cc);
	u64 mask;
	u32 mult;
	u32 shift;
};

struct timecounter {
	const struct cyclecounter *cc;
	u64 cycle_last;
	u64 nsec;
	u64 mask; /* the sub-nanosecond bits of cycles * mult */
	u64 frac;
};

/* cycles to nanoseconds, adding *frac in and leaving the new remainder there. */
static inline u64 cyclecounter_cyc2ns(const struct cyclecounter *cc, u64 cycles, u64 mask,
				      u64 *frac)
{
	u64 ns = cycles * cc->mult + *frac;

	*frac = ns & mask;
	return ns >> cc->shift;
}

static inline void timecounter_adjtime(struct timecounter *tc, s64 delta)
{
	tc->nsec += (u64)delta;
}

void timecounter_init(struct timecounter *tc, const struct cyclecounter *cc, u64 start_tstamp);
u64 timecounter_read(struct timecounter *tc);
u64 timecounter_cyc2time(const struct timecounter *tc, u64 cycle_tstamp);

#endif /* _LINUX_TIMECOUNTER_H */
