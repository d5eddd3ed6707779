// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * fake_dma.c - the door's uhost_dma_map/uhost_dma_unmap without VFIO (see
 * fake_dma.h): a table of live mappings and a bump allocator for IOVAs
 * below narrow masks, under one mutex. Linked into a test before the real
 * door, so kernel/vfio_dma.o is never pulled in.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "host.h"
#include "fake_dma.h"

#define FAKE_PAGE 4096ull
#define FAKE_HUGE (2ull << 20)
#define FAKE_MAX_MAPS 256
/* Every range ever mapped, for "the IOMMU never saw this" checks. */
#define FAKE_HIST 4096
#define FAKE_DEVS 8
/* Where IOVAs for narrow masks start: low enough for a 24-bit mask. */
#define FAKE_BUMP_START (1ull << 20)

struct uhost_dev {
	char name[16];
	int no_space;
};

struct fake_map {
	uint64_t va, iova, len;
	int live;
};

static pthread_mutex_t fake_lock = PTHREAD_MUTEX_INITIALIZER;
static struct uhost_dev fake_devs[FAKE_DEVS];
static struct fake_map fake_maps[FAKE_MAX_MAPS];
static uint64_t fake_bump = FAKE_BUMP_START;
static struct fake_dma_stats fake_st;
static struct {
	uint64_t va, len;
} fake_hist[FAKE_HIST];
static unsigned int fake_nhist;
static int fake_hist_lost;

struct uhost_dev *fake_dma_dev(unsigned int i, const char *name, int no_space)
{
	struct uhost_dev *dev = &fake_devs[i % FAKE_DEVS];

	snprintf(dev->name, sizeof(dev->name), "%s", name);
	dev->no_space = no_space;
	return dev;
}

void fake_dma_stats(struct fake_dma_stats *st)
{
	pthread_mutex_lock(&fake_lock);
	*st = fake_st;
	pthread_mutex_unlock(&fake_lock);
}

static int fake_overlaps(uint64_t iova, uint64_t len)
{
	for (int i = 0; i < FAKE_MAX_MAPS; i++) {
		const struct fake_map *m = &fake_maps[i];

		if (m->live && iova < m->iova + m->len && m->iova < iova + len)
			return 1;
	}
	return 0;
}

void *fake_dma_va(uint64_t iova, uint64_t len)
{
	void *va = NULL;

	pthread_mutex_lock(&fake_lock);
	for (int i = 0; i < FAKE_MAX_MAPS; i++) {
		const struct fake_map *m = &fake_maps[i];

		if (m->live && iova >= m->iova && iova - m->iova + len <= m->len) {
			va = (void *)(uintptr_t)(m->va + (iova - m->iova));
			break;
		}
	}
	pthread_mutex_unlock(&fake_lock);
	return va;
}

int fake_dma_ever_mapped(const void *va, uint64_t len)
{
	uint64_t a = (uintptr_t)va;
	int hit;

	pthread_mutex_lock(&fake_lock);
	/* A history that overflowed cannot say "never": count it as seen. */
	hit = fake_hist_lost;
	for (unsigned int i = 0; i < fake_nhist && !hit; i++)
		hit = a < fake_hist[i].va + fake_hist[i].len && fake_hist[i].va < a + len;
	pthread_mutex_unlock(&fake_lock);
	return hit;
}

static int fake_map(struct uhost_dev *dev, void *va, uhost_size len, uhost_u64 dma_mask,
		    uhost_u64 *iova, int never_va)
{
	uint64_t start = (uintptr_t)va & ~(FAKE_PAGE - 1);
	uint64_t size = ((uintptr_t)va - start + len + FAKE_PAGE - 1) & ~(FAKE_PAGE - 1);
	uint64_t align = size >= FAKE_HUGE ? FAKE_HUGE : FAKE_PAGE;
	uint64_t base;
	int i, err = 0;

	if (!dev || !len)
		return EINVAL;
	pthread_mutex_lock(&fake_lock);
	if (!never_va && start + size - 1 <= dma_mask && !fake_overlaps(start, size)) {
		base = start;
	} else {
		base = (fake_bump + align - 1) & ~(align - 1);
		if (dev->no_space || base + size - 1 > dma_mask) {
			fake_st.failures++;
			err = ENOSPC;
			goto out;
		}
		fake_bump = base + size;
	}
	for (i = 0; i < FAKE_MAX_MAPS && fake_maps[i].live; i++)
		;
	if (i == FAKE_MAX_MAPS) {
		err = ENOMEM;
		goto out;
	}
	fake_maps[i] = (struct fake_map){ .va = start, .iova = base, .len = size, .live = 1 };
	if (fake_nhist < FAKE_HIST) {
		fake_hist[fake_nhist].va = start;
		fake_hist[fake_nhist++].len = size;
	} else {
		fake_hist_lost = 1;
	}
	fake_st.maps++;
	fake_st.live++;
	*iova = base + ((uintptr_t)va - start);
out:
	pthread_mutex_unlock(&fake_lock);
	return err;
}

int uhost_dma_map(struct uhost_dev *dev, void *va, uhost_size len, uhost_u64 dma_mask,
		  uhost_u64 *iova)
{
	return fake_map(dev, va, len, dma_mask, iova, 0);
}

/* dma-strict's: never IOVA = VA, so a page mapped twice has two IOVAs. */
int uhost_dma_map_iova(struct uhost_dev *dev, void *va, uhost_size len, uhost_u64 dma_mask,
		       uhost_u64 *iova)
{
	return fake_map(dev, va, len, dma_mask, iova, 1);
}

int uhost_dma_unmap_iova(struct uhost_dev *dev, uhost_u64 iova, uhost_size len)
{
	return uhost_dma_unmap(dev, iova, len);
}

int uhost_dma_unmap(struct uhost_dev *dev, uhost_u64 iova, uhost_size len)
{
	int err = ENOENT;

	(void)dev;
	pthread_mutex_lock(&fake_lock);
	for (int i = 0; i < FAKE_MAX_MAPS; i++) {
		struct fake_map *m = &fake_maps[i];

		if (m->live && m->iova == (iova & ~(FAKE_PAGE - 1)) && m->len >= len) {
			m->live = 0;
			fake_st.unmaps++;
			fake_st.live--;
			err = 0;
			break;
		}
	}
	if (err)
		fake_st.bad_unmaps++;
	pthread_mutex_unlock(&fake_lock);
	return err;
}
