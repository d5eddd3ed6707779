/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/inet.h - textual IP addresses: the longest each form can be. The
 * parsers (in4_pton, inet_pton_with_scope) are not provided: the drivers
 * that include this (NVMe over fabrics) parse addresses only on transports
 * uldd does not build.
 */
#ifndef _LINUX_INET_H
#define _LINUX_INET_H

#include <linux/types.h>

#define INET_ADDRSTRLEN 16
#define INET6_ADDRSTRLEN 48

#endif /* _LINUX_INET_H */
