/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/rwsem.h - read-write semaphores: many readers or one writer, and
 * both sleep while they wait (giving their virtual CPU away). The state is
 * a count under a spinlock: the number of readers, or -1 for a writer.
 * A writer that waits blocks new readers, so a steady stream of readers
 * cannot starve it; waiters sleep on one wait queue and every release that
 * may let somebody in wakes them all to compete again.
 *
 * Emulation notes: no signals, so down_read_interruptible(),
 * down_read_killable() and down_write_killable() always take the lock and
 * return 0 (sleeping in TASK_INTERRUPTIBLE or TASK_KILLABLE, as in Linux). No lock hand-off and no optimistic spinning: a steady stream
 * of writers may keep readers waiting. No owner tracking beyond the
 * might_sleep() check and, with --debug=lockdep, the validator
 * (linux/lockdep.h; the class is the init_rwsem() site); the _nested and
 * _non_owner forms are the plain ones.
 */
#ifndef _LINUX_RWSEM_H
#define _LINUX_RWSEM_H

#include <linux/spinlock.h>
#include <linux/wait.h>

struct rw_semaphore {
	spinlock_t lock; /* guards count and write_waiters */
	long count; /* > 0: readers, -1: a writer, 0: free */
	unsigned int write_waiters;
	struct wait_queue_head wait;
};

#define __RWSEM_INITIALIZER(name)                                                        \
	{                                                                                \
		.lock = __SPIN_LOCK_UNLOCKED(name.lock), .count = 0, .write_waiters = 0, \
		.wait = __WAIT_QUEUE_HEAD_INITIALIZER((name).wait)                       \
	}
#define DECLARE_RWSEM(name) struct rw_semaphore name = __RWSEM_INITIALIZER(name)

/*
 * The inner spinlock is the semaphore's own business and shares its
 * address: the validator sees the semaphore only (kernel/locking/rwsem.c).
 */
static inline void __init_rwsem(struct rw_semaphore *sem)
{
	sem->lock.rlock.locked = 0;
	sem->count = 0;
	sem->write_waiters = 0;
	init_waitqueue_head(&sem->wait);
}

#define init_rwsem(sem)                                                  \
	do {                                                             \
		struct rw_semaphore *__uldd_s = (sem);                   \
		__init_rwsem(__uldd_s);                                  \
		uldd_lockdep_init_site(__uldd_s, #sem, ULDD_LOCK_SLEEP); \
	} while (0)

static inline int rwsem_is_locked(struct rw_semaphore *sem)
{
	return READ_ONCE(sem->count) != 0;
}

static inline int rwsem_is_contended(struct rw_semaphore *sem)
{
	return waitqueue_active(&sem->wait);
}

void down_read(struct rw_semaphore *sem);
int down_read_interruptible(struct rw_semaphore *sem);
int down_read_killable(struct rw_semaphore *sem);
/* 1 when taken, 0 when a writer holds it or waits for it. */
int down_read_trylock(struct rw_semaphore *sem);
void up_read(struct rw_semaphore *sem);
void down_write(struct rw_semaphore *sem);
int down_write_killable(struct rw_semaphore *sem);
/* 1 when taken, 0 when anybody holds it. */
int down_write_trylock(struct rw_semaphore *sem);
void up_write(struct rw_semaphore *sem);
/* The writer becomes a reader, without letting another writer in between. */
void downgrade_write(struct rw_semaphore *sem);

#define down_read_nested(sem, subclass) down_read(sem)
#define down_write_nested(sem, subclass) down_write(sem)
#define down_read_non_owner(sem) down_read(sem)
#define up_read_non_owner(sem) up_read(sem)

#endif /* _LINUX_RWSEM_H */
