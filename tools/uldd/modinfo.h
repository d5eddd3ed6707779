/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * modinfo.h - what a driver .so declares, read from its file without
 * loading it: the entries of its PCI MODULE_DEVICE_TABLE, which 'uldd
 * modinfo' shows as aliases and 'uldd autoprobe' matches devices against.
 */
#ifndef ULDD_TOOLS_MODINFO_H
#define ULDD_TOOLS_MODINFO_H

#include <stdint.h>

/*
 * elf.h's, declared rather than included: tests that add tools/uldd to the
 * include path would find that elf.h for its own <elf.h>.
 */
struct tool_elf;

#define ULDD_PCI_ANY_ID 0xffffffffu

/* linux/mod_devicetable.h's struct pci_device_id on x86-64, as it lies in the file. */
struct tool_pci_id {
	uint32_t vendor, device, subvendor, subdevice, class, class_mask;
	uint64_t driver_data;
	uint32_t override_only, pad;
};
_Static_assert(sizeof(struct tool_pci_id) == 40, "the K-world layout of struct pci_device_id");

/*
 * 0, or errno: ENOEXEC when path is no ELF64 shared object of this machine
 * (what a driver .so is). tool_elf_close() it after use.
 */
int tool_driver_open(const char *path, struct tool_elf *f);

/*
 * Calls fn for each entry of each __mod_pci__NAME_device_table in f's
 * symbol table, up to the table's empty terminator; returns how many.
 */
typedef void tool_pci_id_fn(const struct tool_pci_id *id, void *arg);
unsigned int tool_pci_ids(const struct tool_elf *f, tool_pci_id_fn *fn, void *arg);

#endif /* ULDD_TOOLS_MODINFO_H */
