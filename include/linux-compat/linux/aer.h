/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/aer.h - PCIe Advanced Error Reporting, the calls Linux 6.1 drivers
 * still make (6.5 moved them into the PCI core).
 *
 * Emulation notes: AER belongs to the host. Its port driver owns the root
 * port's error reporting and, for a device bound to vfio-pci, reports
 * errors to the owner through VFIO's error eventfd, so a driver in user
 * space has nothing to switch on. Both calls answer as a kernel without
 * CONFIG_PCIEAER does: -EINVAL, which drivers ignore.
 */
#ifndef _LINUX_AER_H
#define _LINUX_AER_H

#include <linux/errno.h>

struct pci_dev;

static inline int pci_enable_pcie_error_reporting(struct pci_dev *dev)
{
	(void)dev;
	return -EINVAL;
}

static inline int pci_disable_pcie_error_reporting(struct pci_dev *dev)
{
	(void)dev;
	return -EINVAL;
}

#endif /* _LINUX_AER_H */
