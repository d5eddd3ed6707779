/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * asm/cmpxchg.h - exchange and compare-and-exchange on any 1, 2, 4 or 8
 * byte scalar or pointer, the architecture's half of linux/atomic.h's
 * xchg(), cmpxchg() and try_cmpxchg().
 *
 * arch_cmpxchg(ptr, old, new) stores new in *ptr if *ptr was old, and
 * returns what *ptr held (old on success). arch_try_cmpxchg(ptr, oldp, new)
 * does the same, returns true on success and, on failure, writes the value
 * it found into *oldp. The forms without a suffix are fully ordered;
 * _relaxed, _acquire and _release are ordered as named. A failed
 * compare-and-exchange is not ordered, as Documentation/atomic_t.txt allows.
 *
 * Emulation notes: gcc __atomic builtins, the suffix-less forms
 * sequentially consistent (LOCK CMPXCHG or XCHG on x86-64, full barriers);
 * _local forms are the full ones.
 */
#ifndef _ASM_X86_CMPXCHG_H
#define _ASM_X86_CMPXCHG_H

#include <linux/types.h>
#include <asm/barrier.h>

#define __arch_xchg_order(ptr, x, order) __atomic_exchange_n((ptr), (x), (order))

#define __arch_cmpxchg_order(ptr, old, new, order)                                      \
	({                                                                              \
		__auto_type __cx_ptr = (ptr);                                           \
		__auto_type __cx_old = (typeof(*__cx_ptr))(old);                        \
		__atomic_compare_exchange_n(__cx_ptr, &__cx_old, (new), false, (order), \
					    __ATOMIC_RELAXED);                          \
		__cx_old;                                                               \
	})

#define __arch_try_cmpxchg_order(ptr, oldp, new, order) \
	__atomic_compare_exchange_n((ptr), (oldp), (new), false, (order), __ATOMIC_RELAXED)

#define arch_xchg(ptr, x) __arch_xchg_order(ptr, x, __ATOMIC_SEQ_CST)
#define arch_xchg_relaxed(ptr, x) __arch_xchg_order(ptr, x, __ATOMIC_RELAXED)
#define arch_xchg_acquire(ptr, x) __arch_xchg_order(ptr, x, __ATOMIC_ACQUIRE)
#define arch_xchg_release(ptr, x) __arch_xchg_order(ptr, x, __ATOMIC_RELEASE)

#define arch_cmpxchg(ptr, o, n) __arch_cmpxchg_order(ptr, o, n, __ATOMIC_SEQ_CST)
#define arch_cmpxchg_relaxed(ptr, o, n) __arch_cmpxchg_order(ptr, o, n, __ATOMIC_RELAXED)
#define arch_cmpxchg_acquire(ptr, o, n) __arch_cmpxchg_order(ptr, o, n, __ATOMIC_ACQUIRE)
#define arch_cmpxchg_release(ptr, o, n) __arch_cmpxchg_order(ptr, o, n, __ATOMIC_RELEASE)

#define arch_try_cmpxchg(ptr, po, n) __arch_try_cmpxchg_order(ptr, po, n, __ATOMIC_SEQ_CST)
#define arch_try_cmpxchg_relaxed(ptr, po, n) __arch_try_cmpxchg_order(ptr, po, n, __ATOMIC_RELAXED)
#define arch_try_cmpxchg_acquire(ptr, po, n) __arch_try_cmpxchg_order(ptr, po, n, __ATOMIC_ACQUIRE)
#define arch_try_cmpxchg_release(ptr, po, n) __arch_try_cmpxchg_order(ptr, po, n, __ATOMIC_RELEASE)

#endif /* _ASM_X86_CMPXCHG_H */
