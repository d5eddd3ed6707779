/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/key.h - the kernel's key retention service, as far as drivers
 * name it: a key's serial number. There are no keyrings in a driver
 * process (NVMe/TCP's TLS keys are not used by the PCI transport).
 */
#ifndef _LINUX_KEY_H
#define _LINUX_KEY_H

#include <linux/types.h>

typedef s32 key_serial_t;

struct key;

#endif /* _LINUX_KEY_H */
