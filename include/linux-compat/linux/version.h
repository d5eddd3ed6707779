/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/version.h - the kernel version a driver compiles against.
 *
 * Emulation notes: uldd's headers follow Linux 6.1's driver API, so a
 * driver's "#if LINUX_VERSION_CODE >= KERNEL_VERSION(...)" picks the 6.1
 * branch; older branches are what coccinelle/ and asm/system.h carry.
 */
#ifndef _LINUX_VERSION_H
#define _LINUX_VERSION_H

#define KERNEL_VERSION(a, b, c) (((a) << 16) + ((b) << 8) + ((c) > 255 ? 255 : (c)))
#define LINUX_VERSION_CODE KERNEL_VERSION(6, 1, 0)
#define LINUX_VERSION_MAJOR 6
#define LINUX_VERSION_PATCHLEVEL 1
#define LINUX_VERSION_SUBLEVEL 0

#endif /* _LINUX_VERSION_H */
