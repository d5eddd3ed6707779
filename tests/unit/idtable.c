// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * idtable.c - a driver .so in miniature for test_autoprobe: nothing but a
 * PCI ID table under the symbol MODULE_DEVICE_TABLE(pci, ...) gives it,
 * laid out as linux/mod_devicetable.h's struct pci_device_id on x86-64,
 * so 'uldd autoprobe' reads it as it reads a real driver's. Built once per
 * table (-DIDTABLE_<name>, unit.mk), never loaded.
 */
#include <stdint.h>

#define ANY 0xffffffffu

struct pci_id {
	uint32_t vendor, device, subvendor, subdevice, class, class_mask;
	uint64_t driver_data;
	uint32_t override_only, pad;
};

/* What MODULE_LICENSE() leaves, so 'uldd modinfo' shows these files too. */
static const char license[] __attribute__((used, section(".modinfo"), aligned(1))) = "license=GPL";

/* -Wmissing-prototypes of the tests' flags wants a declaration first. */
extern const struct pci_id __mod_pci__idtable_device_table[];

#if defined(IDTABLE_exact)
/* One chip: QEMU's 82540EM, as Linux's e1000 names it. */
const struct pci_id __mod_pci__idtable_device_table[] = {
	{ 0x8086, 0x100e, ANY, ANY, 0, 0, 0, 0, 0 },
	{ 0 },
};
#elif defined(IDTABLE_subsys)
/* The same chip on one board only (QEMU's subsystem IDs). */
const struct pci_id __mod_pci__idtable_device_table[] = {
	{ 0x8086, 0x100e, 0x1af4, 0x1100, 0, 0, 0, 0, 0 },
	{ 0 },
};
#elif defined(IDTABLE_vendor)
/* Every chip of a vendor, and an entry after the terminator that must not count. */
const struct pci_id __mod_pci__idtable_device_table[] = {
	{ 0x8086, ANY, ANY, ANY, 0, 0, 0, 0, 0 },
	{ 0 },
	{ 0x10ec, 0x8139, ANY, ANY, 0, 0, 0, 0, 0 },
};
#elif defined(IDTABLE_ethernet)
/* Any Ethernet controller: class 02, subclass 00, any programming interface. */
const struct pci_id __mod_pci__idtable_device_table[] = {
	{ ANY, ANY, ANY, ANY, 0x020000, 0xffff00, 0, 0, 0 },
	{ 0 },
};
#elif defined(IDTABLE_network)
/* Any network controller: base class 02 only. */
const struct pci_id __mod_pci__idtable_device_table[] = {
	{ ANY, ANY, ANY, ANY, 0x020000, 0xff0000, 0, 0, 0 },
	{ 0 },
};
#elif defined(IDTABLE_override)
/* Bound only by driver_override, as the kernel's vfio-pci variant drivers are. */
const struct pci_id __mod_pci__idtable_device_table[] = {
	{ 0x8086, 0x100e, ANY, ANY, 0, 0, 0, 1, 0 },
	{ 0 },
};
#else
#error "no IDTABLE_<name> given"
#endif
