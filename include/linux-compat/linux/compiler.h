/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/compiler.h - branch hints, the compiler barrier and READ_ONCE/
 * WRITE_ONCE: accesses the compiler must do exactly once, whole, in program
 * order with each other (no tearing, merging or re-reading).
 *
 * Emulation notes: READ_ONCE/WRITE_ONCE are plain volatile accesses (Linux
 * adds KCSAN hooks and, on alpha, a barrier); like Linux they accept only
 * 1, 2, 4 and 8 byte objects, checked at compile time. Under ThreadSanitizer
 * (make SANITIZE=thread) they are relaxed atomics instead, the same single
 * mov on x86-64: TSan then treats them as KCSAN treats Linux's marked
 * accesses, never racing with each other, and data_race() hides one
 * intentionally racy expression from it, as KCSAN's does.
 */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

#include <linux/compiler_types.h>

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

/* The compiler keeps memory accesses on their side of this point. */
#define barrier() __asm__ __volatile__("" : : : "memory")
/*
 * A pointer the compiler may not reason about (its object's bounds): for
 * an address computed from a constant, which gcc would otherwise check
 * against the object at that address.
 */
#define absolute_pointer(val)                              \
	({                                                 \
		unsigned long __ap = (unsigned long)(val); \
		__asm__("" : "+r"(__ap));                  \
		(void *)__ap;                              \
	})

#define unreachable() __builtin_unreachable()

/* Whether a type is signed or unsigned, as constant expressions (any integer type). */
#define is_signed_type(type) (((type)(-1)) < (__force type)1)
#define is_unsigned_type(type) (!is_signed_type(type))

/* x is known true at compile time (never evaluates x at run time). */
#define statically_true(x) (__builtin_constant_p(x) && (x))

/*
 * 0, or a build error with msg when e (an integer constant expression) is
 * true. An expression, usable where a statement is not.
 */
#define __zero_or_build_error(e, msg)       \
	(0 * (int)sizeof(struct {           \
		 _Static_assert(!(e), msg); \
		 char __c;                  \
	 }))

/* 0 for an array; a build error for a pointer (ARRAY_SIZE of a pointer). */
#define __must_be_array(a) __zero_or_build_error(__same_type((a), &(a)[0]), "must be array")

#define __ONCE_SIZE_OK(x) (sizeof(x) == 1 || sizeof(x) == 2 || sizeof(x) == 4 || sizeof(x) == 8)

#ifdef __SANITIZE_THREAD__
/* (void)0, x: an rvalue, so the copy's type drops x's const and volatile. */
#define __READ_ONCE(x)                                            \
	({                                                        \
		typeof((void)0, (x)) __ro_val;                    \
		__atomic_load(&(x), &__ro_val, __ATOMIC_RELAXED); \
		__ro_val;                                         \
	})
#define __WRITE_ONCE(x, val)                                       \
	do {                                                       \
		typeof((void)0, (x)) __wo_val = (val);             \
		__atomic_store(&(x), &__wo_val, __ATOMIC_RELAXED); \
	} while (0)

/* The runtime's switch for this thread's accesses (libtsan; kworld.allow). */
void __tsan_ignore_thread_begin(void);
void __tsan_ignore_thread_end(void);

/*
 * expr reads or writes memory that another thread may change at the same
 * time, and the code is correct whatever it sees (a statistic, a hint
 * checked again under a lock): no report. Each use says why it is benign.
 */
#define data_race(expr)                        \
	({                                     \
		__tsan_ignore_thread_begin();  \
		__auto_type __dr_val = (expr); \
		__tsan_ignore_thread_end();    \
		__dr_val;                      \
	})
#else
#define __READ_ONCE(x) (*(const volatile typeof(x) *)&(x))
#define __WRITE_ONCE(x, val) (*(volatile typeof(x) *)&(x) = (val))
#define data_race(expr) (expr)
#endif

#define READ_ONCE(x)                                                            \
	({                                                                      \
		_Static_assert(__ONCE_SIZE_OK(x), "READ_ONCE of a non-scalar"); \
		__READ_ONCE(x);                                                 \
	})

#define WRITE_ONCE(x, val)                                                       \
	do {                                                                     \
		_Static_assert(__ONCE_SIZE_OK(x), "WRITE_ONCE of a non-scalar"); \
		__WRITE_ONCE(x, val);                                            \
	} while (0)

#endif /* _LINUX_COMPILER_H */
