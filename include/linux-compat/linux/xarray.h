/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/xarray.h - an array of pointers indexed by unsigned long, as
 * Documentation/core-api/xarray.rst describes it: every index starts out
 * NULL, storing NULL erases, a stored entry can carry marks 0-2, and the
 * search functions visit present entries in index order. Entries must not
 * be internal entries (low bits 10); xa_mk_value() makes an integer storable.
 *
 * Emulation notes: the shim keeps the present entries in one sorted array
 * (shim/lib/xarray.c), which suits the few dozen entries a driver keeps.
 * xa_load() and the searches take xa_lock (irqsave) instead of relying on
 * RCU, so they must not be called with xa_lock held, and a pointer they
 * return stays valid only as long as the caller's own rules keep the
 * object alive, as in Linux. The __xa_* forms (called with the lock held)
 * and xa_alloc are not provided.
 */
#ifndef _LINUX_XARRAY_H
#define _LINUX_XARRAY_H

#include <linux/err.h>
#include <linux/errno.h>
#include <linux/gfp_types.h>
#include <linux/limits.h>
#include <linux/spinlock.h>
#include <linux/types.h>

typedef unsigned int xa_mark_t;
#define XA_MARK_0 ((xa_mark_t)0U)
#define XA_MARK_1 ((xa_mark_t)1U)
#define XA_MARK_2 ((xa_mark_t)2U)
/* A search filter: any present entry, marked or not. */
#define XA_PRESENT ((xa_mark_t)8U)
#define XA_MARK_MAX XA_MARK_2

/* How the lock is taken by the xa_* calls: all take it irqsave here. */
enum xa_lock_type {
	XA_LOCK_IRQ = 1,
	XA_LOCK_BH = 2,
};

#define XA_FLAGS_LOCK_IRQ ((gfp_t)XA_LOCK_IRQ)
#define XA_FLAGS_LOCK_BH ((gfp_t)XA_LOCK_BH)

struct xarray {
	spinlock_t xa_lock;
	gfp_t xa_flags;
	/* The shim's sorted entries (struct uldd_xa_slots), NULL when empty. */
	void *xa_head;
};

#define XARRAY_INIT(name, flags)                                                                  \
	{                                                                                         \
		.xa_lock = __SPIN_LOCK_UNLOCKED(name.xa_lock), .xa_flags = flags, .xa_head = NULL \
	}
#define DEFINE_XARRAY_FLAGS(name, flags) struct xarray name = XARRAY_INIT(name, flags)
#define DEFINE_XARRAY(name) DEFINE_XARRAY_FLAGS(name, 0)

/* Integers stored as entries: bit 0 set, so never a pointer. */
static inline void *xa_mk_value(unsigned long v)
{
	return (void *)((v << 1) | 1);
}

static inline unsigned long xa_to_value(const void *entry)
{
	return (unsigned long)entry >> 1;
}

static inline bool xa_is_value(const void *entry)
{
	return (unsigned long)entry & 1;
}

/* Entries no caller may store: low bits 10. Errors are such entries. */
static inline void *xa_mk_internal(unsigned long v)
{
	return (void *)((v << 2) | 2);
}

static inline bool xa_is_internal(const void *entry)
{
	return ((unsigned long)entry & 3) == 2;
}

static inline bool xa_is_err(const void *entry)
{
	return xa_is_internal(entry) && (long)entry >= (long)xa_mk_internal(-MAX_ERRNO);
}

/* The errno an xa_store() result carries, or 0 for a plain entry. */
static inline int xa_err(void *entry)
{
	return xa_is_err(entry) ? (int)((long)entry >> 2) : 0;
}

static inline void xa_init_flags(struct xarray *xa, gfp_t flags)
{
	spin_lock_init(&xa->xa_lock);
	xa->xa_flags = flags;
	xa->xa_head = NULL;
}

static inline void xa_init(struct xarray *xa)
{
	xa_init_flags(xa, 0);
}

static inline bool xa_empty(const struct xarray *xa)
{
	return READ_ONCE(xa->xa_head) == NULL;
}

#define xa_lock(xa) spin_lock(&(xa)->xa_lock)
#define xa_unlock(xa) spin_unlock(&(xa)->xa_lock)
#define xa_lock_irq(xa) spin_lock_irq(&(xa)->xa_lock)
#define xa_unlock_irq(xa) spin_unlock_irq(&(xa)->xa_lock)
#define xa_lock_irqsave(xa, flags) spin_lock_irqsave(&(xa)->xa_lock, flags)
#define xa_unlock_irqrestore(xa, flags) spin_unlock_irqrestore(&(xa)->xa_lock, flags)

/* The entry at index, or NULL. Any context. */
void *xa_load(struct xarray *xa, unsigned long index);
/*
 * Puts entry at index (NULL erases) and returns what was there, or an
 * error entry (xa_err(): -ENOMEM, -EINVAL for an internal entry). May
 * sleep if gfp allows it, to allocate.
 */
void *xa_store(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp);
/* Removes the entry at index and returns it (NULL if none). Any context. */
void *xa_erase(struct xarray *xa, unsigned long index);
/* Stores entry only where index is empty: 0, -EBUSY, or -ENOMEM. */
int xa_insert(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp);
/*
 * The first entry from *indexp to max that filter accepts (XA_PRESENT or a
 * mark), *indexp set to its index; NULL (and *indexp unchanged) if none.
 */
void *xa_find(struct xarray *xa, unsigned long *indexp, unsigned long max, xa_mark_t filter);
/* The same, strictly after *indexp. */
void *xa_find_after(struct xarray *xa, unsigned long *indexp, unsigned long max, xa_mark_t filter);
/* Marks on a present entry; setting one on an empty index does nothing. */
void xa_set_mark(struct xarray *xa, unsigned long index, xa_mark_t mark);
void xa_clear_mark(struct xarray *xa, unsigned long index, xa_mark_t mark);
bool xa_get_mark(struct xarray *xa, unsigned long index, xa_mark_t mark);
/* Drops every entry (not what they point to) and the shim's memory. */
void xa_destroy(struct xarray *xa);

#define xa_for_each_range(xa, index, entry, start, last)                            \
	for (index = (start), entry = xa_find(xa, &index, last, XA_PRESENT); entry; \
	     entry = xa_find_after(xa, &index, last, XA_PRESENT))
#define xa_for_each_start(xa, index, entry, start) \
	xa_for_each_range(xa, index, entry, start, ULONG_MAX)
#define xa_for_each(xa, index, entry) xa_for_each_start(xa, index, entry, 0)
#define xa_for_each_marked(xa, index, entry, filter)                           \
	for (index = 0, entry = xa_find(xa, &index, ULONG_MAX, filter); entry; \
	     entry = xa_find_after(xa, &index, ULONG_MAX, filter))

#endif /* _LINUX_XARRAY_H */
