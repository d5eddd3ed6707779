/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* asm/irq.h - nothing architectural: interrupts are eventfds (irq/manage.c). */
#ifndef _ASM_IRQ_H
#define _ASM_IRQ_H

#include <linux/irq.h>

#endif /* _ASM_IRQ_H */
