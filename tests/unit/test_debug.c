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
#include "debuglog.h"
#include "kworld/ktest_debug.h"

/* With the leaks checker on, which has nothing to find here. */
static int setup(void **state)
{
	(void)state;
	return KTEST(ktest_debug_setup)(debuglog_start("leaks"));
}

static void test_debug_report_is_framed_and_counted(void **state)
{
	(void)state;
	debuglog_reset();
	assert_int_equal(KTEST(ktest_debug_report)(0, 0), 1);
	assert_int_equal(debuglog_rules, 2);
	assert_string_equal(debuglog_titles, "BUG: test report 0|");
	assert_int_equal(KTEST(ktest_debug_report)(0, 0), 2);
	assert_int_equal(KTEST(ktest_debug_report)(1, 0), 1);
}

static void test_debug_report_nests(void **state)
{
	(void)state;
	debuglog_reset();
	assert_int_equal(KTEST(ktest_debug_report)(2, 1), 2);
	/* One frame around both: the inner one opens no rule of its own. */
	assert_int_equal(debuglog_rules, 2);
	assert_string_equal(debuglog_titles,
			    "BUG: test report 2|BUG: nested report (inside the report above)|");
}

static void test_debug_depot_dedups(void **state)
{
	(void)state;
	debuglog_reset();
	assert_int_equal(KTEST(ktest_debug_depot)(), 0);
	assert_true(debuglog_frames >= 2);
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
