// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * run.c - the conformance suite's runner, the same in both worlds: the
 * suites in order (suites.h), one case at a time, one line of output per
 * case in a form both worlds print alike, so a script can set the real
 * kernel's lines beside uldd's.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>

#include "conform.h"

#define SUITE(name) extern const struct conform_suite conform_suite_##name;
#include "suites.h"
#undef SUITE

static const struct conform_suite *const suites[] = {
#define SUITE(name) &conform_suite_##name,
#include "suites.h"
#undef SUITE
};

/* Cases run one at a time, so one record serves them all. */
static char conform_why[160];

void conform_fail(int line, const char *expr)
{
	snprintf(conform_why, sizeof(conform_why), "line %d: %s", line, expr);
}

void conform_fail_cmp(int line, const char *expr, long long a, long long b)
{
	snprintf(conform_why, sizeof(conform_why), "line %d: %s (%lld vs %lld)", line, expr, a, b);
}

void conform_fail_str(int line, const char *expr, const char *got, const char *want)
{
	snprintf(conform_why, sizeof(conform_why), "line %d: %s is \"%s\", not \"%s\"", line, expr,
		 got, want);
}

int conform_skip(const char *why)
{
	strscpy(conform_why, why, sizeof(conform_why));
	return CONFORM_SKIP;
}

const char *conform_failure(void)
{
	return conform_why;
}

unsigned int conform_count(void)
{
	unsigned int n = 0;

	for (unsigned int s = 0; s < ARRAY_SIZE(suites); s++)
		n += suites[s]->n;
	return n;
}

const struct conform_case *conform_case_at(unsigned int i, const char **subsys)
{
	for (unsigned int s = 0; s < ARRAY_SIZE(suites); s++) {
		if (i < suites[s]->n) {
			*subsys = suites[s]->subsys;
			return &suites[s]->cases[i];
		}
		i -= suites[s]->n;
	}
	return NULL;
}

int conform_run(unsigned int i, struct conform_dev *dev)
{
	const char *subsys;
	const struct conform_case *c = conform_case_at(i, &subsys);
	int ret;

	if (!c)
		return conform_skip("no such case");
	conform_why[0] = '\0';
	ret = c->run(dev);
	if (ret == 0)
		pr_info("conform: PASS %s.%s\n", subsys, c->name);
	else if (ret == CONFORM_SKIP)
		pr_info("conform: SKIP %s.%s (%s)\n", subsys, c->name, conform_why);
	else
		pr_info("conform: FAIL %s.%s (%s)\n", subsys, c->name, conform_why);
	return ret;
}

void conform_report_skip(unsigned int i, const char *why)
{
	const char *subsys;
	const struct conform_case *c = conform_case_at(i, &subsys);

	if (c)
		pr_info("conform: SKIP %s.%s (%s)\n", subsys, c->name, why);
}
