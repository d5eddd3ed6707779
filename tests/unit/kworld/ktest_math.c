// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ktest_math.c - K-world checks for test_kheaders.c: min/max/clamp and
 * their single evaluation, rounding division and multiples, alignment,
 * limits, overflow-checked arithmetic, the compile-time assertions,
 * container_of and ARRAY_SIZE.
 */
#include <linux/align.h>
#include <linux/array_size.h>
#include <linux/build_bug.h>
#include <linux/container_of.h>
#include <linux/kernel.h>
#include <linux/limits.h>
#include <linux/math.h>
#include <linux/minmax.h>
#include <linux/overflow.h>
#include <linux/typecheck.h>

#include "ktest.h"

/* Values gcc cannot fold. */
static volatile int vneg = -7, vseven = 7;
static volatile unsigned int vu = 300;

/* MIN/MAX are for file scope, where min/max cannot be used. */
static char file_scope[MIN(4, 8) + MAX(1, 2)];

static int next(int *counter)
{
	return ++*counter;
}

static int minmax(void)
{
	char inside[min(4, 8)];
	u32 len = vu;
	u8 small = 200;
	int calls = 0, i = vseven, j = vneg, a = 1, b = 2;

	static_assert(max(3u, 5) == 5, "max of constants is a constant");
	KCHECK(sizeof(inside) == 4 && sizeof(file_scope) == 6);
	KCHECK(min(3, 5) == 3 && max(-1, 2) == 2 && min(j, i) == -7 && max(j, i) == 7);
	/* An unsigned value against a non-negative constant: allowed. */
	KCHECK(min(len, 16) == 16 && max(len, 16) == 300);
	/* u8 promotes to int: comparable with unsigned int. */
	KCHECK(min(small, len) == 200);
	KCHECK(max_t(u8, 300, 5) == 44 && min_t(int, -1, 1u) == -1 && min_t(u32, j, 5) == 5);
	KCHECK(clamp(15, 0, 10) == 10 && clamp(-5, 0, 10) == 0 && clamp(j, -10, 10) == -7);
	KCHECK(clamp_t(u8, 300, 0, 100) == 44 && clamp_val(small, 0, 100) == 100);
	KCHECK(min3(5, 2, 9) == 2 && max3(5, 2, 9) == 9);
	KCHECK(min_not_zero(0, 5) == 5 && min_not_zero(3, 0) == 3 && min_not_zero(4, 2) == 2);
	KCHECK(min_not_zero(0, 0) == 0);
	KCHECK(umin(len, 7u) == 7 && umax(len, 7u) == 300);
	/* Each argument is evaluated once. */
	KCHECK(min(next(&calls), 10) == 1 && calls == 1);
	KCHECK(max(next(&calls), next(&calls)) == 3 && calls == 3);
	KCHECK(clamp(next(&calls), 0, 100) == 4 && calls == 4);
	swap(a, b);
	KCHECK(a == 2 && b == 1);
	return 0;
}

static int divide_round(void)
{
	u64 big = 10000000000ULL;
	u8 byte = 7;

	KCHECK(DIV_ROUND_UP(10, 3) == 4 && DIV_ROUND_UP(9, 3) == 3 && DIV_ROUND_UP(0, 3) == 0);
	KCHECK(DIV_ROUND_UP_ULL(big, 3) == 3333333334ULL &&
	       DIV_ROUND_DOWN_ULL(big, 3) == 3333333333ULL);
	/* Halves round away from zero, whatever the signs. */
	KCHECK(DIV_ROUND_CLOSEST(7, 2) == 4 && DIV_ROUND_CLOSEST(5, 2) == 3);
	KCHECK(DIV_ROUND_CLOSEST(6, 4) == 2 && DIV_ROUND_CLOSEST(5, 4) == 1);
	KCHECK(DIV_ROUND_CLOSEST(vneg, 2) == -4 && DIV_ROUND_CLOSEST(vseven, -2) == -4);
	KCHECK(DIV_ROUND_CLOSEST(vneg, -2) == 4 && DIV_ROUND_CLOSEST(vneg, 7) == -1);
	KCHECK(DIV_ROUND_CLOSEST(7u, 2u) == 4 && DIV_ROUND_CLOSEST(byte, 2) == 4);
	KCHECK(DIV_ROUND_CLOSEST_ULL(10, 4) == 3 && DIV_ROUND_CLOSEST_ULL(big, 3) == 3333333333ULL);
	KCHECK(roundup(7, 5) == 10 && roundup(10, 5) == 10 && roundup(0, 5) == 0);
	KCHECK(rounddown(7, 5) == 5 && rounddown(10, 5) == 10);
	KCHECK(round_up(7, 4) == 8 && round_up(8, 4) == 8 && round_up(0u, 4) == 0);
	KCHECK(round_down(7, 4) == 4 && round_down(8, 4) == 8);
	KCHECK(round_up(big + 1, 4096) == 10000003072ULL && round_down(big, 4096) == 9999998976ULL);
	KCHECK(abs(-5) == 5 && abs(5) == 5 && abs(vneg) == 7 && abs(INT_MIN) == INT_MIN);
	KCHECK(abs(-5L) == 5 && sizeof(abs(-5L)) == sizeof(long) && sizeof(abs(-5LL)) == 8);
	KCHECK(abs((s8)-3) == 3 && sizeof(abs((s8)-3)) == sizeof(int));
	KCHECK(abs(5u) == 5u);
	KCHECK(mult_frac(10, 3, 4) == 7 && mult_frac(1000000000, 3, 2) == 1500000000);
	return 0;
}

static int align(void)
{
	u64 buf[4];
	char *p = (char *)buf;

	KCHECK(ALIGN(13, 8) == 16 && ALIGN(16, 8) == 16 && ALIGN(0, 8) == 0);
	KCHECK(ALIGN(0x1001UL, 0x1000) == 0x2000UL && ALIGN(5ULL, 4) == 8ULL);
	KCHECK(ALIGN_DOWN(13, 8) == 8 && ALIGN_DOWN(16, 8) == 16 && ALIGN_DOWN(7, 8) == 0);
	KCHECK(IS_ALIGNED(16, 8) && !IS_ALIGNED(12, 8) && IS_ALIGNED(0, 8));
	KCHECK(IS_ALIGNED((unsigned long)p, 8));
	KCHECK(PTR_ALIGN(p + 1, 8) == p + 8 && PTR_ALIGN(p, 8) == p);
	KCHECK(PTR_ALIGN_DOWN(p + 7, 8) == p && PTR_ALIGN_DOWN(p + 8, 8) == p + 8);
	KCHECK(__ALIGN_MASK(9, 3) == 12);
	return 0;
}

static int limits(void)
{
	KCHECK(U8_MAX == 255 && S8_MAX == 127 && S8_MIN == -128);
	KCHECK(U16_MAX == 65535 && S16_MAX == 32767 && S16_MIN == -32768);
	KCHECK(U32_MAX == 0xffffffffu && S32_MAX == 0x7fffffff && S32_MIN == -S32_MAX - 1);
	KCHECK(S32_MIN < 0 && U32_MIN == 0);
	KCHECK(U64_MAX == ~0ULL && S64_MAX == 0x7fffffffffffffffLL && S64_MIN < 0);
	KCHECK(S64_MIN == -S64_MAX - 1);
	KCHECK(USHRT_MAX == 65535 && SHRT_MAX == 32767 && SHRT_MIN == -32768);
	KCHECK(INT_MAX == 0x7fffffff && INT_MIN == -INT_MAX - 1 && UINT_MAX == 0xffffffffu);
	KCHECK(LONG_MAX == 0x7fffffffffffffffL && LONG_MIN < 0 && ULONG_MAX == ~0UL);
	KCHECK(LLONG_MAX == 0x7fffffffffffffffLL && LLONG_MIN < 0 && ULLONG_MAX == ~0ULL);
	KCHECK(SIZE_MAX == ~0UL && SSIZE_MAX == LONG_MAX && PHYS_ADDR_MAX == ~0ULL);
	KCHECK(sizeof(U64_MAX) == 8 && sizeof(INT_MAX) == 4 && sizeof(ULONG_MAX) == 8);
	return 0;
}

struct flex {
	int count;
	u64 data[];
};

static int overflow(void)
{
	struct flex *f = NULL;
	u8 r8;
	int i;
	unsigned int u;
	u32 u32v;
	s32 s32v;
	u64 u64v;
	size_t huge = SIZE_MAX / 4;

	KCHECK(check_add_overflow((u8)200, (u8)100, &r8) && r8 == 44);
	KCHECK(!check_add_overflow((u8)100, (u8)100, &r8) && r8 == 200);
	KCHECK(check_add_overflow(INT_MAX, 1, &i) && i == INT_MIN);
	KCHECK(!check_add_overflow(-1, 1u, &i) && i == 0);
	KCHECK(check_sub_overflow(0u, 1u, &u) && u == UINT_MAX);
	KCHECK(!check_sub_overflow(5, 3, &i) && i == 2 && check_sub_overflow(INT_MIN, 1, &i));
	KCHECK(check_mul_overflow(1u << 16, 1u << 16, &u32v) && u32v == 0);
	KCHECK(!check_mul_overflow((u64)1 << 32, (u64)1 << 31, &u64v) && u64v == 1ULL << 63);
	KCHECK(check_mul_overflow(-1, 1, &u) && !check_mul_overflow(-1, -1, &u) && u == 1);
	/* Shifts: bits lost, the sign bit reached, a negative a, or s too large. */
	KCHECK(!check_shl_overflow(1, 30, &s32v) && s32v == 1 << 30);
	KCHECK(check_shl_overflow(1, 31, &s32v));
	KCHECK(!check_shl_overflow(1u, 31, &u32v) && u32v == 0x80000000u);
	KCHECK(check_shl_overflow(1, 32, &u32v) && check_shl_overflow(1, -1, &u32v));
	KCHECK(check_shl_overflow(-1, 1, &s32v));
	KCHECK(!check_shl_overflow(0xff, 24, &u32v) && u32v == 0xff000000u);
	KCHECK(check_shl_overflow(0x1ff, 24, &u32v));
	KCHECK(!check_shl_overflow(0, 40, &u64v) && u64v == 0);
	/* Sizes saturate at SIZE_MAX. */
	KCHECK(size_mul(3, 4) == 12 && size_mul(SIZE_MAX / 2 + 1, 2) == SIZE_MAX);
	KCHECK(size_add(1, 2) == 3 && size_add(SIZE_MAX, 1) == SIZE_MAX);
	KCHECK(size_sub(6, 5) == 1 && size_sub(5, 6) == SIZE_MAX &&
	       size_sub(SIZE_MAX, 1) == SIZE_MAX);
	KCHECK(array_size(10, sizeof(u32)) == 40 && array_size(huge, 8) == SIZE_MAX);
	KCHECK(array3_size(2, 3, 4) == 24 && array3_size(huge, 2, 4) == SIZE_MAX);
	KCHECK(struct_size(f, data, 10) == sizeof(*f) + 80);
	KCHECK(struct_size(f, data, huge) == SIZE_MAX);
	KCHECK(flex_array_size(f, data, 3) == 24);
	KCHECK(struct_size_t(struct flex, data, 1) == sizeof(struct flex) + 8);
	return 0;
}

struct outer {
	u32 first;
	u64 middle;
	char last[3];
};

static int asserts_and_containers(void)
{
	struct outer o;
	u64 *mp = &o.middle;
	const char(*lp)[3] = (const char(*)[3]) & o.last;
	int grid[3][5];
	u32 lower = 0xdeadbeef;
	u64 both = 0x123456789abcdef0ULL;
	int t = 0;

	BUILD_BUG_ON(sizeof(u32) != 4);
	BUILD_BUG_ON_MSG(sizeof(u64) != 8, "u64 is 8 bytes");
	BUILD_BUG_ON(!__builtin_constant_p(sizeof(o)));
	BUILD_BUG_ON_NOT_POWER_OF_2(4096);
	__BUILD_BUG_ON_NOT_POWER_OF_2(0);
	static_assert(sizeof(o) == 24);
	static_assert(offsetof(struct outer, middle) == 8, "with a message");
	KCHECK(BUILD_BUG_ON_ZERO(0) == 0);
	KCHECK(ARRAY_SIZE(grid) == 3 && ARRAY_SIZE(grid[0]) == 5 && ARRAY_SIZE(o.last) == 3);
	KCHECK(container_of(mp, struct outer, middle) == &o);
	KCHECK(container_of(lp, struct outer, last) == &o);
	KCHECK(container_of((void *)&o.last, struct outer, last) == &o);
	KCHECK(container_of_const(lp, struct outer, last) == &o);
	KCHECK(upper_32_bits(both) == 0x12345678 && lower_32_bits(both) == 0x9abcdef0);
	KCHECK(upper_32_bits(lower) == 0 && lower_32_bits(lower) == 0xdeadbeef);
	KCHECK(upper_16_bits(lower) == 0xdead && lower_16_bits(lower) == 0xbeef);
	KCHECK(REPEAT_BYTE(0x5a) == 0x5a5a5a5a5a5a5a5aUL);
	KCHECK(typecheck(int, t) == 1);
	KCHECK(sizeof_field(struct outer, last) == 3 && offsetofend(struct outer, middle) == 16);
	return 0;
}

static const struct ktest_check checks[] = {
	{ "minmax", minmax },	  { "divide_round", divide_round },
	{ "align", align },	  { "limits", limits },
	{ "overflow", overflow }, { "asserts_and_containers", asserts_and_containers },
};

int ktest_kh_math(unsigned int i, const char **name, int run)
{
	return ktest_check_case(checks, ARRAY_SIZE(checks), i, name, run);
}
