/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/irq.h - interrupt line types, for the drivers that include this
 * header for the IRQ_TYPE_* names; the rest is linux/interrupt.h.
 *
 * Emulation notes: there are no irq chips or irq domains. The trigger type
 * is the vector's (INTx level, MSI and MSI-X edge) and cannot be changed.
 */
#ifndef _LINUX_IRQ_H
#define _LINUX_IRQ_H

#include <linux/interrupt.h>

#define IRQ_TYPE_NONE 0x00000000
#define IRQ_TYPE_EDGE_RISING 0x00000001
#define IRQ_TYPE_EDGE_FALLING 0x00000002
#define IRQ_TYPE_EDGE_BOTH (IRQ_TYPE_EDGE_FALLING | IRQ_TYPE_EDGE_RISING)
#define IRQ_TYPE_LEVEL_HIGH 0x00000004
#define IRQ_TYPE_LEVEL_LOW 0x00000008
#define IRQ_TYPE_LEVEL_MASK (IRQ_TYPE_LEVEL_LOW | IRQ_TYPE_LEVEL_HIGH)
#define IRQ_TYPE_SENSE_MASK 0x0000000f

#endif /* _LINUX_IRQ_H */
