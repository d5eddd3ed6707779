// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * bench_dma.c - the shim's streaming DMA fast path: ns per
 * dma_map_single/dma_unmap_single pair (median of several runs) for arena
 * memory under a 64-bit and a 28-bit mask, for a bounced stack buffer, and
 * per dma_pool alloc/free pair; the reference is a memcpy of the same size
 * in the same run (what one bounce copy costs). The door is the unit tests'
 * fake (no VFIO): the fast path never calls it. A table, not a test.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../unit/fake_dma.h"
#include "kworld/kbench_dma.h"

#define RUNS 5
#define PAIRS 2000000u

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static char src[2048], dst[2048];

/* kind: 0 memcpy, 1 arena pairs, 2 stack (bounced) pairs, 3 pool pairs. */
static double measure(int kind, unsigned int dev, unsigned int n, unsigned int size)
{
	double t[RUNS];
	int r, err = 0;

	for (r = -1; r < RUNS; r++) {
		uint64_t start = now_ns();

		if (kind == 0) {
			for (unsigned int i = 0; i < n; i++) {
				memcpy(dst, src, size);
				__asm__ __volatile__("" : : "r"(dst) : "memory");
			}
		} else if (kind == 3) {
			err |= KBENCH_DMA(kbench_dma_pool_pairs)(dev, n, size);
		} else {
			err |= KBENCH_DMA(kbench_dma_pairs)(dev, n, size, kind == 2);
		}
		if (r >= 0)
			t[r] = (double)(now_ns() - start) / n;
	}
	if (err) {
		fprintf(stderr, "bench_dma: a mapping failed\n");
		exit(1);
	}
	qsort(t, RUNS, sizeof(t[0]), cmp_double);
	return t[RUNS / 2];
}

static void row(const char *what, int kind, unsigned int dev, unsigned int n, unsigned int size)
{
	double ref = measure(0, 0, n, size), ns = measure(kind, dev, n, size);

	printf("%-34s %5u %9.1f %9.1f %7.2f\n", what, size, ns, ref, ns / ref);
}

int main(void)
{
	if (KBENCH_DMA(kbench_dma_setup)(0, fake_dma_dev(0, "bench:64", 0), 64) ||
	    KBENCH_DMA(kbench_dma_setup)(1, fake_dma_dev(1, "bench:28", 0), 28)) {
		fprintf(stderr, "bench_dma: cannot attach the fake devices\n");
		return 1;
	}
	printf("DMA fast path: ns per pair, median of %d runs; reference: memcpy of the size\n",
	       RUNS);
	printf("%-34s %5s %9s %9s %7s\n", "operation", "bytes", "uldd ns", "memcpy ns", "ratio");
	row("map+unmap, arena, 64-bit mask", 1, 0, PAIRS, 64);
	row("map+unmap, arena, 64-bit mask", 1, 0, PAIRS, 1500);
	row("map+unmap, arena, 28-bit mask", 1, 1, PAIRS, 1500);
	row("map+unmap, stack buffer (bounced)", 2, 0, PAIRS / 10, 64);
	row("map+unmap, stack buffer (bounced)", 2, 0, PAIRS / 10, 1500);
	row("dma_pool alloc+free", 3, 0, PAIRS, 64);
	return 0;
}
