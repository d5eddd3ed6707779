/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/sched/task.h - references on a task_struct: who may use a task
 * after it could have ended (a kthread that returns on its own, stopped
 * later with kthread_stop()) takes one first and drops it when done.
 *
 * Emulation notes: only a kthread's task is ever freed (by the last
 * reference, kthread_stop() dropping the one it was created with); the
 * task of a host thread lives as long as that thread, whatever the count.
 */
#ifndef _LINUX_SCHED_TASK_H
#define _LINUX_SCHED_TASK_H

#include <linux/sched.h>

/* Frees a task whose last reference is gone (kernel/kthread.c). */
void __put_task_struct(struct task_struct *t);

static inline struct task_struct *get_task_struct(struct task_struct *t)
{
	__atomic_fetch_add(&t->uldd_usage, 1, __ATOMIC_RELAXED);
	return t;
}

static inline void put_task_struct(struct task_struct *t)
{
	/* Everything done with the task comes before whoever frees it. */
	if (__atomic_sub_fetch(&t->uldd_usage, 1, __ATOMIC_ACQ_REL) == 0)
		__put_task_struct(t);
}

#endif /* _LINUX_SCHED_TASK_H */
