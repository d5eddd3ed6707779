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
#include "host.h"
#include "kworld/ktest_leaks.h"

static char logbuf[16384];
static size_t loglen;
static char titles[512];

void uhost_log(int level, const char *msg, uhost_size len)
{
	(void)level;
	if (len >= 5 && !memcmp(msg, "BUG: ", 5))
		snprintf(titles + strlen(titles), sizeof(titles) - strlen(titles), "%.*s|",
			 (int)(len && msg[len - 1] == '\n' ? len - 1 : len), msg);
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
	if (uldd_k_uldd_debug_lookup("leaks", 5, &mask))
		return -1;
	return KTEST(ktest_leaks_setup)(mask);
}

static void test_leaks_mem_reported_by_stack(void **state)
{
	(void)state;
	reset();
	assert_int_equal(KTEST(ktest_leaks_mem)(0), 1);
	assert_string_equal(titles, "BUG: leaks: 3 objects still allocated at exit|");
	assert_non_null(strstr(logbuf, "3 objects, 4296 bytes"));
	assert_non_null(strstr(logbuf, "2 object(s), 200 bytes (kmalloc"));
	assert_non_null(strstr(logbuf, "1 object(s), 4096 bytes (alloc_pages"));
	/* Not the freed one, nor the one taken outside the callback. */
	assert_null(strstr(logbuf, "32 bytes"));
	assert_null(strstr(logbuf, "64 bytes"));
}

static void test_leaks_mem_given_back_is_quiet(void **state)
{
	(void)state;
	reset();
	assert_int_equal(KTEST(ktest_leaks_mem)(1), 0);
	assert_string_equal(titles, "");
}

static void test_leaks_timer_pending_reported(void **state)
{
	(void)state;
	reset();
	assert_int_equal(KTEST(ktest_leaks_timer)(0), 1);
	assert_string_equal(titles, "BUG: leaks: 1 resources still held at exit|");
	assert_non_null(strstr(logbuf, "timer still pending"));
}

static void test_leaks_timer_deleted_is_quiet(void **state)
{
	(void)state;
	reset();
	assert_int_equal(KTEST(ktest_leaks_timer)(1), 0);
	assert_string_equal(titles, "");
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
