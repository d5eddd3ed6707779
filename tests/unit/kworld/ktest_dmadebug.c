// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ktest_dmadebug.c - K-world bodies for test_dmadebug.c: a driver that
 * breaks one DMA-API rule per call, one that leaves mappings behind, and
 * mappings under dma-strict. Every entry point runs inside
 * uldd_enter()/uldd_exit().
 */
#include <linux/device.h>
#include <linux/dma-mapping.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "../../../shim/debug/debug.h"
#include "../../../shim/entry.h"
#include "../../../shim/kernel/dma/dma.h"
#include "ktest_dmadebug.h"

#define BUF 512

static struct device ddev[2];

int KTEST(ktest_dmadebug_setup)(unsigned int mask, struct uhost_dev *udev)
{
	int err;

	uldd_debug_setup(mask);
	err = uldd_mm_init();
	if (!err)
		err = uldd_sched_init(1);
	if (err)
		return err;
	uldd_enter("ktest-dmadebug");
	ddev[0].init_name = "0000:00:10.0";
	err = uldd_dma_attach(&ddev[0], udev);
	if (!err)
		err = dma_set_mask_and_coherent(&ddev[0], DMA_BIT_MASK(64));
	uldd_exit();
	return err;
}

void KTEST(ktest_dmadebug_mask)(unsigned int mask)
{
	uldd_debug_setup(mask);
}

/* A well-behaved map: checked as a driver must. */
static dma_addr_t map_checked(void *buf, size_t size, enum dma_data_direction dir)
{
	dma_addr_t a = dma_map_single(&ddev[0], buf, size, dir);

	if (dma_mapping_error(&ddev[0], a))
		return DMA_MAPPING_ERROR;
	return a;
}

static void rule_sg(char *buf)
{
	struct scatterlist sg[2];

	sg_init_table(sg, 2);
	sg_set_buf(&sg[0], buf, 128);
	sg_set_buf(&sg[1], buf + 256, 128);
	if (dma_map_sg(&ddev[0], sg, 2, DMA_FROM_DEVICE) == 2)
		dma_unmap_sg(&ddev[0], sg, 2, DMA_FROM_DEVICE);
}

static void rule_run(int r, char *buf)
{
	struct device *dev = &ddev[0];
	dma_addr_t a, h;
	void *c;

	switch (r) {
	case KTEST_DMADEBUG_NONE:
		a = map_checked(buf, BUF, DMA_TO_DEVICE);
		dma_sync_single_for_cpu(dev, a + 16, 32, DMA_TO_DEVICE);
		dma_sync_single_for_device(dev, a + 16, 32, DMA_TO_DEVICE);
		dma_unmap_single(dev, a, BUF, DMA_TO_DEVICE);
		c = dma_alloc_coherent(dev, 3000, &h, GFP_KERNEL);
		if (c)
			dma_free_coherent(dev, 3000, c, h);
		break;
	case KTEST_DMADEBUG_DOUBLE_UNMAP:
		a = map_checked(buf, BUF, DMA_FROM_DEVICE);
		dma_unmap_single(dev, a, BUF, DMA_FROM_DEVICE);
		dma_unmap_single(dev, a, BUF, DMA_FROM_DEVICE);
		break;
	case KTEST_DMADEBUG_NEVER_MAPPED:
		/* An address no mapping of this test ever had, under dma-strict too. */
		dma_unmap_single(dev, (dma_addr_t)0x7ff00000 + 8, BUF, DMA_FROM_DEVICE);
		break;
	case KTEST_DMADEBUG_WRONG_SIZE:
		a = map_checked(buf, BUF, DMA_FROM_DEVICE);
		dma_unmap_single(dev, a, BUF / 2, DMA_FROM_DEVICE);
		break;
	case KTEST_DMADEBUG_WRONG_DIR:
		a = map_checked(buf, BUF, DMA_FROM_DEVICE);
		dma_unmap_single(dev, a, BUF, DMA_TO_DEVICE);
		break;
	case KTEST_DMADEBUG_NO_ERROR_CHECK:
		a = dma_map_single(dev, buf, BUF, DMA_FROM_DEVICE);
		dma_unmap_single(dev, a, BUF, DMA_FROM_DEVICE);
		break;
	case KTEST_DMADEBUG_CPU_WRITE:
		a = map_checked(buf, BUF, DMA_TO_DEVICE);
		WRITE_ONCE(buf[100], buf[100] + 1);
		dma_unmap_single(dev, a, BUF, DMA_TO_DEVICE);
		break;
	case KTEST_DMADEBUG_WRONG_KIND:
		a = map_checked(buf, BUF, DMA_FROM_DEVICE);
		dma_unmap_page(dev, a, BUF, DMA_FROM_DEVICE);
		break;
	case KTEST_DMADEBUG_SYNC_PAST_END:
		a = map_checked(buf, BUF, DMA_FROM_DEVICE);
		dma_sync_single_for_cpu(dev, a + BUF - 16, 32, DMA_FROM_DEVICE);
		dma_unmap_single(dev, a, BUF, DMA_FROM_DEVICE);
		break;
	case KTEST_DMADEBUG_SYNC_UNMAPPED:
		a = map_checked(buf, BUF, DMA_FROM_DEVICE);
		dma_unmap_single(dev, a, BUF, DMA_FROM_DEVICE);
		dma_sync_single_for_cpu(dev, a, BUF, DMA_FROM_DEVICE);
		break;
	case KTEST_DMADEBUG_COHERENT_DOUBLE_FREE:
		c = dma_alloc_coherent(dev, 1000, &h, GFP_KERNEL);
		if (!c)
			break;
		dma_free_coherent(dev, 1000, c, h);
		dma_free_coherent(dev, 1000, c, h);
		break;
	case KTEST_DMADEBUG_CPU_WRITE_AFTER_SYNC:
		a = map_checked(buf, BUF, DMA_TO_DEVICE);
		dma_sync_single_for_cpu(dev, a, BUF, DMA_TO_DEVICE);
		buf[7] ^= 1;
		dma_sync_single_for_device(dev, a, BUF, DMA_TO_DEVICE);
		dma_unmap_single(dev, a, BUF, DMA_TO_DEVICE);
		break;
	case KTEST_DMADEBUG_SG:
		rule_sg(buf);
		break;
	}
}

unsigned long KTEST(ktest_dmadebug_rule)(int r)
{
	char *buf;
	unsigned long n;

	uldd_enter("ktest-dmadebug");
	buf = kmalloc(BUF * 2, GFP_KERNEL);
	if (buf) {
		memset(buf, 0x5a, BUF * 2);
		rule_run(r, buf);
		kfree(buf);
	}
	n = uldd_report_count(ULDD_CHK_DMA);
	uldd_exit();
	return n;
}

int KTEST(ktest_dmadebug_leak)(unsigned int n)
{
	dma_addr_t a, h;
	unsigned int i;
	int ret = 0;
	void *buf;

	uldd_enter("ktest-dmadebug");
	for (i = 0; i < n && !ret; i++) {
		buf = kmalloc(64, GFP_KERNEL);
		a = buf ? dma_map_single(&ddev[0], buf, 64, DMA_BIDIRECTIONAL) : DMA_MAPPING_ERROR;
		if (dma_mapping_error(&ddev[0], a))
			ret = -ENOMEM;
	}
	if (!ret && !dma_alloc_coherent(&ddev[0], PAGE_SIZE, &h, GFP_KERNEL))
		ret = -ENOMEM;
	uldd_exit();
	return ret;
}

unsigned long KTEST(ktest_dmadebug_finish)(void)
{
	uldd_enter("ktest-dmadebug");
	uldd_debug_finish();
	uldd_exit();
	return uldd_report_count(ULDD_CHK_LEAKS);
}

static char *strict_buf;
static void *strict_coh;
static dma_addr_t strict_addr[3];

int KTEST(ktest_dmadebug_strict)(struct uhost_dev *udev, unsigned int bits, unsigned long long *a)
{
	struct device *dev = &ddev[1];
	u64 mask = DMA_BIT_MASK(bits);
	int ret = 0;

	uldd_enter("ktest-dmadebug");
	memset(dev, 0, sizeof(*dev));
	dev->init_name = "0000:00:11.0";
	if (uldd_dma_attach(dev, udev) || dma_set_mask_and_coherent(dev, mask)) {
		ret = -EIO;
		goto out;
	}
	strict_buf = kmalloc(256, GFP_KERNEL);
	if (!strict_buf) {
		ret = -ENOMEM;
		goto out;
	}
	/* Two buffers in one page. */
	strict_addr[0] = dma_map_single(dev, strict_buf, 64, DMA_TO_DEVICE);
	strict_addr[1] = dma_map_single(dev, strict_buf + 128, 64, DMA_FROM_DEVICE);
	strict_coh = dma_alloc_coherent(dev, 2 * PAGE_SIZE, &strict_addr[2], GFP_KERNEL);
	a[0] = strict_addr[0];
	a[1] = strict_addr[1];
	a[2] = strict_coh ? strict_addr[2] : DMA_MAPPING_ERROR;
	if (dma_mapping_error(dev, strict_addr[0]) || dma_mapping_error(dev, strict_addr[1]) ||
	    !strict_coh) {
		ret = __LINE__;
		goto out;
	}
	if (strict_addr[0] == (unsigned long)strict_buf ||
	    strict_addr[1] == (unsigned long)(strict_buf + 128) ||
	    strict_addr[2] == (unsigned long)strict_coh)
		ret = __LINE__;
	else if ((strict_addr[0] & PAGE_MASK) == (strict_addr[1] & PAGE_MASK))
		ret = __LINE__;
	else if (strict_addr[0] + 63 > mask || strict_addr[1] + 63 > mask ||
		 strict_addr[2] + 2 * PAGE_SIZE - 1 > mask)
		ret = __LINE__;
	/* The page offset is kept: a device sees the bytes at the right place. */
	else if ((strict_addr[1] & ~PAGE_MASK) != ((unsigned long)(strict_buf + 128) & ~PAGE_MASK))
		ret = __LINE__;
out:
	uldd_exit();
	return ret;
}

void KTEST(ktest_dmadebug_strict_release)(void)
{
	struct device *dev = &ddev[1];

	uldd_enter("ktest-dmadebug");
	dma_unmap_single(dev, strict_addr[0], 64, DMA_TO_DEVICE);
	dma_unmap_single(dev, strict_addr[1], 64, DMA_FROM_DEVICE);
	if (strict_coh)
		dma_free_coherent(dev, 2 * PAGE_SIZE, strict_coh, strict_addr[2]);
	kfree(strict_buf);
	uldd_exit();
}

unsigned long KTEST(ktest_dmadebug_strict_reports)(void)
{
	return uldd_report_count(ULDD_CHK_DMA_STRICT);
}
