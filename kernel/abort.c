// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * abort.c - the door's crash calls: a backtrace of the calling thread
 * (glibc's backtrace_symbols_fd, which needs no malloc) and abort() after
 * one last message, for BUG() and for what the shim cannot go on from.
 */
#include <execinfo.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

#define UH_BACKTRACE_MAX 64

void uhost_backtrace(void)
{
	void *frames[UH_BACKTRACE_MAX];
	int n = backtrace(frames, UH_BACKTRACE_MAX);

	/* Frame 0 is this function: leave it out. */
	if (n > 1)
		backtrace_symbols_fd(frames + 1, n - 1, STDERR_FILENO);
}

void uhost_abort(const char *msg)
{
	size_t len = msg ? strlen(msg) : 0;

	/* Whatever fails to be written here, the abort below still happens. */
	if (len && write(STDERR_FILENO, msg, len) < 0)
		len = 0;
	if (len && msg[len - 1] != '\n' && write(STDERR_FILENO, "\n", 1) < 0)
		len = 0;
	uhost_backtrace();
	abort();
}
