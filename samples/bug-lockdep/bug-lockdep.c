// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * bug-lockdep.c - a test driver with the locking bug its 'bug' parameter
 * names, for --debug=lockdep (tests/vm/debug/20-lockdep.sh). It binds
 * QEMU's edu device and, in probe:
 *   bug=abba  takes two spinlocks in one order, then in the other (one
 *             order at a time: no real deadlock, the validator sees it);
 *   bug=irq   takes a lock with interrupts on, then raises an edu
 *             interrupt whose handler takes the same lock;
 *   bug=held  queues a work item that returns with a lock still held;
 *   bug=none  does all of that the right way.
 */
#include <linux/completion.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/workqueue.h>

#include "../edu/edu_hw.h"

static char *bug = "none";
module_param(bug, charp, 0444);
MODULE_PARM_DESC(bug, "the locking bug to make: abba, irq, held or none");

struct buggy {
	struct pci_dev *pdev;
	void __iomem *regs;
	int irq;
	spinlock_t a, b; /* two locks for an order */
	spinlock_t irq_lock; /* taken by the interrupt handler */
	spinlock_t work_lock; /* taken by the work item */
	struct completion irq_done;
	struct work_struct work;
	bool keep_held;
};

static irqreturn_t buggy_irq(int irq, void *data)
{
	struct buggy *b = data;
	u32 status = readl(b->regs + EDU_IRQ_STATUS);

	if (!status)
		return IRQ_NONE;
	writel(status, b->regs + EDU_IRQ_ACK);
	spin_lock(&b->irq_lock);
	spin_unlock(&b->irq_lock);
	complete(&b->irq_done);
	return IRQ_HANDLED;
}

static void buggy_work(struct work_struct *work)
{
	struct buggy *b = container_of(work, struct buggy, work);

	spin_lock(&b->work_lock);
	if (!b->keep_held)
		spin_unlock(&b->work_lock);
}

static noinline void buggy_take_ab(struct buggy *b)
{
	spin_lock(&b->a);
	spin_lock(&b->b);
	spin_unlock(&b->b);
	spin_unlock(&b->a);
}

static noinline void buggy_take_ba(struct buggy *b)
{
	spin_lock(&b->b);
	spin_lock(&b->a);
	spin_unlock(&b->a);
	spin_unlock(&b->b);
}

/* Interrupts on (the bug), or off as a lock the handler takes must be. */
static noinline void buggy_take_irq_lock(struct buggy *b, bool irqs_on)
{
	unsigned long flags;

	if (irqs_on) {
		spin_lock(&b->irq_lock);
		spin_unlock(&b->irq_lock);
		return;
	}
	spin_lock_irqsave(&b->irq_lock, flags);
	spin_unlock_irqrestore(&b->irq_lock, flags);
}

static int buggy_raise(struct buggy *b)
{
	reinit_completion(&b->irq_done);
	writel(1, b->regs + EDU_IRQ_RAISE);
	if (!wait_for_completion_timeout(&b->irq_done, msecs_to_jiffies(5000))) {
		dev_err(&b->pdev->dev, "no interrupt in 5 s\n");
		return -EIO;
	}
	return 0;
}

static int buggy_run(struct buggy *b)
{
	bool none = !strcmp(bug, "none");
	int err = 0;

	if (none || !strcmp(bug, "abba")) {
		buggy_take_ab(b);
		if (none)
			buggy_take_ab(b);
		else
			buggy_take_ba(b);
	}
	if (none || !strcmp(bug, "irq")) {
		buggy_take_irq_lock(b, !none);
		err = buggy_raise(b);
	}
	if (!err && (none || !strcmp(bug, "held"))) {
		b->keep_held = !none;
		schedule_work(&b->work);
		flush_work(&b->work);
	}
	return err;
}

static int buggy_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct buggy *b;
	int err;

	if (strcmp(bug, "none") && strcmp(bug, "abba") && strcmp(bug, "irq") &&
	    strcmp(bug, "held")) {
		dev_err(&pdev->dev, "bug=%s: give abba, irq, held or none\n", bug);
		return -EINVAL;
	}
	b = kzalloc(sizeof(*b), GFP_KERNEL);
	if (!b)
		return -ENOMEM;
	b->pdev = pdev;
	spin_lock_init(&b->a);
	spin_lock_init(&b->b);
	spin_lock_init(&b->irq_lock);
	spin_lock_init(&b->work_lock);
	init_completion(&b->irq_done);
	INIT_WORK(&b->work, buggy_work);
	pci_set_drvdata(pdev, b);
	err = pci_enable_device(pdev);
	if (err)
		goto err_free;
	err = pci_request_regions(pdev, "bug-lockdep");
	if (err)
		goto err_disable;
	pci_set_master(pdev);
	b->regs = pci_iomap(pdev, 0, 0);
	if (!b->regs) {
		err = -ENOMEM;
		goto err_regions;
	}
	err = pci_alloc_irq_vectors(pdev, 1, 1, PCI_IRQ_MSI);
	if (err < 0)
		goto err_unmap;
	b->irq = pci_irq_vector(pdev, 0);
	err = request_irq(b->irq, buggy_irq, 0, "bug-lockdep", b);
	if (err)
		goto err_vectors;
	err = buggy_run(b);
	if (err)
		goto err_irq;
	dev_info(&pdev->dev, "bug-lockdep: bug=%s done\n", bug);
	return 0;

err_irq:
	free_irq(b->irq, b);
err_vectors:
	pci_free_irq_vectors(pdev);
err_unmap:
	pci_iounmap(pdev, b->regs);
err_regions:
	pci_release_regions(pdev);
err_disable:
	pci_disable_device(pdev);
err_free:
	cancel_work_sync(&b->work);
	kfree(b);
	return err;
}

static void buggy_remove(struct pci_dev *pdev)
{
	struct buggy *b = pci_get_drvdata(pdev);

	free_irq(b->irq, b);
	pci_free_irq_vectors(pdev);
	cancel_work_sync(&b->work);
	pci_iounmap(pdev, b->regs);
	pci_release_regions(pdev);
	pci_disable_device(pdev);
	kfree(b);
}

static const struct pci_device_id buggy_ids[] = { { PCI_DEVICE(EDU_VENDOR, EDU_DEVICE) }, {} };
MODULE_DEVICE_TABLE(pci, buggy_ids);

static struct pci_driver buggy_driver = {
	.name = "bug-lockdep",
	.id_table = buggy_ids,
	.probe = buggy_probe,
	.remove = buggy_remove,
};
module_pci_driver(buggy_driver);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Test driver: the locking bug its parameter names, for --debug=lockdep");
