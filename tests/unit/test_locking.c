// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * test_locking.c - rw_semaphores, semaphores and RCU (shim/kernel/locking/,
 * rcu/): the cases of kworld/ktest_locking.c, with one virtual CPU and with
 * two. The rest, races between tasks and tasklets included, is the
 * conformance suite's (test_conform).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "ktable.h"
#include "kworld/ktest.h"

int main(void)
{
	static const unsigned int vcpus[] = { 1, 2 };
	const struct ktable table = {
		.area = "locking",
		.run_case = KTEST(ktest_lock_case),
		.case_setup = KTEST(ktest_lock_setup),
		.vcpus = vcpus,
		.nvcpus = 2,
	};

	return ktable_run(&table) ? 1 : 0;
}
