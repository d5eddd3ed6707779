// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * test_conform.c - the conformance suite (tests/conform/) under the shim on
 * this machine, once with one virtual CPU and once with two: every case
 * that needs no device, one CMocka test each. The device cases need QEMU's
 * edu: they run in the guest only (tests/vm/t-conform.sh, where the real
 * kernel runs every case as a module beside them), so they are not here.
 * Linked again with fake_lagclock.c as test_conform_lag (tests/unit/unit.mk),
 * it runs them on a coarse clock that lags more than its resolution says.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>

#include "kworld/ktest.h"
#include "unitskip.h"

#define CONFORM_SKIP (-1)

/* "lag" in test_conform_lag (fake_lagclock.c); absent in test_conform. */
extern const char test_conform_variant[] __attribute__((weak));

struct conform_test {
	unsigned int i;
	unsigned int vcpus;
	char name[128];
};

static void conform_test(void **state)
{
	const struct conform_test *t = *state;
	char why[160];
	int ret;

	assert_int_equal(KTEST(conform_setup)(t->vcpus), 0);
	ret = KTEST(conform_case_run)(t->i, why, sizeof(why));
	if (ret == CONFORM_SKIP)
		unit_skip("%s", why);
	if (ret)
		fail_msg("%s", why);
}

int main(void)
{
	static const unsigned int vcpus[] = { 1, 2 };
	unsigned int n = KTEST(conform_cases)(), k = 0;
	struct conform_test *cases = calloc((size_t)n * 2, sizeof(*cases));
	struct CMUnitTest *tests = calloc((size_t)n * 2, sizeof(*tests));
	const char *area = test_conform_variant ? "conform_lag" : "conform";
	int failed;

	if (!cases || !tests || n == 0) {
		fprintf(stderr, "test_conform: no cases, or out of memory\n");
		return 1;
	}
	for (unsigned int p = 0; p < 2; p++) {
		for (unsigned int i = 0; i < n; i++) {
			char name[72];

			if (KTEST(conform_name)(i, name, sizeof(name)))
				continue; /* a device case */
			cases[k].i = i;
			cases[k].vcpus = vcpus[p];
			snprintf(cases[k].name, sizeof(cases[k].name), "test_%s_%s_%ucpu", area,
				 name, vcpus[p]);
			tests[k].name = cases[k].name;
			tests[k].test_func = conform_test;
			tests[k].initial_state = &cases[k];
			k++;
		}
	}
	failed = _cmocka_run_group_tests(area, tests, k, NULL, NULL);
	free(tests);
	free(cases);
	return failed ? 1 : 0;
}
