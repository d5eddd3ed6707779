// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * bench_sched.c - the shim's contexts and locks against their nearest host
 * equivalents, measured in the same process and run: ns per operation pair
 * (median of several runs) and the ratio uldd / host. A table, not a test.
 * The in-kernel cost inside the guest is not measured here (no kernel
 * module in the guest yet); the host pthread primitives stand in.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../../shim/entry.h"
#include "kworld/kbench_sched.h"

#define RUNS 5

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static pthread_spinlock_t host_spin;
static pthread_mutex_t host_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t pp_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t pp_cond = PTHREAD_COND_INITIALIZER;
static unsigned int pp_turn;
static volatile unsigned long sink;

static void host_spin_loop(unsigned int n)
{
	for (unsigned int i = 0; i < n; i++) {
		pthread_spin_lock(&host_spin);
		sink++;
		pthread_spin_unlock(&host_spin);
	}
}

static void host_mutex_loop(unsigned int n)
{
	for (unsigned int i = 0; i < n; i++) {
		pthread_mutex_lock(&host_mutex);
		sink++;
		pthread_mutex_unlock(&host_mutex);
	}
}

/* The host's ping-pong: a condition variable and a turn counter. */
static void host_pingpong(unsigned int n, int side)
{
	for (unsigned int i = 0; i < n; i++) {
		pthread_mutex_lock(&pp_lock);
		while ((pp_turn & 1) != (unsigned int)side)
			pthread_cond_wait(&pp_cond, &pp_lock);
		pp_turn++;
		pthread_cond_broadcast(&pp_cond);
		pthread_mutex_unlock(&pp_lock);
	}
}

struct pp_arg {
	unsigned int n;
	int host;
};

static void *pong_thread(void *p)
{
	struct pp_arg *a = p;

	if (a->host)
		host_pingpong(a->n, 1);
	else
		KBENCH(kbench_pingpong)(a->n, 1);
	return NULL;
}

static void pingpong(unsigned int n, int host)
{
	struct pp_arg a = { n, host };
	pthread_t t;

	pp_turn = 0;
	if (pthread_create(&t, NULL, pong_thread, &a))
		abort();
	if (host)
		host_pingpong(n, 0);
	else
		KBENCH(kbench_pingpong)(n, 0);
	pthread_join(t, NULL);
}

enum op { ENTER, SPIN, SPIN_IRQ, MUTEX, PINGPONG, HOST_NOTHING, HOST_SPIN, HOST_MUTEX, HOST_PP };

static void run(enum op op, unsigned int n)
{
	switch (op) {
	case ENTER:
		KBENCH(kbench_enter_exit)(n);
		break;
	case SPIN:
		KBENCH(kbench_spin)(n);
		break;
	case SPIN_IRQ:
		KBENCH(kbench_spin_irqsave)(n);
		break;
	case MUTEX:
		KBENCH(kbench_mutex)(n);
		break;
	case PINGPONG:
		pingpong(n, 0);
		break;
	case HOST_NOTHING:
		break;
	case HOST_SPIN:
		host_spin_loop(n);
		break;
	case HOST_MUTEX:
		host_mutex_loop(n);
		break;
	case HOST_PP:
		pingpong(n, 1);
		break;
	}
}

static double median_ns(enum op op, unsigned int n)
{
	uint64_t t[RUNS];

	for (int r = 0; r < RUNS; r++) {
		uint64_t t0 = now_ns();

		run(op, n);
		t[r] = now_ns() - t0;
	}
	qsort(t, RUNS, sizeof(t[0]), cmp_u64);
	return (double)t[RUNS / 2] / n;
}

/* Iterations are divided by this: a checker saves a stack per lock, far slower. */
static unsigned int bench_div = 1;

static void row(const char *what, enum op mine, enum op host, const char *host_what, unsigned int n)
{
	n = n / bench_div ? n / bench_div : 1;
	double u = median_ns(mine, n), h = median_ns(host, n);

	printf("%-34s %10.1f   %-26s %10.1f   %6.2f\n", what, u, host_what, h, h > 0 ? u / h : 0);
}

int main(void)
{
	/* ULDD_BENCH_DEBUG=lockdep: the same table with that checker on. */
	const char *debug = getenv("ULDD_BENCH_DEBUG");
	unsigned int mask;

	if (debug && !uldd_k_uldd_debug_lookup(debug, strlen(debug), &mask)) {
		uldd_k_uldd_debug_setup(mask);
		bench_div = 100;
		/* The checkers keep their records in the shim's private heap. */
		if (uldd_k_uldd_mm_init())
			return 1;
	}
	pthread_spin_init(&host_spin, PTHREAD_PROCESS_PRIVATE);
	KBENCH(kbench_sched_init)(2);
	printf("%-34s %10s   %-26s %10s   %6s\n", "uldd (ns per pair)", "uldd", "host reference",
	       "host", "ratio");
	row("uldd_enter + uldd_exit", ENTER, HOST_MUTEX, "pthread_mutex lock+unlock", 2000000);
	row("spin_lock + spin_unlock", SPIN, HOST_SPIN, "pthread_spin lock+unlock", 5000000);
	row("spin_lock_irqsave + restore", SPIN_IRQ, HOST_SPIN, "pthread_spin lock+unlock",
	    5000000);
	row("mutex_lock + mutex_unlock", MUTEX, HOST_MUTEX, "pthread_mutex lock+unlock", 5000000);
	row("complete/wait ping-pong, 2 vCPUs", PINGPONG, HOST_PP, "pthread_cond ping-pong", 20000);
	KBENCH(kbench_sched_init)(1);
	row("complete/wait ping-pong, 1 vCPU", PINGPONG, HOST_PP, "pthread_cond ping-pong", 20000);
	return 0;
}
