// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * kernel/rcu/update.c - grace periods and RCU callbacks. A reader holds
 * its vCPU (rcu_read_lock() disables preemption), so synchronize_rcu()
 * snapshots every other vCPU's give count (rcu.h) and waits, sleeping with
 * a back-off from 10 us to 1 ms, until each vCPU that was busy has been
 * given back once: then every reader that ran at the call has finished.
 * Its own vCPU needs no wait, as the caller is not a reader. With no other
 * vCPU busy, it returns without sleeping.
 *
 * call_rcu() appends to one FIFO under a raw spinlock and queues a work
 * item; the item (serialised by a mutex) takes the whole list, waits for a
 * grace period and runs the callbacks in softirq context. rcu_barrier()
 * waits until the count of callbacks run reaches the count queued at its
 * call; callbacks run in queueing order, so that covers them all.
 */
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/preempt.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

#include "rcu.h"
#include "../../core/door.h"

#define RCU_WAIT_MIN_NS 10000ULL
#define RCU_WAIT_MAX_NS 1000000ULL

void synchronize_rcu(void)
{
	u64 snap[NR_CPUS];
	u64 waiting = 0; /* a bit per vCPU still to pass a quiescent state */
	u64 wait_ns = RCU_WAIT_MIN_NS;
	unsigned int n = READ_ONCE(nr_cpu_ids);
	unsigned int self = smp_processor_id();

	might_sleep();
	/* The caller's removals are visible to readers that start after this. */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	for (unsigned int i = 0; i < n; i++) {
		if (i == self)
			continue;
		snap[i] = uldd_vcpu_rcu_snap(i);
		if (snap[i] & 1)
			waiting |= 1ULL << i;
	}
	while (waiting) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		uldd_schedule_until(uhost_clock_ns() + wait_ns);
		__set_current_state(TASK_RUNNING);
		if (wait_ns < RCU_WAIT_MAX_NS)
			wait_ns *= 2;
		for (unsigned int i = 0; i < n; i++) {
			if ((waiting & (1ULL << i)) &&
			    (uldd_vcpu_rcu_snap(i) >> 1) != (snap[i] >> 1))
				waiting &= ~(1ULL << i);
		}
	}
	/* The readers' accesses come before the caller's frees. */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
}

static DEFINE_RAW_SPINLOCK(rcu_cb_lock);
static struct rcu_head *rcu_cb_head;
static struct rcu_head **rcu_cb_tail = &rcu_cb_head;
static unsigned long rcu_cb_queued; /* under rcu_cb_lock */
static unsigned long rcu_cb_done;
static DECLARE_WAIT_QUEUE_HEAD(rcu_barrier_wq);
static DEFINE_MUTEX(rcu_cb_mutex);

static void rcu_cb_work_fn(struct work_struct *work);
static DECLARE_WORK(rcu_cb_work, rcu_cb_work_fn);

static void rcu_cb_invoke(struct rcu_head *head)
{
	unsigned long offset = (unsigned long)head->func;

	if (__uldd_is_kfree_rcu_offset(offset))
		kvfree((char *)head - offset);
	else
		head->func(head);
}

static void rcu_cb_work_fn(struct work_struct *work)
{
	(void)work;
	mutex_lock(&rcu_cb_mutex);
	for (;;) {
		struct rcu_head *list;
		unsigned long flags;

		raw_spin_lock_irqsave(&rcu_cb_lock, flags);
		list = rcu_cb_head;
		rcu_cb_head = NULL;
		rcu_cb_tail = &rcu_cb_head;
		raw_spin_unlock_irqrestore(&rcu_cb_lock, flags);
		if (!list)
			break;
		synchronize_rcu();
		preempt_count_add(SOFTIRQ_OFFSET);
		while (list) {
			struct rcu_head *next = list->next;

			rcu_cb_invoke(list);
			__atomic_fetch_add(&rcu_cb_done, 1, __ATOMIC_RELEASE);
			list = next;
		}
		preempt_count_sub(SOFTIRQ_OFFSET);
		if (wq_has_sleeper(&rcu_barrier_wq))
			wake_up_all(&rcu_barrier_wq);
	}
	mutex_unlock(&rcu_cb_mutex);
}

void call_rcu(struct rcu_head *head, rcu_callback_t func)
{
	unsigned long flags;

	head->next = NULL;
	head->func = func;
	raw_spin_lock_irqsave(&rcu_cb_lock, flags);
	*rcu_cb_tail = head;
	rcu_cb_tail = &head->next;
	rcu_cb_queued++;
	raw_spin_unlock_irqrestore(&rcu_cb_lock, flags);
	schedule_work(&rcu_cb_work);
}

void rcu_barrier(void)
{
	unsigned long flags, target;

	raw_spin_lock_irqsave(&rcu_cb_lock, flags);
	target = rcu_cb_queued;
	raw_spin_unlock_irqrestore(&rcu_cb_lock, flags);
	wait_event(rcu_barrier_wq,
		   (long)(__atomic_load_n(&rcu_cb_done, __ATOMIC_ACQUIRE) - target) >= 0);
}
