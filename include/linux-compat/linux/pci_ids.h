/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/pci_ids.h - PCI vendor IDs and class codes the target drivers name
 * (the PCI-SIG's and vendors' assigned numbers).
 */
#ifndef _LINUX_PCI_IDS_H
#define _LINUX_PCI_IDS_H

#define PCI_CLASS_NOT_DEFINED 0x0000
#define PCI_CLASS_STORAGE_EXPRESS 0x0108
#define PCI_CLASS_NETWORK_ETHERNET 0x0200
#define PCI_CLASS_NETWORK_OTHER 0x0280
#define PCI_CLASS_BRIDGE_PCI 0x0604
#define PCI_CLASS_OTHERS 0xff

#define PCI_VENDOR_ID_AMD 0x1022
#define PCI_VENDOR_ID_DEC 0x1011
#define PCI_VENDOR_ID_TRIDENT 0x1023
#define PCI_VENDOR_ID_REALTEK 0x10ec
#define PCI_VENDOR_ID_VMWARE 0x15ad
#define PCI_DEVICE_ID_VMWARE_VMXNET3 0x07b0
#define PCI_VENDOR_ID_REDHAT 0x1b36
#define PCI_VENDOR_ID_REDHAT_QUMRANET 0x1af4
#define PCI_VENDOR_ID_INTEL 0x8086
#define PCI_VENDOR_ID_QEMU 0x1234
#define PCI_VENDOR_ID_AT 0x1259
#define PCI_VENDOR_ID_TTTECH 0x0357
#define PCI_VENDOR_ID_ATHEROS 0x168c

/* Device IDs, under their vendor's. */
#define PCI_DEVICE_ID_AMD_LANCE 0x2000
#define PCI_DEVICE_ID_AMD_LANCE_HOME 0x2001
#define PCI_DEVICE_ID_REALTEK_8139 0x8139
#define PCI_DEVICE_ID_TTTECH_MC322 0x000a

/* Subsystem IDs (a board maker's own numbering). */
#define PCI_SUBDEVICE_ID_AT_2700FX 0x2701
#define PCI_SUBDEVICE_ID_AT_2701FX 0x2703

#endif /* _LINUX_PCI_IDS_H */
