/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * pci-dma-compat.h - the PCI DMA API that drivers used before the generic
 * DMA API (pci_map_single, pci_alloc_consistent, PCI_DMA_TODEVICE ...),
 * removed in 5.18, as inline wrappers over dma_*() on &pdev->dev. Only old
 * code reaches it: through asm/system.h, or by including it.
 *
 * Emulation notes: pci_alloc_consistent() allocates with GFP_ATOMIC, as
 * Linux's did, since callers may hold a spinlock.
 */
#ifndef _LINUX_PCI_DMA_COMPAT_H
#define _LINUX_PCI_DMA_COMPAT_H

#include <linux/dma-mapping.h>
#include <linux/pci.h>

#define PCI_DMA_BIDIRECTIONAL DMA_BIDIRECTIONAL
#define PCI_DMA_TODEVICE DMA_TO_DEVICE
#define PCI_DMA_FROMDEVICE DMA_FROM_DEVICE
#define PCI_DMA_NONE DMA_NONE

/* The fixed masks DMA_BIT_MASK(n) replaced in 2.6.30. */
#define DMA_64BIT_MASK DMA_BIT_MASK(64)
#define DMA_40BIT_MASK DMA_BIT_MASK(40)
#define DMA_39BIT_MASK DMA_BIT_MASK(39)
#define DMA_35BIT_MASK DMA_BIT_MASK(35)
#define DMA_32BIT_MASK DMA_BIT_MASK(32)
#define DMA_31BIT_MASK DMA_BIT_MASK(31)
#define DMA_30BIT_MASK DMA_BIT_MASK(30)
#define DMA_24BIT_MASK DMA_BIT_MASK(24)

static inline void *pci_alloc_consistent(struct pci_dev *pdev, size_t size, dma_addr_t *handle)
{
	return dma_alloc_coherent(&pdev->dev, size, handle, GFP_ATOMIC);
}

static inline void pci_free_consistent(struct pci_dev *pdev, size_t size, void *vaddr,
				       dma_addr_t handle)
{
	dma_free_coherent(&pdev->dev, size, vaddr, handle);
}

static inline dma_addr_t pci_map_single(struct pci_dev *pdev, void *ptr, size_t size, int dir)
{
	return dma_map_single(&pdev->dev, ptr, size, (enum dma_data_direction)dir);
}

static inline void pci_unmap_single(struct pci_dev *pdev, dma_addr_t addr, size_t size, int dir)
{
	dma_unmap_single(&pdev->dev, addr, size, (enum dma_data_direction)dir);
}

static inline dma_addr_t pci_map_page(struct pci_dev *pdev, struct page *page, unsigned long off,
				      size_t size, int dir)
{
	return dma_map_page(&pdev->dev, page, off, size, (enum dma_data_direction)dir);
}

static inline void pci_unmap_page(struct pci_dev *pdev, dma_addr_t addr, size_t size, int dir)
{
	dma_unmap_page(&pdev->dev, addr, size, (enum dma_data_direction)dir);
}

static inline int pci_map_sg(struct pci_dev *pdev, struct scatterlist *sg, int nents, int dir)
{
	return dma_map_sg(&pdev->dev, sg, nents, (enum dma_data_direction)dir);
}

static inline void pci_unmap_sg(struct pci_dev *pdev, struct scatterlist *sg, int nents, int dir)
{
	dma_unmap_sg(&pdev->dev, sg, nents, (enum dma_data_direction)dir);
}

static inline void pci_dma_sync_single_for_cpu(struct pci_dev *pdev, dma_addr_t addr, size_t size,
					       int dir)
{
	dma_sync_single_for_cpu(&pdev->dev, addr, size, (enum dma_data_direction)dir);
}

static inline void pci_dma_sync_single_for_device(struct pci_dev *pdev, dma_addr_t addr,
						  size_t size, int dir)
{
	dma_sync_single_for_device(&pdev->dev, addr, size, (enum dma_data_direction)dir);
}

/* The two-argument form of 2.6.27 and later. */
static inline int pci_dma_mapping_error(struct pci_dev *pdev, dma_addr_t addr)
{
	return dma_mapping_error(&pdev->dev, addr);
}

static inline int pci_set_dma_mask(struct pci_dev *pdev, u64 mask)
{
	return dma_set_mask(&pdev->dev, mask);
}

static inline int pci_set_consistent_dma_mask(struct pci_dev *pdev, u64 mask)
{
	return dma_set_coherent_mask(&pdev->dev, mask);
}

#endif /* _LINUX_PCI_DMA_COMPAT_H */
