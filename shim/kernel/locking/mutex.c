// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * kernel/locking/mutex.c - sleeping locks: the owner word is taken with one
 * compare-and-swap; contenders sleep exclusively on the mutex's wait queue
 * and the unlocker wakes one. A woken waiter competes again (no hand-off),
 * which keeps the uncontended path to one atomic each way.
 */
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/wait.h>

#include "../../debug/lockdep.h"

static bool mutex_try(struct mutex *lock)
{
	struct task_struct *none = NULL;

	return __atomic_compare_exchange_n(&lock->owner, &none, current, 0, __ATOMIC_ACQUIRE,
					   __ATOMIC_RELAXED);
}

static void mutex_lock_common(struct mutex *lock, unsigned int state, void *ip)
{
	DEFINE_WAIT(wait);

	might_sleep();
	if (uldd_debug_on(ULDD_DEBUG_LOCKDEP))
		uldd_lock_acquire_ip(lock, ULDD_LOCK_SLEEP, ip);
	if (likely(mutex_try(lock)))
		return;
	for (;;) {
		/* Queued with a full barrier before the retry: see mutex_unlock(). */
		prepare_to_wait_exclusive(&lock->wait, &wait, state);
		if (mutex_try(lock))
			break;
		schedule();
	}
	finish_wait(&lock->wait, &wait);
}

void mutex_lock(struct mutex *lock)
{
	mutex_lock_common(lock, TASK_UNINTERRUPTIBLE, __builtin_return_address(0));
}

int mutex_lock_interruptible(struct mutex *lock)
{
	mutex_lock_common(lock, TASK_INTERRUPTIBLE, __builtin_return_address(0));
	return 0;
}

int mutex_lock_killable(struct mutex *lock)
{
	mutex_lock_common(lock, TASK_KILLABLE, __builtin_return_address(0));
	return 0;
}

int mutex_trylock(struct mutex *lock)
{
	if (!mutex_try(lock))
		return 0;
	if (uldd_debug_on(ULDD_DEBUG_LOCKDEP))
		uldd_lock_acquire_ip(lock, ULDD_LOCK_SLEEP | ULDD_LOCK_TRY,
				     __builtin_return_address(0));
	return 1;
}

void mutex_unlock(struct mutex *lock)
{
	if (unlikely(__atomic_load_n(&lock->owner, __ATOMIC_RELAXED) != current))
		pr_err("BUG: %s/%d unlocks a mutex it does not hold\n", current->comm,
		       current->pid);
	if (uldd_debug_on(ULDD_DEBUG_LOCKDEP))
		uldd_lock_release(lock);
	__atomic_store_n(&lock->owner, NULL, __ATOMIC_RELEASE);
	/* Pairs with the waiter's barrier between queueing and retrying. */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	if (waitqueue_active(&lock->wait))
		wake_up(&lock->wait);
}
