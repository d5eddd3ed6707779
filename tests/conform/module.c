// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * module.c - the conformance suite as a module: its init runs every case
 * that needs no device, then registers a PCI driver for QEMU's edu whose
 * probe runs the device cases, and prints a closing line. The same file is
 * a Linux module (insmod uldd_conform.ko; rmmod) and a uldd driver (uldd
 * run conform.so --device ADDR; SIGINT), so both worlds run the same init.
 */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/string.h>

#include "conform.h"
#include "edu_hw.h"

static char *only;
module_param(only, charp, 0444);
MODULE_PARM_DESC(only, "run only the cases whose subsys.name starts with this");

static unsigned int passed, failed, skipped;
static bool device_ran;

static bool selected(unsigned int i)
{
	const char *subsys;
	const struct conform_case *c = conform_case_at(i, &subsys);
	char full[96];

	if (!only || !*only)
		return true;
	snprintf(full, sizeof(full), "%s.%s", subsys, c->name);
	return !strncmp(full, only, strlen(only));
}

static void tally(int ret)
{
	if (ret == 0)
		passed++;
	else if (ret == CONFORM_SKIP)
		skipped++;
	else
		failed++;
}

static void run_cases(struct conform_dev *dev, bool device)
{
	for (unsigned int i = 0; i < conform_count(); i++) {
		const char *subsys;
		const struct conform_case *c = conform_case_at(i, &subsys);

		if (!!(c->flags & CONFORM_DEVICE) == device && selected(i))
			tally(conform_run(i, dev));
	}
}

static int conform_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct conform_dev dev = { .pdev = pdev };
	int err;

	if (device_ran)
		return -EBUSY; /* one edu is enough */
	err = pcim_enable_device(pdev);
	if (err)
		return err;
	pci_set_master(pdev);
	dev.regs = pcim_iomap(pdev, 0, 0);
	if (!dev.regs)
		return -ENOMEM;
	run_cases(&dev, true);
	device_ran = true;
	return 0;
}

static void conform_remove(struct pci_dev *pdev)
{
	pci_clear_master(pdev);
}

static const struct pci_device_id conform_ids[] = { { PCI_DEVICE(EDU_VENDOR,
								 EDU_DEVICE) }, /* QEMU's edu */
						    {} };
MODULE_DEVICE_TABLE(pci, conform_ids);

static struct pci_driver conform_driver = {
	.name = "uldd_conform",
	.id_table = conform_ids,
	.probe = conform_probe,
	.remove = conform_remove,
};

static int __init conform_init(void)
{
	int err;

	pr_info("conform: %u cases\n", conform_count());
	run_cases(NULL, false);
	err = pci_register_driver(&conform_driver);
	if (err)
		pr_err("conform: cannot register the edu driver (%d)\n", err);
	if (!device_ran) {
		for (unsigned int i = 0; i < conform_count(); i++) {
			const char *subsys;

			if ((conform_case_at(i, &subsys)->flags & CONFORM_DEVICE) && selected(i)) {
				conform_report_skip(i, "no QEMU edu device bound to this driver");
				skipped++;
			}
		}
	}
	pr_info("conform: done: %u passed, %u failed, %u skipped\n", passed, failed, skipped);
	if (err)
		return err;
	return 0;
}

static void __exit conform_exit(void)
{
	pci_unregister_driver(&conform_driver);
}

module_init(conform_init);
module_exit(conform_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("uldd's conformance suite: kernel API behaviour, on Linux and on uldd");
