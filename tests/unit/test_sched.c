// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * test_sched.c - the kernel namespace's tasks and virtual CPUs, driven by
 * real host threads: vCPU limits, the context a host thread gets when it
 * enters, the atomic-sleep checker, the door wrapper lending a vCPU around
 * a blocking host call, and the watchdog's soft-lockup and
 * hung-task checks on a fake clock. Locks, completions and wait queues
 * are the conformance suite's (test_conform runs them with 1 and 2 vCPUs).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <string.h>
#include <time.h>

#include "../../kernel/host.h"

#include "../../shim/entry.h"
#include "kworld/ktest.h"

#define NTHREADS 4

struct job {
	pthread_t tid;
	int arg;
	long ret;
};

static void *run_busy(void *p)
{
	struct job *j = p;

	j->ret = KTEST(ktest_sched_busy_worker)(j->arg);
	return NULL;
}

static void test_sched_vcpus_bound_parallelism(void **state)
{
	struct job jobs[NTHREADS];

	(void)state;
	for (unsigned int n = 1; n <= 2; n++) {
		assert_int_equal(KTEST(ktest_sched_setup)(n), 0);
		for (int i = 0; i < NTHREADS; i++) {
			jobs[i].arg = 20000;
			jobs[i].ret = -1;
			assert_int_equal(pthread_create(&jobs[i].tid, NULL, run_busy, &jobs[i]), 0);
		}
		for (int i = 0; i < NTHREADS; i++) {
			assert_int_equal(pthread_join(jobs[i].tid, NULL), 0);
			assert_int_equal(jobs[i].ret, 0);
		}
		assert_in_range(KTEST(ktest_sched_max_inside)(), 1, n);
	}
}

static void test_sched_context_is_truthful(void **state)
{
	(void)state;
	assert_int_equal(KTEST(ktest_sched_setup)(2), 0);
	assert_int_equal(KTEST(ktest_sched_context)(), 0);
	assert_int_equal(KTEST(ktest_sched_setup)(0), -22);
	assert_int_equal(KTEST(ktest_sched_setup)(65), -22);
}

#define SEC 1000000000ULL

static void *run_hold(void *p)
{
	KTEST(ktest_wd_hold)(p);
	return NULL;
}

static void wait_for(int *state, int want)
{
	const struct timespec ms = { .tv_nsec = 1000000 };

	while (__atomic_load_n(state, __ATOMIC_SEQ_CST) != want)
		nanosleep(&ms, NULL);
}

/*
 * A soft lockup on a fake clock: a vCPU held by one task is reported at
 * the limit and not a second before; cond_resched() starts the count again;
 * a free vCPU is never reported. The hung-task check is off here.
 */
static void test_watchdog_soft_lockup(void **state)
{
	struct uldd_wd_report r;
	unsigned long long t0 = 1000 * SEC;
	int hold = -1;
	pthread_t tid;

	(void)state;
	assert_int_equal(KTEST(ktest_sched_setup)(2), 0);
	assert_int_equal(pthread_create(&tid, NULL, run_hold, &hold), 0);
	wait_for(&hold, 1);
	assert_int_equal(uldd_k_uldd_watchdog_check(t0, 20 * SEC, 0, &r), 0);
	assert_int_equal(uldd_k_uldd_watchdog_check(t0 + 19 * SEC, 20 * SEC, 0, &r), 0);
	memset(&r, 0, sizeof(r));
	assert_int_equal(uldd_k_uldd_watchdog_check(t0 + 21 * SEC, 20 * SEC, 0, &r),
			 ULDD_WD_LOCKUP);
	assert_string_equal(r.comm, "wd-hold");
	assert_int_equal(r.secs, 21);
	assert_in_range(r.cpu, 0, 1);
	assert_true(r.pid > 0);
	assert_true(r.thread == (unsigned long long)tid);

	/* A scheduling point: the count starts again from the next look. */
	__atomic_store_n(&hold, 2, __ATOMIC_SEQ_CST);
	wait_for(&hold, 3);
	__atomic_store_n(&hold, 1, __ATOMIC_SEQ_CST);
	assert_int_equal(uldd_k_uldd_watchdog_check(t0 + 30 * SEC, 20 * SEC, 0, &r), 0);
	assert_int_equal(uldd_k_uldd_watchdog_check(t0 + 49 * SEC, 20 * SEC, 0, &r), 0);
	assert_int_equal(uldd_k_uldd_watchdog_check(t0 + 50 * SEC, 20 * SEC, 0, &r),
			 ULDD_WD_LOCKUP);
	/* Off. */
	assert_int_equal(uldd_k_uldd_watchdog_check(t0 + 90 * SEC, 0, 0, &r), 0);

	__atomic_store_n(&hold, 0, __ATOMIC_SEQ_CST);
	assert_int_equal(pthread_join(tid, NULL), 0);
	assert_int_equal(uldd_k_uldd_watchdog_check(t0 + 100 * SEC, 20 * SEC, 0, &r), 0);
	assert_int_equal(uldd_k_uldd_watchdog_check(t0 + 200 * SEC, 20 * SEC, 0, &r), 0);
}

static void *run_block(void *p)
{
	(void)p;
	KTEST(ktest_wd_block)();
	return NULL;
}

/*
 * A hung task: one in wait_for_completion() is reported once it has slept
 * the limit (the clock it stamped plus a fake offset), not before, and no
 * more once woken; an idle workqueue worker never is. The soft-lockup
 * check is off here.
 */
static void test_watchdog_hung_task(void **state)
{
	const struct timespec ms = { .tv_nsec = 1000000 };
	struct uldd_wd_report r;
	unsigned long long now;
	pthread_t tid;
	int kind = 0;

	(void)state;
	assert_int_equal(KTEST(ktest_sched_setup)(2), 0);
	KTEST(ktest_wd_idle_worker)();
	nanosleep(&ms, NULL);
	now = uhost_clock_coarse_ns();
	assert_int_equal(uldd_k_uldd_watchdog_check(now + 500 * SEC, 0, 120 * SEC, &r), 0);
	assert_int_equal(pthread_create(&tid, NULL, run_block, NULL), 0);
	for (int i = 0; i < 5000 && kind != ULDD_WD_HUNG; i++) {
		nanosleep(&ms, NULL);
		kind = uldd_k_uldd_watchdog_check(uhost_clock_coarse_ns() + 121 * SEC, 0, 120 * SEC,
						  &r);
	}
	assert_int_equal(kind, ULDD_WD_HUNG);
	assert_string_equal(r.comm, "wd-block");
	assert_int_equal(r.cpu, -1);
	assert_true(r.secs >= 121);
	assert_true(r.thread == (unsigned long long)tid);
	now = uhost_clock_coarse_ns();
	assert_int_equal(uldd_k_uldd_watchdog_check(now + 100 * SEC, 0, 120 * SEC, &r), 0);

	KTEST(ktest_wd_release)();
	assert_int_equal(pthread_join(tid, NULL), 0);
	now = uhost_clock_coarse_ns();
	assert_int_equal(uldd_k_uldd_watchdog_check(now + 500 * SEC, 0, 120 * SEC, &r), 0);
}

/*
 * One vCPU, held by a task that makes a blocking door call through the
 * wrapper (core/door.c): another task runs meanwhile. Without the hand-off
 * the call would never return (the other task is what ends it), so a
 * regression hangs here rather than passing.
 */
static void test_sched_door_call_lends_vcpu(void **state)
{
	(void)state;
	assert_int_equal(KTEST(ktest_sched_setup)(1), 0);
	assert_int_equal(KTEST(ktest_sched_door_lends_vcpu)(0), 0);
	assert_int_equal(KTEST(ktest_sched_door_lends_vcpu)(1), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sched_vcpus_bound_parallelism),
		cmocka_unit_test(test_sched_context_is_truthful),
		cmocka_unit_test(test_sched_door_call_lends_vcpu),
		cmocka_unit_test(test_watchdog_soft_lockup),
		cmocka_unit_test(test_watchdog_hung_task),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
