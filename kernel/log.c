// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * log.c - where printk ends: one line per call on stderr, filtered by level.
 * A single write(2) per line keeps lines whole when threads log at once.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

/*
 * -1 until first asked: then ULDD_LOG_LEVEL (one digit, 0-7, printk's
 * levels) or UHOST_LOG_INFO, so a test can see debug lines of any program.
 */
static int uh_log_max = -1;

void uhost_log_set_level(int level)
{
	__atomic_store_n(&uh_log_max, level, __ATOMIC_RELAXED);
}

int uhost_log_level(void)
{
	int level = __atomic_load_n(&uh_log_max, __ATOMIC_RELAXED);
	const char *env;
	int unset = -1;

	if (level >= 0)
		return level;
	env = getenv("ULDD_LOG_LEVEL");
	level = env && env[0] >= '0' && env[0] <= '7' && !env[1] ? env[0] - '0' : UHOST_LOG_INFO;
	/* A concurrent uhost_log_set_level() wins. */
	if (!__atomic_compare_exchange_n(&uh_log_max, &unset, level, false, __ATOMIC_RELAXED,
					 __ATOMIC_RELAXED))
		level = unset;
	return level;
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
