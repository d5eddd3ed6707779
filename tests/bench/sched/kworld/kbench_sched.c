// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * kbench_sched.c - the measured loops of bench_sched, in K-world: what a
 * driver pays for entering the kernel namespace, a spinlock, a mutex and a
 * cross-thread wake-up.
 */
#include <linux/completion.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/spinlock.h>

#include "../../../../shim/entry.h"
#include "kbench_sched.h"

static DEFINE_SPINLOCK(bench_lock);
static DEFINE_MUTEX(bench_mutex);
static DECLARE_COMPLETION(bench_ping);
static DECLARE_COMPLETION(bench_pong);
static unsigned long bench_sink;

void KBENCH(kbench_sched_init)(unsigned int nr_vcpus)
{
	uldd_sched_init(nr_vcpus);
	init_completion(&bench_ping);
	init_completion(&bench_pong);
}

void KBENCH(kbench_enter_exit)(unsigned int n)
{
	for (unsigned int i = 0; i < n; i++) {
		uldd_enter("bench");
		uldd_exit();
	}
}

void KBENCH(kbench_spin)(unsigned int n)
{
	uldd_enter("bench");
	for (unsigned int i = 0; i < n; i++) {
		spin_lock(&bench_lock);
		WRITE_ONCE(bench_sink, bench_sink + 1);
		spin_unlock(&bench_lock);
	}
	uldd_exit();
}

void KBENCH(kbench_spin_irqsave)(unsigned int n)
{
	unsigned long flags;

	uldd_enter("bench");
	for (unsigned int i = 0; i < n; i++) {
		spin_lock_irqsave(&bench_lock, flags);
		WRITE_ONCE(bench_sink, bench_sink + 1);
		spin_unlock_irqrestore(&bench_lock, flags);
	}
	uldd_exit();
}

void KBENCH(kbench_mutex)(unsigned int n)
{
	uldd_enter("bench");
	for (unsigned int i = 0; i < n; i++) {
		mutex_lock(&bench_mutex);
		WRITE_ONCE(bench_sink, bench_sink + 1);
		mutex_unlock(&bench_mutex);
	}
	uldd_exit();
}

void KBENCH(kbench_pingpong)(unsigned int n, int side)
{
	uldd_enter(side ? "pong" : "ping");
	for (unsigned int i = 0; i < n; i++) {
		if (side) {
			wait_for_completion(&bench_ping);
			complete(&bench_pong);
		} else {
			complete(&bench_ping);
			wait_for_completion(&bench_pong);
		}
	}
	uldd_exit();
}
