// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * fakesys.c - builds the fake /sys and /dev of fakesys.h. The links are
 * relative, as the kernel makes them, so code that follows driver/unbind or
 * iommu_group through them behaves as on a real tree.
 */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fakesys.h"
#include "internal.h"

static int vpath(const char *base, char *buf, size_t len, const char *fmt, va_list ap)
{
	int n = snprintf(buf, len, "%s/", base);

	if (n < 0 || (size_t)n >= len)
		return ENAMETOOLONG;
	n = vsnprintf(buf + n, len - (size_t)n, fmt, ap);
	return n < 0 || (size_t)n >= len ? ENAMETOOLONG : 0;
}

static int __attribute__((format(printf, 2, 3))) mkdirs(const char *base, const char *fmt, ...)
{
	char path[PATH_MAX];
	va_list ap;
	int err;

	va_start(ap, fmt);
	err = vpath(base, path, sizeof(path), fmt, ap);
	va_end(ap);
	if (err)
		return err;
	for (char *p = path + strlen(base) + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0755) && errno != EEXIST)
			return errno;
		*p = '/';
	}
	return mkdir(path, 0755) && errno != EEXIST ? errno : 0;
}

static int put(const char *path, const void *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	ssize_t n;
	int err;

	if (fd < 0)
		return errno;
	n = write(fd, data, len);
	err = n < 0 ? errno : (size_t)n == len ? 0 : EIO;
	close(fd);
	return err;
}

static int __attribute__((format(printf, 4, 5)))
putf(const char *base, const char *rel, const char *leaf, const char *fmt, ...)
{
	char path[PATH_MAX], text[256];
	va_list ap;
	int n;

	n = snprintf(path, sizeof(path), "%s/%s/%s", base, rel, leaf);
	if (n < 0 || (size_t)n >= sizeof(path))
		return ENAMETOOLONG;
	va_start(ap, fmt);
	n = vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(text))
		return EINVAL;
	return put(path, text, (size_t)n);
}

static int link_at(const char *target, const char *base, const char *rel)
{
	char path[PATH_MAX];
	int n = snprintf(path, sizeof(path), "%s/%s", base, rel);

	if (n < 0 || (size_t)n >= sizeof(path))
		return ENAMETOOLONG;
	if (unlink(path) && errno != ENOENT)
		return errno;
	return symlink(target, path) ? errno : 0;
}

int fakesys_create(struct fakesys *fs)
{
	const char *tmp = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	int err, n = snprintf(fs->top, sizeof(fs->top), "%s/uldd-fakesys-XXXXXX", tmp);

	if (n < 0 || (size_t)n >= sizeof(fs->top))
		return ENAMETOOLONG;
	if (!mkdtemp(fs->top))
		return errno;
	snprintf(fs->sys, sizeof(fs->sys), "%s/sys", fs->top);
	snprintf(fs->dev, sizeof(fs->dev), "%s/dev", fs->top);
	err = mkdirs(fs->top, "sys/bus/pci/devices");
	if (!err)
		err = mkdirs(fs->top, "sys/bus/pci/drivers");
	if (!err)
		err = mkdirs(fs->top, "sys/devices/pci0000:00");
	if (!err)
		err = mkdirs(fs->top, "sys/kernel/iommu_groups");
	if (!err)
		err = mkdirs(fs->top, "dev/vfio");
	if (!err)
		err = putf(fs->sys, "bus/pci", "drivers_probe", "%s", "");
	if (!err)
		err = putf(fs->sys, "bus/pci", "rescan", "%s", "");
	if (err) {
		fakesys_destroy(fs);
		return err;
	}
	uh_sysfs_set_root(fs->sys);
	uh_dev_set_root(fs->dev);
	return 0;
}

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

void fakesys_destroy(struct fakesys *fs)
{
	if (fs->top[0])
		nftw(fs->top, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	fs->top[0] = '\0';
	uh_sysfs_set_root(NULL);
	uh_dev_set_root(NULL);
}

int fakesys_add_driver(struct fakesys *fs, const char *drv)
{
	char rel[PATH_MAX];
	int err;

	snprintf(rel, sizeof(rel), "bus/pci/drivers/%s", drv);
	err = mkdirs(fs->sys, "%s", rel);
	if (!err)
		err = putf(fs->sys, rel, "bind", "%s", "");
	if (!err)
		err = putf(fs->sys, rel, "unbind", "%s", "");
	if (!err)
		err = putf(fs->sys, rel, "new_id", "%s", "");
	return err;
}

int fakesys_add_device(struct fakesys *fs, const char *addr, uint16_t vendor, uint16_t device,
		       uint32_t class_code, const char *drv, int group)
{
	uint8_t cfg[64] = { 0 };
	char rel[PATH_MAX], path[PATH_MAX * 2];
	int err;

	snprintf(rel, sizeof(rel), "devices/pci0000:00/%s", addr);
	err = mkdirs(fs->sys, "%s", rel);
	if (!err)
		err = putf(fs->sys, rel, "vendor", "0x%04x\n", vendor);
	if (!err)
		err = putf(fs->sys, rel, "device", "0x%04x\n", device);
	if (!err)
		err = putf(fs->sys, rel, "class", "0x%06x\n", class_code);
	if (!err)
		err = putf(fs->sys, rel, "revision", "0x%02x\n", 1);
	if (!err)
		err = putf(fs->sys, rel, "driver_override", "(null)\n");
	if (err)
		return err;
	/* PCI 3.0, 6.1: little-endian IDs, then revision and class at 0x08. */
	cfg[0] = vendor & 0xff;
	cfg[1] = vendor >> 8;
	cfg[2] = device & 0xff;
	cfg[3] = device >> 8;
	cfg[8] = 1;
	cfg[9] = class_code & 0xff;
	cfg[10] = (class_code >> 8) & 0xff;
	cfg[11] = (class_code >> 16) & 0xff;
	snprintf(path, sizeof(path), "%s/%s/config", fs->sys, rel);
	err = put(path, cfg, sizeof(cfg));
	if (err)
		return err;
	/* From bus/pci/devices, three levels up is the sysfs root. */
	snprintf(path, sizeof(path), "../../../devices/pci0000:00/%s", addr);
	snprintf(rel, sizeof(rel), "bus/pci/devices/%s", addr);
	err = link_at(path, fs->sys, rel);
	if (!err && drv)
		err = fakesys_set_driver(fs, addr, drv);
	if (err || group < 0)
		return err;
	snprintf(rel, sizeof(rel), "kernel/iommu_groups/%d/devices", group);
	err = mkdirs(fs->sys, "%s", rel);
	if (err)
		return err;
	snprintf(rel, sizeof(rel), "kernel/iommu_groups/%d/devices/%s", group, addr);
	snprintf(path, sizeof(path), "../../../../devices/pci0000:00/%s", addr);
	err = link_at(path, fs->sys, rel);
	if (err)
		return err;
	snprintf(rel, sizeof(rel), "devices/pci0000:00/%s/iommu_group", addr);
	snprintf(path, sizeof(path), "../../../kernel/iommu_groups/%d", group);
	return link_at(path, fs->sys, rel);
}

int fakesys_set_driver(struct fakesys *fs, const char *addr, const char *drv)
{
	char rel[PATH_MAX], target[PATH_MAX];

	snprintf(rel, sizeof(rel), "devices/pci0000:00/%s/driver", addr);
	if (!drv) {
		char path[PATH_MAX * 2];

		snprintf(path, sizeof(path), "%s/%s", fs->sys, rel);
		return unlink(path) && errno != ENOENT ? errno : 0;
	}
	snprintf(target, sizeof(target), "../../../bus/pci/drivers/%s", drv);
	return link_at(target, fs->sys, rel);
}

int fakesys_set_header_type(struct fakesys *fs, const char *addr, uint8_t type)
{
	char path[PATH_MAX];
	int fd, err = 0;

	snprintf(path, sizeof(path), "%s/devices/pci0000:00/%s/config", fs->sys, addr);
	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return errno;
	if (pwrite(fd, &type, 1, 0x0e) != 1)
		err = errno ? errno : EIO;
	close(fd);
	return err;
}

int fakesys_add_devnode(struct fakesys *fs, int group)
{
	char name[32];

	snprintf(name, sizeof(name), "%d", group);
	return putf(fs->dev, "vfio", name, "%s", "");
}

int fakesys_path(const struct fakesys *fs, char *buf, size_t len, const char *rel)
{
	int n = snprintf(buf, len, "%s/%s", fs->sys, rel);

	return n < 0 || (size_t)n >= len ? ENAMETOOLONG : 0;
}

int fakesys_read(const struct fakesys *fs, const char *rel, char *buf, size_t len)
{
	char path[PATH_MAX];
	ssize_t n;
	int fd, err = fakesys_path(fs, path, sizeof(path), rel);

	if (err)
		return err;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno;
	n = read(fd, buf, len - 1);
	err = errno;
	close(fd);
	if (n < 0)
		return err;
	buf[n] = '\0';
	while (n > 0 && buf[n - 1] == '\n')
		buf[--n] = '\0';
	return 0;
}

int fakesys_write(const struct fakesys *fs, const char *rel, const char *val)
{
	char path[PATH_MAX];
	int err = fakesys_path(fs, path, sizeof(path), rel);

	return err ? err : put(path, val, strlen(val));
}
