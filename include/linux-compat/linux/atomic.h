/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/atomic.h - atomic integers and the generic exchange operations, as
 * Documentation/atomic_t.txt lists them, for atomic_t (int), atomic64_t
 * (s64) and atomic_long_t (long):
 *   read, set, read_acquire, set_release
 *   add, sub, inc, dec, and, andnot, or, xor              (return nothing)
 *   {add,sub,inc,dec}_return, fetch_{add,sub,inc,dec,and,andnot,or,xor},
 *   xchg, cmpxchg, try_cmpxchg         (each also _relaxed/_acquire/_release)
 *   sub_and_test, dec_and_test, inc_and_test, add_negative{,_relaxed,...}
 *   fetch_add_unless, add_unless, inc_not_zero, inc_unless_negative,
 *   dec_unless_positive, dec_if_positive
 * and xchg(), cmpxchg(), try_cmpxchg() (and their ordered forms) on any
 * 1, 2, 4 or 8 byte scalar or pointer.
 *
 * Arithmetic wraps around (two's complement) instead of overflowing;
 * use refcount_t for reference counts. The ordering of each operation is
 * listed in asm/atomic.h: value-returning RMW ops without a suffix are
 * fully ordered, the others relaxed; a conditional op that does nothing
 * (add_unless finding u, inc_not_zero finding 0, a failed cmpxchg) is
 * unordered.
 *
 * Emulation notes: no instrumentation (KASAN/KCSAN hooks): each atomic_*
 * is its arch_atomic_* of asm/atomic.h. The conditional ops are
 * try_cmpxchg loops, as Linux's generic fallbacks are.
 */
#ifndef _LINUX_ATOMIC_H
#define _LINUX_ATOMIC_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <asm/atomic.h>
#include <asm/barrier.h>
#include <asm/cmpxchg.h>

#define ATOMIC_LONG_INIT(i) ATOMIC64_INIT(i)

/* Exchange on any scalar: returns the old value. */
#define xchg(ptr, x) arch_xchg(ptr, x)
#define xchg_relaxed(ptr, x) arch_xchg_relaxed(ptr, x)
#define xchg_acquire(ptr, x) arch_xchg_acquire(ptr, x)
#define xchg_release(ptr, x) arch_xchg_release(ptr, x)

/* Compare-and-exchange on any scalar: returns the value found (old on success). */
#define cmpxchg(ptr, o, n) arch_cmpxchg(ptr, o, n)
#define cmpxchg_relaxed(ptr, o, n) arch_cmpxchg_relaxed(ptr, o, n)
#define cmpxchg_acquire(ptr, o, n) arch_cmpxchg_acquire(ptr, o, n)
#define cmpxchg_release(ptr, o, n) arch_cmpxchg_release(ptr, o, n)
#define cmpxchg64(ptr, o, n) arch_cmpxchg(ptr, o, n)
#define cmpxchg64_relaxed(ptr, o, n) arch_cmpxchg_relaxed(ptr, o, n)
#define cmpxchg_local(ptr, o, n) arch_cmpxchg(ptr, o, n)
#define cmpxchg64_local(ptr, o, n) arch_cmpxchg(ptr, o, n)

/* Compare-and-exchange: true on success, else *po is updated to the value found. */
#define try_cmpxchg(ptr, po, n) arch_try_cmpxchg(ptr, po, n)
#define try_cmpxchg_relaxed(ptr, po, n) arch_try_cmpxchg_relaxed(ptr, po, n)
#define try_cmpxchg_acquire(ptr, po, n) arch_try_cmpxchg_acquire(ptr, po, n)
#define try_cmpxchg_release(ptr, po, n) arch_try_cmpxchg_release(ptr, po, n)
#define try_cmpxchg64(ptr, po, n) arch_try_cmpxchg(ptr, po, n)
#define try_cmpxchg_local(ptr, po, n) arch_try_cmpxchg(ptr, po, n)

/* The value-returning ops at one ordering (sfx: "", _relaxed, _acquire, _release). */
#define __ATOMIC_API_ORDERED(pfx, atype, ctype, sfx)                                        \
	static __always_inline ctype pfx##_add_return##sfx(ctype i, atype *v)               \
	{                                                                                   \
		return arch_##pfx##_add_return##sfx(i, v);                                  \
	}                                                                                   \
	static __always_inline ctype pfx##_sub_return##sfx(ctype i, atype *v)               \
	{                                                                                   \
		return arch_##pfx##_sub_return##sfx(i, v);                                  \
	}                                                                                   \
	static __always_inline ctype pfx##_inc_return##sfx(atype *v)                        \
	{                                                                                   \
		return arch_##pfx##_add_return##sfx(1, v);                                  \
	}                                                                                   \
	static __always_inline ctype pfx##_dec_return##sfx(atype *v)                        \
	{                                                                                   \
		return arch_##pfx##_sub_return##sfx(1, v);                                  \
	}                                                                                   \
	static __always_inline ctype pfx##_fetch_add##sfx(ctype i, atype *v)                \
	{                                                                                   \
		return arch_##pfx##_fetch_add##sfx(i, v);                                   \
	}                                                                                   \
	static __always_inline ctype pfx##_fetch_sub##sfx(ctype i, atype *v)                \
	{                                                                                   \
		return arch_##pfx##_fetch_sub##sfx(i, v);                                   \
	}                                                                                   \
	static __always_inline ctype pfx##_fetch_inc##sfx(atype *v)                         \
	{                                                                                   \
		return arch_##pfx##_fetch_add##sfx(1, v);                                   \
	}                                                                                   \
	static __always_inline ctype pfx##_fetch_dec##sfx(atype *v)                         \
	{                                                                                   \
		return arch_##pfx##_fetch_sub##sfx(1, v);                                   \
	}                                                                                   \
	static __always_inline ctype pfx##_fetch_and##sfx(ctype i, atype *v)                \
	{                                                                                   \
		return arch_##pfx##_fetch_and##sfx(i, v);                                   \
	}                                                                                   \
	static __always_inline ctype pfx##_fetch_andnot##sfx(ctype i, atype *v)             \
	{                                                                                   \
		return arch_##pfx##_fetch_andnot##sfx(i, v);                                \
	}                                                                                   \
	static __always_inline ctype pfx##_fetch_or##sfx(ctype i, atype *v)                 \
	{                                                                                   \
		return arch_##pfx##_fetch_or##sfx(i, v);                                    \
	}                                                                                   \
	static __always_inline ctype pfx##_fetch_xor##sfx(ctype i, atype *v)                \
	{                                                                                   \
		return arch_##pfx##_fetch_xor##sfx(i, v);                                   \
	}                                                                                   \
	static __always_inline ctype pfx##_xchg##sfx(atype *v, ctype new)                   \
	{                                                                                   \
		return arch_##pfx##_xchg##sfx(v, new);                                      \
	}                                                                                   \
	static __always_inline ctype pfx##_cmpxchg##sfx(atype *v, ctype old, ctype new)     \
	{                                                                                   \
		return arch_##pfx##_cmpxchg##sfx(v, old, new);                              \
	}                                                                                   \
	static __always_inline bool pfx##_try_cmpxchg##sfx(atype *v, ctype *old, ctype new) \
	{                                                                                   \
		return arch_##pfx##_try_cmpxchg##sfx(v, old, new);                          \
	}                                                                                   \
	/* i + v is negative. */                                                            \
	static __always_inline bool pfx##_add_negative##sfx(ctype i, atype *v)              \
	{                                                                                   \
		return arch_##pfx##_add_return##sfx(i, v) < 0;                              \
	}

/*
 * The whole API for one type; utype is ctype's unsigned twin, for sums
 * that must wrap rather than overflow.
 */
#define __ATOMIC_API(pfx, atype, ctype, utype)                                            \
	static __always_inline ctype pfx##_read(const atype *v)                           \
	{                                                                                 \
		return arch_##pfx##_read(v);                                              \
	}                                                                                 \
	static __always_inline ctype pfx##_read_acquire(const atype *v)                   \
	{                                                                                 \
		return arch_##pfx##_read_acquire(v);                                      \
	}                                                                                 \
	static __always_inline void pfx##_set(atype *v, ctype i)                          \
	{                                                                                 \
		arch_##pfx##_set(v, i);                                                   \
	}                                                                                 \
	static __always_inline void pfx##_set_release(atype *v, ctype i)                  \
	{                                                                                 \
		arch_##pfx##_set_release(v, i);                                           \
	}                                                                                 \
	static __always_inline void pfx##_add(ctype i, atype *v)                          \
	{                                                                                 \
		arch_##pfx##_add(i, v);                                                   \
	}                                                                                 \
	static __always_inline void pfx##_sub(ctype i, atype *v)                          \
	{                                                                                 \
		arch_##pfx##_sub(i, v);                                                   \
	}                                                                                 \
	static __always_inline void pfx##_inc(atype *v)                                   \
	{                                                                                 \
		arch_##pfx##_add(1, v);                                                   \
	}                                                                                 \
	static __always_inline void pfx##_dec(atype *v)                                   \
	{                                                                                 \
		arch_##pfx##_sub(1, v);                                                   \
	}                                                                                 \
	static __always_inline void pfx##_and(ctype i, atype *v)                          \
	{                                                                                 \
		arch_##pfx##_and(i, v);                                                   \
	}                                                                                 \
	static __always_inline void pfx##_andnot(ctype i, atype *v)                       \
	{                                                                                 \
		arch_##pfx##_andnot(i, v);                                                \
	}                                                                                 \
	static __always_inline void pfx##_or(ctype i, atype *v)                           \
	{                                                                                 \
		arch_##pfx##_or(i, v);                                                    \
	}                                                                                 \
	static __always_inline void pfx##_xor(ctype i, atype *v)                          \
	{                                                                                 \
		arch_##pfx##_xor(i, v);                                                   \
	}                                                                                 \
	__ATOMIC_API_ORDERED(pfx, atype, ctype, )                                         \
	__ATOMIC_API_ORDERED(pfx, atype, ctype, _relaxed)                                 \
	__ATOMIC_API_ORDERED(pfx, atype, ctype, _acquire)                                 \
	__ATOMIC_API_ORDERED(pfx, atype, ctype, _release)                                 \
	/* Each returns whether the result is 0. */                                       \
	static __always_inline bool pfx##_sub_and_test(ctype i, atype *v)                 \
	{                                                                                 \
		return arch_##pfx##_sub_return(i, v) == 0;                                \
	}                                                                                 \
	static __always_inline bool pfx##_dec_and_test(atype *v)                          \
	{                                                                                 \
		return arch_##pfx##_sub_return(1, v) == 0;                                \
	}                                                                                 \
	static __always_inline bool pfx##_inc_and_test(atype *v)                          \
	{                                                                                 \
		return arch_##pfx##_add_return(1, v) == 0;                                \
	}                                                                                 \
	/* Adds a unless v is u; returns the old value (u: nothing added). */             \
	static __always_inline ctype pfx##_fetch_add_unless(atype *v, ctype a, ctype u)   \
	{                                                                                 \
		ctype c = arch_##pfx##_read(v);                                           \
                                                                                          \
		do {                                                                      \
			if (unlikely(c == u))                                             \
				break;                                                    \
		} while (!arch_##pfx##_try_cmpxchg(v, &c, (ctype)((utype)c + (utype)a))); \
		return c;                                                                 \
	}                                                                                 \
	/* Adds a unless v is u; true if it added. */                                     \
	static __always_inline bool pfx##_add_unless(atype *v, ctype a, ctype u)          \
	{                                                                                 \
		return pfx##_fetch_add_unless(v, a, u) != u;                              \
	}                                                                                 \
	/* Increments unless v is 0; true if it did. */                                   \
	static __always_inline bool pfx##_inc_not_zero(atype *v)                          \
	{                                                                                 \
		return pfx##_add_unless(v, 1, 0);                                         \
	}                                                                                 \
	/* Increments unless v is negative; true if it did. */                            \
	static __always_inline bool pfx##_inc_unless_negative(atype *v)                   \
	{                                                                                 \
		ctype c = arch_##pfx##_read(v);                                           \
                                                                                          \
		do {                                                                      \
			if (unlikely(c < 0))                                              \
				return false;                                             \
		} while (!arch_##pfx##_try_cmpxchg(v, &c, (ctype)((utype)c + 1)));        \
		return true;                                                              \
	}                                                                                 \
	/* Decrements unless v is positive; true if it did. */                            \
	static __always_inline bool pfx##_dec_unless_positive(atype *v)                   \
	{                                                                                 \
		ctype c = arch_##pfx##_read(v);                                           \
                                                                                          \
		do {                                                                      \
			if (unlikely(c > 0))                                              \
				return false;                                             \
		} while (!arch_##pfx##_try_cmpxchg(v, &c, (ctype)((utype)c - 1)));        \
		return true;                                                              \
	}                                                                                 \
	/* Decrements if the result is not negative; returns v - 1 either way. */         \
	static __always_inline ctype pfx##_dec_if_positive(atype *v)                      \
	{                                                                                 \
		ctype c = arch_##pfx##_read(v), dec;                                      \
                                                                                          \
		do {                                                                      \
			dec = (ctype)((utype)c - 1);                                      \
			if (unlikely(dec < 0))                                            \
				break;                                                    \
		} while (!arch_##pfx##_try_cmpxchg(v, &c, dec));                          \
		return dec;                                                               \
	}

__ATOMIC_API(atomic, atomic_t, int, unsigned int)
__ATOMIC_API(atomic64, atomic64_t, s64, u64)
__ATOMIC_API(atomic_long, atomic_long_t, long, unsigned long)

#endif /* _LINUX_ATOMIC_H */
