// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * test_mm.c - the shim's memory (shim/mm/): the K-world cases of
 * kworld/ktest_mm.c, each a CMocka test; host threads churning kmalloc and
 * kfree at once; what the allocator reports through printk (the door's
 * log is faked here); driver bugs that must stop the process (run in a
 * child); and the arena seen from the host side. The arena is real:
 * kernel/arena.c maps it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "host.h"
#include "ktable.h"
#include "kworld/ktest.h"

#define CHURN_THREADS 4
#define CHURN_ITERATIONS 100000

/*
 * The door's uhost_log, faked: printk's lines land here. Defined in this
 * file, it satisfies K-world's reference before libuhost.a is searched.
 */
static char logged[16][256];
static int nlogged;

void uhost_log(int level, const char *msg, uhost_size len)
{
	(void)level;
	if (nlogged < (int)(sizeof(logged) / sizeof(logged[0])))
		snprintf(logged[nlogged], sizeof(logged[0]), "%.*s", (int)len, msg);
	nlogged++;
}

/* Index of the first line since from that contains text, or -1. */
static int find_logged(int from, const char *text)
{
	int i;

	for (i = from; i < nlogged && i < (int)(sizeof(logged) / sizeof(logged[0])); i++) {
		if (strstr(logged[i], text))
			return i;
	}
	return -1;
}

static int mm_setup(void **state)
{
	(void)state;
	return KTEST(ktest_mm_init)() ? -1 : 0;
}

struct churn {
	pthread_t tid;
	unsigned int seed;
	long errors;
};

static void *churn_thread(void *p)
{
	struct churn *ch = p;

	ch->errors = KTEST(ktest_mm_churn)(ch->seed, CHURN_ITERATIONS);
	return NULL;
}

static void test_mm_threads_churn_and_return_to_baseline(void **state)
{
	unsigned long objects0, large0, free0, objects, large, free_pages;
	struct churn ch[CHURN_THREADS];
	int i;

	(void)state;
	KTEST(ktest_mm_stats)(&objects0, &large0, &free0);
	for (i = 0; i < CHURN_THREADS; i++) {
		ch[i].seed = 1000 + i;
		assert_int_equal(pthread_create(&ch[i].tid, NULL, churn_thread, &ch[i]), 0);
	}
	for (i = 0; i < CHURN_THREADS; i++) {
		assert_int_equal(pthread_join(ch[i].tid, NULL), 0);
		assert_int_equal(ch[i].errors, 0);
	}
	KTEST(ktest_mm_stats)(&objects, &large, &free_pages);
	assert_int_equal(objects, objects0);
	assert_int_equal(large, large0);
	assert_true(free_pages > 0);
}

static void test_mm_destroy_leaky_cache_warns(void **state)
{
	int from = nlogged;

	(void)state;
	assert_int_equal(KTEST(ktest_mm_destroy_leaky_cache)(), 0);
	assert_int_equal(nlogged, from + 1);
	assert_true(find_logged(from,
				"kmem_cache_destroy(ktest_leaky): 2 objects still allocated") >= 0);
}

static void test_mm_failure_warns_unless_nowarn(void **state)
{
	int from = nlogged;

	(void)state;
	/* One line per failed allocation: a kmalloc and an alloc_pages. */
	assert_int_equal(KTEST(ktest_mm_fail)(0), 0);
	assert_int_equal(nlogged, from + 2);
	assert_true(find_logged(from, "kmalloc of 4194305 bytes failed") >= 0);
	assert_true(find_logged(from, "alloc_pages of") >= 0);
	from = nlogged;
	assert_int_equal(KTEST(ktest_mm_fail)(1), 0);
	assert_int_equal(nlogged, from);
}

/* Runs ktest_mm_bug(which) in a child: it must die by uhost_abort(), SIGABRT. */
static void expect_stop(int which)
{
	int status = ktable_child(KTEST(ktest_mm_bug), which);

	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), SIGABRT);
}

static void test_mm_driver_bugs_stop_loudly(void **state)
{
	int which;

	(void)state;
	for (which = 0; which <= 3; which++)
		expect_stop(which);
}

static void test_mm_host_memory_is_not_arena(void **state)
{
	void *heap = malloc(100);
	int local = 0;

	(void)state;
	assert_non_null(heap);
	assert_false(KTEST(ktest_mm_in_arena)(heap));
	assert_false(KTEST(ktest_mm_in_arena)(&local));
	assert_false(KTEST(ktest_mm_in_arena)(logged));
	free(heap);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mm_threads_churn_and_return_to_baseline),
		cmocka_unit_test(test_mm_destroy_leaky_cache_warns),
		cmocka_unit_test(test_mm_failure_warns_unless_nowarn),
		cmocka_unit_test(test_mm_driver_bugs_stop_loudly),
		cmocka_unit_test(test_mm_host_memory_is_not_arena),
	};
	static const struct ktable table = {
		.area = "mm",
		.run_case = KTEST(ktest_mm_case),
		.group_setup = mm_setup,
	};
	int failed;

	failed = ktable_run(&table);
	failed += cmocka_run_group_tests(tests, mm_setup, NULL);
	return failed ? 1 : 0;
}
