// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * leaks_res.c - --debug=leaks for IRQs, timers, delayed work and
 * kthreads: what a driver callback requested or armed, recorded with its
 * stack in a table keyed by the object, and reported at the end if still
 * there. IRQs and kthreads leave the table when freed or when the thread
 * ends; a timer's entry stays, and the end asks the timer code which
 * timers are still pending (so one fired or deleted is never a leak). The
 * devm_ forms free themselves at detach, before the end. Any context;
 * the table changes under a lock of the allocator's kind.
 *
 * A work item queued without delay is not followed: the shim's workers
 * run it whatever happens to its driver, so it cannot stay behind.
 */
#include <linux/gfp.h>
#include <linux/hrtimer.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/timer.h>
#include <linux/workqueue.h>

#include "../core/door.h"
#include "../mm/lock.h"
#include "../mm/private.h"
#include "debug.h"
#include "leaks.h"

#define LR_BUCKETS 1024
/* Resources listed in full at the end; the rest are counted. */
#define LR_REPORT_MAX 32
/* Pending timers looked at. */
#define LR_TIMERS_MAX 256

struct lr_entry {
	struct lr_entry *next;
	enum uldd_leaks_res kind;
	const void *key;
	unsigned long arg;
	const void *fn;
	const struct uldd_stack *stack;
};

static struct uldd_mm_lock lr_lock;
static struct lr_entry *lr_table[LR_BUCKETS];
static unsigned long lr_live;

static unsigned int lr_hash(const void *key)
{
	return (unsigned int)(((unsigned long)key >> 4) * 0x9e3779b97f4a7c15ULL >> 40) % LR_BUCKETS;
}

static struct lr_entry **lr_find(enum uldd_leaks_res kind, const void *key)
{
	struct lr_entry **pp;

	for (pp = &lr_table[lr_hash(key)]; *pp; pp = &(*pp)->next)
		if ((*pp)->kind == kind && (*pp)->key == key)
			return pp;
	return NULL;
}

void __uldd_leaks_res_add(enum uldd_leaks_res kind, const void *key, unsigned long arg,
			  const void *fn)
{
	/* 1: this function; the shim's call that requested it stays, then the driver. */
	const struct uldd_stack *stack = uldd_stack_save(1);
	struct lr_entry *e = uldd_private_alloc(sizeof(*e), GFP_ATOMIC | __GFP_NOWARN), **pp;

	uldd_mm_lock(&lr_lock);
	pp = lr_find(kind, key);
	if (pp) {
		/* Re-armed: the latest stack is the one that left it behind. */
		(*pp)->arg = arg;
		(*pp)->fn = fn;
		(*pp)->stack = stack;
	} else if (e) {
		e->kind = kind;
		e->key = key;
		e->arg = arg;
		e->fn = fn;
		e->stack = stack;
		pp = &lr_table[lr_hash(key)];
		e->next = *pp;
		*pp = e;
		__atomic_fetch_add(&lr_live, 1, __ATOMIC_RELAXED);
		e = NULL;
	}
	uldd_mm_unlock(&lr_lock);
	uldd_private_free(e);
}

void __uldd_leaks_res_del(enum uldd_leaks_res kind, const void *key)
{
	struct lr_entry **pp, *e = NULL;

	uldd_mm_lock(&lr_lock);
	pp = lr_find(kind, key);
	if (pp) {
		e = *pp;
		*pp = e->next;
		__atomic_fetch_sub(&lr_live, 1, __ATOMIC_RELAXED);
	}
	uldd_mm_unlock(&lr_lock);
	uldd_private_free(e);
}

unsigned long uldd_leaks_res_live(void)
{
	return __atomic_load_n(&lr_live, __ATOMIC_RELAXED);
}

struct lr_found {
	const char *what;
	const void *fn;
	unsigned long arg;
	const struct uldd_stack *stack;
};

/* What a pending timer node is, and the driver function it will call. */
static const char *lr_timer_kind(struct uldd_tnode *node, const void **fn)
{
	struct timer_list *t;

	if (node->fire != uldd_timer_fire) {
		*fn = container_of(node, struct hrtimer, uldd_node)->function;
		return "hrtimer still pending, callback";
	}
	t = container_of(node, struct timer_list, uldd_node);
	if (t->function == delayed_work_timer_fn) {
		*fn = container_of(t, struct delayed_work, timer)->work.func;
		return "delayed work item still queued, function";
	}
	*fn = t->function;
	return "timer still pending, callback";
}

static unsigned int lr_collect(struct lr_found *found, unsigned int max)
{
	static struct uldd_tnode *pending[LR_TIMERS_MAX];
	unsigned int n = 0, i, npending;
	struct lr_entry *e, **pp;

	npending = uldd_tnode_pending_list(pending, LR_TIMERS_MAX);
	uldd_mm_lock(&lr_lock);
	for (i = 0; i < LR_BUCKETS; i++) {
		for (e = lr_table[i]; e; e = e->next) {
			if (e->kind == ULDD_RES_TIMER)
				continue;
			if (n < max) {
				found[n].what = e->kind == ULDD_RES_IRQ
							? "IRQ still requested, handler"
							: "kthread still running, function";
				found[n].fn = e->fn;
				found[n].arg = e->arg;
				found[n].stack = e->stack;
			}
			n++;
		}
	}
	for (i = 0; i < min_t(unsigned int, npending, LR_TIMERS_MAX); i++) {
		pp = lr_find(ULDD_RES_TIMER, pending[i]);
		if (!pp)
			continue;
		if (n < max) {
			found[n].what = lr_timer_kind(pending[i], &found[n].fn);
			found[n].arg = 0;
			found[n].stack = (*pp)->stack;
		}
		n++;
	}
	uldd_mm_unlock(&lr_lock);
	return n;
}

static void lr_print_fn(const void *fn)
{
	/* The namer takes return addresses: one past the entry names the function. */
	void *frames[1] = { (char *)fn + 1 };

	uhost_stack_print(frames, 1);
}

void uldd_leaks_res_finish(void)
{
	static struct lr_found found[LR_REPORT_MAX];
	unsigned int n, i;

	if (!uldd_debug_on(ULDD_DEBUG_LEAKS))
		return;
	n = lr_collect(found, LR_REPORT_MAX);
	if (!n)
		return;
	uldd_report_start(ULDD_CHK_LEAKS, "leaks: %u resources still held at exit", n);
	for (i = 0; i < min_t(unsigned int, n, LR_REPORT_MAX); i++) {
		if (found[i].what[0] == 'I')
			pr_err("#%u: IRQ %lu still requested, handler:\n", i, found[i].arg);
		else
			pr_err("#%u: %s:\n", i, found[i].what);
		lr_print_fn(found[i].fn);
		pr_err("   requested at:\n");
		uldd_stack_print(found[i].stack);
	}
	if (n > LR_REPORT_MAX)
		pr_err("... and %u more\n", n - LR_REPORT_MAX);
	uldd_report_end();
}
