// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * dma.c - --debug=dma: every live DMA mapping in a table (the shim's
 * private heap, hashed by DMA address) with its device, size, direction,
 * how it was made and the stack that made it, so that an unmap or a sync
 * can be held against the map it names. Recently dropped mappings stay in
 * a small ring, which is how a second unmap (or, under dma-strict, a
 * device's late write) can name where the first unmap happened.
 *
 * The CPU's loads and stores never pass through here, so a CPU access to
 * a buffer the device owns is seen only in one case: a DMA_TO_DEVICE
 * buffer's bytes are summed at map (and at sync_for_device) and summed
 * again when the CPU takes the buffer back; a difference means the CPU
 * wrote while the device owned it. Reads, and writes to FROM_DEVICE or
 * BIDIRECTIONAL buffers, stay unseen.
 */
#define pr_fmt(fmt) fmt

#include <linux/device.h>
#include <linux/dma-mapping.h>
#include <linux/gfp.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/sprintf.h>
#include <linux/string.h>

#include "../core/door.h"
#include "../entry.h"
#include "../mm/lock.h"
#include "../mm/private.h"
#include "debug.h"
#include "dma.h"

#define DMA_BUCKETS 4096
#define DMA_HISTORY 256
/* A leak report lists this many mappings, then counts the rest. */
#define DMA_LEAKS_SHOWN 32

struct dma_entry {
	struct dma_entry *next;
	const struct device *dev;
	char name[32];
	dma_addr_t addr;
	size_t size;
	const void *va;
	u64 sum; /* of a DMA_TO_DEVICE buffer while the device owns it */
	const struct uldd_stack *map_stack;
	/*
	 * History entries only: where the driver called the unmap. One frame,
	 * not a stack: a second unwind per pair would double the cost of
	 * every unmap for what only a later report reads.
	 */
	void *unmap_pc;
	u8 dir;
	u8 kind;
	u8 checked; /* dma_mapping_error() was asked about it */
	u8 cpu_owns; /* after sync_for_cpu, until sync_for_device */
};

/* Guarded by dma_lock, taken with this vCPU's interrupts masked. */
static struct uldd_mm_lock dma_lock;
static struct dma_entry *dma_table[DMA_BUCKETS];
static struct dma_entry dma_history[DMA_HISTORY];
static unsigned int dma_history_next;
static unsigned long dma_live;

static const char *const map_fn[] = {
	[ULDD_DMA_SINGLE] = "dma_map_single", [ULDD_DMA_PAGE] = "dma_map_page",
	[ULDD_DMA_SG] = "dma_map_sg",	      [ULDD_DMA_COHERENT] = "dma_alloc_coherent",
	[ULDD_DMA_ANY] = "dma_map_*",
};

static const char *const unmap_fn[] = {
	[ULDD_DMA_SINGLE] = "dma_unmap_single", [ULDD_DMA_PAGE] = "dma_unmap_page",
	[ULDD_DMA_SG] = "dma_unmap_sg",		[ULDD_DMA_COHERENT] = "dma_free_coherent",
	[ULDD_DMA_ANY] = "dma_unmap_*",
};

static const char *dir_name(unsigned int dir)
{
	switch (dir) {
	case DMA_BIDIRECTIONAL:
		return "DMA_BIDIRECTIONAL";
	case DMA_TO_DEVICE:
		return "DMA_TO_DEVICE";
	case DMA_FROM_DEVICE:
		return "DMA_FROM_DEVICE";
	default:
		return "DMA_NONE";
	}
}

static unsigned int dma_bucket(dma_addr_t addr)
{
	return (unsigned int)(addr >> PAGE_SHIFT) & (DMA_BUCKETS - 1);
}

/*
 * Catches stores, not loads: a change in any byte changes it (but for
 * one chance in 2^64). Eight bytes a step, the tail a byte at a time.
 */
static u64 dma_sum(const void *va, size_t size)
{
	const unsigned char *p = va;
	u64 h = 0xcbf29ce484222325ULL, w;
	size_t i = 0;

	if (!p)
		return 0;
	for (; i + 8 <= size; i += 8) {
		memcpy(&w, p + i, 8);
		h = (h ^ w) * 0x100000001b3ULL;
		h ^= h >> 29;
	}
	for (; i < size; i++)
		h = (h ^ p[i]) * 0x100000001b3ULL;
	return h;
}

static bool dma_summed(const struct dma_entry *e)
{
	return e->dir == DMA_TO_DEVICE && e->kind != ULDD_DMA_COHERENT;
}

static unsigned long dma_lock_irq(void)
{
	unsigned long flags;

	local_irq_save(flags);
	uldd_mm_lock(&dma_lock);
	return flags;
}

static void dma_unlock_irq(unsigned long flags)
{
	uldd_mm_unlock(&dma_lock);
	local_irq_restore(flags);
}

bool uldd_dma_debug_map(struct device *dev, const void *va, dma_addr_t addr, size_t size,
			enum dma_data_direction dir, enum uldd_dma_kind kind)
{
	struct dma_entry *e;
	unsigned long flags;
	unsigned int b;

	e = uldd_private_alloc(sizeof(*e), GFP_ATOMIC | __GFP_ZERO);
	if (!e)
		return false;
	e->dev = dev;
	strscpy(e->name, dev ? dev_name(dev) : "?", sizeof(e->name));
	e->addr = addr;
	e->size = size;
	e->va = va;
	e->dir = dir;
	e->kind = kind;
	e->map_stack = uldd_stack_save(1);
	if (dma_summed(e))
		e->sum = dma_sum(va, size);
	b = dma_bucket(addr);
	flags = dma_lock_irq();
	e->next = dma_table[b];
	dma_table[b] = e;
	dma_live++;
	dma_unlock_irq(flags);
	return true;
}

/*
 * The live mapping of dev at addr, preferring one that matches size and
 * dir (a buffer mapped twice has two entries at one address); its link
 * in *linkp. Under dma_lock.
 */
static struct dma_entry *dma_find(const struct device *dev, dma_addr_t addr, size_t size,
				  unsigned int dir, struct dma_entry ***linkp)
{
	struct dma_entry **link, **best = NULL;

	for (link = &dma_table[dma_bucket(addr)]; *link; link = &(*link)->next) {
		struct dma_entry *e = *link;

		if (e->dev != dev || e->addr != addr)
			continue;
		if (e->size == size && e->dir == dir) {
			best = link;
			break;
		}
		if (!best)
			best = link;
	}
	if (linkp)
		*linkp = best;
	return best ? *best : NULL;
}

/* The live mapping of dev holding addr, or NULL. Under dma_lock. */
static struct dma_entry *dma_find_containing(const struct device *dev, dma_addr_t addr)
{
	struct dma_entry *e;
	unsigned int b;

	e = dma_find(dev, addr, 0, 0, NULL);
	if (e)
		return e;
	/* A sync inside a mapping: a full look, this is a debugging mode. */
	for (b = 0; b < DMA_BUCKETS; b++)
		for (e = dma_table[b]; e; e = e->next)
			if (e->dev == dev && addr >= e->addr && addr - e->addr < e->size)
				return e;
	return NULL;
}

/* The most recent dropped mapping of dev (any, if !dev) holding addr. Under dma_lock. */
static bool dma_history_find(const struct device *dev, dma_addr_t addr, bool exact,
			     struct dma_entry *out)
{
	unsigned int i;

	for (i = 1; i <= DMA_HISTORY; i++) {
		const struct dma_entry *h = &dma_history[(dma_history_next - i) % DMA_HISTORY];

		if (!h->size && !h->map_stack)
			continue;
		if (dev && h->dev != dev)
			continue;
		if (exact ? h->addr == addr : addr >= h->addr && addr - h->addr < h->size) {
			*out = *h;
			return true;
		}
	}
	return false;
}

/*
 * One report: the title, the mapping it is about (with where it was made
 * and, for a dropped one, dropped), and where the driver is now.
 */
static __printf(4, 5) void dma_report(enum uldd_checker c, const struct dma_entry *e,
				      const struct uldd_stack *now, const char *fmt, ...)
{
	char title[200];
	va_list args;

	va_start(args, fmt);
	vscnprintf(title, sizeof(title), fmt, args);
	va_end(args);
	uldd_report_start(c, "%s", title);
	if (e) {
		pr_err("the mapping: %#llx, %zu bytes, %s, made by %s() at:\n",
		       (unsigned long long)e->addr, e->size, dir_name(e->dir), map_fn[e->kind]);
		uldd_stack_print(e->map_stack);
		if (e->unmap_pc) {
			pr_err("and dropped by %s() in:\n", unmap_fn[e->kind]);
			uhost_stack_print(&e->unmap_pc, 1);
		}
	}
	if (now) {
		pr_err("now at:\n");
		uldd_stack_print(now);
	}
	uldd_report_end();
}

/* A problem found under the lock, reported after it. */
struct dma_problem {
	char title[160];
	struct dma_entry e;
	bool have_e;
};

#define DMA_MAX_PROBLEMS 5

__printf(3, 4) static void dma_problem_add(struct dma_problem *p, unsigned int *n, const char *fmt,
					   ...)
{
	va_list args;

	if (*n >= DMA_MAX_PROBLEMS)
		return;
	va_start(args, fmt);
	vscnprintf(p[*n].title, sizeof(p[*n].title), fmt, args);
	va_end(args);
	p[*n].have_e = false;
	(*n)++;
}

static void dma_problems_report(struct dma_problem *p, unsigned int n)
{
	const struct uldd_stack *now;
	unsigned int i;

	if (!n)
		return;
	now = uldd_stack_save(2);
	for (i = 0; i < n; i++)
		dma_report(ULDD_CHK_DMA, p[i].have_e ? &p[i].e : NULL, now, "%s", p[i].title);
}

static void dma_history_add(struct dma_entry *e)
{
	dma_history[dma_history_next++ % DMA_HISTORY] = *e;
}

bool uldd_dma_debug_unmap(struct device *dev, const void *va, dma_addr_t addr, size_t size,
			  enum dma_data_direction dir, enum uldd_dma_kind kind, size_t *mapped,
			  void *caller)
{
	struct dma_problem probs[DMA_MAX_PROBLEMS];
	bool rules = uldd_debug_on(ULDD_DEBUG_DMA);
	struct dma_entry **link, *e;
	const char *name = dev ? dev_name(dev) : "?";
	unsigned int n = 0;
	unsigned long flags;

	flags = dma_lock_irq();
	e = dma_find(dev, addr, size, dir, &link);
	if (!e) {
		struct dma_entry old;

		if (rules && dma_history_find(dev, addr, true, &old)) {
			dma_problem_add(
				probs, &n,
				"DMA-API: %s: %s() of %#llx (%zu bytes), which is already unmapped",
				name, unmap_fn[kind], (unsigned long long)addr, size);
			probs[n - 1].e = old;
			probs[n - 1].have_e = true;
		} else if (rules) {
			dma_problem_add(
				probs, &n,
				"DMA-API: %s: %s() of %#llx (%zu bytes), which was never mapped",
				name, unmap_fn[kind], (unsigned long long)addr, size);
		}
		goto out;
	}
	*link = e->next;
	dma_live--;
	*mapped = e->size;
	if (!rules)
		goto drop;
	if (e->size != size)
		dma_problem_add(
			probs, &n,
			"DMA-API: %s: %s() of %#llx with size %zu, but it was mapped with size %zu",
			name, unmap_fn[kind], (unsigned long long)addr, size, e->size);
	if (e->dir != dir)
		dma_problem_add(
			probs, &n,
			"DMA-API: %s: %s() of %#llx with direction %s, but it was mapped %s", name,
			unmap_fn[kind], (unsigned long long)addr, dir_name(dir), dir_name(e->dir));
	if (kind != ULDD_DMA_ANY && kind != e->kind)
		dma_problem_add(probs, &n,
				"DMA-API: %s: %s() of %#llx, which %s() mapped: wrong function",
				name, unmap_fn[kind], (unsigned long long)addr, map_fn[e->kind]);
	if (kind == ULDD_DMA_COHERENT && e->va != va)
		dma_problem_add(
			probs, &n,
			"DMA-API: %s: dma_free_coherent() of %#llx with CPU address %px, but it was allocated at %px",
			name, (unsigned long long)addr, va, e->va);
	/* Code built before the check existed never calls it: only new callers are held to it. */
	if (kind != ULDD_DMA_ANY && !e->checked && e->kind != ULDD_DMA_SG &&
	    e->kind != ULDD_DMA_COHERENT)
		dma_problem_add(
			probs, &n,
			"DMA-API: %s: device driver failed to check map error [%#llx, %zu bytes, %s()]",
			name, (unsigned long long)e->addr, e->size, map_fn[e->kind]);
	if (dma_summed(e) && !e->cpu_owns && dma_sum(e->va, e->size) != e->sum)
		dma_problem_add(
			probs, &n,
			"DMA-API: %s: CPU wrote to a buffer mapped DMA_TO_DEVICE while the device owned it [%#llx, %zu bytes]",
			name, (unsigned long long)e->addr, e->size);
	for (unsigned int i = 0; i < n; i++) {
		probs[i].e = *e;
		probs[i].have_e = true;
	}
drop:
	e->unmap_pc = caller;
	dma_history_add(e);
	dma_unlock_irq(flags);
	uldd_private_free(e);
	dma_problems_report(probs, n);
	return true;
out:
	dma_unlock_irq(flags);
	dma_problems_report(probs, n);
	return false;
}

void uldd_dma_debug_sync(struct device *dev, dma_addr_t addr, size_t size,
			 enum dma_data_direction dir, bool for_cpu)
{
	const char *fn = for_cpu ? "dma_sync_single_for_cpu" : "dma_sync_single_for_device";
	struct dma_problem probs[DMA_MAX_PROBLEMS];
	const char *name = dev ? dev_name(dev) : "?";
	struct dma_entry *e, old;
	unsigned int n = 0;
	unsigned long flags;

	if (!uldd_debug_on(ULDD_DEBUG_DMA))
		return;
	flags = dma_lock_irq();
	e = dma_find_containing(dev, addr);
	if (!e) {
		if (dma_history_find(dev, addr, false, &old)) {
			dma_problem_add(
				probs, &n,
				"DMA-API: %s: %s() of %#llx (%zu bytes), which is already unmapped",
				name, fn, (unsigned long long)addr, size);
			probs[0].e = old;
			probs[0].have_e = true;
		} else {
			dma_problem_add(
				probs, &n,
				"DMA-API: %s: %s() of %#llx (%zu bytes), which was never mapped",
				name, fn, (unsigned long long)addr, size);
		}
		goto out;
	}
	if (size > e->size - (addr - e->addr))
		dma_problem_add(
			probs, &n,
			"DMA-API: %s: %s() of %zu bytes at %#llx runs past the end of its %zu-byte mapping",
			name, fn, size, (unsigned long long)addr, e->size);
	if (e->dir != dir && e->dir != DMA_BIDIRECTIONAL)
		dma_problem_add(
			probs, &n,
			"DMA-API: %s: %s() of %#llx with direction %s, but it was mapped %s", name,
			fn, (unsigned long long)addr, dir_name(dir), dir_name(e->dir));
	if (dma_summed(e)) {
		if (for_cpu && !e->cpu_owns && dma_sum(e->va, e->size) != e->sum)
			dma_problem_add(
				probs, &n,
				"DMA-API: %s: CPU wrote to a buffer mapped DMA_TO_DEVICE while the device owned it [%#llx, %zu bytes]",
				name, (unsigned long long)e->addr, e->size);
		if (!for_cpu)
			e->sum = dma_sum(e->va, e->size);
		e->cpu_owns = for_cpu;
	}
	for (unsigned int i = 0; i < n; i++) {
		probs[i].e = *e;
		probs[i].have_e = true;
	}
out:
	dma_unlock_irq(flags);
	dma_problems_report(probs, n);
}

void uldd_dma_debug_mapping_error(struct device *dev, dma_addr_t addr)
{
	struct dma_entry *e;
	unsigned long flags;

	if (addr == DMA_MAPPING_ERROR)
		return;
	flags = dma_lock_irq();
	for (e = dma_table[dma_bucket(addr)]; e; e = e->next)
		if (e->dev == dev && e->addr == addr)
			e->checked = 1;
	dma_unlock_irq(flags);
}

dma_addr_t uldd_dma_debug_coherent_addr(struct device *dev, const void *va, size_t size)
{
	dma_addr_t addr = DMA_MAPPING_ERROR;
	unsigned long flags, off;
	struct dma_entry *e;
	unsigned int b;

	flags = dma_lock_irq();
	for (b = 0; b < DMA_BUCKETS && addr == DMA_MAPPING_ERROR; b++) {
		for (e = dma_table[b]; e; e = e->next) {
			off = (unsigned long)va - (unsigned long)e->va;
			if (e->dev == dev && e->kind == ULDD_DMA_COHERENT && va >= e->va &&
			    off < e->size && size <= e->size - off) {
				addr = e->addr + off;
				break;
			}
		}
	}
	dma_unlock_irq(flags);
	return addr;
}

void uldd_dma_debug_finish(void)
{
	bool leaks = uldd_debug_on(ULDD_DEBUG_LEAKS);
	struct dma_entry *all = NULL, *e;
	unsigned long flags, n, shown = 0;
	unsigned int b;

	if (!uldd_debug_on(ULDD_DMA_TRACKED))
		return;
	flags = dma_lock_irq();
	for (b = 0; b < DMA_BUCKETS; b++) {
		while ((e = dma_table[b])) {
			dma_table[b] = e->next;
			e->next = all;
			all = e;
		}
	}
	n = dma_live;
	dma_live = 0;
	dma_unlock_irq(flags);
	if (n && (leaks || uldd_debug_on(ULDD_DEBUG_DMA))) {
		if (leaks)
			uldd_report_start(ULDD_CHK_LEAKS,
					  "leaks: %lu DMA mappings still mapped at exit", n);
		else
			uldd_report_start(ULDD_CHK_DMA,
					  "DMA-API: %lu DMA mappings still mapped at exit", n);
		for (e = all; e && shown < DMA_LEAKS_SHOWN; e = e->next, shown++) {
			pr_err("%s: %#llx, %zu bytes, %s, made by %s() at:\n", e->name,
			       (unsigned long long)e->addr, e->size, dir_name(e->dir),
			       map_fn[e->kind]);
			uldd_stack_print(e->map_stack);
		}
		if (n > shown)
			pr_err("... and %lu more\n", n - shown);
		uldd_report_end();
	}
	while ((e = all)) {
		all = e->next;
		uldd_private_free(e);
	}
}

/* Whether the device named name ("DDDD:BB:DD.F") is bdf ("BB:DD.F", domain 0 left out). */
static bool dma_name_is(const char *name, const char *bdf)
{
	size_t n = strlen(name), b = strlen(bdf);

	return n >= b && !strcmp(name + n - b, bdf) && (n == b || name[n - b - 1] == ':');
}

/*
 * The IOMMU reports the page: the newest dropped mapping of the device
 * whose pages held it is the one the device still used.
 */
void uldd_dma_strict_fault(const char *bdf, unsigned long long addr, int write)
{
	unsigned long long page = addr & PAGE_MASK;
	const char *what = write ? "wrote to" : "read from";
	struct dma_entry old;
	bool found = false;
	unsigned long flags;
	unsigned int i;

	if (!uldd_debug_on(ULDD_DEBUG_DMA_STRICT))
		return;
	flags = dma_lock_irq();
	for (i = 1; i <= DMA_HISTORY && !found; i++) {
		const struct dma_entry *h = &dma_history[(dma_history_next - i) % DMA_HISTORY];
		unsigned long long first = h->addr & PAGE_MASK;
		unsigned long long last = (h->addr + (h->size ? h->size - 1 : 0)) & PAGE_MASK;

		if (h->map_stack && dma_name_is(h->name, bdf) && page >= first && page <= last) {
			old = *h;
			found = true;
		}
	}
	dma_unlock_irq(flags);
	if (!found) {
		uldd_report_start(
			ULDD_CHK_DMA_STRICT,
			"dma-strict: device %s %s IOVA %#llx, which no live mapping holds", bdf,
			what, addr);
		pr_err("no mapping of it was dropped lately either: a stray address\n");
		uldd_report_end();
		return;
	}
	uldd_report_start(ULDD_CHK_DMA_STRICT, "dma-strict: device %s %s IOVA %#llx after %s()",
			  old.name, what, addr, unmap_fn[old.kind]);
	pr_err("the IOMMU refused it: the mapping %#llx, %zu bytes, %s, was made by %s() at:\n",
	       (unsigned long long)old.addr, old.size, dir_name(old.dir), map_fn[old.kind]);
	uldd_stack_print(old.map_stack);
	pr_err("and dropped by %s() in:\n", unmap_fn[old.kind]);
	uhost_stack_print(&old.unmap_pc, 1);
	uldd_report_end();
}
