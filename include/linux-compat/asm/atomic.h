/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * asm/atomic.h - the architecture's atomic operations on atomic_t (int),
 * atomic64_t (s64) and atomic_long_t (long, the same object as atomic64_t):
 * arch_atomic_*, arch_atomic64_*, arch_atomic_long_*. Drivers use the
 * names without arch_ from linux/atomic.h.
 *
 * Ordering, as Documentation/atomic_t.txt defines it, mapped to gcc's
 * __atomic memory orders:
 *   read, set, and the RMW ops that return nothing (add, and, ...)
 *                                          relaxed  (__ATOMIC_RELAXED)
 *   read_acquire, *_acquire                acquire  (__ATOMIC_ACQUIRE)
 *   set_release, *_release                 release  (__ATOMIC_RELEASE)
 *   *_relaxed                              relaxed  (__ATOMIC_RELAXED)
 *   RMW ops that return a value, without a suffix (add_return, fetch_or,
 *   xchg, cmpxchg, ...)              fully ordered  (__ATOMIC_SEQ_CST)
 *   a failed cmpxchg/try_cmpxchg                    relaxed
 *
 * Emulation notes: "fully ordered" means a full barrier before and after
 * the operation. __ATOMIC_SEQ_CST alone is weaker than that in the C
 * model, but on x86-64 every atomic RMW is one LOCK-prefixed instruction
 * (or XCHG), which is a full barrier for all memory accesses: the mapping
 * relies on x86-64 (asm/barrier.h stops the build elsewhere). gcc may move
 * plain accesses across a relaxed atomic at compile time, which Linux's
 * relaxed ops allow too; smp_mb__{before,after}_atomic() stop that.
 */
#ifndef _ASM_X86_ATOMIC_H
#define _ASM_X86_ATOMIC_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <asm/barrier.h>
#include <asm/cmpxchg.h>

#define ATOMIC_INIT(i) \
	{              \
		(i)    \
	}
#define ATOMIC64_INIT(i) \
	{                \
		(i)      \
	}

/* One RMW op that returns a value, at one ordering (sfx names the order). */
#define __ARCH_ATOMIC_FETCH_OP(pfx, atype, ctype, name, sfx, expr)               \
	static __always_inline ctype arch_##pfx##_##name##sfx(ctype i, atype *v) \
	{                                                                        \
		return (ctype)(expr);                                            \
	}

/* Every RMW op that returns a value, at one ordering. */
#define __ARCH_ATOMIC_ORDERED(pfx, atype, ctype, sfx, order)                                       \
	__ARCH_ATOMIC_FETCH_OP(pfx, atype, ctype, add_return, sfx,                                 \
			       __atomic_add_fetch(&v->counter, i, order))                          \
	__ARCH_ATOMIC_FETCH_OP(pfx, atype, ctype, sub_return, sfx,                                 \
			       __atomic_sub_fetch(&v->counter, i, order))                          \
	__ARCH_ATOMIC_FETCH_OP(pfx, atype, ctype, fetch_add, sfx,                                  \
			       __atomic_fetch_add(&v->counter, i, order))                          \
	__ARCH_ATOMIC_FETCH_OP(pfx, atype, ctype, fetch_sub, sfx,                                  \
			       __atomic_fetch_sub(&v->counter, i, order))                          \
	__ARCH_ATOMIC_FETCH_OP(pfx, atype, ctype, fetch_and, sfx,                                  \
			       __atomic_fetch_and(&v->counter, i, order))                          \
	__ARCH_ATOMIC_FETCH_OP(pfx, atype, ctype, fetch_andnot, sfx,                               \
			       __atomic_fetch_and(&v->counter, ~i, order))                         \
	__ARCH_ATOMIC_FETCH_OP(pfx, atype, ctype, fetch_or, sfx,                                   \
			       __atomic_fetch_or(&v->counter, i, order))                           \
	__ARCH_ATOMIC_FETCH_OP(pfx, atype, ctype, fetch_xor, sfx,                                  \
			       __atomic_fetch_xor(&v->counter, i, order))                          \
	static __always_inline ctype arch_##pfx##_xchg##sfx(atype *v, ctype new)                   \
	{                                                                                          \
		return (ctype)__atomic_exchange_n(&v->counter, new, order);                        \
	}                                                                                          \
	static __always_inline ctype arch_##pfx##_cmpxchg##sfx(atype *v, ctype old, ctype new)     \
	{                                                                                          \
		typeof(v->counter) cur = old;                                                      \
                                                                                                   \
		__atomic_compare_exchange_n(&v->counter, &cur, new, false, order,                  \
					    __ATOMIC_RELAXED);                                     \
		return (ctype)cur;                                                                 \
	}                                                                                          \
	static __always_inline bool arch_##pfx##_try_cmpxchg##sfx(atype *v, ctype *old, ctype new) \
	{                                                                                          \
		typeof(v->counter) cur = *old;                                                     \
		bool ok = __atomic_compare_exchange_n(&v->counter, &cur, new, false, order,        \
						      __ATOMIC_RELAXED);                           \
                                                                                                   \
		*old = (ctype)cur;                                                                 \
		return ok;                                                                         \
	}

/* The whole arch_<pfx>_* set for one atomic type. */
#define __ARCH_ATOMIC_OPS(pfx, atype, ctype)                                    \
	static __always_inline ctype arch_##pfx##_read(const atype *v)          \
	{                                                                       \
		return (ctype)__atomic_load_n(&v->counter, __ATOMIC_RELAXED);   \
	}                                                                       \
	static __always_inline ctype arch_##pfx##_read_acquire(const atype *v)  \
	{                                                                       \
		return (ctype)__atomic_load_n(&v->counter, __ATOMIC_ACQUIRE);   \
	}                                                                       \
	static __always_inline void arch_##pfx##_set(atype *v, ctype i)         \
	{                                                                       \
		__atomic_store_n(&v->counter, i, __ATOMIC_RELAXED);             \
	}                                                                       \
	static __always_inline void arch_##pfx##_set_release(atype *v, ctype i) \
	{                                                                       \
		__atomic_store_n(&v->counter, i, __ATOMIC_RELEASE);             \
	}                                                                       \
	static __always_inline void arch_##pfx##_add(ctype i, atype *v)         \
	{                                                                       \
		__atomic_fetch_add(&v->counter, i, __ATOMIC_RELAXED);           \
	}                                                                       \
	static __always_inline void arch_##pfx##_sub(ctype i, atype *v)         \
	{                                                                       \
		__atomic_fetch_sub(&v->counter, i, __ATOMIC_RELAXED);           \
	}                                                                       \
	static __always_inline void arch_##pfx##_and(ctype i, atype *v)         \
	{                                                                       \
		__atomic_fetch_and(&v->counter, i, __ATOMIC_RELAXED);           \
	}                                                                       \
	static __always_inline void arch_##pfx##_andnot(ctype i, atype *v)      \
	{                                                                       \
		__atomic_fetch_and(&v->counter, ~i, __ATOMIC_RELAXED);          \
	}                                                                       \
	static __always_inline void arch_##pfx##_or(ctype i, atype *v)          \
	{                                                                       \
		__atomic_fetch_or(&v->counter, i, __ATOMIC_RELAXED);            \
	}                                                                       \
	static __always_inline void arch_##pfx##_xor(ctype i, atype *v)         \
	{                                                                       \
		__atomic_fetch_xor(&v->counter, i, __ATOMIC_RELAXED);           \
	}                                                                       \
	__ARCH_ATOMIC_ORDERED(pfx, atype, ctype, , __ATOMIC_SEQ_CST)            \
	__ARCH_ATOMIC_ORDERED(pfx, atype, ctype, _relaxed, __ATOMIC_RELAXED)    \
	__ARCH_ATOMIC_ORDERED(pfx, atype, ctype, _acquire, __ATOMIC_ACQUIRE)    \
	__ARCH_ATOMIC_ORDERED(pfx, atype, ctype, _release, __ATOMIC_RELEASE)

/* atomic_long_t is atomic64_t on a 64-bit machine, as in Linux. */
typedef atomic64_t atomic_long_t;

__ARCH_ATOMIC_OPS(atomic, atomic_t, int)
__ARCH_ATOMIC_OPS(atomic64, atomic64_t, s64)
__ARCH_ATOMIC_OPS(atomic_long, atomic_long_t, long)

#endif /* _ASM_X86_ATOMIC_H */
