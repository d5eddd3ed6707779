/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/preempt.h - the preemption counter and the context tests built on
 * it (in_interrupt, in_atomic, ...). The counter packs, from bit 0 up:
 * preempt_disable depth (8 bits), softirq (8), hardirq (4), NMI (4).
 *
 * Emulation notes: the counter belongs to the task (a host thread), not to
 * the CPU. That is equivalent here: a task keeps its virtual CPU for as long
 * as the counter is non-zero, because only a task with a zero counter may
 * sleep, and sleeping is the only way a virtual CPU changes hands. A host
 * thread outside the kernel namespace has no task: it must enter first.
 */
#ifndef _LINUX_PREEMPT_H
#define _LINUX_PREEMPT_H

#include <linux/compiler.h>

#define PREEMPT_BITS 8
#define SOFTIRQ_BITS 8
#define HARDIRQ_BITS 4
#define NMI_BITS 4

#define PREEMPT_SHIFT 0
#define SOFTIRQ_SHIFT (PREEMPT_SHIFT + PREEMPT_BITS)
#define HARDIRQ_SHIFT (SOFTIRQ_SHIFT + SOFTIRQ_BITS)
#define NMI_SHIFT (HARDIRQ_SHIFT + HARDIRQ_BITS)

#define __IRQ_MASK(x) ((1UL << (x)) - 1)
#define PREEMPT_MASK (__IRQ_MASK(PREEMPT_BITS) << PREEMPT_SHIFT)
#define SOFTIRQ_MASK (__IRQ_MASK(SOFTIRQ_BITS) << SOFTIRQ_SHIFT)
#define HARDIRQ_MASK (__IRQ_MASK(HARDIRQ_BITS) << HARDIRQ_SHIFT)
#define NMI_MASK (__IRQ_MASK(NMI_BITS) << NMI_SHIFT)

#define PREEMPT_OFFSET (1UL << PREEMPT_SHIFT)
#define SOFTIRQ_OFFSET (1UL << SOFTIRQ_SHIFT)
#define HARDIRQ_OFFSET (1UL << HARDIRQ_SHIFT)
#define NMI_OFFSET (1UL << NMI_SHIFT)
/* local_bh_disable counts in steps of two; an odd softirq count means serving. */
#define SOFTIRQ_DISABLE_OFFSET (2 * SOFTIRQ_OFFSET)

/* The current task's counter; defined by the scheduler (kernel/sched/core.c). */
extern __thread int uldd_preempt_count __attribute__((tls_model("initial-exec")));

static __always_inline int preempt_count(void)
{
	return READ_ONCE(uldd_preempt_count);
}

static __always_inline void __preempt_count_add(int val)
{
	uldd_preempt_count += val;
	barrier();
}

static __always_inline void __preempt_count_sub(int val)
{
	barrier();
	uldd_preempt_count -= val;
}

#define preempt_count_add(val) __preempt_count_add(val)
#define preempt_count_sub(val) __preempt_count_sub(val)
#define preempt_disable() __preempt_count_add(1)
#define preempt_enable() __preempt_count_sub(1)
#define preempt_enable_no_resched() __preempt_count_sub(1)
#define preempt_disable_notrace() preempt_disable()
#define preempt_enable_notrace() preempt_enable()

#define hardirq_count() (preempt_count() & HARDIRQ_MASK)
#define softirq_count() (preempt_count() & SOFTIRQ_MASK)
#define irq_count() (preempt_count() & (HARDIRQ_MASK | SOFTIRQ_MASK | NMI_MASK))

#define in_nmi() (preempt_count() & NMI_MASK)
#define in_hardirq() (hardirq_count())
#define in_irq() in_hardirq()
#define in_softirq() (softirq_count())
#define in_serving_softirq() (softirq_count() & SOFTIRQ_OFFSET)
#define in_interrupt() (irq_count())
/* Bottom halves merely disabled (local_bh_disable) is still task context. */
#define in_task() (!(preempt_count() & (NMI_MASK | HARDIRQ_MASK | SOFTIRQ_OFFSET)))
#define in_atomic() (preempt_count() != 0)

#endif /* _LINUX_PREEMPT_H */
