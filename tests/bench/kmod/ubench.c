// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ubench.c - the in-kernel side of bench_vm: a guest kernel module that
 * times the same operation pairs bench_sched and bench_mm time in the shim
 * (spin_lock, spin_lock_irqsave, mutex, kmalloc/kfree of 64 bytes) and
 * prints one "ubench: <op> <ns>" line each. It also drives QEMU's edu
 * device from the kernel, as samples/edu does from uldd: MSI raise to
 * handler to waiter, and dma_map_single/unmap pairs. Built against Debian's
 * linux-headers for the guest kernel (Kbuild); rmmod it afterwards.
 */
#include <linux/completion.h>
#include <linux/dma-mapping.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/ktime.h>
#include <linux/pci.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#define PAIRS 2000000

static DEFINE_SPINLOCK(ub_lock);
static DEFINE_MUTEX(ub_mutex);
static unsigned long ub_sink;

static void report_n(const char *op, u64 t0, u64 n)
{
	u64 ns = ktime_get_ns() - t0;

	pr_info("ubench: %s %llu.%llu\n", op, ns / n, (ns * 10 / n) % 10);
}

static void report(const char *op, u64 t0)
{
	report_n(op, t0, PAIRS);
}

/* QEMU's edu: raise and acknowledge an interrupt (docs/specs/edu.rst). */
#define EDU_IRQ_STATUS 0x24
#define EDU_IRQ_RAISE 0x60
#define EDU_IRQ_ACK 0x64
#define ROUNDS 200
#define MAPS 100000

static void __iomem *ub_regs;
static DECLARE_COMPLETION(ub_irq_done);

static irqreturn_t ub_irq(int irq, void *data)
{
	u32 status = readl(ub_regs + EDU_IRQ_STATUS);

	if (!status)
		return IRQ_NONE;
	writel(status, ub_regs + EDU_IRQ_ACK);
	complete(&ub_irq_done);
	return IRQ_HANDLED;
}

static int ub_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	void *buf;
	u64 t0;
	int err, i;

	err = pcim_enable_device(pdev);
	if (err)
		return err;
	pci_set_master(pdev);
	dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(28));
	ub_regs = pcim_iomap(pdev, 0, 0);
	if (!ub_regs)
		return -ENOMEM;
	err = pci_alloc_irq_vectors(pdev, 1, 1, PCI_IRQ_MSI);
	if (err < 0)
		return err;
	err = request_irq(pci_irq_vector(pdev, 0), ub_irq, 0, "ubench", pdev);
	if (err)
		goto out_vectors;
	t0 = ktime_get_ns();
	for (i = 0; i < ROUNDS; i++) {
		reinit_completion(&ub_irq_done);
		writel(1, ub_regs + EDU_IRQ_RAISE);
		if (!wait_for_completion_timeout(&ub_irq_done, HZ)) {
			err = -ETIMEDOUT;
			goto out_irq;
		}
	}
	report_n("msi_roundtrip", t0, ROUNDS);

	buf = kmalloc(2048, GFP_KERNEL);
	if (buf) {
		t0 = ktime_get_ns();
		for (i = 0; i < MAPS; i++) {
			dma_addr_t a = dma_map_single(&pdev->dev, buf, 2048, DMA_TO_DEVICE);

			if (dma_mapping_error(&pdev->dev, a))
				break;
			dma_unmap_single(&pdev->dev, a, 2048, DMA_TO_DEVICE);
		}
		if (i == MAPS)
			report_n("dma_map_single", t0, MAPS);
		kfree(buf);
	}
out_irq:
	free_irq(pci_irq_vector(pdev, 0), pdev);
out_vectors:
	pci_free_irq_vectors(pdev);
	/* Measured: the device is not kept. */
	return err ? err : -ENODEV;
}

static const struct pci_device_id ub_ids[] = { { PCI_DEVICE(0x1234, 0x11e8) }, {} };

static struct pci_driver ub_driver = {
	.name = "ubench",
	.id_table = ub_ids,
	.probe = ub_probe,
};

static int __init ubench_init(void)
{
	unsigned long flags;
	u64 t0;
	int i;

	t0 = ktime_get_ns();
	for (i = 0; i < PAIRS; i++) {
		spin_lock(&ub_lock);
		WRITE_ONCE(ub_sink, ub_sink + 1);
		spin_unlock(&ub_lock);
	}
	report("spin_lock", t0);

	t0 = ktime_get_ns();
	for (i = 0; i < PAIRS; i++) {
		spin_lock_irqsave(&ub_lock, flags);
		WRITE_ONCE(ub_sink, ub_sink + 1);
		spin_unlock_irqrestore(&ub_lock, flags);
	}
	report("spin_lock_irqsave", t0);

	t0 = ktime_get_ns();
	for (i = 0; i < PAIRS; i++) {
		mutex_lock(&ub_mutex);
		WRITE_ONCE(ub_sink, ub_sink + 1);
		mutex_unlock(&ub_mutex);
	}
	report("mutex", t0);

	t0 = ktime_get_ns();
	for (i = 0; i < PAIRS; i++) {
		void *p = kmalloc(64, GFP_KERNEL);

		WRITE_ONCE(*(char *)p, 1);
		kfree(p);
	}
	report("kmalloc64", t0);
	return pci_register_driver(&ub_driver);
}

static void __exit ubench_exit(void)
{
	pci_unregister_driver(&ub_driver);
}

module_init(ubench_init);
module_exit(ubench_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("uldd bench_vm: in-kernel cost of locking and kmalloc");
