/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * irq.h - the shim's side of interrupt numbers, for the PCI layer: a device
 * vector (INTx, MSI or MSI-X, VFIO's types) gets a Linux irq number that
 * request_irq() takes. Attach and detach sleep (a mutex); process context.
 */
#ifndef ULDD_SHIM_KERNEL_IRQ_H
#define ULDD_SHIM_KERNEL_IRQ_H

struct uhost_dev;

/* The first irq number given out; below are legacy ISA numbers. */
#define ULDD_IRQ_BASE 32
#define ULDD_NR_IRQS 224

/*
 * The irq number of vector vec of dev, type UHOST_IRQ_*; -EBUSY if that
 * vector has one, -EINVAL if dev has vectors of another type, -ENOSPC. The
 * vectors are routed to eventfds (uhost_irq_enable, with as many vectors as
 * dev has attached) on the first request_irq of any of them, so a device
 * attaches all its vectors first.
 */
int uldd_irq_attach(struct uhost_dev *dev, unsigned int type, unsigned int vec);
/*
 * Routes the vectors dev of irq has attached now rather than at the first
 * request_irq (MSI and MSI-X: Linux enables them at allocation); 0 if they
 * are routed already. Detaching the last of them unroutes them.
 */
int uldd_irq_route(unsigned int irq);
/* -EBUSY while the irq has actions (free_irq first), -EINVAL if unknown. */
int uldd_irq_detach(unsigned int irq);
/* Interrupts of irq that every handler returned IRQ_NONE for. */
unsigned long uldd_irq_unhandled(unsigned int irq);
/*
 * A line per requested irq, as /proc/interrupts and debugfs's irq state
 * would show it: counts, disable depth, and whether the line waits masked
 * or pending. Returns the length written to buf (NUL-terminated). Sleeps.
 */
size_t uldd_irq_show(char *buf, size_t len);

#endif /* ULDD_SHIM_KERNEL_IRQ_H */
