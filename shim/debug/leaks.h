/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * leaks.h - the leaks checker's hooks for resources (leaks_res.c): what a
 * driver callback requested (an IRQ, a kthread) or armed (a timer, which
 * delayed work is too), with the stack that did it, so that what is still
 * there after every module exited is reported. One branch each while the
 * checker is off; only a task inside a driver callback records.
 */
#ifndef ULDD_SHIM_DEBUG_LEAKS_H
#define ULDD_SHIM_DEBUG_LEAKS_H

#include <linux/compiler.h>
#include <uldd/debug.h>

#include "lockdep.h" /* uldd_leaks_in_driver() */

enum uldd_leaks_res {
	ULDD_RES_IRQ, /* key: the irqaction; arg: the IRQ number */
	ULDD_RES_TIMER, /* key: the uldd_tnode of a timer, hrtimer or delayed work */
	ULDD_RES_KTHREAD, /* key: the task */
};

/* Records (or re-records) key with the caller's stack; fn: the driver's function. */
void __uldd_leaks_res_add(enum uldd_leaks_res kind, const void *key, unsigned long arg,
			  const void *fn);
void __uldd_leaks_res_del(enum uldd_leaks_res kind, const void *key);
/* kernel/time/timer.c: the timer nodes pending now (up to max in out); how many. */
struct uldd_tnode;
unsigned int uldd_tnode_pending_list(struct uldd_tnode **out, unsigned int max);

/* Resources recorded now (for tests). */
unsigned long uldd_leaks_res_live(void);

static __always_inline void uldd_leaks_res_add(enum uldd_leaks_res kind, const void *key,
					       unsigned long arg, const void *fn)
{
	if (uldd_debug_on(ULDD_DEBUG_LEAKS) && uldd_leaks_in_driver())
		__uldd_leaks_res_add(kind, key, arg, fn);
}

static __always_inline void uldd_leaks_res_del(enum uldd_leaks_res kind, const void *key)
{
	if (uldd_debug_on(ULDD_DEBUG_LEAKS))
		__uldd_leaks_res_del(kind, key);
}

#endif /* ULDD_SHIM_DEBUG_LEAKS_H */
