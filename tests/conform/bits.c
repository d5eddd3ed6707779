// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * bits.c - what the kernel's headers compute, inline, in a driver's own
 * code: BIT/GENMASK and the bitfield macros, bit operations and searches
 * over bitmaps of several words, population counts, rotations, ilog2 and
 * the power-of-two roundings; min/max/clamp, the rounding divisions and
 * the 64-bit ones (div_u64, do_div), alignment, limits, overflow-checked
 * arithmetic, container_of; list.h and hlist; byte swaps, the little- and
 * big-endian conversions and unaligned access. Ours must compute what
 * Linux's do, compile-time constants where Linux gives constants.
 *
 * What Linux 6.1 showed: ffz() of a constant takes its argument
 * unparenthesized (ffz(~0UL >> 1) is 0), so only variables go to it; its
 * min() and max() are no constant expressions (no array sizes, no
 * static_assert), FIELD_PREP_CONST() does not exist yet, and with -Werror
 * a constant too wide for max_t()'s or clamp_t()'s type, or hweight64()
 * of an int constant, do not compile: those take variables here.
 */
#include <asm/byteorder.h>
#include <asm/unaligned.h>
#include <linux/align.h>
#include <linux/bitfield.h>
#include <linux/bitmap.h>
#include <linux/bitops.h>
#include <linux/bitrev.h>
#include <linux/bits.h>
#include <linux/build_bug.h>
#include <linux/container_of.h>
#include <linux/kernel.h>
#include <linux/limits.h>
#include <linux/list.h>
#include <linux/log2.h>
#include <linux/math.h>
#include <linux/math64.h>
#include <linux/minmax.h>
#include <linux/overflow.h>
#include <linux/poison.h>
#include <linux/string.h>
#include <linux/swab.h>
#include <linux/typecheck.h>

#include "conform.h"

/* Values gcc cannot fold, so the run-time paths run too. */
static volatile unsigned long vzero, vone = 1, vfive = 5, v4096 = 4096;
/* Not the constant: see ffz() above. */
static volatile unsigned long vtop_clear = ~0UL >> 1;

static int genmask_bit(struct conform_dev *dev)
{
	static_assert(GENMASK(3, 0) == 0xf, "GENMASK is a constant expression");
	CHECK(GENMASK(31, 0) == 0xffffffffUL);
	CHECK(GENMASK(63, 0) == ~0UL);
	CHECK(GENMASK_ULL(63, 0) == ~0ULL);
	CHECK(GENMASK_ULL(31, 0) == 0xffffffffULL);
	CHECK(GENMASK(7, 4) == 0xf0);
	CHECK(GENMASK(0, 0) == 1);
	CHECK(GENMASK(63, 63) == 1UL << 63);
	CHECK(GENMASK_ULL(39, 21) == 0xffffe00000ULL);
	CHECK(sizeof(GENMASK(1, 0)) == sizeof(long));
	CHECK(BIT(0) == 1 && BIT(63) == 0x8000000000000000UL);
	CHECK(BIT_ULL(32) == 0x100000000ULL);
	CHECK(BITS_PER_LONG == 64 && BITS_PER_BYTE == 8 && BITS_PER_TYPE(u32) == 32);
	CHECK(BIT_WORD(63) == 0 && BIT_WORD(64) == 1 && BIT_MASK(65) == 2);
	CHECK(BITS_TO_LONGS(0) == 0 && BITS_TO_LONGS(1) == 1 && BITS_TO_LONGS(64) == 1 &&
	      BITS_TO_LONGS(65) == 2);
	CHECK(BITS_TO_U32(33) == 2 && BITS_TO_BYTES(9) == 2);
	return 0;
}

#define REG_NIBBLE GENMASK(7, 4)
#define REG_HIGH GENMASK_ULL(47, 40)
#define REG_ALL GENMASK_ULL(63, 0)
#define REG_BIT BIT(31)

static int field_get_prep(struct conform_dev *dev)
{
	volatile u32 wide = 0x1f;
	u64 reg = 0x0000ab0000000000ULL;

	CHECK(FIELD_PREP(REG_NIBBLE, 0xa) == 0xa0);
	CHECK(FIELD_GET(REG_NIBBLE, 0x1234a5) == 0xa);
	CHECK(FIELD_GET(REG_HIGH, reg) == 0xab);
	CHECK(sizeof(FIELD_GET(REG_HIGH, reg)) == 8);
	CHECK(FIELD_PREP(REG_HIGH, 0xcd) == 0x0000cd0000000000ULL);
	/* A run-time value too wide for the field loses its top bits. */
	CHECK(FIELD_PREP(REG_NIBBLE, wide) == 0xf0);
	CHECK(FIELD_FIT(REG_NIBBLE, 15));
	CHECK(!FIELD_FIT(REG_NIBBLE, wide + 0));
	CHECK(FIELD_MAX(REG_NIBBLE) == 15);
	CHECK(FIELD_GET(REG_ALL, ~0ULL) == ~0ULL && FIELD_PREP(REG_ALL, 5) == 5);
	CHECK(FIELD_GET(REG_BIT, 0x80000000u) == 1 && FIELD_PREP(REG_BIT, 1) == 0x80000000u);
	return 0;
}

static int bitops_multiword(struct conform_dev *dev)
{
	DECLARE_BITMAP(map, 200);
	unsigned long lock = 0;

	CHECK(sizeof(map) == 4 * sizeof(long));
	bitmap_zero(map, 200);
	set_bit(0, map);
	set_bit(63, map);
	set_bit(64, map);
	set_bit(199, map);
	CHECK(map[0] == (1UL | 1UL << 63) && map[1] == 1 && map[2] == 0 && map[3] == 1UL << 7);
	CHECK(test_bit(0, map) && test_bit(63, map) && test_bit(64, map) && test_bit(199, map));
	CHECK(!test_bit(1, map) && !test_bit(62, map) && !test_bit(65, map) && !test_bit(198, map));
	clear_bit(63, map);
	CHECK(map[0] == 1);
	change_bit(64, map);
	change_bit(65, map);
	CHECK(map[1] == 2);
	CHECK(!test_and_set_bit(130, map) && test_and_set_bit(130, map));
	CHECK(map[2] == 4);
	CHECK(test_and_clear_bit(130, map) && !test_and_clear_bit(130, map));
	CHECK(!test_and_change_bit(5, map) && test_bit(5, map));
	CHECK(test_and_change_bit(5, map) && !test_bit(5, map));
	__set_bit(128, map);
	__clear_bit(199, map);
	__change_bit(127, map);
	CHECK(map[1] == (2UL | 1UL << 63) && map[2] == 1 && map[3] == 0);
	CHECK(!__test_and_set_bit(150, map) && __test_and_set_bit(150, map));
	CHECK(__test_and_clear_bit(150, map) && !__test_and_clear_bit(150, map));
	CHECK(!__test_and_change_bit(3, map) && __test_and_change_bit(3, map) && map[0] == 1);
	assign_bit(10, map, true);
	__assign_bit(11, map, true);
	assign_bit(0, map, false);
	CHECK(map[0] == (3UL << 10));
	/* A bit lock: taken once, refused while held, taken again after unlock. */
	CHECK(!test_and_set_bit_lock(2, &lock) && test_and_set_bit_lock(2, &lock));
	clear_bit_unlock(2, &lock);
	CHECK(lock == 0 && !test_and_set_bit_lock(2, &lock));
	__clear_bit_unlock(2, &lock);
	CHECK(lock == 0 && test_bit_acquire(2, &lock) == 0);
	/* Little-endian bit numbers in a byte array: bit 9 is byte 1, bit 1. */
	{
		unsigned long bytes[1] = { 0 };

		__set_bit_le(9, bytes);
		CHECK(((u8 *)bytes)[1] == 2 && test_bit_le(9, bytes));
		clear_bit_le(9, bytes);
		CHECK(bytes[0] == 0);
	}
	return 0;
}

static int find_bit_edges(struct conform_dev *dev)
{
	DECLARE_BITMAP(map, 200);
	DECLARE_BITMAP(small, 70);
	static const unsigned long want[] = { 3, 64, 127, 128, 199 };
	unsigned long bit, n;

	bitmap_zero(map, 200);
	CHECK(find_first_bit(map, 200) == 200);
	CHECK(find_next_bit(map, 200, 0) == 200);
	CHECK(find_first_zero_bit(map, 200) == 0);
	CHECK(find_last_bit(map, 200) == 200);
	CHECK(find_first_bit(map, 0) == 0 && find_last_bit(map, 0) == 0);
	for (n = 0; n < ARRAY_SIZE(want); n++)
		set_bit(want[n], map);
	CHECK(find_first_bit(map, 200) == 3);
	CHECK(find_next_bit(map, 200, 3) == 3);
	CHECK(find_next_bit(map, 200, 4) == 64);
	CHECK(find_next_bit(map, 200, 64) == 64);
	CHECK(find_next_bit(map, 200, 65) == 127);
	CHECK(find_next_bit(map, 200, 128) == 128);
	CHECK(find_next_bit(map, 200, 129) == 199);
	CHECK(find_next_bit(map, 200, 200) == 200);
	CHECK(find_next_bit(map, 200, 500) == 200);
	/* A set bit at or past size is not found. */
	CHECK(find_next_bit(map, 199, 129) == 199);
	CHECK(find_next_bit(map, 128, 65) == 127);
	CHECK(find_first_bit(map, 3) == 3);
	CHECK(find_last_bit(map, 200) == 199);
	CHECK(find_last_bit(map, 199) == 128);
	CHECK(find_last_bit(map, 64) == 3);
	CHECK(find_last_bit(map, 3) == 3);
	CHECK(find_next_zero_bit(map, 200, 3) == 4);
	CHECK(find_next_zero_bit(map, 200, 127) == 129);
	n = 0;
	for_each_set_bit(bit, map, 200) {
		CHECK(n < ARRAY_SIZE(want) && bit == want[n]);
		n++;
	}
	CHECK(n == ARRAY_SIZE(want));
	n = 0;
	for_each_clear_bit(bit, map, 200)
		n++;
	CHECK(n == 200 - ARRAY_SIZE(want));
	bit = 100;
	n = 0;
	for_each_set_bit_from(bit, map, 200)
		n++;
	CHECK(n == 3);
	/* Bits set past size in the last word are ignored. */
	bitmap_zero(small, 70);
	small[1] = ~0UL << 6;
	CHECK(find_first_bit(small, 70) == 70 && find_last_bit(small, 70) == 70);
	CHECK(bitmap_empty(small, 70) && bitmap_weight(small, 70) == 0);
	bitmap_fill(map, 200);
	CHECK(find_first_zero_bit(map, 200) == 200);
	clear_bit(150, map);
	CHECK(find_first_zero_bit(map, 200) == 150);
	CHECK(find_next_zero_bit(map, 200, 151) == 200);
	CHECK(find_next_zero_bit(map, 150, 0) == 150);
	return 0;
}

static int ffs_fls(struct conform_dev *dev)
{
	CHECK(ffs(0) == 0 && ffs(1) == 1 && ffs(0x100) == 9 && ffs(-1) == 1);
	CHECK(ffs((int)0x80000000u) == 32);
	CHECK(fls(0) == 0 && fls(1) == 1 && fls(0x80000000u) == 32 && fls(0xffffffffu) == 32);
	CHECK(fls(0x10) == 5);
	CHECK(fls64(0) == 0 && fls64(1) == 1 && fls64(1ULL << 63) == 64 && fls64(1ULL << 32) == 33);
	CHECK(__ffs(1) == 0 && __ffs(1UL << 63) == 63 && __ffs(0x30) == 4);
	CHECK(__fls(1) == 0 && __fls(~0UL) == 63 && __fls(1UL << 63) == 63 && __fls(0x30) == 5);
	CHECK(ffz(0) == 0 && ffz(0xff) == 8 && ffz(vtop_clear) == 63);
	CHECK(fls_long(0) == 0 && fls_long(1UL << 40) == 41);
	CHECK(__ffs64(1ULL << 50) == 50);
	CHECK(get_count_order(0) == -1 && get_count_order(1) == 0 && get_count_order(2) == 1);
	CHECK(get_count_order(3) == 2 && get_count_order(4) == 2 && get_count_order(5) == 3);
	CHECK(get_count_order_long(1UL << 40) == 40 && get_count_order_long((1UL << 40) + 1) == 41);
	/* The same through values gcc does not see. */
	CHECK(fls((unsigned int)vzero) == 0 && ffs((int)vzero) == 0 && fls64(vzero) == 0);
	CHECK(fls((unsigned int)v4096) == 13 && ffs((int)v4096) == 13 && __ffs(v4096) == 12);
	return 0;
}

static int hweight_counts(struct conform_dev *dev)
{
	volatile u64 all = ~0ULL, ends = 0x8000000000000001ULL;
	volatile unsigned int mixed = 0xf0f0f0f0;

	static_assert(hweight32(0xf0f0) == 8, "hweight of a constant is a constant");
	static_assert(hweight64(0xffffffffffffffffULL) == 64, "hweight64 of a constant");
	CHECK(hweight8(0xff) == 8 && hweight8(0) == 0 && hweight8(0x81) == 2);
	CHECK(hweight64(0xffULL) == 8 && hweight32(~0u) == 32 && hweight64(~0ULL) == 64);
	CHECK(hweight16(0x8001) == 2 && hweight16(0xffff) == 16);
	CHECK(hweight32(0xffffffff) == 32 && hweight32(0x80000001) == 2);
	CHECK(hweight64(all) == 64 && hweight64(ends) == 2 && hweight64(vzero) == 0);
	CHECK(hweight32(mixed) == 16 && hweight16(mixed) == 8 && hweight8(mixed) == 4);
	CHECK(hweight_long(all) == 64 && hweight_long(vone) == 1);
	return 0;
}

static int rotate_sign_extend(struct conform_dev *dev)
{
	CHECK(bitrev8(0x01) == 0x80 && bitrev8(0x5c) == 0x3a && bitrev8(0xff) == 0xff);
	CHECK(bitrev16(0x1234) == 0x2c48 && bitrev32(1) == 0x80000000u);
	CHECK(bitrev32(0x12345678) == 0x1e6a2c48 && bitrev32((u32)vfive) == 0xa0000000u);
	CHECK(rol32(0x80000001u, 1) == 3 && ror32(3, 1) == 0x80000001u);
	CHECK(rol32(0x12345678u, 0) == 0x12345678u && ror32(0x12345678u, 32) == 0x12345678u);
	CHECK(rol32(0x12345678u, 8) == 0x34567812u);
	CHECK(rol64(1ULL << 63, 1) == 1 && ror64(1, 1) == 1ULL << 63);
	CHECK(rol16(0x8001, 4) == 0x0018 && ror16(0x0018, 4) == 0x8001);
	CHECK(rol8(0x81, 1) == 0x03 && ror8(0x03, 1) == 0x81);
	CHECK(sign_extend32(0x80, 7) == -128 && sign_extend32(0x7f, 7) == 127);
	CHECK(sign_extend32(0xffffffffu, 31) == -1 && sign_extend32(0x1ff, 7) == -1);
	CHECK(sign_extend64(0x800000000ULL, 35) == -0x800000000LL);
	CHECK(sign_extend64(0x7ffffffffULL, 35) == 0x7ffffffffLL);
	return 0;
}

static int bitmap_ops(struct conform_dev *dev)
{
	DECLARE_BITMAP(a, 130);
	DECLARE_BITMAP(b, 130);
	DECLARE_BITMAP(c, 130);

	bitmap_zero(a, 130);
	CHECK(bitmap_empty(a, 130) && !bitmap_full(a, 130) && bitmap_weight(a, 130) == 0);
	bitmap_set(a, 60, 10);
	CHECK(bitmap_weight(a, 130) == 10);
	CHECK(find_first_bit(a, 130) == 60 && find_last_bit(a, 130) == 69);
	CHECK(a[0] == GENMASK(63, 60) && a[1] == GENMASK(5, 0));
	bitmap_clear(a, 62, 3);
	CHECK(bitmap_weight(a, 130) == 7 && !test_bit(63, a) && test_bit(65, a));
	bitmap_set(a, 0, 130);
	CHECK(bitmap_full(a, 130) && bitmap_weight(a, 130) == 130);
	bitmap_clear(a, 0, 130);
	CHECK(bitmap_empty(a, 130));
	bitmap_set(a, 64, 64);
	CHECK(a[0] == 0 && a[1] == ~0UL && a[2] == 0);
	/* Bits past nbits do not count. */
	bitmap_fill(b, 130);
	CHECK(bitmap_full(b, 130));
	b[2] = 0x3;
	CHECK(bitmap_full(b, 130));
	bitmap_copy(c, b, 130);
	c[2] |= 0x4;
	CHECK(bitmap_equal(b, c, 130) && !bitmap_equal(b, c, 131));
	c[2] = 0x1;
	CHECK(!bitmap_equal(b, c, 130));
	/* and/or/xor/andnot/complement, intersects and subset. */
	bitmap_zero(a, 130);
	bitmap_zero(b, 130);
	bitmap_set(a, 10, 20);
	bitmap_set(b, 25, 10);
	CHECK(bitmap_and(c, a, b, 130) && bitmap_weight(c, 130) == 5);
	CHECK(bitmap_intersects(a, b, 130) && !bitmap_subset(b, a, 130));
	CHECK(bitmap_subset(c, a, 130) && bitmap_subset(c, b, 130));
	bitmap_or(c, a, b, 130);
	CHECK(bitmap_weight(c, 130) == 25);
	bitmap_xor(c, a, b, 130);
	CHECK(bitmap_weight(c, 130) == 20);
	CHECK(bitmap_andnot(c, a, b, 130) && bitmap_weight(c, 130) == 15);
	CHECK(!bitmap_andnot(c, a, a, 130));
	bitmap_complement(c, a, 130);
	CHECK(bitmap_weight(c, 130) == 110 && !bitmap_intersects(a, c, 130));
	return 0;
}

enum { PAGE_ORDER_4K = ilog2(4096), ROUNDED = roundup_pow_of_two(5) };

static int ilog2_roundup(struct conform_dev *dev)
{
	static_assert(ilog2(4096) == 12 && order_base_2(5) == 3, "constant ilog2");
	static_assert(rounddown_pow_of_two(100) == 64, "constant rounddown_pow_of_two");
	CHECK(PAGE_ORDER_4K == 12 && ROUNDED == 8);
	CHECK(ilog2(1) == 0 && ilog2(2) == 1 && ilog2(3) == 1 && ilog2(~0ULL) == 63);
	CHECK(ilog2(v4096) == 12 && ilog2(vfive) == 2 && ilog2(vone) == 0);
	CHECK(ilog2(v4096 - 1) == 11 && ilog2(vzero) == -1);
	CHECK(__ilog2_u32(0x80000000u) == 31 && __ilog2_u64(1ULL << 40) == 40);
	CHECK(!is_power_of_2(0) && is_power_of_2(1) && !is_power_of_2(6) &&
	      is_power_of_2(1UL << 63));
	CHECK(roundup_pow_of_two(1) == 1 && roundup_pow_of_two(8) == 8);
	CHECK(roundup_pow_of_two(0x80000001UL) == 0x100000000UL);
	CHECK(roundup_pow_of_two(vfive) == 8 && roundup_pow_of_two(vone) == 1);
	CHECK(rounddown_pow_of_two(5) == 4 && rounddown_pow_of_two(1) == 1);
	CHECK(rounddown_pow_of_two(vfive) == 4 && rounddown_pow_of_two(v4096) == 4096);
	CHECK(__roundup_pow_of_two(4097) == 8192 && __rounddown_pow_of_two(4097) == 4096);
	CHECK(order_base_2(0) == 0 && order_base_2(1) == 0 && order_base_2(2) == 1);
	CHECK(order_base_2(3) == 2 && order_base_2(4096) == 12 && order_base_2(4097) == 13);
	CHECK(order_base_2(vfive) == 3 && order_base_2(vone) == 0 && order_base_2(v4096) == 12);
	CHECK(bits_per(0) == 1 && bits_per(1) == 1 && bits_per(255) == 8 && bits_per(256) == 9);
	CHECK(bits_per(vzero) == 1 && bits_per(v4096) == 13);
	return 0;
}

/* Values gcc cannot fold. */
static volatile int vneg = -7, vseven = 7, vmin = INT_MIN;
static volatile unsigned int vu = 300;

/* MIN/MAX are for file scope, where min/max cannot be used. */
static char file_scope[MIN(4, 8) + MAX(1, 2)];

static int next(int *counter)
{
	return ++*counter;
}

static int min_max_clamp(struct conform_dev *dev)
{
	u32 len = vu;
	u8 small = 200;
	int calls = 0, i = vseven, j = vneg, a = 1, b = 2;

	CHECK(sizeof(file_scope) == 6);
	CHECK(min(3, 5) == 3 && max(-1, 2) == 2 && min(j, i) == -7 && max(j, i) == 7);
	/* An unsigned value against a non-negative constant: allowed. */
	CHECK(min(len, 16) == 16 && max(len, 16) == 300);
	/* u8 promotes to int: comparable with unsigned int. */
	CHECK(min(small, len) == 200);
	CHECK(max_t(u8, vu, 5) == 44 && min_t(int, -1, 1u) == -1 && min_t(u32, j, 5) == 5);
	CHECK(clamp(15, 0, 10) == 10 && clamp(-5, 0, 10) == 0 && clamp(j, -10, 10) == -7);
	CHECK(clamp_t(u8, vu, 0, 100) == 44 && clamp_val(small, 0, 100) == 100);
	CHECK(min3(5, 2, 9) == 2 && max3(5, 2, 9) == 9);
	CHECK(min_not_zero(0, 5) == 5 && min_not_zero(3, 0) == 3 && min_not_zero(4, 2) == 2);
	CHECK(min_not_zero(0, 0) == 0);
	CHECK(umin(len, 7u) == 7 && umax(len, 7u) == 300);
	/* Each argument is evaluated once. */
	CHECK(min(next(&calls), 10) == 1 && calls == 1);
	CHECK(max(next(&calls), next(&calls)) == 3 && calls == 3);
	CHECK(clamp(next(&calls), 0, 100) == 4 && calls == 4);
	swap(a, b);
	CHECK(a == 2 && b == 1);
	return 0;
}

static int divide_round(struct conform_dev *dev)
{
	u64 big = 10000000000ULL;
	u8 byte = 7;

	CHECK(DIV_ROUND_UP(10, 3) == 4 && DIV_ROUND_UP(9, 3) == 3 && DIV_ROUND_UP(0, 3) == 0);
	CHECK(DIV_ROUND_UP_ULL(big, 3) == 3333333334ULL &&
	      DIV_ROUND_DOWN_ULL(big, 3) == 3333333333ULL);
	/* Halves round away from zero, whatever the signs. */
	CHECK(DIV_ROUND_CLOSEST(7, 2) == 4 && DIV_ROUND_CLOSEST(5, 2) == 3);
	CHECK(DIV_ROUND_CLOSEST(6, 4) == 2 && DIV_ROUND_CLOSEST(5, 4) == 1);
	CHECK(DIV_ROUND_CLOSEST(vneg, 2) == -4 && DIV_ROUND_CLOSEST(vseven, -2) == -4);
	CHECK(DIV_ROUND_CLOSEST(vneg, -2) == 4 && DIV_ROUND_CLOSEST(vneg, 7) == -1);
	CHECK(DIV_ROUND_CLOSEST(7u, 2u) == 4 && DIV_ROUND_CLOSEST(byte, 2) == 4);
	CHECK(DIV_ROUND_CLOSEST_ULL(10, 4) == 3 && DIV_ROUND_CLOSEST_ULL(big, 3) == 3333333333ULL);
	CHECK(roundup(7, 5) == 10 && roundup(10, 5) == 10 && roundup(0, 5) == 0);
	CHECK(rounddown(7, 5) == 5 && rounddown(10, 5) == 10);
	CHECK(round_up(7, 4) == 8 && round_up(8, 4) == 8 && round_up(0u, 4) == 0);
	CHECK(round_down(7, 4) == 4 && round_down(8, 4) == 8);
	CHECK(round_up(big + 1, 4096) == 10000003072ULL && round_down(big, 4096) == 9999998976ULL);
	CHECK(abs(-5) == 5 && abs(5) == 5 && abs(vneg) == 7 && abs(vmin) == INT_MIN);
	CHECK(abs(-5L) == 5 && sizeof(abs(-5L)) == sizeof(long) && sizeof(abs(-5LL)) == 8);
	CHECK(abs((s8)-3) == 3 && sizeof(abs((s8)-3)) == sizeof(int));
	CHECK(abs(5u) == 5u);
	CHECK(mult_frac(10, 3, 4) == 7 && mult_frac(1000000000, 3, 2) == 1500000000);
	return 0;
}

static int align_macros(struct conform_dev *dev)
{
	u64 buf[4];
	char *p = (char *)buf;

	CHECK(ALIGN(13, 8) == 16 && ALIGN(16, 8) == 16 && ALIGN(0, 8) == 0);
	CHECK(ALIGN(0x1001UL, 0x1000) == 0x2000UL && ALIGN(5ULL, 4) == 8ULL);
	CHECK(ALIGN_DOWN(13, 8) == 8 && ALIGN_DOWN(16, 8) == 16 && ALIGN_DOWN(7, 8) == 0);
	CHECK(IS_ALIGNED(16, 8) && !IS_ALIGNED(12, 8) && IS_ALIGNED(0, 8));
	CHECK(IS_ALIGNED((unsigned long)p, 8));
	CHECK(PTR_ALIGN(p + 1, 8) == p + 8 && PTR_ALIGN(p, 8) == p);
	CHECK(PTR_ALIGN_DOWN(p + 7, 8) == p && PTR_ALIGN_DOWN(p + 8, 8) == p + 8);
	CHECK(__ALIGN_MASK(9, 3) == 12);
	return 0;
}

static int type_limits(struct conform_dev *dev)
{
	CHECK(U8_MAX == 255 && S8_MAX == 127 && S8_MIN == -128);
	CHECK(U16_MAX == 65535 && S16_MAX == 32767 && S16_MIN == -32768);
	CHECK(U32_MAX == 0xffffffffu && S32_MAX == 0x7fffffff && S32_MIN == -S32_MAX - 1);
	CHECK(S32_MIN < 0 && U32_MIN == 0);
	CHECK(U64_MAX == ~0ULL && S64_MAX == 0x7fffffffffffffffLL && S64_MIN < 0);
	CHECK(S64_MIN == -S64_MAX - 1);
	CHECK(USHRT_MAX == 65535 && SHRT_MAX == 32767 && SHRT_MIN == -32768);
	CHECK(INT_MAX == 0x7fffffff && INT_MIN == -INT_MAX - 1 && UINT_MAX == 0xffffffffu);
	CHECK(LONG_MAX == 0x7fffffffffffffffL && LONG_MIN < 0 && ULONG_MAX == ~0UL);
	CHECK(LLONG_MAX == 0x7fffffffffffffffLL && LLONG_MIN < 0 && ULLONG_MAX == ~0ULL);
	CHECK(SIZE_MAX == ~0UL && SSIZE_MAX == LONG_MAX && PHYS_ADDR_MAX == ~0ULL);
	CHECK(sizeof(U64_MAX) == 8 && sizeof(INT_MAX) == 4 && sizeof(ULONG_MAX) == 8);
	return 0;
}

struct flex {
	int count;
	u64 data[];
};

static int overflow_checked(struct conform_dev *dev)
{
	struct flex *f = NULL;
	u8 r8;
	int i;
	unsigned int u;
	u32 u32v;
	s32 s32v;
	u64 u64v;
	size_t huge = SIZE_MAX / 4;

	CHECK(check_add_overflow((u8)200, (u8)100, &r8) && r8 == 44);
	CHECK(!check_add_overflow((u8)100, (u8)100, &r8) && r8 == 200);
	CHECK(check_add_overflow(INT_MAX, 1, &i) && i == INT_MIN);
	CHECK(!check_add_overflow(-1, 1u, &i) && i == 0);
	CHECK(check_sub_overflow(0u, 1u, &u) && u == UINT_MAX);
	CHECK(!check_sub_overflow(5, 3, &i) && i == 2 && check_sub_overflow(INT_MIN, 1, &i));
	CHECK(check_mul_overflow(1u << 16, 1u << 16, &u32v) && u32v == 0);
	CHECK(!check_mul_overflow((u64)1 << 32, (u64)1 << 31, &u64v) && u64v == 1ULL << 63);
	CHECK(check_mul_overflow(-1, 1, &u) && !check_mul_overflow(-1, -1, &u) && u == 1);
	/* Shifts: bits lost, the sign bit reached, a negative a, or s too large. */
	CHECK(!check_shl_overflow(1, 30, &s32v) && s32v == 1 << 30);
	CHECK(check_shl_overflow(1, 31, &s32v));
	CHECK(!check_shl_overflow(1u, 31, &u32v) && u32v == 0x80000000u);
	CHECK(check_shl_overflow(1, 32, &u32v) && check_shl_overflow(1, -1, &u32v));
	CHECK(check_shl_overflow(-1, 1, &s32v));
	CHECK(!check_shl_overflow(0xff, 24, &u32v) && u32v == 0xff000000u);
	CHECK(check_shl_overflow(0x1ff, 24, &u32v));
	CHECK(!check_shl_overflow(0, 40, &u64v) && u64v == 0);
	/* Sizes saturate at SIZE_MAX. */
	CHECK(size_mul(3, 4) == 12 && size_mul(SIZE_MAX / 2 + 1, 2) == SIZE_MAX);
	CHECK(size_add(1, 2) == 3 && size_add(SIZE_MAX, 1) == SIZE_MAX);
	CHECK(size_sub(6, 5) == 1 && size_sub(5, 6) == SIZE_MAX &&
	      size_sub(SIZE_MAX, 1) == SIZE_MAX);
	CHECK(array_size(10, sizeof(u32)) == 40 && array_size(huge, 8) == SIZE_MAX);
	CHECK(array3_size(2, 3, 4) == 24 && array3_size(huge, 2, 4) == SIZE_MAX);
	CHECK(struct_size(f, data, 10) == sizeof(*f) + 80);
	CHECK(struct_size(f, data, huge) == SIZE_MAX);
	CHECK(flex_array_size(f, data, 3) == 24);
	CHECK(struct_size_t(struct flex, data, 1) == sizeof(struct flex) + 8);
	return 0;
}

struct outer {
	u32 first;
	u64 middle;
	char last[3];
};

static int container_of_halves(struct conform_dev *dev)
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
	CHECK(BUILD_BUG_ON_ZERO(0) == 0);
	CHECK(ARRAY_SIZE(grid) == 3 && ARRAY_SIZE(grid[0]) == 5 && ARRAY_SIZE(o.last) == 3);
	CHECK(container_of(mp, struct outer, middle) == &o);
	CHECK(container_of(lp, struct outer, last) == &o);
	CHECK(container_of((void *)&o.last, struct outer, last) == &o);
	CHECK(container_of_const(lp, struct outer, last) == &o);
	CHECK(upper_32_bits(both) == 0x12345678 && lower_32_bits(both) == 0x9abcdef0);
	CHECK(upper_32_bits(lower) == 0 && lower_32_bits(lower) == 0xdeadbeef);
	CHECK(upper_16_bits(lower) == 0xdead && lower_16_bits(lower) == 0xbeef);
	CHECK(REPEAT_BYTE(0x5a) == 0x5a5a5a5a5a5a5a5aUL);
	CHECK(typecheck(int, t) == 1);
	CHECK(sizeof_field(struct outer, last) == 3 && offsetofend(struct outer, middle) == 16);
	return 0;
}

struct item {
	int id;
	struct list_head node;
	struct hlist_node hnode;
};

static struct item items[10];

/* items[0..n-1] with ids 0..n-1, on no list. */
static void reset_items(int n)
{
	int i;

	for (i = 0; i < n; i++) {
		items[i].id = i;
		INIT_LIST_HEAD(&items[i].node);
		INIT_HLIST_NODE(&items[i].hnode);
	}
}

/* The ids of head's entries, first to last, as decimal digits (ids < 10). */
static unsigned long ids(struct list_head *head)
{
	struct item *it;
	unsigned long digits = 0;

	list_for_each_entry(it, head, node)
		digits = digits * 10 + it->id;
	return digits;
}

/* The same, last to first, which checks every prev pointer. */
static unsigned long ids_reverse(struct list_head *head)
{
	struct item *it;
	unsigned long digits = 0;

	list_for_each_entry_reverse(it, head, node)
		digits = digits * 10 + it->id;
	return digits;
}

/* A list whose forward and backward walks agree, as digits (first id 1..9). */
#define ORDER(head, want) (ids(head) == (want) && ids_reverse(head) == reverse_digits(want))

static unsigned long reverse_digits(unsigned long n)
{
	unsigned long r = 0;

	for (; n; n /= 10)
		r = r * 10 + n % 10;
	return r;
}

static int list_add_del_poison(struct conform_dev *dev)
{
	LIST_HEAD(head);
	struct item *a = &items[1], *b = &items[2], *c = &items[3], *d = &items[4];

	reset_items(5);
	CHECK(list_empty(&head) && list_count_nodes(&head) == 0);
	CHECK(list_first_entry_or_null(&head, struct item, node) == NULL);
	list_add(&a->node, &head);
	CHECK(list_is_singular(&head) && list_is_first(&a->node, &head) &&
	      list_is_last(&a->node, &head));
	list_add(&b->node, &head);
	list_add(&c->node, &head);
	list_add_tail(&d->node, &head);
	CHECK(ORDER(&head, 3214) && list_count_nodes(&head) == 4 && !list_is_singular(&head));
	CHECK(list_first_entry(&head, struct item, node) == c);
	CHECK(list_last_entry(&head, struct item, node) == d);
	CHECK(list_first_entry_or_null(&head, struct item, node) == c);
	CHECK(list_next_entry(c, node) == b && list_prev_entry(a, node) == b);
	CHECK(list_is_last(&d->node, &head) && !list_is_last(&a->node, &head));
	CHECK(list_is_first(&c->node, &head) && list_is_head(&head, &head));
	list_del(&b->node);
	CHECK(ORDER(&head, 314));
	CHECK(b->node.next == LIST_POISON1 && b->node.prev == LIST_POISON2);
	list_del_init(&a->node);
	CHECK(ORDER(&head, 34) && list_empty(&a->node));
	list_del_init(&a->node);
	CHECK(list_empty(&a->node) && ORDER(&head, 34));
	return 0;
}

static int list_move_replace(struct conform_dev *dev)
{
	LIST_HEAD(one);
	LIST_HEAD(two);
	int i;

	reset_items(10);
	for (i = 1; i <= 4; i++)
		list_add_tail(&items[i].node, &one);
	list_move(&items[3].node, &two);
	list_move(&items[1].node, &two);
	CHECK(ORDER(&one, 24) && ORDER(&two, 13));
	list_move_tail(&items[2].node, &two);
	CHECK(ORDER(&one, 4) && ORDER(&two, 132) && list_is_singular(&one));
	/* Moving within one list. */
	list_move_tail(&items[1].node, &two);
	CHECK(ORDER(&two, 321));
	list_replace(&items[2].node, &items[5].node);
	CHECK(ORDER(&two, 351));
	list_replace_init(&items[5].node, &items[6].node);
	CHECK(ORDER(&two, 361) && list_empty(&items[5].node));
	return 0;
}

static int list_splice_joins(struct conform_dev *dev)
{
	LIST_HEAD(h1);
	LIST_HEAD(h2);
	LIST_HEAD(empty);
	int i;

	reset_items(10);
	for (i = 1; i <= 3; i++)
		list_add_tail(&items[i].node, &h1);
	list_add_tail(&items[4].node, &h2);
	list_add_tail(&items[5].node, &h2);
	list_splice(&h2, &h1);
	CHECK(ORDER(&h1, 45123));
	/* h2's head is stale now: rebuild the lists. */
	INIT_LIST_HEAD(&h1);
	INIT_LIST_HEAD(&h2);
	for (i = 1; i <= 3; i++)
		list_add_tail(&items[i].node, &h1);
	list_add_tail(&items[4].node, &h2);
	list_add_tail(&items[5].node, &h2);
	list_splice_tail_init(&h2, &h1);
	CHECK(ORDER(&h1, 12345) && list_empty(&h2));
	list_move(&items[1].node, &h2);
	list_move_tail(&items[2].node, &h2);
	list_splice_init(&h2, &h1);
	CHECK(ORDER(&h1, 12345) && list_empty(&h2) && !list_is_singular(&h2));
	INIT_LIST_HEAD(&h2);
	list_move(&items[5].node, &h2);
	list_splice_tail(&h2, &h1);
	CHECK(ORDER(&h1, 12345));
	/* Splicing an empty list changes nothing. */
	list_splice(&empty, &h1);
	list_splice_tail(&empty, &h1);
	list_splice_init(&empty, &h1);
	list_splice_tail_init(&empty, &h1);
	CHECK(ORDER(&h1, 12345) && list_empty(&empty));
	return 0;
}

static int list_iterate_delete(struct conform_dev *dev)
{
	LIST_HEAD(head);
	struct list_head *pos, *n;
	struct item *it, *next;
	unsigned long digits = 0;
	int i, count = 0;

	reset_items(10);
	for (i = 1; i <= 9; i++)
		list_add_tail(&items[i].node, &head);
	list_for_each(pos, &head)
		count++;
	list_for_each_prev(pos, &head)
		count++;
	CHECK(count == 18);
	/* Remove the even ones while iterating. */
	list_for_each_entry_safe(it, next, &head, node)
		if (it->id % 2 == 0)
			list_del(&it->node);
	CHECK(ORDER(&head, 13579) && items[2].node.next == LIST_POISON1);
	/* continue: from after the entry at hand. */
	it = &items[3];
	list_for_each_entry_continue(it, &head, node)
		digits = digits * 10 + it->id;
	CHECK(digits == 579 && list_entry_is_head(it, &head, node));
	digits = 0;
	it = &items[7];
	list_for_each_entry_continue_reverse(it, &head, node)
		digits = digits * 10 + it->id;
	CHECK(digits == 531);
	/* from: starting with the entry at hand. */
	digits = 0;
	it = &items[5];
	list_for_each_entry_from(it, &head, node)
		digits = digits * 10 + it->id;
	CHECK(digits == 579);
	/* list_prepare_entry(NULL) starts continue at the first entry. */
	digits = 0;
	it = NULL;
	it = list_prepare_entry(it, &head, node);
	list_for_each_entry_continue(it, &head, node)
		digits = digits * 10 + it->id;
	CHECK(digits == 13579);
	/* Reverse, removing as we go. */
	digits = 0;
	list_for_each_entry_safe_reverse(it, next, &head, node) {
		digits = digits * 10 + it->id;
		if (it->id > 5)
			list_del_init(&it->node);
	}
	CHECK(digits == 97531 && ORDER(&head, 135));
	/* Remove everything with list_for_each_safe. */
	list_for_each_safe(pos, n, &head) {
		list_del(pos);
	}
	CHECK(list_empty(&head) && list_entry(&items[4].node, struct item, node) == &items[4]);
	return 0;
}

static int hlist_ops(struct conform_dev *dev)
{
	HLIST_HEAD(bucket);
	struct hlist_head other;
	struct hlist_node *pos, *n;
	struct item *it;
	unsigned long digits = 0;

	reset_items(10);
	INIT_HLIST_HEAD(&other);
	CHECK(hlist_empty(&bucket) && hlist_empty(&other) && hlist_unhashed(&items[1].hnode));
	hlist_add_head(&items[1].hnode, &bucket);
	hlist_add_head(&items[2].hnode, &bucket);
	hlist_add_head(&items[3].hnode, &bucket);
	CHECK(!hlist_empty(&bucket) && !hlist_unhashed(&items[1].hnode));
	hlist_for_each_entry(it, &bucket, hnode)
		digits = digits * 10 + it->id;
	CHECK(digits == 321);
	hlist_add_before(&items[4].hnode, &items[2].hnode);
	hlist_add_behind(&items[5].hnode, &items[1].hnode);
	digits = 0;
	hlist_for_each_entry(it, &bucket, hnode)
		digits = digits * 10 + it->id;
	CHECK(digits == 34215);
	/* Removing the first, a middle and the last entry. */
	hlist_del(&items[3].hnode);
	CHECK(items[3].hnode.next == LIST_POISON1 && (void *)items[3].hnode.pprev == LIST_POISON2);
	hlist_del_init(&items[2].hnode);
	CHECK(hlist_unhashed(&items[2].hnode));
	hlist_del_init(&items[2].hnode);
	hlist_del(&items[5].hnode);
	digits = 0;
	hlist_for_each(pos, &bucket)
		digits = digits * 10 + hlist_entry(pos, struct item, hnode)->id;
	CHECK(digits == 41);
	CHECK(hlist_entry_safe((struct hlist_node *)NULL, struct item, hnode) == NULL);
	/* Remove all while iterating. */
	digits = 0;
	hlist_for_each_entry_safe(it, n, &bucket, hnode) {
		digits = digits * 10 + it->id;
		hlist_del_init(&it->hnode);
	}
	CHECK(digits == 41 && hlist_empty(&bucket));
	hlist_add_head(&items[6].hnode, &other);
	hlist_for_each_safe(pos, n, &other) {
		hlist_del(pos);
	}
	CHECK(hlist_empty(&other));
	return 0;
}

#if !defined(__LITTLE_ENDIAN) || !defined(__LITTLE_ENDIAN_BITFIELD) || defined(__BIG_ENDIAN) || \
	defined(__BIG_ENDIAN_BITFIELD)
#error "x86-64 is little-endian: __LITTLE_ENDIAN* defined, __BIG_ENDIAN* not"
#endif

static volatile u32 vword = 0x12345678;

/* The bytes of a value as it sits in memory, first byte in the top digits. */
static u64 bytes_of(const void *p, unsigned int n)
{
	const u8 *b = p;
	u64 v = 0;

	while (n--)
		v = v << 8 | *b++;
	return v;
}

/* A protocol switch as network drivers write it: case labels in network order. */
static int protocol(__be16 proto)
{
	switch (proto) {
	case htons(0x0800):
		return 4;
	case cpu_to_be16(0x86dd):
		return 6;
	}
	return 0;
}

static int swab_values(struct conform_dev *dev)
{
	u16 h = 0x1234;
	u32 w = 0x12345678;
	u64 q = 0x0102030405060708ULL;

	static_assert(swab32(1) == 0x01000000, "a swap of a constant is a constant");
	CHECK(swab16(0x1234) == 0x3412 && swab32(0x12345678) == 0x78563412);
	CHECK(swab64(0x0102030405060708ULL) == 0x0807060504030201ULL);
	CHECK(swab32(vword) == 0x78563412 && swab16((u16)vword) == 0x7856);
	CHECK(swahw32(0x12345678) == 0x56781234 && swahb32(0x12345678) == 0x34127856);
	CHECK(swab16p(&h) == 0x3412 && swab32p(&w) == 0x78563412);
	CHECK(swab64p(&q) == 0x0807060504030201ULL);
	swab16s(&h);
	swab32s(&w);
	swab64s(&q);
	CHECK(h == 0x3412 && w == 0x78563412 && q == 0x0807060504030201ULL);
	CHECK(__swab(0x0102030405060708UL) == 0x0807060504030201UL);
	return 0;
}

static int le_be_conversions(struct conform_dev *dev)
{
	__le16 l16 = cpu_to_le16(0x1234);
	__be16 b16 = cpu_to_be16(0x1234);
	__le32 l32 = cpu_to_le32(0x12345678);
	__be32 b32 = cpu_to_be32(0x12345678);
	__le64 l64 = cpu_to_le64(0x0102030405060708ULL);
	__be64 b64 = cpu_to_be64(0x0102030405060708ULL);
	u32 host = 0x12345678, arr[2] = { 0x11223344, 0x55667788 };
	__be32 net[2];
	u16 h16 = 0x1234;

	CHECK(bytes_of(&l16, 2) == 0x3412 && bytes_of(&b16, 2) == 0x1234);
	CHECK(bytes_of(&l32, 4) == 0x78563412 && bytes_of(&b32, 4) == 0x12345678);
	CHECK(bytes_of(&l64, 8) == 0x0807060504030201ULL &&
	      bytes_of(&b64, 8) == 0x0102030405060708ULL);
	CHECK(le16_to_cpu(l16) == 0x1234 && be16_to_cpu(b16) == 0x1234);
	CHECK(le32_to_cpu(l32) == 0x12345678 && be32_to_cpu(b32) == 0x12345678);
	CHECK(le64_to_cpu(l64) == 0x0102030405060708ULL &&
	      be64_to_cpu(b64) == 0x0102030405060708ULL);
	CHECK(le32_to_cpup(&l32) == 0x12345678 && be32_to_cpup(&b32) == 0x12345678);
	CHECK(le16_to_cpup(&l16) == 0x1234 && be16_to_cpup(&b16) == 0x1234);
	CHECK(le64_to_cpup(&l64) == 0x0102030405060708ULL &&
	      be64_to_cpup(&b64) == 0x0102030405060708ULL);
	CHECK(cpu_to_le32p(&host) == l32 && cpu_to_be32p(&host) == b32);
	CHECK(cpu_to_le16p(&h16) == l16 && cpu_to_be16p(&h16) == b16);
	CHECK(htons(0x0800) == cpu_to_be16(0x0800) &&
	      bytes_of((__be16[]){ htons(0x0800) }, 2) == 0x0800);
	CHECK(ntohs(htons(0xabcd)) == 0xabcd && ntohl(htonl(0xdeadbeef)) == 0xdeadbeef);
	CHECK(protocol(htons(0x0800)) == 4 && protocol(htons(0x86dd)) == 6 && protocol(0) == 0);
	CHECK(__constant_htons(0x0800) == htons(0x0800) &&
	      __constant_cpu_to_le32(5) == cpu_to_le32(5));
	/* In-place forms: nothing for little-endian, a swap for big-endian. */
	le32_to_cpus(&host);
	cpu_to_le16s(&h16);
	CHECK(host == 0x12345678 && h16 == 0x1234);
	cpu_to_be32s(&host);
	be16_to_cpus(&h16);
	CHECK(host == 0x78563412 && h16 == 0x3412);
	/* Adding to a stored value. */
	le32_add_cpu(&l32, 0x10);
	be32_add_cpu(&b32, 0x10);
	le16_add_cpu(&l16, 1);
	be64_add_cpu(&b64, 1);
	CHECK(le32_to_cpu(l32) == 0x12345688 && be32_to_cpu(b32) == 0x12345688);
	CHECK(le16_to_cpu(l16) == 0x1235 && be64_to_cpu(b64) == 0x0102030405060709ULL);
	cpu_to_be32_array(net, arr, 2);
	CHECK(bytes_of(net, 8) == 0x1122334455667788ULL);
	be32_to_cpu_array(arr, net, 2);
	CHECK(arr[0] == 0x11223344 && arr[1] == 0x55667788);
	cpu_to_le32_array(arr, 2);
	le32_to_cpu_array(arr, 2);
	CHECK(arr[0] == 0x11223344);
	return 0;
}

static int unaligned_access(struct conform_dev *dev)
{
	u8 buf[24];
	unsigned int i;

	for (i = 0; i < sizeof(buf); i++)
		buf[i] = (u8)i;
	CHECK(get_unaligned_le16(buf + 1) == 0x0201 && get_unaligned_be16(buf + 1) == 0x0102);
	CHECK(get_unaligned_le32(buf + 3) == 0x06050403 &&
	      get_unaligned_be32(buf + 3) == 0x03040506);
	CHECK(get_unaligned_le64(buf + 1) == 0x0807060504030201ULL);
	CHECK(get_unaligned_be64(buf + 5) == 0x05060708090a0b0cULL);
	CHECK(get_unaligned((const u32 *)(buf + 1)) == 0x04030201);
	CHECK(get_unaligned((const u16 *)(buf + 7)) == 0x0807);
	CHECK(get_unaligned((const u64 *)(buf + 3)) == 0x0a09080706050403ULL);
	CHECK(get_unaligned_le24(buf + 1) == 0x030201 && get_unaligned_be24(buf + 1) == 0x010203);
	put_unaligned_le16(0xbeef, buf + 5);
	CHECK(buf[4] == 4 && buf[5] == 0xef && buf[6] == 0xbe && buf[7] == 7);
	put_unaligned_be16(0xbeef, buf + 5);
	CHECK(buf[5] == 0xbe && buf[6] == 0xef);
	put_unaligned_le32(0xdeadbeef, buf + 9);
	CHECK(bytes_of(buf + 8, 6) == 0x08efbeadde0dULL);
	put_unaligned_be32(0xdeadbeef, buf + 9);
	CHECK(bytes_of(buf + 9, 4) == 0xdeadbeef);
	put_unaligned_le64(0x1122334455667788ULL, buf + 3);
	CHECK(bytes_of(buf + 3, 8) == 0x8877665544332211ULL && buf[2] == 2 && buf[11] == 0xbe);
	put_unaligned_be64(0x1122334455667788ULL, buf + 13);
	CHECK(bytes_of(buf + 13, 8) == 0x1122334455667788ULL && buf[21] == 21);
	put_unaligned((u32)0xcafef00d, (u32 *)(buf + 1));
	CHECK(get_unaligned_le32(buf + 1) == 0xcafef00d);
	put_unaligned((u16)0x1234, (u16 *)(buf + 15));
	CHECK(buf[15] == 0x34 && buf[16] == 0x12);
	put_unaligned_le24(0xabcdef, buf + 17);
	CHECK(bytes_of(buf + 17, 3) == 0xefcdab && get_unaligned_le24(buf + 17) == 0xabcdef);
	put_unaligned_be24(0xabcdef, buf + 17);
	CHECK(bytes_of(buf + 17, 3) == 0xabcdef && get_unaligned_be24(buf + 17) == 0xabcdef);
	return 0;
}

/* The 64-bit divisions: quotients truncate toward zero, a remainder takes the dividend's sign. */
static int div64_forms(struct conform_dev *dev)
{
	static volatile u64 big = 10000000000000000007ULL;
	u64 n = big, q;
	u32 rem32, r;
	s32 srem;
	u64 rem64;

	CHECK(div_u64(big, 10) == 1000000000000000000ULL);
	CHECK(div_u64_rem(big, 10, &rem32) == 1000000000000000000ULL && rem32 == 7);
	CHECK(div_u64(big, 0xffffffffu) == 2328306437ULL);
	CHECK(div_s64(-7, 2) == -3 && div_s64(7, -2) == -3 && div_s64(-7, -2) == 3);
	CHECK(div_s64_rem(-7, 2, &srem) == -3 && srem == -1);
	CHECK(div_s64_rem(7, -2, &srem) == -3 && srem == 1);
	CHECK(div64_u64(big, 1000000000000ULL) == 10000000ULL);
	CHECK(div64_u64_rem(big, 3000000000000000000ULL, &rem64) == 3 &&
	      rem64 == 1000000000000000007ULL);
	CHECK(div64_s64(-9000000000000LL, 4000000000000LL) == -2);
	CHECK(div64_ul(big, 100000000000ULL) == 100000000ULL);
	/* do_div: n becomes the quotient, the remainder is returned. */
	r = do_div(n, 1000000000u);
	CHECK(n == 10000000000ULL && r == 7);
	n = 5;
	r = do_div(n, 7);
	CHECK(n == 0 && r == 5);
	q = 0xffffffffffffffffULL;
	r = do_div(q, 0x10000u);
	CHECK(q == 0xffffffffffffULL && r == 0xffff);
	CHECK(DIV64_U64_ROUND_UP(10ULL, 4ULL) == 3 && DIV64_U64_ROUND_UP(8ULL, 4ULL) == 2);
	CHECK(DIV64_U64_ROUND_CLOSEST(10ULL, 4ULL) == 3 &&
	      DIV64_U64_ROUND_CLOSEST(9ULL, 4ULL) == 2);
	CHECK(DIV_U64_ROUND_CLOSEST(big, 3u) == 3333333333333333336ULL);
	CHECK(mul_u32_u32(0xffffffffu, 0xffffffffu) == 0xfffffffe00000001ULL);
	CHECK(mul_u64_u32_shr(1ULL << 40, 3, 8) == 3ULL << 32);
	return 0;
}

static const struct conform_case bits_cases[] = {
	{ "genmask_bit", genmask_bit },
	{ "field_get_prep", field_get_prep },
	{ "bitops_multiword", bitops_multiword },
	{ "find_bit_edges", find_bit_edges },
	{ "ffs_fls", ffs_fls },
	{ "hweight_counts", hweight_counts },
	{ "rotate_sign_extend", rotate_sign_extend },
	{ "bitmap_ops", bitmap_ops },
	{ "ilog2_roundup", ilog2_roundup },
	{ "min_max_clamp", min_max_clamp },
	{ "divide_round", divide_round },
	{ "div64_forms", div64_forms },
	{ "align_macros", align_macros },
	{ "type_limits", type_limits },
	{ "overflow_checked", overflow_checked },
	{ "container_of_halves", container_of_halves },
	{ "list_add_del_poison", list_add_del_poison },
	{ "list_move_replace", list_move_replace },
	{ "list_splice_joins", list_splice_joins },
	{ "list_iterate_delete", list_iterate_delete },
	{ "hlist_ops", hlist_ops },
	{ "swab_values", swab_values },
	{ "le_be_conversions", le_be_conversions },
	{ "unaligned_access", unaligned_access },
};
CONFORM_SUITE(bits, bits_cases);
