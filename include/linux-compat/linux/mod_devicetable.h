/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/mod_devicetable.h - the ID tables a driver lists the devices it
 * drives in; a table ends with an all-zero entry.
 */
#ifndef _LINUX_MOD_DEVICETABLE_H
#define _LINUX_MOD_DEVICETABLE_H

#include <linux/types.h>

typedef unsigned long kernel_ulong_t;

#define PCI_ANY_ID (~0)

struct pci_device_id {
	__u32 vendor, device; /* PCI_ANY_ID matches any */
	__u32 subvendor, subdevice;
	__u32 class, class_mask; /* (class ^ dev class) & class_mask == 0 */
	kernel_ulong_t driver_data;
	__u32 override_only;
};

#endif /* _LINUX_MOD_DEVICETABLE_H */
