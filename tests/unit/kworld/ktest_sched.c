// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ktest_sched.c - K-world bodies for test_sched.c: workers that host
 * threads run concurrently through uldd_enter()/uldd_exit(), probes of
 * the context the kernel namespace reports, and the door wrapper's vCPU
 * hand-off around a blocking host call. State is static and reset by
 * ktest_sched_setup() before each case. Locks, completions and wait queues
 * are the conformance suite's (tests/conform/locking.c, completion.c,
 * wait.c).
 */
#include <asm/processor.h>
#include <linux/completion.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/time64.h>
#include <linux/workqueue.h>

/* The hand-off case also makes one bare door call, on purpose, as a control. */
#define ULDD_DOOR_BARE
#include "../../../shim/core/door.h"
#include "../../../shim/entry.h"
#include "ktest.h"

static int test_inside, test_max_inside;

int KTEST(ktest_sched_setup)(unsigned int nr_vcpus)
{
	test_inside = test_max_inside = 0;
	return uldd_sched_init(nr_vcpus);
}

int KTEST(ktest_sched_max_inside)(void)
{
	return __atomic_load_n(&test_max_inside, __ATOMIC_RELAXED);
}

/*
 * Holds a vCPU without sleeping for about spin_us, counting who else runs;
 * returns 1 if the CPU it runs on is not one of the nr_cpu_ids vCPUs.
 */
long KTEST(ktest_sched_busy_worker)(int spin_us)
{
	long errors = 0;
	int now;
	u64 end;

	uldd_enter("busy");
	now = __atomic_add_fetch(&test_inside, 1, __ATOMIC_SEQ_CST);
	for (int max = READ_ONCE(test_max_inside); now > max; max = READ_ONCE(test_max_inside))
		__atomic_compare_exchange_n(&test_max_inside, &max, now, 0, __ATOMIC_SEQ_CST,
					    __ATOMIC_RELAXED);
	if (smp_processor_id() < 0 || smp_processor_id() >= (int)nr_cpu_ids)
		errors++;
	end = get_jiffies_64() + usecs_to_jiffies((unsigned int)spin_us) + 1;
	while (time_before64(get_jiffies_64(), end))
		cpu_relax();
	__atomic_sub_fetch(&test_inside, 1, __ATOMIC_SEQ_CST);
	uldd_exit();
	return errors;
}

/*
 * 0, or the line of the first context check that failed: a host thread
 * that enters is a task, in no atomic section, with interrupts on; might_sleep()
 * in an atomic section is reported (uldd_sched_bugs), not a crash; and a
 * nested entry keeps the same task.
 */
int KTEST(ktest_sched_context)(void)
{
	unsigned long before = uldd_sched_bugs();
	int line = 0;

	uldd_enter("context");
	if (!current || !in_task() || in_interrupt() || in_atomic() || irqs_disabled())
		line = __LINE__;
	preempt_disable();
	might_sleep(); /* a report, not a crash */
	preempt_enable();
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

/* Task B of the door case: needs a vCPU to say it ran. */
static u32 door_word;
static int door_b_cpu;

static void door_task_b(void *arg)
{
	(void)arg;
	uldd_enter("door-b");
	__atomic_store_n(&door_b_cpu, smp_processor_id(), __ATOMIC_RELAXED);
	__atomic_store_n(&door_word, 1, __ATOMIC_RELEASE);
	uhost_futex_wake(&door_word, 1);
	uldd_exit();
}

/*
 * With one vCPU, held by this task (A), a blocking door call made through
 * the wrapper lets task B run meanwhile: A waits on a futex word that only
 * B, once it holds a vCPU, sets (join: A joins B's thread, which cannot end
 * before B got the vCPU). First a control: the same wait made bare, with
 * the vCPU kept, ends at its deadline with B not run, however long that
 * is, since B cannot take the only vCPU. 0, or the line that failed; no
 * outcome depends on how long anything takes.
 */
int KTEST(ktest_sched_door_lends_vcpu)(int join)
{
	struct uhost_thread *b;
	int line = 0;

	__atomic_store_n(&door_word, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&door_b_cpu, -1, __ATOMIC_RELAXED);
	if (nr_cpu_ids != 1)
		return __LINE__;
	uldd_enter("door-a");
	if (uhost_thread_create(door_task_b, NULL, "door-b", &b)) {
		uldd_exit();
		return __LINE__;
	}
	while (uhost_futex_wait(&door_word, 0, uhost_clock_ns() + 2 * NSEC_PER_MSEC) != ETIMEDOUT)
		;
	if (__atomic_load_n(&door_word, __ATOMIC_ACQUIRE))
		line = __LINE__;
	if (join) {
		if (uldd_door_thread_join(b))
			line = line ?: __LINE__;
	} else {
		while (!__atomic_load_n(&door_word, __ATOMIC_ACQUIRE))
			uldd_door_futex_wait(&door_word, 0, 0);
		if (uldd_door_thread_join(b))
			line = line ?: __LINE__;
	}
	/* B ran on the one vCPU, and A has it back. */
	if (!line &&
	    (!__atomic_load_n(&door_word, __ATOMIC_ACQUIRE) ||
	     __atomic_load_n(&door_b_cpu, __ATOMIC_RELAXED) != 0 || smp_processor_id() != 0))
		line = __LINE__;
	uldd_exit();
	return line;
}

/*
 * The watchdog's cases (test_sched.c): holds a vCPU while *state is 1,
 * calls cond_resched() once when the test sets it to 2 (answering 3), and
 * leaves at 0.
 */
long KTEST(ktest_wd_hold)(int *state)
{
	uldd_enter("wd-hold");
	__atomic_store_n(state, 1, __ATOMIC_SEQ_CST);
	for (;;) {
		int s = __atomic_load_n(state, __ATOMIC_SEQ_CST);

		if (!s)
			break;
		if (s == 2) {
			cond_resched();
			__atomic_store_n(state, 3, __ATOMIC_SEQ_CST);
		}
		cpu_relax();
	}
	uldd_exit();
	return 0;
}

static DECLARE_COMPLETION(ktest_wd_done);

/* Sleeps uninterruptibly until ktest_wd_release(). */
long KTEST(ktest_wd_block)(void)
{
	uldd_enter("wd-block");
	wait_for_completion(&ktest_wd_done);
	uldd_exit();
	return 0;
}

void KTEST(ktest_wd_release)(void)
{
	uldd_enter("wd-release");
	complete(&ktest_wd_done);
	uldd_exit();
}

static void ktest_wd_work_fn(struct work_struct *work)
{
	(void)work;
}

static DECLARE_WORK(ktest_wd_work, ktest_wd_work_fn);

/* Leaves a system_wq worker idle, which must never count as a hung task. */
void KTEST(ktest_wd_idle_worker)(void)
{
	uldd_enter("wd-work");
	schedule_work(&ktest_wd_work);
	flush_work(&ktest_wd_work);
	uldd_exit();
}
