// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ktest_time.c - K-world bodies for test_time.c: timers, hrtimers, delays,
 * workqueues and kthreads, each case run by one H-world thread inside
 * uldd_enter()/uldd_exit() against the real timer thread and workers. The
 * objects the shim's threads touch are static, so a failed check that
 * returns early leaves nothing on a dead stack frame.
 */
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/hrtimer.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/timer.h>
#include <linux/workqueue.h>

#include "../../../shim/entry.h"
#include "../../../shim/mm/arena.h"
#include "ktest.h"

/*
 * No bound here may depend on how fast the host schedules this thread: a
 * busy 2-core host holds it for milliseconds between two statements. A
 * wait's timeout is a hang guard, long enough that only a hang runs it
 * out. A far deadline is one no case waits for, so a timer armed there
 * is still pending at the next call however late that call comes.
 */
#define WAIT_LONG_MS 10000
#define WAIT_LONG msecs_to_jiffies(WAIT_LONG_MS)
#define FAR_MS 60000
#define FAR msecs_to_jiffies(FAR_MS)
/* Tries a case makes when the host held it past a deadline it had to beat. */
#define SPOILED_TRIES 20

static struct completion done;
static struct timer_list tmr;
static struct hrtimer hrt;
static int fired, fired_limit;
static int ctx_softirq, ctx_interrupt, ctx_task, ctx_hardirq;
static unsigned long bugs_before, bugs_in_cb;
static ktime_t fired_at;
static int cb_started, cb_ended;

static s64 ms_since(ktime_t t0)
{
	return ktime_ms_delta(ktime_get(), t0);
}

static s64 us_since(ktime_t t0)
{
	return ktime_us_delta(ktime_get(), t0);
}

static void reset(void)
{
	init_completion(&done);
	fired = fired_limit = 0;
	ctx_softirq = ctx_interrupt = ctx_task = ctx_hardirq = 0;
	bugs_before = bugs_in_cb = 0;
	fired_at = 0;
	WRITE_ONCE(cb_started, 0);
	WRITE_ONCE(cb_ended, 0);
}

/* Records its context, then checks that a sleep here would be reported. */
static void probe_fn(struct timer_list *t)
{
	(void)t;
	fired_at = ktime_get();
	WRITE_ONCE(fired, fired + 1); /* read below while the timer is pending */
	ctx_softirq = !!in_softirq();
	ctx_interrupt = !!in_interrupt();
	ctx_task = !!in_task();
	bugs_before = uldd_sched_bugs();
	might_sleep();
	bugs_in_cb = uldd_sched_bugs() - bugs_before;
	complete(&done);
}

static int timer_fires_once_in_softirq(void)
{
	ktime_t t0;

	timer_setup(&tmr, probe_fn, 0);
	KCHECK(!timer_pending(&tmr));
	t0 = ktime_get();
	KCHECK(mod_timer(&tmr, jiffies + msecs_to_jiffies(20)) == 0);
	/* Pending until due; the clock is read after the flag. */
	KCHECK(timer_pending(&tmr) || ms_since(t0) >= 16);
	KCHECK(wait_for_completion_timeout(&done, WAIT_LONG));
	/* Due when jiffies reaches now + 5: not before 16 ms. */
	KCHECK(ktime_ms_delta(fired_at, t0) >= 16);
	KCHECK(ctx_softirq && ctx_interrupt && !ctx_task);
	KCHECK(bugs_in_cb == 1);
	msleep(30);
	KCHECK(fired == 1);
	KCHECK(!timer_pending(&tmr));
	return 0;
}

static int mod_timer_moves_pending(void)
{
	ktime_t t0;
	int f;

	/* Earlier: it fires, and the wait ends long before the first deadline. */
	timer_setup(&tmr, probe_fn, 0);
	KCHECK(mod_timer(&tmr, jiffies + FAR) == 0);
	KCHECK(mod_timer(&tmr, jiffies + msecs_to_jiffies(10)) == 1);
	KCHECK(wait_for_completion_timeout(&done, WAIT_LONG));
	KCHECK(fired == 1);

	/*
	 * Later, too: not fired at the first deadline. The second call must
	 * come before that deadline; a try where the host held this thread
	 * past it, so that the timer fired first, shows nothing and is made
	 * again.
	 */
	for (int try = 0;; try++) {
		KCHECK(try < SPOILED_TRIES);
		del_timer_sync(&tmr);
		reinit_completion(&done);
		fired = 0;
		t0 = ktime_get();
		KCHECK(mod_timer(&tmr, jiffies + msecs_to_jiffies(10)) == 0);
		if (mod_timer(&tmr, jiffies + msecs_to_jiffies(80)) == 1)
			break;
		/* It fired, which it may once due: jiffies reached now + 3. */
		KCHECK(ms_since(t0) >= 8);
	}
	msleep(30);
	f = READ_ONCE(fired);
	/* A run seen here came before the clock reading after it. */
	KCHECK(f == 0 || ms_since(t0) >= 76);
	KCHECK(wait_for_completion_timeout(&done, WAIT_LONG));
	KCHECK(ktime_ms_delta(fired_at, t0) >= 76);
	KCHECK(fired == 1);
	return 0;
}

static int del_timer_only_pending(void)
{
	timer_setup(&tmr, probe_fn, 0);
	KCHECK(del_timer(&tmr) == 0);
	mod_timer(&tmr, jiffies + FAR);
	KCHECK(del_timer(&tmr) == 1);
	KCHECK(del_timer(&tmr) == 0);
	KCHECK(!timer_pending(&tmr));
	tmr.expires = jiffies + 1;
	add_timer(&tmr);
	KCHECK(wait_for_completion_timeout(&done, WAIT_LONG));
	KCHECK(del_timer(&tmr) == 0);
	KCHECK(del_timer_sync(&tmr) == 0);
	KCHECK(fired == 1);
	return 0;
}

/* A softirq cannot sleep: it holds its vCPU for 30 ms. */
static void busy_fn(struct timer_list *t)
{
	(void)t;
	WRITE_ONCE(cb_started, 1);
	mdelay(30);
	WRITE_ONCE(cb_ended, 1);
}

static int del_timer_sync_waits(void)
{
	ktime_t t0 = ktime_get();

	timer_setup(&tmr, busy_fn, 0);
	mod_timer(&tmr, jiffies + 1);
	while (!READ_ONCE(cb_started) && ms_since(t0) < WAIT_LONG_MS)
		usleep_range(100, 200);
	KCHECK(READ_ONCE(cb_started));
	KCHECK(del_timer_sync(&tmr) == 0);
	KCHECK(READ_ONCE(cb_ended));
	return 0;
}

static void rearm_fn(struct timer_list *t)
{
	if (++fired < fired_limit)
		mod_timer(t, jiffies + 1);
	else
		complete(&done);
}

static int timer_rearms_itself(void)
{
	timer_setup(&tmr, rearm_fn, 0);
	fired_limit = 5;
	mod_timer(&tmr, jiffies + 1);
	KCHECK(wait_for_completion_timeout(&done, WAIT_LONG));
	msleep(20);
	KCHECK(fired == 5);
	KCHECK(!timer_pending(&tmr));
	return 0;
}

static int timer_shutdown_ignores_rearm(void)
{
	timer_setup(&tmr, probe_fn, 0);
	mod_timer(&tmr, jiffies + FAR);
	KCHECK(timer_shutdown_sync(&tmr) == 1);
	KCHECK(mod_timer(&tmr, jiffies + 1) == 0);
	KCHECK(!timer_pending(&tmr));
	msleep(12);
	KCHECK(fired == 0);
	return 0;
}

static enum hrtimer_restart hr_fn(struct hrtimer *t)
{
	fired_at = ktime_get();
	ctx_hardirq = !!in_hardirq();
	ctx_softirq = !!in_softirq();
	if (++fired < fired_limit) {
		hrtimer_forward_now(t, us_to_ktime(500));
		return HRTIMER_RESTART;
	}
	complete(&done);
	return HRTIMER_NORESTART;
}

static int hrtimer_fires_and_restarts(void)
{
	ktime_t t0 = ktime_get();

	hrtimer_setup(&hrt, hr_fn, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	fired_limit = 1;
	hrtimer_start(&hrt, ms_to_ktime(3), HRTIMER_MODE_REL);
	/* Queued until due; the clock is read after the flag. */
	KCHECK(hrtimer_is_queued(&hrt) || us_since(t0) >= 3000);
	KCHECK(wait_for_completion_timeout(&done, WAIT_LONG));
	KCHECK(ktime_us_delta(fired_at, t0) >= 3000);
	KCHECK(ctx_hardirq && !ctx_softirq);

	/* Periodic: four times every 500 us, then it stops itself. */
	reinit_completion(&done);
	fired = 0;
	fired_limit = 4;
	hrtimer_setup(&hrt, hr_fn, CLOCK_MONOTONIC, HRTIMER_MODE_REL_SOFT);
	t0 = ktime_get();
	hrtimer_start(&hrt, us_to_ktime(500), HRTIMER_MODE_REL_SOFT);
	KCHECK(wait_for_completion_timeout(&done, WAIT_LONG));
	KCHECK(ktime_us_delta(fired_at, t0) >= 2000);
	KCHECK(ctx_softirq && !ctx_hardirq);
	msleep(5);
	KCHECK(fired == 4);
	KCHECK(!hrtimer_active(&hrt));

	hrtimer_start(&hrt, ms_to_ktime(FAR_MS), HRTIMER_MODE_REL);
	KCHECK(hrtimer_cancel(&hrt) == 1);
	KCHECK(hrtimer_cancel(&hrt) == 0);
	return 0;
}

static int delays_keep_their_length(void)
{
	ktime_t t0;
	s64 us, best = S64_MAX, best_jiffy = S64_MAX;

	/*
	 * usleep_range() is not rounded to jiffies: it ends well before a
	 * sleep of one jiffy. Both pay the host's wake-up latency, which a
	 * loaded host stretches, so the best of tries taken in turns is
	 * compared, not either with a fixed bound.
	 */
	for (int i = 0; i < 10; i++) {
		t0 = ktime_get();
		usleep_range(100, 200);
		us = us_since(t0);
		KCHECK(us >= 100);
		best = min(best, us);
		t0 = ktime_get();
		msleep(jiffies_to_msecs(1));
		best_jiffy = min(best_jiffy, us_since(t0));
	}
	KCHECK(best + jiffies_to_usecs(1) / 2 < best_jiffy);
	t0 = ktime_get();
	msleep(20);
	KCHECK(ms_since(t0) >= 20);
	t0 = ktime_get();
	fsleep(300);
	KCHECK(us_since(t0) >= 300);
	t0 = ktime_get();
	udelay(50);
	KCHECK(us_since(t0) >= 50);
	t0 = ktime_get();
	mdelay(2);
	KCHECK(us_since(t0) >= 2000);
	t0 = ktime_get();
	ndelay(1000);
	KCHECK(ktime_to_ns(ktime_sub(ktime_get(), t0)) >= 1000);
	return 0;
}

static int ktime_arithmetic(void)
{
	ktime_t a = ms_to_ktime(3), b = ns_to_ktime(2500000);

	KCHECK(ktime_to_ns(a) == 3000000);
	KCHECK(ktime_to_us(b) == 2500);
	KCHECK(ktime_to_ms(ktime_add(a, b)) == 5);
	KCHECK(ktime_to_ns(ktime_sub(a, b)) == 500000);
	KCHECK(ktime_compare(a, b) > 0 && ktime_compare(b, a) < 0 && !ktime_compare(a, a));
	KCHECK(ktime_after(a, b) && ktime_before(b, a));
	KCHECK(ktime_get_ns() > 0);
	KCHECK(ktime_get() <= ktime_get());
	KCHECK(ktime_set(1, 5) == 1000000005);
	return 0;
}

/* Workqueues. */
static struct work_struct w1, w2, blocker;
static struct delayed_work dw;
static struct completion gate;
static int ran, w_task, w_atomic, w_bugs, order[8], norder, inside, max_inside;

static void reset_work(void)
{
	reset();
	init_completion(&gate);
	ran = w_task = w_atomic = w_bugs = norder = inside = max_inside = 0;
	memset(order, -1, sizeof(order));
}

static void ctx_work_fn(struct work_struct *w)
{
	unsigned long before = uldd_sched_bugs();

	(void)w;
	w_task = !!in_task();
	w_atomic = !!in_atomic();
	msleep(1);
	w_bugs = (int)(uldd_sched_bugs() - before);
	fired_at = ktime_get();
	ran++;
	complete(&done);
}

static int work_runs_in_process_context(void)
{
	INIT_WORK(&w1, ctx_work_fn);
	KCHECK(!work_pending(&w1));
	KCHECK(schedule_work(&w1));
	KCHECK(wait_for_completion_timeout(&done, WAIT_LONG));
	KCHECK(w_task && !w_atomic && w_bugs == 0);
	flush_work(&w1);
	KCHECK(ran == 1);
	return 0;
}

static void slow_work_fn(struct work_struct *w)
{
	(void)w;
	msleep(30);
	WRITE_ONCE(ran, ran + 1);
}

static int flush_work_waits(void)
{
	INIT_WORK(&w1, slow_work_fn);
	KCHECK(!flush_work(&w1));
	KCHECK(queue_work(system_wq, &w1));
	KCHECK(flush_work(&w1));
	KCHECK(READ_ONCE(ran) == 1);
	KCHECK(!work_pending(&w1));
	return 0;
}

/* Holds an ordered workqueue's only worker until the gate opens. */
static void blocker_fn(struct work_struct *w)
{
	(void)w;
	wait_for_completion(&gate);
}

static void count_fn(struct work_struct *w)
{
	(void)w;
	WRITE_ONCE(ran, ran + 1);
}

static int cancel_and_requeue(void)
{
	struct workqueue_struct *wq = alloc_ordered_workqueue("ktest_ord", 0);

	KCHECK(wq);
	INIT_WORK(&blocker, blocker_fn);
	INIT_WORK(&w1, count_fn);
	INIT_WORK(&w2, count_fn);
	KCHECK(queue_work(wq, &blocker));
	KCHECK(queue_work(wq, &w1));
	KCHECK(!queue_work(wq, &w1)); /* already pending */
	KCHECK(work_pending(&w1));
	KCHECK(queue_work(wq, &w2));
	KCHECK(cancel_work_sync(&w2)); /* pending: it never runs */
	KCHECK(!work_pending(&w2));
	KCHECK(!cancel_work_sync(&w2));
	complete(&gate);
	flush_workqueue(wq);
	KCHECK(READ_ONCE(ran) == 1);
	destroy_workqueue(wq);
	return 0;
}

struct self_freeing {
	struct work_struct work;
	int *counter;
};

static void self_free_fn(struct work_struct *w)
{
	struct self_freeing *s = container_of(w, struct self_freeing, work);

	__atomic_fetch_add(s->counter, 1, __ATOMIC_RELAXED);
	memset(s, 0x6b, sizeof(*s)); /* a use after this would show */
	kfree(s);
}

static int work_frees_itself(void)
{
	struct workqueue_struct *wq = alloc_workqueue("ktest_free", 0, 0);

	KCHECK(wq);
	for (int i = 0; i < 200; i++) {
		struct self_freeing *s = kmalloc(sizeof(*s), GFP_KERNEL);

		KCHECK(s);
		INIT_WORK(&s->work, self_free_fn);
		s->counter = &ran;
		KCHECK(queue_work(i & 1 ? wq : system_wq, &s->work));
	}
	flush_workqueue(wq);
	flush_workqueue(system_wq);
	KCHECK(__atomic_load_n(&ran, __ATOMIC_RELAXED) == 200);
	destroy_workqueue(wq);
	return 0;
}

static void dwork_fn(struct work_struct *w)
{
	(void)w;
	fired_at = ktime_get();
	ran++;
	complete(&done);
}

static int delayed_work_runs_late(void)
{
	ktime_t t0 = ktime_get();
	bool was_pending;
	int n;

	INIT_DELAYED_WORK(&dw, dwork_fn);
	KCHECK(schedule_delayed_work(&dw, msecs_to_jiffies(20)));
	/* Pending until due; the clock is read after the flag. */
	KCHECK(delayed_work_pending(&dw) || ms_since(t0) >= 16);
	KCHECK(wait_for_completion_timeout(&done, WAIT_LONG));
	KCHECK(ktime_ms_delta(fired_at, t0) >= 16);
	KCHECK(ran == 1);

	/* Already pending: queueing again changes nothing, not even its delay. */
	KCHECK(schedule_delayed_work(&dw, FAR));
	KCHECK(!schedule_delayed_work(&dw, 1));
	msleep(20);
	KCHECK(ran == 1 && delayed_work_pending(&dw));

	/* mod_delayed_work pulls a far one in: it runs long before FAR. */
	reinit_completion(&done);
	KCHECK(mod_delayed_work(system_wq, &dw, msecs_to_jiffies(10)));
	KCHECK(wait_for_completion_timeout(&done, WAIT_LONG));
	flush_delayed_work(&dw);
	KCHECK(ran == 2);

	/*
	 * Canceled while on its timer: never runs. If the host held this
	 * thread past the deadline, it ran before the cancel and is not
	 * pending; either way nothing runs after cancel_delayed_work_sync.
	 */
	t0 = ktime_get();
	KCHECK(queue_delayed_work(system_long_wq, &dw, msecs_to_jiffies(10)));
	was_pending = cancel_delayed_work_sync(&dw);
	KCHECK(was_pending || ms_since(t0) >= 8);
	KCHECK(!delayed_work_pending(&dw));
	n = READ_ONCE(ran);
	KCHECK(n == (was_pending ? 2 : 3));
	msleep(30);
	KCHECK(ran == n);
	KCHECK(queue_delayed_work(system_wq, &dw, FAR));
	KCHECK(cancel_delayed_work(&dw));
	KCHECK(!cancel_delayed_work(&dw));

	/* flush_delayed_work runs it now, not at its deadline. */
	t0 = ktime_get();
	KCHECK(queue_delayed_work(system_unbound_wq, &dw, FAR));
	KCHECK(flush_delayed_work(&dw));
	KCHECK(ran == n + 1);
	KCHECK(ms_since(t0) < FAR_MS);
	return 0;
}

/* The static initializers set up what timer_setup() and INIT_*WORK() do. */
static DEFINE_TIMER(static_tmr, probe_fn);
static DECLARE_WORK(static_work, ctx_work_fn);
static DECLARE_DELAYED_WORK(static_dw, dwork_fn);

static int static_initializers_work(void)
{
	KCHECK(!timer_pending(&static_tmr) && !work_pending(&static_work));
	KCHECK(!delayed_work_pending(&static_dw));
	mod_timer(&static_tmr, jiffies + 1);
	KCHECK(wait_for_completion_timeout(&done, WAIT_LONG));
	reinit_completion(&done);
	KCHECK(schedule_work(&static_work));
	KCHECK(wait_for_completion_timeout(&done, WAIT_LONG));
	reinit_completion(&done);
	KCHECK(schedule_delayed_work(&static_dw, 1));
	KCHECK(wait_for_completion_timeout(&done, WAIT_LONG));
	flush_work(&static_work);
	flush_delayed_work(&static_dw);
	KCHECK(fired == 1 && ran == 2);
	return 0;
}

static struct work_struct items[8];

static void ordered_fn(struct work_struct *w)
{
	int in = __atomic_add_fetch(&inside, 1, __ATOMIC_SEQ_CST);

	if (in > READ_ONCE(max_inside))
		WRITE_ONCE(max_inside, in);
	order[norder++] = (int)(w - items);
	msleep(2);
	__atomic_sub_fetch(&inside, 1, __ATOMIC_SEQ_CST);
}

static int ordered_wq_one_at_a_time(void)
{
	struct workqueue_struct *wq = alloc_ordered_workqueue("ktest_%s", 0, "seq");

	KCHECK(wq);
	for (int i = 0; i < 8; i++) {
		INIT_WORK(&items[i], ordered_fn);
		KCHECK(queue_work(wq, &items[i]));
	}
	flush_workqueue(wq);
	KCHECK(norder == 8);
	for (int i = 0; i < 8; i++)
		KCHECK(order[i] == i);
	KCHECK(max_inside == 1);
	destroy_workqueue(wq);
	return 0;
}

static void drain_fn(struct work_struct *w)
{
	(void)w;
	msleep(5);
	__atomic_fetch_add(&ran, 1, __ATOMIC_RELAXED);
}

static int destroy_workqueue_drains(void)
{
	struct workqueue_struct *wq = alloc_workqueue("ktest_drain", WQ_UNBOUND, 0);

	KCHECK(wq);
	for (int i = 0; i < 8; i++) {
		INIT_WORK(&items[i], drain_fn);
		queue_work(wq, &items[i]);
	}
	destroy_workqueue(wq);
	KCHECK(__atomic_load_n(&ran, __ATOMIC_RELAXED) == 8);
	/* A workqueue never used starts no thread and goes quietly. */
	wq = create_singlethread_workqueue("ktest_unused");
	KCHECK(wq);
	destroy_workqueue(wq);
	return 0;
}

static char kt_comm[TASK_COMM_LEN];
static int kt_looping;

static int kthread_fn(void *data)
{
	int *loops = data;

	strscpy(kt_comm, current->comm, sizeof(kt_comm));
	while (!kthread_should_stop()) {
		WRITE_ONCE(kt_looping, 1);
		set_current_state(TASK_INTERRUPTIBLE);
		if (!kthread_should_stop())
			schedule_timeout(HZ);
		__set_current_state(TASK_RUNNING);
		WRITE_ONCE(*loops, *loops + 1);
	}
	return 42;
}

static int kthread_never_run(void *data)
{
	(void)data;
	ran = 1;
	return 7;
}

static int kthread_stop_returns_value(void)
{
	static int loops;
	struct task_struct *k;
	ktime_t t0;

	loops = 0;
	WRITE_ONCE(kt_looping, 0);
	KCHECK(!kthread_should_stop());
	k = kthread_run(kthread_fn, &loops, "ktest_kt%d", 1);
	KCHECK(!IS_ERR(k));
	KCHECK(kthread_data(k) == &loops);
	/*
	 * Stopped before its function ran, it would return -EINTR, not 42:
	 * wait until it is in its loop, however late the host starts it.
	 */
	t0 = ktime_get();
	while (!READ_ONCE(kt_looping) && ms_since(t0) < WAIT_LONG_MS)
		msleep(1);
	KCHECK(READ_ONCE(kt_looping));
	KCHECK(kthread_stop(k) == 42);
	KCHECK(!strcmp(kt_comm, "ktest_kt1"));

	/* Never woken: stopping it does not run its function. */
	k = kthread_create(kthread_never_run, NULL, "ktest_idle");
	KCHECK(!IS_ERR(k));
	KCHECK(kthread_stop(k) == -EINTR);
	KCHECK(ran == 0);
	return 0;
}

/* Misuse Linux warns about: waiting on oneself reports and returns. */
static int self_sync_ret = -1;
static bool self_flush_ret = true;

static void self_sync_fn(struct timer_list *t)
{
	self_sync_ret = del_timer_sync(t);
	complete(&done);
}

static void self_flush_fn(struct work_struct *w)
{
	self_flush_ret = flush_work(w);
	cancel_work_sync(w);
	complete(&done);
}

static int waiting_on_oneself_warns(void)
{
	self_sync_ret = -1;
	self_flush_ret = true;
	timer_setup(&tmr, self_sync_fn, 0);
	mod_timer(&tmr, jiffies + 1);
	KCHECK(wait_for_completion_timeout(&done, WAIT_LONG));
	KCHECK(self_sync_ret == 0);
	reinit_completion(&done);
	INIT_WORK(&w1, self_flush_fn);
	schedule_work(&w1);
	KCHECK(wait_for_completion_timeout(&done, WAIT_LONG));
	KCHECK(!self_flush_ret);
	flush_work(&w1);
	return 0;
}

/*
 * Races: host threads arm, delete, queue and cancel the same few timers
 * and work items at random; callbacks check their context. Afterwards,
 * with everything canceled synchronously, nothing may run any more.
 */
#define RACE_N 4
static struct timer_list race_tmr[RACE_N];
static struct work_struct race_work[RACE_N];
static struct delayed_work race_dw[RACE_N];
static struct workqueue_struct *race_wq;
static long race_calls, race_bad;

static void race_timer_fn(struct timer_list *t)
{
	(void)t;
	if (!in_serving_softirq())
		__atomic_fetch_add(&race_bad, 1, __ATOMIC_RELAXED);
	__atomic_fetch_add(&race_calls, 1, __ATOMIC_RELAXED);
	udelay(20);
}

static void race_work_fn(struct work_struct *w)
{
	(void)w;
	if (!in_task() || in_atomic())
		__atomic_fetch_add(&race_bad, 1, __ATOMIC_RELAXED);
	if (__atomic_add_fetch(&race_calls, 1, __ATOMIC_RELAXED) & 1)
		usleep_range(20, 40);
}

int KTEST(ktest_time_race_setup)(unsigned int nr_vcpus)
{
	int err = KTEST(ktest_time_setup)(nr_vcpus);

	if (err)
		return err;
	uldd_enter("race_setup");
	for (int i = 0; i < RACE_N; i++) {
		timer_setup(&race_tmr[i], race_timer_fn, 0);
		INIT_WORK(&race_work[i], race_work_fn);
		INIT_DELAYED_WORK(&race_dw[i], race_work_fn);
	}
	race_calls = race_bad = 0;
	race_wq = alloc_workqueue("ktest_race", 0, 0);
	uldd_exit();
	return race_wq ? 0 : -ENOMEM;
}

static u32 race_rand(u32 *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

void KTEST(ktest_time_race)(unsigned int seed, unsigned int iters)
{
	u32 s = seed | 1;

	uldd_enter("race");
	for (unsigned int n = 0; n < iters; n++) {
		u32 r = race_rand(&s);
		int i = (int)(r % RACE_N);
		struct workqueue_struct *wq = (r >> 8) & 1 ? race_wq : system_wq;

		switch ((r >> 4) % 12) {
		case 0:
			mod_timer(&race_tmr[i], jiffies + (r >> 12) % 3);
			break;
		case 1:
			del_timer(&race_tmr[i]);
			break;
		case 2:
			del_timer_sync(&race_tmr[i]);
			break;
		case 3:
			queue_work(wq, &race_work[i]);
			break;
		case 4:
			cancel_work_sync(&race_work[i]);
			break;
		case 5:
			flush_work(&race_work[i]);
			break;
		case 6:
			queue_delayed_work(wq, &race_dw[i], (r >> 12) % 3);
			break;
		case 7:
			mod_delayed_work(wq, &race_dw[i], (r >> 12) % 3);
			break;
		case 8:
			cancel_delayed_work(&race_dw[i]);
			break;
		case 9:
			cancel_delayed_work_sync(&race_dw[i]);
			break;
		case 10:
			flush_delayed_work(&race_dw[i]);
			break;
		default:
			cancel_work(&race_work[i]);
			break;
		}
		if (!(n & 63))
			usleep_range(50, 100);
	}
	uldd_exit();
}

/* 0, or the line of the first check that fails; *calls: callbacks run. */
int KTEST(ktest_time_race_finish)(long *calls)
{
	long before;
	int line = 0;

	uldd_enter("race_finish");
	for (int i = 0; i < RACE_N; i++) {
		del_timer_sync(&race_tmr[i]);
		cancel_work_sync(&race_work[i]);
		cancel_delayed_work_sync(&race_dw[i]);
		if (timer_pending(&race_tmr[i]) || work_pending(&race_work[i]) ||
		    delayed_work_pending(&race_dw[i]))
			line = line ?: __LINE__;
	}
	before = READ_ONCE(race_calls);
	msleep(20);
	if (READ_ONCE(race_calls) != before)
		line = line ?: __LINE__;
	if (READ_ONCE(race_bad))
		line = line ?: __LINE__;
	destroy_workqueue(race_wq);
	*calls = before;
	uldd_exit();
	return line;
}

static const struct ktest_check cases[] = {
	{ "ktime_arithmetic", ktime_arithmetic },
	{ "timer_fires_once_in_softirq", timer_fires_once_in_softirq },
	{ "mod_timer_moves_pending", mod_timer_moves_pending },
	{ "del_timer_only_pending", del_timer_only_pending },
	{ "del_timer_sync_waits", del_timer_sync_waits },
	{ "timer_rearms_itself", timer_rearms_itself },
	{ "timer_shutdown_ignores_rearm", timer_shutdown_ignores_rearm },
	{ "hrtimer_fires_and_restarts", hrtimer_fires_and_restarts },
	{ "delays_keep_their_length", delays_keep_their_length },
	{ "work_runs_in_process_context", work_runs_in_process_context },
	{ "flush_work_waits", flush_work_waits },
	{ "cancel_and_requeue", cancel_and_requeue },
	{ "work_frees_itself", work_frees_itself },
	{ "delayed_work_runs_late", delayed_work_runs_late },
	{ "static_initializers_work", static_initializers_work },
	{ "ordered_wq_one_at_a_time", ordered_wq_one_at_a_time },
	{ "destroy_workqueue_drains", destroy_workqueue_drains },
	{ "kthread_stop_returns_value", kthread_stop_returns_value },
	{ "waiting_on_oneself_warns", waiting_on_oneself_warns },
};

int KTEST(ktest_time_setup)(unsigned int nr_vcpus)
{
	int err = uldd_mm_init();

	return err ? err : uldd_sched_init(nr_vcpus);
}

int KTEST(ktest_time_case)(unsigned int i, const char **name, int run)
{
	int ret;

	if (!run || i >= ARRAY_SIZE(cases))
		return ktest_check_case(cases, ARRAY_SIZE(cases), i, name, 0);
	reset_work();
	uldd_enter("ktest_time");
	ret = ktest_check_case(cases, ARRAY_SIZE(cases), i, name, 1);
	uldd_exit();
	return ret;
}
