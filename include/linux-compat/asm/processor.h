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

#endif /* _ASM_X86_PROCESSOR_H */
