/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * trace/define_trace.h - where a driver's trace header, included a second
 * time with CREATE_TRACE_POINTS, would define its events. Tracepoints do
 * nothing here (linux/tracepoint.h), so there is nothing to define.
 */
