// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * test_sched.c - the kernel namespace's tasks, virtual CPUs and sleeping
 * locks, driven by real host threads: mutual exclusion of spinlocks and
 * mutexes, vCPU limits, sleeping that gives the vCPU away, completions and
 * wait queues with their timeouts, and the atomic-sleep checker.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <time.h>

#include "../../shim/entry.h"
#include "kworld/ktest.h"

#define NTHREADS 4

struct job {
	pthread_t tid;
	int kind;
	int arg;
	long ret;
};

enum { JOB_SPIN, JOB_MUTEX, JOB_BUSY, JOB_COMPLETE, JOB_WAIT, JOB_SET_FLAG, JOB_WAIT_FLAG };

static void *run_job(void *p)
{
	struct job *j = p;

	switch (j->kind) {
	case JOB_SPIN:
		j->ret = KTEST(ktest_sched_spin_worker)(j->arg);
		break;
	case JOB_MUTEX:
		j->ret = KTEST(ktest_sched_mutex_worker)(j->arg);
		break;
	case JOB_BUSY:
		KTEST(ktest_sched_busy_worker)(j->arg);
		break;
	case JOB_COMPLETE:
		KTEST(ktest_sched_complete_after)(j->arg);
		break;
	case JOB_WAIT:
		j->ret = KTEST(ktest_sched_wait_done)(j->arg);
		break;
	case JOB_SET_FLAG:
		KTEST(ktest_sched_set_flag)(j->arg);
		break;
	case JOB_WAIT_FLAG:
		j->ret = KTEST(ktest_sched_wait_flag)(j->arg);
		break;
	}
	return NULL;
}

static void start(struct job *j, int kind, int arg)
{
	j->kind = kind;
	j->arg = arg;
	j->ret = -1;
	assert_int_equal(pthread_create(&j->tid, NULL, run_job, j), 0);
}

static void finish(struct job *j)
{
	assert_int_equal(pthread_join(j->tid, NULL), 0);
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void test_sched_spinlock_excludes(void **state)
{
	struct job jobs[NTHREADS];
	enum { ITERS = 100000 };

	(void)state;
	assert_int_equal(KTEST(ktest_sched_setup)(2), 0);
	for (int i = 0; i < NTHREADS; i++)
		start(&jobs[i], JOB_SPIN, ITERS);
	for (int i = 0; i < NTHREADS; i++) {
		finish(&jobs[i]);
		assert_int_equal(jobs[i].ret, 0);
	}
	assert_int_equal(KTEST(ktest_sched_counter)(), 2L * NTHREADS * ITERS);
}

static void test_sched_mutex_excludes_across_sleep(void **state)
{
	struct job jobs[NTHREADS];
	enum { ITERS = 2000 };

	(void)state;
	/* One vCPU: a sleeping holder must give it away or nobody else runs. */
	assert_int_equal(KTEST(ktest_sched_setup)(1), 0);
	for (int i = 0; i < NTHREADS; i++)
		start(&jobs[i], JOB_MUTEX, ITERS);
	for (int i = 0; i < NTHREADS; i++) {
		finish(&jobs[i]);
		assert_int_equal(jobs[i].ret, 0);
	}
	assert_int_equal(KTEST(ktest_sched_counter)(), (long)NTHREADS * ITERS);
}

static void test_sched_vcpus_bound_parallelism(void **state)
{
	struct job jobs[NTHREADS];

	(void)state;
	for (unsigned int n = 1; n <= 2; n++) {
		assert_int_equal(KTEST(ktest_sched_setup)(n), 0);
		for (int i = 0; i < NTHREADS; i++)
			start(&jobs[i], JOB_BUSY, 20000);
		for (int i = 0; i < NTHREADS; i++)
			finish(&jobs[i]);
		assert_in_range(KTEST(ktest_sched_max_inside)(), 1, n);
	}
}

static void test_sched_completion_wakes_sleeper(void **state)
{
	struct job waiter, completer;
	double t0 = now_ms();

	(void)state;
	/* One vCPU: the waiter sleeps, so the completer can get in. */
	assert_int_equal(KTEST(ktest_sched_setup)(1), 0);
	start(&waiter, JOB_WAIT, 5000);
	start(&completer, JOB_COMPLETE, 30);
	finish(&waiter);
	finish(&completer);
	/* Woken by the completion, not by its 5 s timeout, and after it. */
	assert_true(waiter.ret > 0);
	assert_true(now_ms() - t0 >= 30);
}

static void test_sched_completion_counts_early_complete(void **state)
{
	struct job waiter, completer;

	(void)state;
	assert_int_equal(KTEST(ktest_sched_setup)(2), 0);
	start(&completer, JOB_COMPLETE, 0);
	finish(&completer);
	start(&waiter, JOB_WAIT, 1000);
	finish(&waiter);
	assert_true(waiter.ret > 0);
	/* Consumed: a second wait times out. */
	start(&waiter, JOB_WAIT, 40);
	finish(&waiter);
	assert_int_equal(waiter.ret, 0);
}

static void test_sched_completion_times_out(void **state)
{
	struct job waiter;
	double t0 = now_ms();

	(void)state;
	assert_int_equal(KTEST(ktest_sched_setup)(2), 0);
	start(&waiter, JOB_WAIT, 60);
	finish(&waiter);
	assert_int_equal(waiter.ret, 0);
	assert_true(now_ms() - t0 >= 60);
}

static void test_sched_wait_event_sees_condition(void **state)
{
	struct job waiter, setter;

	(void)state;
	assert_int_equal(KTEST(ktest_sched_setup)(1), 0);
	start(&waiter, JOB_WAIT_FLAG, 5000);
	start(&setter, JOB_SET_FLAG, 20);
	finish(&waiter);
	finish(&setter);
	assert_true(waiter.ret > 0);
	/* Already true: at least 1 without sleeping. */
	start(&waiter, JOB_WAIT_FLAG, 0);
	finish(&waiter);
	assert_int_equal(waiter.ret, 1);
}

static void test_sched_wait_event_times_out(void **state)
{
	struct job waiter;

	(void)state;
	assert_int_equal(KTEST(ktest_sched_setup)(2), 0);
	start(&waiter, JOB_WAIT_FLAG, 40);
	finish(&waiter);
	assert_int_equal(waiter.ret, 0);
}

static void test_sched_context_is_truthful(void **state)
{
	(void)state;
	assert_int_equal(KTEST(ktest_sched_setup)(2), 0);
	assert_int_equal(KTEST(ktest_sched_context)(), 0);
	assert_int_equal(KTEST(ktest_sched_setup)(0), -22);
	assert_int_equal(KTEST(ktest_sched_setup)(65), -22);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sched_spinlock_excludes),
		cmocka_unit_test(test_sched_mutex_excludes_across_sleep),
		cmocka_unit_test(test_sched_vcpus_bound_parallelism),
		cmocka_unit_test(test_sched_completion_wakes_sleeper),
		cmocka_unit_test(test_sched_completion_counts_early_complete),
		cmocka_unit_test(test_sched_completion_times_out),
		cmocka_unit_test(test_sched_wait_event_sees_condition),
		cmocka_unit_test(test_sched_wait_event_times_out),
		cmocka_unit_test(test_sched_context_is_truthful),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
