// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ktest_dma.c - K-world bodies for test_dma.c: the DMA API as a driver calls
 * it, on devices attached to the fake door (tests/unit/fake_dma.c). The
 * harness plays the device in H-world between these calls; the table cases
 * (pools, scatterlists, error semantics) check themselves (KCHECK). Every
 * entry point runs inside uldd_enter()/uldd_exit(): the DMA layer's mutex
 * needs a task.
 */
#include <linux/dma-mapping.h>
#include <linux/dmapool.h>
#include <linux/errno.h>
#include <linux/etherdevice.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/netdevice.h>
#include <linux/sched.h>
#include <linux/scatterlist.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/workqueue.h>

#include "../../../shim/entry.h"
#include "../../../shim/kernel/dma/dma.h"
#include "../../../shim/mm/arena.h"
#include "../../../shim/mm/private.h"
#include "../../../shim/net/net.h"
#include "ktest.h"

#define KTEST_DMA_DEVS 4
#define KTEST_DMA_GROW_MAX 256

static struct device ktest_devs[KTEST_DMA_DEVS];
static void *grown[KTEST_DMA_GROW_MAX];
static unsigned int nr_grown;

static struct device *kdev(unsigned int i)
{
	return &ktest_devs[i % KTEST_DMA_DEVS];
}

int KTEST(ktest_dma_init)(void)
{
	return uldd_mm_init();
}

int KTEST(ktest_dma_attach)(unsigned int i, struct uhost_dev *udev)
{
	int ret;

	uldd_enter("ktest-dma");
	memset(kdev(i), 0, sizeof(struct device));
	ret = uldd_dma_attach(kdev(i), udev);
	uldd_exit();
	return ret;
}

void KTEST(ktest_dma_detach)(unsigned int i)
{
	uldd_enter("ktest-dma");
	uldd_dma_detach(kdev(i));
	uldd_exit();
}

int KTEST(ktest_dma_set_mask)(unsigned int i, unsigned int bits, int which)
{
	int ret;

	uldd_enter("ktest-dma");
	if (which == 0)
		ret = dma_set_mask(kdev(i), DMA_BIT_MASK(bits));
	else if (which == 1)
		ret = dma_set_coherent_mask(kdev(i), DMA_BIT_MASK(bits));
	else
		ret = dma_set_mask_and_coherent(kdev(i), DMA_BIT_MASK(bits));
	uldd_exit();
	return ret;
}

unsigned long long KTEST(ktest_dma_get_mask)(unsigned int i)
{
	return dma_get_mask(kdev(i));
}

void *KTEST(ktest_dma_kmalloc)(unsigned long size)
{
	void *p;

	uldd_enter("ktest-dma");
	p = kmalloc(size, GFP_KERNEL);
	uldd_exit();
	return p;
}

void KTEST(ktest_dma_kfree)(void *p)
{
	kfree(p);
}

unsigned long long KTEST(ktest_dma_map)(unsigned int i, void *va, unsigned long size, int dir)
{
	dma_addr_t addr;

	uldd_enter("ktest-dma");
	addr = dma_map_single(kdev(i), va, size, (enum dma_data_direction)dir);
	uldd_exit();
	return addr;
}

void KTEST(ktest_dma_unmap)(unsigned int i, unsigned long long addr, unsigned long size, int dir)
{
	uldd_enter("ktest-dma");
	dma_unmap_single(kdev(i), addr, size, (enum dma_data_direction)dir);
	uldd_exit();
}

void KTEST(ktest_dma_sync)(unsigned int i, unsigned long long addr, unsigned long size, int dir,
			   int for_device)
{
	uldd_enter("ktest-dma");
	if (for_device)
		dma_sync_single_for_device(kdev(i), addr, size, (enum dma_data_direction)dir);
	else
		dma_sync_single_for_cpu(kdev(i), addr, size, (enum dma_data_direction)dir);
	uldd_exit();
}

int KTEST(ktest_dma_mapping_error)(unsigned int i, unsigned long long addr)
{
	return dma_mapping_error(kdev(i), addr);
}

void *KTEST(ktest_dma_alloc_coherent)(unsigned int i, unsigned long size,
				      unsigned long long *handle)
{
	dma_addr_t h = 0;
	void *va;

	uldd_enter("ktest-dma");
	va = dma_alloc_coherent(kdev(i), size, &h, GFP_KERNEL);
	uldd_exit();
	*handle = h;
	return va;
}

void KTEST(ktest_dma_free_coherent)(unsigned int i, unsigned long size, void *va,
				    unsigned long long handle)
{
	uldd_enter("ktest-dma");
	dma_free_coherent(kdev(i), size, va, handle);
	uldd_exit();
}

unsigned long KTEST(ktest_dma_chunks)(void)
{
	struct uldd_mm_stats st;

	uldd_mm_stats(&st);
	return st.chunks;
}

void *KTEST(ktest_dma_grow)(void)
{
	unsigned int first = KTEST(ktest_dma_chunks)();
	struct uldd_chunk *c;
	void *p = NULL;

	uldd_enter("ktest-dma");
	while (nr_grown < KTEST_DMA_GROW_MAX) {
		p = kmalloc(1UL << 20, GFP_KERNEL);
		if (!p)
			break;
		grown[nr_grown++] = p;
		c = uldd_arena_find(p);
		if (c && c->index >= first)
			break;
		p = NULL;
	}
	uldd_exit();
	return p;
}

void KTEST(ktest_dma_grow_release)(void)
{
	while (nr_grown)
		kfree(grown[--nr_grown]);
}

/* What ktest_dma_confine() made, until ktest_dma_confine_release(). */
static struct {
	struct task_struct *kthread;
	struct net_device *ndev;
	struct sk_buff *skb;
	struct workqueue_struct *wq;
	struct kmem_cache *cache;
	void *kbuf;
	struct page *pages;
	void *coherent;
	dma_addr_t coherent_dma;
	unsigned int dev;
} confine;

static int confine_idle(void *data)
{
	(void)data;
	return 0;
}

static void confine_add(struct ktest_dma_obj *objs, unsigned int max, unsigned int *n,
			const char *what, const void *va, unsigned long len, int shim)
{
	struct ktest_dma_obj *o;

	if (*n >= max)
		return;
	o = &objs[(*n)++];
	o->what = what;
	o->va = va;
	o->len = len;
	o->shim = shim;
	/* Both ends: a structure must not straddle into a chunk either. */
	o->in_arena = uldd_arena_find(va) || uldd_arena_find((const char *)va + len - 1);
	o->private = uldd_private_owns(va) && uldd_private_owns((const char *)va + len - 1);
}

int KTEST(ktest_dma_confine)(unsigned int i, struct ktest_dma_obj *objs, unsigned int max)
{
	struct uldd_chunk *c;
	unsigned int n = 0;
	int ret = -1;

	uldd_enter("ktest-dma");
	confine.dev = i;
	confine.kthread = kthread_create(confine_idle, NULL, "ktest-confine");
	confine.ndev = alloc_etherdev(64);
	confine.skb = alloc_skb(1500, GFP_KERNEL);
	confine.wq = alloc_workqueue("ktest-confine", 0, 1);
	confine.cache = kmem_cache_create("ktest-confine", 100, 0, 0, NULL);
	confine.kbuf = kmalloc(1500, GFP_KERNEL);
	confine.pages = alloc_pages(GFP_KERNEL, 1);
	confine.coherent = dma_alloc_coherent(kdev(i), 4096, &confine.coherent_dma, GFP_KERNEL);
	if (IS_ERR(confine.kthread))
		confine.kthread = NULL;
	if (!confine.kthread || !confine.ndev || !confine.skb || !confine.wq || !confine.cache ||
	    !confine.kbuf || !confine.pages || !confine.coherent)
		goto out;
	c = uldd_arena_find(confine.kbuf);
	if (!c)
		goto out;

	confine_add(objs, max, &n, "current", current, sizeof(*current), 1);
	confine_add(objs, max, &n, "a kthread's task", confine.kthread, sizeof(*confine.kthread),
		    1);
	confine_add(objs, max, &n, "dev->uldd", confine.ndev->uldd, sizeof(struct uldd_netdev), 1);
	confine_add(objs, max, &n, "dev->_tx", confine.ndev->_tx, sizeof(*confine.ndev->_tx), 1);
	confine_add(objs, max, &n, "struct sk_buff", confine.skb, sizeof(*confine.skb), 1);
	confine_add(objs, max, &n, "a workqueue", confine.wq, 64, 1);
	/* Its record is opaque here: the 64 bytes that hold its lock and free list head. */
	confine_add(objs, max, &n, "a kmem_cache", confine.cache, 64, 1);
	confine_add(objs, max, &n, "dev->p (DMA domain)", kdev(i)->p, sizeof(*kdev(i)->p), 1);
	confine_add(objs, max, &n, "a chunk's descriptor", c, sizeof(*c), 1);
	confine_add(objs, max, &n, "a chunk's page descriptors", c->pages,
		    (c->size >> PAGE_SHIFT) * sizeof(struct page), 1);
	confine_add(objs, max, &n, "kmalloc", confine.kbuf, 1500, 0);
	confine_add(objs, max, &n, "alloc_pages", page_address(confine.pages), 2 * PAGE_SIZE, 0);
	confine_add(objs, max, &n, "dma_alloc_coherent", confine.coherent, 4096, 0);
	confine_add(objs, max, &n, "skb data", confine.skb->head, skb_end_offset(confine.skb), 0);
	confine_add(objs, max, &n, "netdev_priv", netdev_priv(confine.ndev), 64, 0);
	ret = (int)n;
out:
	uldd_exit();
	if (ret < 0)
		KTEST(ktest_dma_confine_release)();
	return ret;
}

void KTEST(ktest_dma_confine_release)(void)
{
	uldd_enter("ktest-dma");
	/* Never woken: kthread_stop() reaps it without running confine_idle. */
	if (confine.kthread)
		kthread_stop(confine.kthread);
	free_netdev(confine.ndev);
	kfree_skb(confine.skb);
	if (confine.wq)
		destroy_workqueue(confine.wq);
	kmem_cache_destroy(confine.cache);
	kfree(confine.kbuf);
	if (confine.pages)
		__free_pages(confine.pages, 1);
	if (confine.coherent)
		dma_free_coherent(kdev(confine.dev), 4096, confine.coherent, confine.coherent_dma);
	memset(&confine, 0, sizeof(confine));
	uldd_exit();
}

long KTEST(ktest_dma_private_grow)(void)
{
	unsigned long before = uldd_private_bytes();
	void *p[4];
	long ret = 0;
	int i;

	uldd_enter("ktest-dma");
	/* Runs of 1 MiB: four of them pass any reserve a region leaves. */
	for (i = 0; i < 4; i++) {
		p[i] = uldd_private_alloc(1UL << 20, GFP_KERNEL);
		if (!p[i])
			ret = -1;
	}
	for (i = 0; i < 4; i++)
		uldd_private_free(p[i]);
	uldd_exit();
	return ret ? ret : (long)(uldd_private_bytes() - before);
}

struct confine_regions {
	const void **base;
	unsigned long *len;
	unsigned int max, n;
};

static int confine_region(void *base, size_t size, void *arg)
{
	struct confine_regions *r = arg;

	if (r->n < r->max) {
		r->base[r->n] = base;
		r->len[r->n] = size;
	}
	r->n++;
	return 0;
}

unsigned int KTEST(ktest_dma_private_regions)(const void **base, unsigned long *len,
					      unsigned int max)
{
	struct confine_regions r = { base, len, max, 0 };

	uldd_private_for_each_region(confine_region, &r);
	return r.n;
}

/*
 * The table: device 0, attached by the harness with 64-bit masks. The
 * conformance suite's DMA cases (tests/conform/dma.c) run on a device, so
 * only in the guest; these keep on the host what it does not state:
 * uldd's answers to DMA_NONE and to a device without a DMA domain, and
 * its fast path, where an IOVA is the VA (streaming, page, pool and
 * scatterlist mappings alike).
 */

static int dma_case_mapping_error(void)
{
	struct device *dev = kdev(0), none = { 0 };
	void *buf = kmalloc(64, GFP_KERNEL);
	dma_addr_t a;

	KCHECK(buf);
	KCHECK(dma_mapping_error(dev, DMA_MAPPING_ERROR) == -ENOMEM);
	a = dma_map_single(dev, buf, 64, DMA_TO_DEVICE);
	KCHECK(dma_mapping_error(dev, a) == 0);
	dma_unmap_single(dev, a, 64, DMA_TO_DEVICE);
	/* No direction, and a device without a DMA domain: errors, not crashes. */
	KCHECK(dma_mapping_error(dev, dma_map_single(dev, buf, 64, DMA_NONE)));
	KCHECK(dma_mapping_error(&none, dma_map_single(&none, buf, 64, DMA_TO_DEVICE)));
	KCHECK(dma_set_mask(&none, DMA_BIT_MASK(64)) == -EIO);
	KCHECK(dma_alloc_coherent(&none, 64, &a, GFP_KERNEL) == NULL);
	kfree(buf);
	return 0;
}

static int dma_case_map_page(void)
{
	struct device *dev = kdev(0);
	struct page *page = alloc_page(GFP_KERNEL);
	dma_addr_t a;

	KCHECK(page);
	a = dma_map_page(dev, page, 100, 200, DMA_FROM_DEVICE);
	KCHECK(a == (dma_addr_t)(unsigned long)page_address(page) + 100);
	dma_unmap_page(dev, a, 200, DMA_FROM_DEVICE);
	__free_page(page);
	return 0;
}

/* dma.pool_refuses_bad_geometry has a device: a pool needs one. */
static int dma_case_pool_refuses_no_device(void)
{
	KCHECK(!dma_pool_create("no-device", NULL, 64, 8, 0));
	return 0;
}

#define POOL_BLOCKS 300

/* Each block's handle is what mapping its VA gives, on the fast path. */
static int dma_pool_check(size_t size, size_t align, size_t boundary)
{
	struct device *dev = kdev(0);
	struct dma_pool *pool = dma_pool_create("ktest", dev, size, align, boundary);
	static void *va[POOL_BLOCKS];
	static dma_addr_t h[POOL_BLOCKS];
	unsigned int i;

	KCHECK(pool);
	for (i = 0; i < POOL_BLOCKS; i++) {
		va[i] = dma_pool_alloc(pool, GFP_KERNEL, &h[i]);
		KCHECK(va[i]);
		KCHECK(h[i] == dma_map_single(dev, va[i], size, DMA_BIDIRECTIONAL));
	}
	for (i = 0; i < POOL_BLOCKS; i++)
		dma_pool_free(pool, va[i], h[i]);
	dma_pool_destroy(pool);
	return 0;
}

/* The geometries of dma.pool_alignment and pool_boundary. */
static int dma_case_pool_handles_are_mappings(void)
{
	static const size_t geometry[][3] = {
		{ 24, 64, 0 }, { 3, 0, 0 }, { 1000, 8, 4096 }, { 48, 16, 64 }, { 6000, 32, 8192 },
	};
	unsigned int i;
	int ret;

	for (i = 0; i < ARRAY_SIZE(geometry); i++) {
		ret = dma_pool_check(geometry[i][0], geometry[i][1], geometry[i][2]);
		if (ret)
			return ret;
	}
	return 0;
}

/* One segment per entry, each at its buffer's VA (dma.map_sg_segments allows merging). */
static int dma_case_sg_map_three(void)
{
	static const unsigned int len[3] = { 100, 4096, 60000 };
	struct device *dev = kdev(0);
	struct scatterlist sgl[3];
	void *buf[3];
	int i, n;

	sg_init_table(sgl, 3);
	for (i = 0; i < 3; i++) {
		buf[i] = kmalloc(len[i], GFP_KERNEL);
		KCHECK(buf[i]);
		sg_set_buf(&sgl[i], buf[i], len[i]);
	}
	n = dma_map_sg(dev, sgl, 3, DMA_TO_DEVICE);
	KCHECK(n == 3);
	for (i = 0; i < 3; i++) {
		KCHECK(sg_dma_len(&sgl[i]) == len[i]);
		KCHECK(sg_dma_address(&sgl[i]) == (dma_addr_t)(unsigned long)buf[i]);
	}
	dma_sync_sg_for_cpu(dev, sgl, 3, DMA_TO_DEVICE);
	dma_sync_sg_for_device(dev, sgl, 3, DMA_TO_DEVICE);
	dma_unmap_sg(dev, sgl, 3, DMA_TO_DEVICE);
	for (i = 0; i < 3; i++)
		kfree(buf[i]);
	return 0;
}

/* dma.sg_chain_walk walks a chain; mapped, its second table's entries are their VAs. */
static int dma_case_sg_chain(void)
{
	struct scatterlist a[3], b[2];
	u8 *buf = kmalloc(5 * 64, GFP_KERNEL);

	KCHECK(buf);
	sg_init_table(a, 3);
	sg_init_table(b, 2);
	sg_set_buf(&a[0], buf, 64);
	sg_set_buf(&a[1], buf + 64, 64);
	sg_chain(a, 3, b);
	sg_set_buf(&b[0], buf + 128, 64);
	sg_set_buf(&b[1], buf + 192, 64);
	KCHECK(sg_dma_address(&b[1]) == 0);
	KCHECK(dma_map_sg(kdev(0), a, 4, DMA_BIDIRECTIONAL) == 4);
	KCHECK(sg_dma_address(&b[1]) == (dma_addr_t)(unsigned long)(buf + 192));
	dma_unmap_sg(kdev(0), a, 4, DMA_BIDIRECTIONAL);
	kfree(buf);
	return 0;
}

static const struct ktest_check dma_cases[] = {
	{ "mapping_error_semantics", dma_case_mapping_error },
	{ "map_page_is_page_address_plus_offset", dma_case_map_page },
	{ "pool_refuses_no_device", dma_case_pool_refuses_no_device },
	{ "pool_handles_are_mappings", dma_case_pool_handles_are_mappings },
	{ "sg_map_three_entries", dma_case_sg_map_three },
	{ "sg_chain_maps_both_tables", dma_case_sg_chain },
};

int KTEST(ktest_dma_case)(unsigned int i, const char **name, int run)
{
	int ret;

	if (!run)
		return ktest_check_case(dma_cases, ARRAY_SIZE(dma_cases), i, name, 0);
	uldd_enter("ktest-dma");
	ret = ktest_check_case(dma_cases, ARRAY_SIZE(dma_cases), i, name, 1);
	uldd_exit();
	return ret;
}
