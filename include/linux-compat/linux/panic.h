/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/panic.h - panic(): the message and the end of the driver process,
 * as BUG() ends it (the door's uhost_abort: a backtrace, SIGABRT), which
 * 'uldd supervise' reports as an oops and restarts.
 *
 * Emulation notes: the host goes on; only the driver's process stops. No
 * panic notifiers, no panic_timeout, no reboot.
 */
#ifndef _LINUX_PANIC_H
#define _LINUX_PANIC_H

#include <linux/compiler.h>

__printf(1, 2) __noreturn __cold void panic(const char *fmt, ...);

#endif /* _LINUX_PANIC_H */
