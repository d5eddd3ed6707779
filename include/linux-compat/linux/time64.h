/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/time64.h - struct timespec64, a time as seconds and nanoseconds,
 * and its conversions to and from a count of nanoseconds. Pure arithmetic.
 */
#ifndef _LINUX_TIME64_H
#define _LINUX_TIME64_H

#include <linux/math64.h>
#include <linux/types.h>
#include <vdso/time64.h>

typedef s64 time64_t;

struct timespec64 {
	time64_t tv_sec;
	long tv_nsec;
};

#define KTIME_MAX ((s64) ~((u64)1 << 63))
#define KTIME_SEC_MAX (KTIME_MAX / NSEC_PER_SEC)

static inline s64 timespec64_to_ns(const struct timespec64 *ts)
{
	/* Linux saturates rather than wrap past the largest ktime_t. */
	if (ts->tv_sec >= KTIME_SEC_MAX)
		return KTIME_MAX;
	if (ts->tv_sec <= -KTIME_SEC_MAX)
		return -KTIME_MAX;
	return ts->tv_sec * NSEC_PER_SEC + ts->tv_nsec;
}

/* The nanoseconds field is always 0..NSEC_PER_SEC-1, for negative nsec too. */
static inline struct timespec64 ns_to_timespec64(s64 nsec)
{
	struct timespec64 ts = { 0, 0 };
	s64 sec = nsec / NSEC_PER_SEC;
	s64 rem = nsec % NSEC_PER_SEC;

	if (rem < 0) {
		sec--;
		rem += NSEC_PER_SEC;
	}
	ts.tv_sec = sec;
	ts.tv_nsec = (long)rem;
	return ts;
}

static inline bool timespec64_valid(const struct timespec64 *ts)
{
	return ts->tv_sec >= 0 && (unsigned long)ts->tv_nsec < NSEC_PER_SEC;
}

#endif /* _LINUX_TIME64_H */
