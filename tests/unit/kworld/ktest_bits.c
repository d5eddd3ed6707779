// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ktest_bits.c - K-world checks for test_kheaders.c: what our bit headers
 * accept beyond Linux 6.1's, which the conformance suite (tests/conform/
 * bits.c, where the rest of these checks went) cannot state: constant
 * arguments Linux 6.1 gets wrong or refuses, and FIELD_PREP_CONST.
 */
#include <linux/bitfield.h>
#include <linux/bitops.h>
#include <linux/bits.h>
#include <linux/kernel.h>

#include "ktest.h"

/* FIELD_PREP_CONST came with Linux 6.2: a constant initializer. */
static const u32 prepared = FIELD_PREP_CONST(GENMASK(15, 8), 0x5a);

static int field_prep_const(void)
{
	KCHECK(prepared == 0x5a00);
	return 0;
}

/*
 * Constant arguments: Linux 6.1's ffz() takes its argument unparenthesized
 * (its ffz(~0UL >> 1) is 0), and its hweight64() of an int constant does
 * not compile with -Werror; ours compute what a variable would.
 */
static int constant_arguments(void)
{
	KCHECK(ffz(~0UL >> 1) == 63);
	KCHECK(hweight64(0xff) == 8 && hweight32(-1) == 32 && hweight64(-1) == 64);
	return 0;
}

static const struct ktest_check checks[] = {
	{ "field_prep_const", field_prep_const },
	{ "constant_arguments", constant_arguments },
};

int ktest_kh_bits(unsigned int i, const char **name, int run)
{
	return ktest_check_case(checks, ARRAY_SIZE(checks), i, name, run);
}
