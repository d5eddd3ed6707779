/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/inetdevice.h - a net_device's IPv4 configuration. In uldd the
 * host's stack owns addresses (on the TAP); drivers include this header
 * for what it pulls in, so it gives only that.
 */
#ifndef _LINUX_INETDEVICE_H
#define _LINUX_INETDEVICE_H

#include <linux/ip.h>
#include <linux/netdevice.h>

#endif /* _LINUX_INETDEVICE_H */
