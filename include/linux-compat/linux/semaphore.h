/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/semaphore.h - counting semaphores: down() takes one of count
 * units, sleeping (without its virtual CPU) while there is none; up()
 * gives one back and wakes one waiter. up() may be called from any
 * context, including interrupt handlers, and by a task other than the one
 * that took the unit.
 *
 * Emulation notes: no signals, so down_interruptible() and down_killable()
 * always take a unit and return 0. A woken waiter competes with new
 * callers (no hand-off), so the order of service is not strictly FIFO.
 */
#ifndef _LINUX_SEMAPHORE_H
#define _LINUX_SEMAPHORE_H

#include <linux/spinlock.h>
#include <linux/wait.h>

struct semaphore {
	raw_spinlock_t lock; /* guards count */
	unsigned int count;
	struct wait_queue_head wait;
};

#define __SEMAPHORE_INITIALIZER(name, n)                                     \
	{                                                                    \
		.lock = __RAW_SPIN_LOCK_UNLOCKED((name).lock), .count = (n), \
		.wait = __WAIT_QUEUE_HEAD_INITIALIZER((name).wait)           \
	}
#define DEFINE_SEMAPHORE(name) struct semaphore name = __SEMAPHORE_INITIALIZER(name, 1)

static inline void sema_init(struct semaphore *sem, int val)
{
	raw_spin_lock_init(&sem->lock);
	sem->count = val;
	init_waitqueue_head(&sem->wait);
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
