// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * timer.c - timer_list: a timer never runs before jiffies reaches its
 * expiry, and not before the real time that stands for; callbacks run in
 * softirq context, once per arming; mod_timer and del_timer report whether
 * the timer was pending; del_timer_sync waits for a running callback; a
 * callback may re-arm its timer, or free it.
 */
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/preempt.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/timer.h>

#include "conform.h"

#define HANG_GUARD msecs_to_jiffies(10000) /* only turns a hang into a failure */

struct probe {
	struct timer_list timer;
	unsigned long armed_for; /* the expiry it was armed with */
	ktime_t armed_at;
	unsigned long seen_jiffies; /* jiffies as the callback saw it */
	ktime_t seen_at;
	int runs;
	bool softirq, hardirq, task, irqs_off;
	struct completion done;
};

static void probe_fn(struct timer_list *t)
{
	struct probe *p = from_timer(p, t, timer);

	p->seen_jiffies = jiffies;
	p->seen_at = ktime_get();
	p->softirq = in_serving_softirq();
	p->hardirq = in_hardirq();
	p->task = in_task();
	p->irqs_off = irqs_disabled();
	p->runs++;
	complete(&p->done);
}

static void probe_init(struct probe *p)
{
	memset(p, 0, sizeof(*p));
	init_completion(&p->done);
	timer_setup(&p->timer, probe_fn, 0);
}

static void probe_arm(struct probe *p, unsigned long ticks)
{
	p->armed_at = ktime_get();
	p->armed_for = jiffies + ticks;
	mod_timer(&p->timer, p->armed_for);
}

#define NPROBES 24
static struct probe probes[NPROBES];

/* Armed at phases spread over a tick, 0 to 5 ticks ahead. */
static int not_before_expiry(struct conform_dev *dev)
{
	int i;

	for (i = 0; i < NPROBES; i++) {
		probe_init(&probes[i]);
		probe_arm(&probes[i], i % 6);
		udelay(700);
	}
	for (i = 0; i < NPROBES; i++) {
		if (!wait_for_completion_timeout(&probes[i].done, HANG_GUARD))
			break;
	}
	for (int k = 0; k < NPROBES; k++)
		del_timer_sync(&probes[k].timer);
	CHECK_CMP(i, ==, NPROBES);
	for (i = 0; i < NPROBES; i++) {
		CHECK(time_after_eq(probes[i].seen_jiffies, probes[i].armed_for));
		CHECK_CMP(probes[i].runs, ==, 1);
	}
	return 0;
}

/*
 * n ticks ahead is at least n - 1 whole ticks of real time away (the tick
 * in progress may be nearly over), less how unevenly this machine ticks.
 */
static int not_before_real_time(struct conform_dev *dev)
{
	s64 slack = conform_jiffies_jitter_ns();

	for (unsigned long n = 2; n <= 6; n++) {
		struct probe *p = &probes[0];

		probe_init(p);
		probe_arm(p, n);
		if (!wait_for_completion_timeout(&p->done, HANG_GUARD)) {
			del_timer_sync(&p->timer);
			CHECK(!"the timer never ran");
		}
		CHECK_CMP(ktime_to_ns(ktime_sub(p->seen_at, p->armed_at)), >=,
			  (s64)(n - 1) * TICK_NSEC - slack);
	}
	return 0;
}

static int runs_in_softirq(struct conform_dev *dev)
{
	struct probe *p = &probes[0];

	probe_init(p);
	probe_arm(p, 1);
	CHECK(wait_for_completion_timeout(&p->done, HANG_GUARD));
	CHECK(p->softirq);
	CHECK(!p->hardirq);
	CHECK(!p->task);
	CHECK(!p->irqs_off);
	return 0;
}

static int pending_reported(struct conform_dev *dev)
{
	struct probe *p = &probes[0];

	probe_init(p);
	CHECK(!timer_pending(&p->timer));
	CHECK_CMP(del_timer(&p->timer), ==, 0);
	CHECK_CMP(mod_timer(&p->timer, jiffies + HZ), ==, 0);
	CHECK(timer_pending(&p->timer));
	CHECK_CMP(mod_timer(&p->timer, jiffies + 2 * HZ), ==, 1);
	CHECK_CMP(del_timer(&p->timer), ==, 1);
	CHECK(!timer_pending(&p->timer));
	CHECK_CMP(del_timer_sync(&p->timer), ==, 0);
	CHECK_CMP(p->runs, ==, 0);
	return 0;
}

/* Moved later, it does not run at the first expiry. */
static int mod_timer_moves_later(struct conform_dev *dev)
{
	struct probe *p = &probes[0];

	probe_init(p);
	probe_arm(p, 2);
	p->armed_for = jiffies + 10;
	CHECK_CMP(mod_timer(&p->timer, p->armed_for), ==, 1);
	CHECK(wait_for_completion_timeout(&p->done, HANG_GUARD));
	CHECK(time_after_eq(p->seen_jiffies, p->armed_for));
	msleep(20);
	CHECK_CMP(p->runs, ==, 1);
	return 0;
}

static int timer_reduce_only_earlier(struct conform_dev *dev)
{
	struct probe *p = &probes[0];
	unsigned long far = jiffies + 100 * HZ;

	probe_init(p);
	CHECK_CMP(mod_timer(&p->timer, far), ==, 0);
	CHECK_CMP(timer_reduce(&p->timer, far + HZ), ==, 1);
	CHECK_CMP(p->timer.expires, ==, far);
	CHECK_CMP(timer_reduce(&p->timer, far - HZ), ==, 1);
	CHECK_CMP(p->timer.expires, ==, far - HZ);
	CHECK_CMP(del_timer_sync(&p->timer), ==, 1);
	return 0;
}

static int busy_started, busy_ended;

/* A softirq cannot sleep: it keeps its CPU busy for 30 ms. */
static void busy_fn(struct timer_list *t)
{
	WRITE_ONCE(busy_started, 1);
	mdelay(30);
	WRITE_ONCE(busy_ended, 1);
}

static int del_timer_sync_waits(struct conform_dev *dev)
{
	struct timer_list *t = &probes[0].timer;
	unsigned long guard = jiffies + HANG_GUARD;

	WRITE_ONCE(busy_started, 0);
	WRITE_ONCE(busy_ended, 0);
	timer_setup(t, busy_fn, 0);
	mod_timer(t, jiffies + 1);
	while (!READ_ONCE(busy_started) && time_before(jiffies, guard))
		usleep_range(100, 200);
	CHECK(READ_ONCE(busy_started));
	CHECK_CMP(del_timer_sync(t), ==, 0);
	CHECK(READ_ONCE(busy_ended));
	return 0;
}

static int rearms;
static DECLARE_COMPLETION(rearm_done);

static void rearm_fn(struct timer_list *t)
{
	if (++rearms < 5)
		mod_timer(t, jiffies + 1);
	else
		complete(&rearm_done);
}

static int rearm_from_callback(struct conform_dev *dev)
{
	struct timer_list *t = &probes[0].timer;

	rearms = 0;
	reinit_completion(&rearm_done);
	timer_setup(t, rearm_fn, 0);
	mod_timer(t, jiffies + 1);
	CHECK(wait_for_completion_timeout(&rearm_done, HANG_GUARD));
	msleep(20);
	CHECK_CMP(rearms, ==, 5);
	CHECK(!timer_pending(t));
	return 0;
}

/*
 * A callback may free the object its timer lives in: whatever runs timers
 * must not touch the timer after calling it. The memory is handed out
 * again at once and filled, so a later touch would read garbage.
 */
struct owned {
	struct timer_list timer;
	char pad[200];
};

static void *reused;
static int context_after;
static DECLARE_COMPLETION(owned_done);

static void owned_fn(struct timer_list *t)
{
	struct owned *o = from_timer(o, t, timer);

	kfree(o);
	reused = kmalloc(sizeof(*o), GFP_ATOMIC);
	if (reused)
		memset(reused, 0xa5, sizeof(*o));
	complete(&owned_done);
}

/* The next callback must find its context as a fresh one would. */
static void after_fn(struct timer_list *t)
{
	context_after = softirq_count() == SOFTIRQ_OFFSET && !in_hardirq() && !irqs_disabled();
	complete(&owned_done);
}

static int callback_frees_timer(struct conform_dev *dev)
{
	struct owned *o = kzalloc(sizeof(*o), GFP_KERNEL);
	struct timer_list *after = &probes[0].timer;
	unsigned long when = jiffies + 2;

	CHECK(o);
	reinit_completion(&owned_done);
	reused = NULL;
	context_after = 0;
	timer_setup(&o->timer, owned_fn, 0);
	timer_setup(after, after_fn, 0);
	/* Due together, in this order: the second runs right after the first. */
	mod_timer(&o->timer, when);
	mod_timer(after, when);
	wait_for_completion_timeout(&owned_done, HANG_GUARD);
	if (!wait_for_completion_timeout(&owned_done, HANG_GUARD))
		del_timer_sync(after);
	kfree(reused);
	CHECK(context_after);
	return 0;
}

static const struct conform_case timer_cases[] = {
	{ "not_before_expiry", not_before_expiry },
	{ "not_before_real_time", not_before_real_time },
	{ "runs_in_softirq", runs_in_softirq },
	{ "pending_reported", pending_reported },
	{ "mod_timer_moves_later", mod_timer_moves_later },
	{ "timer_reduce_only_earlier", timer_reduce_only_earlier },
	{ "del_timer_sync_waits", del_timer_sync_waits },
	{ "rearm_from_callback", rearm_from_callback },
	{ "callback_frees_timer", callback_frees_timer },
};
CONFORM_SUITE(timer, timer_cases);
