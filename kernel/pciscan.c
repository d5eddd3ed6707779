// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * pciscan.c - the PCI functions sysfs lists, with the IDs a driver's table
 * matches on and whether vfio-pci holds them, for the shim's PCI bus.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static int cmp_info(const void *a, const void *b)
{
	return strcmp(((const struct uhost_pci_info *)a)->addr,
		      ((const struct uhost_pci_info *)b)->addr);
}

static int read_info(const struct uh_pci_addr *pa, struct uhost_pci_info *info)
{
	char addr[UH_PCI_ADDR_LEN];
	static const char *const attrs[] = { "vendor",		 "device", "subsystem_vendor",
					     "subsystem_device", "class",  "revision" };
	unsigned long v[UH_ARRAY_SIZE(attrs)];
	char driver[64];
	int err;

	uh_pci_addr_format(pa, addr);
	for (size_t i = 0; i < UH_ARRAY_SIZE(attrs); i++) {
		err = uh_sysfs_read_hex(addr, attrs[i], &v[i]);
		if (err)
			return err;
	}
	err = uh_sysfs_driver(addr, driver, sizeof(driver));
	if (err)
		return err;
	memset(info, 0, sizeof(*info));
	_Static_assert(sizeof(info->addr) >= UH_PCI_ADDR_LEN, "room for DDDD:BB:DD.F");
	memcpy(info->addr, addr, UH_PCI_ADDR_LEN);
	info->vendor = (uhost_u16)v[0];
	info->device = (uhost_u16)v[1];
	info->subvendor = (uhost_u16)v[2];
	info->subdevice = (uhost_u16)v[3];
	info->class = (uhost_u32)v[4];
	info->revision = (uhost_u8)v[5];
	info->vfio = !strcmp(driver, "vfio-pci");
	return 0;
}

int uhost_pci_scan(struct uhost_pci_info *info, unsigned int max, unsigned int *n)
{
	struct uhost_pci_info *all = NULL;
	unsigned int count = 0, cap = 0;
	char path[512];
	struct dirent *de;
	DIR *dir;

	snprintf(path, sizeof(path), "%s/bus/pci/devices", uh_sysfs_root());
	dir = opendir(path);
	if (!dir)
		return uh_fail(errno, "cannot list %s: %s (is sysfs mounted?)", path,
			       strerror(errno));
	while ((de = readdir(dir))) {
		struct uh_pci_addr pa;

		if (de->d_name[0] == '.' || uh_pci_addr_parse(de->d_name, &pa))
			continue;
		if (count == cap) {
			struct uhost_pci_info *more;

			cap = cap ? 2 * cap : 32;
			more = realloc(all, cap * sizeof(*all));
			if (!more) {
				closedir(dir);
				free(all);
				return uh_fail(ENOMEM, "out of memory");
			}
			all = more;
		}
		/* A function that vanishes meanwhile (hot unplug) is skipped. */
		if (!read_info(&pa, &all[count]))
			count++;
	}
	closedir(dir);
	if (count)
		qsort(all, count, sizeof(*all), cmp_info);
	for (unsigned int i = 0; i < count && i < max; i++)
		info[i] = all[i];
	*n = count;
	free(all);
	return 0;
}
