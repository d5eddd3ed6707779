// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * kernel/dma/mapping.c - the DMA API over the one arena: each arena chunk is
 * mapped in the IOMMU once per mask class (the grow hook keeps new chunks
 * mapped), so a streaming map is a lookup and an addition; memory outside the
 * arena is bounced. Mask changes hold one mutex and may sleep; map, unmap and
 * sync take no lock unless a bounce buffer is live (a per-device spinlock).
 * While a DMA checker is on (--debug=dma, leaks, dma-strict) map and unmap
 * leave the fast path after one test of the mask: the checker records
 * every mapping, and under dma-strict each one is an IOMMU mapping of its
 * own (dma_strict_map()) instead of an addition.
 */
#define pr_fmt(fmt) "uldd dma: " fmt

#include <linux/dma-mapping.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/preempt.h>
#include <linux/irqflags.h>
#include <linux/mutex.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>

#include "../../core/door.h"

#include "../../debug/debug.h"
#include "../../debug/dma.h"
#include "../../mm/arena.h"
#include "../../mm/private.h"
#include "../sched/sched.h"
#include "dma.h"

/*
 * A mask class: the arena mapped once for every device whose mask is this
 * one. Masks at or above the arena's top address are one class (IOVA = VA
 * where the IOMMU allows). The class's slot indexes chunk->dma[], which
 * holds the chunk's IOVA base with bit 0 set, or 0 when not mapped.
 */
#define DMA_NR_CLASSES ARRAY_SIZE(((struct uldd_chunk *)0)->dma)
#define DMA_ARENA_TOP ((1ULL << ULDD_ARENA_VA_BITS) - 1)
#define DMA_MAPPED 1UL

enum { DMA_CLASS_FREE, DMA_CLASS_ACTIVE, DMA_CLASS_DYING };

struct dma_class {
	int state; /* published with a release store for the grow hook */
	u64 mask;
	unsigned int users; /* device masks (streaming or coherent) in it */
	struct uhost_dev *udev; /* the handle its chunks are mapped through */
};

static struct dma_class dma_classes[DMA_NR_CLASSES];
/* Serializes attach, detach and class changes; the grow hook reads only. */
static DEFINE_MUTEX(dma_mutex);
static LIST_HEAD(dma_devices);

/* A streaming mapping of memory outside the arena. */
struct dma_bounce {
	struct list_head node;
	void *orig;
	void *buf;
	dma_addr_t addr;
	size_t size;
};

/*
 * The grow hook, and the one place chunks get mapped or unmapped: brings c
 * in line with the class table. Runs under the arena's growth lock (from
 * uldd_arena_set_grow_hook() for every chunk, or for a new chunk), which
 * is what serializes class changes against growth. On failure it undoes
 * only what it mapped, so a refused chunk leaves nothing pinned.
 * The host pins the chunk (milliseconds for 64 MiB), so the map and unmap
 * calls lend the vCPU out (core/door.c) although the growth lock is held:
 * that lock is a sleeping one whose waiters give their vCPUs up as well
 * (mm/arena.c, arena_lock()), and no spinlock is held here: callers are
 * arena growth (allocations that may sleep) and dma_mutex holders. A
 * streaming map never comes here: it reads c->dma[] without a door call.
 * Under --debug=dma-strict the device reaches no chunk as a whole: only
 * what dma_map_*() and dma_alloc_coherent() map one by one.
 */
static int dma_chunk_sync(struct uldd_chunk *c)
{
	unsigned long made = 0;
	unsigned int i;
	uhost_u64 iova;
	int err;

	if (uldd_debug_on(ULDD_DEBUG_DMA_STRICT))
		return 0;
	for (i = 0; i < DMA_NR_CLASSES; i++) {
		struct dma_class *cl = &dma_classes[i];
		int state = smp_load_acquire(&cl->state);

		if (state == DMA_CLASS_ACTIVE && !c->dma[i]) {
			err = uldd_door_dma_map(cl->udev, c->base, c->size, cl->mask, &iova);
			if (err) {
				pr_err("cannot map arena chunk %px (%zu MiB) below %#llx: %s (errno %d)\n",
				       c->base, c->size >> 20, cl->mask, uhost_errmsg(), err);
				goto undo;
			}
			WRITE_ONCE(c->dma[i], (unsigned long)iova | DMA_MAPPED);
			made |= 1UL << i;
		} else if (state == DMA_CLASS_DYING && c->dma[i]) {
			uldd_door_dma_unmap(cl->udev, c->dma[i] & ~DMA_MAPPED, c->size);
			WRITE_ONCE(c->dma[i], 0);
		}
	}
	return 0;
undo:
	for (i = 0; i < DMA_NR_CLASSES; i++) {
		if (made & (1UL << i)) {
			uldd_door_dma_unmap(dma_classes[i].udev, c->dma[i] & ~DMA_MAPPED, c->size);
			WRITE_ONCE(c->dma[i], 0);
		}
	}
	return -EIO;
}

/* Unmaps the class from every chunk and frees it. Under dma_mutex. */
static void dma_class_release(int slot)
{
	struct dma_class *cl = &dma_classes[slot];

	smp_store_release(&cl->state, DMA_CLASS_DYING);
	uldd_arena_set_grow_hook(dma_chunk_sync);
	cl->mask = 0;
	cl->udev = NULL;
	smp_store_release(&cl->state, DMA_CLASS_FREE);
}

/*
 * A class for mask, taking a reference: the exact one if it exists, else
 * a new one with every chunk mapped below mask, else (no slot, or no IOVA
 * space) the widest narrower class, whose addresses fit under mask too.
 * The slot, or -EIO. Under dma_mutex.
 */
static int dma_class_get(u64 mask, struct uhost_dev *udev)
{
	u64 key = min_t(u64, mask, DMA_ARENA_TOP);
	int i, slot = -1, narrower = -1;
	int err = -EIO;

	for (i = 0; i < (int)DMA_NR_CLASSES; i++) {
		struct dma_class *cl = &dma_classes[i];

		if (cl->state == DMA_CLASS_ACTIVE && cl->mask == key) {
			cl->users++;
			return i;
		}
		if (cl->state == DMA_CLASS_FREE && slot < 0)
			slot = i;
		if (cl->state == DMA_CLASS_ACTIVE && cl->mask < key &&
		    (narrower < 0 || cl->mask > dma_classes[narrower].mask))
			narrower = i;
	}
	if (slot >= 0 && udev) {
		struct dma_class *cl = &dma_classes[slot];

		cl->mask = key;
		cl->udev = udev;
		cl->users = 1;
		smp_store_release(&cl->state, DMA_CLASS_ACTIVE);
		/* Maps every chunk, under the growth lock; later ones come through the hook. */
		err = uldd_arena_set_grow_hook(dma_chunk_sync);
		if (!err)
			return slot;
		dma_class_release(slot);
	}
	if (narrower >= 0) {
		dma_classes[narrower].users++;
		return narrower;
	}
	return err;
}

/* Drops a reference; the last one unmaps the class. Under dma_mutex. */
static void dma_class_put(int slot)
{
	struct dma_class *cl;

	if (slot < 0)
		return;
	cl = &dma_classes[slot];
	if (--cl->users == 0)
		dma_class_release(slot);
}

/* Another attached device's handle for the classes dev's handle mapped. */
static void dma_class_rehome(struct uldd_device_private *p)
{
	struct uldd_device_private *q;
	unsigned int i;

	for (i = 0; i < DMA_NR_CLASSES; i++) {
		if (dma_classes[i].state != DMA_CLASS_ACTIVE || dma_classes[i].udev != p->udev)
			continue;
		list_for_each_entry(q, &dma_devices, dma.node) {
			if (q != p && q->udev != p->udev) {
				dma_classes[i].udev = q->udev;
				break;
			}
		}
	}
}

int uldd_dma_attach(struct device *dev, struct uhost_dev *udev)
{
	struct uldd_device_private *p;

	might_sleep();
	/* The device's DMA state (its classes, its bounces) is out of any device's reach. */
	p = uldd_private_alloc(sizeof(*p), GFP_KERNEL | __GFP_ZERO);
	if (!p)
		return -ENOMEM;
	p->dev = dev;
	p->udev = udev;
	p->dma.slot = -1;
	p->dma.cslot = -1;
	spin_lock_init(&p->dma.lock);
	INIT_LIST_HEAD(&p->dma.bounces);
	if (!dev->dma_mask)
		dev->dma_mask = &p->dma.mask_store;
	if (!*dev->dma_mask)
		*dev->dma_mask = DMA_BIT_MASK(32);
	if (!dev->coherent_dma_mask)
		dev->coherent_dma_mask = DMA_BIT_MASK(32);
	/* What Linux gives every PCI device before its driver probes. */
	if (!dev->dma_parms) {
		p->dma.parms_store.max_segment_size = 65536;
		p->dma.parms_store.segment_boundary_mask = 0xffffffff;
		dev->dma_parms = &p->dma.parms_store;
	}

	mutex_lock(&dma_mutex);
	list_add(&p->dma.node, &dma_devices);
	/*
	 * The default masks get their classes now: a driver that never sets
	 * a mask maps at once. Failing that, mapping fails until it does.
	 */
	p->dma.slot = dma_class_get(*dev->dma_mask, udev);
	if (p->dma.slot >= 0 || dev->coherent_dma_mask != *dev->dma_mask)
		p->dma.cslot = dma_class_get(dev->coherent_dma_mask, udev);
	if (p->dma.slot < 0 || p->dma.cslot < 0)
		pr_warn("%s: no IOVA space for the default 32-bit DMA mask: set a mask\n",
			dev_name(dev));
	smp_store_release(&dev->p, p);
	mutex_unlock(&dma_mutex);
	return 0;
}

void uldd_dma_detach(struct device *dev)
{
	struct uldd_device_private *p = dev->p;
	struct dma_bounce *b, *tmp;

	if (!p)
		return;
	mutex_lock(&dma_mutex);
	WRITE_ONCE(dev->p, NULL);
	list_del(&p->dma.node);
	dma_class_put(p->dma.slot);
	dma_class_put(p->dma.cslot);
	dma_class_rehome(p);
	mutex_unlock(&dma_mutex);

	if (p->dma.nr_bounces)
		pr_warn("%s: %lu bounced DMA mappings still mapped at detach\n", dev_name(dev),
			p->dma.nr_bounces);
	list_for_each_entry_safe(b, tmp, &p->dma.bounces, node) {
		list_del(&b->node);
		kfree(b->buf);
		uldd_private_free(b);
	}
	if (dev->dma_mask == &p->dma.mask_store)
		dev->dma_mask = NULL;
	if (dev->dma_parms == &p->dma.parms_store)
		dev->dma_parms = NULL;
	uldd_private_free(p);
}

/* Moves one of dev's masks to the class of mask. */
static int dma_set_class(struct device *dev, int *slotp, u64 mask)
{
	struct uldd_device_private *p = dev->p;
	int slot, old;

	might_sleep();
	if (!p)
		return -EIO;
	mutex_lock(&dma_mutex);
	slot = dma_class_get(mask, p->udev);
	if (slot < 0) {
		mutex_unlock(&dma_mutex);
		return -EIO;
	}
	old = *slotp;
	smp_store_release(slotp, slot);
	dma_class_put(old);
	mutex_unlock(&dma_mutex);
	return 0;
}

int dma_set_mask(struct device *dev, u64 mask)
{
	int err;

	if (!dev->dma_mask || !dev->p)
		return -EIO;
	err = dma_set_class(dev, &dev->p->dma.slot, mask);
	if (!err)
		*dev->dma_mask = mask;
	return err;
}

int dma_set_coherent_mask(struct device *dev, u64 mask)
{
	int err;

	if (!dev->p)
		return -EIO;
	err = dma_set_class(dev, &dev->p->dma.cslot, mask);
	if (!err)
		dev->coherent_dma_mask = mask;
	return err;
}

/* DMA_MAPPING_ERROR when not arena memory in one chunk, or not mapped under mask. */
static dma_addr_t dma_arena_addr(int slot, const void *va, size_t size, u64 mask, bool *outside)
{
	struct uldd_chunk *c = uldd_arena_find(va);
	unsigned long off, v;
	dma_addr_t addr;

	*outside = !c;
	if (!c || slot < 0)
		return DMA_MAPPING_ERROR;
	off = (unsigned long)va - (unsigned long)c->base;
	if (size > c->size - off) {
		/* Runs past its chunk: contiguous in VA only, so bounce it. */
		*outside = true;
		return DMA_MAPPING_ERROR;
	}
	v = READ_ONCE(c->dma[slot]);
	if (!v)
		return DMA_MAPPING_ERROR;
	addr = (v & ~DMA_MAPPED) + off;
	if (addr + (size ? size - 1 : 0) > mask)
		return DMA_MAPPING_ERROR;
	return addr;
}

dma_addr_t uldd_dma_coherent_addr(struct device *dev, const void *va, size_t size)
{
	struct uldd_device_private *p = READ_ONCE(dev->p);
	bool outside;

	if (!p)
		return DMA_MAPPING_ERROR;
	/* A dma_pool block: inside a coherent allocation with an IOVA of its own. */
	if (uldd_debug_on(ULDD_DEBUG_DMA_STRICT))
		return uldd_dma_debug_coherent_addr(dev, va, size);
	return dma_arena_addr(smp_load_acquire(&p->dma.cslot), va, size, dev->coherent_dma_mask,
			      &outside);
}

/* The CPU's writes reach the device before it is told to look (x86: a compiler barrier). */
static inline void dma_for_device_barrier(void)
{
	__atomic_thread_fence(__ATOMIC_RELEASE);
}

/* The device's writes, seen complete, are read after (x86: a compiler barrier). */
static inline void dma_for_cpu_barrier(void)
{
	__atomic_thread_fence(__ATOMIC_ACQUIRE);
}

/*
 * dma-strict: an IOMMU mapping of its own for [va, va + size), at an IOVA
 * that is not va. A short system call that pins a page or a few: made in
 * any context. Where the caller could sleep the vCPU is lent out around
 * it, as for a blocking call: a driver mapping in a loop (edu times
 * 100000 pairs) then never holds its vCPU long enough for the watchdog;
 * in atomic context it is kept.
 */
static bool dma_strict_lend(void)
{
	return !preempt_count() && !irqs_disabled() && uldd_host_block_try_begin();
}

static dma_addr_t dma_strict_map(struct uldd_device_private *p, const void *va, size_t size,
				 u64 mask)
{
	bool lent = dma_strict_lend();
	uhost_u64 iova;
	int err;

	err = uhost_dma_map_iova(p->udev, (void *)va, size ? size : 1, mask, &iova);
	if (lent)
		uldd_host_block_end();
	return err ? DMA_MAPPING_ERROR : iova;
}

static void dma_strict_unmap(struct uldd_device_private *p, dma_addr_t addr, size_t size)
{
	bool lent = dma_strict_lend();
	int err;

	err = uhost_dma_unmap_iova(p->udev, addr, size ? size : 1);
	if (lent)
		uldd_host_block_end();
	if (err)
		pr_err("cannot unmap IOVA %#llx (%zu bytes): %s\n", (unsigned long long)addr, size,
		       uhost_errmsg());
}

/* The streaming address of arena memory, as dma_arena_addr(), or dma-strict's own. */
static dma_addr_t dma_stream_addr(struct device *dev, struct uldd_device_private *p, void *ptr,
				  size_t size, bool *outside)
{
	struct uldd_chunk *c;

	if (!uldd_debug_on(ULDD_DEBUG_DMA_STRICT))
		return dma_arena_addr(smp_load_acquire(&p->dma.slot), ptr, size, *dev->dma_mask,
				      outside);
	c = uldd_arena_find(ptr);
	*outside = !c || size > c->size - ((unsigned long)ptr - (unsigned long)c->base);
	if (*outside)
		return DMA_MAPPING_ERROR;
	return dma_strict_map(p, ptr, size, *dev->dma_mask);
}

static dma_addr_t dma_bounce_map(struct device *dev, struct uldd_device_private *p, void *ptr,
				 size_t size, unsigned long attrs)
{
	struct dma_bounce *b;
	unsigned long flags;
	bool outside;

	/* Any context may map: never leave what the arena already has. */
	b = uldd_private_alloc(sizeof(*b), GFP_ATOMIC);
	if (!b)
		return DMA_MAPPING_ERROR;
	b->buf = kmalloc(size ? size : 1, GFP_ATOMIC);
	if (!b->buf)
		goto err_buf;
	/* The device writes it (see dma_map()). */
	if (uldd_valgrind())
		uldd_vg_defined(b->buf, size);
	b->addr = dma_stream_addr(dev, p, b->buf, size, &outside);
	if (b->addr == DMA_MAPPING_ERROR)
		goto err_addr;
	b->orig = ptr;
	b->size = size;
	if (!(attrs & DMA_ATTR_SKIP_CPU_SYNC))
		memcpy(b->buf, ptr, size);
	spin_lock_irqsave(&p->dma.lock, flags);
	list_add(&b->node, &p->dma.bounces);
	WRITE_ONCE(p->dma.nr_bounces, p->dma.nr_bounces + 1);
	spin_unlock_irqrestore(&p->dma.lock, flags);
	dma_for_device_barrier();
	return b->addr;
err_addr:
	kfree(b->buf);
err_buf:
	uldd_private_free(b);
	return DMA_MAPPING_ERROR;
}

static struct uldd_device_private *dma_dev_private(struct device *dev, enum dma_data_direction dir,
						   const char *fn)
{
	struct uldd_device_private *p = READ_ONCE(dev->p);

	if (unlikely(!p || !valid_dma_direction(dir))) {
		pr_err("%s: %s %s\n", dev_name(dev), fn,
		       p ? "with no valid DMA direction" : "on a device without a DMA domain");
		return NULL;
	}
	return p;
}

static struct dma_bounce *dma_bounce_find(struct uldd_device_private *p, dma_addr_t addr,
					  size_t size, bool unlink);

/* Drops a dma-strict mapping that was never handed out. */
static void dma_strict_undo(struct uldd_device_private *p, dma_addr_t addr, size_t size)
{
	struct dma_bounce *b = dma_bounce_find(p, addr, size, true);

	if (!b) {
		dma_strict_unmap(p, addr, size);
		return;
	}
	dma_strict_unmap(p, b->addr, b->size);
	kfree(b->buf);
	uldd_private_free(b);
}

/* The map under a checker: every mapping recorded, its own IOVA under dma-strict. */
static noinline dma_addr_t dma_map_debug(struct device *dev, struct uldd_device_private *p,
					 void *ptr, size_t size, enum dma_data_direction dir,
					 unsigned long attrs, enum uldd_dma_kind kind)
{
	dma_addr_t addr;
	bool outside;

	addr = dma_stream_addr(dev, p, ptr, size, &outside);
	if (addr == DMA_MAPPING_ERROR && outside)
		addr = dma_bounce_map(dev, p, ptr, size, attrs);
	if (addr == DMA_MAPPING_ERROR)
		return addr;
	dma_for_device_barrier();
	/*
	 * A bounced buffer's own bytes are not what the device reads, and may
	 * be a stack frame gone by the unmap: the checksum is for arena ones.
	 * Unrecorded, a dma-strict mapping could never be unmapped: refused.
	 */
	if (!uldd_dma_debug_map(dev, outside ? NULL : ptr, addr, size, dir, kind) &&
	    uldd_debug_on(ULDD_DEBUG_DMA_STRICT)) {
		dma_strict_undo(p, addr, size);
		return DMA_MAPPING_ERROR;
	}
	return addr;
}

static __always_inline dma_addr_t dma_map(struct device *dev, void *ptr, size_t size,
					  enum dma_data_direction dir, unsigned long attrs,
					  enum uldd_dma_kind kind, const char *fn)
{
	struct uldd_device_private *p = dma_dev_private(dev, dir, fn);
	dma_addr_t addr;
	bool outside;

	if (!p)
		return DMA_MAPPING_ERROR;
	/*
	 * memcheck cannot see the device write the buffer: to it, what the
	 * driver reads after the unmap is whatever it left there. Defined from
	 * the map on (where a device may write it), so reading a received
	 * frame is no error.
	 */
	if (uldd_valgrind() && dir != DMA_TO_DEVICE)
		uldd_vg_defined(ptr, size);
	if (uldd_debug_on(ULDD_DMA_TRACKED))
		return dma_map_debug(dev, p, ptr, size, dir, attrs, kind);
	addr = dma_arena_addr(smp_load_acquire(&p->dma.slot), ptr, size, *dev->dma_mask, &outside);
	if (likely(addr != DMA_MAPPING_ERROR)) {
		dma_for_device_barrier();
		return addr;
	}
	if (outside)
		return dma_bounce_map(dev, p, ptr, size, attrs);
	return DMA_MAPPING_ERROR;
}

dma_addr_t dma_map_single_attrs(struct device *dev, void *ptr, size_t size,
				enum dma_data_direction dir, unsigned long attrs)
{
	return dma_map(dev, ptr, size, dir, attrs, ULDD_DMA_SINGLE, __func__);
}

dma_addr_t dma_map_page_attrs(struct device *dev, struct page *page, size_t offset, size_t size,
			      enum dma_data_direction dir, unsigned long attrs)
{
	return dma_map(dev, (char *)page_address(page) + offset, size, dir, attrs, ULDD_DMA_PAGE,
		       __func__);
}

/* The bounce holding [addr, addr + size), unlinked if unlink. NULL: none. */
static struct dma_bounce *dma_bounce_find(struct uldd_device_private *p, dma_addr_t addr,
					  size_t size, bool unlink)
{
	struct dma_bounce *b, *found = NULL;
	unsigned long flags;

	if (!READ_ONCE(p->dma.nr_bounces))
		return NULL;
	spin_lock_irqsave(&p->dma.lock, flags);
	list_for_each_entry(b, &p->dma.bounces, node) {
		if (addr >= b->addr && addr - b->addr < b->size + !b->size &&
		    size <= b->size - (addr - b->addr)) {
			found = b;
			break;
		}
	}
	if (found && unlink) {
		list_del(&found->node);
		WRITE_ONCE(p->dma.nr_bounces, p->dma.nr_bounces - 1);
	}
	spin_unlock_irqrestore(&p->dma.lock, flags);
	return found;
}

static bool dma_dir_from_device(enum dma_data_direction dir)
{
	return dir == DMA_FROM_DEVICE || dir == DMA_BIDIRECTIONAL;
}

static bool dma_dir_to_device(enum dma_data_direction dir)
{
	return dir == DMA_TO_DEVICE || dir == DMA_BIDIRECTIONAL;
}

/* Which unmap the driver called, as the header's inlines and macros say. */
static enum uldd_dma_kind dma_unmap_kind(unsigned long attrs)
{
	if (attrs & __DMA_ATTR_ULDD_SINGLE)
		return ULDD_DMA_SINGLE;
	if (attrs & __DMA_ATTR_ULDD_PAGE)
		return ULDD_DMA_PAGE;
	return ULDD_DMA_ANY;
}

/* Copies a FROM_DEVICE bounce back, unless told not to, and frees it. */
static void dma_bounce_drop(struct uldd_device_private *p, struct dma_bounce *b,
			    enum dma_data_direction dir, unsigned long attrs)
{
	if (dma_dir_from_device(dir) && !(attrs & DMA_ATTR_SKIP_CPU_SYNC))
		memcpy(b->orig, b->buf, b->size);
	if (uldd_debug_on(ULDD_DEBUG_DMA_STRICT))
		dma_strict_unmap(p, b->addr, b->size);
	kfree(b->buf);
	uldd_private_free(b);
}

/* The unmap under a checker, which sees it first. */
static noinline void dma_unmap_debug(struct device *dev, struct uldd_device_private *p,
				     dma_addr_t addr, size_t size, enum dma_data_direction dir,
				     unsigned long attrs, enum uldd_dma_kind kind, void *caller)
{
	bool strict = uldd_debug_on(ULDD_DEBUG_DMA_STRICT);
	size_t mapped = size;
	struct dma_bounce *b;

	/* dma-strict unmaps what the map made, whatever size the driver says. */
	if (!uldd_dma_debug_unmap(dev, NULL, addr, size, dir, kind, &mapped, caller) && strict)
		return;
	b = dma_bounce_find(p, addr, mapped, true);
	if (b)
		dma_bounce_drop(p, b, dir, attrs);
	else if (strict)
		dma_strict_unmap(p, addr, mapped);
}

static __always_inline void dma_unmap(struct device *dev, dma_addr_t addr, size_t size,
				      enum dma_data_direction dir, unsigned long attrs,
				      enum uldd_dma_kind kind, const char *fn, void *caller)
{
	struct uldd_device_private *p = dma_dev_private(dev, dir, fn);
	struct dma_bounce *b;

	if (!p)
		return;
	dma_for_cpu_barrier();
	if (uldd_debug_on(ULDD_DMA_TRACKED)) {
		dma_unmap_debug(dev, p, addr, size, dir, attrs, kind, caller);
		return;
	}
	b = dma_bounce_find(p, addr, size, true);
	if (b)
		dma_bounce_drop(p, b, dir, attrs);
}

void dma_unmap_page_attrs(struct device *dev, dma_addr_t addr, size_t size,
			  enum dma_data_direction dir, unsigned long attrs)
{
	dma_unmap(dev, addr, size, dir, attrs, dma_unmap_kind(attrs), __func__,
		  __builtin_return_address(0));
}

void dma_sync_single_for_cpu(struct device *dev, dma_addr_t addr, size_t size,
			     enum dma_data_direction dir)
{
	struct uldd_device_private *p = dma_dev_private(dev, dir, __func__);
	struct dma_bounce *b;
	size_t off;

	if (!p)
		return;
	dma_for_cpu_barrier();
	if (uldd_debug_on(ULDD_DEBUG_DMA))
		uldd_dma_debug_sync(dev, addr, size, dir, true);
	b = dma_bounce_find(p, addr, size, false);
	if (!b || !dma_dir_from_device(dir))
		return;
	off = addr - b->addr;
	memcpy((char *)b->orig + off, (char *)b->buf + off, size);
}

void dma_sync_single_for_device(struct device *dev, dma_addr_t addr, size_t size,
				enum dma_data_direction dir)
{
	struct uldd_device_private *p = dma_dev_private(dev, dir, __func__);
	struct dma_bounce *b;
	size_t off;

	if (!p)
		return;
	if (uldd_debug_on(ULDD_DEBUG_DMA))
		uldd_dma_debug_sync(dev, addr, size, dir, false);
	b = dma_bounce_find(p, addr, size, false);
	if (b && dma_dir_to_device(dir)) {
		off = addr - b->addr;
		memcpy((char *)b->buf + off, (char *)b->orig + off, size);
	}
	dma_for_device_barrier();
}

unsigned int dma_map_sg_attrs(struct device *dev, struct scatterlist *sg, int nents,
			      enum dma_data_direction dir, unsigned long attrs)
{
	struct scatterlist *s;
	int i;

	for_each_sg(sg, s, nents, i) {
		s->dma_address =
			dma_map(dev, sg_virt(s), s->length, dir, attrs, ULDD_DMA_SG, __func__);
		if (s->dma_address == DMA_MAPPING_ERROR)
			goto err_unmap;
		s->dma_length = s->length;
	}
	return nents;
err_unmap:
	dma_unmap_sg_attrs(dev, sg, i, dir, attrs | DMA_ATTR_SKIP_CPU_SYNC);
	return 0;
}

void dma_unmap_sg_attrs(struct device *dev, struct scatterlist *sg, int nents,
			enum dma_data_direction dir, unsigned long attrs)
{
	struct scatterlist *s;
	int i;

	for_each_sg(sg, s, nents, i)
		dma_unmap(dev, s->dma_address, s->dma_length, dir, attrs, ULDD_DMA_SG, __func__,
			  __builtin_return_address(0));
}

void dma_sync_sg_for_cpu(struct device *dev, struct scatterlist *sg, int nelems,
			 enum dma_data_direction dir)
{
	struct scatterlist *s;
	int i;

	for_each_sg(sg, s, nelems, i)
		dma_sync_single_for_cpu(dev, s->dma_address, s->dma_length, dir);
}

void dma_sync_sg_for_device(struct device *dev, struct scatterlist *sg, int nelems,
			    enum dma_data_direction dir)
{
	struct scatterlist *s;
	int i;

	for_each_sg(sg, s, nelems, i)
		dma_sync_single_for_device(dev, s->dma_address, s->dma_length, dir);
}

static void dma_coherent_pages_free(size_t size, void *cpu_addr);

/*
 * Coherent memory is page-allocator memory (past its largest block, a
 * chunk of its own), which is arena memory, zeroed; the zone flags mean
 * nothing behind an IOMMU. Aligned, CPU and DMA address alike, to the
 * smallest page order that holds it (dma-api-howto): blocks are aligned so
 * in VA, and the host keeps an IOVA as aligned as its VA.
 */
void *dma_alloc_attrs(struct device *dev, size_t size, dma_addr_t *dma_handle, gfp_t flag,
		      unsigned long attrs)
{
	gfp_t gfp = (flag & ~(__GFP_DMA | __GFP_DMA32 | __GFP_HIGHMEM)) | __GFP_ZERO;
	struct uldd_device_private *p = READ_ONCE(dev->p);
	void *va = NULL;
	dma_addr_t addr;

	(void)attrs;
	if (!p || !size)
		return NULL;
	if (size <= KMALLOC_MAX_SIZE)
		va = (void *)__get_free_pages(gfp, get_order(size));
	else
		va = uldd_alloc_huge_aligned(size, PAGE_SIZE << get_order(size), gfp);
	if (!va)
		return NULL;
	if (uldd_debug_on(ULDD_DEBUG_DMA_STRICT))
		addr = dma_strict_map(p, va, size, dev->coherent_dma_mask);
	else
		addr = uldd_dma_coherent_addr(dev, va, size);
	if (addr == DMA_MAPPING_ERROR) {
		pr_err("%s: coherent memory at %px is not mapped below %#llx\n", dev_name(dev), va,
		       dev->coherent_dma_mask);
		dma_coherent_pages_free(size, va);
		return NULL;
	}
	if (uldd_debug_on(ULDD_DMA_TRACKED) &&
	    !uldd_dma_debug_map(dev, va, addr, size, DMA_BIDIRECTIONAL, ULDD_DMA_COHERENT) &&
	    uldd_debug_on(ULDD_DEBUG_DMA_STRICT)) {
		dma_strict_unmap(p, addr, size);
		dma_coherent_pages_free(size, va);
		return NULL;
	}
	*dma_handle = addr;
	return va;
}

void dma_free_attrs(struct device *dev, size_t size, void *cpu_addr, dma_addr_t dma_handle,
		    unsigned long attrs)
{
	struct uldd_device_private *p = READ_ONCE(dev->p);
	size_t mapped = size;

	(void)attrs;
	if (!cpu_addr)
		return;
	if (uldd_debug_on(ULDD_DMA_TRACKED)) {
		bool found = uldd_dma_debug_unmap(dev, cpu_addr, dma_handle, size,
						  DMA_BIDIRECTIONAL, ULDD_DMA_COHERENT, &mapped,
						  __builtin_return_address(0));

		/* What is not allocated (a double free, say) is reported, not freed. */
		if (!found)
			return;
		if (p && uldd_debug_on(ULDD_DEBUG_DMA_STRICT))
			dma_strict_unmap(p, dma_handle, mapped);
	}
	dma_coherent_pages_free(size, cpu_addr);
}

static void dma_coherent_pages_free(size_t size, void *cpu_addr)
{
	if (size <= KMALLOC_MAX_SIZE)
		free_pages((unsigned long)cpu_addr, get_order(size));
	else
		vfree(cpu_addr);
}
