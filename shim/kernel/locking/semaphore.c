// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * kernel/locking/semaphore.c - counting semaphores. The count changes
 * under a raw spinlock with interrupts masked (up() may come from a
 * handler); a task that finds no unit queues itself exclusively on the
 * wait queue before it tries again, then sleeps, and up() wakes one
 * waiter. A waiter that gives up on a timeout after it was woken passes
 * the wake-up on, so a unit never stays unused while somebody waits.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/semaphore.h>
#include <linux/wait.h>

static bool sem_try(struct semaphore *sem)
{
	unsigned long flags;
	bool ok;

	raw_spin_lock_irqsave(&sem->lock, flags);
	ok = sem->count > 0;
	if (ok)
		sem->count--;
	raw_spin_unlock_irqrestore(&sem->lock, flags);
	return ok;
}

static bool sem_available(struct semaphore *sem)
{
	return READ_ONCE(sem->count) > 0;
}

/* Returns the jiffies left (at least 1) once a unit is taken, 0 on timeout. */
static long sem_down(struct semaphore *sem, long timeout)
{
	DEFINE_WAIT(wait);

	might_sleep();
	if (likely(sem_try(sem)))
		return timeout ? timeout : 1;
	for (;;) {
		prepare_to_wait_exclusive(&sem->wait, &wait, TASK_UNINTERRUPTIBLE);
		if (sem_try(sem))
			break;
		if (!timeout) {
			finish_wait(&sem->wait, &wait);
			/* A wake-up meant for this task may have come with the timeout. */
			if (sem_available(sem))
				wake_up(&sem->wait);
			return 0;
		}
		timeout = schedule_timeout(timeout);
	}
	finish_wait(&sem->wait, &wait);
	return timeout ? timeout : 1;
}

void down(struct semaphore *sem)
{
	sem_down(sem, MAX_SCHEDULE_TIMEOUT);
}

int down_interruptible(struct semaphore *sem)
{
	down(sem);
	return 0;
}

int down_killable(struct semaphore *sem)
{
	down(sem);
	return 0;
}

int down_trylock(struct semaphore *sem)
{
	return !sem_try(sem);
}

int down_timeout(struct semaphore *sem, long timeout)
{
	return sem_down(sem, timeout > 0 ? timeout : 0) ? 0 : -ETIME;
}

void up(struct semaphore *sem)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&sem->lock, flags);
	sem->count++;
	raw_spin_unlock_irqrestore(&sem->lock, flags);
	/* Pairs with the spinlock the waiter took after queueing itself. */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	if (waitqueue_active(&sem->wait))
		wake_up(&sem->wait);
}
