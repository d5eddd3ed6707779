/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/irqflags.h - local interrupt masking: local_irq_disable() and the
 * save/restore pair that nests.
 *
 * Emulation notes: interrupt handlers run in their own threads on a free
 * virtual CPU, never on top of a running task, so masking cannot change
 * which code runs where; what it changes is that the task must not sleep,
 * and that irqs_disabled() says so. The flags word is the task's mask
 * state (1: disabled), not x86's EFLAGS.
 */
#ifndef _LINUX_IRQFLAGS_H
#define _LINUX_IRQFLAGS_H

#include <linux/compiler.h>

extern __thread int uldd_irqs_off __attribute__((tls_model("initial-exec")));

static __always_inline void local_irq_disable(void)
{
	uldd_irqs_off = 1;
	barrier();
}

static __always_inline void local_irq_enable(void)
{
	barrier();
	uldd_irqs_off = 0;
}

static __always_inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags = (unsigned long)uldd_irqs_off;

	local_irq_disable();
	return flags;
}

static __always_inline void arch_local_irq_restore(unsigned long flags)
{
	barrier();
	uldd_irqs_off = (int)flags;
}

#define local_irq_save(flags)                    \
	do {                                     \
		(flags) = arch_local_irq_save(); \
	} while (0)
#define local_irq_restore(flags) arch_local_irq_restore(flags)
#define local_save_flags(flags)                         \
	do {                                            \
		(flags) = (unsigned long)uldd_irqs_off; \
	} while (0)
#define irqs_disabled() (READ_ONCE(uldd_irqs_off) != 0)
#define irqs_disabled_flags(flags) ((flags) != 0)

#endif /* _LINUX_IRQFLAGS_H */
