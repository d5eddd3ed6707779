/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * net/geneve.h - GENEVE's UDP port (RFC 8926), which drivers with tunnel
 * offloads compare against. uldd has no GENEVE devices of its own.
 */
#ifndef _NET_GENEVE_H
#define _NET_GENEVE_H

#define GENEVE_UDP_PORT 6081

#endif /* _NET_GENEVE_H */
