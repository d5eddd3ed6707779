// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * dma.c - the DMA API (Documentation/core-api/dma-api.rst, dma-api-howto.rst)
 * and scatterlists. Without a device: scatterlist tables, chained or not,
 * walk their entries in order. On QEMU's edu: a PCI device starts with
 * 32-bit masks; dma_set_mask_and_coherent() sets both; coherent memory is
 * zeroed, its DMA address aligned to the smallest page order that holds
 * it; mappings (single, page, scatterlist: at most nents segments,
 * covering every byte), coherent memory and dma_pool blocks lie within the
 * mask; pools refuse bad geometry, align their blocks and keep them inside
 * their boundary. Then the edu's DMA engine (docs/specs/edu.rst in QEMU: it
 * copies between RAM and its own buffer at 0x40000, under a 28-bit mask)
 * moves bytes through each kind of mapping and back, with dma_sync_*
 * handing a live mapping between CPU and device. Only memory the kernel
 * lets a driver map: kmalloc and page memory, never the stack.
 *
 * What the guest kernel showed (behind its IOMMU): the CPU address of a
 * 20 KiB coherent buffer was only page-aligned, though dma-api-howto
 * promises the size's order for both addresses, so only the DMA address
 * is held to it. It accepted every mask, down to 1 bit: whether a narrow
 * mask is refused is the platform's call (the howto's 24-bit example
 * allows either), so no case asserts it. uldd refuses a mask whose IOVA
 * space cannot hold the whole arena (-EIO; 24 bits and below in the guest).
 */
#include <linux/delay.h>
#include <linux/dma-mapping.h>
#include <linux/dmapool.h>
#include <linux/gfp.h>
#include <linux/io.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/pci.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "conform.h"
#include "edu_hw.h"

#define HANG_GUARD msecs_to_jiffies(10000)

/* A body that undid its work before judging: ret is 0 or a line; what says what failed there. */
static int failed_as(int ret, const char *what)
{
	if (ret && !*conform_failure())
		conform_fail(ret, what);
	return ret;
}

/*
 * QEMU 7.2's edu stops the whole machine on a transfer that ends at its
 * buffer's last byte (an off-by-one in its range check): stay below 3 KiB.
 */
#define EDU_SPAN 3072
#define EDU_MASK DMA_BIT_MASK(28)

static u8 pattern(size_t i, unsigned int seed)
{
	return (u8)((i * 29u) ^ (i >> 7) ^ (seed * 37u));
}

static void fill(void *p, size_t n, unsigned int seed)
{
	for (size_t i = 0; i < n; i++)
		((u8 *)p)[i] = pattern(i, seed);
}

static bool intact(const void *p, size_t n, unsigned int seed)
{
	for (size_t i = 0; i < n; i++) {
		if (((const u8 *)p)[i] != pattern(i, seed))
			return false;
	}
	return true;
}

static bool all_zero(const void *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (((const u8 *)p)[i])
			return false;
	}
	return true;
}

/* Without a device: a table and a chained one walk their entries in order. */

static int sg_table_walk(struct conform_dev *dev)
{
	static const unsigned int len[3] = { 100, 4096, 3000 };
	struct scatterlist sgl[3], *sg;
	void *buf[3] = { NULL };
	int i, ret = 0;

	sg_init_table(sgl, 3);
	for (i = 0; i < 3; i++) {
		buf[i] = kmalloc(len[i], GFP_KERNEL);
		if (!buf[i])
			goto out;
		sg_set_buf(&sgl[i], buf[i], len[i]);
	}
	ret = __LINE__;
	if (sg_nents(sgl) != 3 || !sg_is_last(&sgl[2]) || sg_is_last(&sgl[1]) ||
	    sg_next(&sgl[2]) != NULL)
		goto out;
	for_each_sg(sgl, sg, 3, i) {
		if (sg_virt(sg) != buf[i] || sg_page(sg) != virt_to_page(buf[i]) ||
		    sg->offset != offset_in_page(buf[i]) || sg->length != len[i])
			goto out;
	}
	sg_init_one(sgl, buf[1], 64);
	if (sg_nents(sgl) != 1 || sg_virt(sgl) != buf[1] || sgl->length != 64)
		goto out;
	ret = 0;
out:
	for (i = 0; i < 3; i++)
		kfree(buf[i]);
	return failed_as(ret, "the table's entries, in order");
}

static int sg_chain_walk(struct conform_dev *dev)
{
	struct scatterlist a[3], b[2], *sg;
	u8 *buf = kmalloc(4 * 64, GFP_KERNEL);
	int i, n;

	CHECK(buf);
	sg_init_table(a, 3);
	sg_init_table(b, 2);
	sg_set_buf(&a[0], buf, 64);
	sg_set_buf(&a[1], buf + 64, 64);
	sg_chain(a, 3, b);
	sg_set_buf(&b[0], buf + 128, 64);
	sg_set_buf(&b[1], buf + 192, 64);
	n = sg_nents(a);
	for_each_sg(a, sg, 4, i) {
		if (sg_virt(sg) != buf + 64 * i)
			break;
	}
	kfree(buf);
	CHECK_CMP(n, ==, 4);
	CHECK_CMP(i, ==, 4);
	return 0;
}

/* On the edu. */

/* Before any other case sets one: what a PCI device starts with. */
static int default_masks_32(struct conform_dev *dev)
{
	struct device *d = &dev->pdev->dev;

	CHECK_CMP(dma_get_mask(d), ==, DMA_BIT_MASK(32));
	CHECK_CMP(d->coherent_dma_mask, ==, DMA_BIT_MASK(32));
	return 0;
}

/* Both masks, each time; left at the edu's 28 bits for the cases after. */
static int set_mask_and_coherent(struct conform_dev *dev)
{
	struct device *d = &dev->pdev->dev;
	static const unsigned int bits[] = { 64, 32, 40, 28 };

	for (unsigned int i = 0; i < ARRAY_SIZE(bits); i++) {
		CHECK_CMP(dma_set_mask_and_coherent(d, DMA_BIT_MASK(bits[i])), ==, 0);
		CHECK_CMP(dma_get_mask(d), ==, DMA_BIT_MASK(bits[i]));
		CHECK_CMP(d->coherent_dma_mask, ==, DMA_BIT_MASK(bits[i]));
	}
	CHECK_CMP(dma_set_mask(d, DMA_BIT_MASK(32)), ==, 0);
	CHECK_CMP(dma_get_mask(d), ==, DMA_BIT_MASK(32));
	CHECK_CMP(d->coherent_dma_mask, ==, EDU_MASK);
	CHECK_CMP(dma_set_mask(d, EDU_MASK), ==, 0);
	return 0;
}

static const size_t coherent_sizes[] = { 1,	 3000,	  PAGE_SIZE, 5 * PAGE_SIZE + 1,
					 65536,	 1 << 20, 2 << 20,   4 << 20,
					 8 << 20 };

/*
 * What is wrong with a coherent allocation, as bits: 1 none, 2 the CPU
 * address not page-aligned, 4 the DMA address not aligned to the smallest
 * page order that holds size, 8 past the mask, 16 not zeroed.
 */
static unsigned int coherent_bad(void *va, dma_addr_t h, size_t size, u64 mask)
{
	unsigned long align = PAGE_SIZE << get_order(size);

	if (!va)
		return 1;
	return (PAGE_ALIGNED(va) ? 0 : 2) | (IS_ALIGNED(h, align) ? 0 : 4) |
	       (h + size - 1 <= mask ? 0 : 8) | (all_zero(va, size) ? 0 : 16);
}

static int coherent_zeroed_aligned(struct conform_dev *dev)
{
	struct device *d = &dev->pdev->dev;

	for (int round = 0; round < 2; round++) {
		for (size_t i = 0; i < ARRAY_SIZE(coherent_sizes); i++) {
			size_t size = coherent_sizes[i];
			dma_addr_t h = 0;
			/* The second round atomically, and up to 64 KiB. */
			gfp_t gfp = round ? GFP_ATOMIC : GFP_KERNEL;
			unsigned int bad;
			void *va;

			if (round && size > 65536)
				continue;
			va = dma_alloc_coherent(d, size, &h, gfp);
			bad = coherent_bad(va, h, size, d->coherent_dma_mask);
			if (va) {
				/* Dirty, so that memory handed out again shows whether it was zeroed. */
				memset(va, 0xa5, size);
				dma_free_coherent(d, size, va, h);
			}
			if (bad) {
				conform_fail_cmp(__LINE__,
						 "size, what was wrong (1 none, 2/4 CPU/DMA "
						 "align, 8 mask, 16 zero)",
						 size, bad);
				return __LINE__;
			}
		}
	}
	return 0;
}

static int managed_coherent(struct conform_dev *dev)
{
	struct device *d = &dev->pdev->dev;
	dma_addr_t h = 0;
	void *va = dmam_alloc_coherent(d, 3000, &h, GFP_KERNEL);
	unsigned int bad = coherent_bad(va, h, 3000, d->coherent_dma_mask);

	if (va)
		dmam_free_coherent(d, 3000, va, h);
	CHECK_CMP(bad, ==, 0);
	return 0;
}

/* A PCI device has DMA parameters: 64 KiB segments until the driver says more. */
static int max_seg_size(struct conform_dev *dev)
{
	struct device *d = &dev->pdev->dev;
	unsigned int was = dma_get_max_seg_size(d);
	int err = dma_set_max_seg_size(d, 1U << 20);
	unsigned int now = dma_get_max_seg_size(d);

	dma_set_max_seg_size(d, was);
	CHECK_CMP(was, ==, 65536);
	CHECK_CMP(err, ==, 0);
	CHECK_CMP(now, ==, 1U << 20);
	CHECK_CMP(dma_get_max_seg_size(d), ==, 65536);
	return 0;
}

static int map_single_within_mask(struct conform_dev *dev)
{
	static const size_t ms[] = { 1, 64, 1500, 4096, 9000, 65536 };
	struct device *d = &dev->pdev->dev;

	CHECK(dma_mapping_error(d, DMA_MAPPING_ERROR));
	for (size_t i = 0; i < ARRAY_SIZE(ms); i++) {
		for (int dir = DMA_BIDIRECTIONAL; dir <= DMA_FROM_DEVICE; dir++) {
			void *buf = kmalloc(ms[i], GFP_KERNEL);
			dma_addr_t a;
			int err;

			CHECK(buf);
			a = dma_map_single(d, buf, ms[i], dir);
			err = dma_mapping_error(d, a);
			if (!err)
				dma_unmap_single(d, a, ms[i], dir);
			kfree(buf);
			CHECK_CMP(err, ==, 0);
			CHECK_CMP(a + ms[i] - 1, <=, dma_get_mask(d));
		}
	}
	return 0;
}

static int map_page_within_mask(struct conform_dev *dev)
{
	struct device *d = &dev->pdev->dev;
	struct page *pg = alloc_pages(GFP_KERNEL, 2);
	dma_addr_t a, b;
	int ea, eb;

	CHECK(pg);
	a = dma_map_page(d, pg, 100, 200, DMA_FROM_DEVICE);
	ea = dma_mapping_error(d, a);
	/* A whole block of four pages, as one mapping. */
	b = dma_map_page(d, pg, 0, 4 * PAGE_SIZE, DMA_TO_DEVICE);
	eb = dma_mapping_error(d, b);
	if (!ea)
		dma_unmap_page(d, a, 200, DMA_FROM_DEVICE);
	if (!eb)
		dma_unmap_page(d, b, 4 * PAGE_SIZE, DMA_TO_DEVICE);
	__free_pages(pg, 2);
	CHECK_CMP(ea, ==, 0);
	CHECK_CMP(eb, ==, 0);
	CHECK_CMP(a + 199, <=, dma_get_mask(d));
	CHECK_CMP(b + 4 * PAGE_SIZE - 1, <=, dma_get_mask(d));
	return 0;
}

/* The segments dma_map_sg() made: at most nents, within the mask, every byte once. */
static int sg_segments_ok(struct device *d, struct scatterlist *sgl, int nents, int n, size_t total)
{
	struct scatterlist *sg;
	size_t covered = 0;
	int i;

	CHECK_CMP(n, >=, 1);
	CHECK_CMP(n, <=, nents);
	for_each_sg(sgl, sg, n, i) {
		CHECK_CMP(sg_dma_len(sg), >, 0);
		CHECK_CMP(sg_dma_address(sg) + sg_dma_len(sg) - 1, <=, dma_get_mask(d));
		covered += sg_dma_len(sg);
	}
	CHECK_CMP(covered, ==, total);
	return 0;
}

static int map_sg_segments(struct conform_dev *dev)
{
	static const unsigned int len[3] = { 100, 4096, 60000 };
	struct device *d = &dev->pdev->dev;
	struct scatterlist sgl[3];
	void *buf[3] = { NULL };
	int i, n = 0, ret = 0;

	sg_init_table(sgl, 3);
	for (i = 0; i < 3; i++) {
		buf[i] = kmalloc(len[i], GFP_KERNEL);
		if (!buf[i])
			goto out;
		sg_set_buf(&sgl[i], buf[i], len[i]);
	}
	n = dma_map_sg(d, sgl, 3, DMA_TO_DEVICE);
	if (n > 0) {
		ret = sg_segments_ok(d, sgl, 3, n, len[0] + len[1] + len[2]);
		/* Syncs and unmap take the nents that went in, not what came out. */
		dma_sync_sg_for_cpu(d, sgl, 3, DMA_TO_DEVICE);
		dma_sync_sg_for_device(d, sgl, 3, DMA_TO_DEVICE);
		dma_unmap_sg(d, sgl, 3, DMA_TO_DEVICE);
	}
out:
	for (i = 0; i < 3; i++)
		kfree(buf[i]);
	CHECK(buf[0] && buf[1] && buf[2]);
	CHECK_CMP(n, >, 0);
	return ret;
}

static int pool_refuses_bad_geometry(struct conform_dev *dev)
{
	struct device *d = &dev->pdev->dev;

	CHECK(!dma_pool_create("conform_zero", d, 0, 8, 0));
	CHECK(!dma_pool_create("conform_align3", d, 32, 3, 0));
	CHECK(!dma_pool_create("conform_small_boundary", d, 64, 8, 32));
	CHECK(!dma_pool_create("conform_odd_boundary", d, 64, 8, 3000));
	dma_pool_destroy(NULL);
	return 0;
}

#define POOL_BLOCKS 300
static void *pva[POOL_BLOCKS];
static dma_addr_t ph[POOL_BLOCKS];

/* Blocks aligned, inside the mask, disjoint, within the boundary; zalloc zeroes. */
static int pool_blocks(struct device *d, struct dma_pool *pool, size_t size, size_t align,
		       size_t boundary)
{
	unsigned int i;

	align = align ? align : 1;
	for (i = 0; i < POOL_BLOCKS; i++) {
		pva[i] = dma_pool_alloc(pool, GFP_KERNEL, &ph[i]);
		CHECK(pva[i]);
		CHECK(IS_ALIGNED((unsigned long)pva[i], align));
		CHECK(IS_ALIGNED(ph[i], align));
		CHECK_CMP(ph[i] + size - 1, <=, d->coherent_dma_mask);
		if (boundary)
			CHECK_CMP(ph[i] / boundary, ==, (ph[i] + size - 1) / boundary);
		memset(pva[i], (int)i, size);
	}
	for (i = 0; i < POOL_BLOCKS; i++) {
		CHECK_CMP(((u8 *)pva[i])[0], ==, (u8)i);
		CHECK_CMP(((u8 *)pva[i])[size - 1], ==, (u8)i);
	}
	dma_pool_free(pool, pva[7], ph[7]);
	pva[7] = dma_pool_zalloc(pool, GFP_ATOMIC, &ph[7]);
	CHECK(pva[7]);
	CHECK(all_zero(pva[7], size));
	return 0;
}

static int pool_case(struct conform_dev *dev, size_t size, size_t align, size_t boundary)
{
	struct device *d = &dev->pdev->dev;
	struct dma_pool *pool = dma_pool_create("conform", d, size, align, boundary);
	int ret;

	CHECK(pool);
	memset(pva, 0, sizeof(pva));
	ret = pool_blocks(d, pool, size, align, boundary);
	for (unsigned int i = 0; i < POOL_BLOCKS; i++) {
		if (pva[i])
			dma_pool_free(pool, pva[i], ph[i]);
	}
	dma_pool_destroy(pool);
	return ret;
}

static int pool_alignment(struct conform_dev *dev)
{
	CHECK_RUN(pool_case(dev, 24, 64, 0));
	CHECK_RUN(pool_case(dev, 3, 0, 0));
	return pool_case(dev, 100, 128, 0);
}

static int pool_boundary(struct conform_dev *dev)
{
	CHECK_RUN(pool_case(dev, 1000, 8, 4096));
	CHECK_RUN(pool_case(dev, 48, 16, 64));
	return pool_case(dev, 6000, 32, 8192);
}

/* One transfer of the edu's engine, polled to its end. */
static int edu_copy(struct conform_dev *dev, u64 src, u64 dst, u32 count, bool to_ram)
{
	unsigned long guard = jiffies + HANG_GUARD;

	writeq(src, dev->regs + EDU_DMA_SRC);
	writeq(dst, dev->regs + EDU_DMA_DST);
	writeq(count, dev->regs + EDU_DMA_COUNT);
	writel(EDU_DMA_START | (to_ram ? EDU_DMA_TO_RAM : 0), dev->regs + EDU_DMA_CMD);
	while (readl(dev->regs + EDU_DMA_CMD) & EDU_DMA_START) {
		if (time_after(jiffies, guard))
			return __LINE__;
		usleep_range(1000, 2000);
	}
	return 0;
}

/* RAM at a to the edu's buffer at off, and from there back to RAM at b. */
static int edu_round_trip(struct conform_dev *dev, dma_addr_t a, dma_addr_t b, u32 off, u32 n)
{
	CHECK_CMP(a + n - 1, <=, EDU_MASK);
	CHECK_CMP(b + n - 1, <=, EDU_MASK);
	CHECK_CMP(off + n, <=, EDU_SPAN);
	CHECK_RUN(edu_copy(dev, a, EDU_BUF + off, n, false));
	return edu_copy(dev, EDU_BUF + off, b, n, true);
}

/* kmalloc buffers: one mapped for the device to read, one for it to write. */
static int streaming_round_trip(struct conform_dev *dev)
{
	struct device *d = &dev->pdev->dev;
	size_t n = 2048;
	u8 *src = kmalloc(n, GFP_KERNEL), *dst = kmalloc(n, GFP_KERNEL);
	dma_addr_t a = DMA_MAPPING_ERROR, b = DMA_MAPPING_ERROR;
	int ret = __LINE__;

	if (!src || !dst)
		goto out;
	fill(src, n, 1);
	memset(dst, 0xee, n);
	a = dma_map_single(d, src, n, DMA_TO_DEVICE);
	b = dma_map_single(d, dst, n, DMA_FROM_DEVICE);
	if (dma_mapping_error(d, a) || dma_mapping_error(d, b))
		goto unmap;
	ret = edu_round_trip(dev, a, b, 0, n);
unmap:
	if (!dma_mapping_error(d, a))
		dma_unmap_single(d, a, n, DMA_TO_DEVICE);
	if (!dma_mapping_error(d, b))
		dma_unmap_single(d, b, n, DMA_FROM_DEVICE);
	if (!ret && !intact(dst, n, 1))
		ret = __LINE__;
out:
	kfree(src);
	kfree(dst);
	return failed_as(ret, "the bytes came back through the device");
}

/* Coherent memory needs no sync: the device sees the CPU's bytes and the CPU the device's. */
static int coherent_round_trip(struct conform_dev *dev)
{
	struct device *d = &dev->pdev->dev;
	size_t n = 2048;
	dma_addr_t h;
	u8 *va = dma_alloc_coherent(d, 2 * n, &h, GFP_KERNEL);
	int ret;

	CHECK(va);
	fill(va, n, 2);
	ret = edu_round_trip(dev, h, h + n, 512, n);
	if (!ret && !intact(va + n, n, 2))
		ret = __LINE__;
	dma_free_coherent(d, 2 * n, va, h);
	return failed_as(ret, "the bytes came back through the device");
}

/*
 * One live bidirectional mapping, handed back and forth: what the CPU wrote
 * before sync_for_device reaches the device, what the device wrote is seen
 * after sync_for_cpu, twice over.
 */
static int sync_hands_over(struct conform_dev *dev)
{
	struct device *d = &dev->pdev->dev;
	size_t n = 1024;
	u8 *buf = kmalloc(2 * n, GFP_KERNEL);
	dma_addr_t a;
	int ret = 0;

	CHECK(buf);
	memset(buf, 0, 2 * n);
	a = dma_map_single(d, buf, 2 * n, DMA_BIDIRECTIONAL);
	if (dma_mapping_error(d, a)) {
		kfree(buf);
		CHECK(!"mapped");
	}
	for (unsigned int seed = 3; seed < 5 && !ret; seed++) {
		dma_sync_single_for_cpu(d, a, 2 * n, DMA_BIDIRECTIONAL);
		fill(buf, n, seed);
		dma_sync_single_for_device(d, a, 2 * n, DMA_BIDIRECTIONAL);
		ret = edu_round_trip(dev, a, a + n, 0, n);
		dma_sync_single_for_cpu(d, a, 2 * n, DMA_BIDIRECTIONAL);
		if (!ret && !intact(buf + n, n, seed))
			ret = __LINE__;
		dma_sync_single_for_device(d, a, 2 * n, DMA_BIDIRECTIONAL);
	}
	dma_unmap_single(d, a, 2 * n, DMA_BIDIRECTIONAL);
	kfree(buf);
	return failed_as(ret, "each round's bytes came back");
}

/* dma_map_page at an offset, the range crossing into the block's next page. */
static int page_round_trip(struct conform_dev *dev)
{
	struct device *d = &dev->pdev->dev;
	struct page *src = alloc_pages(GFP_KERNEL, 1), *dst = alloc_pages(GFP_KERNEL, 1);
	size_t n = 2000, soff = PAGE_SIZE - 1000, doff = 100;
	dma_addr_t a = DMA_MAPPING_ERROR, b = DMA_MAPPING_ERROR;
	int ret = __LINE__;

	if (!src || !dst)
		goto out;
	fill((u8 *)page_address(src) + soff, n, 5);
	memset(page_address(dst), 0, 2 * PAGE_SIZE);
	a = dma_map_page(d, src, soff, n, DMA_TO_DEVICE);
	b = dma_map_page(d, dst, doff, n, DMA_FROM_DEVICE);
	if (dma_mapping_error(d, a) || dma_mapping_error(d, b))
		goto unmap;
	ret = edu_round_trip(dev, a, b, 1024, n);
unmap:
	if (!dma_mapping_error(d, a))
		dma_unmap_page(d, a, n, DMA_TO_DEVICE);
	if (!dma_mapping_error(d, b))
		dma_unmap_page(d, b, n, DMA_FROM_DEVICE);
	if (!ret && !intact((u8 *)page_address(dst) + doff, n, 5))
		ret = __LINE__;
out:
	if (src)
		__free_pages(src, 1);
	if (dst)
		__free_pages(dst, 1);
	return failed_as(ret, "the bytes came back through the device");
}

/*
 * The device writes each mapped segment in turn from its buffer: however
 * the entries were merged, the buffers behind them get the bytes in order.
 */
static int sg_round_trip(struct conform_dev *dev)
{
	static const unsigned int len[3] = { 500, 1000, 548 };
	struct device *d = &dev->pdev->dev;
	struct scatterlist sgl[3], *sg;
	u8 *src = kmalloc(2048, GFP_KERNEL);
	u8 *buf[3] = { NULL };
	dma_addr_t a = DMA_MAPPING_ERROR;
	u32 off = 0;
	int i, n = 0, ret = __LINE__;

	sg_init_table(sgl, 3);
	for (i = 0; i < 3; i++) {
		buf[i] = kzalloc(len[i], GFP_KERNEL);
		if (!buf[i])
			goto out;
		sg_set_buf(&sgl[i], buf[i], len[i]);
	}
	if (!src)
		goto out;
	fill(src, 2048, 6);
	a = dma_map_single(d, src, 2048, DMA_TO_DEVICE);
	if (dma_mapping_error(d, a))
		goto out;
	ret = edu_copy(dev, a, EDU_BUF, 2048, false);
	dma_unmap_single(d, a, 2048, DMA_TO_DEVICE);
	if (ret)
		goto out;
	n = dma_map_sg(d, sgl, 3, DMA_FROM_DEVICE);
	ret = __LINE__;
	if (n <= 0)
		goto out;
	ret = sg_segments_ok(d, sgl, 3, n, 2048);
	for_each_sg(sgl, sg, n, i) {
		if (ret)
			break;
		ret = edu_copy(dev, EDU_BUF + off, sg_dma_address(sg), sg_dma_len(sg), true);
		off += sg_dma_len(sg);
	}
	dma_unmap_sg(d, sgl, 3, DMA_FROM_DEVICE);
	off = 0;
	for (i = 0; i < 3 && !ret; i++) {
		for (unsigned int k = 0; k < len[i]; k++) {
			if (buf[i][k] != pattern(off + k, 6)) {
				ret = __LINE__;
				break;
			}
		}
		off += len[i];
	}
out:
	for (i = 0; i < 3; i++)
		kfree(buf[i]);
	kfree(src);
	return failed_as(ret, "each entry got its part of the bytes");
}

/* A pool block is coherent memory too. */
static int pool_round_trip(struct conform_dev *dev)
{
	struct device *d = &dev->pdev->dev;
	struct dma_pool *pool = dma_pool_create("conform_rt", d, 1024, 64, 4096);
	dma_addr_t ha, hb;
	u8 *va, *vb;
	int ret = __LINE__;

	CHECK(pool);
	va = dma_pool_alloc(pool, GFP_KERNEL, &ha);
	vb = dma_pool_zalloc(pool, GFP_KERNEL, &hb);
	if (va && vb) {
		fill(va, 1024, 7);
		ret = edu_round_trip(dev, ha, hb, 2048, 1024);
		if (!ret && !intact(vb, 1024, 7))
			ret = __LINE__;
	}
	if (va)
		dma_pool_free(pool, va, ha);
	if (vb)
		dma_pool_free(pool, vb, hb);
	dma_pool_destroy(pool);
	return failed_as(ret, "the bytes came back through the device");
}

static const struct conform_case dma_cases[] = {
	{ "sg_table_walk", sg_table_walk },
	{ "sg_chain_walk", sg_chain_walk },
	{ "default_masks_32", default_masks_32, CONFORM_DEVICE },
	{ "set_mask_and_coherent", set_mask_and_coherent, CONFORM_DEVICE },
	{ "coherent_zeroed_aligned", coherent_zeroed_aligned, CONFORM_DEVICE },
	{ "managed_coherent", managed_coherent, CONFORM_DEVICE },
	{ "max_seg_size", max_seg_size, CONFORM_DEVICE },
	{ "map_single_within_mask", map_single_within_mask, CONFORM_DEVICE },
	{ "map_page_within_mask", map_page_within_mask, CONFORM_DEVICE },
	{ "map_sg_segments", map_sg_segments, CONFORM_DEVICE },
	{ "pool_refuses_bad_geometry", pool_refuses_bad_geometry, CONFORM_DEVICE },
	{ "pool_alignment", pool_alignment, CONFORM_DEVICE },
	{ "pool_boundary", pool_boundary, CONFORM_DEVICE },
	{ "streaming_round_trip", streaming_round_trip, CONFORM_DEVICE },
	{ "coherent_round_trip", coherent_round_trip, CONFORM_DEVICE },
	{ "sync_hands_over", sync_hands_over, CONFORM_DEVICE },
	{ "page_round_trip", page_round_trip, CONFORM_DEVICE },
	{ "sg_round_trip", sg_round_trip, CONFORM_DEVICE },
	{ "pool_round_trip", pool_round_trip, CONFORM_DEVICE },
};
CONFORM_SUITE(dma, dma_cases);
