// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * dmastray.c - a test driver that misprograms a device on purpose (issue
 * #11): it binds QEMU's edu device with a 64-bit DMA mask, where a DMA
 * address is the virtual address, checks that a real buffer round-trips,
 * then asks edu's DMA engine to write into shim structures the driver holds
 * pointers to (an sk_buff, a kthread's task, the shim's part of a
 * net_device, the pci_dev itself) at the address dma_map_single
 * would give them if they were mapped. The IOMMU must refuse each write (the
 * guest logs a DMAR fault) and the structures must stay as they were.
 * tests/vm/t-dma-confine.sh runs it. Probe fails when a check fails.
 */
#include <linux/delay.h>
#include <linux/dma-mapping.h>
#include <linux/etherdevice.h>
#include <linux/io.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/pci.h>
#include <linux/sched.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "../edu/edu_hw.h"

#define STRAY_FILL 0xa5
#define STRAY_LEN 1024 /* the control transfer */
/* The driver cannot see the size of the shim's part of a net_device; it holds this much. */
#define STRAY_NETDEV_PART 256

struct stray {
	struct pci_dev *pdev;
	void __iomem *regs;
};

/* One transfer, polled: the engine clears START when it is done. */
static int stray_dma(struct stray *s, u64 src, u64 dst, u32 len, u32 cmd)
{
	writeq(src, s->regs + EDU_DMA_SRC);
	writeq(dst, s->regs + EDU_DMA_DST);
	writeq(len, s->regs + EDU_DMA_COUNT);
	writel(EDU_DMA_START | cmd, s->regs + EDU_DMA_CMD);
	for (int i = 0; i < 5000; i++) {
		if (!(readl(s->regs + EDU_DMA_CMD) & EDU_DMA_START))
			return 0;
		msleep(1);
	}
	dev_err(&s->pdev->dev, "the DMA engine did not finish in 5 s\n");
	return -ETIMEDOUT;
}

/*
 * A real buffer first: the engine works and, with this mask, a buffer's
 * DMA address is its virtual address, so a structure's would be too. It
 * also leaves edu's buffer full of STRAY_FILL for the stray writes.
 */
static int stray_control(struct stray *s)
{
	struct device *dev = &s->pdev->dev;
	u8 *buf = kmalloc(STRAY_LEN, GFP_KERNEL);
	dma_addr_t a;
	int err = -ENOMEM;

	if (!buf)
		return err;
	memset(buf, STRAY_FILL, STRAY_LEN);
	a = dma_map_single(dev, buf, STRAY_LEN, DMA_BIDIRECTIONAL);
	err = dma_mapping_error(dev, a);
	if (err)
		goto out;
	if (a != (dma_addr_t)(unsigned long)buf) {
		dev_err(dev, "DMA address %pad of %px is not its VA: no IOVA = VA mapping here\n",
			&a, buf);
		err = -EIO;
		goto unmap;
	}
	err = stray_dma(s, a, EDU_BUF, STRAY_LEN, 0);
	memset(buf, 0, STRAY_LEN);
	if (!err)
		err = stray_dma(s, EDU_BUF, a, STRAY_LEN, EDU_DMA_TO_RAM);
	if (!err && (buf[0] != STRAY_FILL || buf[STRAY_LEN - 1] != STRAY_FILL)) {
		dev_err(dev, "the control transfer did not arrive\n");
		err = -EIO;
	}
	if (!err)
		dev_info(dev, "control DMA of %d bytes arrived at %pad (= its VA)\n", STRAY_LEN,
			 &a);
unmap:
	dma_unmap_single(dev, a, STRAY_LEN, DMA_BIDIRECTIONAL);
out:
	kfree(buf);
	return err;
}

/* edu writes len bytes of STRAY_FILL at obj's address; obj must not change. */
static int stray_at(struct stray *s, const char *what, void *obj, size_t len)
{
	struct device *dev = &s->pdev->dev;
	u8 *before = kmalloc(len, GFP_KERNEL);
	int err;

	if (!before)
		return -ENOMEM;
	memcpy(before, obj, len);
	dev_info(dev, "stray DMA: %zu bytes at %s %px\n", len, what, obj);
	err = stray_dma(s, EDU_BUF, (u64)(unsigned long)obj, (u32)len, EDU_DMA_TO_RAM);
	if (!err && memcmp(before, obj, len)) {
		dev_err(dev, "stray DMA CHANGED %s at %px: the IOMMU let the device write it\n",
			what, obj);
		err = -EIO;
	}
	if (!err)
		dev_info(dev, "%s at %px unchanged\n", what, obj);
	kfree(before);
	return err;
}

static int stray_idle(void *data)
{
	(void)data;
	return 0;
}

/* The shim's structures refuse the write; the skb's data head, the driver's, takes it. */
static int stray_objects(struct stray *s)
{
	struct sk_buff *skb = alloc_skb(1500, GFP_KERNEL);
	/* Never woken: kthread_stop() reaps it without running stray_idle. */
	struct task_struct *task = kthread_create(stray_idle, NULL, "dmastray");
	/* Never registered: only its memory matters here. */
	struct net_device *ndev = alloc_etherdev(0);
	int err = -ENOMEM;

	if (!skb || IS_ERR(task) || !ndev)
		goto out;
	err = stray_at(s, "struct pci_dev", s->pdev, min_t(size_t, sizeof(*s->pdev), STRAY_LEN));
	if (!err)
		err = stray_at(s, "struct sk_buff", skb, sizeof(*skb));
	if (!err)
		err = stray_at(s, "net_device's shim part", ndev->uldd, STRAY_NETDEV_PART);
	/*
	 * The guest kernel logs DMAR faults under one rate limit, 10 lines in
	 * 5 s, and spends 3 on each fault: let the window pass, so the test
	 * finds this one's line too.
	 */
	if (!err) {
		msleep(5100);
		err = stray_at(s, "a kthread's task", task, sizeof(*task));
	}
	if (!err)
		err = stray_dma(s, EDU_BUF, (u64)(unsigned long)skb->head, 64, EDU_DMA_TO_RAM);
	if (!err && skb->head[63] != STRAY_FILL) {
		dev_err(&s->pdev->dev, "DMA into the skb's data head did not arrive\n");
		err = -EIO;
	}
	if (!err)
		dev_info(&s->pdev->dev, "the skb's data head at %px took the DMA\n", skb->head);
out:
	free_netdev(ndev);
	if (!IS_ERR(task))
		kthread_stop(task);
	kfree_skb(skb);
	return err;
}

static int stray_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct stray s = { .pdev = pdev };
	int err;

	err = pci_enable_device(pdev);
	if (err)
		return err;
	err = pci_request_regions(pdev, "dmastray");
	if (err)
		goto err_disable;
	pci_set_master(pdev);
	err = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(64));
	if (err)
		goto err_regions;
	s.regs = pci_iomap(pdev, 0, 0);
	if (!s.regs) {
		err = -ENOMEM;
		goto err_regions;
	}
	err = stray_control(&s);
	if (!err)
		err = stray_objects(&s);
	pci_iounmap(pdev, s.regs);
	if (err)
		goto err_regions;
	dev_info(&pdev->dev, "stray DMA checks passed\n");
	return 0;

err_regions:
	pci_release_regions(pdev);
err_disable:
	pci_disable_device(pdev);
	return err;
}

static void stray_remove(struct pci_dev *pdev)
{
	pci_release_regions(pdev);
	pci_disable_device(pdev);
	dev_info(&pdev->dev, "dmastray: removed\n");
}

static const struct pci_device_id stray_ids[] = { { PCI_DEVICE(EDU_VENDOR, EDU_DEVICE) }, {} };
MODULE_DEVICE_TABLE(pci, stray_ids);

static struct pci_driver stray_driver = {
	.name = "dmastray",
	.id_table = stray_ids,
	.probe = stray_probe,
	.remove = stray_remove,
};
module_pci_driver(stray_driver);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Test driver: a device programmed at shim structures is stopped by the IOMMU");
