// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * kernel/time/hrtimer.c - hrtimers on the timer thread of timer.c: each is
 * a node with a nanosecond deadline; a callback that returns
 * HRTIMER_RESTART is queued again at its (forwarded) deadline, unless it
 * re-armed itself already. schedule_hrtimeout sleeps to a deadline.
 */
#include <linux/errno.h>
#include <linux/hrtimer.h>
#include <linux/kernel.h>
#include <linux/preempt.h>
#include <linux/sched.h>

#include "../../debug/lockdep.h"

static void hrtimer_fire(struct uldd_tnode *node)
{
	struct hrtimer *timer = container_of(node, struct hrtimer, uldd_node);
	enum hrtimer_restart (*fn)(struct hrtimer *) = timer->function;
	unsigned int held = uldd_lockdep_cb_enter();
	enum hrtimer_restart r = fn(timer);

	uldd_lockdep_cb_exit(held, "hrtimer callback", fn);
	if (r == HRTIMER_RESTART && !hrtimer_is_queued(timer))
		uldd_tnode_arm(node, (u64)timer->uldd_expires, false);
}

void hrtimer_init(struct hrtimer *timer, clockid_t which_clock, enum hrtimer_mode mode)
{
	(void)which_clock;
	timer->uldd_node.entry.next = NULL;
	timer->uldd_node.entry.prev = NULL;
	timer->uldd_node.expires_ns = 0;
	timer->uldd_node.fire = hrtimer_fire;
	timer->uldd_node.ctx_offset = (mode & HRTIMER_MODE_SOFT) ? SOFTIRQ_OFFSET : HARDIRQ_OFFSET;
	timer->uldd_node.on_jiffies = false;
	timer->uldd_node.shut_down = false;
	timer->uldd_expires = 0;
	timer->function = NULL;
}

void hrtimer_setup(struct hrtimer *timer, enum hrtimer_restart (*function)(struct hrtimer *),
		   clockid_t clock_id, enum hrtimer_mode mode)
{
	hrtimer_init(timer, clock_id, mode);
	timer->function = function;
}

static ktime_t abs_time(ktime_t tim, enum hrtimer_mode mode)
{
	if (mode & HRTIMER_MODE_REL)
		tim = ktime_add(ktime_get(), tim);
	return tim < 0 ? 0 : tim;
}

/* The slack is not used: the host's timer wake-up is precise enough. */
void hrtimer_start_range_ns(struct hrtimer *timer, ktime_t tim, u64 delta_ns,
			    const enum hrtimer_mode mode)
{
	(void)delta_ns;
	timer->uldd_expires = abs_time(tim, mode);
	uldd_tnode_arm(&timer->uldd_node, (u64)timer->uldd_expires, false);
}

int hrtimer_try_to_cancel(struct hrtimer *timer)
{
	return uldd_tnode_try_del(&timer->uldd_node);
}

int hrtimer_cancel(struct hrtimer *timer)
{
	return uldd_tnode_del_sync(&timer->uldd_node);
}

u64 hrtimer_forward(struct hrtimer *timer, ktime_t now, ktime_t interval)
{
	ktime_t delta = ktime_sub(now, timer->uldd_expires);
	u64 orun;

	if (delta < 0 || interval <= 0)
		return 0;
	orun = (u64)(delta / interval) + 1;
	timer->uldd_expires = ktime_add(timer->uldd_expires, (ktime_t)orun * interval);
	return orun;
}

u64 hrtimer_forward_now(struct hrtimer *timer, ktime_t interval)
{
	return hrtimer_forward(timer, ktime_get(), interval);
}

int schedule_hrtimeout_range(ktime_t *expires, u64 delta, const enum hrtimer_mode mode)
{
	(void)delta;
	if (!expires) {
		schedule();
		return -EINTR;
	}
	return uldd_schedule_until((u64)abs_time(*expires, mode));
}

int schedule_hrtimeout(ktime_t *expires, const enum hrtimer_mode mode)
{
	return schedule_hrtimeout_range(expires, 0, mode);
}
