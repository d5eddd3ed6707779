/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * stop.h - stopping the driver loudly (STYLE.md, "Unimplemented means
 * loud"): for a kernel function uldd does not implement, and for a driver
 * bug Linux would oops or BUG() on. Callable from any context.
 */
#ifndef ULDD_SHIM_CORE_STOP_H
#define ULDD_SHIM_CORE_STOP_H

#include <linux/compiler_types.h>

/* "fn is not implemented", then stop. Pass __func__. */
__noreturn __cold void uldd_trace_and_stop(const char *fn);
/* The message (one line, printk's format), then stop. */
__printf(1, 2) __noreturn __cold void uldd_stop(const char *fmt, ...);

#endif /* ULDD_SHIM_CORE_STOP_H */
