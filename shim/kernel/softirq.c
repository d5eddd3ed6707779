// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * kernel/softirq.c - the softirq thread and tasklets. One host thread,
 * started on the first raise, sleeps on a futex word without a virtual CPU;
 * a raise sets the action's bit in a pending mask and bumps the word. The
 * thread then takes a vCPU, adds SOFTIRQ_OFFSET to its preemption counter
 * and runs each raised action (softirq.h) until nothing is pending.
 *
 * As in the kernel, what a hard interrupt handler raises runs when the
 * interrupt returns, in the interrupt's own thread (uldd_softirq_irq_exit):
 * a NAPI poll follows its interrupt without waking another thread. One
 * runner at a time (softirq_running): a raise in hardirq context wakes
 * nobody, and whoever finds another runner active leaves the work to it
 * (the runner looks at the pending mask again before it stops).
 *
 * Tasklets: two singly linked lists (high and normal) under a raw
 * spinlock, each an action of the thread. A tasklet's SCHED bit says it is
 * on a list (set by whoever queues it, so it is queued once), its RUN bit
 * that its function runs; the thread clears SCHED just before the call, so
 * a schedule from the function itself queues it again. A disabled tasklet
 * goes back to its list without a raise; tasklet_enable() raises again.
 * Waiters (tasklet_kill, tasklet_disable) sleep on one wait queue that the
 * thread wakes after each call.
 */
#include <asm/processor.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/wait.h>

#include "../entry.h"
#include "softirq.h"
#include "../core/door.h"

static void tasklet_hi_action(void);
static void tasklet_action(void);

static void (*softirq_action[ULDD_NR_SOFTIRQ])(void) = {
	[ULDD_SOFTIRQ_HI] = tasklet_hi_action,
	[ULDD_SOFTIRQ_TASKLET] = tasklet_action,
};
static u32 softirq_pending; /* a bit per raised action */
static u32 softirq_running; /* 1 while a task runs the actions */
static u32 softirq_seq; /* a futex word: bumped by every raise */
/* 0: no thread yet, 1: being started, 2: running. */
static u32 softirq_thread_state;

static void softirq_thread_start(void);

static bool softirq_run_begin(void)
{
	return !__atomic_exchange_n(&softirq_running, 1, __ATOMIC_ACQUIRE);
}

/* Then looks again: a raise that saw us running relied on that. */
static bool softirq_run_end(void)
{
	__atomic_store_n(&softirq_running, 0, __ATOMIC_RELEASE);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	return __atomic_load_n(&softirq_pending, __ATOMIC_RELAXED);
}

/* One round: the actions raised now, in order. */
static void softirq_run_once(void)
{
	u32 pending = __atomic_exchange_n(&softirq_pending, 0, __ATOMIC_ACQ_REL);

	preempt_count_add(SOFTIRQ_OFFSET);
	for (unsigned int nr = 0; nr < ULDD_NR_SOFTIRQ; nr++) {
		void (*action)(void) = READ_ONCE(softirq_action[nr]);

		if ((pending & (1U << nr)) && action)
			action();
	}
	preempt_count_sub(SOFTIRQ_OFFSET);
}

static void softirq_wake_thread(void)
{
	__atomic_fetch_add(&softirq_seq, 1, __ATOMIC_SEQ_CST);
	uhost_futex_wake(&softirq_seq, 1);
}

static void softirq_thread(void *arg)
{
	(void)arg;
	uldd_enter("ksoftirqd");
	for (;;) {
		u32 seq = __atomic_load_n(&softirq_seq, __ATOMIC_ACQUIRE);

		if (!__atomic_load_n(&softirq_pending, __ATOMIC_ACQUIRE) || !softirq_run_begin()) {
			/* Nothing, or an interrupt thread runs it: it wakes us if need be. */
			uldd_exit();
			uldd_door_futex_wait(&softirq_seq, seq, 0);
			uldd_enter(NULL);
			continue;
		}
		do
			softirq_run_once();
		while (__atomic_load_n(&softirq_pending, __ATOMIC_RELAXED));
		softirq_run_end();
		/* Lets tasks waiting for this vCPU in between busy rounds. */
		cond_resched();
	}
}

/*
 * At the end of a hard interrupt, on its vCPU: runs what the handler
 * raised, a few rounds at most (a busy device must not keep its interrupt
 * thread from taking the next interrupt), then leaves the rest to the
 * softirq thread.
 */
void uldd_softirq_irq_exit(void)
{
	if (!__atomic_load_n(&softirq_pending, __ATOMIC_ACQUIRE))
		return;
	if (softirq_run_begin()) {
		for (int round = 0; round < 4; round++) {
			softirq_run_once();
			if (!__atomic_load_n(&softirq_pending, __ATOMIC_RELAXED))
				break;
		}
		if (!softirq_run_end())
			return;
	}
	softirq_thread_start();
	softirq_wake_thread();
}

static void softirq_thread_start(void)
{
	struct uhost_thread *thread;
	u32 none = 0;
	int err;

	if (likely(__atomic_load_n(&softirq_thread_state, __ATOMIC_ACQUIRE) == 2))
		return;
	if (!__atomic_compare_exchange_n(&softirq_thread_state, &none, 1, 0, __ATOMIC_ACQ_REL,
					 __ATOMIC_ACQUIRE))
		return; /* another task starts it; what is raised waits for it */
	err = uhost_thread_create(softirq_thread, NULL, "ksoftirqd", &thread);
	if (err) {
		pr_err("softirq: cannot start the softirq thread (%d): tasklets will not run\n",
		       err);
		__atomic_store_n(&softirq_thread_state, 0, __ATOMIC_RELEASE);
		return;
	}
	__atomic_store_n(&softirq_thread_state, 2, __ATOMIC_RELEASE);
}

void uldd_softirq_kick(void)
{
	if (!__atomic_load_n(&softirq_pending, __ATOMIC_SEQ_CST) ||
	    __atomic_load_n(&softirq_running, __ATOMIC_SEQ_CST))
		return;
	softirq_thread_start();
	softirq_wake_thread();
}

void uldd_softirq_open(enum uldd_softirq nr, void (*action)(void))
{
	WRITE_ONCE(softirq_action[nr], action);
	/* Now, in process context: raises in hardirq context start nothing. */
	softirq_thread_start();
}

void uldd_softirq_raise(enum uldd_softirq nr)
{
	__atomic_fetch_or(&softirq_pending, 1U << nr, __ATOMIC_SEQ_CST);
	/* A hard interrupt runs it on its way out; a runner sees the bit. */
	if (in_hardirq() || __atomic_load_n(&softirq_running, __ATOMIC_SEQ_CST))
		return;
	softirq_thread_start();
	softirq_wake_thread();
}

/* Tasklets. */

struct tasklet_list {
	struct tasklet_struct *head;
	struct tasklet_struct **tail;
};

static DEFINE_RAW_SPINLOCK(tasklet_lock);
static struct tasklet_list tasklet_lists[2] = {
	{ NULL, &tasklet_lists[0].head },
	{ NULL, &tasklet_lists[1].head },
};
static DECLARE_WAIT_QUEUE_HEAD(tasklet_wq);

void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long), unsigned long data)
{
	t->next = NULL;
	t->state = 0;
	atomic_set(&t->count, 0);
	t->use_callback = false;
	t->func = func;
	t->data = data;
}

void tasklet_setup(struct tasklet_struct *t, void (*callback)(struct tasklet_struct *))
{
	t->next = NULL;
	t->state = 0;
	atomic_set(&t->count, 0);
	t->use_callback = true;
	t->callback = callback;
	t->data = 0;
}

static void tasklet_append(unsigned int which, struct tasklet_struct *t)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&tasklet_lock, flags);
	t->next = NULL;
	*tasklet_lists[which].tail = t;
	tasklet_lists[which].tail = &t->next;
	raw_spin_unlock_irqrestore(&tasklet_lock, flags);
}

void __tasklet_schedule(struct tasklet_struct *t)
{
	tasklet_append(1, t);
	uldd_softirq_raise(ULDD_SOFTIRQ_TASKLET);
}

void __tasklet_hi_schedule(struct tasklet_struct *t)
{
	tasklet_append(0, t);
	uldd_softirq_raise(ULDD_SOFTIRQ_HI);
}

static void tasklet_wake_waiters(void)
{
	if (wq_has_sleeper(&tasklet_wq))
		wake_up_all(&tasklet_wq);
}

static void tasklet_run_list(unsigned int which)
{
	struct tasklet_struct *t;
	unsigned long flags;

	raw_spin_lock_irqsave(&tasklet_lock, flags);
	t = tasklet_lists[which].head;
	tasklet_lists[which].head = NULL;
	tasklet_lists[which].tail = &tasklet_lists[which].head;
	raw_spin_unlock_irqrestore(&tasklet_lock, flags);

	while (t) {
		struct tasklet_struct *next = t->next;

		if (atomic_read(&t->count) || test_and_set_bit(TASKLET_STATE_RUN, &t->state)) {
			/* Disabled: back on the list, to run after tasklet_enable(). */
			tasklet_append(which, t);
			t = next;
			continue;
		}
		if (!test_and_clear_bit(TASKLET_STATE_SCHED, &t->state))
			pr_err("BUG: tasklet %p on a list without its SCHED bit\n", t);
		if (t->use_callback)
			t->callback(t);
		else
			t->func(t->data);
		/*
		 * A release: the callback's accesses come before the clear that
		 * tasklet_unlock_wait() acquires, after which t may be freed.
		 */
		clear_bit_unlock(TASKLET_STATE_RUN, &t->state);
		tasklet_wake_waiters();
		t = next;
	}
}

static void tasklet_hi_action(void)
{
	tasklet_run_list(0);
}

static void tasklet_action(void)
{
	tasklet_run_list(1);
}

void tasklet_unlock_wait(struct tasklet_struct *t)
{
	if (in_atomic() || irqs_disabled()) {
		while (test_bit_acquire(TASKLET_STATE_RUN, &t->state))
			cpu_relax();
		return;
	}
	wait_event(tasklet_wq, !test_bit_acquire(TASKLET_STATE_RUN, &t->state));
}

void tasklet_enable(struct tasklet_struct *t)
{
	smp_mb__before_atomic();
	if (atomic_dec_return(&t->count) == 0 && test_bit(TASKLET_STATE_SCHED, &t->state)) {
		uldd_softirq_raise(ULDD_SOFTIRQ_HI);
		uldd_softirq_raise(ULDD_SOFTIRQ_TASKLET);
	}
}

void tasklet_kill(struct tasklet_struct *t)
{
	if (in_interrupt())
		pr_warn("tasklet_kill called from interrupt context\n");
	/* Owning SCHED keeps it from being queued again meanwhile. */
	while (test_and_set_bit(TASKLET_STATE_SCHED, &t->state))
		wait_event(tasklet_wq, !test_bit(TASKLET_STATE_SCHED, &t->state));
	tasklet_unlock_wait(t);
	clear_bit(TASKLET_STATE_SCHED, &t->state);
}
