// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ktest_sched.c - K-world bodies for test_sched.c: workers that host
 * threads run concurrently through uldd_enter()/uldd_exit(), and probes of
 * the context the kernel namespace reports. State is static and reset by
 * ktest_sched_setup() before each case.
 */
#include <linux/completion.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/wait.h>

#include "../../../shim/entry.h"
#include "ktest.h"

static DEFINE_SPINLOCK(test_lock);
static DEFINE_MUTEX(test_mutex);
static DECLARE_COMPLETION(test_done);
static DECLARE_WAIT_QUEUE_HEAD(test_wq);
static long test_counter;
static int test_inside, test_max_inside, test_flag;

int KTEST(ktest_sched_setup)(unsigned int nr_vcpus)
{
	spin_lock_init(&test_lock);
	mutex_init(&test_mutex);
	init_completion(&test_done);
	init_waitqueue_head(&test_wq);
	test_counter = 0;
	test_inside = test_max_inside = test_flag = 0;
	return uldd_sched_init(nr_vcpus);
}

long KTEST(ktest_sched_counter)(void)
{
	return READ_ONCE(test_counter);
}

int KTEST(ktest_sched_max_inside)(void)
{
	return __atomic_load_n(&test_max_inside, __ATOMIC_RELAXED);
}

/* A plain read-modify-write: only mutual exclusion keeps the count exact. */
static void bump(void)
{
	long v = READ_ONCE(test_counter);

	barrier();
	WRITE_ONCE(test_counter, v + 1);
}

/* Returns the number of times the lock or context misbehaved. */
long KTEST(ktest_sched_spin_worker)(int iters)
{
	unsigned long flags;
	long errors = 0;

	uldd_enter("spin");
	for (int i = 0; i < iters; i++) {
		spin_lock_irqsave(&test_lock, flags);
		if (!in_atomic() || !irqs_disabled() || smp_processor_id() >= (int)nr_cpu_ids)
			errors++;
		bump();
		spin_unlock_irqrestore(&test_lock, flags);
		spin_lock_bh(&test_lock);
		if (!in_atomic() || in_serving_softirq())
			errors++;
		bump();
		spin_unlock_bh(&test_lock);
	}
	if (in_atomic() || irqs_disabled())
		errors++;
	uldd_exit();
	return errors;
}

long KTEST(ktest_sched_mutex_worker)(int iters)
{
	long errors = 0;

	uldd_enter("mutex");
	for (int i = 0; i < iters; i++) {
		mutex_lock(&test_mutex);
		if (__atomic_add_fetch(&test_inside, 1, __ATOMIC_RELAXED) != 1)
			errors++;
		bump();
		/* Sleep with the mutex held now and then, so others queue on it. */
		if (i % 64 == 0)
			schedule_timeout_uninterruptible(1);
		__atomic_sub_fetch(&test_inside, 1, __ATOMIC_RELAXED);
		mutex_unlock(&test_mutex);
	}
	uldd_exit();
	return errors;
}

/* Holds a vCPU without sleeping for about spin_us, counting who else runs. */
void KTEST(ktest_sched_busy_worker)(int spin_us)
{
	int now;
	u64 end;

	uldd_enter("busy");
	now = __atomic_add_fetch(&test_inside, 1, __ATOMIC_SEQ_CST);
	for (int max = READ_ONCE(test_max_inside); now > max; max = READ_ONCE(test_max_inside))
		__atomic_compare_exchange_n(&test_max_inside, &max, now, 0, __ATOMIC_SEQ_CST,
					    __ATOMIC_RELAXED);
	end = get_jiffies_64() + usecs_to_jiffies((unsigned int)spin_us) + 1;
	while (time_before64(get_jiffies_64(), end))
		cpu_relax();
	__atomic_sub_fetch(&test_inside, 1, __ATOMIC_SEQ_CST);
	uldd_exit();
}

/* Sleeps ms, then completes test_done once. */
void KTEST(ktest_sched_complete_after)(int ms)
{
	uldd_enter("completer");
	if (ms)
		schedule_timeout_uninterruptible((long)msecs_to_jiffies((unsigned int)ms));
	complete(&test_done);
	uldd_exit();
}

/* wait_for_completion_timeout's result, in jiffies. */
long KTEST(ktest_sched_wait_done)(int timeout_ms)
{
	unsigned long left;

	uldd_enter("waiter");
	left = wait_for_completion_timeout(&test_done, msecs_to_jiffies((unsigned int)timeout_ms));
	uldd_exit();
	return (long)left;
}

void KTEST(ktest_sched_set_flag)(int ms)
{
	uldd_enter("setter");
	schedule_timeout_uninterruptible((long)msecs_to_jiffies((unsigned int)ms));
	WRITE_ONCE(test_flag, 1);
	wake_up(&test_wq);
	uldd_exit();
}

long KTEST(ktest_sched_wait_flag)(int timeout_ms)
{
	long left;

	uldd_enter("flagwait");
	left = wait_event_timeout(test_wq, READ_ONCE(test_flag),
				  (long)msecs_to_jiffies((unsigned int)timeout_ms));
	uldd_exit();
	return left;
}

/* 0, or the line of the first context check that failed. */
int KTEST(ktest_sched_context)(void)
{
	unsigned long flags, before = uldd_sched_bugs();
	int line = 0;

	uldd_enter("context");
	if (!current || !in_task() || in_interrupt() || in_atomic() || irqs_disabled())
		line = __LINE__;
	preempt_disable();
	if (!line && (!in_atomic() || in_interrupt()))
		line = __LINE__;
	might_sleep(); /* a report, not a crash */
	preempt_enable();
	local_irq_save(flags);
	if (!line && !irqs_disabled())
		line = __LINE__;
	local_irq_restore(flags);
	if (!line && irqs_disabled())
		line = __LINE__;
	if (!line && uldd_sched_bugs() != before + 1)
		line = __LINE__;
	/* Nested entry keeps the same task and vCPU. */
	uldd_enter("nested");
	if (!line && strcmp(current->comm, "context"))
		line = __LINE__;
	uldd_exit();
	uldd_exit();
	return line;
}
