// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * test_leaks.c - the leaks checker (--debug=leaks, shim/debug/leaks_*.c):
 * memory and a timer a driver callback left behind are reported at the
 * end, memory grouped by the stack that allocated it; what was given
 * back, and what was taken outside a driver callback (the shim's own),
 * is not.
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
#include "kworld/ktest_leaks.h"

static int setup(void **state)
{
	(void)state;
	return KTEST(ktest_debug_setup)(debuglog_start("leaks"));
}

static void test_leaks_mem_reported_by_stack(void **state)
{
	(void)state;
	debuglog_reset();
	assert_int_equal(KTEST(ktest_leaks_mem)(0), 1);
	assert_string_equal(debuglog_titles, "BUG: leaks: 3 objects still allocated at exit|");
	assert_non_null(strstr(debuglog_text, "3 objects, 4296 bytes"));
	assert_non_null(strstr(debuglog_text, "2 object(s), 200 bytes (kmalloc"));
	assert_non_null(strstr(debuglog_text, "1 object(s), 4096 bytes (alloc_pages"));
	/* Not the freed one, nor the one taken outside the callback. */
	assert_null(strstr(debuglog_text, "32 bytes"));
	assert_null(strstr(debuglog_text, "64 bytes"));
}

static void test_leaks_mem_given_back_is_quiet(void **state)
{
	(void)state;
	debuglog_reset();
	assert_int_equal(KTEST(ktest_leaks_mem)(1), 0);
	assert_string_equal(debuglog_titles, "");
}

static void test_leaks_timer_pending_reported(void **state)
{
	(void)state;
	debuglog_reset();
	assert_int_equal(KTEST(ktest_leaks_timer)(0), 1);
	assert_string_equal(debuglog_titles, "BUG: leaks: 1 resources still held at exit|");
	assert_non_null(strstr(debuglog_text, "timer still pending"));
}

static void test_leaks_timer_deleted_is_quiet(void **state)
{
	(void)state;
	debuglog_reset();
	assert_int_equal(KTEST(ktest_leaks_timer)(1), 0);
	assert_string_equal(debuglog_titles, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_leaks_mem_reported_by_stack),
		cmocka_unit_test(test_leaks_mem_given_back_is_quiet),
		cmocka_unit_test(test_leaks_timer_pending_reported),
		cmocka_unit_test(test_leaks_timer_deleted_is_quiet),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
