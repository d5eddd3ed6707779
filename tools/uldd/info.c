// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * info.c - 'uldd info ADDR': what VFIO shows of a device bound to vfio-pci,
 * its IDs, regions and interrupt counts, read through the host layer's door
 * (uhost.h) exactly as a uldd driver would see them.
 */
#include <stdio.h>

#include "host.h"
#include "uldd.h"

static const char *const region_names[] = { "BAR0", "BAR1", "BAR2", "BAR3",
					    "BAR4", "BAR5", "ROM",  "CONFIG" };

static void human_size(uhost_u64 size, char *buf, size_t len)
{
	static const char *const units[] = { "B", "KiB", "MiB", "GiB", "TiB" };
	unsigned int u = 0;

	while (size >= 1024 && !(size % 1024) && u + 1 < UH_ARRAY_SIZE(units)) {
		size /= 1024;
		u++;
	}
	snprintf(buf, len, "%llu %s", (unsigned long long)size, units[u]);
}

static void region_flags(uhost_u32 flags, char *buf, size_t len)
{
	snprintf(buf, len, "%s%s%s%s%s", flags & UHOST_REGION_READ ? " read" : "",
		 flags & UHOST_REGION_WRITE ? " write" : "",
		 flags & UHOST_REGION_MMAP ? " mmap" : "", flags & UHOST_REGION_IO ? " io" : "",
		 flags & UHOST_REGION_64 ? " 64-bit" : "");
}

static int print_ids(struct uhost_dev *dev)
{
	uhost_u8 cfg[12];

	/* PCI 3.0, 6.2.1: little-endian vendor ID, device ID, ..., revision, class code. */
	if (uhost_dev_cfg_read(dev, 0, cfg, sizeof(cfg)))
		return -1;
	printf("%s  %02x%02x:%02x%02x  class %02x%02x%02x  revision %02x\n", uhost_dev_name(dev),
	       cfg[1], cfg[0], cfg[3], cfg[2], cfg[11], cfg[10], cfg[9], cfg[8]);
	return 0;
}

static int print_regions(struct uhost_dev *dev)
{
	printf("%-7s %-12s %-10s %s\n", "REGION", "SIZE", "", "FLAGS");
	for (unsigned int i = 0; i < UH_ARRAY_SIZE(region_names); i++) {
		struct uhost_region r;
		char size[24], flags[48];

		if (uhost_dev_region(dev, i, &r))
			return -1;
		if (!r.size)
			continue; /* not implemented by the device */
		human_size(r.size, size, sizeof(size));
		region_flags(r.flags, flags, sizeof(flags));
		printf("%-7s %#-12llx %-10s%s\n", region_names[i], (unsigned long long)r.size, size,
		       flags);
	}
	return 0;
}

static int print_irqs(struct uhost_dev *dev)
{
	unsigned int intx, msi, msix;

	if (uhost_irq_count(dev, UHOST_IRQ_INTX, &intx) ||
	    uhost_irq_count(dev, UHOST_IRQ_MSI, &msi) ||
	    uhost_irq_count(dev, UHOST_IRQ_MSIX, &msix))
		return -1;
	printf("IRQ     INTx %u  MSI %u  MSI-X %u\n", intx, msi, msix);
	return 0;
}

static int info_run(int argc, char **argv)
{
	struct uhost_dev *dev;
	int ret = ULDD_EXIT_OK;

	if (argc != 2)
		return tool_usage_err(&tool_cmd_info,
				      argc < 2 ? "which device? 'uldd list' shows them"
					       : "one device at a time");
	if (uhost_init(UHOST_CORE_REV, UHOST_VFIO_REV, UHOST_TAP_REV, UHOST_BLK_REV)) {
		tool_err("%s", uhost_errmsg());
		return ULDD_EXIT_FAIL;
	}
	if (uhost_dev_open(argv[1], &dev)) {
		tool_err("%s", uhost_errmsg());
		uhost_fini();
		return ULDD_EXIT_FAIL;
	}
	if (print_ids(dev) || print_regions(dev) || print_irqs(dev)) {
		tool_err("%s", uhost_errmsg());
		ret = ULDD_EXIT_FAIL;
	}
	uhost_dev_close(dev);
	uhost_fini();
	return ret;
}

const struct tool_cmd tool_cmd_info = {
	.name = "info",
	.args = "ADDR",
	.summary = "regions and interrupts of a device on vfio-pci",
	.help = "Opens the device through VFIO, as a uldd driver does, and prints its vendor\n"
		"and device ID, its regions (BARs, ROM, config space) with size and flags\n"
		"(mmap: can be mapped, io: I/O ports, 64-bit: a 64-bit memory BAR) and how\n"
		"many INTx, MSI and MSI-X vectors it has. The device must be on vfio-pci\n"
		"('uldd bind ADDR') and no other process may have it open.\n",
	.run = info_run,
};
