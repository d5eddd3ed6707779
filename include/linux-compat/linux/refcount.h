/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/refcount.h - reference counts that never wrap. Counting up from a
 * value past REFCOUNT_MAX, up from 0 (the object may be freed already) or
 * down below 0 leaves the count at REFCOUNT_SATURATED (INT_MIN / 2, a
 * negative int: 0xc0000000), where it stays: the object leaks instead of
 * being freed while still in use. refcount_warn_saturate() sets that value
 * and reports the event.
 *
 * Ordering, as Documentation/core-api/refcount-vs-atomic.rst gives it:
 * set, read, inc, add, inc_not_zero and add_not_zero are unordered (a
 * successful *_not_zero orders later stores by its control dependency);
 * dec, sub_and_test and dec_and_test are releases, and the *_and_test
 * that return true are also acquires, so the freeing code sees every access
 * other holders made before their last put.
 *
 * Emulation notes: the warning is a printk at KERN_WARNING, once per kind
 * of event for the whole process (Linux's WARN_ONCE also prints a
 * backtrace and taints the kernel). As in Linux the saturating ops are
 * not one atomic step: between the bad add and the saturating store,
 * another CPU may see the wrapped value.
 */
#ifndef _LINUX_REFCOUNT_H
#define _LINUX_REFCOUNT_H

#include <linux/atomic.h>
#include <linux/compiler.h>
#include <linux/limits.h>
#include <linux/types.h>

typedef struct refcount_struct {
	atomic_t refs;
} refcount_t;

_Static_assert(sizeof(refcount_t) == sizeof(int), "refcount_t layout: an atomic_t");

#define REFCOUNT_INIT(n)                \
	{                               \
		.refs = ATOMIC_INIT(n), \
	}
#define REFCOUNT_MAX INT_MAX
#define REFCOUNT_SATURATED (INT_MIN / 2)

/* What refcount_warn_saturate reports. */
enum refcount_saturation_type {
	REFCOUNT_ADD_NOT_ZERO_OVF, /* add_not_zero/inc_not_zero passed REFCOUNT_MAX */
	REFCOUNT_ADD_OVF, /* add/inc passed REFCOUNT_MAX */
	REFCOUNT_ADD_UAF, /* add/inc on 0: a use after free */
	REFCOUNT_SUB_UAF, /* sub_and_test/dec_and_test below 0: a use after free */
	REFCOUNT_DEC_LEAK, /* dec reached 0: nobody frees the object */
};

/* Saturates r and warns (once per kind). In shim/lib/refcount.c. */
void refcount_warn_saturate(refcount_t *r, enum refcount_saturation_type t);

static inline void refcount_set(refcount_t *r, int n)
{
	atomic_set(&r->refs, n);
}

static inline void refcount_set_release(refcount_t *r, int n)
{
	atomic_set_release(&r->refs, n);
}

static inline unsigned int refcount_read(const refcount_t *r)
{
	return (unsigned int)atomic_read(&r->refs);
}

/* old + i, without signed overflow (it wraps, as the counter did). */
static inline int __refcount_sum(int old, int i)
{
	return (int)((unsigned int)old + (unsigned int)i);
}

/* Adds i unless the count is 0; true if it added. */
static inline __must_check bool refcount_add_not_zero(int i, refcount_t *r)
{
	int old = atomic_read(&r->refs);

	do {
		if (!old)
			break;
	} while (!atomic_try_cmpxchg_relaxed(&r->refs, &old, __refcount_sum(old, i)));
	if (unlikely(old < 0 || __refcount_sum(old, i) < 0))
		refcount_warn_saturate(r, REFCOUNT_ADD_NOT_ZERO_OVF);
	return old != 0;
}

static inline __must_check bool refcount_inc_not_zero(refcount_t *r)
{
	return refcount_add_not_zero(1, r);
}

/* Adds i; on a count of 0 (a freed object) or past REFCOUNT_MAX, saturates. */
static inline void refcount_add(int i, refcount_t *r)
{
	int old = atomic_fetch_add_relaxed(i, &r->refs);

	if (unlikely(!old))
		refcount_warn_saturate(r, REFCOUNT_ADD_UAF);
	else if (unlikely(old < 0 || __refcount_sum(old, i) < 0))
		refcount_warn_saturate(r, REFCOUNT_ADD_OVF);
}

static inline void refcount_inc(refcount_t *r)
{
	refcount_add(1, r);
}

/* Subtracts i; true if that made the count 0 (the caller frees the object). */
static inline __must_check bool refcount_sub_and_test(int i, refcount_t *r)
{
	int old = atomic_fetch_sub_release(i, &r->refs);

	if (old == i) {
		smp_acquire__after_ctrl_dep();
		return true;
	}
	if (unlikely(old < 0 || __refcount_sum(old, -i) < 0))
		refcount_warn_saturate(r, REFCOUNT_SUB_UAF);
	return false;
}

static inline __must_check bool refcount_dec_and_test(refcount_t *r)
{
	return refcount_sub_and_test(1, r);
}

/* Drops a reference that is never the last: reaching 0 is a leak, and saturates. */
static inline void refcount_dec(refcount_t *r)
{
	if (unlikely(atomic_fetch_sub_release(1, &r->refs) <= 1))
		refcount_warn_saturate(r, REFCOUNT_DEC_LEAK);
}

/* Moves the count from 1 to 0; true if it did (it was 1). */
static inline __must_check bool refcount_dec_if_one(refcount_t *r)
{
	int val = 1;

	return atomic_try_cmpxchg_release(&r->refs, &val, 0);
}

#endif /* _LINUX_REFCOUNT_H */
