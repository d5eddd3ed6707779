// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * test_dma.c - the shim's DMA layer (shim/kernel/dma/) over a fake door
 * (fake_dma.c: no VFIO here): the K-world table of kworld/ktest_dma.c, then
 * cases where this harness plays the device, reading and writing what an
 * IOVA reaches, and counts the door's map calls. The arena is real
 * (kernel/arena.c). The cases run in order on shared devices: 0 with 64-bit
 * masks, 1 with 28-bit masks, 2 on a fake device with no IOVA space.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host.h"
#include "fake_dma.h"
#include "ktable.h"
#include "kworld/ktest.h"

/* enum dma_data_direction */
#define BIDIR 0
#define TO_DEV 1
#define FROM_DEV 2

#define MAPS_PER_CASE 1000

static unsigned long maps_now(void)
{
	struct fake_dma_stats st;

	fake_dma_stats(&st);
	return st.maps;
}

static int dma_setup(void **state)
{
	(void)state;
	if (KTEST(ktest_dma_init)())
		return -1;
	if (KTEST(ktest_dma_attach)(0, fake_dma_dev(0, "0000:00:01.0", 0)) ||
	    KTEST(ktest_dma_attach)(1, fake_dma_dev(1, "0000:00:02.0", 0)))
		return -1;
	return KTEST(ktest_dma_set_mask)(0, 64, 2) ? -1 : 0;
}

static void test_dma_64bit_map_is_va_without_door_calls(void **state)
{
	unsigned long calls;
	char *buf = KTEST(ktest_dma_kmalloc)(1500);
	int i;

	(void)state;
	assert_non_null(buf);
	assert_int_equal(KTEST(ktest_dma_get_mask)(0), ~0ULL);
	calls = maps_now();
	for (i = 0; i < MAPS_PER_CASE; i++) {
		unsigned long long a = KTEST(ktest_dma_map)(0, buf + i, 100, i % 3);

		assert_int_equal(a, (uintptr_t)(buf + i));
		KTEST(ktest_dma_unmap)(0, a, 100, i % 3);
	}
	assert_int_equal(maps_now(), calls);
	KTEST(ktest_dma_kfree)(buf);
}

static void test_dma_set_mask_maps_each_chunk_once(void **state)
{
	unsigned long calls = maps_now(), chunks = KTEST(ktest_dma_chunks)();

	(void)state;
	/* Device 1 has the default 32-bit masks: 28 bits is a new class. */
	assert_int_equal(KTEST(ktest_dma_set_mask)(1, 28, 2), 0);
	assert_int_equal(maps_now() - calls, chunks);
	/* A second device of the class shares its mappings. */
	assert_int_equal(KTEST(ktest_dma_attach)(3, fake_dma_dev(3, "0000:00:04.0", 0)), 0);
	calls = maps_now();
	assert_int_equal(KTEST(ktest_dma_set_mask)(3, 28, 2), 0);
	assert_int_equal(maps_now(), calls);
	KTEST(ktest_dma_detach)(3);
}

static void test_dma_28bit_below_mask_and_device_writes_seen(void **state)
{
	unsigned char *buf = KTEST(ktest_dma_kmalloc)(8192);
	unsigned long long a, b;
	unsigned char *dev_view;
	unsigned long calls = maps_now();

	(void)state;
	assert_non_null(buf);
	memset(buf, 0x11, 8192);
	a = KTEST(ktest_dma_map)(1, buf, 8192, FROM_DEV);
	b = KTEST(ktest_dma_map)(1, buf + 1000, 100, TO_DEV);
	assert_int_equal(KTEST(ktest_dma_mapping_error)(1, a), 0);
	assert_true(a + 8191 < (1ULL << 28));
	assert_true(a != (uintptr_t)buf);
	/* One chunk, one offset: positions in the buffer are positions in IOVA. */
	assert_int_equal(b - a, 1000);
	assert_int_equal(maps_now(), calls);
	/* The device writes through what the IOVA reaches. */
	dev_view = fake_dma_va(a, 8192);
	assert_non_null(dev_view);
	assert_int_equal(dev_view[5], 0x11);
	memset(dev_view, 0x5a, 4096);
	KTEST(ktest_dma_unmap)(1, b, 100, TO_DEV);
	KTEST(ktest_dma_unmap)(1, a, 8192, FROM_DEV);
	assert_int_equal(buf[0], 0x5a);
	assert_int_equal(buf[4095], 0x5a);
	assert_int_equal(buf[4096], 0x11);
	KTEST(ktest_dma_kfree)(buf);
}

static void test_dma_coherent_under_28bit_mask(void **state)
{
	unsigned long long h;
	unsigned char *va = KTEST(ktest_dma_alloc_coherent)(1, 3000, &h);
	unsigned char *dev_view;
	int i;

	(void)state;
	assert_non_null(va);
	assert_int_equal((uintptr_t)va % 4096, 0);
	assert_true(h + 2999 < (1ULL << 28));
	for (i = 0; i < 3000; i++)
		assert_int_equal(va[i], 0);
	dev_view = fake_dma_va(h, 3000);
	assert_ptr_equal(dev_view, va);
	KTEST(ktest_dma_free_coherent)(1, 3000, va, h);
}

/* A buffer outside the arena, mapped in direction dir on device dev. */
static void check_bounce(unsigned int dev, int dir)
{
	unsigned char stack_buf[300];
	unsigned char *dev_view;
	unsigned long long a;
	int i;

	memset(stack_buf, 0x22, sizeof(stack_buf));
	a = KTEST(ktest_dma_map)(dev, stack_buf, sizeof(stack_buf), dir);
	assert_int_equal(KTEST(ktest_dma_mapping_error)(dev, a), 0);
	assert_true(a != (uintptr_t)stack_buf);
	dev_view = fake_dma_va(a, sizeof(stack_buf));
	assert_non_null(dev_view);
	assert_true(dev_view != stack_buf);
	/* Copied in at map, whatever the direction (swiotlb since 5.19). */
	for (i = 0; i < (int)sizeof(stack_buf); i++)
		assert_int_equal(dev_view[i], 0x22);

	/* The device writes the first half; sync_for_cpu shows it for FROM/BIDIR. */
	memset(dev_view, 0x33, 150);
	KTEST(ktest_dma_sync)(dev, a, sizeof(stack_buf), dir, 0);
	assert_int_equal(stack_buf[0], dir == TO_DEV ? 0x22 : 0x33);
	assert_int_equal(stack_buf[200], 0x22);

	/* The CPU writes; sync_for_device shows it for TO/BIDIR. */
	memset(stack_buf + 200, 0x44, 100);
	KTEST(ktest_dma_sync)(dev, a + 200, 100, dir, 1);
	assert_int_equal(dev_view[250], dir == FROM_DEV ? 0x22 : 0x44);

	/* The device writes again; unmap copies back for FROM/BIDIR only. */
	memset(dev_view, 0x55, 100);
	KTEST(ktest_dma_unmap)(dev, a, sizeof(stack_buf), dir);
	assert_int_equal(stack_buf[0], dir == TO_DEV ? 0x22 : 0x55);
	assert_int_equal(stack_buf[120], dir == TO_DEV ? 0x22 : 0x33);
	assert_int_equal(stack_buf[299], dir == TO_DEV ? 0x44 : (dir == FROM_DEV ? 0x22 : 0x44));
}

static void test_dma_stack_buffer_is_bounced(void **state)
{
	static unsigned char static_buf[64] = { 7 };
	unsigned long long a;

	(void)state;
	check_bounce(0, TO_DEV);
	check_bounce(0, FROM_DEV);
	check_bounce(0, BIDIR);
	check_bounce(1, BIDIR);
	/* A static buffer too, with its bounce below the 28-bit mask. */
	a = KTEST(ktest_dma_map)(1, static_buf, sizeof(static_buf), TO_DEV);
	assert_int_equal(KTEST(ktest_dma_mapping_error)(1, a), 0);
	assert_true(a < (1ULL << 28));
	assert_int_equal(*(unsigned char *)fake_dma_va(a, 1), 7);
	KTEST(ktest_dma_unmap)(1, a, sizeof(static_buf), TO_DEV);
}

static void test_dma_mask_without_iova_space_is_eio(void **state)
{
	(void)state;
	assert_int_equal(KTEST(ktest_dma_attach)(2, fake_dma_dev(2, "0000:00:03.0", 1)), 0);
	assert_int_equal(KTEST(ktest_dma_set_mask)(2, 24, 0), -5 /* -EIO */);
	assert_int_equal(KTEST(ktest_dma_get_mask)(2), 0xffffffffULL);
	KTEST(ktest_dma_detach)(2);
}

static void test_dma_growth_maps_new_chunk(void **state)
{
	unsigned long chunks = KTEST(ktest_dma_chunks)(), calls = maps_now();
	unsigned long long a0, a1;
	unsigned char *p, *dev_view;

	(void)state;
	p = KTEST(ktest_dma_grow)();
	assert_non_null(p);
	assert_true(KTEST(ktest_dma_chunks)() > chunks);
	/* Each new chunk once per class: full (device 0), 28 bits (device 1). */
	assert_int_equal(maps_now() - calls, 2 * (KTEST(ktest_dma_chunks)() - chunks));
	calls = maps_now();
	a0 = KTEST(ktest_dma_map)(0, p, 4096, FROM_DEV);
	a1 = KTEST(ktest_dma_map)(1, p, 4096, FROM_DEV);
	assert_int_equal(a0, (uintptr_t)p);
	assert_true(a1 + 4095 < (1ULL << 28));
	dev_view = fake_dma_va(a1, 4096);
	assert_ptr_equal(dev_view, p);
	memset(dev_view, 0x66, 4096);
	KTEST(ktest_dma_unmap)(1, a1, 4096, FROM_DEV);
	KTEST(ktest_dma_unmap)(0, a0, 4096, FROM_DEV);
	assert_int_equal(p[4095], 0x66);
	assert_int_equal(maps_now(), calls);
	KTEST(ktest_dma_grow_release)();
}

/*
 * Issue #11: the shim's own structures live where no mapping reaches, so a
 * device programmed at one's address (IOVA = VA on device 0) finds nothing
 * there, while everything a driver may hand to a device is reachable.
 */
static void test_dma_shim_structures_out_of_device_reach(void **state)
{
	struct ktest_dma_obj objs[32];
	unsigned long calls = maps_now();
	int n, i;

	(void)state;
	memset(objs, 0, sizeof(objs));
	n = KTEST(ktest_dma_confine)(0, objs, 32);
	assert_true(n >= 15);
	for (i = 0; i < n; i++) {
		const struct ktest_dma_obj *o = &objs[i];

		print_message("%-28s %p +%lu: %s\n", o->what, o->va, o->len,
			      o->shim ? "shim" : "driver");
		assert_non_null(o->va);
		if (o->shim) {
			assert_false(o->in_arena);
			/* A host thread's task is its thread's own (TLS), not heap. */
			if (strcmp(o->what, "current"))
				assert_true(o->private);
			assert_false(fake_dma_ever_mapped(o->va, o->len));
			/* The device's view of the structure's address: nothing. */
			assert_null(fake_dma_va((uintptr_t)o->va, 1));
		} else {
			assert_true(o->in_arena);
			assert_false(o->private);
			assert_ptr_equal(fake_dma_va((uintptr_t)o->va, o->len), o->va);
		}
	}
	/* A driver that maps a shim structure anyway gets a bounce, not the structure. */
	for (i = 0; i < n; i++) {
		if (objs[i].shim && strcmp(objs[i].what, "struct sk_buff") == 0) {
			unsigned long long a =
				KTEST(ktest_dma_map)(0, (void *)objs[i].va, objs[i].len, TO_DEV);

			assert_false(KTEST(ktest_dma_mapping_error)(0, a));
			assert_int_not_equal(a, (uintptr_t)objs[i].va);
			assert_null(fake_dma_va((uintptr_t)objs[i].va, 1));
			KTEST(ktest_dma_unmap)(0, a, objs[i].len, TO_DEV);
		}
	}
	/* None of it, nor a map, asked the door for a mapping. */
	assert_int_equal(maps_now(), calls);
	KTEST(ktest_dma_confine_release)();
}

/* After every case has grown and mapped the arena: the private heap never was. */
static void test_dma_private_heap_never_mapped(void **state)
{
	const void *base[64];
	unsigned long len[64];
	unsigned int n, i;

	(void)state;
	/* Growth from a task on a vCPU (given up around the door call): never mapped either. */
	assert_true(KTEST(ktest_dma_private_grow)() > 0);
	n = KTEST(ktest_dma_private_regions)(base, len, 64);
	assert_true(n > 0 && n <= 64);
	for (i = 0; i < n; i++) {
		assert_false(fake_dma_ever_mapped(base[i], len[i]));
		assert_int_equal(KTEST(ktest_mm_in_arena)(base[i]), 0);
		assert_int_equal(KTEST(ktest_mm_in_arena)((const char *)base[i] + len[i] - 1), 0);
	}
}

static void test_dma_detach_unmaps_everything(void **state)
{
	struct fake_dma_stats st;

	(void)state;
	KTEST(ktest_dma_detach)(0);
	KTEST(ktest_dma_detach)(1);
	fake_dma_stats(&st);
	assert_int_equal(st.live, 0);
	assert_int_equal(st.bad_unmaps, 0);
	assert_int_equal(st.maps, st.unmaps);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dma_64bit_map_is_va_without_door_calls),
		cmocka_unit_test(test_dma_set_mask_maps_each_chunk_once),
		cmocka_unit_test(test_dma_28bit_below_mask_and_device_writes_seen),
		cmocka_unit_test(test_dma_coherent_under_28bit_mask),
		cmocka_unit_test(test_dma_stack_buffer_is_bounced),
		cmocka_unit_test(test_dma_mask_without_iova_space_is_eio),
		cmocka_unit_test(test_dma_shim_structures_out_of_device_reach),
		cmocka_unit_test(test_dma_growth_maps_new_chunk),
		cmocka_unit_test(test_dma_private_heap_never_mapped),
		cmocka_unit_test(test_dma_detach_unmaps_everything),
	};
	static const struct ktable table = {
		.area = "dma",
		.run_case = KTEST(ktest_dma_case),
	};
	int failed;

	if (dma_setup(NULL)) {
		fprintf(stderr, "test_dma: cannot attach the fake devices\n");
		return 1;
	}
	failed = ktable_run(&table);
	failed += cmocka_run_group_tests(tests, NULL, NULL);
	return failed ? 1 : 0;
}
