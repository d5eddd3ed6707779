/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/ptrace.h - what drivers take from it: force_successful_syscall_return(),
 * which on x86 has nothing to do (a negative return value of an ioctl is
 * only an error when it is in the errno range), and struct pt_regs by name.
 */
#ifndef _LINUX_PTRACE_H
#define _LINUX_PTRACE_H

struct pt_regs;

#define force_successful_syscall_return() \
	do {                              \
	} while (0)

#endif /* _LINUX_PTRACE_H */
