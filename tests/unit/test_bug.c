// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * test_bug.c - WARN and BUG (linux/bug.h, shim/kernel/panic.c): the WARN
 * family returns its condition and logs "WARNING: at file:line func()"
 * (seen through a faked door log), the _ONCE forms log once, and BUG_ON
 * kills the process with SIGABRT (in a forked child).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "host.h"
#include "ktable.h"
#include "kworld/ktest.h"

/* The door's log, faked: every printk line is kept, the last few in full. */
static int nlines, nwarnings;
static char warning[256], before[256];

void uhost_log(int level, const char *msg, uhost_size len)
{
	(void)level;
	nlines++;
	if (len >= 12 && memcmp(msg, "WARNING: at ", 12) == 0) {
		nwarnings++;
		snprintf(warning, sizeof(warning), "%.*s", (int)len, msg);
	} else {
		snprintf(before, sizeof(before), "%.*s", (int)len, msg);
	}
}

static int setup(void **state)
{
	(void)state;
	return KTEST(ktest_bug_setup)();
}

static void reset(void)
{
	nlines = nwarnings = 0;
	warning[0] = before[0] = 0;
}

static void expect_warning_at(int line)
{
	char want[128];

	snprintf(want, sizeof(want), "ktest_bug.c:%d ktest_bug_warn()", line);
	assert_non_null(strstr(warning, want));
}

static void test_bug_warn_on_returns_condition_and_warns(void **state)
{
	int line = 0;

	(void)state;
	reset();
	assert_int_equal(KTEST(ktest_bug_warn)(KBUG_WARN_ON, 0, &line), 0);
	assert_int_equal(nlines, 0);
	assert_int_equal(KTEST(ktest_bug_warn)(KBUG_WARN_ON, 7, &line), 1);
	assert_int_equal(nwarnings, 1);
	expect_warning_at(line);
	assert_int_equal(KTEST(ktest_bug_warn)(KBUG_WARN_ON, 1, &line), 1);
	assert_int_equal(nwarnings, 2);
}

static void test_bug_warn_prints_message_then_place(void **state)
{
	int line = 0;

	(void)state;
	reset();
	assert_int_equal(KTEST(ktest_bug_warn)(KBUG_WARN, 0, &line), 0);
	assert_int_equal(nlines, 0);
	assert_int_equal(KTEST(ktest_bug_warn)(KBUG_WARN, 5, &line), 1);
	assert_int_equal(nwarnings, 1);
	assert_non_null(strstr(before, "ktest_bug: value 5"));
	expect_warning_at(line);
}

static void test_bug_warn_on_once_warns_once(void **state)
{
	int line = 0;

	(void)state;
	reset();
	assert_int_equal(KTEST(ktest_bug_warn)(KBUG_WARN_ON_ONCE, 0, &line), 0);
	for (int i = 0; i < 3; i++)
		assert_int_equal(KTEST(ktest_bug_warn)(KBUG_WARN_ON_ONCE, 1, &line), 1);
	assert_int_equal(nwarnings, 1);
	expect_warning_at(line);
	reset();
	for (int i = 0; i < 3; i++)
		assert_int_equal(KTEST(ktest_bug_warn)(KBUG_WARN_ONCE, 2, &line), 1);
	assert_int_equal(nwarnings, 1);
	assert_non_null(strstr(before, "ktest_bug: once 2"));
}

static void test_bug_warn_ratelimit_limits(void **state)
{
	int line = 0;

	(void)state;
	reset();
	for (int i = 0; i < 30; i++)
		assert_int_equal(KTEST(ktest_bug_warn)(KBUG_WARN_RATELIMIT, 1, &line), 1);
	/* 10 per 5 seconds, as the kernel's default rate limit. */
	assert_int_equal(nwarnings, 10);
}

static void test_bug_on_kills_with_sigabrt(void **state)
{
	int status;

	(void)state;
	status = ktable_child(KTEST(ktest_bug_on), 0);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	status = ktable_child(KTEST(ktest_bug_on), 1);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), SIGABRT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bug_warn_on_returns_condition_and_warns),
		cmocka_unit_test(test_bug_warn_prints_message_then_place),
		cmocka_unit_test(test_bug_warn_on_once_warns_once),
		cmocka_unit_test(test_bug_warn_ratelimit_limits),
		cmocka_unit_test(test_bug_on_kills_with_sigabrt),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
