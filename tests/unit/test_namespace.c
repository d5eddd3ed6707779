// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * test_namespace.c - the two namespaces in one process: the kernel's
 * snprintf, printk and memcpy (K-world, linked under uldd_k_* names) next to
 * libc's, each giving its own result; and the K-world test bodies of
 * tests/unit/kworld/, run from here (see kworld/ktest.h for how they are
 * named). The door's log is faked to see what printk hands to the host.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host.h"
#include "kworld/ktest.h"

/*
 * The kernel's own functions under their K-world link names, to call them
 * beside libc's from the same file. Not printf-checked: gcc would read the
 * format as libc's.
 */
int uldd_k_snprintf(char *buf, size_t size, const char *fmt, ...);
void *uldd_k_memcpy(void *dest, const void *src, size_t n);

static const uint8_t mac[6] = { 0x00, 0x1b, 0x21, 0x0a, 0xbc, 0xde };

/*
 * The door's uhost_log, faked: printk's lines land here. Defined in this
 * file, it satisfies K-world's reference before libuhost.a is searched.
 */
struct logged {
	int level;
	char text[128];
};

static struct logged logged[32];
static int nlogged;

void uhost_log(int level, const char *msg, uhost_size len)
{
	struct logged *l;

	if (nlogged == (int)(sizeof(logged) / sizeof(logged[0])))
		return;
	l = &logged[nlogged++];
	l->level = level;
	snprintf(l->text, sizeof(l->text), "%.*s", (int)len, msg);
}

static void test_namespace_libc_and_kernel_snprintf(void **state)
{
	char libc_out[64], k_out[64];
	int n;

	(void)state;
	/* libc: %p, then a literal M. */
	n = snprintf(libc_out, sizeof(libc_out), "%pM", (const void *)mac);
	assert_true(n > 3);
	assert_memory_equal(libc_out, "0x", 2);
	assert_int_equal(libc_out[n - 1], 'M');
	/* The kernel's: a MAC address. */
	n = uldd_k_snprintf(k_out, sizeof(k_out), "%pM", mac);
	assert_int_equal(n, 17);
	assert_string_equal(k_out, "00:1b:21:0a:bc:de");
}

static void test_namespace_calls_bind_in_their_world(void **state)
{
	void *k_memcpy, *k_snprintf;

	(void)state;
	uldd_k_ktest_bindings(&k_memcpy, &k_snprintf);
	assert_ptr_equal(k_memcpy, (void *)uldd_k_memcpy);
	assert_ptr_equal(k_snprintf, (void *)uldd_k_snprintf);
	assert_ptr_not_equal(k_memcpy, (void *)memcpy);
	assert_ptr_not_equal(k_snprintf, (void *)snprintf);
}

static void test_namespace_pointers(void **state)
{
	const void *p = &mac;
	char k_out[128], want[128], libc_out[32];
	unsigned long v = (unsigned long)(uintptr_t)p;

	(void)state;
	/* %p is raw here (not hashed), zero-padded like %px; %pS has no symbols yet. */
	snprintf(want, sizeof(want), "%016lx|%016lx|%016lx|0x%016lx|%016lx", v, v, v, v, v);
	uldd_k_ktest_pointers(p, k_out, sizeof(k_out));
	assert_string_equal(k_out, want);
	/* libc's %p of the same pointer: 0x and no padding. */
	snprintf(libc_out, sizeof(libc_out), "%p", p);
	assert_memory_equal(libc_out, "0x", 2);
	assert_memory_not_equal(k_out, libc_out, strlen(libc_out));
}

/* Linux's internal error numbers (include/linux/errno.h); libc has none. */
static const struct {
	int err;
	const char *name;
} kernel_only_errnos[] = {
	{ 512, "-ERESTARTSYS" }, { 517, "-EPROBE_DEFER" }, { 520, "-520" },
	{ 524, "-ENOTSUPP" },	 { 531, "-ENOGRACE" },	   { 4095, "-4095" },
};

static void test_namespace_errnames_match_host(void **state)
{
	char k_out[64], want[64];
	size_t i;
	int e;

	(void)state;
	/* The K-world numbers and names against the host's, one by one. */
	for (e = 1; e < 134; e++) {
		const char *name = strerrorname_np(e);

		if (name)
			snprintf(want, sizeof(want), "-%s", name);
		else
			snprintf(want, sizeof(want), "-%d", e);
		uldd_k_ktest_errname(-e, k_out, sizeof(k_out));
		assert_string_equal(k_out, want);
	}
	for (i = 0; i < sizeof(kernel_only_errnos) / sizeof(kernel_only_errnos[0]); i++) {
		uldd_k_ktest_errname(-kernel_only_errnos[i].err, k_out, sizeof(k_out));
		assert_string_equal(k_out, kernel_only_errnos[i].name);
	}
}

static void test_namespace_printk_levels_and_lines(void **state)
{
	static const struct logged want[] = {
		{ 0, "ktest: emerg" },
		{ 3, "ktest: err -5" },
		{ 4, "ktest: warn" },
		{ 5, "ktest: notice" },
		{ 6, "ktest: info 02:00:5e:10:00:01" },
		{ 4, "no level" },
		{ 7, "debug by hand" },
		{ 6, "ktest: start " },
		{ 6, "and more" },
		{ 3, "two" },
		{ 3, "lines" },
	};
	size_t i;

	(void)state;
	nlogged = 0;
	/* printk returns the length of the message without its level. */
	assert_int_equal(uldd_k_ktest_printk(), (int)strlen("ktest: err -5\n"));
	assert_int_equal(nlogged, sizeof(want) / sizeof(want[0]));
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		assert_string_equal(logged[i].text, want[i].text);
		assert_int_equal(logged[i].level, want[i].level);
	}
}

/* A table of K-world cases, each run as a CMocka test of its own. */
typedef int ktest_table_fn(unsigned int i, struct ktest_case *c);

struct table_case {
	ktest_table_fn *run;
	unsigned int i;
	char name[96];
};

static void test_table_case(void **state)
{
	const struct table_case *tc = *state;
	struct ktest_case c;

	memset(&c, 0, sizeof(c));
	assert_int_equal(tc->run(tc->i, &c), 0);
	assert_string_equal(c.got, c.want);
	assert_int_equal(c.ret, c.want_ret);
}

static int run_table(const char *table, ktest_table_fn *run)
{
	struct CMUnitTest *tests;
	struct table_case *cases;
	struct ktest_case c;
	unsigned int i, n = 0;
	int failed;

	memset(&c, 0, sizeof(c));
	while (run(n, &c) == 0)
		n++;
	tests = calloc(n, sizeof(*tests));
	cases = calloc(n, sizeof(*cases));
	if (!tests || !cases || n == 0) {
		fprintf(stderr, "test_namespace: the %s table is empty or out of memory\n", table);
		free(tests);
		free(cases);
		return 1;
	}
	for (i = 0; i < n; i++) {
		memset(&c, 0, sizeof(c));
		run(i, &c);
		cases[i].run = run;
		cases[i].i = i;
		snprintf(cases[i].name, sizeof(cases[i].name), "test_namespace_%s_%s", table,
			 c.name);
		tests[i].name = cases[i].name;
		tests[i].test_func = test_table_case;
		tests[i].initial_state = &cases[i];
	}
	failed = _cmocka_run_group_tests(table, tests, n, NULL, NULL);
	free(tests);
	free(cases);
	return failed;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_namespace_libc_and_kernel_snprintf),
		cmocka_unit_test(test_namespace_calls_bind_in_their_world),
		cmocka_unit_test(test_namespace_pointers),
		cmocka_unit_test(test_namespace_errnames_match_host),
		cmocka_unit_test(test_namespace_printk_levels_and_lines),
	};
	int failed;

	failed = cmocka_run_group_tests(tests, NULL, NULL);
	failed += run_table("printf", uldd_k_ktest_printf_case);
	return failed ? 1 : 0;
}
