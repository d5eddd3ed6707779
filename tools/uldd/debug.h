/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * debug.h - 'uldd run --debug=LIST': the kernel's checkers (shim/debug/),
 * chosen by name, and the frame names their reports print.
 */
#ifndef ULDD_TOOLS_DEBUG_H
#define ULDD_TOOLS_DEBUG_H

#include <stdbool.h>
#include <stddef.h>

struct tool_debug {
	unsigned int mask; /* ULDD_DEBUG_* of the shim's uldd/debug.h */
	bool up; /* 'up': one vCPU */
};

/*
 * LIST: names separated by commas (kasan, lockdep, dma, leaks, dma-strict,
 * up, or all for every one). 0, or ULDD_EXIT_USAGE after a line naming
 * the unknown one and the known ones.
 */
int tool_debug_parse(const char *list, struct tool_debug *d);

/*
 * With kasan on, one warning line when driver was not built for it (no
 * call to the kasan checks): it runs, with the shim's checks only.
 */
void tool_debug_check_driver(const struct tool_debug *d, const char *driver);

/* Before the first vCPU: the mask into the shim, and how reports name frames. */
void tool_debug_start(const struct tool_debug *d);

/*
 * After every module's exit: the checkers' closing checks (leaks). The
 * number of reports the run made, each already printed.
 */
unsigned long tool_debug_finish(const struct tool_debug *d);

#endif /* ULDD_TOOLS_DEBUG_H */
