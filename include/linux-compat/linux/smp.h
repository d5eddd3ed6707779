/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/smp.h - which CPU this is. CPUs are the shim's virtual CPUs: one
 * per host core by default, or one, which makes a driver run as on a
 * uniprocessor (races become reproducible).
 *
 * Emulation notes: smp_processor_id() is stable only while the task cannot
 * sleep (preemption or interrupts disabled), as in Linux; the debug check
 * Linux makes of that is not done.
 */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

#include <linux/compiler.h>
#include <linux/preempt.h>

#define NR_CPUS 64

extern __thread int uldd_cpu __attribute__((tls_model("initial-exec")));
extern unsigned int nr_cpu_ids;

static __always_inline int raw_smp_processor_id(void)
{
	return READ_ONCE(uldd_cpu);
}

#define smp_processor_id() raw_smp_processor_id()
#define get_cpu()                   \
	({                          \
		preempt_disable();  \
		smp_processor_id(); \
	})
#define put_cpu() preempt_enable()

unsigned int num_online_cpus(void);

#endif /* _LINUX_SMP_H */
