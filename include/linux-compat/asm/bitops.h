/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * asm/bitops.h - operations on bit nr of a bitmap of unsigned longs (bit 0
 * is the lowest of addr[0], bit BITS_PER_LONG the lowest of addr[1]), and
 * the bit searches of one word (ffs, fls, __ffs, ...).
 *
 * Ordering, as Documentation/atomic_bitops.txt gives it: set_bit,
 * clear_bit and change_bit are atomic but unordered; test_and_set_bit,
 * test_and_clear_bit and test_and_change_bit are atomic and fully ordered;
 * test_and_set_bit_lock is an acquire, clear_bit_unlock a release. The
 * __-prefixed forms are neither atomic nor ordered: use them only on a
 * bitmap nobody else changes at the same time.
 *
 * Emulation notes: the atomic forms are gcc __atomic builtins on one
 * unsigned long: relaxed for the unordered ones, sequentially consistent
 * for the fully ordered ones (on x86-64 both are one LOCK-prefixed
 * instruction, a full barrier, as in Linux). A test_and_* that finds the
 * bit already as wanted is still ordered (Linux allows it not to be). nr is
 * taken as unsigned: a negative nr (which x86 Linux's BTS would accept) is
 * not supported.
 */
#ifndef _ASM_X86_BITOPS_H
#define _ASM_X86_BITOPS_H

#include <linux/bits.h>
#include <linux/compiler.h>
#include <linux/types.h>
#include <asm/barrier.h>

/* The word holding bit nr, as the atomic builtins want it. */
#define __bitop_word(nr, addr) ((volatile unsigned long *)(addr) + BIT_WORD((unsigned long)(nr)))
/* The same for the non-atomic forms: a plain word gcc may combine accesses to. */
#define __bitop_plain(nr, addr) ((unsigned long *)(addr) + BIT_WORD((unsigned long)(nr)))

static __always_inline void set_bit(long nr, volatile unsigned long *addr)
{
	__atomic_fetch_or(__bitop_word(nr, addr), BIT_MASK((unsigned long)nr), __ATOMIC_RELAXED);
}

static __always_inline void clear_bit(long nr, volatile unsigned long *addr)
{
	__atomic_fetch_and(__bitop_word(nr, addr), ~BIT_MASK((unsigned long)nr), __ATOMIC_RELAXED);
}

static __always_inline void change_bit(long nr, volatile unsigned long *addr)
{
	__atomic_fetch_xor(__bitop_word(nr, addr), BIT_MASK((unsigned long)nr), __ATOMIC_RELAXED);
}

/* Each returns the bit's value before the change. */
static __always_inline bool test_and_set_bit(long nr, volatile unsigned long *addr)
{
	unsigned long mask = BIT_MASK((unsigned long)nr);

	return (__atomic_fetch_or(__bitop_word(nr, addr), mask, __ATOMIC_SEQ_CST) & mask) != 0;
}

static __always_inline bool test_and_clear_bit(long nr, volatile unsigned long *addr)
{
	unsigned long mask = BIT_MASK((unsigned long)nr);

	return (__atomic_fetch_and(__bitop_word(nr, addr), ~mask, __ATOMIC_SEQ_CST) & mask) != 0;
}

static __always_inline bool test_and_change_bit(long nr, volatile unsigned long *addr)
{
	unsigned long mask = BIT_MASK((unsigned long)nr);

	return (__atomic_fetch_xor(__bitop_word(nr, addr), mask, __ATOMIC_SEQ_CST) & mask) != 0;
}

/* A bit lock: taken when test_and_set_bit_lock returns false. */
static __always_inline bool test_and_set_bit_lock(long nr, volatile unsigned long *addr)
{
	unsigned long mask = BIT_MASK((unsigned long)nr);

	return (__atomic_fetch_or(__bitop_word(nr, addr), mask, __ATOMIC_ACQUIRE) & mask) != 0;
}

static __always_inline void clear_bit_unlock(long nr, volatile unsigned long *addr)
{
	__atomic_fetch_and(__bitop_word(nr, addr), ~BIT_MASK((unsigned long)nr), __ATOMIC_RELEASE);
}

/* A release, not atomic: only the lock holder writes the word meanwhile. */
static __always_inline void __clear_bit_unlock(long nr, volatile unsigned long *addr)
{
	volatile unsigned long *p = __bitop_word(nr, addr);

	__atomic_store_n(p, *p & ~BIT_MASK((unsigned long)nr), __ATOMIC_RELEASE);
}

/* Clears bit nr, a release; true if the word's bit 7 is then set (Linux's API). */
static __always_inline bool clear_bit_unlock_is_negative_byte(long nr, volatile unsigned long *addr)
{
	unsigned long old = __atomic_fetch_and(__bitop_word(nr, addr), ~BIT_MASK((unsigned long)nr),
					       __ATOMIC_RELEASE);

	return (old & BIT(7)) != 0;
}

static __always_inline void __set_bit(unsigned long nr, volatile unsigned long *addr)
{
	*__bitop_plain(nr, addr) |= BIT_MASK(nr);
}

static __always_inline void __clear_bit(unsigned long nr, volatile unsigned long *addr)
{
	*__bitop_plain(nr, addr) &= ~BIT_MASK(nr);
}

static __always_inline void __change_bit(unsigned long nr, volatile unsigned long *addr)
{
	*__bitop_plain(nr, addr) ^= BIT_MASK(nr);
}

static __always_inline bool __test_and_set_bit(unsigned long nr, volatile unsigned long *addr)
{
	unsigned long *p = __bitop_plain(nr, addr);
	unsigned long old = *p;

	*p = old | BIT_MASK(nr);
	return (old & BIT_MASK(nr)) != 0;
}

static __always_inline bool __test_and_clear_bit(unsigned long nr, volatile unsigned long *addr)
{
	unsigned long *p = __bitop_plain(nr, addr);
	unsigned long old = *p;

	*p = old & ~BIT_MASK(nr);
	return (old & BIT_MASK(nr)) != 0;
}

static __always_inline bool __test_and_change_bit(unsigned long nr, volatile unsigned long *addr)
{
	unsigned long *p = __bitop_plain(nr, addr);
	unsigned long old = *p;

	*p = old ^ BIT_MASK(nr);
	return (old & BIT_MASK(nr)) != 0;
}

/* Reads the bit once (READ_ONCE semantics: a concurrent change is seen whole). */
static __always_inline bool test_bit(long nr, const volatile unsigned long *addr)
{
	return (READ_ONCE(addr[BIT_WORD((unsigned long)nr)]) & BIT_MASK((unsigned long)nr)) != 0;
}

/* test_bit, and no later access passes it (an acquire). */
static __always_inline bool test_bit_acquire(long nr, const volatile unsigned long *addr)
{
	unsigned long word = __atomic_load_n(addr + BIT_WORD((unsigned long)nr), __ATOMIC_ACQUIRE);

	return (word & BIT_MASK((unsigned long)nr)) != 0;
}

/*
 * Bit searches within one word. ffs/fls count from 1 and return 0 for no
 * bit; __ffs/__fls/ffz count from 0 and are undefined for 0 (__ffs, __fls)
 * or ~0 (ffz), as in Linux.
 */

/* The lowest set bit of x, from 1; 0 if x is 0. */
static __always_inline int ffs(int x)
{
	return __builtin_ffs(x);
}

/* The highest set bit of x, from 1; 0 if x is 0 (fls(1) is 1, fls(0x80000000) 32). */
static __always_inline int fls(unsigned int x)
{
	return x ? (int)(sizeof(x) * 8) - __builtin_clz(x) : 0;
}

/* The highest set bit of x, from 1; 0 if x is 0. */
static __always_inline int fls64(__u64 x)
{
	return x ? 64 - __builtin_clzll(x) : 0;
}

/* The index (from 0) of the lowest set bit; word must not be 0. */
static __always_inline unsigned long __ffs(unsigned long word)
{
	return (unsigned long)__builtin_ctzl(word);
}

/* The index (from 0) of the highest set bit; word must not be 0. */
static __always_inline unsigned long __fls(unsigned long word)
{
	return (unsigned long)(BITS_PER_LONG - 1 - __builtin_clzl(word));
}

/* The index (from 0) of the lowest clear bit; word must not be ~0UL. */
static __always_inline unsigned long ffz(unsigned long word)
{
	return __ffs(~word);
}

/*
 * The little-endian bit numbering of a byte array (bit nr is bit nr % 8 of
 * byte nr / 8), which on x86 is the native one.
 */
static __always_inline bool test_bit_le(int nr, const void *addr)
{
	return test_bit(nr, (const volatile unsigned long *)addr);
}

static __always_inline void set_bit_le(int nr, void *addr)
{
	set_bit(nr, (volatile unsigned long *)addr);
}

static __always_inline void clear_bit_le(int nr, void *addr)
{
	clear_bit(nr, (volatile unsigned long *)addr);
}

static __always_inline void __set_bit_le(int nr, void *addr)
{
	__set_bit(nr, (volatile unsigned long *)addr);
}

static __always_inline void __clear_bit_le(int nr, void *addr)
{
	__clear_bit(nr, (volatile unsigned long *)addr);
}

static __always_inline bool test_and_set_bit_le(int nr, void *addr)
{
	return test_and_set_bit(nr, (volatile unsigned long *)addr);
}

static __always_inline bool test_and_clear_bit_le(int nr, void *addr)
{
	return test_and_clear_bit(nr, (volatile unsigned long *)addr);
}

#endif /* _ASM_X86_BITOPS_H */
