/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * ktest.h - the K-world test bodies (the .c files beside this one) that
 * the H-world harness test_namespace.c runs, as rump kernels run
 * "kernspace" tests. Compiled in both worlds like uhost.h, so it includes
 * nothing.
 *
 * The harness calls each body by the name the K-world link gave it:
 * KTEST(name) is name in K-world and uldd_k_name (KWORLD_PREFIX in
 * shim/shim.mk) in H-world. That needs no entry point on the allow-list,
 * which stays "the door and the toolchain"; the prefix at the call shows
 * that the call crosses into K-world; and one prototype serves both sides,
 * so each compiler checks its side against it.
 */
#ifndef ULDD_KTEST_H
#define ULDD_KTEST_H

#ifdef __KERNEL__
#define KTEST(name) name
#else
#define KTEST(name) uldd_k_##name
#endif

#define KTEST_TEXT_MAX 128

/* One table case: the body fills it, the harness compares. */
struct ktest_case {
	const char *name; /* test_namespace_<table>_<name> */
	const char *want; /* the text expected in got */
	int want_ret; /* the return value expected */
	int ret;
	char got[KTEST_TEXT_MAX]; /* zeroed by the harness before the run */
};

/* Run case i of a table: 0, or nonzero when there is no case i. */
int KTEST(ktest_printf_case)(unsigned int i, struct ktest_case *c);
int KTEST(ktest_string_case)(unsigned int i, struct ktest_case *c);

/* snprintf(buf, size, "%pe", ERR_PTR(err)). */
int KTEST(ktest_errname)(int err, char *buf, __SIZE_TYPE__ size);
/* snprintf of p with "%p|%px|%pK|%pS|%pe". */
int KTEST(ktest_pointers)(const void *p, char *buf, __SIZE_TYPE__ size);
/* A set of printk calls (ktest_printk.c lists them); returns one's value. */
int KTEST(ktest_printk)(void);
/* Where K-world code's memcpy and snprintf calls go. */
void KTEST(ktest_bindings)(void **memcpy_fn, void **snprintf_fn);

#endif /* ULDD_KTEST_H */
