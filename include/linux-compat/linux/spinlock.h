/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/spinlock.h - spinlocks and reader-writer spinlocks. Virtual CPUs
 * are host threads running in parallel, so these are real spinning locks:
 * test-and-test-and-set with acquire/release ordering, taken with
 * preemption disabled so the holder keeps its CPU until it unlocks.
 *
 * Emulation notes: the holder's host thread can still be descheduled by
 * the host; waiters then spin longer, they never deadlock. The _irq and
 * _irqsave forms mask interrupts on this task (see linux/irqflags.h), the
 * _bh forms count in its preemption counter. Lock debugging: the
 * validator's hooks (linux/lockdep.h) while --debug=lockdep is on.
 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <asm/processor.h>
#include <linux/bottom_half.h>
#include <linux/compiler.h>
#include <linux/irqflags.h>
#include <linux/lockdep.h>
#include <linux/preempt.h>
#include <linux/spinlock_types.h>

static __always_inline int do_raw_spin_trylock(raw_spinlock_t *l)
{
	return !__atomic_load_n(&l->locked, __ATOMIC_RELAXED) &&
	       !__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE);
}

static __always_inline void do_raw_spin_lock(raw_spinlock_t *l)
{
	while (__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE)) {
		/* Spin on a plain load: the cache line stays shared until released. */
		while (__atomic_load_n(&l->locked, __ATOMIC_RELAXED))
			cpu_relax();
	}
}

static __always_inline void do_raw_spin_unlock(raw_spinlock_t *l)
{
	__atomic_store_n(&l->locked, 0, __ATOMIC_RELEASE);
}

#define raw_spin_lock_init(l)                                    \
	do {                                                     \
		(l)->locked = 0;                                 \
		uldd_lockdep_init_site((l), #l, ULDD_LOCK_SPIN); \
	} while (0)
#define raw_spin_is_locked(l) (__atomic_load_n(&(l)->locked, __ATOMIC_RELAXED) != 0)

/* Acquisitions are told before they spin, so a deadlock is reported before it hangs. */
static __always_inline void raw_spin_lock(raw_spinlock_t *l)
{
	preempt_disable();
	if (uldd_debug_on(ULDD_DEBUG_LOCKDEP))
		uldd_lock_acquire(l, ULDD_LOCK_SPIN);
	do_raw_spin_lock(l);
}

static __always_inline void raw_spin_unlock(raw_spinlock_t *l)
{
	if (uldd_debug_on(ULDD_DEBUG_LOCKDEP))
		uldd_lock_release(l);
	do_raw_spin_unlock(l);
	preempt_enable();
}

static __always_inline int raw_spin_trylock(raw_spinlock_t *l)
{
	preempt_disable();
	if (do_raw_spin_trylock(l)) {
		if (uldd_debug_on(ULDD_DEBUG_LOCKDEP))
			uldd_lock_acquire(l, ULDD_LOCK_SPIN | ULDD_LOCK_TRY);
		return 1;
	}
	preempt_enable();
	return 0;
}

static __always_inline unsigned long __raw_spin_lock_irqsave(raw_spinlock_t *l)
{
	unsigned long flags = arch_local_irq_save();

	raw_spin_lock(l);
	return flags;
}

#define raw_spin_lock_irqsave(l, flags)               \
	do {                                          \
		(flags) = __raw_spin_lock_irqsave(l); \
	} while (0)

static __always_inline void raw_spin_unlock_irqrestore(raw_spinlock_t *l, unsigned long flags)
{
	raw_spin_unlock(l);
	local_irq_restore(flags);
}

static __always_inline void raw_spin_lock_irq(raw_spinlock_t *l)
{
	local_irq_disable();
	raw_spin_lock(l);
}

static __always_inline void raw_spin_unlock_irq(raw_spinlock_t *l)
{
	raw_spin_unlock(l);
	local_irq_enable();
}

static __always_inline void raw_spin_lock_bh(raw_spinlock_t *l)
{
	local_bh_disable();
	raw_spin_lock(l);
}

static __always_inline void raw_spin_unlock_bh(raw_spinlock_t *l)
{
	raw_spin_unlock(l);
	local_bh_enable();
}

/* The class is the site of this macro, not raw_spin_lock_init's inside it. */
#define spin_lock_init(l)                                                \
	do {                                                             \
		(l)->rlock.locked = 0;                                   \
		uldd_lockdep_init_site(&(l)->rlock, #l, ULDD_LOCK_SPIN); \
	} while (0)
#define spin_is_locked(l) raw_spin_is_locked(&(l)->rlock)
#define assert_spin_locked(l) lockdep_assert_held(l)

static __always_inline void spin_lock(spinlock_t *l)
{
	raw_spin_lock(&l->rlock);
}

static __always_inline void spin_unlock(spinlock_t *l)
{
	raw_spin_unlock(&l->rlock);
}

static __always_inline int spin_trylock(spinlock_t *l)
{
	return raw_spin_trylock(&l->rlock);
}

static __always_inline void spin_lock_bh(spinlock_t *l)
{
	raw_spin_lock_bh(&l->rlock);
}

static __always_inline void spin_unlock_bh(spinlock_t *l)
{
	raw_spin_unlock_bh(&l->rlock);
}

static __always_inline void spin_lock_irq(spinlock_t *l)
{
	raw_spin_lock_irq(&l->rlock);
}

static __always_inline void spin_unlock_irq(spinlock_t *l)
{
	raw_spin_unlock_irq(&l->rlock);
}

#define spin_lock_irqsave(l, flags)                             \
	do {                                                    \
		(flags) = __raw_spin_lock_irqsave(&(l)->rlock); \
	} while (0)

static __always_inline void spin_unlock_irqrestore(spinlock_t *l, unsigned long flags)
{
	raw_spin_unlock_irqrestore(&l->rlock, flags);
}

/* Reader-writer spinlocks: readers share, a writer excludes everyone. */
#define rwlock_init(l)                                           \
	do {                                                     \
		(l)->cnt = 0;                                    \
		uldd_lockdep_init_site((l), #l, ULDD_LOCK_SPIN); \
	} while (0)

static __always_inline void do_raw_read_lock(rwlock_t *l)
{
	for (;;) {
		s32 c = __atomic_load_n(&l->cnt, __ATOMIC_RELAXED);

		if (c >= 0 && __atomic_compare_exchange_n(&l->cnt, &c, c + 1, 0, __ATOMIC_ACQUIRE,
							  __ATOMIC_RELAXED))
			return;
		cpu_relax();
	}
}

static __always_inline void do_raw_write_lock(rwlock_t *l)
{
	for (;;) {
		s32 c = 0;

		if (__atomic_compare_exchange_n(&l->cnt, &c, -1, 0, __ATOMIC_ACQUIRE,
						__ATOMIC_RELAXED))
			return;
		cpu_relax();
	}
}

static __always_inline void read_lock(rwlock_t *l)
{
	preempt_disable();
	if (uldd_debug_on(ULDD_DEBUG_LOCKDEP))
		uldd_lock_acquire(l, ULDD_LOCK_SPIN | ULDD_LOCK_READ);
	do_raw_read_lock(l);
}

static __always_inline void read_unlock(rwlock_t *l)
{
	if (uldd_debug_on(ULDD_DEBUG_LOCKDEP))
		uldd_lock_release(l);
	__atomic_fetch_sub(&l->cnt, 1, __ATOMIC_RELEASE);
	preempt_enable();
}

static __always_inline void write_lock(rwlock_t *l)
{
	preempt_disable();
	if (uldd_debug_on(ULDD_DEBUG_LOCKDEP))
		uldd_lock_acquire(l, ULDD_LOCK_SPIN);
	do_raw_write_lock(l);
}

static __always_inline void write_unlock(rwlock_t *l)
{
	if (uldd_debug_on(ULDD_DEBUG_LOCKDEP))
		uldd_lock_release(l);
	__atomic_store_n(&l->cnt, 0, __ATOMIC_RELEASE);
	preempt_enable();
}

#define read_lock_bh(l) (local_bh_disable(), read_lock(l))
#define read_unlock_bh(l) (read_unlock(l), local_bh_enable())
#define write_lock_bh(l) (local_bh_disable(), write_lock(l))
#define write_unlock_bh(l) (write_unlock(l), local_bh_enable())
#define read_lock_irq(l) (local_irq_disable(), read_lock(l))
#define read_unlock_irq(l) (read_unlock(l), local_irq_enable())
#define write_lock_irq(l) (local_irq_disable(), write_lock(l))
#define write_unlock_irq(l) (write_unlock(l), local_irq_enable())
#define read_lock_irqsave(l, flags) ((flags) = arch_local_irq_save(), read_lock(l))
#define read_unlock_irqrestore(l, flags) (read_unlock(l), local_irq_restore(flags))
#define write_lock_irqsave(l, flags) ((flags) = arch_local_irq_save(), write_lock(l))
#define write_unlock_irqrestore(l, flags) (write_unlock(l), local_irq_restore(flags))

#endif /* _LINUX_SPINLOCK_H */
