// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * drivers/base/core.c - the device model's lifetime rules (linux/device.h):
 * a device a driver initialises is counted in its kobject's kref, and the
 * last put_device() calls its release. device_add() and device_del() only
 * hold the parent, as there is no sysfs or /dev to appear in. Any context
 * for get/put (a release that sleeps is the driver's own business).
 */
#include <linux/bug.h>
#include <linux/device.h>
#include <linux/kernel.h>
#include <linux/kobject.h>
#include <linux/kref.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>

#include "../../core/stop.h"

void device_initialize(struct device *dev)
{
	kref_init(&dev->kobj.kref);
	dev->kobj.state_initialized = 1;
	if (!dev->devres_head.next)
		INIT_LIST_HEAD(&dev->devres_head);
}

int dev_set_name(struct device *dev, const char *fmt, ...)
{
	const char *old = dev->kobj.name;
	va_list ap;
	char *name;

	va_start(ap, fmt);
	name = kvasprintf(GFP_KERNEL, fmt, ap);
	va_end(ap);
	if (!name)
		return -ENOMEM;
	dev->kobj.name = name;
	kfree_const(old);
	return 0;
}

struct device *get_device(struct device *dev)
{
	if (dev && dev->kobj.state_initialized)
		kref_get(&dev->kobj.kref);
	return dev;
}

static void device_release(struct kref *kref)
{
	struct device *dev = container_of(kref, struct device, kobj.kref);
	const char *name = dev->kobj.name;

	/* The release may free dev: the name is freed after it, from a copy. */
	if (dev->release)
		dev->release(dev);
	else if (dev->type && dev->type->release)
		dev->type->release(dev);
	else if (dev->class && dev->class->dev_release)
		dev->class->dev_release(dev);
	else
		WARN(1, "device '%s' has no release function: its memory is not freed\n",
		     name ? name : "(unnamed)");
	kfree_const(name);
}

void put_device(struct device *dev)
{
	if (dev && dev->kobj.state_initialized)
		kref_put(&dev->kobj.kref, device_release);
}

int device_add(struct device *dev)
{
	if (!dev->kobj.name && dev->init_name) {
		int err = dev_set_name(dev, "%s", dev->init_name);

		if (err)
			return err;
		dev->init_name = NULL;
	}
	if (!dev->kobj.name)
		return -EINVAL;
	get_device(dev->parent);
	return 0;
}

void device_del(struct device *dev)
{
	put_device(dev->parent);
}

int device_register(struct device *dev)
{
	device_initialize(dev);
	return device_add(dev);
}

void device_unregister(struct device *dev)
{
	device_del(dev);
	put_device(dev);
}

void device_release_driver(struct device *dev)
{
	uldd_stop("device_release_driver: %s: the driver gives up its device; the process stops,"
		  " for its supervisor to restart\n",
		  dev_name(dev));
}

int device_create_file(struct device *dev, const struct device_attribute *attr)
{
	(void)dev;
	(void)attr;
	return 0;
}

void device_remove_file(struct device *dev, const struct device_attribute *attr)
{
	(void)dev;
	(void)attr;
}

bool device_remove_file_self(struct device *dev, const struct device_attribute *attr)
{
	(void)dev;
	(void)attr;
	return false;
}

int device_add_groups(struct device *dev, const struct attribute_group **groups)
{
	(void)dev;
	(void)groups;
	return 0;
}

void device_remove_groups(struct device *dev, const struct attribute_group **groups)
{
	(void)dev;
	(void)groups;
}
