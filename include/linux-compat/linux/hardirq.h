/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/hardirq.h - the hard interrupt context (in_irq() and friends come
 * from linux/preempt.h) and waiting for an interrupt's handlers to finish.
 *
 * Emulation notes: a handler runs in its vector's host thread on a virtual
 * CPU with HARDIRQ_OFFSET in that task's preemption counter; nothing else
 * of Linux's irq_enter()/irq_exit() bookkeeping exists.
 */
#ifndef _LINUX_HARDIRQ_H
#define _LINUX_HARDIRQ_H

#include <linux/preempt.h>

/* Waits until no hard or threaded handler of irq runs. May sleep. */
void synchronize_irq(unsigned int irq);

#endif /* _LINUX_HARDIRQ_H */
