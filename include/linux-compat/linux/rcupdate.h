/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/rcupdate.h - read-copy update. Readers bracket their accesses
 * with rcu_read_lock()/rcu_read_unlock() and load published pointers with
 * rcu_dereference(); updaters publish with rcu_assign_pointer() and free
 * what readers may still see only after a grace period: synchronize_rcu()
 * waits for one, call_rcu() and kfree_rcu() defer a callback past one.
 *
 * As in a non-preemptible kernel, rcu_read_lock() disables preemption, so
 * a reader keeps its virtual CPU for the whole read-side section (and must
 * not sleep). Giving a vCPU back is therefore a quiescent state of that
 * vCPU; a grace period has passed once every vCPU that was busy when it
 * started has been given back at least once.
 *
 * Emulation notes: one flavour: rcu_read_lock_bh() and _sched are
 * rcu_read_lock() (each disables preemption, which is what makes a reader
 * here). A task that keeps its vCPU for long without sleeping (a busy loop
 * without cond_resched() finding a waiter) delays grace periods. Callbacks
 * run in softirq context from a work item on system_wq, in the order they
 * were queued. No expedited grace periods (synchronize_rcu_expedited() is
 * synchronize_rcu()), no lockdep checks: the _check/_protected conditions
 * are not evaluated. Sleepable RCU is linux/srcu.h.
 */
#ifndef _LINUX_RCUPDATE_H
#define _LINUX_RCUPDATE_H

#include <linux/build_bug.h>
#include <linux/compiler.h>
#include <linux/preempt.h>
#include <linux/stddef.h>
#include <linux/types.h>

typedef void (*rcu_callback_t)(struct rcu_head *head);

static __always_inline void rcu_read_lock(void)
{
	preempt_disable();
}

static __always_inline void rcu_read_unlock(void)
{
	preempt_enable();
}

#define rcu_read_lock_bh() rcu_read_lock()
#define rcu_read_unlock_bh() rcu_read_unlock()
#define rcu_read_lock_sched() rcu_read_lock()
#define rcu_read_unlock_sched() rcu_read_unlock()
#define rcu_read_lock_held() (preempt_count() != 0)
#define rcu_read_lock_bh_held() rcu_read_lock_held()
#define rcu_read_lock_sched_held() rcu_read_lock_held()

#ifndef __rcu
#define __rcu
#endif

/*
 * A load ordered before the loads through its value (address dependency).
 * ThreadSanitizer does not follow dependencies: there it is a consume
 * load (an acquire, to gcc), so what rcu_assign_pointer() published
 * happens before the reader's accesses through it.
 */
#ifdef __SANITIZE_THREAD__
#define rcu_dereference(p) __atomic_load_n(&(p), __ATOMIC_CONSUME)
#else
#define rcu_dereference(p) READ_ONCE(p)
#endif
#define rcu_dereference_bh(p) rcu_dereference(p)
#define rcu_dereference_sched(p) rcu_dereference(p)
#define rcu_dereference_raw(p) rcu_dereference(p)
#define rcu_dereference_check(p, c) rcu_dereference(p)
#define rcu_dereference_bh_check(p, c) rcu_dereference(p)
#define rcu_dereference_protected(p, c) (p)
#define rcu_access_pointer(p) READ_ONCE(p)

/* Publishes v: everything written to *v before is visible to who loads it. */
#define rcu_assign_pointer(p, v) __atomic_store_n(&(p), (v), __ATOMIC_RELEASE)
/* For NULL or a value no reader can see yet: no ordering. */
#define RCU_INIT_POINTER(p, v) WRITE_ONCE(p, v)
#define RCU_INITIALIZER(v) (v)
#define rcu_replace_pointer(rcu_ptr, ptr, c)          \
	({                                            \
		typeof(ptr) __tmp = (rcu_ptr);        \
		rcu_assign_pointer((rcu_ptr), (ptr)); \
		__tmp;                                \
	})

/* Waits for a grace period: every reader running at the call has finished. May sleep. */
void synchronize_rcu(void);
#define synchronize_rcu_expedited() synchronize_rcu()
#define synchronize_net() synchronize_rcu()
/* Calls func(head) after a grace period; any context. */
void call_rcu(struct rcu_head *head, rcu_callback_t func);
/* Waits until every callback queued before the call has run. May sleep. */
void rcu_barrier(void);

/* For kfree_rcu(): an offset under 4096 in place of a callback frees the object. */
#define __uldd_is_kfree_rcu_offset(offset) ((offset) < 4096)
#define kfree_rcu(ptr, rhf)                                                                     \
	do {                                                                                    \
		typeof(ptr) ___p = (ptr);                                                       \
		BUILD_BUG_ON(!__uldd_is_kfree_rcu_offset(offsetof(typeof(*(ptr)), rhf)));       \
		if (___p)                                                                       \
			call_rcu(&___p->rhf,                                                    \
				 (rcu_callback_t)(unsigned long)offsetof(typeof(*(ptr)), rhf)); \
	} while (0)
#define kvfree_rcu(ptr, rhf) kfree_rcu(ptr, rhf)

#endif /* _LINUX_RCUPDATE_H */
