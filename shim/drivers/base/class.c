// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * drivers/base/class.c - device classes (linux/device/class.h): with no
 * sysfs, registering records nothing; class_create() allocates a class
 * and class_destroy() frees it. No locking: nothing is shared.
 */
#include <linux/device.h>
#include <linux/device/class.h>
#include <linux/err.h>
#include <linux/slab.h>
#include <linux/string.h>

int class_register(const struct class *class)
{
	(void)class;
	return 0;
}

void class_unregister(const struct class *class)
{
	(void)class;
}

struct class *__uldd_class_create(const char *name)
{
	struct class *cls = kzalloc(sizeof(*cls), GFP_KERNEL);

	if (!cls)
		return ERR_PTR(-ENOMEM);
	cls->name = name;
	return cls;
}

void class_destroy(const struct class *cls)
{
	if (IS_ERR_OR_NULL(cls))
		return;
	if (cls->class_release)
		cls->class_release(cls);
	kfree(cls);
}
