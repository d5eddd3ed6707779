/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/jiffies.h - the tick counter and its conversions. HZ is 250, as in
 * Debian's kernels, so a driver's timing arithmetic behaves as there.
 *
 * Emulation notes: there is no periodic tick. jiffies reads the monotonic
 * clock (a vDSO call, no system call) and scales it, so `jiffies` is an
 * expression, not a variable: code that takes its address does not build.
 * It starts five minutes before wrapping, as Linux's does, so drivers that
 * compare jiffies without time_after() show their bug early.
 */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H

#include <linux/compiler.h>
#include <linux/types.h>

#define HZ 250
#define USER_HZ 100
#define TICK_NSEC (1000000000UL / HZ)
#define MAX_JIFFY_OFFSET ((long)(~0UL >> 1) - 1)
#define INITIAL_JIFFIES ((unsigned long)(unsigned int)(-300 * HZ))

unsigned long uldd_jiffies(void);
u64 get_jiffies_64(void);

#define jiffies (uldd_jiffies())
#define jiffies_64 (get_jiffies_64())

/* Wrap-safe comparisons: a is after b. */
#define time_after(a, b) ((long)((b) - (a)) < 0)
#define time_before(a, b) time_after(b, a)
#define time_after_eq(a, b) ((long)((a) - (b)) >= 0)
#define time_before_eq(a, b) time_after_eq(b, a)
#define time_in_range(a, b, c) (time_after_eq(a, b) && time_before_eq(a, c))
#define time_is_before_jiffies(a) time_after(jiffies, a)
#define time_is_after_jiffies(a) time_before(jiffies, a)
#define time_is_before_eq_jiffies(a) time_after_eq(jiffies, a)
#define time_is_after_eq_jiffies(a) time_before_eq(jiffies, a)
#define time_after64(a, b) ((s64)((b) - (a)) < 0)
#define time_before64(a, b) time_after64(b, a)

static inline unsigned int jiffies_to_msecs(unsigned long j)
{
	return (unsigned int)(j * (1000 / HZ));
}

static inline unsigned int jiffies_to_usecs(unsigned long j)
{
	return (unsigned int)(j * (1000000 / HZ));
}

static inline u64 jiffies_to_nsecs(unsigned long j)
{
	return (u64)j * TICK_NSEC;
}

/* Rounds up, so a non-zero wait never becomes zero ticks. */
static inline unsigned long msecs_to_jiffies(unsigned int m)
{
	return (m + (1000 / HZ) - 1) / (1000 / HZ);
}

static inline unsigned long usecs_to_jiffies(unsigned int u)
{
	return (u + (1000000 / HZ) - 1) / (1000000 / HZ);
}

static inline unsigned long nsecs_to_jiffies(u64 n)
{
	return (unsigned long)((n + TICK_NSEC - 1) / TICK_NSEC);
}

#endif /* _LINUX_JIFFIES_H */
