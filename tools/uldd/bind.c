// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * bind.c - 'uldd bind ADDR...': hands devices to vfio-pci (kernel/pcibind.c
 * does the sysfs steps and the undo) and warns when the rest of the IOMMU
 * group would keep VFIO from opening it.
 */
#include <stdio.h>

#include "host.h"
#include "uldd.h"

/* VFIO opens a group only when none of its devices is held by a DMA-owning driver. */
static void warn_group(const struct uh_bind_info *info)
{
	struct uh_group_peer peers[8];
	size_t n;

	if (uh_pci_group_blockers(info->group, info->addr, peers, UH_ARRAY_SIZE(peers), &n)) {
		tool_err("warning: %s", uhost_errmsg());
		return;
	}
	for (size_t i = 0; i < n && i < UH_ARRAY_SIZE(peers); i++)
		tool_err(
			"warning: IOMMU group %d also holds %s, bound to %s: VFIO needs the whole group, run 'uldd bind %s' too",
			info->group, peers[i].addr, peers[i].driver, peers[i].addr);
	if (n > UH_ARRAY_SIZE(peers))
		tool_err(
			"warning: IOMMU group %d holds %zu more such devices: 'uldd list' shows them",
			info->group, n - UH_ARRAY_SIZE(peers));
}

static int bind_one(const char *addr)
{
	struct uh_bind_info info;

	if (uh_pci_bind_vfio(addr, &info)) {
		tool_err("%s", uhost_errmsg());
		return ULDD_EXIT_FAIL;
	}
	if (!info.changed)
		printf("%s is already bound to vfio-pci (IOMMU group %d)\n", info.addr, info.group);
	else
		printf("%s: %s -> vfio-pci, IOMMU group %d (%s/vfio/%d)\n", info.addr,
		       info.before[0] ? info.before : "no driver", info.group, uh_dev_root(),
		       info.group);
	warn_group(&info);
	return ULDD_EXIT_OK;
}

static int bind_run(int argc, char **argv)
{
	int ret = ULDD_EXIT_OK;

	if (argc < 2)
		return tool_usage_err(&tool_cmd_bind, "which device? 'uldd list' shows them");
	/* Each address on its own: one bad address does not stop the others. */
	for (int i = 1; i < argc; i++)
		if (bind_one(argv[i]))
			ret = ULDD_EXIT_FAIL;
	return ret;
}

const struct tool_cmd tool_cmd_bind = {
	.name = "bind",
	.args = "ADDR...",
	.summary = "hand devices to vfio-pci, for uldd drivers",
	.help = "Sets the device's driver_override to vfio-pci, unbinds its kernel driver and\n"
		"probes it again, then checks that vfio-pci took it and /dev/vfio/<group>\n"
		"exists. If a step fails, the device goes back to its old driver. A device\n"
		"already on vfio-pci is not an error. Needs root, the vfio-pci module and an\n"
		"IOMMU (intel_iommu=on or amd_iommu=on). VFIO opens only whole IOMMU groups:\n"
		"uldd warns when another device of the group is still on a kernel driver.\n",
	.run = bind_run,
};
