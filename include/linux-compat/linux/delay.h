/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/delay.h - busy-waits (udelay, ndelay, mdelay), which spin on the
 * monotonic clock keeping the virtual CPU, and sleeps (msleep,
 * usleep_range, fsleep), which give the virtual CPU back until a deadline.
 *
 * Emulation notes: sleeps end at their deadline on the monotonic clock,
 * not on a tick: msleep(1) sleeps about 1 ms (Linux: one to two jiffies),
 * usleep_range(min, max) sleeps min microseconds plus the host's wake-up
 * latency and never uses the slack. msleep_interruptible() always returns
 * 0, as there are no signals. A busy-wait in a task may be longer than
 * asked if the host preempts the thread, as a vCPU can be preempted.
 */
#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H

#include <linux/sched.h>
#include <linux/types.h>

#define MAX_UDELAY_MS 5

void __ndelay(unsigned long nsecs);
void __udelay(unsigned long usecs);
#define ndelay(n) __ndelay(n)
#define udelay(n) __udelay(n)
#define mdelay(n) __ndelay((unsigned long)(n)*1000000UL)

void msleep(unsigned int msecs);
unsigned long msleep_interruptible(unsigned int msecs);
void usleep_range_state(unsigned long min, unsigned long max, unsigned int state);

static inline void ssleep(unsigned int seconds)
{
	msleep(seconds * 1000);
}

static inline void usleep_range(unsigned long min, unsigned long max)
{
	usleep_range_state(min, max, TASK_UNINTERRUPTIBLE);
}

static inline void usleep_idle_range(unsigned long min, unsigned long max)
{
	usleep_range_state(min, max, TASK_IDLE);
}

/* The documented choice (timers-howto.rst): spin below 10 us, else sleep. */
static inline void fsleep(unsigned long usecs)
{
	if (usecs <= 10)
		udelay(usecs);
	else if (usecs < 20000)
		usleep_range(usecs, 2 * usecs);
	else
		msleep((unsigned int)((usecs + 999) / 1000));
}

#endif /* _LINUX_DELAY_H */
