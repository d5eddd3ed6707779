// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * kernel/panic.c - what WARN() and BUG() (linux/bug.h) print: the message,
 * "WARNING: at file:line func()" and the door's backtrace, or the BUG line
 * and the door's abort; panic() (linux/panic.h) ends the driver as BUG()
 * does. Any context; no state.
 */
#include <linux/bug.h>
#include <linux/kernel.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <uldd/port.h>
#include "../core/door.h"

void __warn_printk(const char *file, int line, const char *func, const char *fmt, ...)
{
	va_list args;

	if (fmt) {
		struct va_format vaf;

		va_start(args, fmt);
		vaf.fmt = fmt;
		vaf.va = &args;
		printk(KERN_WARNING "%pV", &vaf);
		va_end(args);
	}
	printk(KERN_WARNING "WARNING: at %s:%d %s()\n", file, line, func);
	uhost_backtrace();
}

void __uldd_bug(const char *file, int line, const char *func)
{
	printk(KERN_EMERG "kernel BUG at %s:%d %s()!\n", file, line, func);
	uhost_abort("uldd: BUG: stopping the driver");
}

void panic(const char *fmt, ...)
{
	struct va_format vaf;
	va_list args;

	va_start(args, fmt);
	vaf.fmt = fmt;
	vaf.va = &args;
	printk(KERN_EMERG "Kernel panic - not syncing: %pV\n", &vaf);
	va_end(args);
	uhost_abort("uldd: panic: stopping the driver");
}

/*
 * The one function behind every stub 'uldd port --stubs' generates
 * (uldd/port.h): backtrace and SIGABRT, as BUG(), so the maintainer sees
 * what to write next.
 */
void __noreturn uldd_port_missing(const char *name)
{
	printk(KERN_EMERG
	       "uldd: the driver called %s(), which the shim does not provide (uldd port --stubs)\n",
	       name);
	uhost_abort("uldd: missing kernel function: stopping the driver");
}
