// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * test_dmadebug.c - --debug=dma over the fake door (fake_dma.c): each
 * DMA-API rule a driver breaks gives exactly its report, correct use
 * gives none; mappings left at exit are the leaks checker's; and under
 * --debug=dma-strict every mapping is an IOMMU mapping of its own, at an
 * IOVA below the mask that is not the buffer's address, unmapped when
 * the driver unmaps.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "../../shim/entry.h"
#include "host.h"
#include "debuglog.h"
#include "fake_dma.h"
#include "kworld/ktest_dmadebug.h"
#include "../../tools/uldd/dmafault.h"

/* Device 1's DMA_FROM_DEVICE mapping under dma-strict, unmapped by now. */
static unsigned long long strict_a1;

static int setup(void **state)
{
	(void)state;
	return KTEST(ktest_dmadebug_setup)(debuglog_start("dma,leaks"),
					   fake_dma_dev(0, "0000:00:10.0", 0));
}

struct rule_case {
	int rule;
	const char *title; /* what the one report says; NULL: no report */
};

static const struct rule_case rule_cases[] = {
	{ KTEST_DMADEBUG_NONE, NULL },
	{ KTEST_DMADEBUG_CPU_WRITE_AFTER_SYNC, NULL },
	{ KTEST_DMADEBUG_SG, NULL },
	{ KTEST_DMADEBUG_DOUBLE_UNMAP, "dma_unmap_single() of 0x" },
	{ KTEST_DMADEBUG_NEVER_MAPPED, "(512 bytes), which was never mapped" },
	{ KTEST_DMADEBUG_WRONG_SIZE, "with size 256, but it was mapped with size 512" },
	{ KTEST_DMADEBUG_WRONG_DIR,
	  "with direction DMA_TO_DEVICE, but it was mapped DMA_FROM_DEVICE" },
	{ KTEST_DMADEBUG_NO_ERROR_CHECK, "device driver failed to check map error" },
	{ KTEST_DMADEBUG_CPU_WRITE,
	  "CPU wrote to a buffer mapped DMA_TO_DEVICE while the device owned it" },
	{ KTEST_DMADEBUG_WRONG_KIND, "which dma_map_single() mapped: wrong function" },
	{ KTEST_DMADEBUG_SYNC_PAST_END, "dma_sync_single_for_cpu() of 32 bytes at 0x" },
	{ KTEST_DMADEBUG_SYNC_UNMAPPED, "(512 bytes), which is already unmapped" },
	{ KTEST_DMADEBUG_COHERENT_DOUBLE_FREE, "dma_free_coherent() of 0x" },
};

static void run_rules(void)
{
	for (size_t i = 0; i < sizeof(rule_cases) / sizeof(rule_cases[0]); i++) {
		const struct rule_case *c = &rule_cases[i];
		unsigned long before = KTEST(ktest_dmadebug_rule)(KTEST_DMADEBUG_NONE);

		debuglog_reset();
		assert_int_equal(KTEST(ktest_dmadebug_rule)(c->rule), before + (c->title != NULL));
		if (!c->title) {
			assert_string_equal(debuglog_titles, "");
			continue;
		}
		/* Exactly one title, the rule's, on this device. */
		assert_non_null(strstr(debuglog_titles, "BUG: DMA-API: 0000:00:10.0: "));
		assert_non_null(strstr(debuglog_titles, c->title));
		assert_ptr_equal(strchr(debuglog_titles, '|'),
				 debuglog_titles + strlen(debuglog_titles) - 1);
		assert_non_null(strstr(debuglog_text, "now at:"));
	}
}

static void test_dmadebug_each_rule_reports_once(void **state)
{
	(void)state;
	run_rules();
}

static void test_dmadebug_double_unmap_names_first_unmap(void **state)
{
	(void)state;
	debuglog_reset();
	KTEST(ktest_dmadebug_rule)(KTEST_DMADEBUG_DOUBLE_UNMAP);
	assert_non_null(strstr(debuglog_titles, "which is already unmapped"));
	assert_non_null(strstr(debuglog_text, "made by dma_map_single() at:\n frame"));
	assert_non_null(strstr(debuglog_text, "and dropped by dma_unmap_single() in:\n frame"));
}

static void test_dmadebug_strict_own_iovas(void **state)
{
	struct fake_dma_stats st0, st1, st2;
	unsigned long long a[3];

	(void)state;
	KTEST(ktest_dmadebug_mask)(debuglog_start("dma,leaks,dma-strict"));
	fake_dma_stats(&st0);
	assert_int_equal(KTEST(ktest_dmadebug_strict)(fake_dma_dev(1, "0000:00:11.0", 0), 28, a),
			 0);
	fake_dma_stats(&st1);
	/* dma_set_mask() mapped no chunk: two streaming mappings and a coherent block. */
	assert_int_equal(st1.maps - st0.maps, 3);
	/* The fake device reaches each buffer through its own IOVA. */
	assert_non_null(fake_dma_va(a[0], 64));
	assert_non_null(fake_dma_va(a[1], 64));
	assert_ptr_not_equal(fake_dma_va(a[0], 1), fake_dma_va(a[1], 1));
	KTEST(ktest_dmadebug_strict_release)();
	fake_dma_stats(&st2);
	assert_int_equal(st2.unmaps - st1.unmaps, 3);
	assert_int_equal(st2.bad_unmaps, st0.bad_unmaps);
	/* Unmapped: the device reaches nothing there any more. */
	assert_null(fake_dma_va(a[0], 1));
	assert_null(fake_dma_va(a[1], 1));
	strict_a1 = a[1];
}

/* The kernel's line for a fault of the device at addr, as /dev/kmsg gives its debuglog_text. */
static void fault_line(char *buf, size_t len, const char *bdf, unsigned long long addr)
{
	snprintf(
		buf, len,
		"DMAR: [DMA Write NO_PASID] Request device [%s] fault addr 0x%llx [fault reason 0x05] PTE Write access is not set",
		bdf, addr);
}

static void test_dmadebug_strict_fault_names_mapping(void **state)
{
	unsigned long before = KTEST(ktest_dmadebug_strict_reports)();
	unsigned long long page = strict_a1 & ~0xfffULL;
	char line[256], bdf[16], want[160];
	uint64_t addr;
	int write;

	(void)state;
	assert_true(strict_a1 != 0);
	fault_line(line, sizeof(line), "00:11.0", page);
	assert_int_equal(tool_dmafault_parse(line, bdf, &addr, &write), 1);
	assert_string_equal(bdf, "00:11.0");
	assert_int_equal(addr, page);
	assert_int_equal(write, 1);
	/* Not a fault: no report to make. */
	assert_int_equal(
		tool_dmafault_parse("DMAR: DRHD: handling fault status reg 2", bdf, &addr, &write),
		0);

	debuglog_reset();
	uldd_k_uldd_enter("test");
	uldd_k_uldd_dma_strict_fault(bdf, addr, write);
	uldd_k_uldd_exit();
	assert_int_equal(KTEST(ktest_dmadebug_strict_reports)(), before + 1);
	snprintf(
		want, sizeof(want),
		"BUG: dma-strict: device 0000:00:11.0 wrote to IOVA %#llx after dma_unmap_single()|",
		page);
	assert_string_equal(debuglog_titles, want);
	assert_non_null(strstr(debuglog_text, "made by dma_map_single() at:\n frame"));
	assert_non_null(strstr(debuglog_text, "and dropped by dma_unmap_single() in:\n frame"));

	/* Another device's fault at the same IOVA is not this mapping's. */
	debuglog_reset();
	uldd_k_uldd_enter("test");
	uldd_k_uldd_dma_strict_fault("00:12.0", page, 1);
	uldd_k_uldd_exit();
	assert_non_null(strstr(debuglog_titles, "which no live mapping holds"));
}

static void test_dmadebug_strict_rules(void **state)
{
	struct fake_dma_stats st0, st1;

	(void)state;
	/* The same rules hold with IOVAs of dma-strict's own; bad unmaps never reach the IOMMU. */
	fake_dma_stats(&st0);
	run_rules();
	fake_dma_stats(&st1);
	assert_int_equal(st1.bad_unmaps, st0.bad_unmaps);
	assert_int_equal(st1.live, st0.live);
	KTEST(ktest_dmadebug_mask)(debuglog_start("dma,leaks"));
}

static void test_dmadebug_leaks_at_exit(void **state)
{
	unsigned long before;

	(void)state;
	assert_int_equal(KTEST(ktest_dmadebug_leak)(3), 0);
	debuglog_reset();
	before = KTEST(ktest_dmadebug_finish)();
	assert_int_equal(before, 1);
	assert_string_equal(debuglog_titles, "BUG: leaks: 4 DMA mappings still mapped at exit|");
	assert_non_null(strstr(debuglog_text, "0000:00:10.0: 0x"));
	assert_non_null(strstr(debuglog_text, "made by dma_alloc_coherent() at:\n frame"));
	/* Reported once: the table is empty after. */
	debuglog_reset();
	assert_int_equal(KTEST(ktest_dmadebug_finish)(), 1);
	assert_string_equal(debuglog_titles, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dmadebug_each_rule_reports_once),
		cmocka_unit_test(test_dmadebug_double_unmap_names_first_unmap),
		cmocka_unit_test(test_dmadebug_strict_own_iovas),
		cmocka_unit_test(test_dmadebug_strict_fault_names_mapping),
		cmocka_unit_test(test_dmadebug_strict_rules),
		cmocka_unit_test(test_dmadebug_leaks_at_exit),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
