/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * net/pkt_sched.h - queueing disciplines. uldd has none of its own: the
 * host's qdisc on the TAP does the scheduling, so this only defines what
 * drivers name.
 */
#ifndef _NET_PKT_SCHED_H
#define _NET_PKT_SCHED_H

#include <linux/netdevice.h>

#define TC_PRIO_CONTROL 7

#endif /* _NET_PKT_SCHED_H */
