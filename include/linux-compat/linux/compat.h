/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/compat.h - 32-bit system calls on a 64-bit kernel. A uldd driver
 * is called by the shim, never by a 32-bit process's system call, so
 * in_compat_syscall() is false; the types exist for code that converts.
 */
#ifndef _LINUX_COMPAT_H
#define _LINUX_COMPAT_H

#include <linux/compiler.h>
#include <linux/types.h>

typedef u32 compat_uptr_t;
typedef s32 compat_int_t;
typedef u32 compat_uint_t;
typedef u32 compat_ulong_t;

static inline bool in_compat_syscall(void)
{
	return false;
}

static inline void __user *compat_ptr(compat_uptr_t uptr)
{
	return (void __user *)(unsigned long)uptr;
}

static inline compat_uptr_t ptr_to_compat(void __user *uptr)
{
	return (u32)(unsigned long)uptr;
}

#endif /* _LINUX_COMPAT_H */
