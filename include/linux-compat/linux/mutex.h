/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/mutex.h - sleeping locks. The owner is one atomic word: taking a
 * free mutex is one compare-and-swap, no system call; a contended lock
 * sleeps on a wait queue and gives its virtual CPU away meanwhile.
 *
 * Emulation notes: no signals, so mutex_lock_interruptible() and
 * mutex_lock_killable() always take the lock and return 0 (they sleep in
 * TASK_INTERRUPTIBLE and TASK_KILLABLE, as in Linux). No optimistic
 * spinning; lock debugging is the might_sleep() check and, with
 * --debug=lockdep, the validator (linux/lockdep.h), whose class for a
 * mutex is the mutex_init() site.
 */
#ifndef _LINUX_MUTEX_H
#define _LINUX_MUTEX_H

#include <linux/lockdep.h>
#include <linux/wait.h>

struct mutex {
	struct task_struct *owner;
	struct wait_queue_head wait;
};

#define __MUTEX_INITIALIZER(lockname)                                                 \
	{                                                                             \
		.owner = NULL, .wait = __WAIT_QUEUE_HEAD_INITIALIZER((lockname).wait) \
	}
#define DEFINE_MUTEX(mutexname) struct mutex mutexname = __MUTEX_INITIALIZER(mutexname)

static inline void __mutex_init(struct mutex *lock)
{
	lock->owner = NULL;
	init_waitqueue_head(&lock->wait);
}

/* A macro, so that each call site is a lock class of its own. */
#define mutex_init(lock)                                                  \
	do {                                                              \
		struct mutex *__uldd_m = (lock);                          \
		__mutex_init(__uldd_m);                                   \
		uldd_lockdep_init_site(__uldd_m, #lock, ULDD_LOCK_SLEEP); \
	} while (0)

static inline bool mutex_is_locked(struct mutex *lock)
{
	return __atomic_load_n(&lock->owner, __ATOMIC_RELAXED) != NULL;
}

static inline void mutex_destroy(struct mutex *lock)
{
	(void)lock;
}

void mutex_lock(struct mutex *lock);
int mutex_lock_interruptible(struct mutex *lock);
int mutex_lock_killable(struct mutex *lock);
/* 1 when taken, 0 when another task holds it. */
int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);

#define mutex_lock_nested(lock, subclass) mutex_lock(lock)

#endif /* _LINUX_MUTEX_H */
