// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * bench_mm.c - the shim's allocators against glibc's in the same process
 * and run: ns per allocate/free pair (median of several runs) and the
 * ratio uldd / glibc, for kmalloc sizes, batches, page orders, and two
 * threads on one size class. A table, not a test (DESIGN.md).
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kworld/kbench.h"

#define RUNS 5
#define PAIRS 2000000u
#define PAGE_PAIRS 200000u

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Stores through it keep gcc from eliding a malloc/free pair. */
static void *volatile sink;

static void glibc_pairs(unsigned int n, unsigned int size, unsigned int batch)
{
	void *held[64];
	unsigned int i, k;

	if (batch <= 1) {
		for (i = 0; i < n; i++) {
			char *p = malloc(size);

			*(volatile char *)p = 1;
			sink = p;
			free(p);
		}
		return;
	}
	for (i = 0; i < n; i += batch) {
		for (k = 0; k < batch; k++) {
			held[k] = malloc(size);
			*(volatile char *)held[k] = 1;
			sink = held[k];
		}
		for (k = 0; k < batch; k++)
			free(held[k]);
	}
}

static void glibc_pages(unsigned int n, unsigned int order)
{
	size_t bytes = (size_t)4096 << order;
	unsigned int i;

	for (i = 0; i < n; i++) {
		void *p = NULL;

		if (posix_memalign(&p, bytes, bytes))
			abort();
		*(volatile char *)p = 1;
		sink = p;
		free(p);
	}
}

struct job {
	int uldd; /* else glibc */
	int pages; /* else kmalloc pairs */
	unsigned int n, size, batch;
};

static void run_job(const struct job *j)
{
	if (j->pages)
		j->uldd ? KBENCH(kbench_mm_pages)(j->n, j->size) : glibc_pages(j->n, j->size);
	else
		j->uldd ? KBENCH(kbench_mm_pairs)(j->n, j->size, j->batch)
			: glibc_pairs(j->n, j->size, j->batch);
}

static void *job_thread(void *p)
{
	run_job(p);
	return NULL;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Median ns per pair over RUNS runs, on threads threads at once. */
static double measure(const struct job *j, int threads)
{
	double t[RUNS];
	pthread_t tid[8];
	int r, i;

	run_job(j); /* warm: slabs, arena, glibc's caches */
	for (r = 0; r < RUNS; r++) {
		uint64_t start = now_ns();

		for (i = 1; i < threads; i++) {
			if (pthread_create(&tid[i], NULL, job_thread, (void *)j))
				abort();
		}
		run_job(j);
		for (i = 1; i < threads; i++)
			pthread_join(tid[i], NULL);
		t[r] = (double)(now_ns() - start) / j->n;
	}
	qsort(t, RUNS, sizeof(t[0]), cmp_double);
	return t[RUNS / 2];
}

static void row(const char *what, int pages, unsigned int size, unsigned int batch, int threads)
{
	struct job u = { 1, pages, pages ? PAGE_PAIRS : PAIRS, size, batch };
	struct job g = u;
	double tu, tg;

	g.uldd = 0;
	tu = measure(&u, threads);
	tg = measure(&g, threads);
	printf("%-28s %10.1f %10.1f %8.2f\n", what, tu, tg, tu / tg);
}

int main(void)
{
	static const unsigned int sizes[] = { 8, 64, 256, 2048, 8192, 16384 };
	char what[64];
	size_t i;

	if (KBENCH(kbench_mm_init)()) {
		fprintf(stderr, "bench_mm: the DMA arena cannot be allocated\n");
		return 1;
	}
	printf("uldd kmalloc/kfree vs glibc malloc/free: ns per allocate+free pair, median of %d\n",
	       RUNS);
	printf("%-28s %10s %10s %8s\n", "case", "uldd", "glibc", "ratio");
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		snprintf(what, sizeof(what), "kmalloc %u B", sizes[i]);
		row(what, 0, sizes[i], 1, 1);
	}
	row("kmalloc 64 B, 64 at a time", 0, 64, 64, 1);
	row("kmalloc 64 B, 2 threads", 0, 64, 1, 2);
	row("alloc_pages order 0", 1, 0, 1, 1);
	row("alloc_pages order 3", 1, 3, 1, 1);
	return 0;
}
