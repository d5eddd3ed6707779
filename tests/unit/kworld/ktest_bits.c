// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ktest_bits.c - K-world checks for test_kheaders.c: what our bit headers
 * accept beyond Linux 6.1's, which the conformance suite (tests/conform/
 * bits.c, where the rest of these checks went) cannot state: constant
 * arguments Linux 6.1 gets wrong or refuses, FIELD_PREP_CONST, and
 * IS_ENABLED() (linux/kconfig.h) in C and in #if.
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

#define CONFIG_KTEST_ON 1
#define CONFIG_KTEST_MOD_MODULE 1

#if !IS_ENABLED(CONFIG_KTEST_ON) || IS_ENABLED(CONFIG_KTEST_OFF)
#error "IS_ENABLED() in #if"
#endif

/* =y is CONFIG_X 1, =m is CONFIG_X_MODULE 1, unset is undefined. */
static int kconfig_choices(void)
{
	KCHECK(IS_ENABLED(CONFIG_KTEST_ON) && IS_BUILTIN(CONFIG_KTEST_ON));
	KCHECK(!IS_MODULE(CONFIG_KTEST_ON));
	KCHECK(IS_ENABLED(CONFIG_KTEST_MOD) && IS_MODULE(CONFIG_KTEST_MOD));
	KCHECK(!IS_BUILTIN(CONFIG_KTEST_MOD));
	KCHECK(!IS_ENABLED(CONFIG_KTEST_OFF) && !IS_REACHABLE(CONFIG_KTEST_OFF));
	return 0;
}

static const struct ktest_check checks[] = {
	{ "field_prep_const", field_prep_const },
	{ "constant_arguments", constant_arguments },
	{ "kconfig_choices", kconfig_choices },
};

int ktest_kh_bits(unsigned int i, const char **name, int run)
{
	return ktest_check_case(checks, ARRAY_SIZE(checks), i, name, run);
}
