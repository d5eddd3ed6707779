// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ktest_time.c - K-world bodies for test_time.c: timers, hrtimers, delays,
 * workqueues and kthreads where the conformance suite (tests/conform/
 * timer.c, hrtimer.c, delay.c, workqueue.c, kthread.c) does not state
 * them: forms it does not call, what the atomic-sleep checker reports,
 * uldd's own promises on delays, and host threads racing. Each case runs
 * by one H-world thread inside uldd_enter()/uldd_exit() against the real
 * timer thread and workers. The objects the shim's threads touch are
 * static, so a failed check that returns early leaves nothing on a dead
 * stack frame.
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

static struct completion done;
static struct timer_list tmr;
static struct hrtimer hrt;
static int fired, fired_limit;
static int ctx_softirq, ctx_interrupt, ctx_task, ctx_hardirq;
static unsigned long bugs_before, bugs_in_cb;
static ktime_t fired_at;

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
}

/* Records its context, then checks that a sleep here would be reported. */
static void probe_fn(struct timer_list *t)
{
	(void)t;
	fired_at = ktime_get();
	fired++;
	ctx_softirq = !!in_softirq();
	ctx_interrupt = !!in_interrupt();
	ctx_task = !!in_task();
	bugs_before = uldd_sched_bugs();
	might_sleep();
	bugs_in_cb = uldd_sched_bugs() - bugs_before;
	complete(&done);
}

/*
 * A sleep in a timer callback is reported by the atomic-sleep checker,
 * once (timer.runs_in_softirq states the context).
 */
static int timer_callback_sleep_reported(void)
{
	timer_setup(&tmr, probe_fn, 0);
	KCHECK(mod_timer(&tmr, jiffies + 1) == 0);
	KCHECK(wait_for_completion_timeout(&done, WAIT_LONG));
	KCHECK(ctx_softirq && ctx_interrupt && !ctx_task);
	KCHECK(bugs_in_cb == 1);
	KCHECK(del_timer_sync(&tmr) == 0 && fired == 1);
	return 0;
}

/* Moved earlier, it fires at the new expiry (timer.mod_timer_moves_later moves one later). */
static int mod_timer_moves_pending(void)
{
	timer_setup(&tmr, probe_fn, 0);
	KCHECK(mod_timer(&tmr, jiffies + FAR) == 0);
	KCHECK(mod_timer(&tmr, jiffies + msecs_to_jiffies(10)) == 1);
	KCHECK(wait_for_completion_timeout(&done, WAIT_LONG));
	KCHECK(fired == 1);
	return 0;
}

/* add_timer() of a timer with its expiry set (timer.pending_reported arms with mod_timer). */
static int del_timer_only_pending(void)
{
	timer_setup(&tmr, probe_fn, 0);
	tmr.expires = jiffies + 1;
	add_timer(&tmr);
	KCHECK(wait_for_completion_timeout(&done, WAIT_LONG));
	KCHECK(del_timer(&tmr) == 0);
	KCHECK(del_timer_sync(&tmr) == 0);
	KCHECK(fired == 1);
	return 0;
}

/* timer_shutdown_sync() (not in Linux 6.1): later arming is ignored. */
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

/*
 * hrtimer_setup() (not in Linux 6.1, whose hrtimer_init the conformance
 * cases use), hrtimer_is_queued(), and a _SOFT timer restarting itself
 * (hrtimer.restart_forward restarts a hard one).
 */
static int hrtimer_fires_and_restarts(void)
{
	ktime_t t0 = ktime_get();

	hrtimer_setup(&hrt, hr_fn, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	fired_limit = 1;
	hrtimer_start(&hrt, ms_to_ktime(3), HRTIMER_MODE_REL);
	/* Queued until due; the clock is read after the flag. */
	KCHECK(hrtimer_is_queued(&hrt) || us_since(t0) >= 3000);
	KCHECK(wait_for_completion_timeout(&done, WAIT_LONG));
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
	return 0;
}

/*
 * uldd's delays promise more than Linux's (delay.c): usleep_range() not
 * rounded to jiffies, msleep() at least its milliseconds of ktime, and
 * busy-waits (udelay, mdelay, ndelay) and fsleep() never short.
 */
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

/* The ktime_t helpers, which no conformance case computes with. */
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
static int ran, w_task, w_atomic, w_bugs;

static void reset_work(void)
{
	reset();
	init_completion(&gate);
	ran = w_task = w_atomic = w_bugs = 0;
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

/*
 * schedule_work(), and a work item that sleeps is no report for the
 * atomic-sleep checker (workqueue.runs_in_process_context states the
 * context, with queue_work).
 */
static int work_runs_in_process_context(void)
{
	INIT_WORK(&w1, ctx_work_fn);
	KCHECK(schedule_work(&w1));
	KCHECK(wait_for_completion_timeout(&done, WAIT_LONG));
	KCHECK(w_task && !w_atomic && w_bugs == 0);
	flush_work(&w1);
	KCHECK(ran == 1);
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

/*
 * cancel_work_sync() of a pending item says so, and it never runs
 * (workqueue.cancel_sync_waits_running cancels a running one); the
 * workqueue's name from a format.
 */
static int cancel_and_requeue(void)
{
	struct workqueue_struct *wq = alloc_ordered_workqueue("ktest_%s", 0, "ord");

	KCHECK(wq);
	INIT_WORK(&blocker, blocker_fn);
	INIT_WORK(&w1, count_fn);
	INIT_WORK(&w2, count_fn);
	KCHECK(queue_work(wq, &blocker));
	KCHECK(queue_work(wq, &w1));
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

/* A work item may free itself in its callback: the workqueue touches it no more. */
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

/*
 * What workqueue.delayed_not_before_delay, mod_delayed_work_moves,
 * cancel_delayed_pending and flush_delayed_runs_now leave out:
 * schedule_delayed_work(), queueing a pending item again keeps its delay,
 * the canceled item does not run after cancel_delayed_work_sync(),
 * cancel_delayed_work(), system_long_wq and system_unbound_wq, and what
 * flush_delayed_work() returns for an item still on its timer.
 */
static int delayed_work_runs_late(void)
{
	ktime_t t0;
	bool was_pending;
	int n;

	INIT_DELAYED_WORK(&dw, dwork_fn);
	/* Already pending: queueing again changes nothing, not even its delay. */
	KCHECK(schedule_delayed_work(&dw, FAR));
	KCHECK(!schedule_delayed_work(&dw, 1));
	msleep(20);
	KCHECK(ran == 0 && delayed_work_pending(&dw));
	KCHECK(cancel_delayed_work_sync(&dw));

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
	KCHECK(n == (was_pending ? 0 : 1));
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

static void drain_fn(struct work_struct *w)
{
	(void)w;
	msleep(5);
	__atomic_fetch_add(&ran, 1, __ATOMIC_RELAXED);
}

/*
 * An unbound workqueue drained by destroy_workqueue (workqueue.
 * ordered_one_at_a_time drains an ordered one), and one never used, made
 * by create_singlethread_workqueue(), that starts no thread and goes
 * quietly.
 */
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
	wq = create_singlethread_workqueue("ktest_unused");
	KCHECK(wq);
	destroy_workqueue(wq);
	return 0;
}

static int kthread_never_run(void *data)
{
	(void)data;
	ran = 1;
	return 7;
}

/* kthread_data() gives the function's data (kthread.c states the rest). */
static int kthread_data_is_its_data(void)
{
	static int loops;
	struct task_struct *k;

	k = kthread_create(kthread_never_run, &loops, "ktest_kt%d", 1);
	KCHECK(!IS_ERR(k));
	KCHECK(kthread_data(k) == &loops);
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
	{ "timer_callback_sleep_reported", timer_callback_sleep_reported },
	{ "mod_timer_moves_pending", mod_timer_moves_pending },
	{ "del_timer_only_pending", del_timer_only_pending },
	{ "timer_shutdown_ignores_rearm", timer_shutdown_ignores_rearm },
	{ "hrtimer_fires_and_restarts", hrtimer_fires_and_restarts },
	{ "delays_keep_their_length", delays_keep_their_length },
	{ "work_runs_in_process_context", work_runs_in_process_context },
	{ "cancel_and_requeue", cancel_and_requeue },
	{ "work_frees_itself", work_frees_itself },
	{ "delayed_work_runs_late", delayed_work_runs_late },
	{ "static_initializers_work", static_initializers_work },
	{ "destroy_workqueue_drains", destroy_workqueue_drains },
	{ "kthread_data_is_its_data", kthread_data_is_its_data },
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
