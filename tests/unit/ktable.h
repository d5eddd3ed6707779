/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * ktable.h - runs a K-world case table (tests/unit/kworld/ktest_*.c) as one
 * CMocka test per case, optionally once per vCPU count, so each failure is
 * named by its case ("test_time_mod_timer_moves_2cpu").
 */
#ifndef ULDD_TESTS_KTABLE_H
#define ULDD_TESTS_KTABLE_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

struct ktable {
	const char *area; /* the name's middle part: test_<area>_<case> */
	/* Case i: with run 0 only names it; returns nonzero past the end. With
	 * run 1 runs it: 0, or the line of the first check that failed. */
	int (*run_case)(unsigned int i, const char **name, int run);
	/* Before each case, with its vCPU count (0 without vcpus); 0 is success. */
	int (*case_setup)(unsigned int vcpus);
	const unsigned int *vcpus; /* NULL: one pass; else one per entry */
	unsigned int nvcpus;
	CMFixtureFunction group_setup; /* may be NULL */
};

/* Returns the number of failed cases, or 1 when the table is empty. */
int ktable_run(const struct ktable *t);

/*
 * Runs body(arg) in a forked child with SIGABRT at its default action and
 * no core dump (a BUG or a stopped driver must kill it), and returns the
 * child's wait status.
 */
int ktable_child(void (*body)(int), int arg);

#endif /* ULDD_TESTS_KTABLE_H */
