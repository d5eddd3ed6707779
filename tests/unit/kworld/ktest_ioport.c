// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ktest_ioport.c - port I/O as drivers reach it: a port window for an I/O
 * BAR (the PCI layer's uldd_ioport_add), inb/outb on it, ioread/iowrite on
 * its port cookie (ioport_map) beside the same calls on memory, and
 * request_region's claims. The BAR is tests/unit/fake_ioport.c's; see
 * test_ioport.c, which also counts the door calls each path makes. Also
 * the PCI helpers tulip and e100 brought, on fake_ioport.c's config space
 * and host scan: pci_pme_active and pci_dev_present.
 */
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/kernel.h>
#include <linux/pci.h>
#include <linux/string.h>

#include "../../../shim/drivers/pci/pci.h"
#include "../../../shim/entry.h"
#include "ktest.h"

/* Any address serves as the device: fake_ioport.c ignores it. */
static char fake_dev;
static unsigned long base;

static int kt_port_widths(void)
{
	void __iomem *io = ioport_map(base, 256);

	KCHECK(io && (unsigned long)io == base);
	iowrite32(0x11223344, io + 4);
	KCHECK(inb(base + 4) == 0x44 && inb(base + 7) == 0x11 && inw(base + 5) == 0x2233);
	iowrite16(0xabcd, io + 8);
	iowrite8(0x5a, io + 10);
	KCHECK(ioread16(io + 8) == 0xabcd && ioread8(io + 10) == 0x5a);
	KCHECK(ioread32(io + 8) == 0x005aabcd && inl(base + 8) == 0x005aabcd);
	outl(0xcafef00d, base + 16);
	KCHECK(ioread32(io + 16) == 0xcafef00d && ioread32be(io + 16) == 0x0df0fecaU);
	iowrite16be(0x1234, io + 20);
	KCHECK(inb(base + 20) == 0x12 && ioread16be(io + 20) == 0x1234);
	iowrite64(0x0102030405060708ULL, io + 24);
	KCHECK(inl(base + 24) == 0x05060708 && inl(base + 28) == 0x01020304);
	KCHECK(ioread64(io + 24) == 0x0102030405060708ULL);
	ioport_unmap(io);
	return 0;
}

static int kt_port_rep(void)
{
	void __iomem *io = ioport_map(base, 256);
	u8 in[9] = { 0 }, out[9];

	for (unsigned int i = 0; i < sizeof(out); i++)
		out[i] = (u8)(0x30 + i);
	/* A FIFO register: each write lands on the same port, the last one stays. */
	iowrite16_rep(io + 32, out + 1, 4);
	KCHECK(inw(base + 32) == get_unaligned_le16(out + 7));
	iowrite8_rep(io + 34, out, 3);
	KCHECK(inb(base + 34) == out[2]);
	outl(0x44332211, base + 36);
	ioread32_rep(io + 36, in + 1, 2);
	KCHECK(get_unaligned_le32(in + 1) == 0x44332211 &&
	       get_unaligned_le32(in + 5) == 0x44332211);
	ioread8_rep(io + 36, in, 2);
	KCHECK(in[0] == 0x11 && in[1] == 0x11);
	return 0;
}

/* A port in no window reads as all ones, as on a bus nobody decodes; writes vanish. */
static int kt_port_unclaimed(void)
{
	void __iomem *io = ioport_map(base + 0x1000, 4);

	iowrite32(0, io);
	KCHECK(ioread32(io) == 0xffffffff && ioread8(io) == 0xff && inw(0x80) == 0xffff);
	KCHECK(!ioport_map(ULDD_PIO_LIMIT, 1));
	return 0;
}

static int kt_regions(void)
{
	struct resource *a, *b;

	a = request_region(base, 256, "ktest-a");
	KCHECK(a && a->start == base && a->end == base + 255);
	KCHECK(a->flags & IORESOURCE_IO && a->flags & IORESOURCE_BUSY);
	/* Any overlap is refused; a neighbour is not. */
	KCHECK(!request_region(base + 255, 2, "ktest-b"));
	KCHECK(!request_region(base - 1, 2, "ktest-b"));
	b = request_region(base + 256, 16, "ktest-b");
	KCHECK(b);
	release_region(base, 256);
	a = request_region(base + 8, 8, "ktest-a");
	KCHECK(a);
	release_region(base + 8, 8);
	release_region(base + 256, 16);
	/* Outside the port space, or empty. */
	KCHECK(!request_region(ULDD_PIO_LIMIT - 1, 2, "ktest-c") && !request_region(base, 0, "x"));
	a = request_mem_region(0x100000, 0x1000, "ktest-mem");
	KCHECK(a && !request_mem_region(0x100800, 1, "ktest-mem2"));
	release_mem_region(0x100000, 0x1000);
	return 0;
}

static struct pci_dev *fake_pdev(void)
{
	static struct uldd_pci_private priv;
	static struct pci_dev pdev;

	priv.udev = (struct uhost_dev *)&fake_dev;
	priv.pdev = &pdev;
	pdev.uldd = &priv;
	return &pdev;
}

static u16 pmcsr(struct pci_dev *pdev)
{
	u16 v = 0;

	pci_read_config_word(pdev, 0x50 + PCI_PM_CTRL, &v);
	return v;
}

/* fake_ioport.c starts with PME_Status and PME_En set. */
static int kt_pme_active(void)
{
	struct pci_dev *pdev = fake_pdev();

	KCHECK(pci_find_capability(pdev, PCI_CAP_ID_PM) == 0x50);
	KCHECK(pmcsr(pdev) & PCI_PM_CTRL_PME_STATUS);
	/* Off: the pending event acknowledged, PME_En clear. */
	pci_pme_active(pdev, false);
	KCHECK(!(pmcsr(pdev) & (PCI_PM_CTRL_PME_STATUS | PCI_PM_CTRL_PME_ENABLE)));
	pci_pme_active(pdev, true);
	KCHECK((pmcsr(pdev) & (PCI_PM_CTRL_PME_STATUS | PCI_PM_CTRL_PME_ENABLE)) ==
	       PCI_PM_CTRL_PME_ENABLE);
	pci_pme_active(pdev, false);
	KCHECK(!(pmcsr(pdev) & PCI_PM_CTRL_PME_ENABLE));
	return 0;
}

/* The host has an Intel bridge 8086:29c0 and a DEC 1011:0019 (fake_ioport.c). */
static int kt_dev_present(void)
{
	static const struct pci_device_id bridge[] = {
		{ PCI_DEVICE(PCI_VENDOR_ID_INTEL, 0x29c0) }, /* a Q35 host bridge */
		{}
	};
	static const struct pci_device_id chipsets[] = {
		{ PCI_DEVICE(PCI_VENDOR_ID_INTEL, PCI_DEVICE_ID_INTEL_82424) },
		{ PCI_DEVICE(PCI_VENDOR_ID_SI, PCI_DEVICE_ID_SI_496) },
		{}
	};
	static const struct pci_device_id nic_class[] = {
		{ PCI_DEVICE_CLASS(PCI_CLASS_NETWORK_ETHERNET << 8, 0xffff00) }, /* any Ethernet */
		{}
	};
	static const struct pci_device_id none[] = { {} };

	KCHECK(pci_dev_present(bridge) == 1);
	KCHECK(pci_dev_present(chipsets) == 0);
	KCHECK(pci_dev_present(nic_class) == 1);
	KCHECK(pci_dev_present(none) == 0);
	return 0;
}

static const struct ktest_check cases[] = {
	{ "port_widths", kt_port_widths },
	{ "port_rep", kt_port_rep },
	{ "port_unclaimed", kt_port_unclaimed },
	{ "regions", kt_regions },
	/* The config space and host scan of fake_ioport.c. */
	{ "pme_active", kt_pme_active },
	{ "dev_present", kt_dev_present },
};

int KTEST(ktest_ioport_setup)(void)
{
	int err = uldd_mm_init();

	if (err || (err = uldd_sched_init(1)))
		return err;
	if (!base) {
		uldd_enter("ktest_ioport");
		base = uldd_ioport_add((struct uhost_dev *)&fake_dev, 2, 256);
		uldd_exit();
	}
	return base ? 0 : -ENOSPC;
}

int KTEST(ktest_ioport_case)(unsigned int i, const char **name, int run)
{
	int ret;

	if (!run || i >= ARRAY_SIZE(cases))
		return ktest_check_case(cases, ARRAY_SIZE(cases), i, name, 0);
	uldd_enter("ktest_ioport");
	ret = ktest_check_case(cases, ARRAY_SIZE(cases), i, name, 1);
	uldd_exit();
	return ret;
}

/* n ioread32 of addr (a port cookie or memory); returns the last value. */
unsigned int KTEST(ktest_ioport_read32)(unsigned long addr, unsigned int n)
{
	unsigned int v = 0;

	while (n--)
		v = ioread32((void __iomem *)addr);
	return v;
}

unsigned long KTEST(ktest_ioport_base)(void)
{
	return base;
}
