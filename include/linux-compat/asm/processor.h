/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * asm/processor.h - cpu_relax(), the hint a spin loop gives the CPU (x86's
 * PAUSE: saves power and lets the other hyper-thread run).
 */
#ifndef _ASM_X86_PROCESSOR_H
#define _ASM_X86_PROCESSOR_H

static inline __attribute__((always_inline)) void cpu_relax(void)
{
	__builtin_ia32_pause();
}

/*
 * A performance counter, as RDPMC reads it. A process may not execute
 * RDPMC (the kernel leaves CR4.PCE clear unless perf maps a counter to it),
 * so this reads 0, as a counter that is not counting; vmxnet3 only takes
 * it for latency samples it reports to the device.
 */
static inline unsigned long long native_read_pmc(int counter)
{
	(void)counter;
	return 0;
}

#endif /* _ASM_X86_PROCESSOR_H */
