/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/bpf.h - BPF programs as drivers see them: an opaque program and
 * the verdicts an XDP program returns.
 *
 * Emulation notes: uldd runs no BPF. The shim never calls a driver's
 * ndo_bpf, so no program is ever attached and the XDP paths of a driver
 * stay unused; the calls only an attached program reaches stop loudly
 * (shim/net/xdp.c).
 */
#ifndef _LINUX_BPF_H
#define _LINUX_BPF_H

#include <linux/types.h>

struct bpf_prog;

/* What an XDP program decided for a frame (the UAPI's values). */
enum xdp_action {
	XDP_ABORTED = 0,
	XDP_DROP,
	XDP_PASS,
	XDP_TX,
	XDP_REDIRECT,
};

/* Headroom an XDP program may grow a frame's head into. */
#define XDP_PACKET_HEADROOM 256

void bpf_prog_put(struct bpf_prog *prog);

#endif /* _LINUX_BPF_H */
