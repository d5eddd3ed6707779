// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * test_iova.c - the IOVA allocator: identity reservations, allocation below
 * a DMA mask from the top down, holes the IOMMU excludes, and exhaustion.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>

#include "internal.h"

#define MiB (1ull << 20)
#define MASK28 ((1ull << 28) - 1)

/* The q35 intel-iommu layout: 48 bits minus the MSI window. */
static const struct uh_iova_range q35[] = {
	{ 0xfef00000ull, (1ull << 48) - 1 },
	{ 0x0, 0xfedfffffull },
};

static struct uh_iova_space *make(void)
{
	struct uh_iova_space *s = NULL;

	assert_int_equal(uh_iova_create(q35, 2, &s), 0);
	return s;
}

static void test_iova_reserve_identity(void **state)
{
	struct uh_iova_space *s = make();
	uint64_t va = 0x7f1234500000ull;

	(void)state;
	assert_int_equal(uh_iova_reserve(s, va, 2 * MiB), 0);
	assert_int_equal(uh_iova_reserve(s, va + MiB, 4096), EBUSY);
	assert_int_equal(uh_iova_reserve(s, va - 4096, 8192), EBUSY);
	assert_int_equal(uh_iova_reserve(s, va + 2 * MiB, 4096), 0);
	assert_int_equal(uh_iova_free(s, va, 2 * MiB), 0);
	assert_int_equal(uh_iova_reserve(s, va + MiB, 4096), 0);
	uh_iova_destroy(s);
}

static void test_iova_reserve_outside_aperture(void **state)
{
	struct uh_iova_space *s = make();

	(void)state;
	/* The MSI window and the space above 48 bits are not the IOMMU's. */
	assert_int_equal(uh_iova_reserve(s, 0xfee00000ull, 4096), ERANGE);
	assert_int_equal(uh_iova_reserve(s, 0xfedff000ull, 8192), ERANGE);
	assert_int_equal(uh_iova_reserve(s, 1ull << 48, 4096), ERANGE);
	assert_int_equal(uh_iova_reserve(s, 0, 0), EINVAL);
	uh_iova_destroy(s);
}

static void test_iova_alloc_below_mask_top_down(void **state)
{
	struct uh_iova_space *s = make();
	uint64_t a, b;

	(void)state;
	assert_int_equal(uh_iova_alloc(s, 8192, 4096, MASK28, &a), 0);
	assert_int_equal(a, (1ull << 28) - 8192);
	assert_int_equal(uh_iova_alloc(s, 4096, 4096, MASK28, &b), 0);
	assert_int_equal(b, a - 4096);
	/* A 2 MiB block keeps its alignment. */
	assert_int_equal(uh_iova_alloc(s, 2 * MiB, 2 * MiB, MASK28, &b), 0);
	assert_int_equal(b % (2 * MiB), 0);
	assert_true(b + 2 * MiB <= a - 4096);
	uh_iova_destroy(s);
}

static void test_iova_alloc_skips_hole_and_used(void **state)
{
	struct uh_iova_space *s = make();
	uint64_t a;

	(void)state;
	/* With a 32-bit mask the top of the space is the MSI window: skip it. */
	assert_int_equal(uh_iova_alloc(s, 4096, 4096, 0xffffffffull, &a), 0);
	assert_int_equal(a, 0xfffff000ull);
	assert_int_equal(uh_iova_reserve(s, 0xfed00000ull, 0x100000ull), 0);
	assert_int_equal(uh_iova_alloc(s, 0x200000ull, 4096, 0xfeefffffull, &a), 0);
	assert_int_equal(a, 0xfed00000ull - 0x200000ull);
	uh_iova_destroy(s);
}

static void test_iova_alloc_fills_gap_between_blocks(void **state)
{
	struct uh_iova_space *s = make();
	uint64_t a;

	(void)state;
	assert_int_equal(uh_iova_reserve(s, 0x10000000ull - 0x1000, 0x1000), 0);
	assert_int_equal(uh_iova_reserve(s, 0x10000000ull - 0x4000, 0x1000), 0);
	/* Too big for the 8 KiB gap between them: goes below the second. */
	assert_int_equal(uh_iova_alloc(s, 0x3000, 4096, MASK28, &a), 0);
	assert_int_equal(a, 0x10000000ull - 0x7000);
	/* Fits the gap. */
	assert_int_equal(uh_iova_alloc(s, 0x2000, 4096, MASK28, &a), 0);
	assert_int_equal(a, 0x10000000ull - 0x3000);
	uh_iova_destroy(s);
}

static void test_iova_alloc_exhaustion(void **state)
{
	static const struct uh_iova_range tiny[] = { { 0x1000, 0x4fff } };
	struct uh_iova_space *s = NULL;
	uint64_t a;
	int n = 0;

	(void)state;
	assert_int_equal(uh_iova_create(tiny, 1, &s), 0);
	while (uh_iova_alloc(s, 4096, 4096, ~0ull, &a) == 0)
		n++;
	assert_int_equal(n, 4);
	assert_int_equal(uh_iova_alloc(s, 4096, 4096, ~0ull, &a), ENOSPC);
	assert_int_equal(uh_iova_free(s, 0x2000, 4096), 0);
	assert_int_equal(uh_iova_alloc(s, 4096, 4096, ~0ull, &a), 0);
	assert_int_equal(a, 0x2000);
	assert_int_equal(uh_iova_free(s, 0x2000, 8192), ENOENT);
	uh_iova_destroy(s);
}

static void test_iova_full_64bit_range(void **state)
{
	static const struct uh_iova_range all[] = { { 0, ~0ull } };
	struct uh_iova_space *s = NULL;
	uint64_t a;

	(void)state;
	assert_int_equal(uh_iova_create(all, 1, &s), 0);
	assert_int_equal(uh_iova_alloc(s, 4096, 4096, ~0ull, &a), 0);
	assert_int_equal(a, ~0ull - 4095);
	assert_int_equal(uh_iova_reserve(s, ~0ull - 4095, 4096), EBUSY);
	uh_iova_destroy(s);
}

static void test_iova_restrict_intersects_ranges(void **state)
{
	/* A later device whose IOMMU reserves 0x1000000-0x1ffffff as well. */
	static const struct uh_iova_range later[] = {
		{ 0, 0xffffffull },
		{ 0x2000000ull, (1ull << 39) - 1 },
	};
	struct uh_iova_space *s = make();
	uint64_t a;

	(void)state;
	assert_int_equal(uh_iova_restrict(s, later, 2), 0);
	assert_int_equal(uh_iova_reserve(s, 0x1000000ull, 4096), ERANGE);
	assert_int_equal(uh_iova_reserve(s, 1ull << 40, 4096), ERANGE);
	assert_int_equal(uh_iova_reserve(s, 0xfee00000ull, 4096), ERANGE); /* still out */
	assert_int_equal(uh_iova_alloc(s, 4096, 4096, 0x1ffffffull, &a), 0);
	assert_int_equal(a, 0xfff000ull);
	uh_iova_destroy(s);
}

static void test_iova_restrict_keeps_mapped_blocks(void **state)
{
	static const struct uh_iova_range narrow[] = { { 0, (1ull << 32) - 1 } };
	static const struct uh_iova_range elsewhere[] = { { 1ull << 50, 1ull << 51 } };
	struct uh_iova_space *s = make();

	(void)state;
	assert_int_equal(uh_iova_reserve(s, 0x7f0000000000ull, 4096), 0);
	/* Refused as a whole: the mapped block would fall outside. */
	assert_int_equal(uh_iova_restrict(s, narrow, 1), EBUSY);
	assert_int_equal(uh_iova_reserve(s, 0x7f0000001000ull, 4096), 0);
	assert_int_equal(uh_iova_restrict(s, elsewhere, 1), ERANGE);
	assert_int_equal(uh_iova_restrict(s, narrow, 0), EINVAL);
	uh_iova_destroy(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_iova_reserve_identity),
		cmocka_unit_test(test_iova_reserve_outside_aperture),
		cmocka_unit_test(test_iova_alloc_below_mask_top_down),
		cmocka_unit_test(test_iova_alloc_skips_hole_and_used),
		cmocka_unit_test(test_iova_alloc_fills_gap_between_blocks),
		cmocka_unit_test(test_iova_alloc_exhaustion),
		cmocka_unit_test(test_iova_full_64bit_range),
		cmocka_unit_test(test_iova_restrict_intersects_ranges),
		cmocka_unit_test(test_iova_restrict_keeps_mapped_blocks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
