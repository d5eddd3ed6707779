// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * stop.c - stop the driver loudly: print why at KERN_EMERG, then trap.
 * XXX: __builtin_trap() (SIGILL, a core dump naming the caller) until the
 * door has a call for a clean abort that the supervisor can tell apart.
 * Any context; no state.
 */
#include <linux/kernel.h>
#include <linux/printk.h>

#include "stop.h"

void uldd_trace_and_stop(const char *fn)
{
	printk(KERN_EMERG "uldd: %s is not implemented: stopping the driver\n", fn);
	__builtin_trap();
}

void uldd_stop(const char *fmt, ...)
{
	char msg[256];
	va_list args;

	va_start(args, fmt);
	vscnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	printk(KERN_EMERG "uldd: %s: stopping the driver\n", msg);
	__builtin_trap();
}
