// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * leaks_mem.c - --debug=leaks for kmalloc, caches, pages and vmalloc: a
 * table of the live blocks a driver allocated, each with the stack that
 * allocated it, reported at the end, grouped by stack. Any context: the
 * table changes under a lock of the allocator's kind; its entries come
 * from the private heap, allocated and freed outside that lock.
 *
 * A block is the driver's when it was allocated while the task ran a
 * driver callback (module init and exit, probe and remove, an interrupt
 * handler, a timer, a work item, a kthread: the shim's calls into the
 * driver, lockdep.h): the shim's own long-lived allocations, made on its
 * own threads or before the modules start, are never counted. What a
 * driver allocates outside those callbacks (ndo_open, NAPI polls) goes
 * unwatched: a leak missed rather than a false one.
 */
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/printk.h>

#include "../mm/lock.h"
#include "../mm/private.h"
#include "debug.h"
#include "lockdep.h"

#define LK_BUCKETS 4096
/* Groups printed in full; the rest are counted in one line. */
#define LK_GROUPS_MAX 16

struct lk_block {
	struct lk_block *next;
	const void *p;
	size_t size;
	const char *what;
	const struct uldd_stack *stack;
	bool grouped; /* the report's: already counted in a group */
};

static struct uldd_mm_lock lk_lock;
static struct lk_block *lk_table[LK_BUCKETS];
static unsigned long lk_live;

/* Depth of driver callbacks the task is in: its allocations are the driver's. */
static __thread unsigned int lk_in_driver __attribute__((tls_model("initial-exec")));

void uldd_leaks_driver_enter(void)
{
	lk_in_driver++;
}

void uldd_leaks_driver_exit(void)
{
	if (lk_in_driver)
		lk_in_driver--;
}

bool uldd_leaks_in_driver(void)
{
	return lk_in_driver != 0;
}

static unsigned int lk_hash(const void *p)
{
	return (unsigned int)(((unsigned long)p >> 4) * 0x9e3779b97f4a7c15ULL >> 40) % LK_BUCKETS;
}

void uldd_leaks_alloc(const void *p, size_t size, const char *what)
{
	struct lk_block *b, **bucket;

	if (!lk_in_driver)
		return;
	b = uldd_private_alloc(sizeof(*b), GFP_ATOMIC | __GFP_NOWARN);
	if (!b)
		return;
	b->p = p;
	b->size = size;
	b->what = what;
	b->grouped = false;
	/* 1: this function; the allocator's frame stays, then its caller. */
	b->stack = uldd_stack_save(1);
	bucket = &lk_table[lk_hash(p)];
	uldd_mm_lock(&lk_lock);
	b->next = *bucket;
	*bucket = b;
	__atomic_fetch_add(&lk_live, 1, __ATOMIC_RELAXED);
	uldd_mm_unlock(&lk_lock);
}

void uldd_leaks_free(const void *p)
{
	struct lk_block **pp, *b = NULL;

	uldd_mm_lock(&lk_lock);
	for (pp = &lk_table[lk_hash(p)]; *pp; pp = &(*pp)->next) {
		if ((*pp)->p == p) {
			b = *pp;
			*pp = b->next;
			__atomic_fetch_sub(&lk_live, 1, __ATOMIC_RELAXED);
			break;
		}
	}
	uldd_mm_unlock(&lk_lock);
	uldd_private_free(b);
}

unsigned long uldd_leaks_mem_live(void)
{
	return __atomic_load_n(&lk_live, __ATOMIC_RELAXED);
}

struct lk_group {
	const struct uldd_stack *stack;
	const char *what;
	const void *first;
	unsigned long n, bytes;
};

/*
 * Groups the blocks left by stack and kind under the lock (quadratic,
 * once, over what is left at the end: a few blocks), then prints them
 * without it: the shim's threads may still free blocks meanwhile.
 */
void uldd_leaks_mem_finish(void)
{
	static struct lk_group groups[LK_GROUPS_MAX];
	unsigned long objects = 0, bytes = 0, ngroups = 0;
	struct lk_block *b, *o;
	unsigned int i, j;

	if (!uldd_debug_on(ULDD_DEBUG_LEAKS))
		return;
	uldd_mm_lock(&lk_lock);
	for (i = 0; i < LK_BUCKETS; i++)
		for (b = lk_table[i]; b; b = b->next)
			b->grouped = false;
	for (i = 0; i < LK_BUCKETS; i++) {
		for (b = lk_table[i]; b; b = b->next) {
			struct lk_group g = { b->stack, b->what, b->p, 0, 0 };

			objects++;
			bytes += b->size;
			if (b->grouped)
				continue;
			for (j = i; j < LK_BUCKETS; j++)
				for (o = lk_table[j]; o; o = o->next)
					if (!o->grouped && o->stack == b->stack &&
					    o->what == b->what) {
						o->grouped = true;
						g.n++;
						g.bytes += o->size;
					}
			if (ngroups < LK_GROUPS_MAX)
				groups[ngroups] = g;
			ngroups++;
		}
	}
	uldd_mm_unlock(&lk_lock);
	if (!objects)
		return;
	uldd_report_start(ULDD_CHK_LEAKS, "leaks: %lu objects still allocated at exit", objects);
	pr_err("%lu objects, %lu bytes, that the driver allocated and never freed:\n", objects,
	       bytes);
	for (i = 0; i < min_t(unsigned long, ngroups, LK_GROUPS_MAX); i++) {
		pr_err("%lu object(s), %lu bytes (%s, the first at 0x%px), allocated by:\n",
		       groups[i].n, groups[i].bytes, groups[i].what, groups[i].first);
		uldd_stack_print(groups[i].stack);
	}
	if (ngroups > LK_GROUPS_MAX)
		pr_err("... and %lu more allocation stacks\n", ngroups - LK_GROUPS_MAX);
	uldd_report_end();
}
