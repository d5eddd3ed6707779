// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ktest_bug.c - WARN and BUG (linux/bug.h) at known lines, for
 * test_bug.c: what each returns, and the lines it makes the door log.
 */
#include <linux/bug.h>
#include <linux/kernel.h>

#include "../../../shim/entry.h"
#include "ktest.h"

int KTEST(ktest_bug_setup)(void)
{
	int err = uldd_mm_init();

	return err ? err : uldd_sched_init(1);
}

int KTEST(ktest_bug_warn)(int kind, int cond, int *line)
{
	int ret = -1;

	uldd_enter("ktest_bug");
	switch (kind) {
	case KBUG_WARN_ON:
		*line = __LINE__ + 1;
		ret = WARN_ON(cond);
		break;
	case KBUG_WARN_ON_ONCE:
		*line = __LINE__ + 1;
		ret = WARN_ON_ONCE(cond);
		break;
	case KBUG_WARN:
		*line = __LINE__ + 1;
		ret = WARN(cond, "ktest_bug: value %d\n", cond);
		break;
	case KBUG_WARN_ONCE:
		*line = __LINE__ + 1;
		ret = WARN_ONCE(cond, "ktest_bug: once %d\n", cond);
		break;
	case KBUG_WARN_RATELIMIT:
		*line = __LINE__ + 1;
		ret = WARN_RATELIMIT(cond, "ktest_bug: limited %d\n", cond);
		break;
	}
	uldd_exit();
	return ret;
}

void KTEST(ktest_bug_on)(int cond)
{
	uldd_enter("ktest_bug");
	BUG_ON(cond);
	uldd_exit();
}
