// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * lib/kstrtox.c - the kstrto*() family and simple_strto*(). Pure functions
 * of their arguments: no state, safe anywhere.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/limits.h>

static unsigned int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return (unsigned int)(c - '0');
	if (c >= 'a' && c <= 'z')
		return (unsigned int)(c - 'a' + 10);
	if (c >= 'A' && c <= 'Z')
		return (unsigned int)(c - 'A' + 10);
	return 36;
}

/* Base 0 and 16 accept a 0x prefix; base 0 takes a leading 0 as octal. */
static const char *base_prefix(const char *s, unsigned int *base)
{
	if (*base == 0) {
		if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && digit_value(s[2]) < 16) {
			*base = 16;
			return s + 2;
		}
		*base = s[0] == '0' ? 8 : 10;
		return s;
	}
	if (*base == 16 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		return s + 2;
	return s;
}

/* Digits only; *end is where they stop. -ERANGE on overflow. */
static int parse_digits(const char *s, unsigned int base, unsigned long long *res, const char **end)
{
	unsigned long long v = 0;
	const char *p = s;

	for (;; p++) {
		unsigned int d = digit_value(*p);

		if (d >= base)
			break;
		if (v > (ULLONG_MAX - d) / base)
			return -ERANGE;
		v = v * base + d;
	}
	if (p == s)
		return -EINVAL;
	*res = v;
	*end = p;
	return 0;
}

int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	unsigned long long v;
	const char *end;
	int err;

	if (base == 1 || base > 16)
		return -EINVAL;
	if (*s == '+')
		s++;
	s = base_prefix(s, &base);
	err = parse_digits(s, base, &v, &end);
	if (err)
		return err;
	if (*end == '\n')
		end++;
	if (*end)
		return -EINVAL;
	*res = v;
	return 0;
}

int kstrtoll(const char *s, unsigned int base, long long *res)
{
	unsigned long long v;
	int err;

	if (*s == '-') {
		err = kstrtoull(s + 1, base, &v);
		if (err)
			return err;
		if (v > (unsigned long long)LLONG_MAX + 1)
			return -ERANGE;
		*res = v ? -(long long)(v - 1) - 1 : 0;
		return 0;
	}
	err = kstrtoull(s, base, &v);
	if (err)
		return err;
	if (v > (unsigned long long)LLONG_MAX)
		return -ERANGE;
	*res = (long long)v;
	return 0;
}

/* Narrower types: parse wide, then check the range. */
#define KSTRTO_UNSIGNED(name, type, max)                      \
	int name(const char *s, unsigned int base, type *res) \
	{                                                     \
		unsigned long long v;                         \
		int err = kstrtoull(s, base, &v);             \
		if (err)                                      \
			return err;                           \
		if (v > (max))                                \
			return -ERANGE;                       \
		*res = (type)v;                               \
		return 0;                                     \
	}
#define KSTRTO_SIGNED(name, type, min, max)                   \
	int name(const char *s, unsigned int base, type *res) \
	{                                                     \
		long long v;                                  \
		int err = kstrtoll(s, base, &v);              \
		if (err)                                      \
			return err;                           \
		if (v < (min) || v > (max))                   \
			return -ERANGE;                       \
		*res = (type)v;                               \
		return 0;                                     \
	}

KSTRTO_UNSIGNED(kstrtoul, unsigned long, ULONG_MAX)
KSTRTO_UNSIGNED(kstrtouint, unsigned int, UINT_MAX)
KSTRTO_UNSIGNED(kstrtou16, u16, U16_MAX)
KSTRTO_UNSIGNED(kstrtou8, u8, U8_MAX)
KSTRTO_SIGNED(kstrtol, long, LONG_MIN, LONG_MAX)
KSTRTO_SIGNED(kstrtoint, int, INT_MIN, INT_MAX)
KSTRTO_SIGNED(kstrtos16, s16, S16_MIN, S16_MAX)
KSTRTO_SIGNED(kstrtos8, s8, S8_MIN, S8_MAX)

int kstrtobool(const char *s, bool *res)
{
	if (!s)
		return -EINVAL;
	switch (s[0]) {
	case 'y':
	case 'Y':
	case '1':
		*res = true;
		return 0;
	case 'n':
	case 'N':
	case '0':
		*res = false;
		return 0;
	case 'o':
	case 'O':
		if (s[1] == 'n' || s[1] == 'N') {
			*res = true;
			return 0;
		}
		if (s[1] == 'f' || s[1] == 'F') {
			*res = false;
			return 0;
		}
		break;
	}
	return -EINVAL;
}

unsigned long long simple_strtoull(const char *cp, char **endp, unsigned int base)
{
	unsigned long long v = 0;
	const char *p;

	cp = base_prefix(cp, &base);
	for (p = cp;; p++) {
		unsigned int d = digit_value(*p);

		if (d >= base)
			break;
		v = v * base + d;
	}
	if (endp)
		*endp = (char *)p;
	return v;
}

unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base)
{
	return (unsigned long)simple_strtoull(cp, endp, base);
}

long simple_strtol(const char *cp, char **endp, unsigned int base)
{
	if (*cp == '-')
		return -(long)simple_strtoull(cp + 1, endp, base);
	return (long)simple_strtoull(cp, endp, base);
}
