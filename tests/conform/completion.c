// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * completion.c - completions (Documentation/scheduler/completion.rst): each
 * complete() lets one wait through, whether it came before the wait or
 * during it (done counts them), and wakes waiters in the order they came;
 * complete_all() lets every waiter through, present and future, until
 * reinit_completion(); a wait with a timeout returns 0 when the time ran
 * out, else the jiffies left of it, at least 1 (all of it when already
 * done); the interruptible and killable forms return 0 when completed;
 * each form sleeps in the task state it names (TASK_KILLABLE, ...);
 * try_wait_for_completion() takes one without sleeping, completion_done()
 * only looks; complete() may come from interrupt context.
 */
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/err.h>
#include <linux/hrtimer.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/timer.h>

#include "conform.h"

static struct completion gate;

static int done_counts(struct conform_dev *dev)
{
	init_completion(&gate);
	CHECK(!completion_done(&gate));
	CHECK(!try_wait_for_completion(&gate));
	complete(&gate);
	complete(&gate);
	complete(&gate);
	CHECK(completion_done(&gate));
	CHECK(try_wait_for_completion(&gate));
	/* Done at the call: no sleep, and all of the timeout is left. */
	CHECK_CMP(wait_for_completion_timeout(&gate, 5), ==, 5);
	wait_for_completion(&gate);
	CHECK(!completion_done(&gate));
	CHECK(!try_wait_for_completion(&gate));
	return 0;
}

static int complete_all_stays_done(struct conform_dev *dev)
{
	init_completion(&gate);
	complete_all(&gate);
	for (int i = 0; i < 100; i++)
		CHECK(try_wait_for_completion(&gate));
	wait_for_completion(&gate);
	CHECK(completion_done(&gate));
	CHECK_CMP(wait_for_completion_timeout(&gate, 7), ==, 7);
	CHECK_CMP(wait_for_completion_timeout(&gate, 0), ==, 1);
	CHECK_CMP(wait_for_completion_interruptible(&gate), ==, 0);
	CHECK_CMP(wait_for_completion_interruptible_timeout(&gate, 9), ==, 9);
	CHECK_CMP(wait_for_completion_killable(&gate), ==, 0);
	CHECK_CMP(wait_for_completion_killable_timeout(&gate, 11), ==, 11);
	wait_for_completion_io(&gate);
	CHECK_CMP(wait_for_completion_io_timeout(&gate, 13), ==, 13);
	CHECK(completion_done(&gate));
	reinit_completion(&gate);
	CHECK(!completion_done(&gate));
	CHECK(!try_wait_for_completion(&gate));
	CHECK_CMP(wait_for_completion_timeout(&gate, 0), ==, 0);
	return 0;
}

static int timeout_returns_zero(struct conform_dev *dev)
{
	unsigned long j0;

	init_completion(&gate);
	j0 = jiffies;
	CHECK_CMP(wait_for_completion_timeout(&gate, 3), ==, 0);
	CHECK(time_after_eq(jiffies, j0 + 3));
	j0 = jiffies;
	CHECK_CMP(wait_for_completion_interruptible_timeout(&gate, 3), ==, 0);
	CHECK(time_after_eq(jiffies, j0 + 3));
	j0 = jiffies;
	CHECK_CMP(wait_for_completion_killable_timeout(&gate, 3), ==, 0);
	CHECK(time_after_eq(jiffies, j0 + 3));
	j0 = jiffies;
	CHECK_CMP(wait_for_completion_io_timeout(&gate, 3), ==, 0);
	CHECK(time_after_eq(jiffies, j0 + 3));
	CHECK(!completion_done(&gate));
	return 0;
}

static struct timer_list soft_completer;
static struct hrtimer hard_completer;
static bool completer_ctx_ok;

static void soft_complete_fn(struct timer_list *t)
{
	completer_ctx_ok = in_serving_softirq();
	complete(&gate);
}

static enum hrtimer_restart hard_complete_fn(struct hrtimer *t)
{
	completer_ctx_ok = in_hardirq();
	complete(&gate);
	return HRTIMER_NORESTART;
}

/* Completed from a timer (softirq), then from an hrtimer (hard irq). */
static int remaining_when_completed(struct conform_dev *dev)
{
	long left;

	init_completion(&gate);
	completer_ctx_ok = false;
	timer_setup(&soft_completer, soft_complete_fn, 0);
	mod_timer(&soft_completer, jiffies + 2);
	left = wait_for_completion_timeout(&gate, 10 * HZ);
	del_timer_sync(&soft_completer);
	CHECK_CMP(left, >, 0);
	CHECK_CMP(left, <=, 10 * HZ);
	CHECK(completer_ctx_ok);

	init_completion(&gate);
	completer_ctx_ok = false;
	hrtimer_init(&hard_completer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	hard_completer.function = hard_complete_fn;
	hrtimer_start(&hard_completer, ns_to_ktime(5 * NSEC_PER_MSEC), HRTIMER_MODE_REL);
	left = wait_for_completion_interruptible_timeout(&gate, 10 * HZ);
	hrtimer_cancel(&hard_completer);
	CHECK_CMP(left, >, 0);
	CHECK_CMP(left, <=, 10 * HZ);
	CHECK(completer_ctx_ok);
	return 0;
}

#define NWAITERS 4
static struct task_struct *waiters[NWAITERS];
static int order[NWAITERS];
static atomic_t passed;

static int waiter_fn(void *data)
{
	int id = (int)(long)data;

	wait_for_completion(&gate);
	order[atomic_inc_return(&passed) - 1] = id;
	conform_idle_until_stopped();
	return 0;
}

/* Waiter i in wait_for_completion(): asleep, after it was seen running. */
static bool asleep(int i)
{
	return READ_ONCE(waiters[i]->__state) == TASK_UNINTERRUPTIBLE;
}

/* Starts the waiters one by one, each queued before the next comes. */
static int start_waiters(void)
{
	atomic_set(&passed, 0);
	for (int i = 0; i < NWAITERS; i++) {
		waiters[i] = kthread_run(waiter_fn, (void *)(long)i, "conform-cw%d", i);
		CHECK(!IS_ERR(waiters[i]));
		CHECK(conform_wait_until(asleep(i)));
	}
	return 0;
}

static void stop_waiters(void)
{
	complete_all(&gate);
	for (int i = 0; i < NWAITERS; i++) {
		if (!IS_ERR_OR_NULL(waiters[i]))
			kthread_stop(waiters[i]);
		waiters[i] = NULL;
	}
}

/* Each complete() lets exactly one through, the longest waiting first. */
static int complete_wakes_one_in_order(struct conform_dev *dev)
{
	int ret;

	init_completion(&gate);
	ret = start_waiters();
	for (int n = 1; !ret && n <= NWAITERS; n++) {
		complete(&gate);
		if (!conform_wait_until(atomic_read(&passed) >= n))
			break;
		msleep(10); /* room for a second one to pass, wrongly */
		if (atomic_read(&passed) != n)
			break;
	}
	stop_waiters();
	if (ret)
		return ret;
	CHECK_CMP(atomic_read(&passed), ==, NWAITERS);
	for (int i = 0; i < NWAITERS; i++)
		CHECK_CMP(order[i], ==, i);
	return 0;
}

static int complete_all_wakes_all(struct conform_dev *dev)
{
	int ret, got;

	init_completion(&gate);
	ret = start_waiters();
	if (!ret) {
		complete_all(&gate);
		conform_wait_until(atomic_read(&passed) == NWAITERS);
	}
	got = atomic_read(&passed);
	stop_waiters();
	if (ret)
		return ret;
	CHECK_CMP(got, ==, NWAITERS);
	CHECK(completion_done(&gate));
	return 0;
}

/* Each form sleeps in the state completion.rst gives it. */
enum form {
	PLAIN,
	INTERRUPTIBLE,
	KILLABLE,
	TIMEOUT,
	INTERRUPTIBLE_TIMEOUT,
	KILLABLE_TIMEOUT,
	IO,
	IO_TIMEOUT,
	NFORMS
};
static const unsigned int form_state[NFORMS] = {
	[PLAIN] = TASK_UNINTERRUPTIBLE,
	[INTERRUPTIBLE] = TASK_INTERRUPTIBLE,
	[KILLABLE] = TASK_KILLABLE,
	[TIMEOUT] = TASK_UNINTERRUPTIBLE,
	[INTERRUPTIBLE_TIMEOUT] = TASK_INTERRUPTIBLE,
	[KILLABLE_TIMEOUT] = TASK_KILLABLE,
	[IO] = TASK_UNINTERRUPTIBLE,
	[IO_TIMEOUT] = TASK_UNINTERRUPTIBLE,
};
static bool form_started;

static int form_waiter_fn(void *data)
{
	WRITE_ONCE(form_started, true);
	switch ((enum form)(long)data) {
	case PLAIN:
		wait_for_completion(&gate);
		break;
	case INTERRUPTIBLE:
		wait_for_completion_interruptible(&gate);
		break;
	case KILLABLE:
		wait_for_completion_killable(&gate);
		break;
	case TIMEOUT:
		wait_for_completion_timeout(&gate, 100 * HZ);
		break;
	case INTERRUPTIBLE_TIMEOUT:
		wait_for_completion_interruptible_timeout(&gate, 100 * HZ);
		break;
	case KILLABLE_TIMEOUT:
		wait_for_completion_killable_timeout(&gate, 100 * HZ);
		break;
	case IO:
		wait_for_completion_io(&gate);
		break;
	default:
		wait_for_completion_io_timeout(&gate, 100 * HZ);
		break;
	}
	conform_idle_until_stopped();
	return 0;
}

static bool form_asleep(struct task_struct *k)
{
	return READ_ONCE(form_started) && READ_ONCE(k->__state) != TASK_RUNNING;
}

static int waits_in_their_state(struct conform_dev *dev)
{
	unsigned int state[NFORMS];

	for (int f = 0; f < NFORMS; f++) {
		struct task_struct *k;

		init_completion(&gate);
		WRITE_ONCE(form_started, false);
		k = kthread_run(form_waiter_fn, (void *)(long)f, "conform-cs%d", f);
		CHECK(!IS_ERR(k));
		conform_wait_until(form_asleep(k));
		state[f] = READ_ONCE(k->__state);
		complete(&gate);
		kthread_stop(k);
	}
	for (int f = 0; f < NFORMS; f++)
		CHECK_CMP(state[f], ==, form_state[f]);
	return 0;
}

/* What the completer wrote before complete() is there for the waiter. */
#define NPAYLOAD 8
static int payload[NPAYLOAD];
static struct completion handed, taken;

static int producer_fn(void *data)
{
	for (int round = 1; round <= 200; round++) {
		for (int i = 0; i < NPAYLOAD; i++)
			WRITE_ONCE(payload[i], round * 8 + i);
		complete(&handed);
		if (!wait_for_completion_timeout(&taken, CONFORM_HANG_GUARD))
			break;
	}
	conform_idle_until_stopped();
	return 0;
}

static int orders_memory(struct conform_dev *dev)
{
	struct task_struct *k;
	int round, bad = 0;

	init_completion(&handed);
	init_completion(&taken);
	k = kthread_run(producer_fn, NULL, "conform-cprod");
	CHECK(!IS_ERR(k));
	for (round = 1; round <= 200; round++) {
		if (!wait_for_completion_timeout(&handed, CONFORM_HANG_GUARD))
			break;
		for (int i = 0; i < NPAYLOAD; i++)
			bad += READ_ONCE(payload[i]) != round * 8 + i;
		complete(&taken);
	}
	kthread_stop(k);
	CHECK_CMP(round, ==, 201);
	CHECK_CMP(bad, ==, 0);
	return 0;
}

static const struct conform_case completion_cases[] = {
	{ "done_counts", done_counts },
	{ "complete_all_stays_done", complete_all_stays_done },
	{ "timeout_returns_zero", timeout_returns_zero },
	{ "remaining_when_completed", remaining_when_completed },
	{ "complete_wakes_one_in_order", complete_wakes_one_in_order },
	{ "complete_all_wakes_all", complete_all_wakes_all },
	{ "waits_in_their_state", waits_in_their_state },
	{ "orders_memory", orders_memory },
};
CONFORM_SUITE(completion, completion_cases);
