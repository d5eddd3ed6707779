/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/tracepoint.h - tracepoints as a kernel built without
 * CONFIG_TRACEPOINTS has them: TRACE_EVENT() declares trace_<name>(),
 * which does nothing, and trace_<name>_enabled(), which is false.
 *
 * Emulation notes: there is no tracefs in a user process to read events
 * from; a driver's tracepoints cost nothing and record nothing. gdb,
 * uprobes or perf on the uldd process see the driver's calls instead.
 */
#ifndef _LINUX_TRACEPOINT_H
#define _LINUX_TRACEPOINT_H

#include <linux/errno.h>
#include <linux/types.h>

#define TP_PROTO(args...) args
#define TP_ARGS(args...) args
#define TP_CONDITION(args...) args
#define PARAMS(args...) args

#define DECLARE_TRACE(name, proto, args)                 \
	static inline void trace_##name(proto)           \
	{                                                \
	}                                                \
	static inline bool trace_##name##_enabled(void)  \
	{                                                \
		return false;                            \
	}                                                \
	static inline int register_trace_##name(void *p) \
	{                                                \
		(void)p;                                 \
		return -ENOSYS;                          \
	}

#define TRACE_EVENT(name, proto, args, tstruct, assign, print) \
	DECLARE_TRACE(name, PARAMS(proto), PARAMS(args))
#define DECLARE_EVENT_CLASS(name, proto, args, tstruct, assign, print)
#define DEFINE_EVENT(template, name, proto, args) DECLARE_TRACE(name, PARAMS(proto), PARAMS(args))

#endif /* _LINUX_TRACEPOINT_H */
