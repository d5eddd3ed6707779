/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* socket.h - the generic socket address (ndo_set_mac_address takes one). */
#ifndef _LINUX_SOCKET_H
#define _LINUX_SOCKET_H

typedef unsigned short sa_family_t;

struct sockaddr {
	sa_family_t sa_family;
	char sa_data[14];
};

#define AF_UNSPEC 0
#define AF_INET 2
#define AF_INET6 10
#define AF_PACKET 17

#endif /* _LINUX_SOCKET_H */
