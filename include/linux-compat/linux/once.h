/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/once.h - DO_ONCE(func, args...): calls func(args...) the first
 * time the site is reached, under a spinlock so a concurrent caller waits
 * for it (func must not sleep), and is true for the caller that called it.
 */
#ifndef _LINUX_ONCE_H
#define _LINUX_ONCE_H

#include <linux/compiler.h>
#include <linux/spinlock.h>
#include <linux/types.h>

#define DO_ONCE(func, ...)                                                          \
	({                                                                          \
		static bool ___done;                                                \
		static DEFINE_SPINLOCK(___lock);                                    \
		bool ___called = false;                                             \
		unsigned long ___flags;                                             \
		if (!__atomic_load_n(&___done, __ATOMIC_ACQUIRE)) {                 \
			spin_lock_irqsave(&___lock, ___flags);                      \
			if (!___done) {                                             \
				func(__VA_ARGS__);                                  \
				__atomic_store_n(&___done, true, __ATOMIC_RELEASE); \
				___called = true;                                   \
			}                                                           \
			spin_unlock_irqrestore(&___lock, ___flags);                 \
		}                                                                   \
		___called;                                                          \
	})

#endif /* _LINUX_ONCE_H */
