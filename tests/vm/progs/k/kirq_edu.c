// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * kirq_edu.c - a K-world interrupt client of QEMU's edu, run by kirq.c in
 * the guest: request_irq on its INTx or MSI vector, raise interrupts
 * through the BAR, acknowledge them in the handler (hard irq context, in
 * the vector's thread) and complete() the waiting process-context task.
 */
#include <linux/completion.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/mm.h>

#include "../../../../shim/entry.h"
#include "../../../../shim/kernel/irq/irq.h"
#include "../../../../shim/mm/arena.h"
#include "uhost_vfio.h"
#include "../kirq.h"

#define EDU_IRQ_STATUS 0x24
#define EDU_IRQ_RAISE 0x60
#define EDU_IRQ_ACK 0x64

static const char kirq_edu_name[] = "edu";

struct kirq_edu {
	void __iomem *bar;
	struct completion done;
	struct kirq_result *r;
	u64 raised_ns;
};

static irqreturn_t kirq_edu_handler(int irq, void *dev_id)
{
	struct kirq_edu *e = dev_id;
	u32 status = readl(e->bar + EDU_IRQ_STATUS);
	u64 dt;

	(void)irq;
	if (!status)
		return IRQ_NONE;
	dt = uhost_clock_ns() - READ_ONCE(e->raised_ns);
	if (!in_irq() || !irqs_disabled())
		e->r->bad_context++;
	writel(status, e->bar + EDU_IRQ_ACK);
	e->r->handled++;
	e->r->sum_ns += dt;
	if (dt < e->r->best_ns)
		e->r->best_ns = dt;
	complete(&e->done);
	return IRQ_HANDLED;
}

void KIRQ(kirq_edu_run)(struct uhost_dev *dev, unsigned int type, int rounds, struct kirq_result *r)
{
	struct kirq_edu e = { .r = r };
	void *va;
	int irq;

	r->best_ns = ~0ULL;
	uldd_enter("kirq");
	init_completion(&e.done);
	if (uldd_mm_init()) {
		r->failed = "kernel memory";
		goto out;
	}
	if (uhost_dev_region_map(dev, UHOST_REGION_BAR0, &va)) {
		r->failed = "mapping BAR 0";
		goto out;
	}
	e.bar = (void __iomem *)va;
	irq = uldd_irq_attach(dev, type, 0);
	r->irq = irq;
	if (irq < 0) {
		r->failed = "uldd_irq_attach";
		goto out;
	}
	if (request_irq(irq, kirq_edu_handler, 0, kirq_edu_name, &e)) {
		r->failed = "request_irq";
		goto out_detach;
	}
	for (int i = 0; i < rounds; i++) {
		WRITE_ONCE(e.raised_ns, uhost_clock_ns());
		writel(1u << (i % 8), e.bar + EDU_IRQ_RAISE);
		if (!wait_for_completion_timeout(&e.done, msecs_to_jiffies(5000))) {
			r->failed = "no interrupt within 5 s";
			break;
		}
	}
	if (free_irq(irq, &e) != kirq_edu_name && !r->failed)
		r->failed = "free_irq did not return the name";
out_detach:
	if (uldd_irq_detach(irq) && !r->failed)
		r->failed = "uldd_irq_detach";
out:
	uldd_exit();
}
