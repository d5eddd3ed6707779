// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * bug-dma.c - a test driver for --debug=dma and --debug=dma-strict (issue
 * #12): it binds QEMU's edu device and breaks one DMA-API rule, chosen by
 * bug=, in a function named after it, so a report can be checked to name
 * it. bug=after-unmap lets the device write into a buffer the driver
 * already unmapped: silently without dma-strict, an IOMMU fault with it.
 * bug=leak leaves a streaming mapping and coherent memory behind for
 * --debug=leaks. bug=none breaks nothing. Each case logs "bug-dma: <bug> done" when it is
 * over; tests/vm/debug/40-dma.sh and 50-dma-strict.sh run it.
 */
#include <linux/delay.h>
#include <linux/dma-mapping.h>
#include <linux/io.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "../edu/edu_hw.h"

#define BUGDMA_LEN 2048

static char *bug = "none";
module_param(bug, charp, 0444);
MODULE_PARM_DESC(bug, "none, double-unmap, never-mapped, wrong-size, wrong-dir, "
		      "no-error-check, cpu-write, after-unmap or leak");

static int dma_bits = 64;
module_param(dma_bits, int, 0444);
MODULE_PARM_DESC(dma_bits, "DMA address bits the device decodes (edu: 28, or 64 with dma_mask)");

struct bugdma {
	struct pci_dev *pdev;
	struct device *dev;
	void __iomem *regs;
	u8 *buf;
};

/* One transfer, polled: the engine clears START when it is done. */
static int bugdma_xfer(struct bugdma *b, u64 src, u64 dst, u32 len, u32 cmd)
{
	writeq(src, b->regs + EDU_DMA_SRC);
	writeq(dst, b->regs + EDU_DMA_DST);
	writeq(len, b->regs + EDU_DMA_COUNT);
	writel(EDU_DMA_START | cmd, b->regs + EDU_DMA_CMD);
	for (int i = 0; i < 5000; i++) {
		if (!(readl(b->regs + EDU_DMA_CMD) & EDU_DMA_START))
			return 0;
		msleep(1);
	}
	dev_err(b->dev, "the DMA engine did not finish in 5 s\n");
	return -ETIMEDOUT;
}

/* Every rule kept: streaming both ways, a sync, coherent memory. */
static noinline int bugdma_none(struct bugdma *b)
{
	dma_addr_t a, h;
	void *c;
	int err;

	memset(b->buf, 0x3c, BUGDMA_LEN);
	a = dma_map_single(b->dev, b->buf, BUGDMA_LEN, DMA_TO_DEVICE);
	if (dma_mapping_error(b->dev, a))
		return -ENOMEM;
	err = bugdma_xfer(b, a, EDU_BUF, BUGDMA_LEN, 0);
	dma_unmap_single(b->dev, a, BUGDMA_LEN, DMA_TO_DEVICE);
	if (err)
		return err;
	memset(b->buf, 0, BUGDMA_LEN);
	a = dma_map_single(b->dev, b->buf, BUGDMA_LEN, DMA_FROM_DEVICE);
	if (dma_mapping_error(b->dev, a))
		return -ENOMEM;
	err = bugdma_xfer(b, EDU_BUF, a, BUGDMA_LEN, EDU_DMA_TO_RAM);
	dma_sync_single_for_cpu(b->dev, a, BUGDMA_LEN, DMA_FROM_DEVICE);
	if (!err && b->buf[BUGDMA_LEN - 1] != 0x3c)
		err = -EIO;
	dma_sync_single_for_device(b->dev, a, BUGDMA_LEN, DMA_FROM_DEVICE);
	dma_unmap_single(b->dev, a, BUGDMA_LEN, DMA_FROM_DEVICE);
	if (err)
		return err;
	c = dma_alloc_coherent(b->dev, PAGE_SIZE, &h, GFP_KERNEL);
	if (!c)
		return -ENOMEM;
	err = bugdma_xfer(b, EDU_BUF, h, 64, EDU_DMA_TO_RAM);
	if (!err && ((u8 *)c)[63] != 0x3c)
		err = -EIO;
	dma_free_coherent(b->dev, PAGE_SIZE, c, h);
	return err;
}

static noinline int bugdma_double_unmap(struct bugdma *b)
{
	dma_addr_t a = dma_map_single(b->dev, b->buf, BUGDMA_LEN, DMA_FROM_DEVICE);

	if (dma_mapping_error(b->dev, a))
		return -ENOMEM;
	dma_unmap_single(b->dev, a, BUGDMA_LEN, DMA_FROM_DEVICE);
	dma_unmap_single(b->dev, a, BUGDMA_LEN, DMA_FROM_DEVICE);
	return 0;
}

static noinline int bugdma_never_mapped(struct bugdma *b)
{
	/* The buffer's own address: what a DMA address would be, never given by a map. */
	dma_unmap_single(b->dev, (dma_addr_t)(unsigned long)b->buf, BUGDMA_LEN, DMA_FROM_DEVICE);
	return 0;
}

static noinline int bugdma_wrong_size(struct bugdma *b)
{
	dma_addr_t a = dma_map_single(b->dev, b->buf, BUGDMA_LEN, DMA_FROM_DEVICE);

	if (dma_mapping_error(b->dev, a))
		return -ENOMEM;
	dma_unmap_single(b->dev, a, BUGDMA_LEN / 2, DMA_FROM_DEVICE);
	return 0;
}

static noinline int bugdma_wrong_dir(struct bugdma *b)
{
	dma_addr_t a = dma_map_single(b->dev, b->buf, BUGDMA_LEN, DMA_FROM_DEVICE);

	if (dma_mapping_error(b->dev, a))
		return -ENOMEM;
	dma_unmap_single(b->dev, a, BUGDMA_LEN, DMA_TO_DEVICE);
	return 0;
}

static noinline int bugdma_no_error_check(struct bugdma *b)
{
	dma_addr_t a = dma_map_single(b->dev, b->buf, BUGDMA_LEN, DMA_FROM_DEVICE);

	dma_unmap_single(b->dev, a, BUGDMA_LEN, DMA_FROM_DEVICE);
	return 0;
}

static noinline int bugdma_cpu_write(struct bugdma *b)
{
	dma_addr_t a;
	int err;

	memset(b->buf, 0x11, BUGDMA_LEN);
	a = dma_map_single(b->dev, b->buf, BUGDMA_LEN, DMA_TO_DEVICE);
	if (dma_mapping_error(b->dev, a))
		return -ENOMEM;
	/* The device owns the buffer until the unmap: this store is the bug. */
	WRITE_ONCE(b->buf[10], 0x22);
	err = bugdma_xfer(b, a, EDU_BUF, BUGDMA_LEN, 0);
	dma_unmap_single(b->dev, a, BUGDMA_LEN, DMA_TO_DEVICE);
	return err;
}

static noinline int bugdma_after_unmap(struct bugdma *b)
{
	dma_addr_t a;
	int err;

	memset(b->buf, 0, BUGDMA_LEN);
	a = dma_map_single(b->dev, b->buf, BUGDMA_LEN, DMA_FROM_DEVICE);
	if (dma_mapping_error(b->dev, a))
		return -ENOMEM;
	dma_unmap_single(b->dev, a, BUGDMA_LEN, DMA_FROM_DEVICE);
	/* The buffer is the CPU's again; the device is told to write it anyway. */
	err = bugdma_xfer(b, EDU_BUF, a, BUGDMA_LEN, EDU_DMA_TO_RAM);
	if (!err)
		dev_info(b->dev, "bug-dma: the device wrote to %pad after its unmap: %s\n", &a,
			 b->buf[BUGDMA_LEN - 1] ? "it landed" : "nothing landed");
	return err;
}

/* For --debug=leaks: a streaming mapping and coherent memory left at exit. */
static noinline int bugdma_leak(struct bugdma *b)
{
	dma_addr_t a = dma_map_single(b->dev, b->buf, BUGDMA_LEN, DMA_TO_DEVICE), h;

	if (dma_mapping_error(b->dev, a))
		return -ENOMEM;
	return dma_alloc_coherent(b->dev, PAGE_SIZE, &h, GFP_KERNEL) ? 0 : -ENOMEM;
}

static const struct {
	const char *name;
	int (*fn)(struct bugdma *b);
} bugdma_bugs[] = {
	{ "none", bugdma_none },
	{ "double-unmap", bugdma_double_unmap },
	{ "never-mapped", bugdma_never_mapped },
	{ "wrong-size", bugdma_wrong_size },
	{ "wrong-dir", bugdma_wrong_dir },
	{ "no-error-check", bugdma_no_error_check },
	{ "cpu-write", bugdma_cpu_write },
	{ "after-unmap", bugdma_after_unmap },
	{ "leak", bugdma_leak },
};

static int bugdma_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct bugdma b = { .pdev = pdev, .dev = &pdev->dev };
	unsigned int i;
	int err;

	for (i = 0; i < ARRAY_SIZE(bugdma_bugs); i++)
		if (!strcmp(bug, bugdma_bugs[i].name))
			break;
	if (i == ARRAY_SIZE(bugdma_bugs)) {
		dev_err(&pdev->dev, "bug-dma: no bug '%s'\n", bug);
		return -EINVAL;
	}
	err = pci_enable_device(pdev);
	if (err)
		return err;
	err = pci_request_regions(pdev, "bug-dma");
	if (err)
		goto err_disable;
	pci_set_master(pdev);
	err = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(dma_bits));
	if (err)
		goto err_regions;
	b.regs = pci_iomap(pdev, 0, 0);
	b.buf = kzalloc(BUGDMA_LEN, GFP_KERNEL);
	if (!b.regs || !b.buf) {
		err = -ENOMEM;
		goto err_unmap;
	}
	err = bugdma_bugs[i].fn(&b);
	if (err)
		goto err_unmap;
	kfree(b.buf);
	pci_iounmap(pdev, b.regs);
	dev_info(&pdev->dev, "bug-dma: %s done\n", bug);
	return 0;

err_unmap:
	kfree(b.buf);
	if (b.regs)
		pci_iounmap(pdev, b.regs);
err_regions:
	pci_release_regions(pdev);
err_disable:
	pci_disable_device(pdev);
	return err;
}

static void bugdma_remove(struct pci_dev *pdev)
{
	pci_release_regions(pdev);
	pci_disable_device(pdev);
}

static const struct pci_device_id bugdma_ids[] = { { PCI_DEVICE(EDU_VENDOR, EDU_DEVICE) }, {} };
MODULE_DEVICE_TABLE(pci, bugdma_ids);

static struct pci_driver bugdma_driver = {
	.name = "bug-dma",
	.id_table = bugdma_ids,
	.probe = bugdma_probe,
	.remove = bugdma_remove,
};
module_pci_driver(bugdma_driver);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Test driver: breaks one DMA-API rule, chosen by bug=, for --debug=dma");
