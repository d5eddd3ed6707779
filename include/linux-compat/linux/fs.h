/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/fs.h - the VFS, as far as drivers see it: the basic types and
 * open() flags, and the file, inode and file_operations of a character
 * device (linux/cdev.h), with its device number region.
 *
 * Emulation notes: there is no VFS in the shim. Nothing opens a driver's
 * character device (linux/cdev.h), so its file_operations are kept and
 * never called. alloc_chrdev_region() hands out majors from 511 down (the
 * kernel's dynamic range ends at 511), from a counter: they are names, not
 * registrations, and unregister_chrdev_region() does nothing.
 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/atomic.h>
#include <linux/capability.h>
#include <linux/compat.h>
#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/fcntl.h>
#include <linux/init.h>
#include <linux/ioctl.h>
#include <linux/kdev_t.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/rculist.h>
#include <linux/rwsem.h>
#include <linux/slab.h>
#include <linux/stat.h>
#include <linux/types.h>
#include <linux/uaccess.h>
#include <linux/uuid.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <linux/xarray.h>

struct cdev;
struct file;
struct io_comp_batch;
struct io_uring_cmd;
struct module;
struct poll_table_struct;
struct vm_area_struct;

#define FMODE_READ ((fmode_t)(1 << 0))
#define FMODE_WRITE ((fmode_t)(1 << 1))
#define FMODE_EXCL ((fmode_t)(1 << 7))

struct inode {
	umode_t i_mode;
	dev_t i_rdev;
	struct cdev *i_cdev;
};

struct file {
	const struct file_operations *f_op;
	struct inode *f_inode;
	unsigned int f_flags;
	fmode_t f_mode;
	void *private_data;
};

struct file_operations {
	struct module *owner;
	ssize_t (*read)(struct file *file, char __user *buf, size_t count, loff_t *pos);
	ssize_t (*write)(struct file *file, const char __user *buf, size_t count, loff_t *pos);
	__poll_t (*poll)(struct file *file, struct poll_table_struct *wait);
	long (*unlocked_ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
	long (*compat_ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
	int (*mmap)(struct file *file, struct vm_area_struct *vma);
	int (*open)(struct inode *inode, struct file *file);
	int (*release)(struct inode *inode, struct file *file);
	int (*uring_cmd)(struct io_uring_cmd *ioucmd, unsigned int issue_flags);
	int (*uring_cmd_iopoll)(struct io_uring_cmd *ioucmd, struct io_comp_batch *iob,
				unsigned int poll_flags);
};

static inline struct inode *file_inode(const struct file *f)
{
	return f->f_inode;
}

/* A 32-bit caller's pointer argument, passed to the 64-bit handler. */
static inline long compat_ptr_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	if (!file->f_op->unlocked_ioctl)
		return -ENOIOCTLCMD;
	return file->f_op->unlocked_ioctl(file, cmd, (unsigned long)compat_ptr(arg));
}

/* *dev: the first of count device numbers from baseminor of a free major. 0. */
int alloc_chrdev_region(dev_t *dev, unsigned int baseminor, unsigned int count, const char *name);
void unregister_chrdev_region(dev_t from, unsigned int count);

#endif /* _LINUX_FS_H */
