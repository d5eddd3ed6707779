// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * kernel/workqueue.c - workqueues: each has a FIFO of queued items and one
 * (ordered) to four worker threads, started on first use, that sleep on
 * the workqueue's wait queue and run items in process context. All lists
 * and workers' current items are under one raw spinlock (pool_lock); an
 * item's own state word changes by compare-and-swap (see workqueue.h).
 */
#include <asm/processor.h>
#include <linux/completion.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/sprintf.h>
#include <linux/stdarg.h>
#include <linux/string.h>
#include <linux/timer.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

#include "../entry.h"
#include "uhost.h"

#define WQ_WORKERS 4

struct uldd_worker {
	struct workqueue_struct *wq;
	struct uhost_thread *thread;
	/* What it runs now, under pool_lock; func tells a reused address apart. */
	struct work_struct *current_work;
	work_func_t current_func;
	struct completion exited;
};

struct workqueue_struct {
	struct list_head node; /* on started_wqs once its workers start */
	struct list_head works;
	struct wait_queue_head more_work; /* idle workers sleep here */
	unsigned int flags;
	int nr_workers;
	u32 started; /* 0: no workers yet, 1: being started, 2: started */
	bool dying;
	bool is_system;
	char name[24];
	struct uldd_worker workers[WQ_WORKERS];
};

static DEFINE_RAW_SPINLOCK(pool_lock);
/* Workqueues with workers: where a running item is looked for. */
static LIST_HEAD(started_wqs);
/* Woken whenever a worker finishes an item or a cancel ends: flushers wait here. */
static DECLARE_WAIT_QUEUE_HEAD(work_done_wq);
/* The worker this host thread is, if any. */
static __thread struct uldd_worker *this_worker __attribute__((tls_model("initial-exec")));

#define SYSTEM_WQ(var, wqname, nr)                                                  \
	static struct workqueue_struct var##_struct = {                             \
		.node = LIST_HEAD_INIT(var##_struct.node),                          \
		.works = LIST_HEAD_INIT(var##_struct.works),                        \
		.more_work = __WAIT_QUEUE_HEAD_INITIALIZER(var##_struct.more_work), \
		.nr_workers = (nr),                                                 \
		.is_system = true,                                                  \
		.name = wqname,                                                     \
	};                                                                          \
	struct workqueue_struct *var = &var##_struct

SYSTEM_WQ(system_wq, "events", WQ_WORKERS);
SYSTEM_WQ(system_highpri_wq, "events_highpri", WQ_WORKERS);
SYSTEM_WQ(system_long_wq, "events_long", WQ_WORKERS);
SYSTEM_WQ(system_unbound_wq, "events_unbound", WQ_WORKERS);
SYSTEM_WQ(system_freezable_wq, "events_freezable", WQ_WORKERS);
SYSTEM_WQ(system_power_efficient_wq, "events_power_efficient", WQ_WORKERS);
SYSTEM_WQ(system_freezable_power_efficient_wq, "events_freezable_pwr_ef", WQ_WORKERS);

static bool wq_has_work(struct workqueue_struct *wq)
{
	return !list_empty(&wq->works) || READ_ONCE(wq->dying);
}

static void worker_thread(void *arg)
{
	struct uldd_worker *w = arg;
	struct workqueue_struct *wq = w->wq;

	uldd_enter(wq->name);
	this_worker = w;
	for (;;) {
		struct work_struct *work;
		unsigned long flags;
		u32 pending = ULDD_WORK_PENDING;

		wait_event(wq->more_work, wq_has_work(wq));
		raw_spin_lock_irqsave(&pool_lock, flags);
		work = list_first_entry_or_null(&wq->works, struct work_struct, entry);
		if (!work) {
			bool dying = wq->dying;

			raw_spin_unlock_irqrestore(&pool_lock, flags);
			if (dying)
				break;
			continue;
		}
		list_del_init(&work->entry);
		w->current_work = work;
		w->current_func = work->func;
		/* Idle before it runs, so the callback may queue it again (or free it). */
		if (!__atomic_compare_exchange_n(&work->uldd_state, &pending, ULDD_WORK_IDLE, 0,
						 __ATOMIC_ACQ_REL, __ATOMIC_RELAXED))
			pr_err("BUG: workqueue %s: queued work %ps in state %u\n", wq->name,
			       work->func, pending);
		raw_spin_unlock_irqrestore(&pool_lock, flags);

		w->current_func(work); /* from here on, work may be freed */
		if (preempt_count() || irqs_disabled()) {
			pr_err("BUG: workqueue leaked lock or atomic: %s, func %ps, preempt_count %#x\n",
			       wq->name, w->current_func, preempt_count());
			preempt_count_sub(preempt_count());
			local_irq_enable();
		}

		raw_spin_lock_irqsave(&pool_lock, flags);
		w->current_work = NULL;
		w->current_func = NULL;
		raw_spin_unlock_irqrestore(&pool_lock, flags);
		if (wq_has_sleeper(&work_done_wq))
			wake_up_all(&work_done_wq);
	}
	this_worker = NULL;
	complete(&w->exited);
	uldd_exit();
}

/* Workers start on first queueing; items queued meanwhile wait on the list. */
static void wq_start(struct workqueue_struct *wq)
{
	unsigned long flags;
	u32 none = 0;

	if (likely(__atomic_load_n(&wq->started, __ATOMIC_ACQUIRE) == 2))
		return;
	if (!__atomic_compare_exchange_n(&wq->started, &none, 1, 0, __ATOMIC_ACQ_REL,
					 __ATOMIC_ACQUIRE))
		return;
	raw_spin_lock_irqsave(&pool_lock, flags);
	list_add_tail(&wq->node, &started_wqs);
	raw_spin_unlock_irqrestore(&pool_lock, flags);
	for (int i = 0; i < wq->nr_workers; i++) {
		struct uldd_worker *w = &wq->workers[i];
		int err;

		w->wq = wq;
		init_completion(&w->exited);
		err = uhost_thread_create(worker_thread, w, wq->name, &w->thread);
		if (err) {
			pr_err("workqueue %s: cannot start worker %d (%d)\n", wq->name, i, err);
			w->thread = NULL;
		}
	}
	__atomic_store_n(&wq->started, 2, __ATOMIC_RELEASE);
}

/* The item is PENDING and on no list: put it on wq's. */
static void insert_work(struct workqueue_struct *wq, struct work_struct *work)
{
	unsigned long flags;

	wq_start(wq);
	raw_spin_lock_irqsave(&pool_lock, flags);
	if (wq->dying && !(this_worker && this_worker->wq == wq))
		pr_err("BUG: queueing work %ps on workqueue %s being destroyed\n", work->func,
		       wq->name);
	work->uldd_wq = wq;
	list_add_tail(&work->entry, &wq->works);
	raw_spin_unlock_irqrestore(&pool_lock, flags);
	wake_up(&wq->more_work);
}

/*
 * Every started workqueue is searched, not only the item's last one: an
 * item may still run on one workqueue after being queued on another.
 */
static bool running_locked(struct work_struct *work)
{
	struct workqueue_struct *wq;

	list_for_each_entry(wq, &started_wqs, node) {
		for (int i = 0; i < wq->nr_workers; i++) {
			if (wq->workers[i].current_work == work &&
			    wq->workers[i].current_func == work->func)
				return true;
		}
	}
	return false;
}

static bool work_busy_now(struct work_struct *work, bool queued_too)
{
	unsigned long flags;
	bool busy;

	raw_spin_lock_irqsave(&pool_lock, flags);
	busy = running_locked(work) || (queued_too && !list_empty(&work->entry));
	raw_spin_unlock_irqrestore(&pool_lock, flags);
	return busy;
}

/* Waiting on oneself would never end: Linux warns, and so do we. */
static bool waits_on_self(struct work_struct *work, const char *what)
{
	if (this_worker && READ_ONCE(this_worker->current_work) == work) {
		pr_err("BUG: %s() of work %ps from its own callback: not waiting\n", what,
		       work->func);
		return true;
	}
	return false;
}

bool queue_work_on(int cpu, struct workqueue_struct *wq, struct work_struct *work)
{
	u32 idle = ULDD_WORK_IDLE;

	(void)cpu;
	if (!__atomic_compare_exchange_n(&work->uldd_state, &idle, ULDD_WORK_PENDING, 0,
					 __ATOMIC_ACQ_REL, __ATOMIC_RELAXED))
		return false;
	insert_work(wq, work);
	return true;
}

static void queue_delayed(struct workqueue_struct *wq, struct delayed_work *dwork,
			  unsigned long delay)
{
	dwork->wq = wq;
	if (!delay) {
		insert_work(wq, &dwork->work);
		return;
	}
	mod_timer(&dwork->timer, jiffies + delay);
}

void delayed_work_timer_fn(struct timer_list *t)
{
	struct delayed_work *dwork = from_timer(dwork, t, timer);

	insert_work(dwork->wq, &dwork->work);
}

bool queue_delayed_work_on(int cpu, struct workqueue_struct *wq, struct delayed_work *dwork,
			   unsigned long delay)
{
	u32 idle = ULDD_WORK_IDLE;

	(void)cpu;
	if (!__atomic_compare_exchange_n(&dwork->work.uldd_state, &idle, ULDD_WORK_PENDING, 0,
					 __ATOMIC_ACQ_REL, __ATOMIC_RELAXED))
		return false;
	queue_delayed(wq, dwork, delay);
	return true;
}

/*
 * Takes the item's pending state from wherever it is and leaves the item
 * off every list and timer, in state to. Returns 1 if it was pending, 0 if
 * idle, -ENOENT if a cancel_*_sync() owns it. A PENDING item is on a
 * list, on its timer, or briefly in between (its queuer or the timer
 * callback is on the way to the list): then look again.
 */
static int grab_pending(struct work_struct *work, struct delayed_work *dwork, u32 to)
{
	for (;;) {
		u32 s = __atomic_load_n(&work->uldd_state, __ATOMIC_ACQUIRE);
		unsigned long flags;
		int ret = -EAGAIN;

		if (s == ULDD_WORK_CANCELING)
			return -ENOENT;
		if (s == ULDD_WORK_IDLE) {
			if (__atomic_compare_exchange_n(&work->uldd_state, &s, to, 0,
							__ATOMIC_ACQ_REL, __ATOMIC_RELAXED))
				return 0;
			continue;
		}
		raw_spin_lock_irqsave(&pool_lock, flags);
		if (dwork && timer_delete(&dwork->timer)) {
			ret = 1;
		} else if (!list_empty(&work->entry)) {
			list_del_init(&work->entry);
			ret = 1;
		}
		/* Under pool_lock, only this path and the worker leave PENDING. */
		if (ret == 1)
			__atomic_store_n(&work->uldd_state, to, __ATOMIC_RELEASE);
		raw_spin_unlock_irqrestore(&pool_lock, flags);
		if (ret == 1) {
			/* Off its list: a flush_work() waiting for that is done. */
			if (wq_has_sleeper(&work_done_wq))
				wake_up_all(&work_done_wq);
			return 1;
		}
		cpu_relax();
	}
}

bool mod_delayed_work_on(int cpu, struct workqueue_struct *wq, struct delayed_work *dwork,
			 unsigned long delay)
{
	int ret = grab_pending(&dwork->work, dwork, ULDD_WORK_PENDING);

	(void)cpu;
	if (ret < 0)
		return false;
	queue_delayed(wq, dwork, delay);
	return ret == 1;
}

bool flush_work(struct work_struct *work)
{
	if (waits_on_self(work, "flush_work"))
		return false;
	if (!work_busy_now(work, true))
		return false;
	might_sleep();
	wait_event(work_done_wq, !work_busy_now(work, true));
	return true;
}

bool flush_delayed_work(struct delayed_work *dwork)
{
	bool queued = false;

	/* Still on its timer: queue it now, as the timer would have. */
	if (timer_delete(&dwork->timer)) {
		insert_work(dwork->wq, &dwork->work);
		queued = true;
	}
	/* It was pending, so this waits for it even if a worker was quicker. */
	return flush_work(&dwork->work) || queued;
}

static bool cancel_common(struct work_struct *work, struct delayed_work *dwork)
{
	int ret = grab_pending(work, dwork, ULDD_WORK_IDLE);

	return ret == 1;
}

static bool cancel_sync_common(struct work_struct *work, struct delayed_work *dwork)
{
	int ret;

	might_sleep();
	/* Another canceler owns it: wait for that cancel to end, as Linux does. */
	while ((ret = grab_pending(work, dwork, ULDD_WORK_CANCELING)) < 0)
		wait_event(work_done_wq, READ_ONCE(work->uldd_state) != ULDD_WORK_CANCELING);
	if (!waits_on_self(work, dwork ? "cancel_delayed_work_sync" : "cancel_work_sync"))
		wait_event(work_done_wq, !work_busy_now(work, false));
	__atomic_store_n(&work->uldd_state, ULDD_WORK_IDLE, __ATOMIC_RELEASE);
	if (wq_has_sleeper(&work_done_wq))
		wake_up_all(&work_done_wq);
	return ret == 1;
}

bool cancel_work(struct work_struct *work)
{
	return cancel_common(work, NULL);
}

bool cancel_work_sync(struct work_struct *work)
{
	return cancel_sync_common(work, NULL);
}

bool cancel_delayed_work(struct delayed_work *dwork)
{
	return cancel_common(&dwork->work, dwork);
}

bool cancel_delayed_work_sync(struct delayed_work *dwork)
{
	return cancel_sync_common(&dwork->work, dwork);
}

struct work_struct *current_work(void)
{
	return this_worker ? this_worker->current_work : NULL;
}

static bool wq_idle(struct workqueue_struct *wq)
{
	unsigned long flags;
	bool idle;

	raw_spin_lock_irqsave(&pool_lock, flags);
	idle = list_empty(&wq->works);
	for (int i = 0; idle && i < wq->nr_workers; i++)
		idle = !wq->workers[i].current_work;
	raw_spin_unlock_irqrestore(&pool_lock, flags);
	return idle;
}

void flush_workqueue(struct workqueue_struct *wq)
{
	if (this_worker && this_worker->wq == wq) {
		pr_err("BUG: flush_workqueue(%s) from its own worker: not waiting\n", wq->name);
		return;
	}
	might_sleep();
	wait_event(work_done_wq, wq_idle(wq));
}

void drain_workqueue(struct workqueue_struct *wq)
{
	flush_workqueue(wq);
}

__attribute__((format(printf, 1, 4))) struct workqueue_struct *
alloc_workqueue(const char *fmt, unsigned int flags, int max_active, ...)
{
	struct workqueue_struct *wq = kzalloc(sizeof(*wq), GFP_KERNEL);
	va_list args;

	if (!wq)
		return NULL;
	va_start(args, max_active);
	vsnprintf(wq->name, sizeof(wq->name), fmt, args);
	va_end(args);
	INIT_LIST_HEAD(&wq->node);
	INIT_LIST_HEAD(&wq->works);
	init_waitqueue_head(&wq->more_work);
	wq->flags = flags;
	wq->nr_workers = (flags & __WQ_ORDERED) || max_active == 1 ? 1 : WQ_WORKERS;
	return wq;
}

void destroy_workqueue(struct workqueue_struct *wq)
{
	unsigned long flags;

	if (wq->is_system) {
		pr_err("BUG: destroy_workqueue() of %s\n", wq->name);
		return;
	}
	drain_workqueue(wq);
	raw_spin_lock_irqsave(&pool_lock, flags);
	wq->dying = true;
	raw_spin_unlock_irqrestore(&pool_lock, flags);
	wake_up_all(&wq->more_work);
	/* Another task may be starting the workers: let it finish. */
	while (__atomic_load_n(&wq->started, __ATOMIC_ACQUIRE) == 1)
		cpu_relax();
	/* A worker's last steps after complete() make no kernel call: joins are short. */
	if (__atomic_load_n(&wq->started, __ATOMIC_ACQUIRE)) {
		for (int i = 0; i < wq->nr_workers; i++) {
			if (!wq->workers[i].thread)
				continue;
			wait_for_completion(&wq->workers[i].exited);
			uhost_thread_join(wq->workers[i].thread);
		}
		raw_spin_lock_irqsave(&pool_lock, flags);
		list_del(&wq->node);
		raw_spin_unlock_irqrestore(&pool_lock, flags);
	}
	kfree(wq);
}
