/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/workqueue.h - work items run in process context by a workqueue's
 * worker threads (tasks that may sleep). An ordered workqueue has one
 * worker, so its items run one at a time in queueing order; any other has
 * up to four, taking items in FIFO order. Workers start on first queueing.
 *
 * Emulation notes: a work item's own state word (uldd_state) is idle,
 * pending or canceling, changed with compare-and-swap; "running" is known
 * only to the worker that runs it (its current_work), never stored in the
 * item, so an item may free itself in its callback. An item is never run
 * by two workers at once: queued while it runs, it waits on that worker's
 * own list. max_active is honoured only as "1 means one worker". CPU
 * arguments (queue_work_on ...) are ignored. flush_work() waits for the
 * instance queued at its call (or the run in progress, if none is queued),
 * flush_workqueue() for the items queued before its call, as in Linux.
 * Flushing or canceling a work item from its own callback is reported and
 * returns without waiting.
 */
#ifndef _LINUX_WORKQUEUE_H
#define _LINUX_WORKQUEUE_H

#include <linux/compiler.h>
#include <linux/container_of.h>
#include <linux/list.h>
#include <linux/timer.h>
#include <linux/types.h>

struct workqueue_struct;
struct work_struct;
typedef void (*work_func_t)(struct work_struct *work);

/* The states of a work item's uldd_state word. */
#define ULDD_WORK_IDLE 0U
#define ULDD_WORK_PENDING 1U /* queued, on a delayed work's timer, or being queued */
#define ULDD_WORK_CANCELING 2U /* a cancel_*_sync() owns it; queueing fails */

struct work_struct {
	u32 uldd_state;
	struct list_head entry; /* on its workqueue's list while queued */
	work_func_t func;
	struct workqueue_struct *uldd_wq; /* where it was last queued */
	u32 uldd_color; /* the flush colour it was queued in */
};

struct delayed_work {
	struct work_struct work;
	struct timer_list timer;
	struct workqueue_struct *wq;
	int cpu;
};

void delayed_work_timer_fn(struct timer_list *t);

#define WORK_CPU_UNBOUND 64

#define __WORK_INITIALIZER(n, f)                                \
	{                                                       \
		.entry = LIST_HEAD_INIT((n).entry), .func = (f) \
	}
#define __DELAYED_WORK_INITIALIZER(n, f, tflags)                               \
	{                                                                      \
		.work = __WORK_INITIALIZER((n).work, (f)),                     \
		.timer = __TIMER_INITIALIZER(delayed_work_timer_fn, (tflags)), \
	}
#define DECLARE_WORK(n, f) struct work_struct n = __WORK_INITIALIZER(n, f)
#define DECLARE_DELAYED_WORK(n, f) struct delayed_work n = __DELAYED_WORK_INITIALIZER(n, f, 0)
#define DECLARE_DEFERRABLE_WORK(n, f) \
	struct delayed_work n = __DELAYED_WORK_INITIALIZER(n, f, TIMER_DEFERRABLE)

#define INIT_WORK(_work, _func)                    \
	do {                                       \
		struct work_struct *__w = (_work); \
		__w->uldd_state = ULDD_WORK_IDLE;  \
		INIT_LIST_HEAD(&__w->entry);       \
		__w->func = (_func);               \
		__w->uldd_wq = NULL;               \
	} while (0)
#define INIT_WORK_ONSTACK(_work, _func) INIT_WORK(_work, _func)
#define INIT_DELAYED_WORK(_work, _func)                              \
	do {                                                         \
		struct delayed_work *__dw = (_work);                 \
		INIT_WORK(&__dw->work, (_func));                     \
		timer_setup(&__dw->timer, delayed_work_timer_fn, 0); \
		__dw->wq = NULL;                                     \
		__dw->cpu = WORK_CPU_UNBOUND;                        \
	} while (0)
#define INIT_DELAYED_WORK_ONSTACK(_work, _func) INIT_DELAYED_WORK(_work, _func)
#define INIT_DEFERRABLE_WORK(_work, _func) INIT_DELAYED_WORK(_work, _func)

static inline void destroy_work_on_stack(struct work_struct *work)
{
	(void)work;
}

static inline void destroy_delayed_work_on_stack(struct delayed_work *work)
{
	(void)work;
}

static inline struct delayed_work *to_delayed_work(struct work_struct *work)
{
	return container_of(work, struct delayed_work, work);
}

/* As in Linux, "pending" includes being canceled. */
#define work_pending(work) (READ_ONCE((work)->uldd_state) != ULDD_WORK_IDLE)
#define delayed_work_pending(w) work_pending(&(w)->work)

enum {
	WQ_BH = 1 << 0,
	WQ_UNBOUND = 1 << 1,
	WQ_FREEZABLE = 1 << 2,
	WQ_MEM_RECLAIM = 1 << 3,
	WQ_HIGHPRI = 1 << 4,
	WQ_CPU_INTENSIVE = 1 << 5,
	WQ_SYSFS = 1 << 6,
	WQ_POWER_EFFICIENT = 1 << 7,
	__WQ_ORDERED = 1 << 17,
	WQ_MAX_ACTIVE = 512,
	WQ_DFL_ACTIVE = WQ_MAX_ACTIVE / 2,
};

extern struct workqueue_struct *system_wq;
extern struct workqueue_struct *system_highpri_wq;
extern struct workqueue_struct *system_long_wq;
extern struct workqueue_struct *system_unbound_wq;
extern struct workqueue_struct *system_freezable_wq;
extern struct workqueue_struct *system_power_efficient_wq;
extern struct workqueue_struct *system_freezable_power_efficient_wq;
/*
 * Linux 6.12's name for system_wq (drivers move to it before the old name
 * goes): the same queue, so work queued under either name is ordered and
 * flushed together.
 */
extern struct workqueue_struct *system_percpu_wq;
#define system_dfl_wq system_unbound_wq

__attribute__((format(printf, 1, 4))) struct workqueue_struct *
alloc_workqueue(const char *fmt, unsigned int flags, int max_active, ...);
#define alloc_ordered_workqueue(fmt, flags, args...) \
	alloc_workqueue(fmt, WQ_UNBOUND | __WQ_ORDERED | (flags), 1, ##args)
#define create_workqueue(name) alloc_workqueue("%s", WQ_MEM_RECLAIM, 1, (name))
#define create_freezable_workqueue(name) \
	alloc_workqueue("%s", WQ_FREEZABLE | WQ_UNBOUND | WQ_MEM_RECLAIM, 1, (name))
#define create_singlethread_workqueue(name) alloc_ordered_workqueue("%s", WQ_MEM_RECLAIM, name)
void destroy_workqueue(struct workqueue_struct *wq);
void flush_workqueue(struct workqueue_struct *wq);
void drain_workqueue(struct workqueue_struct *wq);

bool queue_work_on(int cpu, struct workqueue_struct *wq, struct work_struct *work);
bool queue_delayed_work_on(int cpu, struct workqueue_struct *wq, struct delayed_work *dwork,
			   unsigned long delay);
bool mod_delayed_work_on(int cpu, struct workqueue_struct *wq, struct delayed_work *dwork,
			 unsigned long delay);
bool flush_work(struct work_struct *work);
bool flush_delayed_work(struct delayed_work *dwork);
bool cancel_work(struct work_struct *work);
bool cancel_work_sync(struct work_struct *work);
bool cancel_delayed_work(struct delayed_work *dwork);
bool cancel_delayed_work_sync(struct delayed_work *dwork);
/* The work item the calling worker runs, or NULL. */
struct work_struct *current_work(void);

static inline bool queue_work(struct workqueue_struct *wq, struct work_struct *work)
{
	return queue_work_on(WORK_CPU_UNBOUND, wq, work);
}

static inline bool queue_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork,
				      unsigned long delay)
{
	return queue_delayed_work_on(WORK_CPU_UNBOUND, wq, dwork, delay);
}

static inline bool mod_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork,
				    unsigned long delay)
{
	return mod_delayed_work_on(WORK_CPU_UNBOUND, wq, dwork, delay);
}

static inline bool schedule_work(struct work_struct *work)
{
	return queue_work(system_wq, work);
}

static inline bool schedule_work_on(int cpu, struct work_struct *work)
{
	return queue_work_on(cpu, system_wq, work);
}

static inline bool schedule_delayed_work(struct delayed_work *dwork, unsigned long delay)
{
	return queue_delayed_work(system_wq, dwork, delay);
}

static inline bool schedule_delayed_work_on(int cpu, struct delayed_work *dwork,
					    unsigned long delay)
{
	return queue_delayed_work_on(cpu, system_wq, dwork, delay);
}

#define flush_scheduled_work() flush_workqueue(system_wq)

#endif /* _LINUX_WORKQUEUE_H */
