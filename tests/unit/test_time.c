// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * test_time.c - the shim's time and deferred work (shim/kernel/time/,
 * workqueue.c, kthread.c): every K-world case of kworld/ktest_time.c, run
 * from a host thread with one virtual CPU and again with two, against the
 * real timer thread, workers and kthreads. With one vCPU, callbacks and the
 * test take turns; with two they overlap, which del_timer_sync and the
 * cancels must survive; then host threads race on shared timers and work
 * items.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "ktable.h"
#include "kworld/ktest.h"

#define RACE_THREADS 4
#define RACE_ITERS 3000

static void *race_thread(void *arg)
{
	KTEST(ktest_time_race)((unsigned int)(uintptr_t)arg, RACE_ITERS);
	return NULL;
}

static void race(unsigned int vcpus)
{
	pthread_t tid[RACE_THREADS];
	long calls = 0;
	int i;

	assert_int_equal(KTEST(ktest_time_race_setup)(vcpus), 0);
	for (i = 0; i < RACE_THREADS; i++)
		assert_int_equal(pthread_create(&tid[i], NULL, race_thread,
						(void *)(uintptr_t)(0x9e3779b9u * (i + 1))),
				 0);
	for (i = 0; i < RACE_THREADS; i++)
		assert_int_equal(pthread_join(tid[i], NULL), 0);
	/* 0, or the line in ktest_time.c of the first check that failed. */
	assert_int_equal(KTEST(ktest_time_race_finish)(&calls), 0);
	assert_true(calls > 0);
}

static void test_time_race_1cpu(void **state)
{
	(void)state;
	race(1);
}

static void test_time_race_2cpu(void **state)
{
	(void)state;
	race(2);
}

int main(void)
{
	const struct CMUnitTest race_tests[] = {
		cmocka_unit_test(test_time_race_1cpu),
		cmocka_unit_test(test_time_race_2cpu),
	};
	static const unsigned int vcpus[] = { 1, 2 };
	const struct ktable table = {
		.area = "time",
		.run_case = KTEST(ktest_time_case),
		.case_setup = KTEST(ktest_time_setup),
		.vcpus = vcpus,
		.nvcpus = 2,
	};
	int failed;

	failed = ktable_run(&table);
	failed += cmocka_run_group_tests(race_tests, NULL, NULL);
	return failed ? 1 : 0;
}
