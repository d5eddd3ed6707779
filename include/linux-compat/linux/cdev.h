/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/cdev.h - character devices: a range of device numbers whose
 * open() the kernel sends to a driver's file_operations.
 *
 * Emulation notes: no /dev node reaches a driver process, so a cdev is
 * recorded and never opened: cdev_add() and cdev_del() do nothing else.
 * cdev_device_add() and cdev_device_del() do what device_add() and
 * device_del() do (linux/device.h). User space reaches the driver's disk
 * through uldd's block export, not through its character devices.
 */
#ifndef _LINUX_CDEV_H
#define _LINUX_CDEV_H

#include <linux/device.h>
#include <linux/kdev_t.h>
#include <linux/kobject.h>
#include <linux/list.h>
#include <linux/types.h>

struct device;
struct file_operations;
struct module;

struct cdev {
	struct kobject kobj;
	struct module *owner;
	const struct file_operations *ops;
	struct list_head list;
	dev_t dev;
	unsigned int count;
};

void cdev_init(struct cdev *cdev, const struct file_operations *fops);
int cdev_add(struct cdev *cdev, dev_t dev, unsigned int count);
void cdev_del(struct cdev *cdev);
/* cdev_add() of dev->devt, if set, then device_add(dev). */
int cdev_device_add(struct cdev *cdev, struct device *dev);
void cdev_device_del(struct cdev *cdev, struct device *dev);

#endif /* _LINUX_CDEV_H */
