/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * kbench_sched.h - the K-world half of bench_sched: loops over the shim's
 * scheduling and locking primitives, called by H-world threads. Both
 * worlds include it, so it includes nothing (see tests/unit/kworld/ktest.h
 * for the naming scheme).
 */
#ifndef ULDD_KBENCH_SCHED_H
#define ULDD_KBENCH_SCHED_H

#ifdef __KERNEL__
#define KBENCH(name) name
#else
#define KBENCH(name) uldd_k_##name
#endif

void KBENCH(kbench_sched_init)(unsigned int nr_vcpus);
/* Each runs n iterations of one operation pair and returns nothing. */
void KBENCH(kbench_enter_exit)(unsigned int n);
void KBENCH(kbench_spin)(unsigned int n);
void KBENCH(kbench_spin_irqsave)(unsigned int n);
void KBENCH(kbench_mutex)(unsigned int n);
/* Ping-pong of n round trips between two tasks through two completions. */
void KBENCH(kbench_pingpong)(unsigned int n, int side);

#endif /* ULDD_KBENCH_SCHED_H */
