/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/dma-mapping.h - the DMA API of Documentation/core-api/dma-api.rst:
 * masks, streaming mappings (single, page, scatterlist), their syncs, and
 * coherent memory. Mapping, unmapping and syncing may run in any context;
 * setting masks and allocating with blocking flags may sleep.
 *
 * Emulation notes (shim/kernel/dma/mapping.c):
 * - All memory a driver allocates (kmalloc, kmem_cache, pages, vmalloc,
 *   coherent, skb data) is in the DMA arena, mapped in the IOMMU once per
 *   mask class, so mapping arena memory is a lookup and an addition with
 *   no system call. IOVA equals the virtual address when the mask allows.
 *   The shim's own structures (tasks, struct sk_buff itself, the shim's
 *   parts of net_device and pci_dev, allocator records) are in a heap the
 *   IOMMU never maps: a device programmed at one of them faults.
 * - Memory outside the arena (a driver's stack or static buffer, or one
 *   of those shim structures) is
 *   bounced, as swiotlb does: copied in at map (every direction, as
 *   swiotlb does since Linux 5.19, so bytes the device does not write
 *   survive a FROM_DEVICE unmap), back at unmap and sync_for_cpu for
 *   FROM_DEVICE and BIDIRECTIONAL.
 * - x86 (and the IOMMUs VFIO drives on arm64) snoop the CPU caches: the
 *   syncs are ordering barriers plus the bounce copies.
 * - A mask a driver writes directly (*dev->dma_mask = ...) is honoured as
 *   a bound check at map time only; dma_set_mask() is what maps memory.
 * - dma_map_sg() never merges entries: it returns nents or 0.
 * - Mapping on a device the PCI layer has not attached (no DMA domain), or
 *   with DMA_NONE, logs an error and returns DMA_MAPPING_ERROR rather than
 *   oopsing. dma_alloc_attrs() ignores attrs: coherent memory is ordinary
 *   cached arena memory, zeroed.
 * - At most four distinct masks are mapped at once; a fifth mask uses the
 *   widest narrower one's mappings, or dma_set_mask() fails with -EIO.
 * - 'uldd run --debug=dma' holds every unmap and sync against its map
 *   (shim/debug/dma.c); --debug=dma-strict maps no arena chunk: each
 *   mapping and coherent allocation gets an IOMMU mapping of its own, at
 *   an IOVA that is not its address, dropped at unmap, so a device that
 *   writes after the unmap faults. Both cost a stack unwind per map, and
 *   dma-strict a system call per map and unmap.
 */
#ifndef _LINUX_DMA_MAPPING_H
#define _LINUX_DMA_MAPPING_H

#include <linux/device.h>
#include <linux/dma-direction.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/limits.h>
#include <linux/scatterlist.h>
#include <linux/types.h>
#include <uldd/debug.h>

#define DMA_BIT_MASK(n) (((n) == 64) ? ~0ULL : ((1ULL << (n)) - 1))

/* The address no mapping gets: what a failed map returns. */
#define DMA_MAPPING_ERROR (~(dma_addr_t)0)

/* Attributes (dma-attributes.rst); the bounce copies honour SKIP_CPU_SYNC. */
#define DMA_ATTR_WEAK_ORDERING (1UL << 1)
#define DMA_ATTR_WRITE_COMBINE (1UL << 2)
#define DMA_ATTR_NO_KERNEL_MAPPING (1UL << 4)
#define DMA_ATTR_SKIP_CPU_SYNC (1UL << 5)
#define DMA_ATTR_FORCE_CONTIGUOUS (1UL << 6)
#define DMA_ATTR_ALLOC_SINGLE_PAGES (1UL << 7)
#define DMA_ATTR_NO_WARN (1UL << 8)
#define DMA_ATTR_PRIVILEGED (1UL << 9)
/*
 * The shim's own: which unmap a driver called (dma_unmap_single or
 * dma_unmap_page, as the macros below pass it), so --debug=dma can hold
 * it against the map. An unmap without either is not checked for kind.
 */
#define __DMA_ATTR_ULDD_SINGLE (1UL << 30)
#define __DMA_ATTR_ULDD_PAGE (1UL << 31)

struct page;
struct scatterlist;

/* 0, or -EIO when no IOVA space below mask can take the arena. May sleep. */
int dma_set_mask(struct device *dev, u64 mask);
int dma_set_coherent_mask(struct device *dev, u64 mask);

static inline int dma_set_mask_and_coherent(struct device *dev, u64 mask)
{
	int rc = dma_set_mask(dev, mask);

	if (rc == 0)
		rc = dma_set_coherent_mask(dev, mask);
	return rc;
}

static inline u64 dma_get_mask(struct device *dev)
{
	if (dev->dma_mask && *dev->dma_mask)
		return *dev->dma_mask;
	return DMA_BIT_MASK(32);
}

/* Every mask the arena can be mapped under is supported. */
static inline int dma_coerce_mask_and_coherent(struct device *dev, u64 mask)
{
	return dma_set_mask_and_coherent(dev, mask);
}

/* --debug=dma: the driver checked the mapping at dma_addr (shim/debug/dma.c). */
void uldd_dma_debug_mapping_error(struct device *dev, dma_addr_t dma_addr);

static inline int dma_mapping_error(struct device *dev, dma_addr_t dma_addr)
{
	if (uldd_debug_on(ULDD_DEBUG_DMA))
		uldd_dma_debug_mapping_error(dev, dma_addr);
	return dma_addr == DMA_MAPPING_ERROR ? -ENOMEM : 0;
}

dma_addr_t dma_map_single_attrs(struct device *dev, void *ptr, size_t size,
				enum dma_data_direction dir, unsigned long attrs);
dma_addr_t dma_map_page_attrs(struct device *dev, struct page *page, size_t offset, size_t size,
			      enum dma_data_direction dir, unsigned long attrs);
void dma_unmap_page_attrs(struct device *dev, dma_addr_t addr, size_t size,
			  enum dma_data_direction dir, unsigned long attrs);

static inline void dma_unmap_single_attrs(struct device *dev, dma_addr_t addr, size_t size,
					  enum dma_data_direction dir, unsigned long attrs)
{
	dma_unmap_page_attrs(dev, addr, size, dir, attrs | __DMA_ATTR_ULDD_SINGLE);
}

void dma_sync_single_for_cpu(struct device *dev, dma_addr_t addr, size_t size,
			     enum dma_data_direction dir);
void dma_sync_single_for_device(struct device *dev, dma_addr_t addr, size_t size,
				enum dma_data_direction dir);

static inline void dma_sync_single_range_for_cpu(struct device *dev, dma_addr_t addr,
						 unsigned long offset, size_t size,
						 enum dma_data_direction dir)
{
	dma_sync_single_for_cpu(dev, addr + offset, size, dir);
}

static inline void dma_sync_single_range_for_device(struct device *dev, dma_addr_t addr,
						    unsigned long offset, size_t size,
						    enum dma_data_direction dir)
{
	dma_sync_single_for_device(dev, addr + offset, size, dir);
}

/* The number of entries mapped (nents), or 0 when none could be. */
unsigned int dma_map_sg_attrs(struct device *dev, struct scatterlist *sg, int nents,
			      enum dma_data_direction dir, unsigned long attrs);
/* nents as passed to dma_map_sg(), not as it returned. */
void dma_unmap_sg_attrs(struct device *dev, struct scatterlist *sg, int nents,
			enum dma_data_direction dir, unsigned long attrs);
void dma_sync_sg_for_cpu(struct device *dev, struct scatterlist *sg, int nelems,
			 enum dma_data_direction dir);
void dma_sync_sg_for_device(struct device *dev, struct scatterlist *sg, int nelems,
			    enum dma_data_direction dir);

/* Zeroed, page-aligned memory the device reaches at *dma_handle. */
void *dma_alloc_attrs(struct device *dev, size_t size, dma_addr_t *dma_handle, gfp_t flag,
		      unsigned long attrs);
void dma_free_attrs(struct device *dev, size_t size, void *cpu_addr, dma_addr_t dma_handle,
		    unsigned long attrs);

static inline void *dma_alloc_coherent(struct device *dev, size_t size, dma_addr_t *dma_handle,
				       gfp_t gfp)
{
	return dma_alloc_attrs(dev, size, dma_handle, gfp, 0);
}

static inline void dma_free_coherent(struct device *dev, size_t size, void *cpu_addr,
				     dma_addr_t dma_handle)
{
	dma_free_attrs(dev, size, cpu_addr, dma_handle, 0);
}

/* Coherent memory freed when the driver is detached (or dmam_free_coherent). */
void *dmam_alloc_coherent(struct device *dev, size_t size, dma_addr_t *dma_handle, gfp_t gfp);
void dmam_free_coherent(struct device *dev, size_t size, void *vaddr, dma_addr_t dma_handle);

#define dma_map_single(d, a, s, r) dma_map_single_attrs(d, a, s, r, 0)
#define dma_unmap_single(d, a, s, r) dma_unmap_single_attrs(d, a, s, r, 0)
#define dma_map_page(d, p, o, s, r) dma_map_page_attrs(d, p, o, s, r, 0)
#define dma_unmap_page(d, a, s, r) dma_unmap_page_attrs(d, a, s, r, __DMA_ATTR_ULDD_PAGE)
#define dma_map_sg(d, s, n, r) dma_map_sg_attrs(d, s, n, r, 0)
#define dma_unmap_sg(d, s, n, r) dma_unmap_sg_attrs(d, s, n, r, 0)

/* Maps the table's entries and sets sgt->nents: 0, or -EIO when they cannot be. */
static inline int dma_map_sgtable(struct device *dev, struct sg_table *sgt,
				  enum dma_data_direction dir, unsigned long attrs)
{
	unsigned int nents = dma_map_sg_attrs(dev, sgt->sgl, sgt->orig_nents, dir, attrs);

	if (!nents)
		return -EIO;
	sgt->nents = nents;
	return 0;
}

static inline void dma_unmap_sgtable(struct device *dev, struct sg_table *sgt,
				     enum dma_data_direction dir, unsigned long attrs)
{
	dma_unmap_sg_attrs(dev, sgt->sgl, sgt->orig_nents, dir, attrs);
}

/* No bounce buffer limits a mapping's size: the arena is mapped whole. */
static inline size_t dma_max_mapping_size(struct device *dev)
{
	(void)dev;
	return SIZE_MAX;
}

static inline size_t dma_opt_mapping_size(struct device *dev)
{
	return dma_max_mapping_size(dev);
}

/* No peer-to-peer DMA (linux/pci-p2pdma.h). */
static inline bool dma_pci_p2pdma_supported(struct device *dev)
{
	(void)dev;
	return false;
}

/* The low address bits a bounce must keep; mappings here are never bounced apart. */
static inline void dma_set_min_align_mask(struct device *dev, unsigned int min_align_mask)
{
	if (dev->dma_parms)
		dev->dma_parms->min_align_mask = min_align_mask;
}

/* The IOMMU lets any mask reach all kernel memory (bouncing aside): never. */
static inline bool dma_addressing_limited(struct device *dev)
{
	(void)dev;
	return false;
}

/*
 * A device with a DMA domain has DMA parameters, as a PCI device has in
 * Linux: 64 KiB segments until the driver sets more.
 */
static inline unsigned int dma_get_max_seg_size(struct device *dev)
{
	if (dev->dma_parms && dev->dma_parms->max_segment_size)
		return dev->dma_parms->max_segment_size;
	return 65536;
}

/*
 * Returns int as in Linux 6.1, where callers check it; Linux 6.12 made it
 * void, and its callers, which use no result, compile against this as well.
 */
static inline int dma_set_max_seg_size(struct device *dev, unsigned int size)
{
	if (!dev->dma_parms)
		return -EIO;
	dev->dma_parms->max_segment_size = size;
	return 0;
}

#endif /* _LINUX_DMA_MAPPING_H */
