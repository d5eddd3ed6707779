// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * test_sched.c - the kernel namespace's tasks and virtual CPUs, driven by
 * real host threads: vCPU limits, the context a host thread gets when it
 * enters, and the atomic-sleep checker. Locks, completions and wait queues
 * are the conformance suite's (test_conform runs them with 1 and 2 vCPUs).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sched_vcpus_bound_parallelism),
		cmocka_unit_test(test_sched_context_is_truthful),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
