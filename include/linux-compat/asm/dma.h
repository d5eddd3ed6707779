/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * asm/dma.h - the ISA DMA controller (8237). PCI drivers that once had an
 * ISA form (pcnet32) still include it without using it; there is no ISA
 * DMA here, so it is empty until a driver needs a piece of it.
 */
#ifndef _ASM_DMA_H
#define _ASM_DMA_H

#endif /* _ASM_DMA_H */
