/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/semaphore.h - counting semaphores: down() takes one of count
 * units, sleeping (without its virtual CPU) while there is none; up()
 * gives one back, to the task that has waited longest if any waits (the
 * count then stays 0). up() may be called from any context, including
 * interrupt handlers, and by a task other than the one that took the unit.
 *
 * Emulation notes: no signals, so down_interruptible() and down_killable()
 * always take a unit and return 0; they sleep in TASK_INTERRUPTIBLE and
 * TASK_KILLABLE as in Linux.
 */
#ifndef _LINUX_SEMAPHORE_H
#define _LINUX_SEMAPHORE_H

#include <linux/list.h>
#include <linux/spinlock.h>

struct semaphore {
	raw_spinlock_t lock; /* guards count and wait_list */
	unsigned int count;
	struct list_head wait_list; /* tasks waiting for a unit, oldest first */
};

#define __SEMAPHORE_INITIALIZER(name, n)                                     \
	{                                                                    \
		.lock = __RAW_SPIN_LOCK_UNLOCKED((name).lock), .count = (n), \
		.wait_list = LIST_HEAD_INIT((name).wait_list)                \
	}
#define DEFINE_SEMAPHORE(name) struct semaphore name = __SEMAPHORE_INITIALIZER(name, 1)

static inline void sema_init(struct semaphore *sem, int val)
{
	raw_spin_lock_init(&sem->lock);
	sem->count = val;
	INIT_LIST_HEAD(&sem->wait_list);
}

void down(struct semaphore *sem);
int down_interruptible(struct semaphore *sem);
int down_killable(struct semaphore *sem);
/* 0 when a unit was taken, 1 when there was none (the opposite of mutex_trylock). */
int down_trylock(struct semaphore *sem);
/* 0 when a unit was taken, -ETIME when timeout (jiffies) passed first. */
int down_timeout(struct semaphore *sem, long timeout);
void up(struct semaphore *sem);

#endif /* _LINUX_SEMAPHORE_H */
