// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * test_kasan.c - --debug=kasan (shim/debug/kasan.c, shim/mm/slab.c): the
 * shadow of kmalloc objects of odd sizes; an access past an object,
 * through the entry points an instrumented driver calls, reported once
 * per code address and named as KASAN names it; a read after kfree with
 * the allocation and free stacks; the quarantine delaying reuse; bad
 * frees reported rather than stopping; alignment kept with the redzones;
 * ksize() and krealloc(); pages, across arena growth; the shim's memset; and no check while the checker is off.
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
#include "kworld/ktest_kasan.h"

static int setup(void **state)
{
	(void)state;
	debuglog_start("");
	return KTEST(ktest_kasan_setup)();
}

static void test_kasan_shadow(void **state)
{
	(void)state;
	assert_int_equal(KTEST(ktest_kasan_shadow)(), 0);
}

static void test_kasan_redzone(void **state)
{
	(void)state;
	debuglog_reset();
	assert_int_equal(KTEST(ktest_kasan_redzone)(), 3);
	assert_non_null(strstr(debuglog_text, "BUG: KASAN: slab-out-of-bounds in frame 0x"));
	assert_non_null(strstr(debuglog_text, "\nWrite of size 1 at addr "));
	assert_non_null(strstr(debuglog_text, "\nRead of size 8 at addr "));
	assert_non_null(
		strstr(debuglog_text, " which belongs to the cache kmalloc-32 of size 32\n"));
	assert_non_null(strstr(
		debuglog_text,
		"\nThe buggy address is located 0 bytes to the right of\n 32-byte region ["));
	assert_non_null(strstr(debuglog_text, "\nAllocated by task ktest-kasan/"));
	assert_null(strstr(debuglog_text, "Freed by task"));
}

static void test_kasan_uaf(void **state)
{
	(void)state;
	debuglog_reset();
	assert_int_equal(KTEST(ktest_kasan_uaf)(), 1);
	assert_non_null(strstr(debuglog_text, "BUG: KASAN: use-after-free in frame 0x"));
	assert_non_null(strstr(debuglog_text, "\nRead of size 4 at addr "));
	assert_non_null(
		strstr(debuglog_text,
		       "\nThe buggy address is located 8 bytes inside of\n freed 24-byte region"));
	assert_non_null(strstr(debuglog_text, "\nAllocated by task ktest-kasan/"));
	assert_non_null(strstr(debuglog_text, "\nFreed by task ktest-kasan/"));
}

static void test_kasan_quarantine(void **state)
{
	(void)state;
	assert_int_equal(KTEST(ktest_kasan_quarantine)(), 0);
}

static void test_kasan_bad_free(void **state)
{
	(void)state;
	debuglog_reset();
	assert_int_equal(KTEST(ktest_kasan_bad_free)(), 2);
	assert_non_null(strstr(debuglog_text, "BUG: KASAN: invalid-free in "));
	assert_non_null(strstr(debuglog_text, "BUG: KASAN: double-free in "));
}

static void test_kasan_align(void **state)
{
	(void)state;
	assert_int_equal(KTEST(ktest_kasan_align)(), 0);
}

static void test_kasan_ksize(void **state)
{
	(void)state;
	assert_int_equal(KTEST(ktest_kasan_ksize)(), 2);
}

static void test_kasan_memset(void **state)
{
	(void)state;
	debuglog_reset();
	assert_int_equal(KTEST(ktest_kasan_memset)(), 1);
	assert_non_null(strstr(debuglog_text, "\nWrite of size 40 at addr "));
	/* Described from the first byte out of bounds, not the start of the range. */
	assert_non_null(
		strstr(debuglog_text,
		       "\nThe buggy address is located 0 bytes to the right of\n 32-byte region"));
}

static void test_kasan_pages(void **state)
{
	(void)state;
	assert_int_equal(KTEST(ktest_kasan_pages)(), 0);
}

static void test_kasan_off(void **state)
{
	(void)state;
	assert_int_equal(KTEST(ktest_kasan_off)(), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kasan_shadow),   cmocka_unit_test(test_kasan_redzone),
		cmocka_unit_test(test_kasan_uaf),      cmocka_unit_test(test_kasan_quarantine),
		cmocka_unit_test(test_kasan_bad_free), cmocka_unit_test(test_kasan_align),
		cmocka_unit_test(test_kasan_ksize),    cmocka_unit_test(test_kasan_memset),
		cmocka_unit_test(test_kasan_pages),    cmocka_unit_test(test_kasan_off),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
