/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/if_arp.h - hardware types of ARP (net_device.type), as the
 * socket API defines them (netdevice(7), SIOCGIFHWADDR).
 */
#ifndef _LINUX_IF_ARP_H
#define _LINUX_IF_ARP_H

#include <linux/netdevice.h>

#define ARPHRD_ETHER 1
#define ARPHRD_LOOPBACK 772
#define ARPHRD_NONE 0xfffe

#endif /* _LINUX_IF_ARP_H */
