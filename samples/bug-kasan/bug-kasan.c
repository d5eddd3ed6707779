// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * bug-kasan.c - a driver for QEMU's edu device with one heap bug, chosen
 * by the module parameter bug, for 'uldd run --debug=kasan'
 * (tests/vm/debug/10-kasan.sh):
 *   oob         writes 512 bytes into a 32-byte kmalloc, a byte at a time
 *               (caught by the instrumentation: build it with 'make kasan');
 *   oob-memset  the same with memset (caught by the shim's memset, even in
 *               the uninstrumented build);
 *   uaf         reads an object after kfree (instrumented build);
 *   byte        writes one byte past a 30-byte kmalloc, inside its size
 *               class's 32 bytes, so nothing else is hurt (valgrind's
 *               memcheck sees it in the plain build: tests/vm/debug/80-valgrind.sh);
 *   none        no bug: no report.
 * The device is only what probe binds to: nothing is programmed.
 */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "../edu/edu_hw.h"

#define BUG_BYTES 512
#define BUG_OBJECT 32

static char *bug = "none";
module_param(bug, charp, 0444);
MODULE_PARM_DESC(bug, "oob, oob-memset, uaf, byte or none");

/*
 * Out of line, so each bug has a function of its own for the reports'
 * stacks to name.
 */
static noinline int bug_oob_loop(void)
{
	char *p = kmalloc(BUG_OBJECT, GFP_KERNEL);
	int i;

	if (!p)
		return -ENOMEM;
	/* Values that vary: the compiler must not turn the loop into a memset. */
	for (i = 0; i < BUG_BYTES; i++)
		p[i] = (char)i;
	kfree(p);
	return 0;
}

static noinline int bug_oob_memset(void)
{
	char *p = kmalloc(BUG_OBJECT, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	memset(p, 0x5a, BUG_BYTES);
	kfree(p);
	return 0;
}

static noinline int bug_uaf(struct device *dev)
{
	u32 *p = kmalloc(BUG_OBJECT, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	p[2] = 0x1234;
	kfree(p);
	dev_info(dev, "read after free: %#x\n", READ_ONCE(p[2]));
	return 0;
}

static noinline int bug_byte(void)
{
	char *p = kmalloc(BUG_OBJECT - 2, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	memset(p, 0, BUG_OBJECT - 2);
	/* Through a volatile index: a compiler may not see the bound and warn. */
	p[*(volatile int *)&(int){ BUG_OBJECT - 2 }] = 1;
	kfree(p);
	return 0;
}

static int bug_kasan_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	int err = 0;

	if (!strcmp(bug, "oob"))
		err = bug_oob_loop();
	else if (!strcmp(bug, "oob-memset"))
		err = bug_oob_memset();
	else if (!strcmp(bug, "uaf"))
		err = bug_uaf(&pdev->dev);
	else if (!strcmp(bug, "byte"))
		err = bug_byte();
	else if (strcmp(bug, "none"))
		err = -EINVAL;
	if (err)
		return err;
	dev_info(&pdev->dev, "bug %s done\n", bug);
	return 0;
}

static void bug_kasan_remove(struct pci_dev *pdev)
{
	dev_info(&pdev->dev, "removed\n");
}

static const struct pci_device_id bug_kasan_ids[] = { { PCI_DEVICE(EDU_VENDOR, EDU_DEVICE) }, {} };
MODULE_DEVICE_TABLE(pci, bug_kasan_ids);

static struct pci_driver bug_kasan_driver = {
	.name = "bug-kasan",
	.id_table = bug_kasan_ids,
	.probe = bug_kasan_probe,
	.remove = bug_kasan_remove,
};
module_pci_driver(bug_kasan_driver);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("edu driver with a heap bug for uldd run --debug=kasan");
