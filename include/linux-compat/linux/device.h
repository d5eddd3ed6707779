/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/device.h - struct device, as far as DMA needs it for now: the
 * parent, the driver's data, the DMA masks and the shim's private state.
 * No locking of its own: the fields are set at probe, before concurrency.
 *
 * Emulation notes: the layout is uldd's and only grows at the end (the
 * device model, dev_printk and devres come later). The shim's state (the
 * host device handle, the DMA domain) sits behind the one private member
 * p, set by the PCI layer at probe (uldd_dma_attach). There is no kobject:
 * dev_name() is init_name, set by whoever creates the device.
 */
#ifndef _LINUX_DEVICE_H
#define _LINUX_DEVICE_H

#include <linux/types.h>

struct uldd_device_private;

/* Limits a device puts on scatter-gather segments (dma_set_max_seg_size). */
struct device_dma_parameters {
	unsigned int max_segment_size;
	unsigned int min_align_mask;
	unsigned long segment_boundary_mask;
};

struct device {
	struct device *parent;
	const char *init_name;
	void *driver_data;
	/* Streaming DMA: points at the bus device's own mask (pci_dev). */
	u64 *dma_mask;
	/* dma_alloc_coherent() and dma_pool memory. */
	u64 coherent_dma_mask;
	struct device_dma_parameters *dma_parms;
	/* The shim's: never touched by drivers. */
	struct uldd_device_private *p;
};

static inline const char *dev_name(const struct device *dev)
{
	return dev->init_name ? dev->init_name : "(unnamed device)";
}

static inline void *dev_get_drvdata(const struct device *dev)
{
	return dev->driver_data;
}

static inline void dev_set_drvdata(struct device *dev, void *data)
{
	dev->driver_data = data;
}

#endif /* _LINUX_DEVICE_H */
