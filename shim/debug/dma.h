/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * dma.h - --debug=dma (the DMA API's rules), its leak part, and the
 * records --debug=dma-strict keeps of its IOMMU mappings: the DMA layer
 * (shim/kernel/dma/) tells dma.c of every mapping made and dropped while
 * one of those checkers is on. Any context.
 */
#ifndef ULDD_SHIM_DEBUG_DMA_H
#define ULDD_SHIM_DEBUG_DMA_H

#include <linux/dma-direction.h>
#include <linux/types.h>
#include <uldd/debug.h>

struct device;

/* The checkers that need the table of live mappings. */
#define ULDD_DMA_TRACKED (ULDD_DEBUG_DMA | ULDD_DEBUG_LEAKS | ULDD_DEBUG_DMA_STRICT)

/* How a mapping was made, or how the driver asked to drop it. */
enum uldd_dma_kind {
	ULDD_DMA_SINGLE,
	ULDD_DMA_PAGE,
	ULDD_DMA_SG,
	ULDD_DMA_COHERENT,
	/* An unmap from code built before the headers said which (page_pool, old drivers). */
	ULDD_DMA_ANY,
};

/*
 * A mapping of size bytes at va (NULL: not to be summed) made at addr.
 * False when it could not be recorded (no memory for the entry).
 */
bool uldd_dma_debug_map(struct device *dev, const void *va, dma_addr_t addr, size_t size,
			enum dma_data_direction dir, enum uldd_dma_kind kind);
/*
 * Checks an unmap (or a coherent free, va its CPU address) and forgets the
 * mapping: whether there was one, and its size as mapped in *mapped.
 * caller: the return address into the driver's call of the unmap.
 */
bool uldd_dma_debug_unmap(struct device *dev, const void *va, dma_addr_t addr, size_t size,
			  enum dma_data_direction dir, enum uldd_dma_kind kind, size_t *mapped,
			  void *caller);
/* Checks a sync of [addr, addr + size); for_cpu: the CPU takes the buffer back. */
void uldd_dma_debug_sync(struct device *dev, dma_addr_t addr, size_t size,
			 enum dma_data_direction dir, bool for_cpu);
/*
 * The DMA address of coherent memory va..va+size as its live coherent
 * mapping gives it (a dma_pool block), or DMA_MAPPING_ERROR.
 */
dma_addr_t uldd_dma_debug_coherent_addr(struct device *dev, const void *va, size_t size);

#endif /* ULDD_SHIM_DEBUG_DMA_H */
