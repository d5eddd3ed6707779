/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/trace_seq.h - the buffer a trace event's output is printed into.
 * Without tracefs (linux/tracepoint.h) no event is ever printed; drivers
 * name the type in the prototypes of their event printers, which are
 * compiled only with CONFIG_TRACING.
 */
#ifndef _LINUX_TRACE_SEQ_H
#define _LINUX_TRACE_SEQ_H

struct trace_seq;

#endif /* _LINUX_TRACE_SEQ_H */
