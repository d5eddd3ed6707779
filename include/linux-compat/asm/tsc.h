/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * asm/tsc.h - the x86 time-stamp counter, read with rdtsc. The vCPUs are
 * host threads on real x86 CPUs, so it is the host's TSC.
 */
#ifndef _ASM_X86_TSC_H
#define _ASM_X86_TSC_H

#include <linux/types.h>

typedef unsigned long long cycles_t;

static inline cycles_t get_cycles(void)
{
	u32 lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return ((cycles_t)hi << 32) | lo;
}

#endif /* _ASM_X86_TSC_H */
