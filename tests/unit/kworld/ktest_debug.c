// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ktest_debug.c - the checkers' shared parts, for test_debug.c: a report
 * counted and framed, one inside another, and the stack depot keeping
 * one entry per distinct stack.
 */
#include <linux/kernel.h>
#include <linux/printk.h>

#include "../../../shim/debug/debug.h"
#include "../../../shim/entry.h"
#include "ktest_debug.h"

int KTEST(ktest_debug_setup)(unsigned int mask)
{
	int err;

	uldd_debug_setup(mask);
	err = uldd_mm_init();
	if (!err)
		err = uldd_sched_init(1);
	return err;
}

unsigned long KTEST(ktest_debug_report)(int c, int nested)
{
	uldd_enter("ktest-debug");
	uldd_report_start(c, "test report %d", c);
	pr_err("a line of the report\n");
	if (nested) {
		uldd_report_start(c, "nested report");
		uldd_report_end();
	}
	uldd_report_end();
	uldd_exit();
	return uldd_report_count(c);
}

static noinline const struct uldd_stack *save_here(void)
{
	return uldd_stack_save(0);
}

static noinline const struct uldd_stack *save_there(void)
{
	return uldd_stack_save(0);
}

int KTEST(ktest_debug_depot)(void)
{
	const struct uldd_stack *a[2], *b[2];
	/* Not a constant: a loop the compiler unrolled would save from two call sites. */
	volatile int rounds = 2;
	int i;

	uldd_enter("ktest-debug");
	for (i = 0; i < rounds; i++) {
		a[i] = save_here();
		b[i] = save_there();
	}
	uldd_stack_print(a[0]);
	uldd_exit();
	KCHECK(a[0] && b[0]);
	KCHECK(a[0] == a[1]);
	KCHECK(b[0] == b[1]);
	KCHECK(a[0] != b[0]);
	return 0;
}

unsigned long KTEST(ktest_debug_finish)(void)
{
	unsigned long n;

	uldd_enter("ktest-debug");
	n = uldd_debug_finish();
	uldd_exit();
	return n;
}
