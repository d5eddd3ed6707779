// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * irq.c - device interrupts, on QEMU's edu (raise: write a status bit to
 * 0x60; the line or the MSI stays raised until the bit is written to 0x64):
 * hard handlers run in hard interrupt context with interrupts off; a
 * threaded handler with IRQF_ONESHOT runs in process context while the
 * line stays masked; a line nobody handles is disabled once more than
 * 99,900 of 100,000 interrupts went unhandled, as the kernel's spurious-
 * interrupt detector does ("nobody cared"), and is then only polled.
 */
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/pci.h>

#include "conform.h"
#include "edu_hw.h"

#define HANG_GUARD msecs_to_jiffies(10000)

static void __iomem *regs;
static atomic_t hard_runs, thread_runs;
static bool hard_ctx_ok, thread_ctx_ok, raised_while_thread;
static struct completion got;

static void irq_reset(struct conform_dev *dev)
{
	regs = dev->regs;
	atomic_set(&hard_runs, 0);
	atomic_set(&thread_runs, 0);
	hard_ctx_ok = thread_ctx_ok = true;
	raised_while_thread = false;
	init_completion(&got);
	writel(readl(regs + EDU_IRQ_STATUS), regs + EDU_IRQ_ACK);
}

/* One vector of the given type: its irq number, or a negative errno. */
static int vector(struct conform_dev *dev, unsigned int type)
{
	int n = pci_alloc_irq_vectors(dev->pdev, 1, 1, type);

	return n < 0 ? n : pci_irq_vector(dev->pdev, 0);
}

static irqreturn_t ack_handler(int irq, void *data)
{
	u32 status = readl(regs + EDU_IRQ_STATUS);

	atomic_inc(&hard_runs);
	if (!in_hardirq() || !irqs_disabled())
		hard_ctx_ok = false;
	if (!status)
		return IRQ_NONE;
	writel(status, regs + EDU_IRQ_ACK);
	complete(&got);
	return IRQ_HANDLED;
}

static int hard_handler_context(struct conform_dev *dev, unsigned int type)
{
	int irq, err, i;

	irq_reset(dev);
	irq = vector(dev, type);
	if (irq < 0)
		return conform_skip("no vector of this type");
	err = request_irq(irq, ack_handler, IRQF_SHARED, "conform", &got);
	if (err) {
		pci_free_irq_vectors(dev->pdev);
		CHECK_CMP(err, ==, 0);
	}
	for (i = 0; i < 10; i++) {
		writel(1, regs + EDU_IRQ_RAISE);
		if (!wait_for_completion_timeout(&got, HANG_GUARD))
			break;
	}
	free_irq(irq, &got);
	pci_free_irq_vectors(dev->pdev);
	CHECK_CMP(i, ==, 10);
	CHECK(hard_ctx_ok);
	return 0;
}

static int msi_hard_context(struct conform_dev *dev)
{
	return hard_handler_context(dev, PCI_IRQ_MSI);
}

static int intx_hard_context(struct conform_dev *dev)
{
	return hard_handler_context(dev, PCI_IRQ_LEGACY);
}

/* Leaves the device raised: only the thread acknowledges it. */
static irqreturn_t wake_handler(int irq, void *data)
{
	atomic_inc(&hard_runs);
	if (!in_hardirq())
		hard_ctx_ok = false;
	if (atomic_read(&thread_runs) != atomic_read(&hard_runs) - 1)
		raised_while_thread = true;
	return IRQ_WAKE_THREAD;
}

static irqreturn_t thread_handler(int irq, void *data)
{
	u32 status = readl(regs + EDU_IRQ_STATUS);

	if (!in_task() || irqs_disabled())
		thread_ctx_ok = false;
	msleep(5); /* a thread may sleep; the line stays masked meanwhile */
	writel(status, regs + EDU_IRQ_ACK);
	atomic_inc(&thread_runs);
	complete(&got);
	return status ? IRQ_HANDLED : IRQ_NONE;
}

static int oneshot_thread_masks_line(struct conform_dev *dev)
{
	int irq, err, i;

	irq_reset(dev);
	irq = vector(dev, PCI_IRQ_LEGACY);
	if (irq < 0)
		return conform_skip("no INTx");
	err = request_threaded_irq(irq, wake_handler, thread_handler, IRQF_ONESHOT | IRQF_SHARED,
				   "conform", &got);
	if (err) {
		pci_free_irq_vectors(dev->pdev);
		CHECK_CMP(err, ==, 0);
	}
	for (i = 0; i < 5; i++) {
		writel(1, regs + EDU_IRQ_RAISE);
		if (!wait_for_completion_timeout(&got, HANG_GUARD))
			break;
	}
	free_irq(irq, &got);
	pci_free_irq_vectors(dev->pdev);
	CHECK_CMP(i, ==, 5);
	CHECK(hard_ctx_ok);
	CHECK(thread_ctx_ok);
	/* A level line held up through the thread fired no hard handler meanwhile. */
	CHECK(!raised_while_thread);
	CHECK_CMP(atomic_read(&thread_runs), ==, 5);
	return 0;
}

static irqreturn_t deaf_handler(int irq, void *data)
{
	atomic_inc(&hard_runs);
	return IRQ_NONE;
}

#define STORM 100000 /* the detector's window */

/*
 * Over one interval of about ms: whether at most the detector's poll
 * called the handler (once per 100 ms; a late poll runs once, never to
 * catch up), judged by the interval's measured length.
 */
static bool quiet_for(unsigned int ms)
{
	int c = atomic_read(&hard_runs);
	ktime_t t = ktime_get();

	msleep(ms);
	return atomic_read(&hard_runs) - c <= ktime_ms_delta(ktime_get(), t) / 100 + 2;
}

/*
 * A level line stuck high that no handler claims: the kernel disables it
 * once a window of 100,000 interrupts has more than 99,900 unhandled (a
 * window with a gap of 100 ms between unhandled ones does not count, so
 * it may take more than one), and from then on only its poll calls the
 * handler. A storm never ends without that; it cannot end sooner.
 */
static int stuck_line_disabled(struct conform_dev *dev)
{
	unsigned long guard = jiffies + 20 * HANG_GUARD;
	int irq, err, quiet = 0, at_least;

	irq_reset(dev);
	irq = vector(dev, PCI_IRQ_LEGACY);
	if (irq < 0)
		return conform_skip("no INTx");
	err = request_irq(irq, deaf_handler, IRQF_SHARED, "conform", &got);
	if (err) {
		pci_free_irq_vectors(dev->pdev);
		CHECK_CMP(err, ==, 0);
	}
	writel(1, regs + EDU_IRQ_RAISE);
	while (atomic_read(&hard_runs) < STORM && time_before(jiffies, guard))
		msleep(10);
	at_least = atomic_read(&hard_runs);
	/* Two quiet intervals in a row: a stalled storm is rarely stalled twice. */
	while (quiet < 2 && time_before(jiffies, guard))
		quiet = quiet_for(250) ? quiet + 1 : 0;
	writel(1, regs + EDU_IRQ_ACK);
	free_irq(irq, &got);
	pci_free_irq_vectors(dev->pdev);
	CHECK_CMP(at_least, >=, STORM);
	CHECK_CMP(quiet, ==, 2);
	return 0;
}

static const struct conform_case irq_cases[] = {
	{ "msi_hard_context", msi_hard_context, CONFORM_DEVICE },
	{ "intx_hard_context", intx_hard_context, CONFORM_DEVICE },
	{ "oneshot_thread_masks_line", oneshot_thread_masks_line, CONFORM_DEVICE },
	{ "stuck_line_disabled", stuck_line_disabled, CONFORM_DEVICE },
};
CONFORM_SUITE(irq, irq_cases);
