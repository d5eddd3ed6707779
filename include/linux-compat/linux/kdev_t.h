/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/kdev_t.h - a device number (dev_t): a major number in the high
 * 12 bits, a minor one in the low 20, as inside Linux.
 */
#ifndef _LINUX_KDEV_T_H
#define _LINUX_KDEV_T_H

#include <linux/types.h>

#define MINORBITS 20
#define MINORMASK ((1U << MINORBITS) - 1)

#define MAJOR(dev) ((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev) ((unsigned int)((dev)&MINORMASK))
#define MKDEV(ma, mi) (((ma) << MINORBITS) | (mi))

#endif /* _LINUX_KDEV_T_H */
