/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/device/class.h - device classes: the /sys/class/NAME directory
 * that gathers devices of a kind (nvme, nvme-subsystem), with the uevent
 * variables and release function its devices share.
 *
 * Emulation notes: a class is registered nowhere (there is no sysfs,
 * linux/sysfs.h): class_register() and class_unregister() do nothing and
 * succeed; class_create() allocates one and class_destroy() frees it. A
 * class's dev_release still releases its devices (linux/device.h).
 * class_create() takes Linux 6.4's one argument or, as before, an owner
 * module first, which is ignored.
 */
#ifndef _LINUX_DEVICE_CLASS_H
#define _LINUX_DEVICE_CLASS_H

#include <linux/kobject.h>
#include <linux/types.h>

struct device;
struct module;
struct attribute_group;

struct class
{
	const char *name;
	const struct attribute_group **class_groups;
	const struct attribute_group **dev_groups;
	int (*dev_uevent)(const struct device *dev, struct kobj_uevent_env *env);
	char *(*devnode)(const struct device *dev, umode_t *mode);
	void (*class_release)(const struct class *class);
	void (*dev_release)(struct device *dev);
};

int class_register(const struct class *class);
void class_unregister(const struct class *class);
/* A class of that name, or ERR_PTR(-ENOMEM). */
struct class *__uldd_class_create(const char *name);
void class_destroy(const struct class *cls);

#define __uldd_class_create_pick(_1, _2, fn, ...) fn
#define __uldd_class_create_owner(owner, name) ((void)(owner), __uldd_class_create(name))
#define class_create(...)                                                \
	__uldd_class_create_pick(__VA_ARGS__, __uldd_class_create_owner, \
				 __uldd_class_create)(__VA_ARGS__)

#endif /* _LINUX_DEVICE_CLASS_H */
