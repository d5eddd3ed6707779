/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* if.h - interface flags and names, as the socket API defines them. */
#ifndef _LINUX_IF_H
#define _LINUX_IF_H

#include <linux/compiler.h>
#include <linux/socket.h>
#include <linux/types.h>

#define IFNAMSIZ 16

/* dev->flags: the values of SIOCGIFFLAGS (netdevice(7)). */
#define IFF_UP 0x1
#define IFF_BROADCAST 0x2
#define IFF_DEBUG 0x4
#define IFF_LOOPBACK 0x8
#define IFF_POINTOPOINT 0x10
#define IFF_NOTRAILERS 0x20
#define IFF_RUNNING 0x40
#define IFF_NOARP 0x80
#define IFF_PROMISC 0x100
#define IFF_ALLMULTI 0x200
#define IFF_MASTER 0x400
#define IFF_SLAVE 0x800
#define IFF_MULTICAST 0x1000
#define IFF_PORTSEL 0x2000
#define IFF_AUTOMEDIA 0x4000
#define IFF_DYNAMIC 0x8000

/* dev->priv_flags: not visible to user space; the shim's own values. */
#define IFF_UNICAST_FLT (1u << 0)
#define IFF_SUPP_NOFCS (1u << 1)
#define IFF_LIVE_ADDR_CHANGE (1u << 2)
#define IFF_TX_SKB_SHARING (1u << 3)

/* An interface request (netdevice(7)); drivers see it in their ioctls. */
struct ifreq {
	char ifr_name[IFNAMSIZ];
	union {
		struct sockaddr ifru_addr;
		struct sockaddr ifru_hwaddr;
		short ifru_flags;
		int ifru_ivalue;
		int ifru_mtu;
		void __user *ifru_data;
		char ifru_pad[24];
	} ifr_ifru;
};

#define ifr_data ifr_ifru.ifru_data

#endif /* _LINUX_IF_H */
