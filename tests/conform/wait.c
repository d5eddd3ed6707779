// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * wait.c - wait queues (include/linux/wait.h's kernel-doc): wait_event*
 * return only once their condition holds, testing it again after every
 * wake-up; the _timeout forms return 0 when the time ran out with the
 * condition false, 1 when it ran out with the condition true, else the
 * jiffies left (at least 1; all of them when it held at the call); each
 * form sleeps in the state it names, and wake_up_interruptible() leaves
 * the uninterruptible and killable sleepers asleep; wake_up() wakes every
 * non-exclusive waiter and one exclusive waiter (who queued with
 * prepare_to_wait_exclusive()), wake_up_nr() that many exclusive ones,
 * wake_up_all() everyone; wake_up_process() returns 1 only when it changed
 * the task from sleeping to running, and a wake-up between
 * set_current_state() and schedule() is not lost.
 */
#include <asm/processor.h>
#include <linux/atomic.h>
#include <linux/err.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/list.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/smp.h>
#include <linux/timer.h>
#include <linux/wait.h>

#include "conform.h"

static DECLARE_WAIT_QUEUE_HEAD(wq);
static bool flag;
static atomic_t evals;

static bool counted_flag(void)
{
	atomic_inc(&evals);
	return READ_ONCE(flag);
}

/* Entries on a queue, counted under its lock. */
static int queued(struct wait_queue_head *q)
{
	struct list_head *pos;
	unsigned long flags;
	int n = 0;

	spin_lock_irqsave(&q->lock, flags);
	list_for_each(pos, &q->head)
		n++;
	spin_unlock_irqrestore(&q->lock, flags);
	return n;
}

static int true_at_call(struct conform_dev *dev)
{
	WRITE_ONCE(flag, true);
	CHECK_CMP(wait_event_timeout(wq, READ_ONCE(flag), 7), ==, 7);
	CHECK_CMP(wait_event_timeout(wq, READ_ONCE(flag), 0), ==, 1);
	CHECK_CMP(wait_event_interruptible_timeout(wq, READ_ONCE(flag), 7), ==, 7);
	CHECK_CMP(wait_event_interruptible(wq, READ_ONCE(flag)), ==, 0);
	wait_event(wq, READ_ONCE(flag));
	CHECK(!waitqueue_active(&wq));
	WRITE_ONCE(flag, false);
	/* No time at all and the condition false: 0, at once. */
	CHECK_CMP(wait_event_timeout(wq, READ_ONCE(flag), 0), ==, 0);
	CHECK(!waitqueue_active(&wq));
	return 0;
}

static int timeout_false_is_zero(struct conform_dev *dev)
{
	unsigned long j0;

	WRITE_ONCE(flag, false);
	j0 = jiffies;
	CHECK_CMP(wait_event_timeout(wq, READ_ONCE(flag), 3), ==, 0);
	CHECK(time_after_eq(jiffies, j0 + 3));
	j0 = jiffies;
	CHECK_CMP(wait_event_interruptible_timeout(wq, READ_ONCE(flag), 3), ==, 0);
	CHECK(time_after_eq(jiffies, j0 + 3));
	CHECK(!waitqueue_active(&wq));
	return 0;
}

static unsigned long target;
static bool saw_false;

static bool reached_target(void)
{
	bool reached = time_after_eq(jiffies, target);

	if (!reached)
		saw_false = true;
	return reached;
}

/*
 * The condition turns true as the time runs out, with nobody waking the
 * queue: 1, not 0. A try whose first look already found it true (a delay
 * of a few ticks at the wrong moment) returns all of the timeout, proves
 * nothing, and is made again.
 */
static int true_at_timeout_is_one(struct conform_dev *dev)
{
	long ret;

	for (int try = 0; try < 5; try++) {
		saw_false = false;
		target = jiffies + 3;
		ret = wait_event_timeout(wq, reached_target(), 3);
		if (saw_false) {
			CHECK_CMP(ret, ==, 1);
			return 0;
		}
		CHECK_CMP(ret, ==, 3);
	}
	CHECK(!"the condition held at every first look");
	return 0;
}

static struct timer_list waker;

static void wake_fn(struct timer_list *t)
{
	WRITE_ONCE(flag, true);
	wake_up(&wq);
}

static int remaining_when_woken(struct conform_dev *dev)
{
	long left;

	timer_setup(&waker, wake_fn, 0);
	for (int interruptible = 0; interruptible < 2; interruptible++) {
		WRITE_ONCE(flag, false);
		mod_timer(&waker, jiffies + 2);
		if (interruptible)
			left = wait_event_interruptible_timeout(wq, READ_ONCE(flag), 10 * HZ);
		else
			left = wait_event_timeout(wq, READ_ONCE(flag), 10 * HZ);
		del_timer_sync(&waker);
		CHECK_CMP(left, >, 0);
		CHECK_CMP(left, <=, 10 * HZ);
	}
	return 0;
}

static bool returned;

static int event_waiter_fn(void *data)
{
	wait_event(wq, counted_flag());
	WRITE_ONCE(returned, true);
	conform_idle_until_stopped();
	return 0;
}

static bool waiter_asleep(struct task_struct *k)
{
	return waitqueue_active(&wq) && READ_ONCE(k->__state) == TASK_UNINTERRUPTIBLE;
}

/*
 * wake_up_interruptible() leaves a waiter in wait_event() asleep and
 * queued (it sleeps uninterruptibly); a wake-up with the condition still
 * false sends it back to sleep after one more look; the wake-up after the
 * condition turned true lets it go.
 */
static int condition_rechecked(struct conform_dev *dev)
{
	struct task_struct *k;
	int before, after, intr_queued = -1;
	unsigned int intr_state = TASK_RUNNING;
	bool early;

	WRITE_ONCE(flag, false);
	WRITE_ONCE(returned, false);
	atomic_set(&evals, 0);
	k = kthread_run(event_waiter_fn, NULL, "conform-wq");
	CHECK(!IS_ERR(k));
	if (conform_wait_until(waiter_asleep(k))) {
		wake_up_interruptible(&wq);
		/* Nobody else wakes it: what a wrong wake-up changed is still seen. */
		intr_state = READ_ONCE(k->__state);
		intr_queued = queued(&wq);
	}
	before = atomic_read(&evals);
	wake_up(&wq);
	conform_wait_until(atomic_read(&evals) > before && waiter_asleep(k));
	after = atomic_read(&evals);
	msleep(10);
	early = READ_ONCE(returned);
	WRITE_ONCE(flag, true);
	wake_up(&wq);
	conform_wait_until(READ_ONCE(returned));
	kthread_stop(k);
	CHECK_CMP(intr_state, ==, TASK_UNINTERRUPTIBLE);
	CHECK_CMP(intr_queued, ==, 1);
	CHECK_CMP(after, >, before);
	CHECK(!early);
	CHECK(READ_ONCE(returned));
	return 0;
}

/* Each form sleeps in the state its kernel-doc gives it. */
enum form { PLAIN, INTERRUPTIBLE, KILLABLE, TIMEOUT, INTERRUPTIBLE_TIMEOUT, NFORMS };
static const unsigned int form_state[NFORMS] = {
	[PLAIN] = TASK_UNINTERRUPTIBLE,
	[INTERRUPTIBLE] = TASK_INTERRUPTIBLE,
	[KILLABLE] = TASK_KILLABLE,
	[TIMEOUT] = TASK_UNINTERRUPTIBLE,
	[INTERRUPTIBLE_TIMEOUT] = TASK_INTERRUPTIBLE,
};
static bool form_started;

static int form_waiter_fn(void *data)
{
	WRITE_ONCE(form_started, true);
	switch ((enum form)(long)data) {
	case PLAIN:
		wait_event(wq, READ_ONCE(flag));
		break;
	case INTERRUPTIBLE:
		(void)wait_event_interruptible(wq, READ_ONCE(flag));
		break;
	case KILLABLE:
		(void)wait_event_killable(wq, READ_ONCE(flag));
		break;
	case TIMEOUT:
		(void)wait_event_timeout(wq, READ_ONCE(flag), 100 * HZ);
		break;
	default:
		(void)wait_event_interruptible_timeout(wq, READ_ONCE(flag), 100 * HZ);
		break;
	}
	conform_idle_until_stopped();
	return 0;
}

static bool form_asleep(struct task_struct *k)
{
	return READ_ONCE(form_started) && READ_ONCE(k->__state) != TASK_RUNNING &&
	       waitqueue_active(&wq);
}

/*
 * Also: wake_up_interruptible() leaves the sleepers that are not
 * interruptible (killable ones included) asleep and queued.
 */
static int waits_in_their_state(struct conform_dev *dev)
{
	unsigned int state[NFORMS], after[NFORMS];
	int queued_after[NFORMS];

	for (int f = 0; f < NFORMS; f++) {
		struct task_struct *k;

		WRITE_ONCE(flag, false);
		WRITE_ONCE(form_started, false);
		k = kthread_run(form_waiter_fn, (void *)(long)f, "conform-ws%d", f);
		CHECK(!IS_ERR(k));
		conform_wait_until(form_asleep(k));
		state[f] = READ_ONCE(k->__state);
		if (!(state[f] & TASK_INTERRUPTIBLE))
			wake_up_interruptible(&wq);
		after[f] = READ_ONCE(k->__state);
		queued_after[f] = queued(&wq);
		WRITE_ONCE(flag, true);
		wake_up(&wq);
		kthread_stop(k);
	}
	for (int f = 0; f < NFORMS; f++) {
		CHECK_CMP(state[f], ==, form_state[f]);
		CHECK_CMP(after[f], ==, form_state[f]);
		CHECK_CMP(queued_after[f], ==, 1);
	}
	return 0;
}

/*
 * The sleep protocol (Documentation/memory-barriers.rst, "Sleep and
 * wake-up functions"): a wake-up that comes after set_current_state() but
 * before schedule() makes that schedule() return; it is not lost.
 */
static bool state_set, woken;

static int early_wake_fn(void *data)
{
	unsigned long guard = jiffies + CONFORM_HANG_GUARD;

	set_current_state(TASK_UNINTERRUPTIBLE);
	WRITE_ONCE(state_set, true);
	while (!READ_ONCE(woken) && time_before(jiffies, guard))
		cpu_relax();
	schedule();
	WRITE_ONCE(returned, true);
	conform_idle_until_stopped();
	return 0;
}

static int wake_before_schedule_kept(struct conform_dev *dev)
{
	struct task_struct *k;
	int woke = -1;
	bool back;

	/* The sleeper spins with its state set until woken: it needs a CPU of its own. */
	if (num_online_cpus() < 2)
		return conform_skip("needs two CPUs");
	WRITE_ONCE(state_set, false);
	WRITE_ONCE(woken, false);
	WRITE_ONCE(returned, false);
	k = kthread_run(early_wake_fn, NULL, "conform-early");
	CHECK(!IS_ERR(k));
	if (conform_wait_until(READ_ONCE(state_set)))
		woke = wake_up_process(k);
	WRITE_ONCE(woken, true);
	back = conform_wait_until(READ_ONCE(returned));
	if (!back)
		wake_up_process(k);
	kthread_stop(k);
	CHECK_CMP(woke, ==, 1);
	CHECK(back);
	return 0;
}

/* Waiters that count their wake-ups and go back to the queue each time. */
#define NPLAIN 2
#define NEXCL 3
static struct task_struct *qwaiters[NPLAIN + NEXCL];
static atomic_t plain_wakes, excl_wakes;

static int queue_waiter_fn(void *data)
{
	bool exclusive = data;
	DEFINE_WAIT(entry);

	for (;;) {
		if (exclusive)
			prepare_to_wait_exclusive(&wq, &entry, TASK_UNINTERRUPTIBLE);
		else
			prepare_to_wait(&wq, &entry, TASK_UNINTERRUPTIBLE);
		if (kthread_should_stop())
			break;
		schedule();
		atomic_inc(exclusive ? &excl_wakes : &plain_wakes);
	}
	finish_wait(&wq, &entry);
	return 0;
}

/* Until the wake-ups add up to plain and excl and everyone queued again. */
static bool settled(int plain, int excl)
{
	return atomic_read(&plain_wakes) >= plain && atomic_read(&excl_wakes) >= excl &&
	       queued(&wq) == NPLAIN + NEXCL;
}

static int expect_wakes(int plain, int excl)
{
	conform_wait_until(settled(plain, excl));
	msleep(10); /* room for a wake-up too many */
	CHECK_CMP(atomic_read(&plain_wakes), ==, plain);
	CHECK_CMP(atomic_read(&excl_wakes), ==, excl);
	return 0;
}

static int exclusive_waiters(struct conform_dev *dev)
{
	int ret = 0;

	atomic_set(&plain_wakes, 0);
	atomic_set(&excl_wakes, 0);
	for (int i = 0; i < NPLAIN + NEXCL; i++) {
		qwaiters[i] = kthread_run(queue_waiter_fn, (void *)(long)(i >= NPLAIN),
					  "conform-qw%d", i);
		if (IS_ERR(qwaiters[i]))
			ret = __LINE__;
	}
	if (!ret && !conform_wait_until(queued(&wq) == NPLAIN + NEXCL))
		ret = __LINE__;
	if (!ret) {
		wake_up(&wq);
		ret = expect_wakes(NPLAIN, 1);
	}
	if (!ret) {
		wake_up_nr(&wq, 2);
		ret = expect_wakes(2 * NPLAIN, 3);
	}
	if (!ret) {
		wake_up_all(&wq);
		ret = expect_wakes(3 * NPLAIN, 3 + NEXCL);
	}
	for (int i = 0; i < NPLAIN + NEXCL; i++) {
		if (!IS_ERR_OR_NULL(qwaiters[i]))
			kthread_stop(qwaiters[i]);
		qwaiters[i] = NULL;
	}
	CHECK(!waitqueue_active(&wq));
	return ret;
}

static bool sleeping, spinning, release;

static int wake_target_fn(void *data)
{
	set_current_state(TASK_INTERRUPTIBLE);
	WRITE_ONCE(sleeping, true);
	schedule();
	__set_current_state(TASK_RUNNING);
	WRITE_ONCE(spinning, true);
	/* Running, and stays so (cond_resched() leaves the state alone). */
	while (!READ_ONCE(release))
		cond_resched();
	conform_idle_until_stopped();
	return 0;
}

static int wake_up_process_result(struct conform_dev *dev)
{
	struct task_struct *k;
	int self, first, asleep = -1, running = -1;

	WRITE_ONCE(sleeping, false);
	WRITE_ONCE(spinning, false);
	WRITE_ONCE(release, false);
	self = wake_up_process(current);
	k = kthread_create(wake_target_fn, NULL, "conform-wake");
	CHECK(!IS_ERR(k));
	first = wake_up_process(k); /* created asleep */
	if (conform_wait_until(READ_ONCE(sleeping)))
		asleep = wake_up_process(k);
	if (conform_wait_until(READ_ONCE(spinning)))
		running = wake_up_process(k);
	WRITE_ONCE(release, true);
	kthread_stop(k);
	CHECK_CMP(self, ==, 0);
	CHECK_CMP(first, ==, 1);
	CHECK_CMP(asleep, ==, 1);
	CHECK_CMP(running, ==, 0);
	return 0;
}

static const struct conform_case wait_cases[] = {
	{ "true_at_call", true_at_call },
	{ "timeout_false_is_zero", timeout_false_is_zero },
	{ "true_at_timeout_is_one", true_at_timeout_is_one },
	{ "remaining_when_woken", remaining_when_woken },
	{ "condition_rechecked", condition_rechecked },
	{ "waits_in_their_state", waits_in_their_state },
	{ "wake_before_schedule_kept", wake_before_schedule_kept },
	{ "exclusive_waiters", exclusive_waiters },
	{ "wake_up_process_result", wake_up_process_result },
};
CONFORM_SUITE(wait, wait_cases);
