/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/fs.h - the VFS. Network drivers of the ISA era include it out of
 * habit (the 8390 library does) without using a file or an inode; there is
 * no VFS in the shim, so this gives only what such a driver gets through
 * it on Linux: the basic types and the open() flags.
 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/fcntl.h>
#include <linux/types.h>

#endif /* _LINUX_FS_H */
