/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/kobject.h - the kernel's reference-counted, named object behind
 * every struct device and its sysfs directory, and uevents, the messages
 * that tell udev a device appeared, changed or went away.
 *
 * Emulation notes: a kobject here is the name and reference count of its
 * struct device (linux/device.h's get_device()/put_device() count in
 * kref); there is no sysfs directory. kobject_uevent_env() sends nothing:
 * no udev listens to a driver process (the host's udev hears about the
 * block device uldd exports instead), so it returns 0. add_uevent_var()
 * is real, for a class's dev_uevent callback.
 */
#ifndef _LINUX_KOBJECT_H
#define _LINUX_KOBJECT_H

#include <linux/atomic.h>
#include <linux/compiler.h>
#include <linux/kref.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

#define UEVENT_NUM_ENVP 64
#define UEVENT_BUFFER_SIZE 2048

enum kobject_action {
	KOBJ_ADD,
	KOBJ_REMOVE,
	KOBJ_CHANGE,
	KOBJ_MOVE,
	KOBJ_ONLINE,
	KOBJ_OFFLINE,
	KOBJ_BIND,
	KOBJ_UNBIND,
};

struct kobject {
	/* kmalloc'd (dev_set_name()) or NULL. */
	const char *name;
	struct kobject *parent;
	struct kref kref;
	/* Set by device_initialize(): only then do get/put_device count. */
	unsigned int state_initialized : 1;
};

struct kobj_uevent_env {
	char *argv[3];
	char *envp[UEVENT_NUM_ENVP];
	int envp_idx;
	char buf[UEVENT_BUFFER_SIZE];
	int buflen;
};

static inline const char *kobject_name(const struct kobject *kobj)
{
	return kobj->name;
}

/* Appends "KEY=value" to env: 0, or -ENOMEM when env is full. */
__printf(2, 3) int add_uevent_var(struct kobj_uevent_env *env, const char *format, ...);
/* Sends nothing (see above); 0. */
int kobject_uevent_env(struct kobject *kobj, enum kobject_action action, char *envp[]);
int kobject_uevent(struct kobject *kobj, enum kobject_action action);

#endif /* _LINUX_KOBJECT_H */
