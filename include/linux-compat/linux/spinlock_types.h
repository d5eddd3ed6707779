/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/spinlock_types.h - the lock words. Both are 4 bytes, as in a Linux
 * build without lock debugging, so structures that embed them keep their
 * Linux size.
 */
#ifndef _LINUX_SPINLOCK_TYPES_H
#define _LINUX_SPINLOCK_TYPES_H

#include <linux/types.h>

typedef struct raw_spinlock {
	u32 locked;
} raw_spinlock_t;

typedef struct spinlock {
	struct raw_spinlock rlock;
} spinlock_t;

/* Negative: a writer holds it; positive: that many readers. */
typedef struct {
	s32 cnt;
} rwlock_t;

#define __RAW_SPIN_LOCK_UNLOCKED(name) \
	{                              \
		.locked = 0            \
	}
#define __SPIN_LOCK_UNLOCKED(name)                      \
	{                                               \
		.rlock = __RAW_SPIN_LOCK_UNLOCKED(name) \
	}
#define __RW_LOCK_UNLOCKED(name) \
	{                        \
		.cnt = 0         \
	}
#define DEFINE_RAW_SPINLOCK(x) raw_spinlock_t x = __RAW_SPIN_LOCK_UNLOCKED(x)
#define DEFINE_SPINLOCK(x) spinlock_t x = __SPIN_LOCK_UNLOCKED(x)
#define DEFINE_RWLOCK(x) rwlock_t x = __RW_LOCK_UNLOCKED(x)

#endif /* _LINUX_SPINLOCK_TYPES_H */
