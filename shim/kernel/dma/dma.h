/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * dma.h - the shim's DMA domain of a device, between the PCI layer (which
 * attaches a device at probe and detaches it at remove) and the DMA API
 * (mapping.c, pool.c). Attach, detach and mask changes are serialized by
 * one mutex and may sleep; the map fast path reads published state only.
 *
 * Emulation notes: struct uldd_device_private is for now only DMA state;
 * the PCI/device-model work grows it.
 */
#ifndef ULDD_SHIM_KERNEL_DMA_DMA_H
#define ULDD_SHIM_KERNEL_DMA_DMA_H

#include <linux/device.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/types.h>

struct uhost_dev;

struct uldd_dma_dev {
	/* The mask classes (chunk->dma[] slots) of the two masks; -1: none. */
	int slot;
	int cslot;
	/* dev->dma_mask points here when the bus gave no mask of its own. */
	u64 mask_store;
	/* dev->dma_parms likewise: a PCI device has them in Linux (pci_dev's own). */
	struct device_dma_parameters parms_store;
	struct list_head node; /* in the attached devices, under the DMA mutex */
	spinlock_t lock; /* guards bounces */
	struct list_head bounces;
	unsigned long nr_bounces; /* read without the lock on the unmap path */
};

struct uldd_device_private {
	struct device *dev;
	struct uhost_dev *udev;
	struct uldd_dma_dev dma;
};

/*
 * Gives dev a DMA domain over udev: masks default to 32 bits, as for PCI,
 * unless already set, and so do the DMA parameters (64 KiB segments that
 * never cross 4 GiB). 0 or -ENOMEM. May sleep.
 */
int uldd_dma_attach(struct device *dev, struct uhost_dev *udev);
/* Before uhost_dev_close(): drops the device's mappings. May sleep. */
void uldd_dma_detach(struct device *dev);

/* The coherent-mask address of arena memory va, or DMA_MAPPING_ERROR. */
dma_addr_t uldd_dma_coherent_addr(struct device *dev, const void *va, size_t size);

#endif /* ULDD_SHIM_KERNEL_DMA_DMA_H */
