/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/sed-opal.h - the TCG Opal self-encrypting drive library, as a
 * kernel built without CONFIG_BLK_SED_OPAL has it: no Opal state is kept
 * (init_opal_dev() gives NULL), no ioctl is an Opal one, and nothing is
 * unlocked on resume.
 */
#ifndef _LINUX_SED_OPAL_H
#define _LINUX_SED_OPAL_H

#include <linux/compiler.h>
#include <linux/key.h>
#include <linux/types.h>

struct opal_dev;

typedef int(sec_send_recv)(void *data, u16 spsp, u8 secp, void *buffer, size_t len, bool send);

static inline bool is_sed_ioctl(unsigned int cmd)
{
	(void)cmd;
	return false;
}

static inline int sed_ioctl(struct opal_dev *dev, unsigned int cmd, void __user *ioctl_ptr)
{
	(void)dev;
	(void)cmd;
	(void)ioctl_ptr;
	return 0;
}

static inline bool opal_unlock_from_suspend(struct opal_dev *dev)
{
	(void)dev;
	return false;
}

static inline void free_opal_dev(struct opal_dev *dev)
{
	(void)dev;
}

#define init_opal_dev(data, send_recv) ((struct opal_dev *)NULL)

#endif /* _LINUX_SED_OPAL_H */
