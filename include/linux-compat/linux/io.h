/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/io.h - what drivers include for device register access: the
 * accessors of asm/io.h (readl, writel, ioread32, memcpy_fromio, inb ...)
 * and the barriers they pair with.
 */
#ifndef _LINUX_IO_H
#define _LINUX_IO_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <asm/barrier.h>
#include <asm/io.h>

#endif /* _LINUX_IO_H */
