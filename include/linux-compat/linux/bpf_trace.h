/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/bpf_trace.h - XDP's tracepoints. uldd has no tracing; the one
 * tracepoint drivers fire, when a program aborts, needs a program (see
 * linux/bpf.h), so it stops loudly.
 */
#ifndef _LINUX_BPF_TRACE_H
#define _LINUX_BPF_TRACE_H

#include <linux/types.h>

struct bpf_prog;
struct net_device;

void trace_xdp_exception(const struct net_device *dev, const struct bpf_prog *prog, u32 act);

#endif /* _LINUX_BPF_TRACE_H */
