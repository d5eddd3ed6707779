/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * kbench_dma.h - the K-world loops bench_dma.c times, named as ktest.h
 * names its bodies (K-world name, uldd_k_ in H-world). Includes nothing.
 */
#ifndef ULDD_KBENCH_DMA_H
#define ULDD_KBENCH_DMA_H

#ifdef __KERNEL__
#define KBENCH_DMA(name) name
#else
#define KBENCH_DMA(name) uldd_k_##name
#endif

struct uhost_dev;

/* Device dev (0 or 1) over udev with a mask of bits (both masks). 0 or -errno. */
int KBENCH_DMA(kbench_dma_setup)(unsigned int dev, struct uhost_dev *udev, unsigned int bits);
/* n dma_map_single/dma_unmap_single pairs of size bytes, TO_DEVICE; stack: a non-arena buffer. */
int KBENCH_DMA(kbench_dma_pairs)(unsigned int dev, unsigned int n, unsigned int size, int stack);
/* n dma_pool_alloc/dma_pool_free pairs of size-byte blocks. */
int KBENCH_DMA(kbench_dma_pool_pairs)(unsigned int dev, unsigned int n, unsigned int size);

#endif /* ULDD_KBENCH_DMA_H */
