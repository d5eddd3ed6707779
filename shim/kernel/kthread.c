// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * kernel/kthread.c - kthreads: a host thread entered with a heap task
 * (struct uldd_kthread embeds it), so the task outlives the thread until
 * kthread_stop() has joined it and the last reference on the task is gone
 * (linux/sched/task.h: kthread_stop() drops the one the task was created
 * with). The stop flag is set before the wake-up, and the thread reads it
 * after each of its own sleeps.
 */
#include <linux/completion.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/stdarg.h>

#include "../entry.h"
#include "../mm/private.h"
#include "../core/door.h"
#include "../debug/leaks.h"
#include "../debug/lockdep.h"

struct uldd_kthread {
	struct task_struct task;
	int (*threadfn)(void *data);
	void *data;
	int ret;
	bool should_stop;
	/* 0: not started, 1: threadfn runs (or ran), 2: stopped before any wake-up. */
	u32 phase;
	struct completion exited;
	struct uhost_thread *thread;
};

/* task->uldd_private marks a kthread's task (others have NULL there). */
static struct uldd_kthread *to_kthread(struct task_struct *t)
{
	return t ? t->uldd_private : NULL;
}

static void kthread_main(void *arg)
{
	struct uldd_kthread *k = arg;
	u32 none = 0;

	uldd_enter_task(&k->task);
	/* Created asleep: the first wake_up_process() (or kthread_stop) starts it. */
	schedule();
	if (__atomic_compare_exchange_n(&k->phase, &none, 1, 0, __ATOMIC_ACQ_REL,
					__ATOMIC_ACQUIRE)) {
		unsigned int held = uldd_lockdep_cb_enter();

		k->ret = k->threadfn(k->data);
		uldd_lockdep_cb_exit(held, "kthread", k->threadfn);
	} else {
		k->ret = -EINTR; /* stopped without ever being woken, as documented */
	}
	uldd_leaks_res_del(ULDD_RES_KTHREAD, &k->task);
	complete(&k->exited);
	uldd_lockdep_task_exit();
	/* k stays valid: kthread_stop() frees it only after joining this thread. */
	uldd_exit();
}

struct task_struct *kthread_create_on_node(int (*threadfn)(void *data), void *data, int node,
					   const char namefmt[], ...)
{
	struct uldd_kthread *k;
	char name[TASK_COMM_LEN];
	va_list args;
	int err;

	(void)node;
	might_sleep();
	/* The task is the shim's: out of any device's reach. */
	k = uldd_private_alloc(sizeof(*k), GFP_KERNEL | __GFP_ZERO);
	if (!k)
		return ERR_PTR(-ENOMEM);
	va_start(args, namefmt);
	vsnprintf(name, sizeof(name), namefmt, args);
	va_end(args);
	uldd_task_init(&k->task, name);
	k->task.uldd_private = k;
	/* Asleep until woken; TASK_IDLE, as one never woken is not a hung task. */
	k->task.__state = TASK_IDLE;
	k->threadfn = threadfn;
	k->data = data;
	init_completion(&k->exited);
	/* Before the thread exists: it may end before we would get to it. */
	uldd_leaks_res_add(ULDD_RES_KTHREAD, &k->task, 0, threadfn);
	err = uhost_thread_create(kthread_main, k, name, &k->thread);
	if (err) {
		uldd_leaks_res_del(ULDD_RES_KTHREAD, &k->task);
		uldd_private_free(k);
		return ERR_PTR(-ENOMEM);
	}
	return &k->task;
}

int kthread_stop(struct task_struct *t)
{
	struct uldd_kthread *k = to_kthread(t);
	int ret;

	if (!k) {
		pr_err("BUG: kthread_stop() of %s/%d, not a kthread\n", t->comm, t->pid);
		return -EINVAL;
	}
	might_sleep();
	/*
	 * Until it starts, only a wake-up makes the task TASK_RUNNING: one that
	 * is not means wake_up_process() was never called, so threadfn must not
	 * run. A woken thread runs threadfn even if it had no CPU yet.
	 */
	if (READ_ONCE(t->__state) != TASK_RUNNING) {
		u32 none = 0;

		__atomic_compare_exchange_n(&k->phase, &none, 2, 0, __ATOMIC_ACQ_REL,
					    __ATOMIC_ACQUIRE);
	}
	WRITE_ONCE(k->should_stop, true);
	wake_up_process(t);
	wait_for_completion(&k->exited);
	uldd_door_thread_join(k->thread);
	ret = k->ret;
	put_task_struct(t);
	return ret;
}

void __put_task_struct(struct task_struct *t)
{
	struct uldd_kthread *k = to_kthread(t);

	if (!k) {
		pr_err("BUG: %s/%d: the last reference on a host thread's task dropped\n", t->comm,
		       t->pid);
		return;
	}
	uldd_private_free(k);
}

bool kthread_should_stop(void)
{
	struct uldd_kthread *k = to_kthread(current);

	return k && READ_ONCE(k->should_stop);
}

void *kthread_data(struct task_struct *t)
{
	struct uldd_kthread *k = to_kthread(t);

	return k ? k->data : NULL;
}
