/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/mm_types.h - struct page: the descriptor of one 4 KiB page of the
 * DMA arena. The shim keeps one per page in the arena chunk it describes
 * (shim/mm/arena.h); drivers hold pointers to it and use the helpers of
 * linux/mm.h, not its fields.
 *
 * Emulation notes: the layout is uldd's (64 bytes, as in Linux): the
 * fields Linux drivers may name keep their names (flags, private,
 * _refcount, virtual), the allocator's own state is the one private
 * member at the end. As in Linux with WANT_PAGE_VIRTUAL, page_address()
 * reads "virtual". _refcount is an int changed with atomic builtins (the
 * kernel's atomic_t wraps the same int).
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/types.h>

struct page {
	/* The allocator's bits (what the page is used for, its order). */
	unsigned long flags;
	/* Bit 0 set: a tail page of a compound block, the rest points at its head. */
	unsigned long compound_head;
	/* For the page's owner: whoever allocated it may keep a word here. */
	unsigned long private;
	/* The page's address, set once when the arena grows. */
	void *virtual;
	/* References: 1 from alloc_pages(); the last put_page() frees. */
	int _refcount;
	unsigned int __reserved;
	/* shim/mm/'s state: free-list links, the slab cache of a slab page. */
	unsigned long uldd_state[3];
};

#endif /* _LINUX_MM_TYPES_H */
