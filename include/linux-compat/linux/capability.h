/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * capability.h - privilege checks. A uldd driver process acts for whoever
 * started it, who already had to be allowed the device (VFIO): the checks
 * the driver makes on behalf of ioctl callers always pass.
 */
#ifndef _LINUX_CAPABILITY_H
#define _LINUX_CAPABILITY_H

#include <linux/types.h>

#define CAP_NET_ADMIN 12
#define CAP_NET_RAW 13
#define CAP_SYS_ADMIN 21

static inline bool capable(int cap)
{
	(void)cap;
	return true;
}

#endif /* _LINUX_CAPABILITY_H */
