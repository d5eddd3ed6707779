// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * kthread.c - kernel threads (kernel/kthread.c's kernel-doc): kthread_run()
 * starts the function in process context as a task of its own, named as
 * asked (cut to TASK_COMM_LEN - 1 characters); kthread_create() leaves it
 * asleep until wake_up_process(); kthread_should_stop() turns true only
 * with kthread_stop(), which wakes the thread, waits for it to end and
 * returns what its function returned, or -EINTR without running it when
 * it was never woken. A thread that returns on its own is stopped the same
 * way, with a reference on its task_struct held from before it could end
 * (get_task_struct()), as the kernel asks.
 */
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/string.h>

#include "conform.h"

void conform_idle_until_stopped(void)
{
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (kthread_should_stop())
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
}

/* What the thread under test saw. */
static struct task_struct *seen_self;
static void *seen_data;
static bool seen_task_ctx, seen_stop_early, ran, finished;
static struct completion started;
static int marker;

static void reset(void)
{
	seen_self = NULL;
	seen_data = NULL;
	seen_task_ctx = seen_stop_early = false;
	WRITE_ONCE(ran, false);
	WRITE_ONCE(finished, false);
	init_completion(&started);
}

static void note_start(void *data)
{
	seen_self = current;
	seen_data = data;
	seen_task_ctx = in_task() && !in_atomic() && !irqs_disabled();
	seen_stop_early = kthread_should_stop();
	WRITE_ONCE(ran, true);
	complete(&started);
}

static int until_stopped_fn(void *data)
{
	note_start(data);
	while (!kthread_should_stop())
		schedule_timeout_interruptible(1);
	/* kthread_stop() waits for what the thread still does after seeing it. */
	msleep(10);
	WRITE_ONCE(finished, true);
	return 42;
}

static int run_starts_it(struct conform_dev *dev)
{
	struct task_struct *k;
	int ret;

	reset();
	k = kthread_run(until_stopped_fn, &marker, "conform-kt%d", 7);
	CHECK(!IS_ERR(k));
	if (!wait_for_completion_timeout(&started, CONFORM_HANG_GUARD)) {
		kthread_stop(k);
		CHECK(!"the thread never ran");
	}
	CHECK(k != current);
	ret = strcmp(k->comm, "conform-kt7");
	CHECK_CMP(kthread_stop(k), ==, 42);
	CHECK_CMP(ret, ==, 0);
	CHECK(seen_self == k);
	CHECK(seen_data == &marker);
	CHECK(seen_task_ctx);
	CHECK(!seen_stop_early);
	/* A longer name is cut to what comm holds: TASK_COMM_LEN - 1 characters. */
	reset();
	k = kthread_run(until_stopped_fn, NULL, "conform-%s", "with-a-long-name");
	CHECK(!IS_ERR(k));
	wait_for_completion_timeout(&started, CONFORM_HANG_GUARD);
	ret = strcmp(k->comm, "conform-with-a-");
	kthread_stop(k);
	CHECK_CMP(ret, ==, 0);
	return 0;
}

static int stop_waits_and_returns_value(struct conform_dev *dev)
{
	struct task_struct *k;
	int ret;

	reset();
	k = kthread_run(until_stopped_fn, NULL, "conform-stop");
	CHECK(!IS_ERR(k));
	wait_for_completion_timeout(&started, CONFORM_HANG_GUARD);
	ret = kthread_stop(k);
	CHECK(READ_ONCE(finished));
	CHECK_CMP(ret, ==, 42);
	CHECK(!seen_stop_early);
	return 0;
}

static int create_runs_only_when_woken(struct conform_dev *dev)
{
	struct task_struct *k;
	bool early;
	int woke;

	reset();
	k = kthread_create(until_stopped_fn, NULL, "conform-create");
	CHECK(!IS_ERR(k));
	msleep(20);
	early = READ_ONCE(ran);
	woke = wake_up_process(k);
	wait_for_completion_timeout(&started, CONFORM_HANG_GUARD);
	CHECK_CMP(kthread_stop(k), ==, 42);
	CHECK(!early);
	CHECK_CMP(woke, ==, 1);
	CHECK(READ_ONCE(ran));
	return 0;
}

static int stop_unwoken_is_eintr(struct conform_dev *dev)
{
	struct task_struct *k;

	reset();
	k = kthread_create(until_stopped_fn, NULL, "conform-unwoken");
	CHECK(!IS_ERR(k));
	CHECK_CMP(kthread_stop(k), ==, -EINTR);
	CHECK(!READ_ONCE(ran));
	return 0;
}

static int early_fn(void *data)
{
	note_start(data);
	return 5;
}

static int returns_early(struct conform_dev *dev)
{
	struct task_struct *k;

	reset();
	k = kthread_create(early_fn, NULL, "conform-early");
	CHECK(!IS_ERR(k));
	get_task_struct(k);
	wake_up_process(k);
	wait_for_completion_timeout(&started, CONFORM_HANG_GUARD);
	msleep(10); /* most likely gone by now; stopping it must not care */
	CHECK_CMP(kthread_stop(k), ==, 5);
	put_task_struct(k);
	CHECK(READ_ONCE(ran));
	return 0;
}

/*
 * Two kthreads bound to one CPU: one polls with cond_resched() for what
 * the other is to do, and the other gets the CPU to do it (cond_resched()
 * gives the CPU to a task that waits for it).
 */
static bool polling, poll_seen, poll_flag;

static int poller_fn(void *data)
{
	unsigned long guard = jiffies + CONFORM_HANG_GUARD;

	WRITE_ONCE(polling, true);
	while (!READ_ONCE(poll_flag) && time_before(jiffies, guard))
		cond_resched();
	WRITE_ONCE(poll_seen, READ_ONCE(poll_flag));
	conform_idle_until_stopped();
	return 0;
}

static int setter_fn(void *data)
{
	WRITE_ONCE(poll_flag, true);
	conform_idle_until_stopped();
	return 0;
}

static int cond_resched_lets_a_bound_peer_run(struct conform_dev *dev)
{
	unsigned int cpu = num_online_cpus() - 1;
	struct task_struct *poller, *setter;
	bool seen;

	WRITE_ONCE(polling, false);
	WRITE_ONCE(poll_seen, false);
	WRITE_ONCE(poll_flag, false);
	poller = kthread_create(poller_fn, NULL, "conform-poll");
	CHECK(!IS_ERR(poller));
	kthread_bind(poller, cpu);
	wake_up_process(poller);
	conform_wait_until(READ_ONCE(polling));
	setter = kthread_create(setter_fn, NULL, "conform-set");
	if (IS_ERR(setter))
		WRITE_ONCE(poll_flag, true);
	if (!IS_ERR(setter)) {
		kthread_bind(setter, cpu);
		wake_up_process(setter);
	}
	conform_wait_until(READ_ONCE(poll_seen));
	seen = READ_ONCE(poll_seen);
	kthread_stop(poller);
	CHECK(!IS_ERR(setter));
	kthread_stop(setter);
	CHECK(seen);
	return 0;
}

static const struct conform_case kthread_cases[] = {
	{ "run_starts_it", run_starts_it },
	{ "stop_waits_and_returns_value", stop_waits_and_returns_value },
	{ "create_runs_only_when_woken", create_runs_only_when_woken },
	{ "stop_unwoken_is_eintr", stop_unwoken_is_eintr },
	{ "returns_early", returns_early },
	{ "cond_resched_lets_a_bound_peer_run", cond_resched_lets_a_bound_peer_run },
};
CONFORM_SUITE(kthread, kthread_cases);
