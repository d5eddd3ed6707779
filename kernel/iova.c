// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * iova.c - the IOVA space of the process's one IOMMU address space: the
 * usable ranges (VFIO_IOMMU_TYPE1_INFO_CAP_IOVA_RANGE, IOMMU_IOAS_IOVA_RANGES)
 * minus what is mapped. Identity mappings reserve IOVA = VA; devices with a
 * narrow DMA mask get blocks from the top of the space below their mask, so
 * low IOVAs stay free for the narrowest devices. Not locked: vfio_dma.c's
 * lock covers it.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct uh_iova_block {
	uint64_t start;
	uint64_t end; /* inclusive, so a block may end at 2^64 - 1 */
};

struct uh_iova_space {
	struct uh_iova_range *ranges; /* sorted, disjoint */
	size_t nranges;
	struct uh_iova_block *used; /* sorted by start, disjoint */
	size_t nused, capused;
};

static int cmp_range(const void *a, const void *b)
{
	const struct uh_iova_range *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

int uh_iova_create(const struct uh_iova_range *ranges, size_t n, struct uh_iova_space **spacep)
{
	struct uh_iova_space *space;

	if (n == 0)
		return EINVAL;
	for (size_t i = 0; i < n; i++)
		if (ranges[i].end < ranges[i].start)
			return EINVAL;
	space = calloc(1, sizeof(*space));
	if (!space)
		return ENOMEM;
	space->ranges = malloc(n * sizeof(*ranges));
	if (!space->ranges) {
		free(space);
		return ENOMEM;
	}
	memcpy(space->ranges, ranges, n * sizeof(*ranges));
	qsort(space->ranges, n, sizeof(*ranges), cmp_range);
	space->nranges = n;
	*spacep = space;
	return 0;
}

void uh_iova_destroy(struct uh_iova_space *space)
{
	if (!space)
		return;
	free(space->ranges);
	free(space->used);
	free(space);
}

static bool inside_ranges(const struct uh_iova_space *space, uint64_t start, uint64_t end)
{
	for (size_t i = 0; i < space->nranges; i++)
		if (start >= space->ranges[i].start && end <= space->ranges[i].end)
			return true;
	return false;
}

/*
 * A device that joins later may see less of the IOVA space (a narrower
 * aperture, more reserved regions): keep only what every device can use.
 */
int uh_iova_restrict(struct uh_iova_space *space, const struct uh_iova_range *ranges, size_t n)
{
	struct uh_iova_range *both;
	size_t nboth = 0;

	if (n == 0)
		return EINVAL;
	/* Two sets of disjoint ranges intersect in fewer than m + n pieces. */
	both = malloc((space->nranges + n) * sizeof(*both));
	if (!both)
		return ENOMEM;
	for (size_t i = 0; i < space->nranges; i++) {
		for (size_t j = 0; j < n; j++) {
			const struct uh_iova_range *a = &space->ranges[i], *b = &ranges[j];
			uint64_t lo = a->start > b->start ? a->start : b->start;
			uint64_t hi = a->end < b->end ? a->end : b->end;

			if (lo <= hi && nboth < space->nranges + n) {
				both[nboth].start = lo;
				both[nboth++].end = hi;
			}
		}
	}
	if (nboth == 0) {
		free(both);
		return ERANGE;
	}
	qsort(both, nboth, sizeof(*both), cmp_range);
	/* What is mapped already must stay inside, or the caller gives up. */
	for (size_t i = 0; i < space->nused; i++) {
		bool inside = false;

		for (size_t r = 0; r < nboth && !inside; r++)
			inside = space->used[i].start >= both[r].start &&
				 space->used[i].end <= both[r].end;
		if (!inside) {
			free(both);
			return EBUSY;
		}
	}
	free(space->ranges);
	space->ranges = both;
	space->nranges = nboth;
	return 0;
}

/* Index of the first used block that ends at or after addr. */
static size_t first_ending_after(const struct uh_iova_space *space, uint64_t addr)
{
	size_t lo = 0, hi = space->nused;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (space->used[mid].end < addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int insert_block(struct uh_iova_space *space, size_t at, uint64_t start, uint64_t end)
{
	if (space->nused == space->capused) {
		size_t cap = space->capused ? space->capused * 2 : 16;
		struct uh_iova_block *used = realloc(space->used, cap * sizeof(*used));

		if (!used)
			return ENOMEM;
		space->used = used;
		space->capused = cap;
	}
	memmove(&space->used[at + 1], &space->used[at], (space->nused - at) * sizeof(*space->used));
	space->used[at].start = start;
	space->used[at].end = end;
	space->nused++;
	return 0;
}

int uh_iova_reserve(struct uh_iova_space *space, uint64_t want, uint64_t len)
{
	uint64_t end = want + len - 1;
	size_t at;

	if (len == 0 || end < want)
		return EINVAL;
	if (!inside_ranges(space, want, end))
		return ERANGE;
	at = first_ending_after(space, want);
	if (at < space->nused && space->used[at].start <= end)
		return EBUSY;
	return insert_block(space, at, want, end);
}

/* The highest aligned start of a len-byte block inside [lo, hi], if any. */
static bool fit_top(uint64_t lo, uint64_t hi, uint64_t len, uint64_t align, uint64_t *start)
{
	uint64_t s;

	if (hi - lo + 1 < len && !(lo == 0 && hi == UINT64_MAX))
		return false;
	s = (hi - (len - 1)) & ~(align - 1);
	if (s < lo)
		return false;
	*start = s;
	return true;
}

int uh_iova_alloc(struct uh_iova_space *space, uint64_t len, uint64_t align, uint64_t limit,
		  uint64_t *iova)
{
	if (len == 0 || align == 0 || (align & (align - 1)))
		return EINVAL;
	/* Walk the ranges and the gaps between used blocks from the top down. */
	for (size_t r = space->nranges; r-- > 0;) {
		uint64_t lo = space->ranges[r].start;
		uint64_t hi = space->ranges[r].end < limit ? space->ranges[r].end : limit;
		size_t at;

		if (lo > hi)
			continue;
		at = first_ending_after(space, hi);
		if (at == space->nused || space->used[at].start > hi)
			; /* no block covers hi: the first gap ends at hi */
		else if (space->used[at].start <= lo)
			continue;
		else
			hi = space->used[at].start - 1;
		/* Now [.., hi] is free down to the next lower block. */
		for (;;) {
			uint64_t glo = lo, start;

			if (at > 0 && space->used[at - 1].end >= lo)
				glo = space->used[at - 1].end + 1;
			if (glo <= hi && fit_top(glo, hi, len, align, &start)) {
				*iova = start;
				return insert_block(space, first_ending_after(space, start), start,
						    start + len - 1);
			}
			if (at == 0 || space->used[at - 1].end < lo ||
			    space->used[at - 1].start <= lo)
				break;
			at--;
			hi = space->used[at].start - 1;
		}
	}
	return ENOSPC;
}

int uh_iova_free(struct uh_iova_space *space, uint64_t iova, uint64_t len)
{
	size_t at = first_ending_after(space, iova);

	if (len == 0 || at == space->nused || space->used[at].start != iova ||
	    space->used[at].end != iova + len - 1)
		return ENOENT;
	memmove(&space->used[at], &space->used[at + 1],
		(space->nused - at - 1) * sizeof(*space->used));
	space->nused--;
	return 0;
}
