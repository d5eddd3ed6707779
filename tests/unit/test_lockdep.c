// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * test_lockdep.c - the lock validator (--debug=lockdep, shim/debug/lockdep.c):
 * an order inversion between two locks or around a longer cycle is
 * reported once with the chain's stacks, a consistent order and a trylock
 * are not; a lock taken in a hard irq and with interrupts on, a lock held
 * when a callback returns or when its task blocks, a failed
 * lockdep_assert_held() are each reported; a re-initialised lock takes
 * its new site's class; and with the checker off nothing is recorded.
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
#include "kworld/ktest_lockdep.h"

static int setup(void **state)
{
	(void)state;
	return KTEST(ktest_debug_setup)(debuglog_start("lockdep"));
}

#define CYCLE "BUG: lockdep: possible circular locking dependency detected|"

static void test_lockdep_abba_reported_once(void **state)
{
	(void)state;
	debuglog_reset();
	assert_int_equal(KTEST(ktest_lockdep_abba)(), 1);
	assert_string_equal(debuglog_titles, CYCLE);
	assert_non_null(strstr(debuglog_text, "is trying to acquire lock &a"));
	assert_non_null(strstr(debuglog_text, "but it already holds lock &b"));
	assert_non_null(strstr(debuglog_text, "(1 dependency)"));
	/* This acquisition, the held lock's, and the two of the earlier edge. */
	assert_true(debuglog_frames >= 4);
}

static void test_lockdep_abba_sleeping_locks(void **state)
{
	(void)state;
	debuglog_reset();
	assert_int_equal(KTEST(ktest_lockdep_abba_sleeping)(), 1);
	assert_string_equal(debuglog_titles, CYCLE);
	assert_non_null(strstr(debuglog_text, "is trying to acquire lock &m"));
}

static void test_lockdep_cycle_of_three(void **state)
{
	(void)state;
	debuglog_reset();
	assert_int_equal(KTEST(ktest_lockdep_cycle3)(), 1);
	assert_string_equal(debuglog_titles, CYCLE);
	assert_non_null(strstr(debuglog_text, "(2 dependencies)"));
	assert_non_null(strstr(debuglog_text, "-> #0: &b taken while holding &a"));
	assert_non_null(strstr(debuglog_text, "-> #1: &c taken while holding &b"));
	assert_true(debuglog_frames >= 6);
}

static void test_lockdep_consistent_order_is_quiet(void **state)
{
	(void)state;
	debuglog_reset();
	assert_int_equal(KTEST(ktest_lockdep_consistent)(), 0);
	assert_string_equal(debuglog_titles, "");
}

static void test_lockdep_irq_inconsistency(void **state)
{
	(void)state;
	debuglog_reset();
	assert_int_equal(KTEST(ktest_lockdep_irq)(), 1);
	assert_string_equal(
		debuglog_titles,
		"BUG: lockdep: inconsistent lock state: &bad is irq-safe and irq-unsafe|");
	assert_non_null(strstr(debuglog_text, "first taken in a hard interrupt handler at:"));
	assert_non_null(strstr(debuglog_text, "first taken with interrupts enabled at:"));
	assert_true(debuglog_frames >= 2);
}

static void test_lockdep_held_at_callback_return(void **state)
{
	(void)state;
	debuglog_reset();
	assert_int_equal(KTEST(ktest_lockdep_held_at_return)(), 1);
	assert_string_equal(debuglog_titles, "BUG: lockdep: lock held when returning to the shim|");
	assert_non_null(strstr(debuglog_text, "timer callback returned with 1 lock(s) held"));
	assert_non_null(strstr(debuglog_text, "#0: &held_lock (lock at 0x"));
	/* The caller's own lock is not listed. */
	assert_null(strstr(debuglog_text, "&outer"));
}

static void test_lockdep_assert_held(void **state)
{
	(void)state;
	debuglog_reset();
	assert_int_equal(KTEST(ktest_lockdep_assert)(), 2);
	assert_string_equal(debuglog_titles,
			    "BUG: lockdep: lockdep_assert_held failed: &m is not held|"
			    "BUG: lockdep: lockdep_assert_not_held failed: &l is held|");
}

static void test_lockdep_reinit_takes_new_class(void **state)
{
	(void)state;
	debuglog_reset();
	assert_int_equal(KTEST(ktest_lockdep_reinit)(), 0);
	assert_string_equal(debuglog_titles, "");
}

static void test_lockdep_sleep_holding_spinlock(void **state)
{
	(void)state;
	debuglog_reset();
	assert_int_equal(KTEST(ktest_lockdep_sleep)(), 1);
	assert_string_equal(debuglog_titles,
			    "BUG: lockdep: scheduling while holding spinning lock &l|");
}

static void test_lockdep_off_records_nothing(void **state)
{
	(void)state;
	debuglog_reset();
	assert_int_equal(KTEST(ktest_lockdep_off)(), 0);
	assert_string_equal(debuglog_titles, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lockdep_abba_reported_once),
		cmocka_unit_test(test_lockdep_abba_sleeping_locks),
		cmocka_unit_test(test_lockdep_cycle_of_three),
		cmocka_unit_test(test_lockdep_consistent_order_is_quiet),
		cmocka_unit_test(test_lockdep_irq_inconsistency),
		cmocka_unit_test(test_lockdep_held_at_callback_return),
		cmocka_unit_test(test_lockdep_assert_held),
		cmocka_unit_test(test_lockdep_reinit_takes_new_class),
		cmocka_unit_test(test_lockdep_sleep_holding_spinlock),
		cmocka_unit_test(test_lockdep_off_records_nothing),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
