// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * kernel/locking/semaphore.c - counting semaphores. The count and the list
 * of waiters change under a raw spinlock with interrupts masked (up() may
 * come from a handler). A task that finds no unit queues itself at the
 * tail and sleeps; up() with somebody queued gives its unit to the first
 * waiter (dequeued, marked granted, woken) instead of counting it, so a
 * newcomer never takes a unit from a task that waited for it, and units go
 * out in the order the waiters came.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/sched.h>
#include <linux/semaphore.h>

/* On the waiting task's stack; only its owner removes it once granted is read. */
struct sem_waiter {
	struct list_head entry;
	struct task_struct *task;
	bool granted; /* under sem->lock */
};

/* 0 once a unit is taken, -ETIME when timeout (jiffies) ran out first. */
static int sem_down(struct semaphore *sem, unsigned int state, long timeout)
{
	struct sem_waiter w;
	unsigned long flags;

	might_sleep();
	raw_spin_lock_irqsave(&sem->lock, flags);
	if (likely(sem->count > 0)) {
		sem->count--;
		raw_spin_unlock_irqrestore(&sem->lock, flags);
		return 0;
	}
	w.task = current;
	w.granted = false;
	list_add_tail(&w.entry, &sem->wait_list);
	for (;;) {
		if (timeout <= 0) {
			list_del(&w.entry);
			raw_spin_unlock_irqrestore(&sem->lock, flags);
			return -ETIME;
		}
		/* Set under the lock: an up() after the unlock finds us sleeping or about to. */
		__set_current_state(state);
		raw_spin_unlock_irqrestore(&sem->lock, flags);
		timeout = schedule_timeout(timeout);
		raw_spin_lock_irqsave(&sem->lock, flags);
		/* Granted wins over a timeout that came with it: the unit is ours. */
		if (w.granted) {
			raw_spin_unlock_irqrestore(&sem->lock, flags);
			return 0;
		}
	}
}

void down(struct semaphore *sem)
{
	sem_down(sem, TASK_UNINTERRUPTIBLE, MAX_SCHEDULE_TIMEOUT);
}

int down_interruptible(struct semaphore *sem)
{
	sem_down(sem, TASK_INTERRUPTIBLE, MAX_SCHEDULE_TIMEOUT);
	return 0;
}

int down_killable(struct semaphore *sem)
{
	sem_down(sem, TASK_KILLABLE, MAX_SCHEDULE_TIMEOUT);
	return 0;
}

int down_trylock(struct semaphore *sem)
{
	unsigned long flags;
	bool taken;

	raw_spin_lock_irqsave(&sem->lock, flags);
	taken = sem->count > 0;
	if (taken)
		sem->count--;
	raw_spin_unlock_irqrestore(&sem->lock, flags);
	return !taken;
}

int down_timeout(struct semaphore *sem, long timeout)
{
	return sem_down(sem, TASK_UNINTERRUPTIBLE, timeout);
}

void up(struct semaphore *sem)
{
	struct sem_waiter *w;
	unsigned long flags;

	raw_spin_lock_irqsave(&sem->lock, flags);
	w = list_first_entry_or_null(&sem->wait_list, struct sem_waiter, entry);
	if (!w) {
		sem->count++;
	} else {
		list_del(&w->entry);
		w->granted = true;
		/* Under the lock: once it is released, w and its task may be gone. */
		wake_up_process(w->task);
	}
	raw_spin_unlock_irqrestore(&sem->lock, flags);
}
