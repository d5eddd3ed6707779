/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/kref.h - a reference count embedded in an object, with a release
 * function called when the last reference is put. A refcount_t underneath
 * (linux/refcount.h): it saturates instead of wrapping, and the release
 * runs after every other holder's accesses (acquire ordering on the last
 * put).
 *
 * Emulation notes: kref_put_mutex and kref_put_lock come with the locking
 * headers that they need.
 */
#ifndef _LINUX_KREF_H
#define _LINUX_KREF_H

#include <linux/compiler.h>
#include <linux/refcount.h>

struct kref {
	refcount_t refcount;
};

_Static_assert(sizeof(struct kref) == sizeof(int), "struct kref layout: a refcount_t");

#define KREF_INIT(n)                          \
	{                                     \
		.refcount = REFCOUNT_INIT(n), \
	}

/* One reference: the creator's. */
static inline void kref_init(struct kref *kref)
{
	refcount_set(&kref->refcount, 1);
}

static inline unsigned int kref_read(const struct kref *kref)
{
	return refcount_read(&kref->refcount);
}

/* Takes a reference; the caller must already hold one. */
static inline void kref_get(struct kref *kref)
{
	refcount_inc(&kref->refcount);
}

/*
 * Drops a reference; the last one calls release(kref), which frees the
 * object. Returns 1 if release was called, else 0.
 */
static inline int kref_put(struct kref *kref, void (*release)(struct kref *kref))
{
	if (refcount_dec_and_test(&kref->refcount)) {
		release(kref);
		return 1;
	}
	return 0;
}

/*
 * Takes a reference unless the count is already 0 (the object is being
 * released): for lookups under a lock that release also takes. Returns
 * nonzero if it took one.
 */
static inline int __must_check kref_get_unless_zero(struct kref *kref)
{
	return refcount_inc_not_zero(&kref->refcount);
}

#endif /* _LINUX_KREF_H */
