/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/kernel.h - the catch-all most drivers include first. As in Linux it
 * pulls in printk, the sprintf family, the basic types, and the helpers
 * drivers use without including their own headers: ARRAY_SIZE,
 * container_of, BUILD_BUG_ON, WARN_ON and BUG_ON, ALIGN, min/max,
 * DIV_ROUND_UP, the limits, bit operations and ilog2. Its own: the halves of a 32- or 64-bit value.
 */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <linux/align.h>
#include <linux/array_size.h>
#include <linux/bitops.h>
#include <linux/bug.h>
#include <linux/build_bug.h>
#include <linux/compiler.h>
#include <linux/container_of.h>
#include <linux/hex.h>
#include <linux/limits.h>
#include <linux/log2.h>
#include <linux/math.h>
#include <linux/minmax.h>
#include <linux/panic.h>
#include <linux/stdarg.h>
#include <linux/stddef.h>
#include <linux/typecheck.h>
#include <linux/types.h>
#include <linux/printk.h>
#include <linux/sprintf.h>
#include <linux/kstrtox.h>

/* Bits 32-63, and 0-31, of n (any integer up to 64 bits; 0 for the top of a u32). */
#define upper_32_bits(n) ((u32)(((n) >> 16) >> 16))
#define lower_32_bits(n) ((u32)((n)&0xffffffff))
/* Bits 16-31, and 0-15, of n. */
#define upper_16_bits(n) ((u16)((n) >> 16))
#define lower_16_bits(n) ((u16)((n)&0xffff))

/* The byte x repeated in every byte of a long. */
#define REPEAT_BYTE(x) ((~0ul / 0xff) * (x))

/* uldd's "system" is the driver process: always running, never halting. */
enum system_states {
	SYSTEM_BOOTING,
	SYSTEM_SCHEDULING,
	SYSTEM_RUNNING,
	SYSTEM_HALT,
	SYSTEM_POWER_OFF,
	SYSTEM_RESTART,
	SYSTEM_SUSPEND,
};
#define system_state SYSTEM_RUNNING

#endif /* _LINUX_KERNEL_H */
