/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * fake_dma.h - a fake of the door's DMA calls (uhost_dma_map/unmap) for unit
 * tests, with no VFIO: it records each call, gives IOVA = VA when the range
 * fits under the mask, else a bump-allocated IOVA below it, and plays the
 * device by translating an IOVA back to the memory it reaches. Thread-safe
 * (one mutex).
 */
#ifndef ULDD_TESTS_FAKE_DMA_H
#define ULDD_TESTS_FAKE_DMA_H

#include <stdint.h>

struct uhost_dev;

/* Device i (0-7) of the fake, named name; no_space: it can place no IOVA but VA. */
struct uhost_dev *fake_dma_dev(unsigned int i, const char *name, int no_space);

struct fake_dma_stats {
	unsigned long maps; /* successful uhost_dma_map calls */
	unsigned long unmaps; /* successful uhost_dma_unmap calls */
	unsigned long failures; /* maps refused for lack of IOVA space */
	unsigned long bad_unmaps; /* unmaps of IOVAs that were not mapped */
	unsigned long live; /* mappings now */
};

void fake_dma_stats(struct fake_dma_stats *st);
/* What the device reaches at iova (len bytes within one mapping), or NULL. */
void *fake_dma_va(uint64_t iova, uint64_t len);
/* Whether any part of [va, va + len) was ever mapped, by any device. */
int fake_dma_ever_mapped(const void *va, uint64_t len);

#endif /* ULDD_TESTS_FAKE_DMA_H */
