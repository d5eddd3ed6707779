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
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "../../../shim/entry.h"
#include "../../../shim/kernel/dma/dma.h"
#include "../../../shim/mm/arena.h"
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

/* The table: device 0, attached by the harness with 64-bit masks. */

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

static int dma_case_coherent(void)
{
	struct device *dev = kdev(0);
	size_t sizes[] = { 1, 3000, PAGE_SIZE, 5 * PAGE_SIZE + 1, 1 << 20 };
	unsigned int i, j;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		dma_addr_t h = DMA_MAPPING_ERROR;
		u8 *va = dma_alloc_coherent(dev, sizes[i], &h, GFP_KERNEL);

		KCHECK(va);
		KCHECK(PAGE_ALIGNED(va));
		KCHECK(h != DMA_MAPPING_ERROR && h <= dev->coherent_dma_mask);
		KCHECK((h & (PAGE_SIZE - 1)) == 0);
		for (j = 0; j < sizes[i]; j++)
			KCHECK(va[j] == 0);
		memset(va, 0xa5, sizes[i]);
		dma_free_coherent(dev, sizes[i], va, h);
	}
	/* Freed memory dirtied above comes back zeroed. */
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		dma_addr_t h;
		u8 *va = dma_alloc_coherent(dev, sizes[i], &h, GFP_ATOMIC);

		KCHECK(va);
		for (j = 0; j < sizes[i]; j++)
			KCHECK(va[j] == 0);
		dma_free_coherent(dev, sizes[i], va, h);
	}
	return 0;
}

static int dma_case_pool_bad_args(void)
{
	struct device *dev = kdev(0);

	KCHECK(!dma_pool_create("zero", dev, 0, 8, 0));
	KCHECK(!dma_pool_create("align3", dev, 32, 3, 0));
	KCHECK(!dma_pool_create("small-boundary", dev, 64, 8, 32));
	KCHECK(!dma_pool_create("odd-boundary", dev, 64, 8, 3000));
	KCHECK(!dma_pool_create("no-device", NULL, 64, 8, 0));
	dma_pool_destroy(NULL);
	return 0;
}

#define POOL_BLOCKS 300

/* Blocks aligned, inside the mask, disjoint, not crossing the boundary. */
static int dma_pool_check(size_t size, size_t align, size_t boundary)
{
	struct device *dev = kdev(0);
	struct dma_pool *pool = dma_pool_create("ktest", dev, size, align, boundary);
	static void *va[POOL_BLOCKS];
	static dma_addr_t h[POOL_BLOCKS];
	unsigned int i, j;

	KCHECK(pool);
	for (i = 0; i < POOL_BLOCKS; i++) {
		va[i] = dma_pool_alloc(pool, GFP_KERNEL, &h[i]);
		KCHECK(va[i]);
		KCHECK(h[i] != DMA_MAPPING_ERROR && h[i] <= dev->coherent_dma_mask);
		KCHECK(h[i] == dma_map_single(dev, va[i], size, DMA_BIDIRECTIONAL));
		KCHECK(IS_ALIGNED(h[i], align ? align : 1));
		KCHECK(IS_ALIGNED((unsigned long)va[i], align ? align : 1));
		if (boundary)
			KCHECK(h[i] / boundary == (h[i] + size - 1) / boundary);
		memset(va[i], (int)i, size);
	}
	for (i = 0; i < POOL_BLOCKS; i++) {
		for (j = 0; j < size; j++)
			KCHECK(((u8 *)va[i])[j] == (u8)i);
	}
	/* Freed blocks are reused, and zalloc zeroes them. */
	dma_pool_free(pool, va[7], h[7]);
	va[7] = dma_pool_zalloc(pool, GFP_ATOMIC, &h[7]);
	KCHECK(va[7]);
	for (j = 0; j < size; j++)
		KCHECK(((u8 *)va[7])[j] == 0);
	for (i = 0; i < POOL_BLOCKS; i++)
		dma_pool_free(pool, va[i], h[i]);
	dma_pool_destroy(pool);
	return 0;
}

static int dma_case_pool_align(void)
{
	int ret = dma_pool_check(24, 64, 0);

	return ret ? ret : dma_pool_check(3, 0, 0);
}

static int dma_case_pool_boundary(void)
{
	int ret = dma_pool_check(1000, 8, 4096);

	if (!ret)
		ret = dma_pool_check(48, 16, 64);
	return ret ? ret : dma_pool_check(6000, 32, 8192);
}

static int dma_case_sg_map_three(void)
{
	static const unsigned int len[3] = { 100, 4096, 60000 };
	struct device *dev = kdev(0);
	struct scatterlist sgl[3], *sg;
	void *buf[3];
	int i, n;

	sg_init_table(sgl, 3);
	for (i = 0; i < 3; i++) {
		buf[i] = kmalloc(len[i], GFP_KERNEL);
		KCHECK(buf[i]);
		sg_set_buf(&sgl[i], buf[i], len[i]);
	}
	KCHECK(sg_nents(sgl) == 3);
	KCHECK(sg_is_last(&sgl[2]) && !sg_is_last(&sgl[1]));
	n = dma_map_sg(dev, sgl, 3, DMA_TO_DEVICE);
	KCHECK(n == 3);
	for_each_sg(sgl, sg, n, i) {
		KCHECK(sg_virt(sg) == buf[i]);
		KCHECK(sg_page(sg) == virt_to_page(buf[i]));
		KCHECK(sg_dma_len(sg) == len[i]);
		KCHECK(sg_dma_address(sg) == (dma_addr_t)(unsigned long)buf[i]);
	}
	dma_sync_sg_for_cpu(dev, sgl, 3, DMA_TO_DEVICE);
	dma_sync_sg_for_device(dev, sgl, 3, DMA_TO_DEVICE);
	dma_unmap_sg(dev, sgl, 3, DMA_TO_DEVICE);
	for (i = 0; i < 3; i++)
		kfree(buf[i]);
	return 0;
}

static int dma_case_sg_chain(void)
{
	struct scatterlist a[3], b[2], *sg;
	u8 *buf = kmalloc(5 * 64, GFP_KERNEL);
	int i;

	KCHECK(buf);
	sg_init_table(a, 3);
	sg_init_table(b, 2);
	sg_set_buf(&a[0], buf, 64);
	sg_set_buf(&a[1], buf + 64, 64);
	sg_chain(a, 3, b);
	sg_set_buf(&b[0], buf + 128, 64);
	sg_set_buf(&b[1], buf + 192, 64);
	KCHECK(sg_nents(a) == 4);
	for_each_sg(a, sg, 4, i) {
		KCHECK(sg_virt(sg) == buf + 64 * i);
	}
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
	{ "coherent_zeroed_aligned_below_mask", dma_case_coherent },
	{ "pool_refuses_bad_arguments", dma_case_pool_bad_args },
	{ "pool_blocks_aligned", dma_case_pool_align },
	{ "pool_blocks_within_boundary", dma_case_pool_boundary },
	{ "sg_map_three_entries", dma_case_sg_map_three },
	{ "sg_chain_walks_both_tables", dma_case_sg_chain },
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
