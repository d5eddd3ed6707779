// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * harness.c - the K-world side of tests/unit/test_conform.c: the suite's
 * cases one by one under the shim, without a device, from a host thread
 * that enters the kernel namespace for each. uldd's only, not the module's
 * (the module runs them from its init).
 */
#include <linux/kernel.h>
#include <linux/sprintf.h>

#include "../../../shim/entry.h"
#include "../../unit/kworld/ktest.h"
#include "../conform.h"

int KTEST(conform_setup)(unsigned int nr_vcpus)
{
	int err = uldd_mm_init();

	return err ? err : uldd_sched_init(nr_vcpus);
}

unsigned int KTEST(conform_cases)(void)
{
	return conform_count();
}

/* "subsys_name", and whether the case needs the device. */
int KTEST(conform_name)(unsigned int i, char *buf, unsigned long len)
{
	const char *subsys;
	const struct conform_case *c = conform_case_at(i, &subsys);

	if (!c)
		return -1;
	snprintf(buf, len, "%s_%s", subsys, c->name);
	return !!(c->flags & CONFORM_DEVICE);
}

int KTEST(conform_case_run)(unsigned int i, char *why, unsigned long len)
{
	int ret;

	uldd_enter("conform");
	ret = conform_run(i, NULL);
	uldd_exit();
	snprintf(why, len, "%s", conform_failure());
	return ret;
}
