/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * lockdep.h - the lock validator's hooks inside the shim: around each
 * call into a driver (an interrupt handler, a timer, a work item, probe,
 * a module's init), so a driver that returns with a lock it took still
 * held is reported by the callback's name, and before a task blocks.
 * The leaks checker shares the callback hooks: what a task allocates
 * inside one is the driver's (leaks_mem.c). Each costs one branch while
 * both checkers are off.
 */
#ifndef ULDD_SHIM_DEBUG_LOCKDEP_H
#define ULDD_SHIM_DEBUG_LOCKDEP_H

#include <linux/compiler.h>
#include <uldd/debug.h>

/* Out of line: the current task's held-lock depth, and the check at return. */
unsigned int __uldd_lockdep_cb_enter(void);
void __uldd_lockdep_cb_exit(unsigned int depth, const char *what, const void *fn);
void __uldd_lockdep_sleep(const char *what);
/*
 * uldd_lock_acquire() for the sleeping locks' out-of-line functions:
 * ip is where their caller called them (a held lock's one frame when
 * no stack was saved for it).
 */
void uldd_lock_acquire_ip(const void *lock, unsigned int flags, void *ip);
/* Forgets the current task's held locks (a kthread that ends). */
void __uldd_lockdep_task_exit(void);

/* leaks_mem.c: the current task enters or leaves a driver callback. */
void uldd_leaks_driver_enter(void);
void uldd_leaks_driver_exit(void);
bool uldd_leaks_in_driver(void);
/* Blocks the leaks checker holds now. */
unsigned long uldd_leaks_mem_live(void);

static __always_inline unsigned int uldd_lockdep_cb_enter(void)
{
	return uldd_debug_on(ULDD_DEBUG_LOCKDEP | ULDD_DEBUG_LEAKS) ? __uldd_lockdep_cb_enter() : 0;
}

/* what: "timer callback", "work item", ...; fn: the driver's function, for its name. */
static __always_inline void uldd_lockdep_cb_exit(unsigned int depth, const char *what,
						 const void *fn)
{
	if (uldd_debug_on(ULDD_DEBUG_LOCKDEP | ULDD_DEBUG_LEAKS))
		__uldd_lockdep_cb_exit(depth, what, fn);
}

/* Before the current task blocks: reports spinning locks it holds. */
static __always_inline void uldd_lockdep_sleep(const char *what)
{
	if (uldd_debug_on(ULDD_DEBUG_LOCKDEP))
		__uldd_lockdep_sleep(what);
}

static __always_inline void uldd_lockdep_task_exit(void)
{
	if (uldd_debug_on(ULDD_DEBUG_LOCKDEP))
		__uldd_lockdep_task_exit();
}

/* Dependencies and classes so far (for tests and the closing line). */
unsigned long uldd_lockdep_nr_edges(void);
unsigned long uldd_lockdep_nr_classes(void);

#endif /* ULDD_SHIM_DEBUG_LOCKDEP_H */
