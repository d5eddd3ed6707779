// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ktest_string.c - K-world bodies for test_namespace.c: the shim's string
 * functions, and a structure copy for which gcc itself emits a memcpy call.
 */
#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>

#include "ktest.h"

struct big {
	char text[512];
};

static const char hello[] = "hello world";
/* Named arrays, not literals: cppcheck flags comparing two literals. */
static const char abc[] = "abc", abc_too[] = "abc", abd[] = "abd", abcdef[] = "abcdef",
		  abcxyz[] = "abcxyz";
static const char high[] = "\xff", low[] = "\x01";

/* gcc copies a structure this large with a call to memcpy, K-world's. */
static noinline void copy_big(struct big *dst, const struct big *src)
{
	*dst = *src;
}

static int struct_copy(char *got, size_t size)
{
	struct big a = { .text = "copied whole" }, b;

	copy_big(&b, &a);
	return (int)strscpy(got, b.text, size);
}

static int done(struct ktest_case *c, const char *name, const char *want, int want_ret, int ret)
{
	c->name = name;
	c->want = want;
	c->want_ret = want_ret;
	c->ret = ret;
	return 0;
}

/* Case i is the i-th CASE line: its name, the text left in got, the value of expr. */
#define CASE(name, want, want_ret, expr)                                   \
	do {                                                               \
		if (i == n++)                                              \
			return done(c, name, want, want_ret, (int)(expr)); \
	} while (0)

int ktest_string_case(unsigned int i, struct ktest_case *c)
{
	char *got = c->got;
	size_t size = sizeof(c->got);
	unsigned int n = 0;

	CASE("strscpy_fits", "hello", 5, strscpy(got, "hello", size));
	CASE("strscpy_exact", "abc", 3, strscpy(got, "abc", 4));
	CASE("strscpy_truncates", "he", -E2BIG, strscpy(got, "hello", 3));
	CASE("strscpy_zero_size", "", -E2BIG, strscpy(got, "hello", 0));
	CASE("strlen", "", 11, strlen(hello));
	CASE("strnlen_limit", "", 3, strnlen(hello, 3));
	CASE("strnlen_short", "", 11, strnlen(hello, 100));
	CASE("strcmp_order", "", 1,
	     strcmp(abc, abd) < 0 && strcmp(abd, abc) > 0 && !strcmp(abc, abc_too));
	CASE("strcmp_unsigned", "", 1, strcmp(high, low) > 0);
	CASE("strncmp_prefix", "", 0, strncmp(abcdef, abcxyz, 3));
	CASE("strchr", "", 4, strchr(hello, 'o') - hello);
	CASE("strchr_nul", "", 11, strchr(hello, '\0') - hello);
	CASE("strchr_missing", "", 1, strchr(hello, 'z') == NULL);
	CASE("strrchr", "", 7, strrchr(hello, 'o') - hello);
	CASE("memcpy", "abcd", 0, (memcpy(got, "abcd", 5), 0));
	CASE("memset", "xxx", 0, (memset(got, 'x', 3), 0));
	CASE("memmove_up", "aabcde", 0,
	     (strscpy(got, "abcdef", size), memmove(got + 1, got, 5), 0));
	CASE("memmove_down", "cdefgfg", 0,
	     (strscpy(got, "abcdefg", size), memmove(got, got + 2, 5), 0));
	CASE("memcmp", "", 1, memcmp(abc, abd, 3) < 0 && memcmp(high, low, 1) > 0);
	CASE("struct_copy", "copied whole", 12, struct_copy(got, size));
	return -ENOENT;
}

void ktest_bindings(void **memcpy_fn, void **snprintf_fn)
{
	*memcpy_fn = (void *)memcpy;
	*snprintf_fn = (void *)snprintf;
}
