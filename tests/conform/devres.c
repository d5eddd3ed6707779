// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * devres.c - managed device resources (Documentation/driver-api/
 * driver-model/devres.rst), on the edu's device while the suite's driver
 * is bound: each case works inside a devres group, the way a driver
 * undoes part of a probe, so what detach would do is seen in the case.
 * A group's resources are released newest first, nested groups included,
 * and none outside it; removing a group leaves its resources to the
 * device; devm_kfree, devm_remove_action and devm_release_action take out
 * one entry each; devres_find/remove/destroy/release pick the newest
 * match; managed memory is zeroed on request and managed coherent memory
 * released with its group.
 */
#include <linux/device.h>
#include <linux/dma-mapping.h>
#include <linux/kernel.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "conform.h"

/* The order actions ran in, as letters. */
static char order[16];
static unsigned int norder;

static void record(void *data)
{
	if (norder < sizeof(order) - 1)
		order[norder++] = (char)(uintptr_t)data;
}

static struct device *fresh(struct conform_dev *dev)
{
	memset(order, 0, sizeof(order));
	norder = 0;
	return &dev->pdev->dev;
}

/* A probe's worth of resources, then the group released: actions newest first. */
static int group_release_newest_first(struct conform_dev *dev)
{
	struct device *d = fresh(dev);
	void *id = devres_open_group(d, NULL, GFP_KERNEL);
	int err = 0, n;

	CHECK(id);
	err |= devm_add_action(d, record, (void *)'a');
	err |= devm_kstrdup(d, "conform", GFP_KERNEL) ? 0 : -ENOMEM;
	err |= devm_kcalloc(d, 4, 8, GFP_KERNEL) ? 0 : -ENOMEM;
	err |= devm_add_action_or_reset(d, record, (void *)'b');
	err |= devm_add_action(d, record, (void *)'c');
	devres_close_group(d, id);
	n = norder;
	CHECK_CMP(devres_release_group(d, id), ==, 5);
	CHECK_CMP(err, ==, 0);
	CHECK_CMP(n, ==, 0);
	CHECK(!strcmp(order, "cba"));
	return 0;
}

/* Before the group and after its close: not the group's. */
static int group_bounds(struct conform_dev *dev)
{
	struct device *d = fresh(dev);
	void *id;
	int n;

	CHECK(!devm_add_action(d, record, (void *)'x'));
	id = devres_open_group(d, NULL, GFP_KERNEL);
	if (!id)
		devm_remove_action(d, record, (void *)'x');
	CHECK(id);
	devm_add_action(d, record, (void *)'a');
	devres_close_group(d, id);
	devm_add_action(d, record, (void *)'y');
	n = devres_release_group(d, id);
	devm_release_action(d, record, (void *)'y');
	devm_release_action(d, record, (void *)'x');
	CHECK_CMP(n, ==, 1);
	CHECK(!strcmp(order, "ayx"));
	return 0;
}

/* A group inside a group is released with it, in the order things were added. */
static int group_nested(struct conform_dev *dev)
{
	struct device *d = fresh(dev);
	void *outer = devres_open_group(d, NULL, GFP_KERNEL), *inner;
	int n;

	CHECK(outer);
	devm_add_action(d, record, (void *)'a');
	inner = devres_open_group(d, NULL, GFP_KERNEL);
	devm_add_action(d, record, (void *)'b');
	if (inner)
		devres_close_group(d, inner);
	devm_add_action(d, record, (void *)'c');
	devres_close_group(d, outer);
	n = devres_release_group(d, outer);
	CHECK(inner);
	CHECK_CMP(n, ==, 3);
	CHECK(!strcmp(order, "cba"));
	return 0;
}

/* Removed, the group's resources become the device's: nothing runs until released. */
static int group_remove_keeps(struct conform_dev *dev)
{
	struct device *d = fresh(dev);
	void *id = devres_open_group(d, NULL, GFP_KERNEL);
	int n;

	CHECK(id);
	devm_add_action(d, record, (void *)'a');
	devm_add_action(d, record, (void *)'b');
	devres_close_group(d, id);
	devres_remove_group(d, id);
	n = norder;
	devm_release_action(d, record, (void *)'a');
	devm_release_action(d, record, (void *)'b');
	CHECK_CMP(n, ==, 0);
	CHECK(!strcmp(order, "ab"));
	return 0;
}

static int remove_and_release_action(struct conform_dev *dev)
{
	struct device *d = fresh(dev);
	void *id = devres_open_group(d, NULL, GFP_KERNEL);
	int n;

	CHECK(id);
	CHECK(!devm_add_action(d, record, (void *)'a'));
	CHECK(!devm_add_action(d, record, (void *)'b'));
	CHECK(!devm_add_action(d, record, (void *)'c'));
	/* Forgotten without running; run now and forgotten. */
	devm_remove_action(d, record, (void *)'b');
	devm_release_action(d, record, (void *)'c');
	CHECK(!strcmp(order, "c"));
	n = devres_release_group(d, id);
	CHECK_CMP(n, ==, 1);
	CHECK(!strcmp(order, "ca"));
	return 0;
}

static bool all_zero(const void *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (((const u8 *)p)[i])
			return false;
	}
	return true;
}

static int managed_memory(struct conform_dev *dev)
{
	struct device *d = fresh(dev);
	void *id = devres_open_group(d, NULL, GFP_KERNEL);
	u32 *p, *q, *r;
	char *s;
	bool ok;
	int n;

	CHECK(id);
	p = devm_kzalloc(d, 8 * sizeof(*p), GFP_KERNEL);
	q = devm_kmalloc_array(d, 8, sizeof(*q), GFP_KERNEL);
	r = devm_kmalloc_array(d, SIZE_MAX / 2, 4, GFP_KERNEL);
	s = devm_kmemdup(d, "conform", 8, GFP_KERNEL);
	ok = p && q && s && !r && !strcmp(s, "conform");
	/* Freed now, and taken off the list: the group holds two. */
	if (p)
		devm_kfree(d, p);
	n = devres_release_group(d, id);
	CHECK(ok);
	CHECK_CMP(n, ==, 2);
	return 0;
}

static int managed_zeroed(struct conform_dev *dev)
{
	struct device *d = fresh(dev);
	void *id = devres_open_group(d, NULL, GFP_KERNEL);
	bool zero;
	u8 *p;

	CHECK(id);
	p = devm_kmalloc(d, 3000, GFP_KERNEL);
	if (p)
		memset(p, 0xa5, 3000);
	devres_release_group(d, id);
	id = devres_open_group(d, NULL, GFP_KERNEL);
	CHECK(id);
	p = devm_kzalloc(d, 3000, GFP_KERNEL);
	zero = p && all_zero(p, 3000);
	p = devm_kcalloc(d, 100, 30, GFP_KERNEL);
	zero = zero && p && all_zero(p, 3000);
	CHECK_CMP(devres_release_group(d, id), ==, 2);
	CHECK(zero);
	return 0;
}

struct counted {
	int value;
};

static int released_sum;

static void counted_release(struct device *dev, void *res)
{
	released_sum += ((struct counted *)res)->value;
}

static int counted_match(struct device *dev, void *res, void *data)
{
	return ((struct counted *)res)->value == *(int *)data;
}

static int find_remove_destroy_release(struct conform_dev *dev)
{
	struct device *d = fresh(dev);
	void *id = devres_open_group(d, NULL, GFP_KERNEL);
	struct counted *r1, *r2, *r3, *found, *newest, *removed;
	int two = 2, three = 3, released, destroyed, again, n;
	bool fresh_ok;

	CHECK(id);
	released_sum = 0;
	r1 = devres_alloc(counted_release, sizeof(*r1), GFP_KERNEL);
	r2 = devres_alloc(counted_release, sizeof(*r2), GFP_KERNEL);
	r3 = devres_alloc(counted_release, sizeof(*r3), GFP_KERNEL);
	if (!r1 || !r2 || !r3) {
		devres_free(r1);
		devres_free(r2);
		devres_free(r3);
		devres_release_group(d, id);
		CHECK(!"allocated");
	}
	/* devres_alloc zeroes, and aligns as kmalloc does. */
	fresh_ok = !r1->value && IS_ALIGNED((unsigned long)r1, ARCH_KMALLOC_MINALIGN);
	r1->value = 1;
	r2->value = 2;
	r3->value = 3;
	devres_add(d, r1);
	devres_add(d, r2);
	devres_add(d, r3);
	newest = devres_find(d, counted_release, NULL, NULL);
	found = devres_find(d, counted_release, counted_match, &two);
	released = devres_release(d, counted_release, counted_match, &two);
	destroyed = devres_destroy(d, counted_release, counted_match, &three);
	again = devres_destroy(d, counted_release, counted_match, &three);
	removed = devres_remove(d, counted_release, NULL, NULL);
	devres_free(removed);
	n = devres_release_group(d, id);
	CHECK(fresh_ok);
	CHECK(newest == r3);
	CHECK(found == r2);
	CHECK_CMP(released, ==, 0);
	CHECK_CMP(destroyed, ==, 0);
	CHECK_CMP(again, ==, -ENOENT);
	CHECK(removed == r1);
	/* Only r2 was released: r3 destroyed, r1 removed. */
	CHECK_CMP(released_sum, ==, 2);
	CHECK_CMP(n, ==, 0);
	return 0;
}

/* dmam_alloc_coherent() memory is a resource of its group. */
static int managed_coherent_in_group(struct conform_dev *dev)
{
	struct device *d = fresh(dev);
	void *id = devres_open_group(d, NULL, GFP_KERNEL);
	dma_addr_t h;
	void *va;

	CHECK(id);
	va = dmam_alloc_coherent(d, 5000, &h, GFP_KERNEL);
	if (va)
		memset(va, 1, 5000);
	CHECK_CMP(devres_release_group(d, id), ==, va ? 1 : 0);
	CHECK(va);
	return 0;
}

static const struct conform_case devres_cases[] = {
	{ "group_release_newest_first", group_release_newest_first, CONFORM_DEVICE },
	{ "group_bounds", group_bounds, CONFORM_DEVICE },
	{ "group_nested", group_nested, CONFORM_DEVICE },
	{ "group_remove_keeps", group_remove_keeps, CONFORM_DEVICE },
	{ "remove_and_release_action", remove_and_release_action, CONFORM_DEVICE },
	{ "managed_memory", managed_memory, CONFORM_DEVICE },
	{ "managed_zeroed", managed_zeroed, CONFORM_DEVICE },
	{ "find_remove_destroy_release", find_remove_destroy_release, CONFORM_DEVICE },
	{ "managed_coherent_in_group", managed_coherent_in_group, CONFORM_DEVICE },
};
CONFORM_SUITE(devres, devres_cases);
