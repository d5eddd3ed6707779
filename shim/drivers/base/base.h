/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * base.h - what the driver core's files (devres.c) give the bus layers:
 * releasing a device's managed resources after remove or a failed probe.
 */
#ifndef ULDD_SHIM_DRIVERS_BASE_H
#define ULDD_SHIM_DRIVERS_BASE_H

struct device;

/* Runs every devres release of dev, newest first, and frees them. May sleep. */
void uldd_devres_release_all(struct device *dev);

#endif /* ULDD_SHIM_DRIVERS_BASE_H */
