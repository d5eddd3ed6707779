// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * delay.c - sleeps: usleep_range sleeps at least its minimum; msleep at
 * least its milliseconds (a jiffies-based sleep: less how unevenly this
 * machine ticks); schedule_timeout returns 0 after the full timeout, or the
 * jiffies left when woken early. Not the length of udelay and mdelay: the
 * kernel's own busy-waits run short against ktime on an emulated machine
 * (udelay(150) took 79 us under TCG), so that is no guarantee to hold.
 */
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/sched.h>
#include <linux/timer.h>

#include "conform.h"

static int usleep_range_at_least(struct conform_dev *dev)
{
	for (unsigned long us = 50; us <= 3200; us *= 2) {
		ktime_t t0 = ktime_get();

		usleep_range(us, us + 100);
		CHECK_CMP(ktime_to_ns(ktime_sub(ktime_get(), t0)), >=, us * NSEC_PER_USEC);
	}
	return 0;
}

static int msleep_at_least(struct conform_dev *dev)
{
	s64 slack = conform_jiffies_jitter_ns();

	for (unsigned int ms = 1; ms <= 21; ms += 5) {
		ktime_t t0 = ktime_get();

		msleep(ms);
		CHECK_CMP(ktime_to_ns(ktime_sub(ktime_get(), t0)), >=,
			  (s64)ms * NSEC_PER_MSEC - slack);
	}
	return 0;
}

static int schedule_timeout_full(struct conform_dev *dev)
{
	unsigned long j0 = jiffies;
	long left;

	set_current_state(TASK_UNINTERRUPTIBLE);
	left = schedule_timeout(5);
	CHECK_CMP(left, ==, 0);
	CHECK(time_after_eq(jiffies, j0 + 5));
	CHECK_CMP(READ_ONCE(current->__state), ==, TASK_RUNNING);
	return 0;
}

static struct task_struct *sleeper;
static struct timer_list waker;

static void wake_fn(struct timer_list *t)
{
	wake_up_process(sleeper);
}

static int schedule_timeout_woken(struct conform_dev *dev)
{
	long left;

	sleeper = current;
	timer_setup(&waker, wake_fn, 0);
	set_current_state(TASK_UNINTERRUPTIBLE);
	mod_timer(&waker, jiffies + 2);
	left = schedule_timeout(10 * HZ);
	del_timer_sync(&waker);
	__set_current_state(TASK_RUNNING);
	CHECK_CMP(left, >, 0);
	CHECK_CMP(left, <=, 10 * HZ);
	return 0;
}

static const struct conform_case delay_cases[] = {
	{ "usleep_range_at_least", usleep_range_at_least },
	{ "msleep_at_least", msleep_at_least },
	{ "schedule_timeout_full", schedule_timeout_full },
	{ "schedule_timeout_woken", schedule_timeout_woken },
};
CONFORM_SUITE(delay, delay_cases);
