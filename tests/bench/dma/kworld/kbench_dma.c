// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * kbench_dma.c - K-world loops for bench_dma.c: streaming map/unmap pairs
 * on arena and on bounced memory, and dma_pool pairs, on devices attached
 * to the fake door. Single-threaded; each loop runs inside one
 * uldd_enter()/uldd_exit() pair.
 */
#include <linux/dma-mapping.h>
#include <linux/dmapool.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/slab.h>

#include "../../../../shim/entry.h"
#include "../../../../shim/kernel/dma/dma.h"
#include "../../../../shim/mm/arena.h"
#include "kbench_dma.h"

#define KBENCH_DMA_MAX 2048

static struct device kbench_devs[2];

int KBENCH_DMA(kbench_dma_setup)(unsigned int dev, struct uhost_dev *udev, unsigned int bits)
{
	struct device *d = &kbench_devs[dev & 1];
	int ret;

	uldd_enter("bench-dma");
	ret = uldd_mm_init();
	if (!ret)
		ret = uldd_dma_attach(d, udev);
	if (!ret)
		ret = dma_set_mask_and_coherent(d, DMA_BIT_MASK(bits));
	uldd_exit();
	return ret;
}

int KBENCH_DMA(kbench_dma_pairs)(unsigned int dev, unsigned int n, unsigned int size, int stack)
{
	struct device *d = &kbench_devs[dev & 1];
	char on_stack[KBENCH_DMA_MAX];
	unsigned int i;
	int bad = 0;
	void *buf;

	if (size > KBENCH_DMA_MAX)
		return -EINVAL;
	uldd_enter("bench-dma");
	buf = stack ? on_stack : kmalloc(size, GFP_KERNEL);
	for (i = 0; buf && i < n; i++) {
		dma_addr_t a = dma_map_single(d, buf, size, DMA_TO_DEVICE);

		bad |= dma_mapping_error(d, a);
		dma_unmap_single(d, a, size, DMA_TO_DEVICE);
	}
	if (!stack)
		kfree(buf);
	uldd_exit();
	return buf ? bad : -ENOMEM;
}

int KBENCH_DMA(kbench_dma_pool_pairs)(unsigned int dev, unsigned int n, unsigned int size)
{
	struct dma_pool *pool;
	unsigned int i;
	dma_addr_t h;
	int bad = 0;

	uldd_enter("bench-dma");
	pool = dma_pool_create("bench", &kbench_devs[dev & 1], size, 16, 0);
	for (i = 0; pool && i < n; i++) {
		void *p = dma_pool_alloc(pool, GFP_ATOMIC, &h);

		bad |= !p;
		if (p)
			dma_pool_free(pool, p, h);
	}
	dma_pool_destroy(pool);
	uldd_exit();
	return pool ? bad : -ENOMEM;
}
