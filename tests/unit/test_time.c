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

#include "kworld/ktest.h"

struct time_case {
	unsigned int i;
	unsigned int vcpus;
	char name[96];
};

static void test_time_case(void **state)
{
	const struct time_case *tc = *state;
	const char *name;

	assert_int_equal(KTEST(ktest_time_setup)(tc->vcpus), 0);
	/* 0, or the line in ktest_time.c of the first check that failed. */
	assert_int_equal(KTEST(ktest_time_case)(tc->i, &name, 1), 0);
}

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
	struct CMUnitTest *tests;
	struct time_case *cases;
	unsigned int i, v, n = 0, k = 0;
	const char *name;
	int failed;

	while (KTEST(ktest_time_case)(n, &name, 0) == 0)
		n++;
	tests = calloc(2 * n, sizeof(*tests));
	cases = calloc(2 * n, sizeof(*cases));
	if (!tests || !cases || n == 0) {
		fprintf(stderr, "test_time: the table is empty or out of memory\n");
		return 1;
	}
	for (v = 0; v < 2; v++) {
		for (i = 0; i < n; i++, k++) {
			KTEST(ktest_time_case)(i, &name, 0);
			cases[k].i = i;
			cases[k].vcpus = vcpus[v];
			snprintf(cases[k].name, sizeof(cases[k].name), "test_time_%s_%ucpu", name,
				 vcpus[v]);
			tests[k].name = cases[k].name;
			tests[k].test_func = test_time_case;
			tests[k].initial_state = &cases[k];
		}
	}
	failed = _cmocka_run_group_tests("time", tests, k, NULL, NULL);
	free(tests);
	free(cases);
	failed += cmocka_run_group_tests(race_tests, NULL, NULL);
	return failed ? 1 : 0;
}
