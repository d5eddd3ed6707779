/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/sched.h - tasks and sleeping. A task is a host thread that entered
 * the kernel namespace; it runs only while it holds a virtual CPU and gives
 * the CPU back whenever it sleeps (schedule()).
 *
 * Emulation notes: there are no signals, so signal_pending() is always false
 * and interruptible sleeps end only by wake-up or timeout. A task's
 * struct task_struct lives as long as its host thread. Sleeping with
 * preemption or interrupts disabled is reported as "scheduling while
 * atomic" (with a backtrace) and then done anyway, as Linux does.
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/compiler.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/preempt.h>
#include <linux/smp.h>
#include <linux/types.h>

#define TASK_RUNNING 0x0000
#define TASK_INTERRUPTIBLE 0x0001
#define TASK_UNINTERRUPTIBLE 0x0002
#define TASK_WAKEKILL 0x0100
#define TASK_NOLOAD 0x0400
/* Woken by what wakes an uninterruptible sleeper, never by wake_up_interruptible(). */
#define TASK_KILLABLE (TASK_WAKEKILL | TASK_UNINTERRUPTIBLE)
#define TASK_IDLE (TASK_UNINTERRUPTIBLE | TASK_NOLOAD)
#define TASK_NORMAL (TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)
#define TASK_COMM_LEN 16

#define MAX_SCHEDULE_TIMEOUT ((long)(~0UL >> 1))

struct task_struct {
	unsigned int __state; /* TASK_*; changed with set_current_state() */
	int pid;
	char comm[TASK_COMM_LEN];
	/* Private to the shim's scheduler. */
	u32 uldd_wake_seq; /* a futex word: bumped by every wake-up */
	int uldd_enter_depth;
	void *uldd_private;
	int uldd_usage; /* references (linux/sched/task.h); 1 from the start */
	/* The watchdog's (kernel/sched/core.c): the host thread, for its backtrace. */
	unsigned long long uldd_host_thread;
	u64 uldd_blocked_since; /* uhost_clock_coarse_ns() at an uninterruptible sleep */
};

extern __thread struct task_struct *uldd_current __attribute__((tls_model("initial-exec")));

static __always_inline struct task_struct *get_current(void)
{
	return uldd_current;
}

#define current get_current()

/* The store is ordered before the caller's next load of its wake condition. */
#define __set_current_state(state) WRITE_ONCE(current->__state, (state))
#define set_current_state(state)                         \
	do {                                             \
		WRITE_ONCE(current->__state, (state));   \
		__atomic_thread_fence(__ATOMIC_SEQ_CST); \
	} while (0)
#define get_current_state() READ_ONCE(current->__state)
#define task_pid_nr(t) ((t)->pid)

static inline int signal_pending(struct task_struct *p)
{
	(void)p;
	return 0;
}

static inline int fatal_signal_pending(struct task_struct *p)
{
	(void)p;
	return 0;
}

void schedule(void);
long schedule_timeout(long timeout);
long schedule_timeout_interruptible(long timeout);
long schedule_timeout_uninterruptible(long timeout);
long schedule_timeout_idle(long timeout);
int wake_up_process(struct task_struct *p);
int wake_up_state(struct task_struct *p, unsigned int state);
/* Lets another task have this virtual CPU if one waits for it. */
int _cond_resched(void);
#define cond_resched() _cond_resched()
void yield(void);
void __might_sleep(const char *file, int line);
#define might_sleep() __might_sleep(__FILE__, __LINE__)

/* Private to the shim (kernel/sched/core.c): deadline sleeps and kthreads' tasks. */
int uldd_schedule_until(u64 deadline_ns);
void uldd_task_init(struct task_struct *t, const char *name);
void uldd_enter_task(struct task_struct *t);

#endif /* _LINUX_SCHED_H */
