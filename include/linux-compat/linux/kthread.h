/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/kthread.h - kernel threads: each is a host thread with a task of
 * its own on the heap, created asleep (it runs threadfn once woken, as
 * Linux's do) and stopped with kthread_stop(), which waits for threadfn's
 * return value.
 *
 * Emulation notes: a kthread's host thread is released by kthread_stop()
 * only, its task_struct then or by the last put_task_struct() after it; a
 * kthread whose function returns without anybody calling kthread_stop()
 * keeps them until the process ends. NUMA nodes and
 * CPU binding are ignored. Parking is not implemented.
 */
#ifndef _LINUX_KTHREAD_H
#define _LINUX_KTHREAD_H

#include <linux/err.h>
#include <linux/sched.h>
#include <linux/types.h>

#define NUMA_NO_NODE (-1)

__attribute__((format(printf, 4, 5))) struct task_struct *
kthread_create_on_node(int (*threadfn)(void *data), void *data, int node, const char namefmt[],
		       ...);
#define kthread_create(threadfn, data, namefmt, arg...) \
	kthread_create_on_node(threadfn, data, NUMA_NO_NODE, namefmt, ##arg)

#define kthread_run(threadfn, data, namefmt, ...)                                                 \
	({                                                                                        \
		struct task_struct *__k = kthread_create(threadfn, data, namefmt, ##__VA_ARGS__); \
		if (!IS_ERR(__k))                                                                 \
			wake_up_process(__k);                                                     \
		__k;                                                                              \
	})

/*
 * Sets the stop flag, wakes the thread, waits for its function's return
 * value; -EINTR, without running threadfn, if it was never woken.
 */
int kthread_stop(struct task_struct *k);
/* True in a kthread once kthread_stop() was called on it. */
bool kthread_should_stop(void);
/* The data argument a kthread was created with. */
void *kthread_data(struct task_struct *k);

static inline void kthread_bind(struct task_struct *k, unsigned int cpu)
{
	(void)k;
	(void)cpu;
}

#endif /* _LINUX_KTHREAD_H */
