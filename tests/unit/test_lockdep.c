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
#include "host.h"
#include "kworld/ktest_lockdep.h"

/* The door's log, faked: every line kept, "BUG:" titles and frames counted. */
static char logbuf[65536];
static size_t loglen;
static int nframes;
static char titles[1024];

void uhost_log(int level, const char *msg, uhost_size len)
{
	(void)level;
	if (len >= 5 && !memcmp(msg, "BUG: ", 5))
		snprintf(titles + strlen(titles), sizeof(titles) - strlen(titles), "%.*s|",
			 (int)(len && msg[len - 1] == '\n' ? len - 1 : len), msg);
	else if (len >= 7 && !memcmp(msg, " frame ", 7))
		nframes++;
	if (loglen + len < sizeof(logbuf)) {
		memcpy(logbuf + loglen, msg, len);
		loglen += len;
		logbuf[loglen] = 0;
	}
}

static void reset(void)
{
	loglen = 0;
	logbuf[0] = 0;
	nframes = 0;
	titles[0] = 0;
}

static void namer(void *pc, char *buf, size_t len)
{
	snprintf(buf, len, "frame %p", pc);
}

static int setup(void **state)
{
	unsigned int mask;

	(void)state;
	uh_stack_set_namer(namer);
	if (uldd_k_uldd_debug_lookup("lockdep", 7, &mask))
		return -1;
	return KTEST(ktest_lockdep_setup)(mask);
}

#define CYCLE "BUG: lockdep: possible circular locking dependency detected|"

static void test_lockdep_abba_reported_once(void **state)
{
	(void)state;
	reset();
	assert_int_equal(KTEST(ktest_lockdep_abba)(), 1);
	assert_string_equal(titles, CYCLE);
	assert_non_null(strstr(logbuf, "is trying to acquire lock &a"));
	assert_non_null(strstr(logbuf, "but it already holds lock &b"));
	assert_non_null(strstr(logbuf, "(1 dependency)"));
	/* This acquisition, the held lock's, and the two of the earlier edge. */
	assert_true(nframes >= 4);
}

static void test_lockdep_abba_sleeping_locks(void **state)
{
	(void)state;
	reset();
	assert_int_equal(KTEST(ktest_lockdep_abba_sleeping)(), 1);
	assert_string_equal(titles, CYCLE);
	assert_non_null(strstr(logbuf, "is trying to acquire lock &m"));
}

static void test_lockdep_cycle_of_three(void **state)
{
	(void)state;
	reset();
	assert_int_equal(KTEST(ktest_lockdep_cycle3)(), 1);
	assert_string_equal(titles, CYCLE);
	assert_non_null(strstr(logbuf, "(2 dependencies)"));
	assert_non_null(strstr(logbuf, "-> #0: &b taken while holding &a"));
	assert_non_null(strstr(logbuf, "-> #1: &c taken while holding &b"));
	assert_true(nframes >= 6);
}

static void test_lockdep_consistent_order_is_quiet(void **state)
{
	(void)state;
	reset();
	assert_int_equal(KTEST(ktest_lockdep_consistent)(), 0);
	assert_string_equal(titles, "");
}

static void test_lockdep_irq_inconsistency(void **state)
{
	(void)state;
	reset();
	assert_int_equal(KTEST(ktest_lockdep_irq)(), 1);
	assert_string_equal(
		titles, "BUG: lockdep: inconsistent lock state: &bad is irq-safe and irq-unsafe|");
	assert_non_null(strstr(logbuf, "first taken in a hard interrupt handler at:"));
	assert_non_null(strstr(logbuf, "first taken with interrupts enabled at:"));
	assert_true(nframes >= 2);
}

static void test_lockdep_held_at_callback_return(void **state)
{
	(void)state;
	reset();
	assert_int_equal(KTEST(ktest_lockdep_held_at_return)(), 1);
	assert_string_equal(titles, "BUG: lockdep: lock held when returning to the shim|");
	assert_non_null(strstr(logbuf, "timer callback returned with 1 lock(s) held"));
	assert_non_null(strstr(logbuf, "#0: &held_lock (lock at 0x"));
	/* The caller's own lock is not listed. */
	assert_null(strstr(logbuf, "&outer"));
}

static void test_lockdep_assert_held(void **state)
{
	(void)state;
	reset();
	assert_int_equal(KTEST(ktest_lockdep_assert)(), 2);
	assert_string_equal(titles, "BUG: lockdep: lockdep_assert_held failed: &m is not held|"
				    "BUG: lockdep: lockdep_assert_not_held failed: &l is held|");
}

static void test_lockdep_reinit_takes_new_class(void **state)
{
	(void)state;
	reset();
	assert_int_equal(KTEST(ktest_lockdep_reinit)(), 0);
	assert_string_equal(titles, "");
}

static void test_lockdep_sleep_holding_spinlock(void **state)
{
	(void)state;
	reset();
	assert_int_equal(KTEST(ktest_lockdep_sleep)(), 1);
	assert_string_equal(titles, "BUG: lockdep: scheduling while holding spinning lock &l|");
}

static void test_lockdep_off_records_nothing(void **state)
{
	(void)state;
	reset();
	assert_int_equal(KTEST(ktest_lockdep_off)(), 0);
	assert_string_equal(titles, "");
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
