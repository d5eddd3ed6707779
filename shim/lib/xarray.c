// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * lib/xarray.c - struct xarray (linux/xarray.h) as one array of present
 * entries sorted by index, found by binary search, in the private heap.
 * Every call takes xa_lock irqsave; xa_store() lets it go to allocate a
 * larger array with the caller's gfp, then looks again.
 */
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/xarray.h>

#include "../mm/private.h"

struct uldd_xa_slot {
	unsigned long index;
	void *entry;
	unsigned int marks; /* bit n: XA_MARK_n */
};

struct uldd_xa_slots {
	unsigned int nr;
	unsigned int cap;
	struct uldd_xa_slot slot[];
};

#define XA_FIRST_CAP 8U

/* The position of index in s, or where it would go; *found says which. */
static unsigned int xa_pos(const struct uldd_xa_slots *s, unsigned long index, bool *found)
{
	unsigned int lo = 0, hi = s ? s->nr : 0;

	while (lo < hi) {
		unsigned int mid = lo + (hi - lo) / 2;

		if (s->slot[mid].index < index)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = s && lo < s->nr && s->slot[lo].index == index;
	return lo;
}

void *xa_load(struct xarray *xa, unsigned long index)
{
	struct uldd_xa_slots *s;
	unsigned long flags;
	void *entry = NULL;
	unsigned int i;
	bool found;

	xa_lock_irqsave(xa, flags);
	s = xa->xa_head;
	i = xa_pos(s, index, &found);
	if (found)
		entry = s->slot[i].entry;
	xa_unlock_irqrestore(xa, flags);
	return entry;
}

/* Takes slot i out; the array is freed with its last entry. Lock held. */
static void *xa_remove_at(struct xarray *xa, unsigned int i)
{
	struct uldd_xa_slots *s = xa->xa_head;
	void *old = s->slot[i].entry;

	memmove(&s->slot[i], &s->slot[i + 1], (s->nr - i - 1) * sizeof(s->slot[0]));
	if (--s->nr == 0) {
		xa->xa_head = NULL;
		uldd_private_free(s);
	}
	return old;
}

/*
 * Stores entry at index. With only_new, an occupied index is left alone
 * and -EBUSY comes back as an error entry.
 */
static void *xa_put(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp, bool only_new)
{
	struct uldd_xa_slots *s, *grown = NULL;
	unsigned long flags;
	unsigned int i;
	bool found;
	void *old;

	if (xa_is_internal(entry))
		return xa_mk_internal(-EINVAL);
	for (;;) {
		xa_lock_irqsave(xa, flags);
		s = xa->xa_head;
		i = xa_pos(s, index, &found);
		if (found) {
			old = s->slot[i].entry;
			if (only_new)
				old = xa_mk_internal(-EBUSY);
			else if (entry)
				s->slot[i].entry = entry;
			else
				xa_remove_at(xa, i);
			break;
		}
		old = NULL;
		if (!entry)
			break;
		if (!s || s->nr == s->cap) {
			unsigned int need = s ? s->cap * 2 : XA_FIRST_CAP;

			if (grown && grown->cap >= need) {
				if (s)
					memcpy(grown->slot, s->slot, s->nr * sizeof(s->slot[0]));
				grown->nr = s ? s->nr : 0;
				xa->xa_head = grown;
				uldd_private_free(s);
				s = grown;
				grown = NULL;
			} else {
				/* Allocate unlocked, with the caller's gfp, then look again. */
				xa_unlock_irqrestore(xa, flags);
				uldd_private_free(grown);
				grown = uldd_private_alloc(sizeof(*grown) +
								   need * sizeof(grown->slot[0]),
							   gfp & ~__GFP_ZERO);
				if (!grown)
					return xa_mk_internal(-ENOMEM);
				grown->cap = need;
				continue;
			}
		}
		memmove(&s->slot[i + 1], &s->slot[i], (s->nr - i) * sizeof(s->slot[0]));
		s->slot[i].index = index;
		s->slot[i].entry = entry;
		s->slot[i].marks = 0;
		s->nr++;
		break;
	}
	xa_unlock_irqrestore(xa, flags);
	uldd_private_free(grown);
	return old;
}

void *xa_store(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp)
{
	return xa_put(xa, index, entry, gfp, false);
}

void *xa_erase(struct xarray *xa, unsigned long index)
{
	return xa_put(xa, index, NULL, 0, false);
}

int xa_insert(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp)
{
	if (!entry)
		return -EINVAL;
	return xa_err(xa_put(xa, index, entry, gfp, true));
}

static bool xa_accepts(const struct uldd_xa_slot *slot, xa_mark_t filter)
{
	if (filter > XA_MARK_MAX)
		return true;
	return slot->marks & (1U << filter);
}

/* The first accepted entry with first <= index <= max. */
static void *xa_search(struct xarray *xa, unsigned long *indexp, unsigned long first,
		       unsigned long max, xa_mark_t filter)
{
	struct uldd_xa_slots *s;
	unsigned long flags;
	void *entry = NULL;
	unsigned int i;
	bool found;

	xa_lock_irqsave(xa, flags);
	s = xa->xa_head;
	for (i = xa_pos(s, first, &found); s && i < s->nr && s->slot[i].index <= max; i++) {
		if (xa_accepts(&s->slot[i], filter)) {
			entry = s->slot[i].entry;
			*indexp = s->slot[i].index;
			break;
		}
	}
	xa_unlock_irqrestore(xa, flags);
	return entry;
}

void *xa_find(struct xarray *xa, unsigned long *indexp, unsigned long max, xa_mark_t filter)
{
	if (*indexp > max)
		return NULL;
	return xa_search(xa, indexp, *indexp, max, filter);
}

void *xa_find_after(struct xarray *xa, unsigned long *indexp, unsigned long max, xa_mark_t filter)
{
	if (*indexp >= max)
		return NULL;
	return xa_search(xa, indexp, *indexp + 1, max, filter);
}

static void xa_mark(struct xarray *xa, unsigned long index, xa_mark_t mark, bool set)
{
	struct uldd_xa_slots *s;
	unsigned long flags;
	unsigned int i;
	bool found;

	if (mark > XA_MARK_MAX)
		return;
	xa_lock_irqsave(xa, flags);
	s = xa->xa_head;
	i = xa_pos(s, index, &found);
	if (found) {
		if (set)
			s->slot[i].marks |= 1U << mark;
		else
			s->slot[i].marks &= ~(1U << mark);
	}
	xa_unlock_irqrestore(xa, flags);
}

void xa_set_mark(struct xarray *xa, unsigned long index, xa_mark_t mark)
{
	xa_mark(xa, index, mark, true);
}

void xa_clear_mark(struct xarray *xa, unsigned long index, xa_mark_t mark)
{
	xa_mark(xa, index, mark, false);
}

bool xa_get_mark(struct xarray *xa, unsigned long index, xa_mark_t mark)
{
	struct uldd_xa_slots *s;
	unsigned long flags;
	bool found, set = false;
	unsigned int i;

	if (mark > XA_MARK_MAX)
		return false;
	xa_lock_irqsave(xa, flags);
	s = xa->xa_head;
	i = xa_pos(s, index, &found);
	if (found)
		set = s->slot[i].marks & (1U << mark);
	xa_unlock_irqrestore(xa, flags);
	return set;
}

void xa_destroy(struct xarray *xa)
{
	struct uldd_xa_slots *s;
	unsigned long flags;

	xa_lock_irqsave(xa, flags);
	s = xa->xa_head;
	xa->xa_head = NULL;
	xa_unlock_irqrestore(xa, flags);
	uldd_private_free(s);
}
