/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * rcu.h - what RCU's grace periods need from the scheduler
 * (kernel/sched/core.c): a vCPU given back has passed a quiescent state,
 * since a reader keeps its vCPU for its whole read-side section.
 */
#ifndef ULDD_SHIM_KERNEL_RCU_H
#define ULDD_SHIM_KERNEL_RCU_H

#include <linux/types.h>

/*
 * vCPU i's count of gives times two, plus 1 while a task holds it. A
 * reader on i when the snapshot was taken has finished once the count
 * differs, or if the busy bit was clear.
 */
u64 uldd_vcpu_rcu_snap(unsigned int i);

#endif /* ULDD_SHIM_KERNEL_RCU_H */
