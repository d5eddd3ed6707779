/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/rtnetlink.h - what drivers take from it: the rtnl lock
 * (rtnl_lock, rtnl_unlock, ASSERT_RTNL), declared with net_device.
 */
#ifndef _LINUX_RTNETLINK_H
#define _LINUX_RTNETLINK_H

#include <linux/netdevice.h>

#endif /* _LINUX_RTNETLINK_H */
