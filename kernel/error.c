// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * error.c - the per-thread message behind uhost_errmsg(): a failure anywhere
 * in the host layer says once, in one line, what failed and how to fix it.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

static _Thread_local char uh_errbuf[512];

const char *uhost_errmsg(void)
{
	return uh_errbuf[0] ? uh_errbuf : "no error";
}

int uh_fail(int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(uh_errbuf, sizeof(uh_errbuf), fmt, ap);
	va_end(ap);
	return err;
}

int uh_fail_prefix(int err, const char *fmt, ...)
{
	char old[sizeof(uh_errbuf)];
	size_t n;
	va_list ap;

	memcpy(old, uh_errbuf, sizeof(old));
	va_start(ap, fmt);
	vsnprintf(uh_errbuf, sizeof(uh_errbuf), fmt, ap);
	va_end(ap);
	n = strlen(uh_errbuf);
	/* Truncation keeps the start of the line, which names the object. */
	snprintf(uh_errbuf + n, sizeof(uh_errbuf) - n, ": %.*s", (int)(sizeof(uh_errbuf) - n), old);
	return err;
}
