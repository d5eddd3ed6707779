// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * test_kheaders.c - the core kernel headers of include/linux-compat where
 * the conformance suite (tests/conform/bits.c, atomic.c) cannot state
 * them: what ours accept beyond Linux 6.1's, barriers, the MMIO
 * accessors, checked by K-world bodies (kworld/ktest_{bits,math,atomic,
 * io}.c) run from here one case each; refcount_t's warnings seen through a
 * faked door log; and data_race() between host threads.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host.h"
#include "kworld/ktest.h"

/*
 * The door's log, faked: printk's lines land here. Defined in this file,
 * it satisfies K-world's reference before libuhost.a is searched.
 */
static int nwarned, last_level;
static char last_line[160];

void uhost_log(int level, const char *msg, uhost_size len)
{
	if (len >= 11 && memcmp(msg, "refcount_t:", 11) == 0)
		nwarned++;
	last_level = level;
	snprintf(last_line, sizeof(last_line), "%.*s", (int)len, msg);
}

/* Each misuse warns once per kind for the process, and leaves the count saturated. */
static void test_kheaders_refcount_saturates_and_warns_once(void **state)
{
	int kind;

	(void)state;
	nwarned = 0;
	assert_int_equal(KTEST(ktest_kh_refcount_misuse)(0), 0);
	assert_int_equal(nwarned, 1);
	assert_int_equal(last_level, 4);
	assert_non_null(strstr(last_line, "saturated"));
	/* The same kind again, on another counter: saturated, no new warning. */
	assert_int_equal(KTEST(ktest_kh_refcount_misuse)(0), 0);
	assert_int_equal(nwarned, 1);
	/* Increment of 0, decrement below 0, refcount_dec to 0: one each. */
	for (kind = 1; kind <= 3; kind++) {
		assert_int_equal(KTEST(ktest_kh_refcount_misuse)(kind), 0);
		assert_int_equal(nwarned, kind + 1);
	}
	assert_non_null(strstr(last_line, "leaks"));
	for (kind = 0; kind <= 3; kind++)
		assert_int_equal(KTEST(ktest_kh_refcount_misuse)(kind), 0);
	assert_int_equal(nwarned, 4);
}

/*
 * Two host threads released together, each running a K-world racer. They
 * meet spinning, not sleeping in a barrier, so both are on a CPU when they
 * start: a thread woken from a futex starts late, and the race is lost.
 */
struct racer {
	int *ready;
	int nracers;
	unsigned long arg;
	unsigned long ret;
	enum { RACE_BUMP, RACE_PEEK } kind;
};

static void *race(void *p)
{
	struct racer *r = p;

	__atomic_add_fetch(r->ready, 1, __ATOMIC_SEQ_CST);
	while (__atomic_load_n(r->ready, __ATOMIC_ACQUIRE) < r->nracers)
		;
	switch (r->kind) {
	case RACE_BUMP:
		KTEST(ktest_kh_race_stat_bump)(r->arg);
		break;
	case RACE_PEEK:
		r->ret = KTEST(ktest_kh_race_stat_peek)(r->arg);
		break;
	}
	return NULL;
}

static void run_racers(struct racer *racers, int n)
{
	pthread_t tid[2];
	int i, ready = 0;

	assert_true(n <= 2);
	for (i = 0; i < n; i++) {
		racers[i].ready = &ready;
		racers[i].nracers = n;
		assert_int_equal(pthread_create(&tid[i], NULL, race, &racers[i]), 0);
	}
	for (i = 0; i < n; i++)
		assert_int_equal(pthread_join(tid[i], NULL), 0);
}

/*
 * data_race(): a plain counter one thread bumps while another reads it
 * through the annotation. In a SANITIZE=thread build, this proves that the
 * annotation keeps ThreadSanitizer quiet (unannotated, the report would end
 * the program); elsewhere, that the reader sees some value up to the end.
 */
static void test_kheaders_data_race_annotation(void **state)
{
	struct racer racers[2] = { { .arg = 100000, .kind = RACE_BUMP },
				   { .arg = 100000, .kind = RACE_PEEK } };

	(void)state;
	KTEST(ktest_kh_race_reset)();
	run_racers(racers, 2);
	assert_int_equal(KTEST(ktest_kh_race_count)(), 100000);
	assert_true(racers[1].ret <= 100000);
}

/* One K-world check case as a CMocka test. */
typedef int kh_area_fn(unsigned int i, const char **name, int run);

struct kh_case {
	kh_area_fn *area;
	unsigned int i;
	char name[96];
};

static void test_kheaders_case(void **state)
{
	const struct kh_case *c = *state;
	const char *name = NULL;
	int line = c->area(c->i, &name, 1);

	if (line != 0)
		fail_msg("%s: the check at line %d of its K-world body failed", c->name, line);
}

static int run_area(const char *area, kh_area_fn *fn)
{
	struct CMUnitTest *tests;
	struct kh_case *cases;
	const char *name;
	unsigned int i, n = 0;
	int failed;

	while (fn(n, &name, 0) == 0)
		n++;
	tests = calloc(n, sizeof(*tests));
	cases = calloc(n, sizeof(*cases));
	if (!tests || !cases || n == 0) {
		fprintf(stderr, "test_kheaders: the %s checks are empty or out of memory\n", area);
		free(tests);
		free(cases);
		return 1;
	}
	for (i = 0; i < n; i++) {
		fn(i, &name, 0);
		cases[i].area = fn;
		cases[i].i = i;
		snprintf(cases[i].name, sizeof(cases[i].name), "test_kheaders_%s_%s", area, name);
		tests[i].name = cases[i].name;
		tests[i].test_func = test_kheaders_case;
		tests[i].initial_state = &cases[i];
	}
	failed = _cmocka_run_group_tests(area, tests, n, NULL, NULL);
	free(tests);
	free(cases);
	return failed;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kheaders_refcount_saturates_and_warns_once),
		cmocka_unit_test(test_kheaders_data_race_annotation),
	};
	int failed;

	failed = cmocka_run_group_tests(tests, NULL, NULL);
	failed += run_area("bits", KTEST(ktest_kh_bits));
	failed += run_area("math", KTEST(ktest_kh_math));
	failed += run_area("atomic", KTEST(ktest_kh_atomic));
	failed += run_area("io", KTEST(ktest_kh_io));
	failed += run_area("clock", KTEST(ktest_kh_clock));
	failed += run_area("ethtool", KTEST(ktest_kh_ethtool));
	return failed ? 1 : 0;
}
