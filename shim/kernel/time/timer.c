// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * kernel/time/timer.c - timer_list and the timer thread hrtimers share.
 * Pending nodes sit on one deadline-sorted list under a raw spinlock; a
 * host thread, started on first use, sleeps on a futex word until the
 * earliest deadline (or until the head changes) and runs expired callbacks
 * one at a time, in the context each node asks for, on a virtual CPU. A
 * timer_list node is also due only once jiffies has reached its expiry: a
 * node whose deadline came first (the coarse clock lagged more than ever
 * seen) goes back on the list for as long as jiffies still has to go.
 */
#include <asm/processor.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/wait.h>

#include "../../entry.h"
#include "../softirq.h"
#include "../../core/door.h"
#include "../../debug/leaks.h"
#include "../../debug/lockdep.h"

static DEFINE_RAW_SPINLOCK(tnode_lock);
static LIST_HEAD(tnode_pending);
/* The node whose callback runs now; cleared under tnode_lock. */
static struct uldd_tnode *tnode_running;
/* A futex word: bumped under tnode_lock whenever the head of the list changes. */
static u32 tnode_seq;
/* 0: no thread yet, 1: being started, 2: running. */
static u32 tnode_thread_state;
static struct task_struct *tnode_task;
/* del_timer_sync() waiters, woken after each callback. */
static DECLARE_WAIT_QUEUE_HEAD(tnode_sync_wq);

static bool node_pending(struct uldd_tnode *node)
{
	return node->entry.next != NULL;
}

/*
 * entry.next is what timer_pending() and hrtimer_is_queued() read without
 * the lock: it changes only by marked stores, straight between a list
 * pointer and NULL, never through list_del()'s poison.
 */
static void node_unlink(struct uldd_tnode *node)
{
	__list_del_entry(&node->entry);
	WRITE_ONCE(node->entry.next, NULL);
	node->entry.prev = NULL;
}

/* With tnode_lock: node on the list by deadline; whether it is the head now. */
static bool node_insert(struct uldd_tnode *node, u64 expires_ns)
{
	struct uldd_tnode *pos;

	node->expires_ns = expires_ns;
	/* From the tail: equal deadlines fire in the order they were armed. */
	list_for_each_entry_reverse(pos, &tnode_pending, entry) {
		if (pos->expires_ns <= expires_ns)
			break;
	}
	/* list_add(), with the marked store of entry.next. */
	node->entry.prev = &pos->entry;
	WRITE_ONCE(node->entry.next, pos->entry.next);
	pos->entry.next->prev = &node->entry;
	WRITE_ONCE(pos->entry.next, &node->entry);
	return tnode_pending.next == &node->entry;
}

/* Runs the expired nodes; returns the next deadline (0: none) and the seq seen. */
static u64 run_expired(u32 *seq)
{
	unsigned long flags;

	for (;;) {
		struct uldd_tnode *node;
		u64 next, now, late;
		int ctx;

		raw_spin_lock_irqsave(&tnode_lock, flags);
		*seq = tnode_seq;
		node = list_first_entry_or_null(&tnode_pending, struct uldd_tnode, entry);
		now = uhost_clock_ns();
		if (!node || node->expires_ns > now) {
			next = node ? node->expires_ns : 0;
			raw_spin_unlock_irqrestore(&tnode_lock, flags);
			return next;
		}
		if (node->on_jiffies && (late = uldd_jiffies_wait_ns(node->jexpires))) {
			node_unlink(node);
			node_insert(node, now + late);
			raw_spin_unlock_irqrestore(&tnode_lock, flags);
			continue;
		}
		node_unlink(node);
		WRITE_ONCE(tnode_running, node);
		ctx = node->ctx_offset;
		raw_spin_unlock_irqrestore(&tnode_lock, flags);

		/* A hard hrtimer runs as an interrupt does: interrupts off. */
		preempt_count_add(ctx);
		if (ctx == HARDIRQ_OFFSET)
			local_irq_disable();
		node->fire(node); /* the node may be freed from here on */
		if (ctx == HARDIRQ_OFFSET)
			local_irq_enable();
		preempt_count_sub(ctx);
		uldd_softirq_kick(); /* what a hard hrtimer raised */

		raw_spin_lock_irqsave(&tnode_lock, flags);
		WRITE_ONCE(tnode_running, NULL);
		raw_spin_unlock_irqrestore(&tnode_lock, flags);
		if (wq_has_sleeper(&tnode_sync_wq))
			wake_up_all(&tnode_sync_wq);
	}
}

/* Holds a vCPU only while callbacks run: an idle timer thread costs none. */
static void timer_thread(void *arg)
{
	(void)arg;
	uldd_enter("ktimers");
	WRITE_ONCE(tnode_task, current);
	for (;;) {
		u32 seq;
		u64 next = run_expired(&seq);

		uldd_exit();
		uldd_door_futex_wait(&tnode_seq, seq, next);
		uldd_enter(NULL);
	}
}

static void timer_thread_start(void)
{
	struct uhost_thread *thread;
	u32 none = 0;
	int err;

	if (likely(__atomic_load_n(&tnode_thread_state, __ATOMIC_ACQUIRE) == 2))
		return;
	if (!__atomic_compare_exchange_n(&tnode_thread_state, &none, 1, 0, __ATOMIC_ACQ_REL,
					 __ATOMIC_ACQUIRE))
		return; /* another task starts it; pending nodes wait for it */
	err = uhost_thread_create(timer_thread, NULL, "ktimers", &thread);
	if (err) {
		pr_err("timer: cannot start the timer thread (%d): timers will not fire\n", err);
		__atomic_store_n(&tnode_thread_state, 0, __ATOMIC_RELEASE);
		return;
	}
	__atomic_store_n(&tnode_thread_state, 2, __ATOMIC_RELEASE);
}

/* With tnode_lock: (re)arms node; the caller wakes the thread if it is the head now. */
static bool arm_locked(struct uldd_tnode *node, u64 expires_ns)
{
	if (node_pending(node))
		node_unlink(node);
	if (!node_insert(node, expires_ns))
		return false;
	tnode_seq++;
	return true;
}

/*
 * Arms node as how says: for expires_ns, or, given the timer's expires
 * field, for jiffies j (the field set under the lock). Returns whether it
 * was pending.
 */
static int tnode_arm(struct uldd_tnode *node, u64 expires_ns, unsigned long *expires,
		     unsigned long j, int how)
{
	unsigned long flags;
	bool head = false;
	int was;

	timer_thread_start();
	raw_spin_lock_irqsave(&tnode_lock, flags);
	was = node_pending(node);
	if (node->shut_down) {
		was = 0; /* re-arming a shut-down timer is silently ignored, as in Linux */
	} else if (how == ULDD_ARM_IF_PENDING && !was) {
	} else if (how == ULDD_ARM_REDUCE && was && !time_before(j, *expires)) {
	} else {
		if (expires) {
			*expires = j;
			node->jexpires = j;
			expires_ns = uldd_jiffies_to_clock_ns(j);
		}
		head = arm_locked(node, expires_ns);
	}
	raw_spin_unlock_irqrestore(&tnode_lock, flags);
	if (head)
		uhost_futex_wake(&tnode_seq, 1);
	uldd_leaks_res_add(ULDD_RES_TIMER, node, 0, NULL);
	return was;
}

/* For the leaks checker at the end (debug/leaks_res.c). */
unsigned int uldd_tnode_pending_list(struct uldd_tnode **out, unsigned int max)
{
	struct uldd_tnode *node;
	unsigned int n = 0;
	unsigned long flags;

	raw_spin_lock_irqsave(&tnode_lock, flags);
	list_for_each_entry(node, &tnode_pending, entry) {
		if (n < max)
			out[n] = node;
		n++;
	}
	raw_spin_unlock_irqrestore(&tnode_lock, flags);
	return n;
}

int uldd_tnode_arm(struct uldd_tnode *node, u64 expires_ns, bool only_if_pending)
{
	return tnode_arm(node, expires_ns, NULL, 0,
			 only_if_pending ? ULDD_ARM_IF_PENDING : ULDD_ARM_ALWAYS);
}

int uldd_tnode_arm_jiffies(struct uldd_tnode *node, unsigned long *expires, unsigned long j,
			   int how)
{
	return tnode_arm(node, 0, expires, j, how);
}

int uldd_tnode_shutdown(struct uldd_tnode *node)
{
	unsigned long flags;
	int was;

	raw_spin_lock_irqsave(&tnode_lock, flags);
	node->shut_down = true;
	was = node_pending(node);
	if (was)
		node_unlink(node);
	raw_spin_unlock_irqrestore(&tnode_lock, flags);
	return was;
}

int uldd_tnode_del(struct uldd_tnode *node)
{
	unsigned long flags;
	int was;

	raw_spin_lock_irqsave(&tnode_lock, flags);
	was = node_pending(node);
	if (was)
		node_unlink(node);
	raw_spin_unlock_irqrestore(&tnode_lock, flags);
	return was;
}

int uldd_tnode_try_del(struct uldd_tnode *node)
{
	unsigned long flags;
	int ret = -1;

	raw_spin_lock_irqsave(&tnode_lock, flags);
	if (tnode_running != node) {
		ret = node_pending(node);
		if (ret)
			node_unlink(node);
	}
	raw_spin_unlock_irqrestore(&tnode_lock, flags);
	return ret;
}

bool uldd_tnode_running(struct uldd_tnode *node)
{
	return READ_ONCE(tnode_running) == node;
}

int uldd_tnode_del_sync(struct uldd_tnode *node)
{
	int ret;

	if (current == READ_ONCE(tnode_task) && uldd_tnode_running(node)) {
		pr_err("BUG: del_timer_sync() of a timer from its own callback: not waiting\n");
		return uldd_tnode_del(node);
	}
	/* A callback may re-arm its timer: delete again until none runs. */
	while ((ret = uldd_tnode_try_del(node)) < 0) {
		if (in_atomic() || irqs_disabled())
			cpu_relax(); /* the callback holds another vCPU */
		else
			wait_event(tnode_sync_wq, !uldd_tnode_running(node));
	}
	return ret;
}

void uldd_timer_fire(struct uldd_tnode *node)
{
	struct timer_list *timer = container_of(node, struct timer_list, uldd_node);
	void (*fn)(struct timer_list *) = READ_ONCE(timer->function);

	unsigned int held;

	if (!fn)
		return;
	held = uldd_lockdep_cb_enter();
	fn(timer);
	uldd_lockdep_cb_exit(held, "timer callback", fn);
}

void timer_setup(struct timer_list *timer, void (*func)(struct timer_list *), unsigned int flags)
{
	timer->uldd_node.entry.next = NULL;
	timer->uldd_node.entry.prev = NULL;
	timer->uldd_node.expires_ns = 0;
	timer->uldd_node.fire = uldd_timer_fire;
	timer->uldd_node.ctx_offset = SOFTIRQ_OFFSET;
	timer->uldd_node.on_jiffies = true;
	timer->uldd_node.shut_down = false;
	timer->uldd_node.jexpires = 0;
	timer->function = func;
	timer->flags = flags;
	timer->expires = 0;
}

int mod_timer(struct timer_list *timer, unsigned long expires)
{
	return uldd_tnode_arm_jiffies(&timer->uldd_node, &timer->expires, expires, ULDD_ARM_ALWAYS);
}

int mod_timer_pending(struct timer_list *timer, unsigned long expires)
{
	return uldd_tnode_arm_jiffies(&timer->uldd_node, &timer->expires, expires,
				      ULDD_ARM_IF_PENDING);
}

int timer_reduce(struct timer_list *timer, unsigned long expires)
{
	return uldd_tnode_arm_jiffies(&timer->uldd_node, &timer->expires, expires, ULDD_ARM_REDUCE);
}

void add_timer(struct timer_list *timer)
{
	if (timer_pending(timer))
		pr_err("BUG: add_timer() of a pending timer\n");
	mod_timer(timer, READ_ONCE(timer->expires));
}

void add_timer_on(struct timer_list *timer, int cpu)
{
	(void)cpu;
	add_timer(timer);
}

int timer_delete(struct timer_list *timer)
{
	return uldd_tnode_del(&timer->uldd_node);
}

int try_to_del_timer_sync(struct timer_list *timer)
{
	return uldd_tnode_try_del(&timer->uldd_node);
}

int timer_delete_sync(struct timer_list *timer)
{
	return uldd_tnode_del_sync(&timer->uldd_node);
}

/*
 * The function goes, as in Linux, and the node refuses arming under the
 * core's lock, so a callback running now cannot re-arm it.
 */
int timer_shutdown(struct timer_list *timer)
{
	WRITE_ONCE(timer->function, NULL);
	return uldd_tnode_shutdown(&timer->uldd_node);
}

int timer_shutdown_sync(struct timer_list *timer)
{
	int was;

	WRITE_ONCE(timer->function, NULL);
	was = uldd_tnode_shutdown(&timer->uldd_node);
	/* Nothing can arm it now: this only waits for a running callback. */
	return uldd_tnode_del_sync(&timer->uldd_node) || was;
}
