// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ktest_math.c - K-world checks for test_kheaders.c: what our min/max and
 * abs accept beyond Linux 6.1's, which the conformance suite (tests/
 * conform/bits.c, where the rest of these checks went) cannot state.
 */
#include <linux/kernel.h>
#include <linux/limits.h>
#include <linux/math.h>
#include <linux/minmax.h>

#include "ktest.h"

/*
 * Constants: ours give constant expressions for min() and max() of
 * constants (Linux 6.1's do not), narrow a constant too wide for
 * max_t()'s or clamp_t()'s type as a variable would be (Linux 6.1's do not
 * compile with -Werror), and take abs() of the constant INT_MIN.
 */
static int constant_arguments(void)
{
	char inside[min(4, 8)];

	static_assert(max(3u, 5) == 5, "max of constants is a constant");
	KCHECK(sizeof(inside) == 4);
	KCHECK(max_t(u8, 300, 5) == 44 && clamp_t(u8, 300, 0, 100) == 44);
	KCHECK(abs(INT_MIN) == INT_MIN);
	return 0;
}

static const struct ktest_check checks[] = {
	{ "constant_arguments", constant_arguments },
};

int ktest_kh_math(unsigned int i, const char **name, int run)
{
	return ktest_check_case(checks, ARRAY_SIZE(checks), i, name, run);
}
