// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * kernel/workqueue.c - workqueues: each has a FIFO of queued items and one
 * (ordered) to four worker threads, started on first use, that sleep on
 * the workqueue's wait queue and run items in process context. All lists,
 * workers' current items, flush barriers and the in-flight counts are
 * under one raw spinlock (pool_lock); an item's own state word changes by
 * compare-and-swap (see workqueue.h).
 *
 * An item is never run by two workers at once: one queued while it runs
 * goes to the running worker's own list and runs there next, whichever
 * workqueue it was queued on (Linux calls that a collision). flush_work()
 * waits with a barrier for the instance queued at its call, never for
 * later ones; flush_workqueue() for the items queued before its call (two
 * colours, counted per workqueue, as Linux's flush colours).
 */
#include <asm/processor.h>
#include <linux/completion.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
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
#include "../mm/private.h"
#include "../core/door.h"
#include "../debug/lockdep.h"

#define WQ_WORKERS 4

struct uldd_worker {
	struct workqueue_struct *wq;
	struct uhost_thread *thread;
	/* What it runs now, under pool_lock; func tells a reused address apart. */
	struct work_struct *current_work;
	work_func_t current_func;
	struct workqueue_struct *current_wq; /* where current_work was queued */
	u32 current_color;
	/* Items queued while this worker ran them: run here, next, in order. */
	struct list_head scheduled;
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
	/* Flush colours: items queued now get color; inflight counts each
	 * colour's items queued or running. Under pool_lock. */
	u32 color;
	unsigned int inflight[2];
	struct mutex flush_mutex; /* one flush_workqueue() at a time */
	char name[24];
	struct uldd_worker workers[WQ_WORKERS];
};

/* A flush_work() waiting, on its stack: done once its instance has run. */
struct wq_barrier {
	struct list_head node;
	struct work_struct *work;
	struct uldd_worker *worker; /* running the awaited instance; NULL: still queued */
	bool done;
};

static DEFINE_RAW_SPINLOCK(pool_lock);
/* Workqueues with workers: where a running item is looked for. */
static LIST_HEAD(started_wqs);
/* Woken whenever a worker finishes an item or a cancel ends: flushers wait here. */
static DECLARE_WAIT_QUEUE_HEAD(work_done_wq);
/* flush_work() barriers, under pool_lock. */
static LIST_HEAD(flush_barriers);
/* The worker this host thread is, if any. */
static __thread struct uldd_worker *this_worker __attribute__((tls_model("initial-exec")));

#define SYSTEM_WQ(var, wqname, nr)                                                  \
	static struct workqueue_struct var##_struct = {                             \
		.node = LIST_HEAD_INIT(var##_struct.node),                          \
		.works = LIST_HEAD_INIT(var##_struct.works),                        \
		.more_work = __WAIT_QUEUE_HEAD_INITIALIZER(var##_struct.more_work), \
		.nr_workers = (nr),                                                 \
		.is_system = true,                                                  \
		.flush_mutex = __MUTEX_INITIALIZER(var##_struct.flush_mutex),       \
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
struct workqueue_struct *system_percpu_wq = &system_wq_struct;

static bool worker_has_work(struct uldd_worker *w)
{
	return !list_empty(&w->scheduled) || !list_empty(&w->wq->works) || READ_ONCE(w->wq->dying);
}

/*
 * With pool_lock: the worker running work now, if any. Every started
 * workqueue is searched, not only the item's last one: an item may still
 * run on one workqueue after being queued on another.
 */
static struct uldd_worker *find_running(struct work_struct *work)
{
	struct workqueue_struct *wq;

	list_for_each_entry(wq, &started_wqs, node) {
		for (int i = 0; i < wq->nr_workers; i++) {
			struct uldd_worker *w = &wq->workers[i];

			if (w->current_work == work && w->current_func == work->func)
				return w;
		}
	}
	return NULL;
}

/* With pool_lock: an item left a list without running; its count goes. */
static void uncount_locked(struct work_struct *work)
{
	struct workqueue_struct *wq = work->uldd_wq;
	struct wq_barrier *b, *tmp;

	wq->inflight[work->uldd_color]--;
	/* A flush waiting for this instance has nothing left to wait for. */
	list_for_each_entry_safe(b, tmp, &flush_barriers, node) {
		if (b->work == work && !b->worker) {
			list_del(&b->node);
			smp_store_release(&b->done, true);
		}
	}
}

/* With pool_lock: w takes work off whatever list it is on, to run it. */
static void start_locked(struct uldd_worker *w, struct work_struct *work)
{
	struct wq_barrier *b;

	list_del_init(&work->entry);
	w->current_work = work;
	w->current_func = work->func;
	w->current_wq = work->uldd_wq;
	w->current_color = work->uldd_color;
	list_for_each_entry(b, &flush_barriers, node) {
		if (b->work == work && !b->worker)
			b->worker = w;
	}
}

/* With pool_lock: w's item has returned; returns whether anybody waits. */
static bool finish_locked(struct uldd_worker *w)
{
	struct wq_barrier *b, *tmp;
	bool wake = false;

	list_for_each_entry_safe(b, tmp, &flush_barriers, node) {
		if (b->worker == w) {
			list_del(&b->node);
			smp_store_release(&b->done, true);
			wake = true;
		}
	}
	if (!--w->current_wq->inflight[w->current_color])
		wake = true;
	w->current_work = NULL;
	w->current_func = NULL;
	w->current_wq = NULL;
	return wake;
}

static void worker_thread(void *arg)
{
	struct uldd_worker *w = arg;
	struct workqueue_struct *wq = w->wq;

	uldd_enter(wq->name);
	this_worker = w;
	for (;;) {
		struct uldd_worker *owner;
		struct work_struct *work;
		unsigned long flags;
		u32 pending = ULDD_WORK_PENDING;
		unsigned int held;
		bool wake;

		/*
		 * Idle, as Linux's kworkers: not a hung task however long. An
		 * exclusive waiter, so that queueing one item wakes one worker,
		 * not all four: each woken worker is a futex wake and a thread
		 * that must take a vCPU only to find the list empty again.
		 */
		if (!worker_has_work(w))
			(void)__uldd_wait_event(wq->more_work, worker_has_work(w), TASK_IDLE, 1,
						MAX_SCHEDULE_TIMEOUT);
		raw_spin_lock_irqsave(&pool_lock, flags);
		work = list_first_entry_or_null(&w->scheduled, struct work_struct, entry);
		if (!work)
			work = list_first_entry_or_null(&wq->works, struct work_struct, entry);
		if (!work) {
			bool dying = wq->dying;

			raw_spin_unlock_irqrestore(&pool_lock, flags);
			if (dying)
				break;
			continue;
		}
		/* Still running elsewhere: it runs after that, on that worker. */
		owner = find_running(work);
		if (owner && owner != w) {
			list_move_tail(&work->entry, &owner->scheduled);
			raw_spin_unlock_irqrestore(&pool_lock, flags);
			continue;
		}
		start_locked(w, work);
		/* Idle before it runs, so the callback may queue it again (or free it). */
		if (!__atomic_compare_exchange_n(&work->uldd_state, &pending, ULDD_WORK_IDLE, 0,
						 __ATOMIC_ACQ_REL, __ATOMIC_RELAXED))
			pr_err("BUG: workqueue %s: queued work %ps in state %u\n", wq->name,
			       work->func, pending);
		raw_spin_unlock_irqrestore(&pool_lock, flags);

		held = uldd_lockdep_cb_enter();
		w->current_func(work); /* from here on, work may be freed */
		uldd_lockdep_cb_exit(held, "work item", w->current_func);
		if (preempt_count() || irqs_disabled()) {
			pr_err("BUG: workqueue leaked lock or atomic: %s, func %ps, preempt_count %#x\n",
			       wq->name, w->current_func, preempt_count());
			preempt_count_sub(preempt_count());
			local_irq_enable();
		}

		raw_spin_lock_irqsave(&pool_lock, flags);
		wake = finish_locked(w);
		raw_spin_unlock_irqrestore(&pool_lock, flags);
		if (wake && wq_has_sleeper(&work_done_wq))
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
		INIT_LIST_HEAD(&w->scheduled);
		init_completion(&w->exited);
		err = uhost_thread_create(worker_thread, w, wq->name, &w->thread);
		if (err) {
			pr_err("workqueue %s: cannot start worker %d (%d)\n", wq->name, i, err);
			w->thread = NULL;
		}
	}
	__atomic_store_n(&wq->started, 2, __ATOMIC_RELEASE);
}

/*
 * The item is PENDING and on no list: put it on wq's, counted in wq's
 * current flush colour; or, if a worker runs it now, on that worker's own
 * list, so it never runs twice at once.
 */
static void insert_work(struct workqueue_struct *wq, struct work_struct *work)
{
	struct uldd_worker *owner;
	unsigned long flags;

	wq_start(wq);
	raw_spin_lock_irqsave(&pool_lock, flags);
	if (wq->dying && !(this_worker && this_worker->wq == wq))
		pr_err("BUG: queueing work %ps on workqueue %s being destroyed\n", work->func,
		       wq->name);
	work->uldd_wq = wq;
	work->uldd_color = wq->color;
	wq->inflight[wq->color]++;
	owner = find_running(work);
	if (owner)
		list_add_tail(&work->entry, &owner->scheduled);
	else
		list_add_tail(&work->entry, &wq->works);
	raw_spin_unlock_irqrestore(&pool_lock, flags);
	if (!owner)
		wake_up(&wq->more_work);
}

static bool work_running(struct work_struct *work)
{
	unsigned long flags;
	bool busy;

	raw_spin_lock_irqsave(&pool_lock, flags);
	busy = find_running(work) != NULL;
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
			uncount_locked(work);
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
	struct wq_barrier barrier = { .work = work };
	unsigned long flags;

	if (waits_on_self(work, "flush_work"))
		return false;
	raw_spin_lock_irqsave(&pool_lock, flags);
	/* Queued: wait for that instance. Else running: for this run. */
	if (list_empty(&work->entry))
		barrier.worker = find_running(work);
	if (list_empty(&work->entry) && !barrier.worker) {
		raw_spin_unlock_irqrestore(&pool_lock, flags);
		return false;
	}
	list_add_tail(&barrier.node, &flush_barriers);
	raw_spin_unlock_irqrestore(&pool_lock, flags);
	might_sleep();
	/* Acquire: the barrier's stack slot is free once done, and the list is off it. */
	wait_event(work_done_wq, smp_load_acquire(&barrier.done));
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
		wait_event(work_done_wq, !work_running(work));
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

static unsigned int wq_inflight(struct workqueue_struct *wq, u32 color)
{
	unsigned long flags;
	unsigned int n;

	raw_spin_lock_irqsave(&pool_lock, flags);
	n = wq->inflight[color];
	raw_spin_unlock_irqrestore(&pool_lock, flags);
	return n;
}

static bool wq_idle(struct workqueue_struct *wq)
{
	return !wq_inflight(wq, 0) && !wq_inflight(wq, 1);
}

static bool flush_from_own_worker(struct workqueue_struct *wq, const char *what)
{
	if (this_worker && this_worker->wq == wq) {
		pr_err("BUG: %s(%s) from its own worker: not waiting\n", what, wq->name);
		return true;
	}
	return false;
}

/* Items queued from now on get the other colour; wait out this one's. */
void flush_workqueue(struct workqueue_struct *wq)
{
	unsigned long flags;
	u32 old;

	if (flush_from_own_worker(wq, "flush_workqueue"))
		return;
	might_sleep();
	mutex_lock(&wq->flush_mutex);
	raw_spin_lock_irqsave(&pool_lock, flags);
	old = wq->color;
	wq->color ^= 1;
	raw_spin_unlock_irqrestore(&pool_lock, flags);
	wait_event(work_done_wq, !wq_inflight(wq, old));
	mutex_unlock(&wq->flush_mutex);
}

/* Until empty, items queued meanwhile (by its own items) included. */
void drain_workqueue(struct workqueue_struct *wq)
{
	if (flush_from_own_worker(wq, "drain_workqueue"))
		return;
	might_sleep();
	wait_event(work_done_wq, wq_idle(wq));
}

__attribute__((format(printf, 1, 4))) struct workqueue_struct *
alloc_workqueue(const char *fmt, unsigned int flags, int max_active, ...)
{
	struct workqueue_struct *wq = uldd_private_alloc(sizeof(*wq), GFP_KERNEL | __GFP_ZERO);
	va_list args;

	if (!wq)
		return NULL;
	va_start(args, max_active);
	vsnprintf(wq->name, sizeof(wq->name), fmt, args);
	va_end(args);
	INIT_LIST_HEAD(&wq->node);
	INIT_LIST_HEAD(&wq->works);
	init_waitqueue_head(&wq->more_work);
	mutex_init(&wq->flush_mutex);
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
	WRITE_ONCE(wq->dying, true);
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
			uldd_door_thread_join(wq->workers[i].thread);
		}
		raw_spin_lock_irqsave(&pool_lock, flags);
		list_del(&wq->node);
		raw_spin_unlock_irqrestore(&pool_lock, flags);
	}
	uldd_private_free(wq);
}
