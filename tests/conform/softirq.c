// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * softirq.c - tasklets and bottom halves (include/linux/interrupt.h's
 * tasklet properties, Documentation/kernel-hacking/): a tasklet runs in
 * softirq context, on some CPU, after it was scheduled (from a task or a
 * hard interrupt handler); scheduled again
 * before it started, it runs once; scheduled from its own function, it
 * runs again; it never runs on two CPUs at once; while disabled it stays
 * pending and runs after tasklet_enable(); tasklet_disable() and
 * tasklet_kill() wait for a running function, tasklet_kill() for a
 * pending one too. local_bh_disable() keeps softirqs and tasklets off this
 * CPU until local_bh_enable(). Not where a tasklet runs: the kernel runs
 * it on the CPU that scheduled it, but documents only "some cpu".
 */
#include <linux/atomic.h>
#include <linux/bottom_half.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/err.h>
#include <linux/hrtimer.h>
#include <linux/interrupt.h>
#include <linux/kthread.h>
#include <linux/smp.h>
#include <linux/string.h>

#include "conform.h"

static struct tasklet_struct tl;
static atomic_t runs;
static struct completion ran;

struct seen {
	bool serving, softirq, hardirq, task, atomic, irqs_off;
};

static struct seen seen;

static void context_fn(struct tasklet_struct *t)
{
	seen.serving = in_serving_softirq();
	seen.softirq = in_softirq();
	seen.hardirq = in_hardirq();
	seen.task = in_task();
	seen.atomic = in_atomic();
	seen.irqs_off = irqs_disabled();
	atomic_inc(&runs);
	complete(&ran);
}

static int check_seen(void)
{
	CHECK(seen.serving);
	CHECK(seen.softirq);
	CHECK(!seen.hardirq);
	CHECK(!seen.task);
	CHECK(seen.atomic);
	CHECK(!seen.irqs_off);
	return 0;
}

static int runs_in_softirq(struct conform_dev *dev)
{
	bool done;

	memset(&seen, 0, sizeof(seen));
	init_completion(&ran);
	tasklet_setup(&tl, context_fn);
	tasklet_schedule(&tl);
	done = wait_for_completion_timeout(&ran, CONFORM_HANG_GUARD);
	tasklet_kill(&tl);
	CHECK(done);
	CHECK_RUN(check_seen());

	memset(&seen, 0, sizeof(seen));
	reinit_completion(&ran);
	tasklet_hi_schedule(&tl);
	done = wait_for_completion_timeout(&ran, CONFORM_HANG_GUARD);
	tasklet_kill(&tl);
	CHECK(done);
	CHECK_RUN(check_seen());
	return 0;
}

static struct hrtimer hard_scheduler;

static enum hrtimer_restart schedule_from_hardirq_fn(struct hrtimer *t)
{
	tasklet_schedule(&tl);
	return HRTIMER_NORESTART;
}

/* Scheduled from a hard interrupt handler (an hrtimer's), it runs the same way. */
static int runs_when_scheduled_from_hardirq(struct conform_dev *dev)
{
	bool done;

	memset(&seen, 0, sizeof(seen));
	init_completion(&ran);
	tasklet_setup(&tl, context_fn);
	hrtimer_init(&hard_scheduler, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	hard_scheduler.function = schedule_from_hardirq_fn;
	hrtimer_start(&hard_scheduler, ns_to_ktime(500 * NSEC_PER_USEC), HRTIMER_MODE_REL);
	done = wait_for_completion_timeout(&ran, CONFORM_HANG_GUARD);
	hrtimer_cancel(&hard_scheduler);
	tasklet_kill(&tl);
	CHECK(done);
	CHECK_RUN(check_seen());
	return 0;
}

static unsigned long got_data;

static void count_fn(unsigned long data)
{
	got_data = data;
	atomic_inc(&runs);
}

/* Schedules while it is pending (here: disabled) fold into one run. */
static int once_while_pending(struct conform_dev *dev)
{
	int before_enable, after_enable;

	atomic_set(&runs, 0);
	got_data = 0;
	tasklet_init(&tl, count_fn, 42);
	tasklet_disable(&tl);
	for (int i = 0; i < 5; i++)
		tasklet_schedule(&tl);
	msleep(20);
	before_enable = atomic_read(&runs);
	tasklet_enable(&tl);
	conform_wait_until(atomic_read(&runs) >= 1);
	msleep(20);
	after_enable = atomic_read(&runs);
	tasklet_schedule(&tl);
	conform_wait_until(atomic_read(&runs) >= 2);
	tasklet_kill(&tl);
	CHECK_CMP(before_enable, ==, 0);
	CHECK_CMP(after_enable, ==, 1);
	CHECK_CMP(atomic_read(&runs), ==, 2);
	CHECK_CMP(got_data, ==, 42);
	return 0;
}

static void again_fn(struct tasklet_struct *t)
{
	if (atomic_inc_return(&runs) < 5)
		tasklet_schedule(t);
	else
		complete(&ran);
}

static int reschedules_itself(struct conform_dev *dev)
{
	bool done;

	atomic_set(&runs, 0);
	init_completion(&ran);
	tasklet_setup(&tl, again_fn);
	tasklet_schedule(&tl);
	done = wait_for_completion_timeout(&ran, CONFORM_HANG_GUARD);
	msleep(10);
	tasklet_kill(&tl);
	CHECK(done);
	CHECK_CMP(atomic_read(&runs), ==, 5);
	return 0;
}

/* Two kthreads schedule it as fast as they can, for as long as it takes. */
#define SCHEDULERS 2
#define SCHEDULES 2000
static atomic_t inside, overlaps, schedulers_done;

static void serial_fn(struct tasklet_struct *t)
{
	if (atomic_inc_return(&inside) != 1)
		atomic_inc(&overlaps);
	udelay(5);
	atomic_dec(&inside);
	atomic_inc(&runs);
}

static int scheduler_fn(void *data)
{
	for (int i = 0; i < SCHEDULES; i++) {
		tasklet_schedule(&tl);
		if (i % 16 == 0)
			usleep_range(5, 10);
	}
	atomic_inc(&schedulers_done);
	conform_idle_until_stopped();
	return 0;
}

static int never_on_two_cpus(struct conform_dev *dev)
{
	struct task_struct *k[SCHEDULERS];
	int ret = 0;

	atomic_set(&runs, 0);
	atomic_set(&inside, 0);
	atomic_set(&overlaps, 0);
	atomic_set(&schedulers_done, 0);
	tasklet_setup(&tl, serial_fn);
	for (int i = 0; i < SCHEDULERS; i++) {
		k[i] = kthread_run(scheduler_fn, NULL, "conform-tls%d", i);
		if (IS_ERR(k[i]))
			ret = __LINE__;
	}
	if (!ret && !conform_wait_until(atomic_read(&schedulers_done) == SCHEDULERS))
		ret = __LINE__;
	for (int i = 0; i < SCHEDULERS; i++) {
		if (!IS_ERR(k[i]))
			kthread_stop(k[i]);
	}
	tasklet_kill(&tl);
	if (ret)
		return ret;
	CHECK_CMP(atomic_read(&overlaps), ==, 0);
	CHECK_CMP(atomic_read(&runs), >=, 1);
	CHECK_CMP(atomic_read(&runs), <=, SCHEDULERS * SCHEDULES);
	return 0;
}

static bool started, finished;

static void long_fn(struct tasklet_struct *t)
{
	WRITE_ONCE(started, true);
	mdelay(30); /* a softirq cannot sleep: it keeps its CPU meanwhile */
	WRITE_ONCE(finished, true);
	atomic_inc(&runs);
}

static int start_long(void)
{
	atomic_set(&runs, 0);
	WRITE_ONCE(started, false);
	WRITE_ONCE(finished, false);
	tasklet_setup(&tl, long_fn);
	tasklet_schedule(&tl);
	return conform_wait_until(READ_ONCE(started));
}

static int disable_waits_for_running(struct conform_dev *dev)
{
	bool began, done;

	began = start_long();
	tasklet_disable(&tl);
	done = READ_ONCE(finished);
	tasklet_enable(&tl);
	tasklet_kill(&tl);
	CHECK(began);
	CHECK(done);
	CHECK_CMP(atomic_read(&runs), ==, 1);
	return 0;
}

static int kill_waits_for_running(struct conform_dev *dev)
{
	bool began;

	began = start_long();
	tasklet_kill(&tl);
	CHECK(began);
	CHECK(READ_ONCE(finished));
	CHECK(!test_bit(TASKLET_STATE_SCHED, &tl.state));
	return 0;
}

/* Killed right after it was scheduled: it has run once, and is idle. */
static int kill_runs_pending(struct conform_dev *dev)
{
	atomic_set(&runs, 0);
	tasklet_init(&tl, count_fn, 1);
	tasklet_schedule(&tl);
	tasklet_kill(&tl);
	CHECK_CMP(atomic_read(&runs), ==, 1);
	CHECK(!test_bit(TASKLET_STATE_SCHED, &tl.state));
	/* And may be scheduled again. */
	tasklet_schedule(&tl);
	tasklet_kill(&tl);
	CHECK_CMP(atomic_read(&runs), ==, 2);
	return 0;
}

static int bh_off_cpu = -1;
static bool ran_on_bh_off_cpu;

static void where_fn(struct tasklet_struct *t)
{
	if (READ_ONCE(bh_off_cpu) == smp_processor_id())
		ran_on_bh_off_cpu = true;
	atomic_inc(&runs);
}

/* A tasklet scheduled meanwhile runs, but not on this CPU before the enable. */
static int bh_disable_keeps_tasklets_off_cpu(struct conform_dev *dev)
{
	bool done;

	atomic_set(&runs, 0);
	ran_on_bh_off_cpu = false;
	tasklet_setup(&tl, where_fn);
	for (int round = 0; round < 3; round++) {
		local_bh_disable();
		WRITE_ONCE(bh_off_cpu, smp_processor_id());
		tasklet_schedule(&tl);
		mdelay(5);
		WRITE_ONCE(bh_off_cpu, -1);
		local_bh_enable();
		if (!conform_wait_until(atomic_read(&runs) > round))
			break;
	}
	done = atomic_read(&runs) == 3;
	tasklet_kill(&tl);
	CHECK(done);
	CHECK(!ran_on_bh_off_cpu);
	return 0;
}

static const struct conform_case softirq_cases[] = {
	{ "runs_in_softirq", runs_in_softirq },
	{ "runs_when_scheduled_from_hardirq", runs_when_scheduled_from_hardirq },
	{ "once_while_pending", once_while_pending },
	{ "reschedules_itself", reschedules_itself },
	{ "never_on_two_cpus", never_on_two_cpus },
	{ "disable_waits_for_running", disable_waits_for_running },
	{ "kill_waits_for_running", kill_waits_for_running },
	{ "kill_runs_pending", kill_runs_pending },
	{ "bh_disable_keeps_tasklets_off_cpu", bh_disable_keeps_tasklets_off_cpu },
};
CONFORM_SUITE(softirq, softirq_cases);
