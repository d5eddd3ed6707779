/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * net/vxlan.h - VXLAN's UDP ports (RFC 7348), which drivers with tunnel
 * offloads compare against. uldd has no VXLAN devices of its own.
 */
#ifndef _NET_VXLAN_H
#define _NET_VXLAN_H

/* The IANA port, and the one Linux used before it was assigned. */
#define IANA_VXLAN_UDP_PORT 4789
#define VXLAN_UDP_PORT 8472

#endif /* _NET_VXLAN_H */
