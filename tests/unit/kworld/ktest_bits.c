// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ktest_bits.c - K-world checks for test_kheaders.c: BIT/GENMASK, the
 * bitfield macros, atomic and non-atomic bit operations on bitmaps of
 * several words, the bit searches at their edges, population counts,
 * rotations, bitmaps and the base-2 logarithms.
 */
#include <linux/bitfield.h>
#include <linux/bitmap.h>
#include <linux/bitops.h>
#include <linux/bits.h>
#include <linux/kernel.h>
#include <linux/log2.h>

#include "ktest.h"

/* Values gcc cannot fold, so the run-time paths run too. */
static volatile unsigned long vzero, vone = 1, vfive = 5, v4096 = 4096;

static int genmask(void)
{
	static_assert(GENMASK(3, 0) == 0xf, "GENMASK is a constant expression");
	KCHECK(GENMASK(31, 0) == 0xffffffffUL);
	KCHECK(GENMASK(63, 0) == ~0UL);
	KCHECK(GENMASK_ULL(63, 0) == ~0ULL);
	KCHECK(GENMASK_ULL(31, 0) == 0xffffffffULL);
	KCHECK(GENMASK(7, 4) == 0xf0);
	KCHECK(GENMASK(0, 0) == 1);
	KCHECK(GENMASK(63, 63) == 1UL << 63);
	KCHECK(GENMASK_ULL(39, 21) == 0xffffe00000ULL);
	KCHECK(sizeof(GENMASK(1, 0)) == sizeof(long));
	KCHECK(BIT(0) == 1 && BIT(63) == 0x8000000000000000UL);
	KCHECK(BIT_ULL(32) == 0x100000000ULL);
	KCHECK(BITS_PER_LONG == 64 && BITS_PER_BYTE == 8 && BITS_PER_TYPE(u32) == 32);
	KCHECK(BIT_WORD(63) == 0 && BIT_WORD(64) == 1 && BIT_MASK(65) == 2);
	KCHECK(BITS_TO_LONGS(0) == 0 && BITS_TO_LONGS(1) == 1 && BITS_TO_LONGS(64) == 1 &&
	       BITS_TO_LONGS(65) == 2);
	KCHECK(BITS_TO_U32(33) == 2 && BITS_TO_BYTES(9) == 2);
	return 0;
}

#define REG_NIBBLE GENMASK(7, 4)
#define REG_HIGH GENMASK_ULL(47, 40)
#define REG_ALL GENMASK_ULL(63, 0)
#define REG_BIT BIT(31)

static const u32 prepared = FIELD_PREP_CONST(GENMASK(15, 8), 0x5a);

static int bitfield(void)
{
	volatile u32 wide = 0x1f;
	u64 reg = 0x0000ab0000000000ULL;

	KCHECK(FIELD_PREP(REG_NIBBLE, 0xa) == 0xa0);
	KCHECK(FIELD_GET(REG_NIBBLE, 0x1234a5) == 0xa);
	KCHECK(FIELD_GET(REG_HIGH, reg) == 0xab);
	KCHECK(sizeof(FIELD_GET(REG_HIGH, reg)) == 8);
	KCHECK(FIELD_PREP(REG_HIGH, 0xcd) == 0x0000cd0000000000ULL);
	/* A run-time value too wide for the field loses its top bits. */
	KCHECK(FIELD_PREP(REG_NIBBLE, wide) == 0xf0);
	KCHECK(FIELD_FIT(REG_NIBBLE, 15));
	KCHECK(!FIELD_FIT(REG_NIBBLE, wide + 0));
	KCHECK(FIELD_MAX(REG_NIBBLE) == 15);
	KCHECK(FIELD_GET(REG_ALL, ~0ULL) == ~0ULL && FIELD_PREP(REG_ALL, 5) == 5);
	KCHECK(FIELD_GET(REG_BIT, 0x80000000u) == 1 && FIELD_PREP(REG_BIT, 1) == 0x80000000u);
	KCHECK(prepared == 0x5a00);
	return 0;
}

static int bitops_multiword(void)
{
	DECLARE_BITMAP(map, 200);
	unsigned long lock = 0;

	KCHECK(sizeof(map) == 4 * sizeof(long));
	bitmap_zero(map, 200);
	set_bit(0, map);
	set_bit(63, map);
	set_bit(64, map);
	set_bit(199, map);
	KCHECK(map[0] == (1UL | 1UL << 63) && map[1] == 1 && map[2] == 0 && map[3] == 1UL << 7);
	KCHECK(test_bit(0, map) && test_bit(63, map) && test_bit(64, map) && test_bit(199, map));
	KCHECK(!test_bit(1, map) && !test_bit(62, map) && !test_bit(65, map) &&
	       !test_bit(198, map));
	clear_bit(63, map);
	KCHECK(map[0] == 1);
	change_bit(64, map);
	change_bit(65, map);
	KCHECK(map[1] == 2);
	KCHECK(!test_and_set_bit(130, map) && test_and_set_bit(130, map));
	KCHECK(map[2] == 4);
	KCHECK(test_and_clear_bit(130, map) && !test_and_clear_bit(130, map));
	KCHECK(!test_and_change_bit(5, map) && test_bit(5, map));
	KCHECK(test_and_change_bit(5, map) && !test_bit(5, map));
	__set_bit(128, map);
	__clear_bit(199, map);
	__change_bit(127, map);
	KCHECK(map[1] == (2UL | 1UL << 63) && map[2] == 1 && map[3] == 0);
	KCHECK(!__test_and_set_bit(150, map) && __test_and_set_bit(150, map));
	KCHECK(__test_and_clear_bit(150, map) && !__test_and_clear_bit(150, map));
	KCHECK(!__test_and_change_bit(3, map) && __test_and_change_bit(3, map) && map[0] == 1);
	assign_bit(10, map, true);
	__assign_bit(11, map, true);
	assign_bit(0, map, false);
	KCHECK(map[0] == (3UL << 10));
	/* A bit lock: taken once, refused while held, taken again after unlock. */
	KCHECK(!test_and_set_bit_lock(2, &lock) && test_and_set_bit_lock(2, &lock));
	clear_bit_unlock(2, &lock);
	KCHECK(lock == 0 && !test_and_set_bit_lock(2, &lock));
	__clear_bit_unlock(2, &lock);
	KCHECK(lock == 0 && test_bit_acquire(2, &lock) == 0);
	/* Little-endian bit numbers in a byte array: bit 9 is byte 1, bit 1. */
	{
		unsigned long bytes[1] = { 0 };

		__set_bit_le(9, bytes);
		KCHECK(((u8 *)bytes)[1] == 2 && test_bit_le(9, bytes));
		clear_bit_le(9, bytes);
		KCHECK(bytes[0] == 0);
	}
	return 0;
}

static int find_edges(void)
{
	DECLARE_BITMAP(map, 200);
	DECLARE_BITMAP(small, 70);
	static const unsigned long want[] = { 3, 64, 127, 128, 199 };
	unsigned long bit, n;

	bitmap_zero(map, 200);
	KCHECK(find_first_bit(map, 200) == 200);
	KCHECK(find_next_bit(map, 200, 0) == 200);
	KCHECK(find_first_zero_bit(map, 200) == 0);
	KCHECK(find_last_bit(map, 200) == 200);
	KCHECK(find_first_bit(map, 0) == 0 && find_last_bit(map, 0) == 0);
	for (n = 0; n < ARRAY_SIZE(want); n++)
		set_bit(want[n], map);
	KCHECK(find_first_bit(map, 200) == 3);
	KCHECK(find_next_bit(map, 200, 3) == 3);
	KCHECK(find_next_bit(map, 200, 4) == 64);
	KCHECK(find_next_bit(map, 200, 64) == 64);
	KCHECK(find_next_bit(map, 200, 65) == 127);
	KCHECK(find_next_bit(map, 200, 128) == 128);
	KCHECK(find_next_bit(map, 200, 129) == 199);
	KCHECK(find_next_bit(map, 200, 200) == 200);
	KCHECK(find_next_bit(map, 200, 500) == 200);
	/* A set bit at or past size is not found. */
	KCHECK(find_next_bit(map, 199, 129) == 199);
	KCHECK(find_next_bit(map, 128, 65) == 127);
	KCHECK(find_first_bit(map, 3) == 3);
	KCHECK(find_last_bit(map, 200) == 199);
	KCHECK(find_last_bit(map, 199) == 128);
	KCHECK(find_last_bit(map, 64) == 3);
	KCHECK(find_last_bit(map, 3) == 3);
	KCHECK(find_next_zero_bit(map, 200, 3) == 4);
	KCHECK(find_next_zero_bit(map, 200, 127) == 129);
	n = 0;
	for_each_set_bit(bit, map, 200) {
		KCHECK(n < ARRAY_SIZE(want) && bit == want[n]);
		n++;
	}
	KCHECK(n == ARRAY_SIZE(want));
	n = 0;
	for_each_clear_bit(bit, map, 200)
		n++;
	KCHECK(n == 200 - ARRAY_SIZE(want));
	bit = 100;
	n = 0;
	for_each_set_bit_from(bit, map, 200)
		n++;
	KCHECK(n == 3);
	/* Bits set past size in the last word are ignored. */
	bitmap_zero(small, 70);
	small[1] = ~0UL << 6;
	KCHECK(find_first_bit(small, 70) == 70 && find_last_bit(small, 70) == 70);
	KCHECK(bitmap_empty(small, 70) && bitmap_weight(small, 70) == 0);
	bitmap_fill(map, 200);
	KCHECK(find_first_zero_bit(map, 200) == 200);
	clear_bit(150, map);
	KCHECK(find_first_zero_bit(map, 200) == 150);
	KCHECK(find_next_zero_bit(map, 200, 151) == 200);
	KCHECK(find_next_zero_bit(map, 150, 0) == 150);
	return 0;
}

static int ffs_fls(void)
{
	KCHECK(ffs(0) == 0 && ffs(1) == 1 && ffs(0x100) == 9 && ffs(-1) == 1);
	KCHECK(ffs((int)0x80000000u) == 32);
	KCHECK(fls(0) == 0 && fls(1) == 1 && fls(0x80000000u) == 32 && fls(0xffffffffu) == 32);
	KCHECK(fls(0x10) == 5);
	KCHECK(fls64(0) == 0 && fls64(1) == 1 && fls64(1ULL << 63) == 64 &&
	       fls64(1ULL << 32) == 33);
	KCHECK(__ffs(1) == 0 && __ffs(1UL << 63) == 63 && __ffs(0x30) == 4);
	KCHECK(__fls(1) == 0 && __fls(~0UL) == 63 && __fls(1UL << 63) == 63 && __fls(0x30) == 5);
	KCHECK(ffz(0) == 0 && ffz(0xff) == 8 && ffz(~0UL >> 1) == 63);
	KCHECK(fls_long(0) == 0 && fls_long(1UL << 40) == 41);
	KCHECK(__ffs64(1ULL << 50) == 50);
	KCHECK(get_count_order(0) == -1 && get_count_order(1) == 0 && get_count_order(2) == 1);
	KCHECK(get_count_order(3) == 2 && get_count_order(4) == 2 && get_count_order(5) == 3);
	KCHECK(get_count_order_long(1UL << 40) == 40 &&
	       get_count_order_long((1UL << 40) + 1) == 41);
	/* The same through values gcc does not see. */
	KCHECK(fls((unsigned int)vzero) == 0 && ffs((int)vzero) == 0 && fls64(vzero) == 0);
	KCHECK(fls((unsigned int)v4096) == 13 && ffs((int)v4096) == 13 && __ffs(v4096) == 12);
	return 0;
}

static int hweight(void)
{
	volatile u64 all = ~0ULL, ends = 0x8000000000000001ULL;
	volatile unsigned int mixed = 0xf0f0f0f0;

	static_assert(hweight32(0xf0f0) == 8, "hweight of a constant is a constant");
	static_assert(hweight64(0xffffffffffffffffULL) == 64, "hweight64 of a constant");
	KCHECK(hweight8(0xff) == 8 && hweight8(0) == 0 && hweight8(0x81) == 2);
	KCHECK(hweight64(0xff) == 8 && hweight32(-1) == 32 && hweight64(-1) == 64);
	KCHECK(hweight16(0x8001) == 2 && hweight16(0xffff) == 16);
	KCHECK(hweight32(0xffffffff) == 32 && hweight32(0x80000001) == 2);
	KCHECK(hweight64(all) == 64 && hweight64(ends) == 2 && hweight64(vzero) == 0);
	KCHECK(hweight32(mixed) == 16 && hweight16(mixed) == 8 && hweight8(mixed) == 4);
	KCHECK(hweight_long(all) == 64 && hweight_long(vone) == 1);
	return 0;
}

static int rotate_sign(void)
{
	KCHECK(rol32(0x80000001u, 1) == 3 && ror32(3, 1) == 0x80000001u);
	KCHECK(rol32(0x12345678u, 0) == 0x12345678u && ror32(0x12345678u, 32) == 0x12345678u);
	KCHECK(rol32(0x12345678u, 8) == 0x34567812u);
	KCHECK(rol64(1ULL << 63, 1) == 1 && ror64(1, 1) == 1ULL << 63);
	KCHECK(rol16(0x8001, 4) == 0x0018 && ror16(0x0018, 4) == 0x8001);
	KCHECK(rol8(0x81, 1) == 0x03 && ror8(0x03, 1) == 0x81);
	KCHECK(sign_extend32(0x80, 7) == -128 && sign_extend32(0x7f, 7) == 127);
	KCHECK(sign_extend32(0xffffffffu, 31) == -1 && sign_extend32(0x1ff, 7) == -1);
	KCHECK(sign_extend64(0x800000000ULL, 35) == -0x800000000LL);
	KCHECK(sign_extend64(0x7ffffffffULL, 35) == 0x7ffffffffLL);
	return 0;
}

static int bitmaps(void)
{
	DECLARE_BITMAP(a, 130);
	DECLARE_BITMAP(b, 130);
	DECLARE_BITMAP(c, 130);

	bitmap_zero(a, 130);
	KCHECK(bitmap_empty(a, 130) && !bitmap_full(a, 130) && bitmap_weight(a, 130) == 0);
	bitmap_set(a, 60, 10);
	KCHECK(bitmap_weight(a, 130) == 10);
	KCHECK(find_first_bit(a, 130) == 60 && find_last_bit(a, 130) == 69);
	KCHECK(a[0] == GENMASK(63, 60) && a[1] == GENMASK(5, 0));
	bitmap_clear(a, 62, 3);
	KCHECK(bitmap_weight(a, 130) == 7 && !test_bit(63, a) && test_bit(65, a));
	bitmap_set(a, 0, 130);
	KCHECK(bitmap_full(a, 130) && bitmap_weight(a, 130) == 130);
	bitmap_clear(a, 0, 130);
	KCHECK(bitmap_empty(a, 130));
	bitmap_set(a, 64, 64);
	KCHECK(a[0] == 0 && a[1] == ~0UL && a[2] == 0);
	/* Bits past nbits do not count. */
	bitmap_fill(b, 130);
	KCHECK(bitmap_full(b, 130));
	b[2] = 0x3;
	KCHECK(bitmap_full(b, 130));
	bitmap_copy(c, b, 130);
	c[2] |= 0x4;
	KCHECK(bitmap_equal(b, c, 130) && !bitmap_equal(b, c, 131));
	c[2] = 0x1;
	KCHECK(!bitmap_equal(b, c, 130));
	/* and/or/xor/andnot/complement, intersects and subset. */
	bitmap_zero(a, 130);
	bitmap_zero(b, 130);
	bitmap_set(a, 10, 20);
	bitmap_set(b, 25, 10);
	KCHECK(bitmap_and(c, a, b, 130) && bitmap_weight(c, 130) == 5);
	KCHECK(bitmap_intersects(a, b, 130) && !bitmap_subset(b, a, 130));
	KCHECK(bitmap_subset(c, a, 130) && bitmap_subset(c, b, 130));
	bitmap_or(c, a, b, 130);
	KCHECK(bitmap_weight(c, 130) == 25);
	bitmap_xor(c, a, b, 130);
	KCHECK(bitmap_weight(c, 130) == 20);
	KCHECK(bitmap_andnot(c, a, b, 130) && bitmap_weight(c, 130) == 15);
	KCHECK(!bitmap_andnot(c, a, a, 130));
	bitmap_complement(c, a, 130);
	KCHECK(bitmap_weight(c, 130) == 110 && !bitmap_intersects(a, c, 130));
	return 0;
}

enum { PAGE_ORDER_4K = ilog2(4096), ROUNDED = roundup_pow_of_two(5) };

static int log2_checks(void)
{
	static_assert(ilog2(4096) == 12 && order_base_2(5) == 3, "constant ilog2");
	static_assert(rounddown_pow_of_two(100) == 64, "constant rounddown_pow_of_two");
	KCHECK(PAGE_ORDER_4K == 12 && ROUNDED == 8);
	KCHECK(ilog2(1) == 0 && ilog2(2) == 1 && ilog2(3) == 1 && ilog2(~0ULL) == 63);
	KCHECK(ilog2(v4096) == 12 && ilog2(vfive) == 2 && ilog2(vone) == 0);
	KCHECK(ilog2(v4096 - 1) == 11 && ilog2(vzero) == -1);
	KCHECK(__ilog2_u32(0x80000000u) == 31 && __ilog2_u64(1ULL << 40) == 40);
	KCHECK(!is_power_of_2(0) && is_power_of_2(1) && !is_power_of_2(6) &&
	       is_power_of_2(1UL << 63));
	KCHECK(roundup_pow_of_two(1) == 1 && roundup_pow_of_two(8) == 8);
	KCHECK(roundup_pow_of_two(0x80000001UL) == 0x100000000UL);
	KCHECK(roundup_pow_of_two(vfive) == 8 && roundup_pow_of_two(vone) == 1);
	KCHECK(rounddown_pow_of_two(5) == 4 && rounddown_pow_of_two(1) == 1);
	KCHECK(rounddown_pow_of_two(vfive) == 4 && rounddown_pow_of_two(v4096) == 4096);
	KCHECK(__roundup_pow_of_two(4097) == 8192 && __rounddown_pow_of_two(4097) == 4096);
	KCHECK(order_base_2(0) == 0 && order_base_2(1) == 0 && order_base_2(2) == 1);
	KCHECK(order_base_2(3) == 2 && order_base_2(4096) == 12 && order_base_2(4097) == 13);
	KCHECK(order_base_2(vfive) == 3 && order_base_2(vone) == 0 && order_base_2(v4096) == 12);
	KCHECK(bits_per(0) == 1 && bits_per(1) == 1 && bits_per(255) == 8 && bits_per(256) == 9);
	KCHECK(bits_per(vzero) == 1 && bits_per(v4096) == 13);
	return 0;
}

static const struct ktest_check checks[] = {
	{ "genmask", genmask },
	{ "bitfield", bitfield },
	{ "bitops_multiword", bitops_multiword },
	{ "find_edges", find_edges },
	{ "ffs_fls", ffs_fls },
	{ "hweight", hweight },
	{ "rotate_sign", rotate_sign },
	{ "bitmaps", bitmaps },
	{ "log2", log2_checks },
};

int ktest_kh_bits(unsigned int i, const char **name, int run)
{
	return ktest_check_case(checks, ARRAY_SIZE(checks), i, name, run);
}
