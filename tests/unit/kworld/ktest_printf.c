// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ktest_printf.c - K-world bodies for test_namespace.c: what the kernel's
 * snprintf does here that the conformance suite (tests/conform/printf.c,
 * where the other cases went) does not state: uldd's answers to %n and
 * to an extension it does not implement, plain %p, %pK and %pS, and where
 * K-world's calls bind. One CASE line per test: its name, the text
 * expected, the return value expected, the call.
 */
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/sprintf.h>
#include <linux/string.h>

#include "ktest.h"

static const u8 mac[6] = { 0x00, 0x1b, 0x21, 0x0a, 0xbc, 0xde };

static int done(struct ktest_case *c, const char *name, const char *want, int want_ret, int ret)
{
	c->name = name;
	c->want = want;
	c->want_ret = want_ret;
	c->ret = ret;
	return 0;
}

/* Case i is the i-th CASE line: its name, the text left in got, the value of expr. */
#define CASE(name, want, want_ret, expr)                              \
	do {                                                          \
		if (i == n++)                                         \
			return done(c, name, want, want_ret, (expr)); \
	} while (0)

int ktest_printf_case(unsigned int i, struct ktest_case *c)
{
	char *got = c->got;
	size_t size = sizeof(c->got);
	unsigned int n = 0;
	int dummy = 0;

	CASE("invalid_conversion_stops", "ab", 2, snprintf(got, size, "ab%ncd", &dummy));
	CASE("unsupported_extension", "(%pU?)", 6, snprintf(got, size, "%pUb", mac));
	return -ENOENT;
}

int ktest_errname(int err, char *buf, size_t size)
{
	return snprintf(buf, size, "%pe", ERR_PTR(err));
}

int ktest_pointers(const void *p, char *buf, size_t size)
{
	return snprintf(buf, size, "%p|%px|%pK|%pS|%pe", p, p, p, p, p);
}

void ktest_bindings(void **memcpy_fn, void **snprintf_fn)
{
	*memcpy_fn = (void *)memcpy;
	*snprintf_fn = (void *)snprintf;
}
