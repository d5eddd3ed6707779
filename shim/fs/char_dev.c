// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * fs/char_dev.c - character devices (linux/cdev.h, linux/fs.h) as names
 * only: nothing opens them in a driver process. Majors for
 * alloc_chrdev_region() come from an atomic counter, so any context.
 */
#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/kdev_t.h>
#include <linux/string.h>

/* The kernel's dynamic majors run from 511 down to 384; so do these. */
#define CHRDEV_MAJOR_FIRST 511
#define CHRDEV_MAJOR_LAST 384

static unsigned int chrdev_next_major = CHRDEV_MAJOR_FIRST;

int alloc_chrdev_region(dev_t *dev, unsigned int baseminor, unsigned int count, const char *name)
{
	unsigned int major = __atomic_fetch_sub(&chrdev_next_major, 1, __ATOMIC_RELAXED);

	(void)count;
	(void)name;
	if (major < CHRDEV_MAJOR_LAST)
		return -EBUSY;
	*dev = MKDEV(major, baseminor);
	return 0;
}

void unregister_chrdev_region(dev_t from, unsigned int count)
{
	(void)from;
	(void)count;
}

void cdev_init(struct cdev *cdev, const struct file_operations *fops)
{
	memset(cdev, 0, sizeof(*cdev));
	INIT_LIST_HEAD(&cdev->list);
	cdev->ops = fops;
}

int cdev_add(struct cdev *cdev, dev_t dev, unsigned int count)
{
	cdev->dev = dev;
	cdev->count = count;
	return 0;
}

void cdev_del(struct cdev *cdev)
{
	cdev->count = 0;
}

int cdev_device_add(struct cdev *cdev, struct device *dev)
{
	if (dev->devt)
		cdev_add(cdev, dev->devt, 1);
	return device_add(dev);
}

void cdev_device_del(struct cdev *cdev, struct device *dev)
{
	device_del(dev);
	if (dev->devt)
		cdev_del(cdev);
}
