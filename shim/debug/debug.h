/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * debug.h - what the shim's checkers share (shim/debug/README.md): saved
 * call stacks, and one way to report a bug so that reports never
 * interleave and every one is counted.
 */
#ifndef ULDD_SHIM_DEBUG_H
#define ULDD_SHIM_DEBUG_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <uldd/debug.h>

/* The checkers, as reports count them. */
enum uldd_checker {
	ULDD_CHK_KASAN,
	ULDD_CHK_LOCKDEP,
	ULDD_CHK_DMA,
	ULDD_CHK_LEAKS,
	ULDD_CHK_DMA_STRICT,
	ULDD_CHK_NR,
};

/*
 * A call stack, saved once however often it recurs (a stack depot): the
 * checkers keep one per allocation, lock acquisition or mapping, so equal
 * stacks share their memory. NULL: none (the depot was full, or no
 * checker that saves stacks is on). Entries are never freed.
 */
struct uldd_stack;

/*
 * The caller's stack, without the caller's own skip innermost frames
 * (0 keeps the function that called uldd_stack_save()). Any context; may
 * fail (NULL) under memory pressure.
 */
const struct uldd_stack *uldd_stack_save(unsigned int skip);
/* Its frames in the log, named as an oops names them; NULL prints a line saying so. */
void uldd_stack_print(const struct uldd_stack *s);

/*
 * A report: uldd_report_start() takes the report lock and prints the
 * opening rule and "BUG: " followed by the formatted title; the checker
 * then prints its lines with pr_err(), and uldd_report_end() prints the
 * closing rule and drops the lock. Any context; every report is
 * counted, and one started inside another (a checker tripping on itself
 * while it reports) nests in it instead of deadlocking.
 */
__printf(2, 3) void uldd_report_start(enum uldd_checker c, const char *fmt, ...);
void uldd_report_end(void);

/* Reports so far from checker c. */
unsigned long uldd_report_count(enum uldd_checker c);

/*
 * The leaks checker's view of memory (leaks_mem.c): every block the
 * allocators hand out (kmalloc, kmem_cache, pages, vmalloc) and give
 * back, with what kind it is. The allocators call these only while
 * uldd_debug_on(ULDD_DEBUG_LEAKS), for p not NULL. Any context.
 */
void uldd_leaks_alloc(const void *p, size_t size, const char *what);
void uldd_leaks_free(const void *p);

/*
 * valgrind.c: memcheck's view of the allocators. uldd_on_valgrind is set
 * once, at uldd_debug_setup(); each caller tests uldd_valgrind() before a
 * call. alloc: p..p+size handed out (defined when zeroed, else undefined);
 * free: given back; noaccess/undefined/defined: as memcheck's requests.
 */
extern bool uldd_on_valgrind;
void uldd_valgrind_setup(void);
void uldd_vg_alloc(const void *p, size_t size, bool zeroed);
void uldd_vg_free(const void *p);
void uldd_vg_resize(const void *p, size_t old, size_t size);
void uldd_vg_noaccess(const void *p, size_t size);
void uldd_vg_undefined(const void *p, size_t size);
void uldd_vg_defined(const void *p, size_t size);

static __always_inline bool uldd_valgrind(void)
{
	return unlikely(uldd_on_valgrind);
}

/*
 * Each checker's part at the end, after every module's exit
 * (uldd_debug_finish() calls them in this order); each does nothing while
 * its checker is off. The leaks checker has three parts: memory
 * (kmalloc, caches, pages), resources (IRQs, timers, work items,
 * kthreads) and DMA mappings, which dma.c keeps for DMA-API debugging.
 */
void uldd_kasan_finish(void);
void uldd_lockdep_finish(void);
void uldd_dma_debug_finish(void);
void uldd_leaks_mem_finish(void);
void uldd_leaks_res_finish(void);

#endif /* ULDD_SHIM_DEBUG_H */
