/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * lock.h - the memory allocator's own spin lock: test-and-test-and-set
 * on one int, pausing while it waits, so waiters only read the shared line
 * until it is free. Held for a few dozen instructions at a time, never
 * across a door call or a printk; usable from any context.
 *
 * XXX: to be replaced by raw_spinlock_t when the shim's locks and virtual
 * CPUs (linux/spinlock.h) are in. Until then a holder that the host
 * preempts makes the waiters spin through their time slice; with one host
 * thread per virtual CPU holding it, that cannot happen.
 */
#ifndef ULDD_SHIM_MM_LOCK_H
#define ULDD_SHIM_MM_LOCK_H

#include <linux/compiler.h>
#include <linux/types.h>

struct uldd_mm_lock {
	int locked;
};

static __always_inline void uldd_mm_pause(void)
{
#if defined(__x86_64__) || defined(__i386__)
	__builtin_ia32_pause();
#elif defined(__aarch64__)
	__asm__ __volatile__("yield" : : : "memory");
#else
	barrier();
#endif
}

static __always_inline bool uldd_mm_trylock(struct uldd_mm_lock *l)
{
	return !__atomic_load_n(&l->locked, __ATOMIC_RELAXED) &&
	       !__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE);
}

static __always_inline void uldd_mm_lock(struct uldd_mm_lock *l)
{
	while (__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE)) {
		while (__atomic_load_n(&l->locked, __ATOMIC_RELAXED))
			uldd_mm_pause();
	}
}

static __always_inline void uldd_mm_unlock(struct uldd_mm_lock *l)
{
	__atomic_store_n(&l->locked, 0, __ATOMIC_RELEASE);
}

#endif /* ULDD_SHIM_MM_LOCK_H */
