// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * arena.c - the memory behind the one DMA arena. Huge pages make the IOMMU's
 * job and the TLB's cheaper, so they are tried first; populated memory means
 * VFIO pins it at map time instead of faulting later.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>

#include "internal.h"

#define UH_ARENA_HUGE (2ul << 20)

/*
 * Every byte handed out is pinned for DMA, so the limit is what RLIMIT_MEMLOCK
 * must allow ('uldd run' sets both): past it the arena says so itself,
 * rather than VFIO's pin failing with ENOMEM.
 */
static uint64_t uh_arena_max; /* 0: none */
static uint64_t uh_arena_used; /* under the shim's arena lock */

void uh_arena_set_limit(uint64_t bytes)
{
	uh_arena_max = bytes;
}

uint64_t uh_arena_limit(void)
{
	return uh_arena_max;
}

int uhost_arena_alloc(uhost_size size, void **va, uhost_size *page_size)
{
	size_t len = (size + UH_ARENA_HUGE - 1) & ~(UH_ARENA_HUGE - 1);
	uintptr_t base, aligned;
	void *p;

	if (size == 0 || len < size)
		return uh_fail(EINVAL, "arena: bad size %zu", size);
	if (uh_arena_max && len > uh_arena_max - uh_arena_used)
		return uh_fail(
			ENOMEM,
			"arena: %zu MiB more would pass its limit of %llu MiB: give 'uldd run --arena-max MIB' more",
			len >> 20, (unsigned long long)uh_arena_max >> 20);
	p = mmap(NULL, len, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_HUGETLB | MAP_POPULATE, -1, 0);
	if (p != MAP_FAILED) {
		*va = p;
		*page_size = UH_ARENA_HUGE;
		uh_arena_used += len;
		return 0;
	}

	/* No reserved huge pages: take 2 MiB-aligned memory and advise THP. */
	p = mmap(NULL, len + UH_ARENA_HUGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1,
		 0);
	if (p == MAP_FAILED)
		return uh_fail(errno, "arena: cannot allocate %zu MiB: %s", len >> 20,
			       strerror(errno));
	base = (uintptr_t)p;
	aligned = (base + UH_ARENA_HUGE - 1) & ~(uintptr_t)(UH_ARENA_HUGE - 1);
	if (aligned > base)
		munmap(p, aligned - base);
	munmap((void *)(aligned + len), base + UH_ARENA_HUGE - aligned);
	p = (void *)aligned;
	/* Advice only: the arena works without transparent huge pages. */
	madvise(p, len, MADV_HUGEPAGE);
	madvise(p, len, MADV_POPULATE_WRITE);
	*va = p;
	*page_size = 4096;
	uh_arena_used += len;
	return 0;
}

int uhost_arena_free(void *va, uhost_size size)
{
	size_t len = (size + UH_ARENA_HUGE - 1) & ~(UH_ARENA_HUGE - 1);

	if (munmap(va, len))
		return uh_fail(errno, "arena: munmap: %s", strerror(errno));
	uh_arena_used -= len < uh_arena_used ? len : uh_arena_used;
	return 0;
}
