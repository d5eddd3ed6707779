// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * bug-leaks.c - a test driver that leaves behind, at remove, what its
 * 'bug' parameter names, for --debug=leaks (tests/vm/debug/30-leaks.sh):
 * kmalloc (an object), page (a page), irq (a requested MSI), timer (a
 * pending timer), work (a queued delayed work item), kthread (a running
 * kthread); none frees everything. It binds QEMU's edu device; probe
 * takes the thing, remove forgets to give it back.
 */
#include <linux/delay.h>
#include <linux/gfp.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/timer.h>
#include <linux/workqueue.h>

#include "../edu/edu_hw.h"

/* Long enough that nothing fires before the driver stops. */
#define LEAKY_LATER (3600 * HZ)

static char *bug = "none";
module_param(bug, charp, 0444);
MODULE_PARM_DESC(bug, "what to leave behind: kmalloc, page, irq, timer, work, kthread or none");

static const char *const leaky_bugs[] = { "kmalloc", "page", "irq", "timer", "work", "kthread" };

/* Static, so a timer or work item left behind is not a kmalloc leak too. */
static struct timer_list leaky_timer;
static struct delayed_work leaky_dwork;
/* The IRQ's dev_id, static for the same reason. */
static int leaky_irq_cookie;

struct leaky {
	void *obj;
	struct page *page;
	int irq;
	struct task_struct *thread;
};

static bool leaking(const char *what)
{
	return !strcmp(bug, what);
}

static irqreturn_t leaky_irq(int irq, void *data)
{
	return IRQ_NONE;
}

static void leaky_timer_fn(struct timer_list *t)
{
}

static void leaky_work_fn(struct work_struct *work)
{
}

static int leaky_thread_fn(void *data)
{
	while (!kthread_should_stop())
		msleep(20);
	return 0;
}

static noinline int leaky_take(struct pci_dev *pdev, struct leaky *l)
{
	int err;

	l->obj = kmalloc(100, GFP_KERNEL);
	l->page = alloc_pages(GFP_KERNEL, 0);
	if (!l->obj || !l->page)
		return -ENOMEM;
	err = pci_alloc_irq_vectors(pdev, 1, 1, PCI_IRQ_MSI);
	if (err < 0)
		return err;
	l->irq = pci_irq_vector(pdev, 0);
	err = request_irq(l->irq, leaky_irq, 0, "bug-leaks", &leaky_irq_cookie);
	if (err)
		return err;
	timer_setup(&leaky_timer, leaky_timer_fn, 0);
	mod_timer(&leaky_timer, jiffies + LEAKY_LATER);
	INIT_DELAYED_WORK(&leaky_dwork, leaky_work_fn);
	schedule_delayed_work(&leaky_dwork, LEAKY_LATER);
	l->thread = kthread_run(leaky_thread_fn, NULL, "bug-leaks");
	if (IS_ERR(l->thread))
		return PTR_ERR(l->thread);
	return 0;
}

/* Everything back but what 'bug' names. */
static void leaky_give_back(struct pci_dev *pdev, struct leaky *l)
{
	if (!leaking("kthread") && !IS_ERR_OR_NULL(l->thread))
		kthread_stop(l->thread);
	if (!leaking("work"))
		cancel_delayed_work_sync(&leaky_dwork);
	if (!leaking("timer"))
		timer_delete_sync(&leaky_timer);
	if (!leaking("irq")) {
		if (l->irq > 0)
			free_irq(l->irq, &leaky_irq_cookie);
		pci_free_irq_vectors(pdev);
	}
	if (!leaking("page") && l->page)
		__free_pages(l->page, 0);
	if (!leaking("kmalloc"))
		kfree(l->obj);
}

static int leaky_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct leaky *l;
	unsigned int i;
	int err;

	for (i = 0; i < ARRAY_SIZE(leaky_bugs) && !leaking(leaky_bugs[i]); i++)
		;
	if (i == ARRAY_SIZE(leaky_bugs) && !leaking("none")) {
		dev_err(&pdev->dev,
			"bug=%s: give kmalloc, page, irq, timer, work, kthread or none\n", bug);
		return -EINVAL;
	}
	l = kzalloc(sizeof(*l), GFP_KERNEL);
	if (!l)
		return -ENOMEM;
	err = pci_enable_device(pdev);
	if (err)
		goto err_free;
	pci_set_master(pdev);
	err = leaky_take(pdev, l);
	if (err) {
		bug = "none";
		leaky_give_back(pdev, l);
		pci_disable_device(pdev);
		goto err_free;
	}
	pci_set_drvdata(pdev, l);
	dev_info(&pdev->dev, "bug-leaks: bug=%s taken\n", bug);
	return 0;

err_free:
	kfree(l);
	return err;
}

static void leaky_remove(struct pci_dev *pdev)
{
	struct leaky *l = pci_get_drvdata(pdev);

	leaky_give_back(pdev, l);
	pci_disable_device(pdev);
	kfree(l);
}

static const struct pci_device_id leaky_ids[] = { { PCI_DEVICE(EDU_VENDOR, EDU_DEVICE) }, {} };
MODULE_DEVICE_TABLE(pci, leaky_ids);

static struct pci_driver leaky_driver = {
	.name = "bug-leaks",
	.id_table = leaky_ids,
	.probe = leaky_probe,
	.remove = leaky_remove,
};
module_pci_driver(leaky_driver);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Test driver: leaves behind what its parameter names, for --debug=leaks");
