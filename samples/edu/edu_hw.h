/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * edu_hw.h - QEMU's edu device (QEMU's docs/specs/edu.rst): its IDs, the
 * registers of BAR0 and its DMA engine. Plain numbers, so it serves every
 * world that drives an edu: the sample drivers (K-world), the conformance
 * suite (also a module of the guest's kernel) and the guest's host
 * programs (tests/vm/progs). samples/oldstyle keeps its own copy: it
 * stands for a driver from outside this tree.
 */
#ifndef ULDD_EDU_HW_H
#define ULDD_EDU_HW_H

#define EDU_VENDOR 0x1234
#define EDU_DEVICE 0x11e8

#define EDU_ID 0x00
#define EDU_LIVENESS 0x04
#define EDU_IRQ_STATUS 0x24
#define EDU_IRQ_RAISE 0x60
#define EDU_IRQ_ACK 0x64
#define EDU_DMA_SRC 0x80
#define EDU_DMA_DST 0x88
#define EDU_DMA_COUNT 0x90
#define EDU_DMA_CMD 0x98
/* EDU_DMA_CMD's bits, and what it reads while the engine is busy. */
#define EDU_DMA_START 0x1
#define EDU_DMA_TO_RAM 0x2
#define EDU_DMA_IRQ 0x4
/* The interrupt status bit of a finished transfer. */
#define EDU_DMA_DONE 0x100
/* The device's own 4 KiB buffer, as a DMA engine address. */
#define EDU_BUF 0x40000

#endif /* ULDD_EDU_HW_H */
