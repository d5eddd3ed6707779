/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/idr.h - ID allocators. An ida hands out the lowest free integer of
 * a range (a controller's or a namespace's instance number) until it is
 * freed; ida_alloc* may sleep with GFP_KERNEL and return the ID or
 * -ENOMEM, or -ENOSPC when the range is full. ida_free() of an ID not
 * allocated warns.
 *
 * Emulation notes: the IDs are the indices of an xarray (linux/xarray.h),
 * so an allocation searches the allocated IDs in order: fine for the tens
 * of IDs a driver holds. struct idr is not provided.
 */
#ifndef _LINUX_IDR_H
#define _LINUX_IDR_H

#include <linux/gfp_types.h>
#include <linux/limits.h>
#include <linux/types.h>
#include <linux/xarray.h>

struct ida {
	struct xarray xa;
};

#define IDA_INIT_FLAGS XA_FLAGS_LOCK_IRQ
#define IDA_INIT(name)                                     \
	{                                                  \
		.xa = XARRAY_INIT(name.xa, IDA_INIT_FLAGS) \
	}
#define DEFINE_IDA(name) struct ida name = IDA_INIT(name)

static inline void ida_init(struct ida *ida)
{
	xa_init_flags(&ida->xa, IDA_INIT_FLAGS);
}

static inline bool ida_is_empty(const struct ida *ida)
{
	return xa_empty(&ida->xa);
}

/* The lowest free ID in [min, max] (max is taken as INT_MAX at most). */
int ida_alloc_range(struct ida *ida, unsigned int min, unsigned int max, gfp_t gfp);
void ida_free(struct ida *ida, unsigned int id);
/* Frees every ID. */
void ida_destroy(struct ida *ida);

static inline int ida_alloc(struct ida *ida, gfp_t gfp)
{
	return ida_alloc_range(ida, 0, ~0U, gfp);
}

static inline int ida_alloc_min(struct ida *ida, unsigned int min, gfp_t gfp)
{
	return ida_alloc_range(ida, min, ~0U, gfp);
}

static inline int ida_alloc_max(struct ida *ida, unsigned int max, gfp_t gfp)
{
	return ida_alloc_range(ida, 0, max, gfp);
}

/* The old names. */
#define ida_simple_get(ida, start, end, gfp) ida_alloc_range(ida, start, (end) ? (end)-1 : ~0U, gfp)
#define ida_simple_remove(ida, id) ida_free(ida, id)

#endif /* _LINUX_IDR_H */
