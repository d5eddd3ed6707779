// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ktest_devres.c - managed resources on a bare struct device: a probe-like
 * sequence that fails, whose resources are released newest first, and
 * devm_kfree/devm_remove_action taking out one entry each.
 */
#include <linux/device.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "../../../shim/drivers/base/base.h"
#include "../../../shim/entry.h"
#include "ktest.h"

static char order[16];
static unsigned int norder;

static void record(void *data)
{
	if (norder < sizeof(order) - 1)
		order[norder++] = (char)(uintptr_t)data;
}

static struct device *new_dev(void)
{
	struct device *dev = kzalloc(sizeof(*dev), GFP_KERNEL);

	if (dev)
		dev->init_name = "ktest-devres";
	memset(order, 0, sizeof(order));
	norder = 0;
	return dev;
}

/* A probe that takes a, memory, b, c, then fails: c, b, a are undone. */
static int probe_like(struct device *dev)
{
	char *name;
	int err;

	err = devm_add_action(dev, record, (void *)'a');
	if (err)
		return err;
	name = devm_kstrdup(dev, "ktest", GFP_KERNEL);
	if (!name || !devm_kcalloc(dev, 4, 8, GFP_KERNEL))
		return -ENOMEM;
	err = devm_add_action_or_reset(dev, record, (void *)'b');
	if (err)
		return err;
	err = devm_add_action(dev, record, (void *)'c');
	if (err)
		return err;
	return -ENODEV;
}

static int kt_probe_failure_reverse(void)
{
	struct device *dev = new_dev();
	unsigned long before;

	KCHECK(dev);
	KCHECK(probe_like(dev) == -ENODEV);
	KCHECK(norder == 0);
	before = list_count_nodes(&dev->devres_head);
	KCHECK(before == 5);
	uldd_devres_release_all(dev);
	KCHECK(!strcmp(order, "cba"));
	KCHECK(list_empty(&dev->devres_head));
	/* A second release finds nothing to do. */
	uldd_devres_release_all(dev);
	KCHECK(!strcmp(order, "cba"));
	kfree(dev);
	return 0;
}

static int kt_kfree_removes_one(void)
{
	struct device *dev = new_dev();
	u32 *p, *q;

	KCHECK(dev);
	p = devm_kzalloc(dev, sizeof(*p) * 8, GFP_KERNEL);
	q = devm_kmalloc_array(dev, 8, sizeof(*q), GFP_KERNEL);
	KCHECK(p && q && !p[7]);
	KCHECK(!devm_kmalloc_array(dev, SIZE_MAX / 2, 4, GFP_KERNEL));
	KCHECK(list_count_nodes(&dev->devres_head) == 2);
	devm_kfree(dev, p);
	KCHECK(list_count_nodes(&dev->devres_head) == 1);
	KCHECK(devres_find(dev, NULL, NULL, NULL) == NULL);
	uldd_devres_release_all(dev);
	KCHECK(list_empty(&dev->devres_head));
	kfree(dev);
	return 0;
}

static int kt_remove_action_skips_it(void)
{
	struct device *dev = new_dev();

	KCHECK(dev);
	KCHECK(!devm_add_action(dev, record, (void *)'a'));
	KCHECK(!devm_add_action(dev, record, (void *)'b'));
	KCHECK(!devm_add_action(dev, record, (void *)'c'));
	devm_remove_action(dev, record, (void *)'b');
	devm_release_action(dev, record, (void *)'c');
	KCHECK(!strcmp(order, "c"));
	uldd_devres_release_all(dev);
	KCHECK(!strcmp(order, "ca"));
	kfree(dev);
	return 0;
}

struct kt_res {
	int value;
};

static int nreleased;

static void kt_res_release(struct device *dev, void *res)
{
	(void)dev;
	nreleased += ((struct kt_res *)res)->value;
}

static int kt_res_match(struct device *dev, void *res, void *data)
{
	(void)dev;
	return ((struct kt_res *)res)->value == *(int *)data;
}

static int kt_generic(void)
{
	struct device *dev = new_dev();
	struct kt_res *r1, *r2;
	int two = 2;

	KCHECK(dev);
	nreleased = 0;
	r1 = devres_alloc(kt_res_release, sizeof(*r1), GFP_KERNEL);
	r2 = devres_alloc(kt_res_release, sizeof(*r2), GFP_KERNEL);
	KCHECK(r1 && r2 && !r1->value);
	KCHECK(((uintptr_t)r1 & (ARCH_KMALLOC_MINALIGN - 1)) == 0);
	r1->value = 1;
	r2->value = 2;
	devres_add(dev, r1);
	devres_add(dev, r2);
	KCHECK(devres_find(dev, kt_res_release, NULL, NULL) == r2);
	KCHECK(devres_find(dev, kt_res_release, kt_res_match, &two) == r2);
	KCHECK(!devres_release(dev, kt_res_release, kt_res_match, &two));
	KCHECK(nreleased == 2);
	KCHECK(devres_destroy(dev, kt_res_release, kt_res_match, &two) == -ENOENT);
	KCHECK(devres_remove(dev, kt_res_release, NULL, NULL) == r1);
	devres_free(r1);
	uldd_devres_release_all(dev);
	KCHECK(nreleased == 2);
	kfree(dev);
	return 0;
}

static const struct ktest_check cases[] = {
	{ "probe_failure_releases_in_reverse", kt_probe_failure_reverse },
	{ "kfree_removes_one_entry", kt_kfree_removes_one },
	{ "remove_action_skips_it", kt_remove_action_skips_it },
	{ "find_release_destroy", kt_generic },
};

int KTEST(ktest_devres_setup)(void)
{
	int err = uldd_mm_init();

	return err ? err : uldd_sched_init(1);
}

int KTEST(ktest_devres_case)(unsigned int i, const char **name, int run)
{
	int ret;

	if (!run || i >= ARRAY_SIZE(cases))
		return ktest_check_case(cases, ARRAY_SIZE(cases), i, name, 0);
	uldd_enter("ktest_devres");
	ret = ktest_check_case(cases, ARRAY_SIZE(cases), i, name, 1);
	uldd_exit();
	return ret;
}
