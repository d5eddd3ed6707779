// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * workqueue.c - work items: run in process context; queueing a pending
 * item does nothing; an item never runs on two workers at once, even when
 * re-queued on its workqueue while it runs (Documentation/core-api/
 * workqueue.rst; not when queued on another workqueue meanwhile: the guest
 * kernel ran one item twice at once that way); flush_work
 * waits for the instance queued at the call, not for later ones, and
 * flush_workqueue for the items queued before it; cancel_work_sync leaves
 * the item idle with no callback running; a delayed item waits out its
 * delay; an ordered workqueue runs its items one at a time, in order.
 */
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/workqueue.h>

#include "conform.h"

#define HANG_GUARD msecs_to_jiffies(10000)

/* One item under test and what its callback saw. */
static struct work_struct item;
static struct delayed_work ditem;
static struct workqueue_struct *wq;
static atomic_t starts, ends, inside, max_inside, requeue_left;
static bool in_process, saw_self;
static struct completion ran, release;
static unsigned long queued_jiffies, ran_jiffies;

static void reset(void)
{
	atomic_set(&starts, 0);
	atomic_set(&ends, 0);
	atomic_set(&inside, 0);
	atomic_set(&max_inside, 0);
	atomic_set(&requeue_left, 0);
	in_process = saw_self = false;
	init_completion(&ran);
	init_completion(&release);
}

/* Counts a callback in, and how many run at once. */
static void enter(void)
{
	int now = atomic_inc_return(&inside), max;

	atomic_inc(&starts);
	while (now > (max = atomic_read(&max_inside)) &&
	       atomic_cmpxchg(&max_inside, max, now) != max)
		;
}

static void leave(void)
{
	atomic_dec(&inside);
	atomic_inc(&ends);
}

static void probe_fn(struct work_struct *w)
{
	enter();
	in_process = in_task() && !in_atomic() && !irqs_disabled();
	saw_self = current_work() == w;
	msleep(1); /* process context may sleep */
	leave();
	complete(&ran);
}

static int runs_in_process_context(struct conform_dev *dev)
{
	reset();
	INIT_WORK(&item, probe_fn);
	CHECK(queue_work(system_wq, &item));
	CHECK(wait_for_completion_timeout(&ran, HANG_GUARD));
	flush_work(&item);
	CHECK(in_process);
	CHECK(saw_self);
	CHECK(!work_pending(&item));
	return 0;
}

static void blocker_fn(struct work_struct *w)
{
	complete(&ran);
	wait_for_completion(&release);
}

static struct work_struct blocker;

/* While queued, queueing again fails and it still runs only once. */
static int queue_pending_is_noop(struct conform_dev *dev)
{
	bool first, pending, again, elsewhere;

	reset();
	wq = alloc_ordered_workqueue("conform_ord", 0);
	CHECK(wq);
	INIT_WORK(&blocker, blocker_fn);
	INIT_WORK(&item, probe_fn);
	queue_work(wq, &blocker);
	wait_for_completion(&ran); /* the blocker runs: item waits behind it */
	first = queue_work(wq, &item);
	pending = work_pending(&item);
	again = queue_work(wq, &item);
	elsewhere = queue_work(system_wq, &item);
	complete(&release);
	destroy_workqueue(wq);
	CHECK(first);
	CHECK(pending);
	CHECK(!again);
	CHECK(!elsewhere);
	CHECK_CMP(atomic_read(&ends), ==, 1);
	return 0;
}

/* Until the item under test has started n times, or a hang is certain. */
static bool wait_starts(int n)
{
	unsigned long guard = jiffies + HANG_GUARD;

	while (atomic_read(&starts) < n) {
		if (time_after(jiffies, guard))
			return false;
		usleep_range(500, 1000);
	}
	return true;
}

/* Re-queues itself at the start of each run, then sleeps. */
static void requeue_fn(struct work_struct *w)
{
	enter();
	if (atomic_dec_return(&requeue_left) > 0)
		queue_work(wq, w);
	usleep_range(1000, 2000);
	leave();
	if (atomic_read(&requeue_left) <= 0)
		complete(&ran);
}

static int not_reentrant(struct conform_dev *dev, struct workqueue_struct *q)
{
	reset();
	wq = q;
	INIT_WORK(&item, requeue_fn);
	atomic_set(&requeue_left, 40);
	queue_work(wq, &item);
	CHECK(wait_for_completion_timeout(&ran, HANG_GUARD));
	cancel_work_sync(&item);
	CHECK_CMP(atomic_read(&ends), >=, 40);
	CHECK_CMP(atomic_read(&max_inside), ==, 1);
	return 0;
}

static int not_reentrant_system(struct conform_dev *dev)
{
	return not_reentrant(dev, system_wq);
}

static int not_reentrant_unbound(struct conform_dev *dev)
{
	struct workqueue_struct *q = alloc_workqueue("conform_unb", WQ_UNBOUND, 0);
	int ret;

	CHECK(q);
	ret = not_reentrant(dev, q);
	destroy_workqueue(q);
	return ret;
}

/*
 * An item that re-queues itself on every run, up to a limit far beyond
 * what a flush needs: flush_work waits for the instance queued when it was
 * called, so it returns while the item is still going.
 */
static int flush_work_not_later_instances(struct conform_dev *dev)
{
	int s0;
	bool waited;

	reset();
	wq = system_wq;
	INIT_WORK(&item, requeue_fn);
	atomic_set(&requeue_left, 2000);
	queue_work(wq, &item);
	if (!wait_starts(3)) {
		atomic_set(&requeue_left, 0);
		cancel_work_sync(&item);
		CHECK(!"the item never ran");
	}
	s0 = atomic_read(&starts);
	waited = flush_work(&item);
	/* The instance queued at the call, the one after s0, has finished. */
	CHECK_CMP(atomic_read(&ends), >=, s0 + 1);
	CHECK_CMP(atomic_read(&requeue_left), >, 0);
	atomic_set(&requeue_left, 0);
	cancel_work_sync(&item);
	CHECK(waited);
	return 0;
}

static int flush_work_idle(struct conform_dev *dev)
{
	reset();
	INIT_WORK(&item, probe_fn);
	CHECK(!flush_work(&item));
	queue_work(system_wq, &item);
	CHECK(wait_for_completion_timeout(&ran, HANG_GUARD));
	flush_work(&item); /* the completion came before the callback's end */
	CHECK(!flush_work(&item));
	return 0;
}

/* The queued instance and the running one: neither runs after the cancel. */
static int cancel_sync_self_requeuing(struct conform_dev *dev)
{
	int after;

	reset();
	wq = system_wq;
	INIT_WORK(&item, requeue_fn);
	atomic_set(&requeue_left, 1000000);
	queue_work(wq, &item);
	wait_starts(3);
	cancel_work_sync(&item);
	after = atomic_read(&starts);
	CHECK(!work_pending(&item));
	CHECK_CMP(atomic_read(&inside), ==, 0);
	msleep(20);
	CHECK_CMP(atomic_read(&starts), ==, after);
	return 0;
}

static void sleepy_fn(struct work_struct *w)
{
	enter();
	complete(&ran);
	msleep(30);
	leave();
}

static int cancel_sync_waits_running(struct conform_dev *dev)
{
	reset();
	INIT_WORK(&item, sleepy_fn);
	queue_work(system_wq, &item);
	CHECK(wait_for_completion_timeout(&ran, HANG_GUARD));
	CHECK(!cancel_work_sync(&item)); /* running, not pending */
	CHECK_CMP(atomic_read(&ends), ==, 1);
	return 0;
}

static int flush_workqueue_not_later_items(struct conform_dev *dev)
{
	int left;

	reset();
	wq = alloc_workqueue("conform_flush", 0, 0);
	CHECK(wq);
	INIT_WORK(&item, requeue_fn);
	atomic_set(&requeue_left, 2000);
	queue_work(wq, &item);
	wait_starts(3);
	flush_workqueue(wq);
	left = atomic_read(&requeue_left);
	atomic_set(&requeue_left, 0);
	cancel_work_sync(&item);
	destroy_workqueue(wq);
	CHECK_CMP(left, >, 0);
	return 0;
}

static void stamp_fn(struct work_struct *w)
{
	ran_jiffies = jiffies;
	enter();
	leave();
	complete(&ran);
}

static int delayed_not_before_delay(struct conform_dev *dev)
{
	for (unsigned long d = 1; d <= 5; d++) {
		reset();
		INIT_DELAYED_WORK(&ditem, stamp_fn);
		queued_jiffies = jiffies;
		CHECK(queue_delayed_work(system_wq, &ditem, d));
		CHECK(wait_for_completion_timeout(&ran, HANG_GUARD));
		cancel_delayed_work_sync(&ditem);
		CHECK(time_after_eq(ran_jiffies, queued_jiffies + d));
	}
	return 0;
}

static int mod_delayed_work_moves(struct conform_dev *dev)
{
	reset();
	INIT_DELAYED_WORK(&ditem, stamp_fn);
	CHECK(!mod_delayed_work(system_wq, &ditem, 100 * HZ)); /* was idle */
	CHECK(delayed_work_pending(&ditem));
	CHECK(mod_delayed_work(system_wq, &ditem, 0)); /* was pending */
	CHECK(wait_for_completion_timeout(&ran, HANG_GUARD));
	cancel_delayed_work_sync(&ditem);
	CHECK_CMP(atomic_read(&ends), ==, 1);
	return 0;
}

static int cancel_delayed_pending(struct conform_dev *dev)
{
	reset();
	INIT_DELAYED_WORK(&ditem, stamp_fn);
	queue_delayed_work(system_wq, &ditem, 100 * HZ);
	CHECK(cancel_delayed_work_sync(&ditem));
	CHECK(!delayed_work_pending(&ditem));
	CHECK(!cancel_delayed_work_sync(&ditem));
	CHECK_CMP(atomic_read(&starts), ==, 0);
	return 0;
}

/*
 * Not its return value: the kernel's is false when a worker ran the item
 * before the flush looked (seen in the guest).
 */
static int flush_delayed_runs_now(struct conform_dev *dev)
{
	reset();
	INIT_DELAYED_WORK(&ditem, stamp_fn);
	queue_delayed_work(system_wq, &ditem, 100 * HZ);
	flush_delayed_work(&ditem);
	CHECK_CMP(atomic_read(&ends), ==, 1);
	CHECK(!delayed_work_pending(&ditem));
	return 0;
}

#define NORDER 8
static struct work_struct order_items[NORDER];
static int order_seen[NORDER], order_n;

static void order_fn(struct work_struct *w)
{
	enter();
	order_seen[order_n++] = (int)(w - order_items);
	usleep_range(100, 300);
	leave();
}

static int ordered_one_at_a_time(struct conform_dev *dev)
{
	reset();
	order_n = 0;
	wq = alloc_ordered_workqueue("conform_ord", 0);
	CHECK(wq);
	for (int i = 0; i < NORDER; i++) {
		INIT_WORK(&order_items[i], order_fn);
		queue_work(wq, &order_items[i]);
	}
	destroy_workqueue(wq); /* drains first */
	CHECK_CMP(order_n, ==, NORDER);
	for (int i = 0; i < NORDER; i++)
		CHECK_CMP(order_seen[i], ==, i);
	CHECK_CMP(atomic_read(&max_inside), ==, 1);
	return 0;
}

static const struct conform_case workqueue_cases[] = {
	{ "runs_in_process_context", runs_in_process_context },
	{ "queue_pending_is_noop", queue_pending_is_noop },
	{ "not_reentrant_system", not_reentrant_system },
	{ "not_reentrant_unbound", not_reentrant_unbound },
	{ "flush_work_not_later_instances", flush_work_not_later_instances },
	{ "flush_work_idle", flush_work_idle },
	{ "cancel_sync_self_requeuing", cancel_sync_self_requeuing },
	{ "cancel_sync_waits_running", cancel_sync_waits_running },
	{ "flush_workqueue_not_later_items", flush_workqueue_not_later_items },
	{ "delayed_not_before_delay", delayed_not_before_delay },
	{ "mod_delayed_work_moves", mod_delayed_work_moves },
	{ "cancel_delayed_pending", cancel_delayed_pending },
	{ "flush_delayed_runs_now", flush_delayed_runs_now },
	{ "ordered_one_at_a_time", ordered_one_at_a_time },
};
CONFORM_SUITE(workqueue, workqueue_cases);
