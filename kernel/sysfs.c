// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * sysfs.c - the state of PCI devices as /sys/bus/pci shows it: which driver
 * holds a device, its IOMMU group, its IDs. Everything here is read before
 * VFIO is opened, so that each user mistake gets its own message and fix.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

static const char *uh_root;

void uh_sysfs_set_root(const char *root)
{
	uh_root = root;
}

const char *uh_root_from_env(const char **cache, const char *env, const char *dflt)
{
	if (!*cache) {
		const char *val = getenv(env);

		*cache = val && *val ? val : dflt;
	}
	return *cache;
}

const char *uh_sysfs_root(void)
{
	return uh_root_from_env(&uh_root, "ULDD_SYSFS_ROOT", "/sys");
}

int uh_sysfs_dev_path(char *buf, size_t len, const char *addr, const char *leaf)
{
	int n = snprintf(buf, len, "%s/bus/pci/devices/%s%s%s", uh_sysfs_root(), addr,
			 leaf ? "/" : "", leaf ? leaf : "");

	if (n < 0 || (size_t)n >= len)
		return uh_fail(ENAMETOOLONG, "sysfs path for %s is too long", addr);
	return 0;
}

bool uh_sysfs_dev_exists(const char *addr)
{
	char path[PATH_MAX];
	struct stat st;

	return !uh_sysfs_dev_path(path, sizeof(path), addr, NULL) && stat(path, &st) == 0;
}

/* The last component of a symlink's target: "../../bus/pci/drivers/e1000". */
static int link_basename(const char *path, char *buf, size_t len)
{
	char target[PATH_MAX];
	ssize_t n = readlink(path, target, sizeof(target) - 1);
	const char *base;

	if (n < 0)
		return errno;
	target[n] = '\0';
	base = strrchr(target, '/');
	base = base ? base + 1 : target;
	if (strlen(base) >= len)
		return ENAMETOOLONG;
	strcpy(buf, base);
	return 0;
}

int uh_sysfs_driver(const char *addr, char *buf, size_t len)
{
	char path[PATH_MAX];
	int err = uh_sysfs_dev_path(path, sizeof(path), addr, "driver");

	if (err)
		return err;
	err = link_basename(path, buf, len);
	if (err == ENOENT) {
		buf[0] = '\0';
		return 0;
	}
	if (err)
		return uh_fail(err, "cannot read %s: %s", path, strerror(err));
	return 0;
}

int uh_sysfs_iommu_group(const char *addr, int *group)
{
	char path[PATH_MAX], name[32], *end;
	int err = uh_sysfs_dev_path(path, sizeof(path), addr, "iommu_group");
	long val;

	if (err)
		return err;
	err = link_basename(path, name, sizeof(name));
	if (err)
		return err;
	val = strtol(name, &end, 10);
	if (*end || val < 0 || val > INT_MAX)
		return EINVAL;
	*group = (int)val;
	return 0;
}

/* The whole of a device's attribute ATTR, as a string cut at size - 1. */
static int sysfs_read_text(const char *addr, const char *attr, char *text, size_t size)
{
	char path[PATH_MAX];
	int err = uh_sysfs_dev_path(path, sizeof(path), addr, attr);
	size_t have = 0;
	ssize_t n = 0;
	int fd;

	if (err)
		return err;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno;
	while (have < size - 1 && (n = read(fd, text + have, size - 1 - have)) > 0)
		have += (size_t)n;
	err = n < 0 ? errno : 0;
	close(fd);
	text[have] = '\0';
	return err;
}

int uh_sysfs_read_hex(const char *addr, const char *attr, unsigned long *val)
{
	char text[64], *end;
	int err = sysfs_read_text(addr, attr, text, sizeof(text));

	if (err)
		return err;
	errno = 0;
	*val = strtoul(text, &end, 16);
	if (errno || end == text)
		return EINVAL;
	return 0;
}

/* IORESOURCE_IO in a resource line's flags (Documentation/PCI/sysfs-pci). */
#define UH_RESOURCE_IO 0x100ul

int uh_sysfs_bar_ports(const char *addr, unsigned int bar, unsigned long *start, unsigned long *len)
{
	char text[2048], *line, *end;
	unsigned long long vals[3];
	int err = sysfs_read_text(addr, "resource", text, sizeof(text));

	if (err)
		return err;
	line = text;
	for (unsigned int i = 0; i < bar && line; i++) {
		line = strchr(line, '\n');
		line = line ? line + 1 : NULL;
	}
	if (!line || !*line)
		return ENOENT;
	for (int i = 0; i < 3; i++) {
		errno = 0;
		vals[i] = strtoull(line, &end, 16);
		if (errno || end == line)
			return ENOENT;
		line = end;
	}
	/* An unassigned BAR reads as zeros. */
	if (!(vals[2] & UH_RESOURCE_IO) || !vals[0] || vals[1] < vals[0] ||
	    vals[1] >= UH_PORT_LIMIT)
		return ENOENT;
	*start = (unsigned long)vals[0];
	*len = (unsigned long)(vals[1] - vals[0] + 1);
	return 0;
}

int uh_sysfs_write(const char *path, const char *val)
{
	size_t len = strlen(val);
	ssize_t n;
	int fd, err;

	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return errno;
	n = write(fd, val, len);
	err = n < 0 ? errno : (size_t)n == len ? 0 : EIO;
	close(fd);
	return err;
}

int uh_sysfs_check_vfio(const char *addr, char canon[UH_PCI_ADDR_LEN], int *group)
{
	struct uh_pci_addr pa;
	char driver[64];
	int err;

	err = uh_pci_addr_parse(addr, &pa);
	if (err)
		return err;
	uh_pci_addr_format(&pa, canon);
	if (!uh_sysfs_dev_exists(canon))
		return uh_fail(ENODEV,
			       "no PCI device at %s: 'uldd list' shows the devices there are",
			       canon);
	err = uh_sysfs_iommu_group(canon, group);
	if (err == ENOENT)
		return uh_fail(
			ENODEV,
			"%s has no IOMMU group: enable the IOMMU (intel_iommu=on or amd_iommu=on on the kernel command line, VT-d/AMD-Vi in the firmware)",
			canon);
	if (err)
		return uh_fail(err, "cannot read the IOMMU group of %s: %s", canon, strerror(err));
	err = uh_sysfs_driver(canon, driver, sizeof(driver));
	if (err)
		return err;
	if (strcmp(driver, "vfio-pci") != 0) {
		if (!driver[0])
			return uh_fail(ENODEV, "%s is bound to no driver: run 'uldd bind %s' first",
				       canon, canon);
		return uh_fail(EBUSY, "%s is bound to %s: run 'uldd bind %s' first", canon, driver,
			       canon);
	}
	return 0;
}
