// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * lib/idr.c - ida (linux/idr.h) over its xarray: an allocated ID is a
 * present index. An allocation finds the first gap at or above min, then
 * claims it with xa_insert(); a concurrent caller that took the same gap
 * first makes it look again, so callers need no lock of their own.
 */
#include <linux/bug.h>
#include <linux/idr.h>
#include <linux/kernel.h>
#include <linux/limits.h>
#include <linux/xarray.h>

int ida_alloc_range(struct ida *ida, unsigned int min, unsigned int max, gfp_t gfp)
{
	if (max > INT_MAX)
		max = INT_MAX;
	if (min > max)
		return -ENOSPC;
	for (;;) {
		unsigned long want = min, index = min;
		int err;

		/* Present IDs come in order: the first that is not 'want' leaves a gap. */
		while (xa_find(&ida->xa, &index, max, XA_PRESENT) && index == want) {
			if (want == max)
				return -ENOSPC;
			want++;
			index = want;
		}
		err = xa_insert(&ida->xa, want, xa_mk_value(1), gfp);
		if (err == -EBUSY)
			continue;
		return err ? err : (int)want;
	}
}

void ida_free(struct ida *ida, unsigned int id)
{
	if (!xa_erase(&ida->xa, id))
		WARN(1, "ida_free: %u was not allocated\n", id);
}

void ida_destroy(struct ida *ida)
{
	xa_destroy(&ida->xa);
}
