// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * string.c - the kernel's string library as its kernel-doc states it:
 * strscpy's length or -E2BIG, strlcpy's source length, the comparisons
 * and searches, memchr_inv, strim and skip_spaces, sysfs_streq and
 * match_string; the strict parsers (kstrto*: the whole string, one
 * trailing newline, -ERANGE on overflow, -EINVAL otherwise, the result
 * untouched on failure), simple_strto* and the hex digit helpers.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/limits.h>
#include <linux/string.h>

#include "conform.h"

static char buf[64];

static int strscpy_returns(struct conform_dev *dev)
{
	CHECK_CMP(strscpy(buf, "hello", sizeof(buf)), ==, 5);
	CHECK_STR(buf, "hello");
	CHECK_CMP(strscpy(buf, "abc", 4), ==, 3);
	CHECK_STR(buf, "abc");
	/* Cut to fit and still terminated. */
	CHECK_CMP(strscpy(buf, "hello", 3), ==, -E2BIG);
	CHECK_STR(buf, "he");
	CHECK_CMP(strscpy(buf, "", 1), ==, 0);
	CHECK_STR(buf, "");
	/* No room at all: nothing written. */
	memset(buf, 'x', 4);
	CHECK_CMP(strscpy(buf, "hello", 0), ==, -E2BIG);
	CHECK_CMP(buf[0], ==, 'x');
	return 0;
}

static int strlcpy_returns(struct conform_dev *dev)
{
	CHECK_CMP(strlcpy(buf, "hello", sizeof(buf)), ==, 5);
	CHECK_STR(buf, "hello");
	/* The source's length, whatever was cut. */
	CHECK_CMP(strlcpy(buf, "hello world", 6), ==, 11);
	CHECK_STR(buf, "hello");
	memset(buf, 'x', 4);
	CHECK_CMP(strlcpy(buf, "abc", 0), ==, 3);
	CHECK_CMP(buf[0], ==, 'x');
	return 0;
}

/* Named arrays, not literals: the compiler would fold a comparison of two. */
static const char hello[] = "hello world";
static const char abc[] = "abc", abc_too[] = "abc", abd[] = "abd", abcdef[] = "abcdef",
		  abcxyz[] = "abcxyz";
static const char high[] = "\xff", low[] = "\x01";

static int compare_and_search(struct conform_dev *dev)
{
	CHECK_CMP(strlen(hello), ==, 11);
	CHECK_CMP(strnlen(hello, 3), ==, 3);
	CHECK_CMP(strnlen(hello, 100), ==, 11);
	CHECK(strcmp(abc, abd) < 0 && strcmp(abd, abc) > 0 && !strcmp(abc, abc_too));
	/* Characters compare as unsigned. */
	CHECK(strcmp(high, low) > 0);
	CHECK(memcmp(high, low, 1) > 0 && memcmp(abc, abd, 3) < 0 && !memcmp(abc, abd, 2));
	CHECK_CMP(strncmp(abcdef, abcxyz, 3), ==, 0);
	CHECK(strncmp(abcdef, abcxyz, 4) < 0);
	CHECK(strncmp(abc, abcdef, 4) < 0);
	CHECK_CMP(strchr(hello, 'o') - hello, ==, 4);
	CHECK_CMP(strchr(hello, '\0') - hello, ==, 11);
	CHECK(!strchr(hello, 'z'));
	CHECK_CMP(strrchr(hello, 'o') - hello, ==, 7);
	CHECK(!strrchr(hello, 'z'));
	return 0;
}

struct big {
	char text[512];
};

/* A copy this large is a call to memcpy that the compiler emits itself. */
static noinline void copy_big(struct big *dst, const struct big *src)
{
	*dst = *src;
}

static int copy_move_set(struct conform_dev *dev)
{
	static struct big a = { .text = "copied whole" }, b;

	memset(buf, 0, sizeof(buf));
	CHECK(memcpy(buf, "abcd", 5) == buf);
	CHECK_STR(buf, "abcd");
	CHECK(memset(buf, 'x', 3) == buf);
	CHECK_STR(buf, "xxxd");
	/* Overlapping moves, both ways. */
	strscpy(buf, "abcdef", sizeof(buf));
	CHECK(memmove(buf + 1, buf, 5) == buf + 1);
	CHECK_STR(buf, "aabcde");
	strscpy(buf, "abcdefg", sizeof(buf));
	memmove(buf, buf + 2, 5);
	CHECK_STR(buf, "cdefgfg");
	a.text[511] = 'z';
	copy_big(&b, &a);
	CHECK_STR(b.text, "copied whole");
	CHECK_CMP(b.text[511], ==, 'z');
	return 0;
}

/* NULL when every byte is c, else the first that is not, anywhere in the span. */
static int memchr_inv_finds_first_other(struct conform_dev *dev)
{
	static u8 area[200];

	memset(area, 0xa5, sizeof(area));
	CHECK(!memchr_inv(area, 0xa5, sizeof(area)));
	CHECK(!memchr_inv(area + 3, 0xa5, 150));
	CHECK(!memchr_inv(area, 0, 0));
	CHECK(memchr_inv(area, 0, sizeof(area)) == area);
	/* Every position, at aligned and odd starts. */
	for (unsigned int at = 0; at < 100; at++) {
		area[at + 50] = 0;
		CHECK(memchr_inv(area, 0xa5, sizeof(area)) == area + at + 50);
		CHECK(memchr_inv(area + 1, 0xa5, 180) == area + at + 50);
		CHECK(!memchr_inv(area + 1, 0xa5, at + 49));
		area[at + 50] = 0xa5;
	}
	/* Only the low byte of c counts. */
	CHECK(!memchr_inv(area, 0x1a5, sizeof(area)));
	return 0;
}

static int strim_skip_spaces(struct conform_dev *dev)
{
	char s[32];

	CHECK_STR(skip_spaces("  \t\n x y "), "x y ");
	CHECK_STR(skip_spaces(""), "");
	CHECK_STR(skip_spaces("\v\f\rz"), "z");
	strscpy(s, "  padded \t\n", sizeof(s));
	/* Trailing space goes in place; the result points past the leading. */
	CHECK(strim(s) == s + 2);
	CHECK_STR(s, "  padded");
	strscpy(s, "   ", sizeof(s));
	CHECK_STR(strim(s), "");
	strscpy(s, "x", sizeof(s));
	CHECK(strim(s) == s);
	CHECK_STR(s, "x");
	return 0;
}

/* Equal, or equal but for one newline at the end of either: how sysfs input compares. */
static int sysfs_streq_newline(struct conform_dev *dev)
{
	CHECK(sysfs_streq("on", "on"));
	CHECK(sysfs_streq("on\n", "on"));
	CHECK(sysfs_streq("on", "on\n"));
	CHECK(sysfs_streq("", "\n"));
	CHECK(!sysfs_streq("on\n\n", "on"));
	CHECK(!sysfs_streq("on", "o"));
	CHECK(!sysfs_streq("on ", "on"));
	CHECK(!sysfs_streq("On", "on"));
	return 0;
}

static const char *const modes[] = { "auto", "half", "full", NULL, "never" };

static int match_string_index(struct conform_dev *dev)
{
	CHECK_CMP(match_string(modes, 3, "auto"), ==, 0);
	CHECK_CMP(match_string(modes, 3, "full"), ==, 2);
	CHECK_CMP(match_string(modes, 3, "ful"), ==, -EINVAL);
	CHECK_CMP(match_string(modes, 3, "full\n"), ==, -EINVAL);
	CHECK_CMP(match_string(modes, 2, "full"), ==, -EINVAL);
	/* A NULL entry ends the array; -1 as n says there is one. */
	CHECK_CMP(match_string(modes, ARRAY_SIZE(modes), "never"), ==, -EINVAL);
	CHECK_CMP(match_string(modes, -1, "half"), ==, 1);
	CHECK_CMP(match_string(modes, -1, "never"), ==, -EINVAL);
	/* The sysfs form compares with sysfs_streq. */
	CHECK_CMP(__sysfs_match_string(modes, 3, "full\n"), ==, 2);
	CHECK_CMP(__sysfs_match_string(modes, -1, "auto"), ==, 0);
	CHECK_CMP(__sysfs_match_string(modes, -1, "never\n"), ==, -EINVAL);
	return 0;
}

static int kstrto_accepted_forms(struct conform_dev *dev)
{
	unsigned long long ull;
	unsigned long ul;
	unsigned int u;
	long long ll;
	u32 u32v;
	s32 s32v;
	int i;

	CHECK_CMP(kstrtoint("42", 10, &i), ==, 0);
	CHECK_CMP(i, ==, 42);
	CHECK_CMP(kstrtoint("-42", 10, &i), ==, 0);
	CHECK_CMP(i, ==, -42);
	CHECK_CMP(kstrtoint("+42", 10, &i), ==, 0);
	CHECK_CMP(i, ==, 42);
	/* One trailing newline, as sysfs and module parameters deliver. */
	CHECK_CMP(kstrtoint("7\n", 10, &i), ==, 0);
	CHECK_CMP(i, ==, 7);
	/* Base 0: 0x is hex, a leading 0 octal, else decimal. */
	CHECK_CMP(kstrtoint("0x1f", 0, &i), ==, 0);
	CHECK_CMP(i, ==, 31);
	CHECK_CMP(kstrtoint("0X1F", 0, &i), ==, 0);
	CHECK_CMP(i, ==, 31);
	CHECK_CMP(kstrtoint("017", 0, &i), ==, 0);
	CHECK_CMP(i, ==, 15);
	CHECK_CMP(kstrtoint("0", 0, &i), ==, 0);
	CHECK_CMP(i, ==, 0);
	CHECK_CMP(kstrtoint("-0x10", 0, &i), ==, 0);
	CHECK_CMP(i, ==, -16);
	/* Base 16 takes the prefix or not. */
	CHECK_CMP(kstrtouint("0xff", 16, &u), ==, 0);
	CHECK_CMP(u, ==, 255);
	CHECK_CMP(kstrtouint("fF", 16, &u), ==, 0);
	CHECK_CMP(u, ==, 255);
	CHECK_CMP(kstrtouint("777", 8, &u), ==, 0);
	CHECK_CMP(u, ==, 511);
	CHECK_CMP(kstrtouint("101", 2, &u), ==, 0);
	CHECK_CMP(u, ==, 5);
	CHECK_CMP(kstrtoul("18446744073709551615", 10, &ul), ==, 0);
	CHECK(ul == ULONG_MAX);
	CHECK_CMP(kstrtoull("0xffffffffffffffff", 0, &ull), ==, 0);
	CHECK(ull == ULLONG_MAX);
	CHECK_CMP(kstrtoll("-9223372036854775808", 10, &ll), ==, 0);
	CHECK(ll == LLONG_MIN);
	CHECK_CMP(kstrtoint("-2147483648", 10, &i), ==, 0);
	CHECK_CMP(i, ==, INT_MIN);
	CHECK_CMP(kstrtou32("4294967295", 10, &u32v), ==, 0);
	CHECK(u32v == U32_MAX);
	CHECK_CMP(kstrtos32("-0x80000000", 0, &s32v), ==, 0);
	CHECK(s32v == S32_MIN);
	CHECK_CMP(kstrtou32("4294967296", 10, &u32v), ==, -ERANGE);
	return 0;
}

static int kstrto_rejects(struct conform_dev *dev)
{
	unsigned long long ull = 5;
	unsigned int u = 5;
	u16 u16v = 5;
	s8 s8v = 5;
	u8 u8v = 5;
	long l = 5;
	int i = 5;

	CHECK_CMP(kstrtoint("", 10, &i), ==, -EINVAL);
	CHECK_CMP(kstrtoint(" 1", 10, &i), ==, -EINVAL);
	CHECK_CMP(kstrtoint("1 ", 10, &i), ==, -EINVAL);
	CHECK_CMP(kstrtoint("1\n\n", 10, &i), ==, -EINVAL);
	CHECK_CMP(kstrtoint("\n", 10, &i), ==, -EINVAL);
	CHECK_CMP(kstrtoint("12a", 10, &i), ==, -EINVAL);
	CHECK_CMP(kstrtoint("0x", 0, &i), ==, -EINVAL);
	CHECK_CMP(kstrtoint("0x", 16, &i), ==, -EINVAL);
	CHECK_CMP(kstrtoint("08", 0, &i), ==, -EINVAL);
	CHECK_CMP(kstrtoint("--1", 10, &i), ==, -EINVAL);
	CHECK_CMP(kstrtoint("+-1", 10, &i), ==, -EINVAL);
	/* Unsigned parsers take no sign but '+'. */
	CHECK_CMP(kstrtouint("-1", 10, &u), ==, -EINVAL);
	CHECK_CMP(kstrtoull("-0", 10, &ull), ==, -EINVAL);
	/* Out of range for the type. */
	CHECK_CMP(kstrtoint("2147483648", 10, &i), ==, -ERANGE);
	CHECK_CMP(kstrtoint("-2147483649", 10, &i), ==, -ERANGE);
	CHECK_CMP(kstrtouint("4294967296", 10, &u), ==, -ERANGE);
	CHECK_CMP(kstrtou8("256", 10, &u8v), ==, -ERANGE);
	CHECK_CMP(kstrtos8("-129", 10, &s8v), ==, -ERANGE);
	CHECK_CMP(kstrtou16("0x10000", 0, &u16v), ==, -ERANGE);
	CHECK_CMP(kstrtoull("18446744073709551616", 10, &ull), ==, -ERANGE);
	CHECK_CMP(kstrtoull("0x10000000000000000", 16, &ull), ==, -ERANGE);
	CHECK_CMP(kstrtol("9223372036854775808", 10, &l), ==, -ERANGE);
	/* No result written on failure. */
	CHECK_CMP(i, ==, 5);
	CHECK_CMP(u, ==, 5);
	CHECK_CMP(ull, ==, 5);
	CHECK_CMP(u8v, ==, 5);
	CHECK_CMP(s8v, ==, 5);
	CHECK_CMP(u16v, ==, 5);
	CHECK_CMP(l, ==, 5);
	/* The narrow types at their edges. */
	CHECK_CMP(kstrtou8("255", 10, &u8v), ==, 0);
	CHECK_CMP(u8v, ==, 255);
	CHECK_CMP(kstrtos8("-128", 10, &s8v), ==, 0);
	CHECK_CMP(s8v, ==, -128);
	return 0;
}

/* What the first character (two for on/off) says; the rest is not read. */
static int kstrtobool_forms(struct conform_dev *dev)
{
	static const char *const yes[] = { "y", "Y", "1", "yes", "on", "ON", "oN\n", "1junk" };
	static const char *const no[] = { "n", "N", "0", "no", "off", "OFF", "of", "0\n" };
	static const char *const bad[] = { "", "o", "2", "x", "-1", " 1", "ox" };
	bool b;

	for (unsigned int i = 0; i < ARRAY_SIZE(yes); i++) {
		b = false;
		CHECK_CMP(kstrtobool(yes[i], &b), ==, 0);
		CHECK(b);
	}
	for (unsigned int i = 0; i < ARRAY_SIZE(no); i++) {
		b = true;
		CHECK_CMP(kstrtobool(no[i], &b), ==, 0);
		CHECK(!b);
	}
	for (unsigned int i = 0; i < ARRAY_SIZE(bad); i++) {
		b = true;
		CHECK_CMP(kstrtobool(bad[i], &b), ==, -EINVAL);
		CHECK(b);
	}
	CHECK_CMP(kstrtobool(NULL, &b), ==, -EINVAL);
	return 0;
}

static int simple_strto_stop(struct conform_dev *dev)
{
	static const char num[] = "123abc", hex[] = "0x1fz", oct[] = "0755 ", neg[] = "-42k";
	char *end;

	CHECK_CMP(simple_strtoul(num, &end, 10), ==, 123);
	CHECK(end == num + 3);
	CHECK_CMP(simple_strtoul(num, &end, 16), ==, 0x123abc);
	CHECK(end == num + 6);
	CHECK_CMP(simple_strtoul(hex, &end, 0), ==, 0x1f);
	CHECK(end == hex + 4);
	CHECK_CMP(simple_strtoul(hex, &end, 16), ==, 0x1f);
	CHECK(end == hex + 4);
	CHECK_CMP(simple_strtoul(oct, &end, 0), ==, 0755);
	CHECK(end == oct + 4);
	CHECK_CMP(simple_strtol(neg, &end, 10), ==, -42);
	CHECK(end == neg + 3);
	CHECK_CMP(simple_strtoull("18446744073709551615", NULL, 10), ==, (long long)ULLONG_MAX);
	/* Nothing to read: 0, and end at the start. */
	CHECK_CMP(simple_strtoul("xyz", &end, 10), ==, 0);
	CHECK_STR(end, "xyz");
	return 0;
}

static int hex_digits(struct conform_dev *dev)
{
	static const char digits[] = "0123456789abcdefABCDEF";
	u8 out[4] = { 0 };

	for (int i = 0; i < 22; i++)
		CHECK_CMP(hex_to_bin(digits[i]), ==, i < 16 ? i : i - 6);
	CHECK_CMP(hex_to_bin('g'), ==, -1);
	CHECK_CMP(hex_to_bin('G'), ==, -1);
	CHECK_CMP(hex_to_bin('/'), ==, -1);
	CHECK_CMP(hex_to_bin(':'), ==, -1);
	CHECK_CMP(hex_to_bin('@'), ==, -1);
	CHECK_CMP(hex_to_bin('`'), ==, -1);
	CHECK_CMP(hex_to_bin(' '), ==, -1);
	CHECK_CMP(hex_to_bin(0), ==, -1);
	CHECK_CMP(hex_to_bin(0xff), ==, -1);
	CHECK_CMP(hex2bin(out, "deadBEEF", 4), ==, 0);
	CHECK(out[0] == 0xde && out[1] == 0xad && out[2] == 0xbe && out[3] == 0xef);
	/* Only count bytes are read: what follows does not matter. */
	CHECK_CMP(hex2bin(out, "0102zz", 2), ==, 0);
	CHECK(out[0] == 1 && out[1] == 2 && out[2] == 0xbe);
	CHECK_CMP(hex2bin(out, "01x2", 2), ==, -EINVAL);
	CHECK_CMP(hex2bin(out, "0", 1), ==, -EINVAL);
	return 0;
}

static const struct conform_case string_cases[] = {
	{ "strscpy_returns", strscpy_returns },
	{ "strlcpy_returns", strlcpy_returns },
	{ "compare_and_search", compare_and_search },
	{ "copy_move_set", copy_move_set },
	{ "memchr_inv_finds_first_other", memchr_inv_finds_first_other },
	{ "strim_skip_spaces", strim_skip_spaces },
	{ "sysfs_streq_newline", sysfs_streq_newline },
	{ "match_string_index", match_string_index },
	{ "kstrto_accepted_forms", kstrto_accepted_forms },
	{ "kstrto_rejects", kstrto_rejects },
	{ "kstrtobool_forms", kstrtobool_forms },
	{ "simple_strto_stop", simple_strto_stop },
	{ "hex_digits", hex_digits },
};
CONFORM_SUITE(string, string_cases);
