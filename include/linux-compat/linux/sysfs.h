/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/sysfs.h - a device's attributes: files under /sys whose show()
 * and store() callbacks the driver provides, gathered in attribute
 * groups, and the symlinks between devices' directories.
 *
 * Emulation notes: a driver process has no sysfs to add files to, so
 * creating and removing groups, files and links does nothing and succeeds
 * (the driver's attribute callbacks are never called from /sys; uldd's
 * own interfaces, `uldd stats`, say what a user needs). sysfs_emit() and
 * sysfs_emit_at() are real: they print into a page-sized buffer.
 */
#ifndef _LINUX_SYSFS_H
#define _LINUX_SYSFS_H

#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/idr.h>
#include <linux/kobject.h>
#include <linux/mutex.h>
#include <linux/rwsem.h>
#include <linux/stat.h>
#include <linux/stddef.h>
#include <linux/stringify.h>
#include <linux/types.h>

struct attribute {
	const char *name;
	umode_t mode;
};

struct bin_attribute;

struct attribute_group {
	const char *name;
	umode_t (*is_visible)(struct kobject *kobj, struct attribute *attr, int n);
	umode_t (*is_bin_visible)(struct kobject *kobj, struct bin_attribute *attr, int n);
	struct attribute **attrs;
	struct bin_attribute **bin_attrs;
};

#define __ATTR(_name, _mode, _show, _store)                                             \
	{                                                                               \
		.attr = { .name = __stringify(_name), .mode = (_mode) }, .show = _show, \
		.store = _store,                                                        \
	}
#define __ATTR_RO_MODE(_name, _mode) __ATTR(_name, _mode, _name##_show, NULL)
#define __ATTR_RO(_name) __ATTR(_name, 0444, _name##_show, NULL)
#define __ATTR_WO(_name) __ATTR(_name, 0200, NULL, _name##_store)
#define __ATTR_RW_MODE(_name, _mode) __ATTR(_name, _mode, _name##_show, _name##_store)
#define __ATTR_RW(_name) __ATTR(_name, 0644, _name##_show, _name##_store)
#define __ATTR_NULL                     \
	{                               \
		.attr = {.name = NULL } \
	}

#define ATTRIBUTE_GROUPS(_name)                                   \
	static const struct attribute_group _name##_group = {     \
		.attrs = _name##_attrs,                           \
	};                                                        \
	static const struct attribute_group *_name##_groups[] = { \
		&_name##_group,                                   \
		NULL,                                             \
	}

/* Prints into buf, a page that sysfs gave a show() callback: the length. */
__printf(2, 3) int sysfs_emit(char *buf, const char *fmt, ...);
/* The same, at buf + at. */
__printf(3, 4) int sysfs_emit_at(char *buf, int at, const char *fmt, ...);

/* No sysfs: each of these does nothing and returns 0 (see above). */
int sysfs_create_link(struct kobject *kobj, struct kobject *target, const char *name);
void sysfs_remove_link(struct kobject *kobj, const char *name);
int sysfs_create_group(struct kobject *kobj, const struct attribute_group *grp);
int sysfs_update_group(struct kobject *kobj, const struct attribute_group *grp);
void sysfs_remove_group(struct kobject *kobj, const struct attribute_group *grp);
int sysfs_create_groups(struct kobject *kobj, const struct attribute_group **groups);
void sysfs_remove_groups(struct kobject *kobj, const struct attribute_group **groups);

#endif /* _LINUX_SYSFS_H */
