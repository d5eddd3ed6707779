/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/lockdep.h - the lock validator's hooks ('uldd run --debug=lockdep',
 * shim/debug/lockdep.c). Every lock operation calls in only while the
 * checker is on: one load and a branch not taken otherwise. A lock's
 * class is the site that initialised it (each init macro declares a
 * static key, as Linux does); a lock never initialised that way
 * (DEFINE_SPINLOCK, zeroed memory) is a class of its own, keyed by its
 * address.
 *
 * Emulation notes: no subclasses (the _nested forms are the plain ones:
 * locks of one class nested in each other add no dependency), no softirq
 * safety, no read-recursion rules beyond rwlock readers sharing with
 * readers. The lock_class_key is never looked into.
 */
#ifndef _LINUX_LOCKDEP_H
#define _LINUX_LOCKDEP_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <uldd/debug.h>

/* Only its address counts; one byte so that two keys never share one. */
struct lock_class_key {
	char uldd_unused;
};

/* What kind of lock, for the irq-safety rules and for sleeping with it held. */
#define ULDD_LOCK_SPIN 0x0U /* spinning: spinlock_t, raw_spinlock_t, rwlock_t */
#define ULDD_LOCK_SLEEP 0x1U /* sleeping: mutex, rw_semaphore */
/* Flags of one acquisition. */
#define ULDD_LOCK_TRY 0x2U /* a trylock that succeeded: held, adds no dependency */
#define ULDD_LOCK_READ 0x4U /* shared (read_lock, down_read) */

/* Registers (or re-registers) lock with the class of key (NULL: its own). */
void uldd_lockdep_init(const void *lock, struct lock_class_key *key, const char *name,
		       unsigned int kind);
/* Before a lock is taken (after, for a trylock that succeeded); flags: ULDD_LOCK_*. */
void uldd_lock_acquire(const void *lock, unsigned int flags);
/* Before a lock is released. */
void uldd_lock_release(const void *lock);
/* Reports when lock's being held by current is not what held says. */
void uldd_lockdep_assert(const void *lock, bool held);

#define uldd_lockdep_init_site(lock, name, kind)                                \
	do {                                                                    \
		if (uldd_debug_on(ULDD_DEBUG_LOCKDEP)) {                        \
			static struct lock_class_key __uldd_key;                \
			uldd_lockdep_init((lock), &__uldd_key, (name), (kind)); \
		}                                                               \
	} while (0)

#define lockdep_assert_held(l)                                        \
	do {                                                          \
		if (uldd_debug_on(ULDD_DEBUG_LOCKDEP))                \
			uldd_lockdep_assert((const void *)(l), true); \
	} while (0)
#define lockdep_assert_not_held(l)                                     \
	do {                                                           \
		if (uldd_debug_on(ULDD_DEBUG_LOCKDEP))                 \
			uldd_lockdep_assert((const void *)(l), false); \
	} while (0)
#define lockdep_assert_held_once(l) lockdep_assert_held(l)
#define lockdep_assert_held_write(l) lockdep_assert_held(l)
#define lockdep_assert_held_read(l) lockdep_assert_held(l)
#define lockdep_set_class(lock, key) ((void)(lock), (void)(key))
#define lockdep_set_class_and_name(lock, key, name) ((void)(lock), (void)(key), (void)(name))
#define lockdep_set_subclass(lock, sub) ((void)(lock), (void)(sub))

#endif /* _LINUX_LOCKDEP_H */
