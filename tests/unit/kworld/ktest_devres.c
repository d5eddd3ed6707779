// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ktest_devres.c - managed resources on a bare struct device, released as
 * the PCI layer releases them when a probe fails or a driver goes
 * (uldd_devres_release_all, which the conformance suite's devres cases,
 * working in devres groups, do not reach): newest first, once, and
 * without what devm_kfree took out.
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

/* devm_kfree takes its entry off the device's list: release_all does not free it again. */
static int kt_kfree_removes_one(void)
{
	struct device *dev = new_dev();
	u32 *p, *q;

	KCHECK(dev);
	p = devm_kzalloc(dev, sizeof(*p) * 8, GFP_KERNEL);
	q = devm_kmalloc_array(dev, 8, sizeof(*q), GFP_KERNEL);
	KCHECK(p && q);
	KCHECK(list_count_nodes(&dev->devres_head) == 2);
	devm_kfree(dev, p);
	KCHECK(list_count_nodes(&dev->devres_head) == 1);
	KCHECK(devres_find(dev, NULL, NULL, NULL) == NULL);
	uldd_devres_release_all(dev);
	KCHECK(list_empty(&dev->devres_head));
	kfree(dev);
	return 0;
}

static const struct ktest_check cases[] = {
	{ "probe_failure_releases_in_reverse", kt_probe_failure_reverse },
	{ "kfree_removes_one_entry", kt_kfree_removes_one },
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
