// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * kernel/time/delay.c - delays: busy-waits spin on the monotonic clock
 * holding the vCPU (any context); sleeps park the task until an absolute
 * deadline through the scheduler, so they free the vCPU and are not
 * rounded to jiffies.
 */
#include <asm/processor.h>
#include <linux/delay.h>
#include <linux/sched.h>

#include "../../core/door.h"

void __ndelay(unsigned long nsecs)
{
	u64 end = uhost_clock_ns() + nsecs;

	while (uhost_clock_ns() < end)
		cpu_relax();
}

void __udelay(unsigned long usecs)
{
	__ndelay(usecs * 1000UL);
}

/* Only a wake-up the sleeper did not ask for ends the sleep early: sleep on. */
static void sleep_until_deadline(u64 deadline, unsigned int state)
{
	do {
		__set_current_state(state);
	} while (uldd_schedule_until(deadline));
}

void msleep(unsigned int msecs)
{
	sleep_until_deadline(uhost_clock_ns() + (u64)msecs * 1000000, TASK_UNINTERRUPTIBLE);
}

unsigned long msleep_interruptible(unsigned int msecs)
{
	sleep_until_deadline(uhost_clock_ns() + (u64)msecs * 1000000, TASK_INTERRUPTIBLE);
	return 0;
}

void usleep_range_state(unsigned long min, unsigned long max, unsigned int state)
{
	(void)max;
	sleep_until_deadline(uhost_clock_ns() + (u64)min * 1000, state);
}
