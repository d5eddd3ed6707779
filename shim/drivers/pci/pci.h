/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * pci.h - what the shim's PCI files share: the private half of a pci_dev
 * and the I/O-port windows.
 */
#ifndef ULDD_SHIM_DRIVERS_PCI_H
#define ULDD_SHIM_DRIVERS_PCI_H

#include <linux/list.h>
#include <linux/pci.h>

struct uhost_dev;

#define ULDD_PCI_MAX_VECTORS 32

struct uldd_pci_private {
	struct uhost_dev *udev;
	struct pci_dev *pdev;
	struct pci_driver *driver;
	struct list_head node; /* uldd_pci_devices */
	struct pci_bus bus;
	char name[16]; /* "DDDD:BB:DD.F" */
	int enable_cnt;
	unsigned int regions; /* BARs requested, a bitmask */
	/* Interrupt vectors: irq numbers from the shim's irq layer. */
	int irq_type; /* UHOST_IRQ_*, -1 for none */
	unsigned int nvec;
	int irqs[ULDD_PCI_MAX_VECTORS];
	u32 saved_config[16]; /* the header, for pci_save/restore_state */
};

static inline struct uhost_dev *pdev_udev(const struct pci_dev *pdev)
{
	return pdev->uldd->udev;
}

/* ioport.c: a port window for an I/O BAR; returns its first port number. */
unsigned long uldd_ioport_add(struct uhost_dev *udev, unsigned int bar, unsigned long size);
void uldd_ioport_remove(struct uhost_dev *udev);

/* msi.c */
int uldd_pci_intx_attach(struct pci_dev *pdev);
void uldd_pci_irqs_detach(struct pci_dev *pdev);

#endif /* ULDD_SHIM_DRIVERS_PCI_H */
