// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * edu.c - a kernel-style driver for QEMU's edu teaching device, written
 * against the ordinary kernel API only, to show the shim at work: it
 * probes through pci_register_driver, takes an MSI with request_irq, moves
 * data with the device's DMA engine (coherent and streaming mappings, a
 * completion signalled from the interrupt handler), and passes a timer to
 * a work item. Each step logs what it found; a failed check fails probe.
 */
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/dma-mapping.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/timer.h>
#include <linux/workqueue.h>

#include "edu_hw.h"

#define EDU_XFER 2048 /* the device refuses 4096 bytes ending at its buffer's end */

static int dma_bits = 28;
module_param(dma_bits, int, 0444);
MODULE_PARM_DESC(dma_bits, "DMA address bits the device decodes (edu: 28, or 64 with dma_mask)");

static int rounds = 100;
module_param(rounds, int, 0444);
MODULE_PARM_DESC(rounds, "interrupts to raise and time");

struct edu {
	struct pci_dev *pdev;
	void __iomem *regs;
	int irq;
	struct completion irq_done;
	u32 irq_status;
	unsigned int atomic_allocs; /* GFP_ATOMIC allocations the handler made */
	struct timer_list timer;
	struct work_struct work;
	struct completion work_done;
	bool work_in_task;
};

static irqreturn_t edu_irq(int irq, void *data)
{
	struct edu *edu = data;
	u32 status = readl(edu->regs + EDU_IRQ_STATUS);
	void *scratch;

	if (!status)
		return IRQ_NONE;
	writel(status, edu->regs + EDU_IRQ_ACK);
	/* Hard-irq context may allocate, but only without sleeping. */
	scratch = kmalloc(64, GFP_ATOMIC);
	if (scratch && in_hardirq())
		edu->atomic_allocs++;
	kfree(scratch);
	edu->irq_status = status;
	complete(&edu->irq_done);
	return IRQ_HANDLED;
}

static void edu_work(struct work_struct *work)
{
	struct edu *edu = container_of(work, struct edu, work);

	edu->work_in_task = in_task() && !in_atomic();
	complete(&edu->work_done);
}

static void edu_timer(struct timer_list *t)
{
	struct edu *edu = from_timer(edu, t, timer);

	schedule_work(&edu->work);
}

static int edu_test_irq(struct edu *edu)
{
	s64 total = 0;

	for (int i = 0; i < rounds; i++) {
		ktime_t t0 = ktime_get();

		reinit_completion(&edu->irq_done);
		writel(1u << (i % 8), edu->regs + EDU_IRQ_RAISE);
		if (!wait_for_completion_timeout(&edu->irq_done, msecs_to_jiffies(5000))) {
			dev_err(&edu->pdev->dev, "MSI %d did not arrive\n", i);
			return -ETIMEDOUT;
		}
		total += ktime_to_ns(ktime_sub(ktime_get(), t0));
	}
	dev_info(&edu->pdev->dev, "%d MSIs handled, round trip %lld ns on average\n", rounds,
		 rounds ? total / rounds : 0);
	if (edu->atomic_allocs != (unsigned int)rounds) {
		dev_err(&edu->pdev->dev, "%u of %d GFP_ATOMIC allocations in hard-irq context\n",
			edu->atomic_allocs, rounds);
		return -ENOMEM;
	}
	dev_info(&edu->pdev->dev,
		 "the handler allocated with GFP_ATOMIC in hard-irq context %d times\n", rounds);
	return 0;
}

/* One DMA transfer and its completion interrupt. */
static int edu_dma(struct edu *edu, dma_addr_t src, dma_addr_t dst, u32 cmd)
{
	reinit_completion(&edu->irq_done);
	writeq(src, edu->regs + EDU_DMA_SRC);
	writeq(dst, edu->regs + EDU_DMA_DST);
	writeq(EDU_XFER, edu->regs + EDU_DMA_COUNT);
	writel(EDU_DMA_START | EDU_DMA_IRQ | cmd, edu->regs + EDU_DMA_CMD);
	if (!wait_for_completion_timeout(&edu->irq_done, msecs_to_jiffies(5000)) ||
	    !(edu->irq_status & EDU_DMA_DONE)) {
		dev_err(&edu->pdev->dev, "DMA did not complete\n");
		return -ETIMEDOUT;
	}
	return 0;
}

/* What a streaming mapping costs a driver's hot path: no system call. */
static void edu_time_mapping(struct device *dev, void *buf)
{
	enum { PAIRS = 100000 };
	ktime_t t0 = ktime_get();

	for (int i = 0; i < PAIRS; i++) {
		dma_addr_t a = dma_map_single(dev, buf, EDU_XFER, DMA_TO_DEVICE);

		if (dma_mapping_error(dev, a))
			return;
		dma_unmap_single(dev, a, EDU_XFER, DMA_TO_DEVICE);
	}
	dev_info(dev, "dma_map_single + unmap: %lld ns per pair\n",
		 ktime_to_ns(ktime_sub(ktime_get(), t0)) / PAIRS);
}

static int edu_test_dma(struct edu *edu)
{
	struct device *dev = &edu->pdev->dev;
	dma_addr_t coherent_dma, stream_dma;
	u8 *coherent, *stream;
	int err = -ENOMEM;

	coherent = dma_alloc_coherent(dev, EDU_XFER, &coherent_dma, GFP_KERNEL);
	stream = kmalloc(EDU_XFER, GFP_KERNEL);
	if (!coherent || !stream)
		goto out;
	for (int i = 0; i < EDU_XFER; i++)
		coherent[i] = (u8)(i * 13 + 7);
	memset(stream, 0, EDU_XFER);
	stream_dma = dma_map_single(dev, stream, EDU_XFER, DMA_FROM_DEVICE);
	err = dma_mapping_error(dev, stream_dma);
	if (err)
		goto out;
	edu_time_mapping(dev, stream);
	err = edu_dma(edu, coherent_dma, EDU_BUF, 0);
	if (!err)
		err = edu_dma(edu, EDU_BUF, stream_dma, EDU_DMA_TO_RAM);
	dma_unmap_single(dev, stream_dma, EDU_XFER, DMA_FROM_DEVICE);
	if (!err && memcmp(coherent, stream, EDU_XFER)) {
		dev_err(dev, "DMA data differs after the round trip\n");
		err = -EIO;
	}
	if (!err)
		dev_info(
			dev,
			"DMA round trip of %d bytes intact: coherent at %pad, streaming at %pad (%d-bit mask)\n",
			EDU_XFER, &coherent_dma, &stream_dma, dma_bits);
out:
	kfree(stream);
	if (coherent)
		dma_free_coherent(dev, EDU_XFER, coherent, coherent_dma);
	return err;
}

static int edu_test_timer(struct edu *edu)
{
	mod_timer(&edu->timer, jiffies + msecs_to_jiffies(10));
	if (!wait_for_completion_timeout(&edu->work_done, msecs_to_jiffies(5000)) ||
	    !edu->work_in_task) {
		dev_err(&edu->pdev->dev, "the timer's work item did not run in process context\n");
		return -EIO;
	}
	dev_info(&edu->pdev->dev, "timer fired and its work item ran in process context\n");
	return 0;
}

static int edu_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct edu *edu;
	u32 ident;
	int err;

	edu = kzalloc(sizeof(*edu), GFP_KERNEL);
	if (!edu)
		return -ENOMEM;
	edu->pdev = pdev;
	init_completion(&edu->irq_done);
	init_completion(&edu->work_done);
	timer_setup(&edu->timer, edu_timer, 0);
	INIT_WORK(&edu->work, edu_work);
	pci_set_drvdata(pdev, edu);

	err = pci_enable_device(pdev);
	if (err)
		goto err_free;
	err = pci_request_regions(pdev, "edu");
	if (err)
		goto err_disable;
	pci_set_master(pdev);
	err = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(dma_bits));
	if (err) {
		dev_err(&pdev->dev, "no usable %d-bit DMA\n", dma_bits);
		goto err_regions;
	}
	edu->regs = pci_iomap(pdev, 0, 0);
	if (!edu->regs) {
		err = -ENOMEM;
		goto err_regions;
	}
	ident = readl(edu->regs + EDU_ID);
	writel(0x5a5a1234, edu->regs + EDU_LIVENESS);
	if ((ident & 0xff) != 0xed || readl(edu->regs + EDU_LIVENESS) != ~0x5a5a1234u) {
		dev_err(&pdev->dev, "not an edu device: ID %#x\n", ident);
		err = -ENODEV;
		goto err_unmap;
	}
	dev_info(&pdev->dev, "edu %u.%u, BAR0 of %llu KiB\n", ident >> 24, (ident >> 16) & 0xff,
		 (unsigned long long)pci_resource_len(pdev, 0) >> 10);

	err = pci_alloc_irq_vectors(pdev, 1, 1, PCI_IRQ_MSI);
	if (err < 0)
		goto err_unmap;
	edu->irq = pci_irq_vector(pdev, 0);
	err = request_irq(edu->irq, edu_irq, 0, "edu", edu);
	if (err)
		goto err_vectors;

	err = edu_test_irq(edu);
	if (!err)
		err = edu_test_dma(edu);
	if (!err)
		err = edu_test_timer(edu);
	if (err)
		goto err_irq;
	dev_info(&pdev->dev, "all checks passed\n");
	return 0;

err_irq:
	free_irq(edu->irq, edu);
err_vectors:
	pci_free_irq_vectors(pdev);
err_unmap:
	pci_iounmap(pdev, edu->regs);
err_regions:
	pci_release_regions(pdev);
err_disable:
	pci_disable_device(pdev);
err_free:
	timer_delete_sync(&edu->timer);
	cancel_work_sync(&edu->work);
	kfree(edu);
	return err;
}

static void edu_remove(struct pci_dev *pdev)
{
	struct edu *edu = pci_get_drvdata(pdev);

	free_irq(edu->irq, edu);
	pci_free_irq_vectors(pdev);
	timer_delete_sync(&edu->timer);
	cancel_work_sync(&edu->work);
	pci_iounmap(pdev, edu->regs);
	pci_release_regions(pdev);
	pci_disable_device(pdev);
	kfree(edu);
	dev_info(&pdev->dev, "removed\n");
}

static const struct pci_device_id edu_ids[] = { { PCI_DEVICE(EDU_VENDOR, EDU_DEVICE) }, {} };
MODULE_DEVICE_TABLE(pci, edu_ids);

static struct pci_driver edu_driver = {
	.name = "edu",
	.id_table = edu_ids,
	.probe = edu_probe,
	.remove = edu_remove,
};
module_pci_driver(edu_driver);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Sample driver for QEMU's edu device, run by uldd");
