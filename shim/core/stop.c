// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * stop.c - stop the driver loudly: print why at KERN_EMERG, then the door's
 * uhost_abort() (a backtrace, then SIGABRT and a core dump, which the
 * supervisor tells apart from a clean exit). Any context; no state.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include "door.h"

#include "stop.h"

void uldd_trace_and_stop(const char *fn)
{
	printk(KERN_EMERG "uldd: %s is not implemented: stopping the driver\n", fn);
	uhost_abort(NULL);
}

void uldd_stop(const char *fmt, ...)
{
	char msg[256];
	va_list args;

	va_start(args, fmt);
	vscnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	printk(KERN_EMERG "uldd: %s: stopping the driver\n", msg);
	uhost_abort(NULL);
}
