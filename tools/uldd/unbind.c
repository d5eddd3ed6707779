// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * unbind.c - 'uldd unbind ADDR...': gives devices back from vfio-pci to the
 * kernel's own drivers (kernel/pcibind.c does the sysfs steps).
 */
#include <stdio.h>
#include <string.h>

#include "host.h"
#include "uldd.h"

static int unbind_one(const char *addr)
{
	struct uh_bind_info info;

	if (uh_pci_unbind_vfio(addr, &info)) {
		tool_err("%s", uhost_errmsg());
		return ULDD_EXIT_FAIL;
	}
	if (!info.changed)
		printf("%s is not bound to vfio-pci (its driver: %s): nothing to do\n", info.addr,
		       info.before[0] ? info.before : "none");
	else if (strcmp(info.before, UH_VFIO_DRIVER))
		printf("%s: cleared the driver_override=vfio-pci of a failed bind; its driver: %s\n",
		       info.addr, info.after[0] ? info.after : "none");
	else if (info.after[0])
		printf("%s: vfio-pci -> %s\n", info.addr, info.after);
	else
		printf("%s: vfio-pci -> no driver (no kernel driver claims it)\n", info.addr);
	return ULDD_EXIT_OK;
}

static int unbind_run(int argc, char **argv)
{
	int ret = ULDD_EXIT_OK;

	if (argc < 2)
		return tool_usage_err(&tool_cmd_unbind, "which device? 'uldd list' shows them");
	for (int i = 1; i < argc; i++)
		if (unbind_one(argv[i]))
			ret = ULDD_EXIT_FAIL;
	return ret;
}

const struct tool_cmd tool_cmd_unbind = {
	.name = "unbind",
	.args = "ADDR...",
	.summary = "give devices back to their kernel drivers",
	.help = "Clears the device's driver_override, unbinds it from vfio-pci and probes it,\n"
		"so the kernel's own driver takes it back; says which driver holds it now.\n"
		"Refuses while a process has the device's VFIO node open: stop the uldd\n"
		"driver first. Needs root.\n",
	.run = unbind_run,
};
