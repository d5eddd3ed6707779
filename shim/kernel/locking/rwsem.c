// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * kernel/locking/rwsem.c - read-write semaphores. The count and the number
 * of waiting writers change under the semaphore's spinlock; a task that
 * cannot enter queues itself on the wait queue (non-exclusive) before it
 * tries, then sleeps, so a release between its try and its sleep still
 * wakes it. Releases that may let a waiter in wake the whole queue: woken
 * tasks compete again, and a waiting writer keeps new readers out. The
 * inner spinlock is taken bare (sem_lock()): it shares the semaphore's
 * address, which is the semaphore's to the lock validator.
 */
#include <linux/kernel.h>
#include <linux/rwsem.h>
#include <linux/sched.h>
#include <linux/wait.h>

#include "../../debug/lockdep.h"

static void sem_lock(struct rw_semaphore *sem)
{
	preempt_disable();
	do_raw_spin_lock(&sem->lock.rlock);
}

static void sem_unlock(struct rw_semaphore *sem)
{
	do_raw_spin_unlock(&sem->lock.rlock);
	preempt_enable();
}

static bool rwsem_try_read(struct rw_semaphore *sem)
{
	bool ok;

	sem_lock(sem);
	ok = sem->count >= 0 && !sem->write_waiters;
	if (ok)
		sem->count++;
	sem_unlock(sem);
	return ok;
}

/* waiting: the caller counts among the waiting writers; it stops on success. */
static bool rwsem_try_write(struct rw_semaphore *sem, bool waiting)
{
	bool ok;

	sem_lock(sem);
	ok = sem->count == 0;
	if (ok) {
		sem->count = -1;
		if (waiting)
			sem->write_waiters--;
	}
	sem_unlock(sem);
	return ok;
}

static void rwsem_wake(struct rw_semaphore *sem)
{
	/* Pairs with the spinlock the waiter took after queueing itself. */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	if (waitqueue_active(&sem->wait))
		wake_up_all(&sem->wait);
}

static void down_read_common(struct rw_semaphore *sem, unsigned int state, void *ip)
{
	DEFINE_WAIT(wait);

	might_sleep();
	if (uldd_debug_on(ULDD_DEBUG_LOCKDEP))
		uldd_lock_acquire_ip(sem, ULDD_LOCK_SLEEP | ULDD_LOCK_READ, ip);
	if (likely(rwsem_try_read(sem)))
		return;
	for (;;) {
		prepare_to_wait(&sem->wait, &wait, state);
		if (rwsem_try_read(sem))
			break;
		schedule();
	}
	finish_wait(&sem->wait, &wait);
}

void down_read(struct rw_semaphore *sem)
{
	down_read_common(sem, TASK_UNINTERRUPTIBLE, __builtin_return_address(0));
}

int down_read_interruptible(struct rw_semaphore *sem)
{
	down_read_common(sem, TASK_INTERRUPTIBLE, __builtin_return_address(0));
	return 0;
}

int down_read_killable(struct rw_semaphore *sem)
{
	down_read_common(sem, TASK_KILLABLE, __builtin_return_address(0));
	return 0;
}

int down_read_trylock(struct rw_semaphore *sem)
{
	if (!rwsem_try_read(sem))
		return 0;
	if (uldd_debug_on(ULDD_DEBUG_LOCKDEP))
		uldd_lock_acquire_ip(sem, ULDD_LOCK_SLEEP | ULDD_LOCK_READ | ULDD_LOCK_TRY,
				     __builtin_return_address(0));
	return 1;
}

void up_read(struct rw_semaphore *sem)
{
	long left;

	if (uldd_debug_on(ULDD_DEBUG_LOCKDEP))
		uldd_lock_release(sem);
	sem_lock(sem);
	if (unlikely(sem->count <= 0)) {
		sem_unlock(sem);
		pr_err("BUG: up_read of a rw_semaphore not held for reading (count %ld)\n",
		       sem->count);
		return;
	}
	left = --sem->count;
	sem_unlock(sem);
	if (!left)
		rwsem_wake(sem);
}

static void down_write_common(struct rw_semaphore *sem, unsigned int state, void *ip)
{
	DEFINE_WAIT(wait);

	might_sleep();
	if (uldd_debug_on(ULDD_DEBUG_LOCKDEP))
		uldd_lock_acquire_ip(sem, ULDD_LOCK_SLEEP, ip);
	if (likely(rwsem_try_write(sem, false)))
		return;
	sem_lock(sem);
	sem->write_waiters++;
	sem_unlock(sem);
	for (;;) {
		prepare_to_wait(&sem->wait, &wait, state);
		if (rwsem_try_write(sem, true))
			break;
		schedule();
	}
	finish_wait(&sem->wait, &wait);
}

void down_write(struct rw_semaphore *sem)
{
	down_write_common(sem, TASK_UNINTERRUPTIBLE, __builtin_return_address(0));
}

int down_write_killable(struct rw_semaphore *sem)
{
	down_write_common(sem, TASK_KILLABLE, __builtin_return_address(0));
	return 0;
}

int down_write_trylock(struct rw_semaphore *sem)
{
	if (!rwsem_try_write(sem, false))
		return 0;
	if (uldd_debug_on(ULDD_DEBUG_LOCKDEP))
		uldd_lock_acquire_ip(sem, ULDD_LOCK_SLEEP | ULDD_LOCK_TRY,
				     __builtin_return_address(0));
	return 1;
}

void up_write(struct rw_semaphore *sem)
{
	if (uldd_debug_on(ULDD_DEBUG_LOCKDEP))
		uldd_lock_release(sem);
	sem_lock(sem);
	if (unlikely(sem->count != -1)) {
		sem_unlock(sem);
		pr_err("BUG: up_write of a rw_semaphore not held for writing (count %ld)\n",
		       sem->count);
		return;
	}
	sem->count = 0;
	sem_unlock(sem);
	rwsem_wake(sem);
}

void downgrade_write(struct rw_semaphore *sem)
{
	sem_lock(sem);
	if (unlikely(sem->count != -1)) {
		sem_unlock(sem);
		pr_err("BUG: downgrade_write of a rw_semaphore not held for writing\n");
		return;
	}
	sem->count = 1;
	sem_unlock(sem);
	rwsem_wake(sem);
}
