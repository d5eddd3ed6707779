// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * toolerr.c - the uldd command's message helpers for tests that link some
 * of tools/uldd/ but not main.c, where they live: the same line on stderr,
 * and a usage error that only returns its exit code (no help to print).
 */
#include <stdarg.h>
#include <stdio.h>

#include "uldd.h"

void tool_err(const char *fmt, ...)
{
	va_list ap;

	fputs("uldd: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int tool_usage_err(const struct tool_cmd *cmd, const char *fmt, ...)
{
	(void)cmd;
	(void)fmt;
	return ULDD_EXIT_USAGE;
}
