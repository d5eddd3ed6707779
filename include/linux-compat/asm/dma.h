/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * asm/dma.h - the ISA DMA controller's limits on x86. uldd drives no ISA
 * DMA; drivers include this header out of habit, and get the one limit
 * old code still reads.
 */
#ifndef _ASM_DMA_H
#define _ASM_DMA_H

/* ISA DMA reaches the first 16 MiB. */
#define MAX_DMA_ADDRESS 0x1000000UL

#endif /* _ASM_DMA_H */
