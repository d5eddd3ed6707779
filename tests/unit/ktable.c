// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ktable.c - one CMocka test per case of a K-world table; see ktable.h.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktable.h"

struct ktable_case {
	const struct ktable *table;
	unsigned int i;
	unsigned int vcpus;
	char name[112];
};

static void ktable_case_test(void **state)
{
	const struct ktable_case *c = *state;
	const char *name;

	if (c->table->case_setup)
		assert_int_equal(c->table->case_setup(c->vcpus), 0);
	assert_int_equal(c->table->run_case(c->i, &name, 1), 0);
}

int ktable_run(const struct ktable *t)
{
	unsigned int passes = t->vcpus ? t->nvcpus : 1, n = 0, k = 0;
	struct ktable_case *cases;
	struct CMUnitTest *tests;
	const char *name;
	int failed;

	while (t->run_case(n, &name, 0) == 0)
		n++;
	tests = calloc((size_t)n * passes, sizeof(*tests));
	cases = calloc((size_t)n * passes, sizeof(*cases));
	if (!tests || !cases || n == 0) {
		fprintf(stderr, "test_%s: the case table is empty or out of memory\n", t->area);
		free(tests);
		free(cases);
		return 1;
	}
	for (unsigned int p = 0; p < passes; p++) {
		for (unsigned int i = 0; i < n; i++, k++) {
			t->run_case(i, &name, 0);
			cases[k].table = t;
			cases[k].i = i;
			cases[k].vcpus = t->vcpus ? t->vcpus[p] : 0;
			if (t->vcpus)
				snprintf(cases[k].name, sizeof(cases[k].name), "test_%s_%s_%ucpu",
					 t->area, name, t->vcpus[p]);
			else
				snprintf(cases[k].name, sizeof(cases[k].name), "test_%s_%s",
					 t->area, name);
			tests[k].name = cases[k].name;
			tests[k].test_func = ktable_case_test;
			tests[k].initial_state = &cases[k];
		}
	}
	failed = _cmocka_run_group_tests(t->area, tests, k, t->group_setup, NULL);
	free(tests);
	free(cases);
	return failed;
}

int ktable_child(void (*body)(int), int arg)
{
	struct rlimit no_core = { 0, 0 };
	int status;
	pid_t pid;

	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		/* CMocka catches SIGABRT in its tests; the child must die of it. */
		signal(SIGABRT, SIG_DFL);
		setrlimit(RLIMIT_CORE, &no_core);
		body(arg);
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return status;
}
