// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * fake_ioport.c - an I/O BAR for unit tests: uhost_dev_region_read/write
 * over 256 bytes of registers per BAR index, overriding fake_vfio.c's weak
 * stand-ins, so the shim's port windows, inb()/outb() and ioread*() on a
 * port cookie reach something that remembers. Accesses are counted, so a
 * test can tell a port access (a door call) from an MMIO one (none).
 * Also a config space (with a PM capability, PME_Status written one to
 * clear as the PCI PM spec has it) and a host PCI scan of two functions
 * (a host bridge and a NIC), for the PCI helpers old NIC drivers call.
 */
#include <errno.h>
#include <string.h>

#include "host.h"

#define FAKE_IOPORT_BARS 6
#define FAKE_IOPORT_SIZE 256

static unsigned char fake_regs[FAKE_IOPORT_BARS][FAKE_IOPORT_SIZE];
static unsigned long fake_calls;

unsigned long fake_ioport_calls(void);

unsigned long fake_ioport_calls(void)
{
	return __atomic_load_n(&fake_calls, __ATOMIC_RELAXED);
}

static int fake_range(unsigned int idx, uhost_u64 off, uhost_size len)
{
	if (idx >= FAKE_IOPORT_BARS || off > FAKE_IOPORT_SIZE || len > FAKE_IOPORT_SIZE - off)
		return EINVAL;
	__atomic_fetch_add(&fake_calls, 1, __ATOMIC_RELAXED);
	return 0;
}

int uhost_dev_region_read(struct uhost_dev *dev, unsigned int idx, uhost_u64 off, void *buf,
			  uhost_size len)
{
	int err = fake_range(idx, off, len);

	(void)dev;
	if (!err)
		memcpy(buf, &fake_regs[idx][off], len);
	return err;
}

int uhost_dev_region_write(struct uhost_dev *dev, unsigned int idx, uhost_u64 off, const void *buf,
			   uhost_size len)
{
	int err = fake_range(idx, off, len);

	(void)dev;
	if (!err)
		memcpy(&fake_regs[idx][off], buf, len);
	return err;
}

/* Config space: a header with a capability list holding PM at 0x50. */
static unsigned char fake_cfg[256] = {
	[0x06] = 0x10, /* PCI_STATUS_CAP_LIST */
	[0x34] = 0x50, /* the list starts here */
	[0x50] = 0x01, /* PCI_CAP_ID_PM, next 0 */
	[0x52] = 0x03, /* PMC: version 3 */
	[0x55] = 0x81, /* PMCSR: PME_Status and PME_En set */
};

int uhost_dev_cfg_read(struct uhost_dev *dev, uhost_u32 off, void *buf, uhost_size len)
{
	(void)dev;
	if (off > sizeof(fake_cfg) || len > sizeof(fake_cfg) - off)
		return EINVAL;
	memcpy(buf, &fake_cfg[off], len);
	return 0;
}

int uhost_dev_cfg_write(struct uhost_dev *dev, uhost_u32 off, const void *buf, uhost_size len)
{
	const unsigned char *b = buf;

	(void)dev;
	if (off > sizeof(fake_cfg) || len > sizeof(fake_cfg) - off)
		return EINVAL;
	for (uhost_size i = 0; i < len; i++) {
		/* PMCSR's high byte: bit 7 (PME_Status) clears on a one. */
		if (off + i == 0x55)
			fake_cfg[0x55] =
				(unsigned char)((fake_cfg[0x55] & ~b[i] & 0x80) | (b[i] & 0x7f));
		else
			fake_cfg[off + i] = b[i];
	}
	return 0;
}

int uhost_pci_scan(struct uhost_pci_info *info, unsigned int max, unsigned int *n)
{
	static const struct uhost_pci_info host[] = {
		{ .addr = "0000:00:00.0", .vendor = 0x8086, .device = 0x29c0, .class = 0x060000 },
		{ .addr = "0000:00:03.0", .vendor = 0x1011, .device = 0x0019, .class = 0x020000 },
	};

	for (unsigned int i = 0; i < max && i < sizeof(host) / sizeof(host[0]); i++)
		info[i] = host[i];
	*n = sizeof(host) / sizeof(host[0]);
	return 0;
}
