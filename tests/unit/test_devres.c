// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * test_devres.c - managed device resources (shim/drivers/base/devres.c):
 * every K-world case of kworld/ktest_devres.c, one CMocka test each.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>

#include "kworld/ktest.h"

struct devres_case {
	unsigned int i;
	char name[96];
};

static void test_devres_case(void **state)
{
	const struct devres_case *dc = *state;
	const char *name;

	assert_int_equal(KTEST(ktest_devres_setup)(), 0);
	/* 0, or the line in ktest_devres.c of the first check that failed. */
	assert_int_equal(KTEST(ktest_devres_case)(dc->i, &name, 1), 0);
}

int main(void)
{
	struct CMUnitTest *tests;
	struct devres_case *cases;
	const char *name;
	unsigned int n = 0;
	int ret;

	while (KTEST(ktest_devres_case)(n, &name, 0) == 0)
		n++;
	tests = calloc(n, sizeof(*tests));
	cases = calloc(n, sizeof(*cases));
	if (!tests || !cases || n == 0) {
		fprintf(stderr, "test_devres: no cases or no memory\n");
		return 1;
	}
	for (unsigned int i = 0; i < n; i++) {
		KTEST(ktest_devres_case)(i, &name, 0);
		cases[i].i = i;
		snprintf(cases[i].name, sizeof(cases[i].name), "test_devres_%s", name);
		tests[i].name = cases[i].name;
		tests[i].test_func = test_devres_case;
		tests[i].initial_state = &cases[i];
	}
	ret = _cmocka_run_group_tests("devres", tests, n, NULL, NULL);
	free(tests);
	free(cases);
	return ret;
}
