// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * test_locking.c - rw_semaphores, semaphores, RCU and tasklets
 * (shim/kernel/locking/, rcu/, softirq.c): the single-task cases of
 * kworld/ktest_locking.c with one virtual CPU and with two, then host
 * threads racing: readers share an rwsem and writers exclude them, a
 * waiting writer gets in past a stream of readers, a semaphore admits at
 * most its count, synchronize_rcu() and call_rcu() wait for a reader on
 * another thread, and a tasklet scheduled from many threads never runs
 * twice at once.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "ktable.h"
#include "kworld/ktest.h"

#define NTHREADS 4

struct job {
	pthread_t tid;
	int kind;
	int arg;
	long ret;
};

static void *run_job(void *p)
{
	struct job *j = p;

	j->ret = KTEST(ktest_lock_worker)(j->kind, j->arg);
	return NULL;
}

static void start(struct job *j, int kind, int arg)
{
	j->kind = kind;
	j->arg = arg;
	j->ret = -1;
	assert_int_equal(pthread_create(&j->tid, NULL, run_job, j), 0);
}

static long finish(struct job *j)
{
	assert_int_equal(pthread_join(j->tid, NULL), 0);
	return j->ret;
}

/* Polls a K-world stat until it is nonzero: 0, or -1 after 2 s. */
static int wait_stat(int which)
{
	for (int i = 0; i < 2000; i++) {
		if (KTEST(ktest_lock_stat)(which))
			return 0;
		usleep(1000);
	}
	return -1;
}

static void test_locking_rwsem_shares_and_excludes(void **state)
{
	enum { READERS = 3, WRITERS = 2, RITERS = 300, WITERS = 100 };
	struct job jobs[READERS + WRITERS];

	(void)state;
	for (unsigned int n = 1; n <= 2; n++) {
		assert_int_equal(KTEST(ktest_lock_setup)(n), 0);
		for (int i = 0; i < READERS; i++)
			start(&jobs[i], KLOCK_RWSEM_READER, RITERS);
		for (int i = 0; i < WRITERS; i++)
			start(&jobs[READERS + i], KLOCK_RWSEM_WRITER, WITERS);
		for (int i = 0; i < READERS + WRITERS; i++)
			assert_int_equal(finish(&jobs[i]), 0);
		assert_int_equal(KTEST(ktest_lock_stat)(KLOCK_STAT_COUNTER), WRITERS * WITERS);
		assert_int_equal(KTEST(ktest_lock_stat)(KLOCK_STAT_READS), READERS * RITERS);
		/* Readers sleep while they hold it: some held it together. */
		assert_true(KTEST(ktest_lock_stat)(KLOCK_STAT_MAX_INSIDE) >= 2);
	}
}

static void test_locking_rwsem_writer_not_starved(void **state)
{
	struct job readers[NTHREADS], writer;
	long waited;

	(void)state;
	for (unsigned int n = 1; n <= 2; n++) {
		assert_int_equal(KTEST(ktest_lock_setup)(n), 0);
		/* Overlapping read sections of 1 ms: the semaphore is seldom free. */
		for (int i = 0; i < NTHREADS; i++)
			start(&readers[i], KLOCK_RWSEM_READ_LOOP, 1000);
		usleep(20000);
		start(&writer, KLOCK_RWSEM_WRITE_ONCE, 0);
		waited = finish(&writer);
		KTEST(ktest_lock_stop)();
		/*
		 * The writer got in while the readers still looped: none
		 * ran out its 10 s, which a starved writer waits for.
		 */
		for (int i = 0; i < NTHREADS; i++)
			assert_int_equal(finish(&readers[i]), 0);
		assert_true(waited >= 0);
		assert_true(KTEST(ktest_lock_stat)(KLOCK_STAT_READS) > NTHREADS);
	}
}

static void test_locking_semaphore_counts(void **state)
{
	enum { HOLDERS = 6, ITERS = 200 };
	struct job jobs[HOLDERS];

	(void)state;
	for (unsigned int n = 1; n <= 2; n++) {
		assert_int_equal(KTEST(ktest_lock_setup)(n), 0);
		for (int i = 0; i < HOLDERS; i++)
			start(&jobs[i], KLOCK_SEM_HOLDER, ITERS);
		for (int i = 0; i < HOLDERS; i++)
			assert_int_equal(finish(&jobs[i]), 0);
		/* Never more than its 3 units; holders sleep, so usually all 3. */
		assert_in_range(KTEST(ktest_lock_stat)(KLOCK_STAT_MAX_INSIDE), 2, 3);
	}
}

static void test_locking_synchronize_rcu_waits_for_reader(void **state)
{
	struct job reader, sync;
	long ms;

	(void)state;
	assert_int_equal(KTEST(ktest_lock_setup)(2), 0);
	start(&reader, KLOCK_RCU_READER, 50);
	assert_int_equal(wait_stat(KLOCK_STAT_IN_READER), 0);
	start(&sync, KLOCK_RCU_SYNC, 0);
	ms = finish(&sync);
	assert_int_equal(finish(&reader), 0);
	/* -1: it returned while the reader was still in its section. */
	assert_true(ms >= 0);
}

static void test_locking_call_rcu_waits_for_reader(void **state)
{
	struct job reader, call;

	(void)state;
	assert_int_equal(KTEST(ktest_lock_setup)(2), 0);
	start(&reader, KLOCK_RCU_READER, 50);
	assert_int_equal(wait_stat(KLOCK_STAT_IN_READER), 0);
	start(&call, KLOCK_RCU_CALL, 0);
	assert_int_equal(finish(&call), 0);
	assert_int_equal(finish(&reader), 0);
}

static void test_locking_tasklet_never_concurrent(void **state)
{
	enum { SCHEDULES = 2000 };
	struct job jobs[NTHREADS];
	long runs;

	(void)state;
	for (unsigned int n = 1; n <= 2; n++) {
		assert_int_equal(KTEST(ktest_lock_setup)(n), 0);
		for (int i = 0; i < NTHREADS; i++)
			start(&jobs[i], KLOCK_TASKLET_SPAM, SCHEDULES);
		for (int i = 0; i < NTHREADS; i++)
			assert_int_equal(finish(&jobs[i]), 0);
		KTEST(ktest_lock_stop)();
		runs = KTEST(ktest_lock_stat)(KLOCK_STAT_TASKLET_RUNS);
		assert_int_equal(KTEST(ktest_lock_stat)(KLOCK_STAT_TASKLET_ERRORS), 0);
		/* Schedules while pending fold into one run. */
		assert_in_range(runs, 1, NTHREADS * SCHEDULES);
	}
}

int main(void)
{
	static const unsigned int vcpus[] = { 1, 2 };
	const struct CMUnitTest race_tests[] = {
		cmocka_unit_test(test_locking_rwsem_shares_and_excludes),
		cmocka_unit_test(test_locking_rwsem_writer_not_starved),
		cmocka_unit_test(test_locking_semaphore_counts),
		cmocka_unit_test(test_locking_synchronize_rcu_waits_for_reader),
		cmocka_unit_test(test_locking_call_rcu_waits_for_reader),
		cmocka_unit_test(test_locking_tasklet_never_concurrent),
	};
	const struct ktable table = {
		.area = "locking",
		.run_case = KTEST(ktest_lock_case),
		.case_setup = KTEST(ktest_lock_setup),
		.vcpus = vcpus,
		.nvcpus = 2,
	};
	int failed;

	failed = ktable_run(&table);
	failed += cmocka_run_group_tests(race_tests, NULL, NULL);
	return failed ? 1 : 0;
}
