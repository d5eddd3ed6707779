/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * fakesys.h - a fake /sys and /dev in a temporary folder for unit tests, laid
 * out as Linux does (devices under devices/pci0000:00, linked from bus/pci and
 * kernel/iommu_groups), with regular files for the attributes.
 */
#ifndef ULDD_TESTS_FAKESYS_H
#define ULDD_TESTS_FAKESYS_H

#include <limits.h>
#include <stddef.h>
#include <stdint.h>

/* Short enough that any path built on them fits PATH_MAX. */
struct fakesys {
	char top[256]; /* the temporary folder */
	char sys[272]; /* <top>/sys: the sysfs root */
	char dev[272]; /* <top>/dev: the /dev root */
};

/*
 * Builds the empty tree and points uh_sysfs_set_root() and uh_dev_set_root()
 * at it. Every function returns 0 or an errno value.
 */
int fakesys_create(struct fakesys *fs);
/* Removes the folder and resets both roots. */
void fakesys_destroy(struct fakesys *fs);

/* bus/pci/drivers/<drv>/{bind,unbind,new_id}. */
int fakesys_add_driver(struct fakesys *fs, const char *drv);
/*
 * A device with vendor, device, class, a 64-byte config space, driver_override
 * "(null)", driver link when drv is not NULL, IOMMU group when group >= 0.
 */
int fakesys_add_device(struct fakesys *fs, const char *addr, uint16_t vendor, uint16_t device,
		       uint32_t class_code, const char *drv, int group);
/* Re-links (or, with NULL, removes) a device's driver link. */
int fakesys_set_driver(struct fakesys *fs, const char *addr, const char *drv);
int fakesys_set_header_type(struct fakesys *fs, const char *addr, uint8_t type);
/* <dev>/vfio/<group> as a regular file. */
int fakesys_add_devnode(struct fakesys *fs, int group);

/* Paths and contents relative to the sysfs root; trailing newlines dropped. */
int fakesys_path(const struct fakesys *fs, char *buf, size_t len, const char *rel);
int fakesys_read(const struct fakesys *fs, const char *rel, char *buf, size_t len);
int fakesys_write(const struct fakesys *fs, const char *rel, const char *val);

#endif /* ULDD_TESTS_FAKESYS_H */
