/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * kbench.h - the K-world half of bench_mm.c, compiled in both worlds like
 * tests/unit/kworld/ktest.h: KBENCH(name) is name in K-world and its
 * renamed uldd_k_name in H-world. Includes nothing.
 */
#ifndef ULDD_KBENCH_H
#define ULDD_KBENCH_H

#ifdef __KERNEL__
#define KBENCH(name) name
#else
#define KBENCH(name) uldd_k_##name
#endif

int KBENCH(kbench_mm_init)(void);
/* n kmalloc/kfree of size bytes: one at a time, or batch at a time (<= 64). */
void KBENCH(kbench_mm_pairs)(unsigned int n, unsigned int size, unsigned int batch);
/* The same with alloc_pages/__free_pages of one order. */
void KBENCH(kbench_mm_pages)(unsigned int n, unsigned int order);

#endif /* ULDD_KBENCH_H */
