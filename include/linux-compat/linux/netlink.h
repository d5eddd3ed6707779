/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/netlink.h - the extended ack a netlink request carries back: one
 * message naming why a driver refused a setting. In uldd no netlink
 * request reaches a driver; the shim's own callers pass an ack or NULL.
 */
#ifndef _LINUX_NETLINK_H
#define _LINUX_NETLINK_H

#include <linux/sprintf.h>
#include <linux/types.h>

#define NETLINK_MAX_FMTMSG_LEN 80

struct netlink_ext_ack {
	const char *_msg;
	/* Room for a formatted message (NL_SET_ERR_MSG_FMT); _msg points at it. */
	char _msg_buf[NETLINK_MAX_FMTMSG_LEN];
};

/* Records msg (a string literal) in extack, which may be NULL. */
#define NL_SET_ERR_MSG(extack, msg)                          \
	do {                                                 \
		struct netlink_ext_ack *__extack = (extack); \
		if (__extack)                                \
			__extack->_msg = (msg);              \
	} while (0)

/* The same, formatted like printf; cut to the buffer's size. */
#define NL_SET_ERR_MSG_FMT(extack, fmt, args...)                                               \
	do {                                                                                   \
		struct netlink_ext_ack *__extack = (extack);                                   \
		if (__extack) {                                                                \
			snprintf(__extack->_msg_buf, sizeof(__extack->_msg_buf), fmt, ##args); \
			__extack->_msg = __extack->_msg_buf;                                   \
		}                                                                              \
	} while (0)

/* The _MOD forms prefix the module's name in Linux; one driver per process here. */
#define NL_SET_ERR_MSG_MOD(extack, msg) NL_SET_ERR_MSG(extack, msg)
#define NL_SET_ERR_MSG_FMT_MOD(extack, fmt, args...) NL_SET_ERR_MSG_FMT(extack, fmt, ##args)

#endif /* _LINUX_NETLINK_H */
