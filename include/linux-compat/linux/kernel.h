/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/kernel.h - the catch-all most drivers include first. In Linux it
 * pulls in printk, the sprintf family and the basic types; so does this
 * one. Helpers of its own (ARRAY_SIZE, min/max, ...) are added as the
 * census of the target drivers asks for them.
 */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <linux/compiler.h>
#include <linux/stdarg.h>
#include <linux/stddef.h>
#include <linux/types.h>
#include <linux/printk.h>
#include <linux/sprintf.h>

#endif /* _LINUX_KERNEL_H */
