/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/sprintf.h - the kernel's formatted output into a buffer, with the
 * formats of Documentation/core-api/printk-formats.rst (no floating point,
 * no %n; %p takes extensions such as %pM, %pI4, %pe).
 *
 * snprintf/vsnprintf return the length the whole output would have (so a
 * return >= size means it was cut); scnprintf/vscnprintf return what was
 * written into buf, without the NUL. Every one NUL-terminates when size > 0.
 *
 * Emulation notes: see shim/lib/vsprintf.c for what each %p extension
 * prints here (plain %p is not hashed).
 */
#ifndef _LINUX_SPRINTF_H
#define _LINUX_SPRINTF_H

#include <linux/compiler_types.h>
#include <linux/gfp_types.h>
#include <linux/stdarg.h>
#include <linux/types.h>

__printf(3, 4) int snprintf(char *buf, size_t size, const char *fmt, ...);
__printf(3, 0) int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
__printf(3, 4) int scnprintf(char *buf, size_t size, const char *fmt, ...);
__printf(3, 0) int vscnprintf(char *buf, size_t size, const char *fmt, va_list args);
/* No bound: buf must be large enough. Prefer snprintf/scnprintf. */
__printf(2, 3) int sprintf(char *buf, const char *fmt, ...);
__printf(2, 0) int vsprintf(char *buf, const char *fmt, va_list args);
/* The output in a kmalloc() of its exact size (kfree it), or NULL. */
__printf(2, 3) __attribute__((__malloc__)) char *kasprintf(gfp_t gfp, const char *fmt, ...);
__printf(2, 0)
	__attribute__((__malloc__)) char *kvasprintf(gfp_t gfp, const char *fmt, va_list args);

#endif /* _LINUX_SPRINTF_H */
