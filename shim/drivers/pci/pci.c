// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * drivers/pci/pci.c - enabling a device, bus mastering, regions, BAR
 * mappings and config space, over the device's VFIO handle. Called in
 * process context by probe and remove; config accesses are system calls.
 */
#include <linux/errno.h>
#include <linux/io.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/pci.h>

#include "pci.h"
#include "../../core/door.h"

/* Config space: Linux's accessors return PCIBIOS codes, and ~0 on failure. */
static int cfg_read(const struct pci_dev *dev, int where, void *val, unsigned int len)
{
	if (where < 0 || where + len > PCI_CFG_SPACE_EXP_SIZE ||
	    uhost_dev_cfg_read(pdev_udev(dev), (u32)where, val, len)) {
		memset(val, 0xff, len);
		return PCIBIOS_DEVICE_NOT_FOUND;
	}
	return PCIBIOS_SUCCESSFUL;
}

static int cfg_write(const struct pci_dev *dev, int where, const void *val, unsigned int len)
{
	if (where < 0 || where + len > PCI_CFG_SPACE_EXP_SIZE ||
	    uhost_dev_cfg_write(pdev_udev(dev), (u32)where, val, len))
		return PCIBIOS_DEVICE_NOT_FOUND;
	return PCIBIOS_SUCCESSFUL;
}

int pci_read_config_byte(const struct pci_dev *dev, int where, u8 *val)
{
	return cfg_read(dev, where, val, 1);
}

int pci_read_config_word(const struct pci_dev *dev, int where, u16 *val)
{
	return cfg_read(dev, where, val, 2);
}

int pci_read_config_dword(const struct pci_dev *dev, int where, u32 *val)
{
	return cfg_read(dev, where, val, 4);
}

int pci_write_config_byte(const struct pci_dev *dev, int where, u8 val)
{
	return cfg_write(dev, where, &val, 1);
}

int pci_write_config_word(const struct pci_dev *dev, int where, u16 val)
{
	return cfg_write(dev, where, &val, 2);
}

int pci_write_config_dword(const struct pci_dev *dev, int where, u32 val)
{
	return cfg_write(dev, where, &val, 4);
}

static void command_update(struct pci_dev *dev, u16 clear, u16 set)
{
	u16 cmd, new;

	pci_read_config_word(dev, PCI_COMMAND, &cmd);
	new = (cmd & ~clear) | set;
	if (new != cmd)
		pci_write_config_word(dev, PCI_COMMAND, new);
}

/* VFIO enabled the device when it was opened; this turns decoding on. */
static int enable(struct pci_dev *dev, u16 bits)
{
	if (dev->uldd->enable_cnt++ == 0)
		command_update(dev, 0, bits);
	return 0;
}

int pci_enable_device(struct pci_dev *dev)
{
	return enable(dev, PCI_COMMAND_MEMORY | PCI_COMMAND_IO);
}

int pci_enable_device_mem(struct pci_dev *dev)
{
	return enable(dev, PCI_COMMAND_MEMORY);
}

bool pci_is_enabled(struct pci_dev *pdev)
{
	return pdev->uldd->enable_cnt > 0;
}

void pci_disable_device(struct pci_dev *dev)
{
	if (dev->uldd->enable_cnt <= 0) {
		dev_warn(&dev->dev, "disabling an already disabled device\n");
		return;
	}
	if (--dev->uldd->enable_cnt == 0) {
		pci_clear_master(dev);
		command_update(dev, PCI_COMMAND_MEMORY | PCI_COMMAND_IO, 0);
	}
}

void pci_set_master(struct pci_dev *dev)
{
	command_update(dev, 0, PCI_COMMAND_MASTER);
	dev->is_busmaster = 1;
}

void pci_clear_master(struct pci_dev *dev)
{
	command_update(dev, PCI_COMMAND_MASTER, 0);
	dev->is_busmaster = 0;
}

int pci_set_mwi(struct pci_dev *dev)
{
	command_update(dev, 0, PCI_COMMAND_INVALIDATE);
	return 0;
}

int pci_try_set_mwi(struct pci_dev *dev)
{
	return pci_set_mwi(dev);
}

void pci_clear_mwi(struct pci_dev *dev)
{
	command_update(dev, PCI_COMMAND_INVALIDATE, 0);
}

void pci_intx(struct pci_dev *dev, int enable)
{
	if (enable)
		command_update(dev, PCI_COMMAND_INTX_DISABLE, 0);
	else
		command_update(dev, 0, PCI_COMMAND_INTX_DISABLE);
}

/*
 * Regions: nobody outside this process can own them, so a memory BAR is
 * bookkeeping; an I/O BAR's ports are claimed in ioport_resource as well,
 * so a driver's own request_region() on them conflicts, as on Linux.
 */
int pci_request_region(struct pci_dev *dev, int bar, const char *name)
{
	if (bar < 0 || bar >= PCI_STD_NUM_BARS || !pci_resource_len(dev, bar))
		return 0;
	if (dev->uldd->regions & (1u << bar)) {
		dev_err(&dev->dev, "BAR %d is requested already\n", bar);
		return -EBUSY;
	}
	if ((pci_resource_flags(dev, bar) & IORESOURCE_IO) &&
	    !request_region(pci_resource_start(dev, bar), pci_resource_len(dev, bar), name)) {
		dev_err(&dev->dev, "BAR %d's ports are claimed already\n", bar);
		return -EBUSY;
	}
	dev->uldd->regions |= 1u << bar;
	return 0;
}

void pci_release_region(struct pci_dev *dev, int bar)
{
	if (bar < 0 || bar >= PCI_STD_NUM_BARS || !(dev->uldd->regions & (1u << bar)))
		return;
	if (pci_resource_flags(dev, bar) & IORESOURCE_IO)
		release_region(pci_resource_start(dev, bar), pci_resource_len(dev, bar));
	dev->uldd->regions &= ~(1u << bar);
}

int pci_request_selected_regions(struct pci_dev *dev, int bars, const char *name)
{
	for (int i = 0; i < PCI_STD_NUM_BARS; i++) {
		if (!(bars & (1 << i)))
			continue;
		if (pci_request_region(dev, i, name)) {
			pci_release_selected_regions(dev, bars & ((1 << i) - 1));
			return -EBUSY;
		}
	}
	return 0;
}

int pci_request_selected_regions_exclusive(struct pci_dev *dev, int bars, const char *name)
{
	return pci_request_selected_regions(dev, bars, name);
}

void pci_release_selected_regions(struct pci_dev *dev, int bars)
{
	for (int i = 0; i < PCI_STD_NUM_BARS; i++)
		if (bars & (1 << i))
			pci_release_region(dev, i);
}

int pci_request_regions(struct pci_dev *dev, const char *name)
{
	return pci_request_selected_regions(dev, (1 << PCI_STD_NUM_BARS) - 1, name);
}

void pci_release_regions(struct pci_dev *dev)
{
	pci_release_selected_regions(dev, (1 << PCI_STD_NUM_BARS) - 1);
}

int pci_select_bars(struct pci_dev *dev, unsigned long flags)
{
	int bars = 0;

	for (int i = 0; i < PCI_STD_NUM_BARS; i++)
		if (pci_resource_flags(dev, i) & flags)
			bars |= 1 << i;
	return bars;
}

/*
 * A memory BAR's resource start is its mapping in this process; an I/O
 * BAR's is its first port, and the port number is the cookie ioread*()
 * recognizes (asm/io.h).
 */
void __iomem *pci_iomap_range(struct pci_dev *dev, int bar, unsigned long offset,
			      unsigned long maxlen)
{
	resource_size_t start;

	(void)maxlen;
	if (bar < 0 || bar >= PCI_STD_NUM_BARS || offset >= pci_resource_len(dev, bar))
		return NULL;
	start = pci_resource_start(dev, bar) + offset;
	if (pci_resource_flags(dev, bar) & IORESOURCE_IO)
		return ioport_map(start, pci_resource_len(dev, bar) - offset);
	return (void __iomem *)(uintptr_t)start;
}

void __iomem *pci_iomap(struct pci_dev *dev, int bar, unsigned long maxlen)
{
	return pci_iomap_range(dev, bar, 0, maxlen);
}

void __iomem *pci_ioremap_bar(struct pci_dev *pdev, int bar)
{
	if (!(pci_resource_flags(pdev, bar) & IORESOURCE_MEM))
		return NULL;
	return pci_iomap(pdev, bar, 0);
}

void pci_iounmap(struct pci_dev *dev, void __iomem *addr)
{
	(void)dev;
	(void)addr;
}

/* The capability list: IDs and next pointers, at most 48 of them. */
u8 pci_find_capability(struct pci_dev *dev, int cap)
{
	u16 status;
	u8 pos;

	if (pci_read_config_word(dev, PCI_STATUS, &status) || !(status & PCI_STATUS_CAP_LIST))
		return 0;
	pci_read_config_byte(dev, PCI_CAPABILITY_LIST, &pos);
	for (int ttl = 48; ttl-- && pos >= 0x40;) {
		u8 id;

		pos &= ~3;
		pci_read_config_byte(dev, pos + PCI_CAP_LIST_ID, &id);
		if (id == 0xff)
			break;
		if (id == cap)
			return pos;
		pci_read_config_byte(dev, pos + PCI_CAP_LIST_NEXT, &pos);
	}
	return 0;
}

/* Extended capabilities start at 0x100: 16-bit ID, 12-bit next offset. */
u16 pci_find_ext_capability(struct pci_dev *dev, int cap)
{
	u16 pos = PCI_CFG_SPACE_SIZE;
	u32 header;

	if (!pci_is_pcie(dev))
		return 0;
	for (int ttl = (PCI_CFG_SPACE_EXP_SIZE - PCI_CFG_SPACE_SIZE) / 8; ttl--;) {
		if (pci_read_config_dword(dev, pos, &header) || !header || header == ~0u)
			return 0;
		if ((int)(header & 0xffff) == cap)
			return pos;
		pos = (header >> 20) & 0xffc;
		if (pos < PCI_CFG_SPACE_SIZE)
			return 0;
	}
	return 0;
}

int pcie_capability_read_word(struct pci_dev *dev, int pos, u16 *val)
{
	*val = 0;
	if (!dev->pcie_cap)
		return PCIBIOS_DEVICE_NOT_FOUND;
	return pci_read_config_word(dev, dev->pcie_cap + pos, val);
}

int pcie_capability_read_dword(struct pci_dev *dev, int pos, u32 *val)
{
	*val = 0;
	if (!dev->pcie_cap)
		return PCIBIOS_DEVICE_NOT_FOUND;
	return pci_read_config_dword(dev, dev->pcie_cap + pos, val);
}

int pcie_capability_write_word(struct pci_dev *dev, int pos, u16 val)
{
	if (!dev->pcie_cap)
		return PCIBIOS_DEVICE_NOT_FOUND;
	return pci_write_config_word(dev, dev->pcie_cap + pos, val);
}

int pcie_capability_clear_and_set_word(struct pci_dev *dev, int pos, u16 clear, u16 set)
{
	u16 val;
	int err = pcie_capability_read_word(dev, pos, &val);

	if (err)
		return err;
	return pcie_capability_write_word(dev, pos, (val & ~clear) | set);
}

int pci_save_state(struct pci_dev *dev)
{
	for (int i = 0; i < 16; i++)
		pci_read_config_dword(dev, i * 4, &dev->uldd->saved_config[i]);
	dev->state_saved = 1;
	return 0;
}

/* Rewrites the header's writable registers, command last. */
void pci_restore_state(struct pci_dev *dev)
{
	if (!dev->state_saved)
		return;
	for (int i = 15; i >= 1; i--)
		pci_write_config_dword(dev, i * 4, dev->uldd->saved_config[i]);
	pci_write_config_word(dev, PCI_COMMAND, (u16)dev->uldd->saved_config[1]);
	dev->state_saved = 0;
}

int pci_reset_function(struct pci_dev *dev)
{
	int err;

	pci_save_state(dev);
	err = uldd_door_dev_reset(pdev_udev(dev));
	pci_restore_state(dev);
	return -err;
}

/* Power states: the device stays in D0 while the driver process runs. */
int pci_set_power_state(struct pci_dev *dev, pci_power_t state)
{
	(void)dev;
	(void)state;
	return 0;
}

int pci_wake_from_d3(struct pci_dev *dev, bool enable)
{
	(void)dev;
	(void)enable;
	return 0;
}

int pci_enable_wake(struct pci_dev *dev, pci_power_t state, bool enable)
{
	(void)dev;
	(void)state;
	(void)enable;
	return 0;
}

/*
 * PME: a wake event would go to the host's PCI core, which does not own
 * the device while VFIO does, so nothing here acts on one. Setting or
 * clearing PME_En and acknowledging a pending PME_Status (write one to
 * clear) still happens on the chip, so a driver that reads them back sees
 * what Linux would leave there. A device without the PM capability has
 * neither bit: nothing to do.
 */
void pci_pme_active(struct pci_dev *dev, bool enable)
{
	u8 pm = pci_find_capability(dev, PCI_CAP_ID_PM);
	u16 pmcsr;

	if (!pm || pci_read_config_word(dev, pm + PCI_PM_CTRL, &pmcsr))
		return;
	pmcsr |= PCI_PM_CTRL_PME_STATUS;
	if (enable)
		pmcsr |= PCI_PM_CTRL_PME_ENABLE;
	else
		pmcsr &= ~PCI_PM_CTRL_PME_ENABLE;
	pci_write_config_word(dev, pm + PCI_PM_CTRL, pmcsr);
}

int pci_prepare_to_sleep(struct pci_dev *dev)
{
	(void)dev;
	return 0;
}

/*
 * PCI-X command register: bits 3:2 are the maximum memory read byte count
 * (512 << n); status bits 22:21 the largest the device supports.
 */
#define ULDD_PCI_X_CMD 2
#define ULDD_PCI_X_CMD_MAX_READ 0x000c
#define ULDD_PCI_X_STATUS 4
#define ULDD_PCI_X_STATUS_MAX_READ 0x00600000

int pcix_get_mmrbc(struct pci_dev *dev)
{
	u8 cap = pci_find_capability(dev, PCI_CAP_ID_PCIX);
	u16 cmd;

	if (!cap)
		return -EINVAL;
	if (pci_read_config_word(dev, cap + ULDD_PCI_X_CMD, &cmd))
		return -EINVAL;
	return 512 << ((cmd & ULDD_PCI_X_CMD_MAX_READ) >> 2);
}

int pcix_set_mmrbc(struct pci_dev *dev, int mmrbc)
{
	u8 cap = pci_find_capability(dev, PCI_CAP_ID_PCIX);
	u32 status;
	u16 cmd;
	int v;

	if (mmrbc < 512 || mmrbc > 4096 || (mmrbc & (mmrbc - 1)))
		return -EINVAL;
	v = __builtin_ctz((unsigned int)mmrbc) - 9;
	if (!cap)
		return -EINVAL;
	if (pci_read_config_dword(dev, cap + ULDD_PCI_X_STATUS, &status) ||
	    pci_read_config_word(dev, cap + ULDD_PCI_X_CMD, &cmd))
		return -EINVAL;
	if (v > (int)((status & ULDD_PCI_X_STATUS_MAX_READ) >> 21))
		return -E2BIG;
	cmd = (u16)((cmd & ~ULDD_PCI_X_CMD_MAX_READ) | (v << 2));
	return pci_write_config_word(dev, cap + ULDD_PCI_X_CMD, cmd) ? -EIO : 0;
}

bool pci_device_is_present(struct pci_dev *pdev)
{
	u16 vendor;

	if (pci_read_config_word(pdev, PCI_VENDOR_ID, &vendor))
		return false;
	return vendor != 0xffff;
}

int pci_load_saved_state(struct pci_dev *dev, struct pci_saved_state *state)
{
	(void)dev;
	return state ? -EINVAL : 0;
}

u64 pci_bus_address(struct pci_dev *pdev, int bar)
{
	u32 lo = 0, hi = 0;

	if (bar < 0 || bar >= PCI_STD_NUM_BARS)
		return 0;
	pci_read_config_dword(pdev, PCI_BASE_ADDRESS_0 + 4 * bar, &lo);
	if (lo & PCI_BASE_ADDRESS_SPACE_IO)
		return lo & PCI_BASE_ADDRESS_IO_MASK;
	if ((lo & PCI_BASE_ADDRESS_MEM_TYPE_MASK) == PCI_BASE_ADDRESS_MEM_TYPE_64 &&
	    bar + 1 < PCI_STD_NUM_BARS)
		pci_read_config_dword(pdev, PCI_BASE_ADDRESS_0 + 4 * (bar + 1), &hi);
	return ((u64)hi << 32) | (lo & PCI_BASE_ADDRESS_MEM_MASK);
}

int pci_sriov_configure_simple(struct pci_dev *dev, int nr_virtfn)
{
	(void)dev;
	(void)nr_virtfn;
	return -ENODEV;
}

/* VFIO resets the function its own way (FLR where the device has it). */
int pcie_reset_flr(struct pci_dev *dev, bool probe)
{
	if (probe)
		return 0;
	return -uldd_door_dev_reset(pdev_udev(dev));
}
