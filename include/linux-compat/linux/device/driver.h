/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/device/driver.h - the generic part of a driver that a bus driver
 * (struct pci_driver) embeds.
 *
 * Emulation notes: there is no driver core or sysfs; the bus layer binds
 * devices itself, and these fields are kept for drivers that read them.
 */
#ifndef _LINUX_DEVICE_DRIVER_H
#define _LINUX_DEVICE_DRIVER_H

#include <linux/types.h>

struct module;
struct device;

/* Whether probe may run asynchronously: the shim's probes always run in order. */
enum probe_type {
	PROBE_DEFAULT_STRATEGY,
	PROBE_PREFER_ASYNCHRONOUS,
	PROBE_FORCE_SYNCHRONOUS,
};

struct device_driver {
	const char *name;
	struct module *owner;
	const char *mod_name;
	bool suppress_bind_attrs;
	enum probe_type probe_type;
	const void *pm; /* struct dev_pm_ops, not called */
	int (*probe)(struct device *dev);
	int (*remove)(struct device *dev);
	void (*shutdown)(struct device *dev);
};

#endif /* _LINUX_DEVICE_DRIVER_H */
