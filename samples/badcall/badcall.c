// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * badcall.c - a test driver that misbehaves on purpose: it binds QEMU's
 * edu device and, half a second after probe returned (when 'uldd run' has
 * installed its seccomp filter), makes a system call of its own, getppid,
 * which no part of uldd makes. tests/vm/t-run-edu.sh expects the process
 * to die with the line that names the call. x86-64 only.
 */
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/workqueue.h>

#include "../edu/edu_hw.h"

#define BADCALL_NR_GETPPID 110 /* x86-64 */

static void badcall_work_fn(struct work_struct *work);
static DECLARE_DELAYED_WORK(badcall_work, badcall_work_fn);

/* What a driver could do that the shim never does: the instruction itself. */
static void badcall_work_fn(struct work_struct *work)
{
	long ret;

	pr_info("badcall: making system call %d, which uldd never makes\n", BADCALL_NR_GETPPID);
	asm volatile("syscall"
		     : "=a"(ret)
		     : "a"((long)BADCALL_NR_GETPPID)
		     : "rcx", "r11", "memory");
	pr_info("badcall: system call %d returned %ld: no filter stopped it\n", BADCALL_NR_GETPPID,
		ret);
}

static int badcall_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	dev_info(&pdev->dev, "badcall: probed; the system call follows in 500 ms\n");
	schedule_delayed_work(&badcall_work, msecs_to_jiffies(500));
	return 0;
}

static void badcall_remove(struct pci_dev *pdev)
{
	cancel_delayed_work_sync(&badcall_work);
	dev_info(&pdev->dev, "badcall: removed\n");
}

static const struct pci_device_id badcall_ids[] = { { PCI_DEVICE(EDU_VENDOR, EDU_DEVICE) }, {} };
MODULE_DEVICE_TABLE(pci, badcall_ids);

static struct pci_driver badcall_driver = {
	.name = "badcall",
	.id_table = badcall_ids,
	.probe = badcall_probe,
	.remove = badcall_remove,
};
module_pci_driver(badcall_driver);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Test driver that makes a system call uldd forbids, run by uldd");
