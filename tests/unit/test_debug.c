// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * test_debug.c - what the checkers of 'uldd run --debug=LIST' share
 * (shim/debug/): a report opens and closes with a rule and a "BUG:" title,
 * is counted per checker, nests instead of deadlocking when a checker
 * trips inside a report, and the closing checks sum the counts; the stack
 * depot stores a stack once however often it is saved; and the names the
 * option takes.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "../../shim/entry.h"
#include "host.h"
#include "kworld/ktest_debug.h"

/* The door's log, faked: lines counted, "BUG:" titles and frames kept. */
static int nlines, nrules, nframes;
static char titles[512];

void uhost_log(int level, const char *msg, uhost_size len)
{
	(void)level;
	nlines++;
	if (len >= 10 && !memcmp(msg, "==========", 10))
		nrules++;
	else if (len >= 5 && !memcmp(msg, "BUG: ", 5))
		snprintf(titles + strlen(titles), sizeof(titles) - strlen(titles), "%.*s|",
			 (int)(len && msg[len - 1] == '\n' ? len - 1 : len), msg);
	else if (len && msg[0] == ' ')
		nframes++;
}

static void reset(void)
{
	nlines = nrules = nframes = 0;
	titles[0] = 0;
}

/* The test names frames itself, as the tool's namer does. */
static void namer(void *pc, char *buf, size_t len)
{
	snprintf(buf, len, "frame %p", pc);
}

/* With the leaks checker on, which has nothing to find here. */
static int setup(void **state)
{
	unsigned int mask;

	(void)state;
	uh_stack_set_namer(namer);
	if (uldd_k_uldd_debug_lookup("leaks", 5, &mask))
		return -1;
	return KTEST(ktest_debug_setup)(mask);
}

static void test_debug_report_is_framed_and_counted(void **state)
{
	(void)state;
	reset();
	assert_int_equal(KTEST(ktest_debug_report)(0, 0), 1);
	assert_int_equal(nrules, 2);
	assert_string_equal(titles, "BUG: test report 0|");
	assert_int_equal(KTEST(ktest_debug_report)(0, 0), 2);
	assert_int_equal(KTEST(ktest_debug_report)(1, 0), 1);
}

static void test_debug_report_nests(void **state)
{
	(void)state;
	reset();
	assert_int_equal(KTEST(ktest_debug_report)(2, 1), 2);
	/* One frame around both: the inner one opens no rule of its own. */
	assert_int_equal(nrules, 2);
	assert_string_equal(titles,
			    "BUG: test report 2|BUG: nested report (inside the report above)|");
}

static void test_debug_depot_dedups(void **state)
{
	(void)state;
	reset();
	assert_int_equal(KTEST(ktest_debug_depot)(), 0);
	assert_true(nframes >= 2);
}

static void test_debug_finish_sums_reports(void **state)
{
	unsigned long before;

	(void)state;
	before = KTEST(ktest_debug_finish)();
	assert_true(before >= 1);
	KTEST(ktest_debug_report)(3, 0);
	assert_int_equal(KTEST(ktest_debug_finish)(), before + 1);
}

static void test_debug_names(void **state)
{
	static const char *const names[] = { "kasan", "lockdep", "dma", "leaks", "dma-strict" };
	unsigned int mask, seen = 0;

	(void)state;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		assert_int_equal(uldd_k_uldd_debug_lookup(names[i], strlen(names[i]), &mask), 0);
		assert_int_equal(mask & seen, 0);
		seen |= mask;
	}
	/* A longer name, a prefix and "up" (the tool's, not the shim's) are not checkers. */
	assert_int_not_equal(uldd_k_uldd_debug_lookup("lock", 4, &mask), 0);
	assert_int_not_equal(uldd_k_uldd_debug_lookup("kasanx", 6, &mask), 0);
	assert_int_not_equal(uldd_k_uldd_debug_lookup("up", 2, &mask), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_debug_report_is_framed_and_counted),
		cmocka_unit_test(test_debug_report_nests),
		cmocka_unit_test(test_debug_depot_dedups),
		cmocka_unit_test(test_debug_finish_sums_reports),
		cmocka_unit_test(test_debug_names),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
