// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ubench.c - the in-kernel side of bench_vm: a guest kernel module that
 * times the same operation pairs bench_sched and bench_mm time in the shim
 * (spin_lock, spin_lock_irqsave, mutex, kmalloc/kfree of 64 bytes) and
 * prints one "ubench: <op> <ns>" line each, then refuses to stay loaded.
 * Built against Debian's linux-headers for the guest kernel (Kbuild).
 */
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#define PAIRS 2000000

static DEFINE_SPINLOCK(ub_lock);
static DEFINE_MUTEX(ub_mutex);
static unsigned long ub_sink;

static void report(const char *op, u64 t0)
{
	u64 ns = ktime_get_ns() - t0;

	pr_info("ubench: %s %llu.%llu\n", op, ns / PAIRS, (ns * 10 / PAIRS) % 10);
}

static int __init ubench_init(void)
{
	unsigned long flags;
	u64 t0;
	int i;

	t0 = ktime_get_ns();
	for (i = 0; i < PAIRS; i++) {
		spin_lock(&ub_lock);
		WRITE_ONCE(ub_sink, ub_sink + 1);
		spin_unlock(&ub_lock);
	}
	report("spin_lock", t0);

	t0 = ktime_get_ns();
	for (i = 0; i < PAIRS; i++) {
		spin_lock_irqsave(&ub_lock, flags);
		WRITE_ONCE(ub_sink, ub_sink + 1);
		spin_unlock_irqrestore(&ub_lock, flags);
	}
	report("spin_lock_irqsave", t0);

	t0 = ktime_get_ns();
	for (i = 0; i < PAIRS; i++) {
		mutex_lock(&ub_mutex);
		WRITE_ONCE(ub_sink, ub_sink + 1);
		mutex_unlock(&ub_mutex);
	}
	report("mutex", t0);

	t0 = ktime_get_ns();
	for (i = 0; i < PAIRS; i++) {
		void *p = kmalloc(64, GFP_KERNEL);

		WRITE_ONCE(*(char *)p, 1);
		kfree(p);
	}
	report("kmalloc64", t0);
	/* Measured; nothing to keep loaded. */
	return -EAGAIN;
}

module_init(ubench_init);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("uldd bench_vm: in-kernel cost of locking and kmalloc");
