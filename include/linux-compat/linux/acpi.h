/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/acpi.h - the firmware's ACPI tables, as a kernel built without
 * CONFIG_ACPI answers: a process does not see the host's ACPI namespace,
 * so no device has ACPI properties (acpi_storage_d3() is false).
 */
#ifndef _LINUX_ACPI_H
#define _LINUX_ACPI_H

#include <linux/types.h>

struct device;

static inline bool acpi_storage_d3(struct device *dev)
{
	(void)dev;
	return false;
}

#define ACPI_HANDLE(dev) ((void *)0)

#endif /* _LINUX_ACPI_H */
