// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * test_ioport.c - port I/O (shim/drivers/pci/ioport.c, asm/io.h's port
 * cookies, kernel/resource.c): kworld/ktest_ioport.c's cases against
 * fake_ioport.c's BAR, and that ioread32 on memory never calls the door
 * while on a port cookie it calls it once per access.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "ktable.h"
#include "kworld/ktest.h"

unsigned long fake_ioport_calls(void);

static int ioport_setup(unsigned int vcpus)
{
	(void)vcpus;
	return KTEST(ktest_ioport_setup)();
}

static void test_ioport_mmio_stays_off_the_door(void **state)
{
	static volatile uint32_t reg = 0x600dcafe;
	unsigned long before;

	(void)state;
	assert_int_equal(KTEST(ktest_ioport_setup)(), 0);
	before = fake_ioport_calls();
	assert_int_equal(KTEST(ktest_ioport_read32)((unsigned long)&reg, 1000), 0x600dcafe);
	assert_int_equal(fake_ioport_calls(), before);
	KTEST(ktest_ioport_read32)(KTEST(ktest_ioport_base)(), 10);
	assert_int_equal(fake_ioport_calls(), before + 10);
}

int main(void)
{
	static const struct ktable table = {
		.area = "ioport",
		.run_case = KTEST(ktest_ioport_case),
		.case_setup = ioport_setup,
	};
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ioport_mmio_stays_off_the_door),
	};
	int failed = ktable_run(&table);

	failed += cmocka_run_group_tests(tests, NULL, NULL);
	return failed ? 1 : 0;
}
