// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * printk.c - printk and vprintk (linux/printk.h): format the message, take
 * its level prefix, and hand each line to the host's log (uhost_log), which
 * filters by level and writes a line at a time. Callable from any context;
 * no lock: the only shared state is the level pr_cont() reuses.
 */
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sprintf.h>

#include "door.h"

/* One message; Linux's records hold about as much. */
#define PRINTK_TEXT_MAX 1024

/* The level of the last message with one, for the KERN_CONT text after it. */
static int printk_last_level = MESSAGE_LOGLEVEL_DEFAULT;

int vprintk(const char *fmt, va_list args)
{
	char text[PRINTK_TEXT_MAX];
	int level = MESSAGE_LOGLEVEL_DEFAULT;
	bool has_level = false, cont = false;
	const char *p, *msg, *end, *nl;
	int len, c;

	len = vscnprintf(text, sizeof(text), fmt, args);
	end = text + len;
	/* Prefixes may repeat (KERN_CONT KERN_INFO); the last level wins. */
	for (p = text; (c = printk_get_level(p)); p += 2) {
		if (c == 'c') {
			cont = true;
		} else if (c == 'd') {
			level = MESSAGE_LOGLEVEL_DEFAULT;
			has_level = true;
		} else {
			level = c - '0';
			has_level = true;
		}
	}
	msg = p;
	if (cont && !has_level)
		level = READ_ONCE(printk_last_level);
	else
		WRITE_ONCE(printk_last_level, level);

	/*
	 * One uhost_log call per line. A continuation's empty line is skipped:
	 * pr_cont("\n") only ends a line, and lines here are never open.
	 */
	for (; p < end; p = nl + 1) {
		for (nl = p; nl < end && *nl != '\n'; nl++)
			;
		if (nl > p || (!cont && nl < end))
			uhost_log(level, p, nl - p);
	}
	return (int)(end - msg);
}

int printk(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintk(fmt, args);
	va_end(args);
	return n;
}
