/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/hrtimer.h - high-resolution timers: nanosecond deadlines on the
 * monotonic clock, queued on the same list and run by the same thread as
 * timer_list (kernel/time/timer.c), so callbacks never run concurrently.
 *
 * Emulation notes: every clock id is CLOCK_MONOTONIC. Callbacks of the
 * HRTIMER_MODE_*_SOFT modes run in softirq context, the others in hardirq
 * context (preempt_count has HARDIRQ_OFFSET), as in Linux, but both on
 * the timer thread; a callback is late by the host's wake-up latency
 * (tens of microseconds). Pinned modes ignore the CPU.
 */
#ifndef _LINUX_HRTIMER_H
#define _LINUX_HRTIMER_H

#include <linux/ktime.h>
#include <linux/timer.h>
#include <linux/types.h>

#ifndef CLOCK_REALTIME
#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_BOOTTIME 7
#define CLOCK_TAI 11
#endif

enum hrtimer_mode {
	HRTIMER_MODE_ABS = 0x00,
	HRTIMER_MODE_REL = 0x01,
	HRTIMER_MODE_PINNED = 0x02,
	HRTIMER_MODE_SOFT = 0x04,
	HRTIMER_MODE_HARD = 0x08,
	HRTIMER_MODE_ABS_PINNED = HRTIMER_MODE_ABS | HRTIMER_MODE_PINNED,
	HRTIMER_MODE_REL_PINNED = HRTIMER_MODE_REL | HRTIMER_MODE_PINNED,
	HRTIMER_MODE_ABS_SOFT = HRTIMER_MODE_ABS | HRTIMER_MODE_SOFT,
	HRTIMER_MODE_REL_SOFT = HRTIMER_MODE_REL | HRTIMER_MODE_SOFT,
	HRTIMER_MODE_ABS_HARD = HRTIMER_MODE_ABS | HRTIMER_MODE_HARD,
	HRTIMER_MODE_REL_HARD = HRTIMER_MODE_REL | HRTIMER_MODE_HARD,
};

enum hrtimer_restart {
	HRTIMER_NORESTART,
	HRTIMER_RESTART,
};

typedef int clockid_t;

struct hrtimer {
	struct uldd_tnode uldd_node;
	ktime_t uldd_expires; /* the deadline hrtimer_forward*() move */
	enum hrtimer_restart (*function)(struct hrtimer *);
};

void hrtimer_init(struct hrtimer *timer, clockid_t which_clock, enum hrtimer_mode mode);
void hrtimer_setup(struct hrtimer *timer, enum hrtimer_restart (*function)(struct hrtimer *),
		   clockid_t clock_id, enum hrtimer_mode mode);
void hrtimer_start_range_ns(struct hrtimer *timer, ktime_t tim, u64 delta_ns,
			    const enum hrtimer_mode mode);

static inline void hrtimer_start(struct hrtimer *timer, ktime_t tim, const enum hrtimer_mode mode)
{
	hrtimer_start_range_ns(timer, tim, 0, mode);
}

/* 1 if it was pending, 0 if not, -1 while its callback runs. */
int hrtimer_try_to_cancel(struct hrtimer *timer);
/* Waits for a running callback: 1 if it was pending, else 0. */
int hrtimer_cancel(struct hrtimer *timer);
/* Moves the deadline forward by whole intervals past now: their count. */
u64 hrtimer_forward(struct hrtimer *timer, ktime_t now, ktime_t interval);
u64 hrtimer_forward_now(struct hrtimer *timer, ktime_t interval);

static inline bool hrtimer_active(const struct hrtimer *timer)
{
	return READ_ONCE(timer->uldd_node.entry.next) != NULL ||
	       uldd_tnode_running((struct uldd_tnode *)&timer->uldd_node);
}

static inline bool hrtimer_is_queued(const struct hrtimer *timer)
{
	return READ_ONCE(timer->uldd_node.entry.next) != NULL;
}

static inline bool hrtimer_callback_running(const struct hrtimer *timer)
{
	return uldd_tnode_running((struct uldd_tnode *)&timer->uldd_node);
}

static inline ktime_t hrtimer_get_expires(const struct hrtimer *timer)
{
	return timer->uldd_expires;
}

static inline void hrtimer_set_expires(struct hrtimer *timer, ktime_t time)
{
	timer->uldd_expires = time;
}

static inline ktime_t hrtimer_get_remaining(const struct hrtimer *timer)
{
	return ktime_sub(timer->uldd_expires, ktime_get());
}

static inline void hrtimer_restart(struct hrtimer *timer)
{
	hrtimer_start(timer, timer->uldd_expires, HRTIMER_MODE_ABS);
}

/* Sleep until expires (or a wake-up): 0 when it passed, -EINTR if woken. */
int schedule_hrtimeout(ktime_t *expires, const enum hrtimer_mode mode);
int schedule_hrtimeout_range(ktime_t *expires, u64 delta, const enum hrtimer_mode mode);

#endif /* _LINUX_HRTIMER_H */
