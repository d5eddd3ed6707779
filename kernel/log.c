// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * log.c - where printk ends: one line per call on stderr, filtered by level.
 * A single write(2) per line keeps lines whole when threads log at once.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

static int uh_log_max = UHOST_LOG_INFO;

void uhost_log_set_level(int level)
{
	__atomic_store_n(&uh_log_max, level, __ATOMIC_RELAXED);
}

int uhost_log_level(void)
{
	return __atomic_load_n(&uh_log_max, __ATOMIC_RELAXED);
}

void uhost_log(int level, const char *msg, uhost_size len)
{
	char line[1024];
	size_t n;

	if (level > uhost_log_level())
		return;
	if (len > sizeof(line) - 1)
		len = sizeof(line) - 1;
	memcpy(line, msg, len);
	n = len;
	if (n == 0 || line[n - 1] != '\n')
		line[n++] = '\n';
	/* A short write to stderr loses log text only; nothing to recover. */
	if (write(STDERR_FILENO, line, n) < 0)
		return;
}

void uh_log(int level, const char *fmt, ...)
{
	char line[1024];
	va_list ap;
	int n;

	if (level > uhost_log_level())
		return;
	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof(line))
		n = sizeof(line) - 1;
	uhost_log(level, line, (size_t)n);
}
