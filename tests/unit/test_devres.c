// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * test_devres.c - managed device resources (shim/drivers/base/devres.c):
 * every K-world case of kworld/ktest_devres.c, one CMocka test each: the
 * release the PCI layer makes. The rest of devres is the conformance
 * suite's (tests/conform/devres.c, in the guest).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "ktable.h"
#include "kworld/ktest.h"

/* The table's setup takes no vCPU count. */
static int devres_setup(unsigned int vcpus)
{
	(void)vcpus;
	return KTEST(ktest_devres_setup)();
}

int main(void)
{
	static const struct ktable table = {
		.area = "devres",
		.run_case = KTEST(ktest_devres_case),
		.case_setup = devres_setup,
	};

	return ktable_run(&table) ? 1 : 0;
}
