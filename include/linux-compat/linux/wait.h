/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/wait.h - wait queues: a task sleeps until a condition holds, and
 * whoever makes it hold wakes the queue. The wait_event*() loops re-check
 * the condition after every wake-up, so spurious wake-ups are harmless.
 *
 * Emulation notes: no signals, so the _interruptible forms never return
 * -ERESTARTSYS; _killable likewise. They sleep in the states Linux gives
 * them (TASK_INTERRUPTIBLE, TASK_KILLABLE). Exclusive waiters are woken
 * one at a time, as in Linux.
 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <linux/list.h>
#include <linux/sched.h>
#include <linux/spinlock.h>

#define WQ_FLAG_EXCLUSIVE 0x01
#define WQ_FLAG_WOKEN 0x02

struct wait_queue_entry;
typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry, unsigned int mode, int flags,
				 void *key);

struct wait_queue_entry {
	unsigned int flags;
	void *private; /* the waiting task */
	wait_queue_func_t func;
	struct list_head entry;
};

struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};

typedef struct wait_queue_head wait_queue_head_t;
typedef struct wait_queue_entry wait_queue_entry_t;

#define __WAIT_QUEUE_HEAD_INITIALIZER(name)                                                \
	{                                                                                  \
		.lock = __SPIN_LOCK_UNLOCKED(name.lock), .head = LIST_HEAD_INIT(name.head) \
	}
#define DECLARE_WAIT_QUEUE_HEAD(name) \
	struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

int default_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode, int flags,
			  void *key);
int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode, int flags,
			     void *key);

#define DEFINE_WAIT_FUNC(name, function)                     \
	struct wait_queue_entry name = { .private = current, \
					 .func = function,   \
					 .entry = LIST_HEAD_INIT((name).entry) }
#define DEFINE_WAIT(name) DEFINE_WAIT_FUNC(name, autoremove_wake_function)
#define DECLARE_WAITQUEUE(name, tsk)                                    \
	struct wait_queue_entry name = { .private = tsk,                \
					 .func = default_wake_function, \
					 .entry = { NULL, NULL } }

static inline void init_waitqueue_head(struct wait_queue_head *wq_head)
{
	spin_lock_init(&wq_head->lock);
	INIT_LIST_HEAD(&wq_head->head);
}

static inline void init_waitqueue_entry(struct wait_queue_entry *wq_entry, struct task_struct *p)
{
	wq_entry->flags = 0;
	wq_entry->private = p;
	wq_entry->func = default_wake_function;
}

static inline int waitqueue_active(struct wait_queue_head *wq_head)
{
	return !list_empty(&wq_head->head);
}

static inline bool wq_has_sleeper(struct wait_queue_head *wq_head)
{
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	return waitqueue_active(wq_head);
}

void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void add_wait_queue_exclusive(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void prepare_to_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state);
bool prepare_to_wait_exclusive(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry,
			       int state);
void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
/* Wakes every non-exclusive waiter and at most nr_exclusive exclusive ones. */
void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr_exclusive, void *key);
/* The same, with wq_head->lock held by the caller. */
void __wake_up_locked(struct wait_queue_head *wq_head, unsigned int mode, int nr_exclusive);

#define wake_up(x) __wake_up(x, TASK_NORMAL, 1, NULL)
#define wake_up_nr(x, nr) __wake_up(x, TASK_NORMAL, nr, NULL)
#define wake_up_all(x) __wake_up(x, TASK_NORMAL, 0, NULL)
#define wake_up_interruptible(x) __wake_up(x, TASK_INTERRUPTIBLE, 1, NULL)
#define wake_up_interruptible_all(x) __wake_up(x, TASK_INTERRUPTIBLE, 0, NULL)

/*
 * The loop behind every wait_event form: queue, set the state, test,
 * sleep; the state is set before the test, so a wake-up between the test
 * and the sleep is not lost. Evaluates to the remaining timeout (long).
 */
#define __uldd_wait_event(wq_head, condition, state, exclusive, timeout)             \
	({                                                                           \
		long __ret = (timeout);                                              \
		struct wait_queue_entry __we;                                        \
		init_waitqueue_entry(&__we, current);                                \
		__we.func = autoremove_wake_function;                                \
		INIT_LIST_HEAD(&__we.entry);                                         \
		for (;;) {                                                           \
			if (exclusive)                                               \
				prepare_to_wait_exclusive(&(wq_head), &__we, state); \
			else                                                         \
				prepare_to_wait(&(wq_head), &__we, state);           \
			if (condition)                                               \
				break;                                               \
			__ret = schedule_timeout(__ret);                             \
			if (!__ret)                                                  \
				break;                                               \
		}                                                                    \
		finish_wait(&(wq_head), &__we);                                      \
		__ret;                                                               \
	})

#define wait_event(wq_head, condition)                                                       \
	do {                                                                                 \
		might_sleep();                                                               \
		if (!(condition))                                                            \
			(void)__uldd_wait_event(wq_head, condition, TASK_UNINTERRUPTIBLE, 0, \
						MAX_SCHEDULE_TIMEOUT);                       \
	} while (0)

/* As wait_event, asleep in TASK_IDLE: no load, and no hung task. */
#define wait_event_idle(wq_head, condition)                                       \
	do {                                                                      \
		might_sleep();                                                    \
		if (!(condition))                                                 \
			(void)__uldd_wait_event(wq_head, condition, TASK_IDLE, 0, \
						MAX_SCHEDULE_TIMEOUT);            \
	} while (0)

#define wait_event_interruptible(wq_head, condition)                                       \
	({                                                                                 \
		might_sleep();                                                             \
		if (!(condition))                                                          \
			(void)__uldd_wait_event(wq_head, condition, TASK_INTERRUPTIBLE, 0, \
						MAX_SCHEDULE_TIMEOUT);                     \
		0;                                                                         \
	})

#define wait_event_killable(wq_head, condition)                                       \
	({                                                                            \
		might_sleep();                                                        \
		if (!(condition))                                                     \
			(void)__uldd_wait_event(wq_head, condition, TASK_KILLABLE, 0, \
						MAX_SCHEDULE_TIMEOUT);                \
		0;                                                                    \
	})

/*
 * 0 if the timeout elapsed with the condition false, 1 if it elapsed but
 * the condition is true, else the jiffies that were left (at least 1).
 */
#define __uldd_wait_event_timeout(wq_head, condition, state, timeout)               \
	({                                                                          \
		long __t = (timeout);                                               \
		might_sleep();                                                      \
		if (!(condition)) {                                                 \
			__t = __uldd_wait_event(wq_head, condition, state, 0, __t); \
			if (!__t && (condition))                                    \
				__t = 1;                                            \
		} else if (!__t) {                                                  \
			__t = 1;                                                    \
		}                                                                   \
		__t;                                                                \
	})

#define wait_event_timeout(wq_head, condition, timeout) \
	__uldd_wait_event_timeout(wq_head, condition, TASK_UNINTERRUPTIBLE, timeout)
#define wait_event_interruptible_timeout(wq_head, condition, timeout) \
	__uldd_wait_event_timeout(wq_head, condition, TASK_INTERRUPTIBLE, timeout)

#endif /* _LINUX_WAIT_H */
