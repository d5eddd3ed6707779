// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * kasan.c - --debug=kasan: the shadow of the DMA arena, the entry points
 * GCC's -fsanitize=kernel-address calls from an instrumented driver
 * (outline mode: one call per access, nothing inlined), and the reports.
 *
 * Only the arena has a shadow: it is where kmalloc, kmem_cache, the page
 * allocator and vmalloc carve memory from, so every heap bug of a driver
 * lands there; stacks, globals and the private heap are not checked. Each
 * chunk's shadow is an array of its own in the private heap (allocated as
 * the chunk arrives, so it grows with the arena and a device's DMA never
 * reaches it), found through the arena's lock-free lookup.
 *
 * An entry point returns at once while the checker is off: one load and
 * a branch, so an instrumented driver runs (slowly, but right) without
 * --debug=kasan too.
 */
#define pr_fmt(fmt) fmt

#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/string.h>

#include "../core/door.h"
#include "../mm/arena.h"
#include "../mm/lock.h"
#include "../mm/private.h"
#include "debug.h"
#include "kasan.h"

/* The code addresses already reported: a loop's bad access is one report. */
#define KASAN_SEEN 1024

static unsigned long kasan_seen[KASAN_SEEN];
static struct uldd_mm_lock kasan_seen_lock;

/*
 * Set while this thread reports or describes: the report's own string
 * functions then touch memory unchecked rather than report themselves.
 */
static __thread int kasan_busy;

int uldd_kasan_chunk_init(struct uldd_chunk *c)
{
	size_t n = c->size >> KASAN_GRANULE_SHIFT;
	u8 *sh = uldd_private_alloc(n, GFP_KERNEL);
	size_t i;

	if (!sh)
		return -ENOMEM;
	/* Not memset(): it would look for this very shadow. */
	for (i = 0; i < n; i++)
		sh[i] = KASAN_PAGE_FREE;
	c->shadow = sh;
	return 0;
}

/* The shadow byte of p, which lies in c. */
static __always_inline u8 *shadow_byte(const struct uldd_chunk *c, unsigned long p)
{
	return c->shadow + ((p - (unsigned long)c->base) >> KASAN_GRANULE_SHIFT);
}

/* [p, p + size) clipped to p's chunk: the allocators never span two. */
static u8 *shadow_range(const void *p, size_t *size)
{
	struct uldd_chunk *c = uldd_arena_find(p);
	unsigned long end;

	if (!c || !c->shadow)
		return NULL;
	end = (unsigned long)c->base + c->size;
	if (*size > end - (unsigned long)p)
		*size = end - (unsigned long)p;
	return shadow_byte(c, (unsigned long)p);
}

void uldd_kasan_poison(const void *p, size_t size, u8 code)
{
	u8 *sh = shadow_range(p, &size);
	size_t i;

	if (!sh)
		return;
	for (i = 0; i < (size + KASAN_GRANULE - 1) >> KASAN_GRANULE_SHIFT; i++)
		sh[i] = code;
}

void uldd_kasan_unpoison(const void *p, size_t size)
{
	u8 *sh = shadow_range(p, &size);
	size_t i;

	if (!sh)
		return;
	for (i = 0; i < size >> KASAN_GRANULE_SHIFT; i++)
		sh[i] = 0;
	if (size & (KASAN_GRANULE - 1))
		sh[i] = size & (KASAN_GRANULE - 1);
}

/*
 * The first byte of [a, a + size) that may not be touched, or 0. Both
 * ends in one chunk, or the access is not checked: the allocators never
 * hand out a range across chunks.
 */
static __always_inline unsigned long first_bad(unsigned long a, size_t size)
{
	struct uldd_chunk *c = uldd_arena_find((const void *)a);
	unsigned long last = a + size - 1, g;
	u8 *sh;
	s8 v;

	if (!c || !size || last - (unsigned long)c->base >= c->size || !c->shadow)
		return 0;
	sh = shadow_byte(c, a);
	for (g = a & ~(KASAN_GRANULE - 1); g <= last; g += KASAN_GRANULE, sh++) {
		v = (s8)*sh;
		if (likely(!v))
			continue;
		if (v < 0)
			return g > a ? g : a;
		/* v leading bytes of this granule are fine. */
		if ((g > a ? g : a) >= g + v)
			return g > a ? g : a;
		if (last >= g + v)
			return g + v;
	}
	return 0;
}

/* True the first time ip asks. */
static bool kasan_first_report(unsigned long ip)
{
	unsigned long h = (ip * 0x9e3779b97f4a7c15UL) >> 54, i;
	bool first = true;

	uldd_mm_lock(&kasan_seen_lock);
	for (i = 0; i < KASAN_SEEN; i++) {
		unsigned long *e = &kasan_seen[(h + i) % KASAN_SEEN];

		if (*e == ip) {
			first = false;
			break;
		}
		if (!*e) {
			*e = ip;
			break;
		}
	}
	uldd_mm_unlock(&kasan_seen_lock);
	return first;
}

/* The function at ip as a stack frame names it; one buffer per thread. */
static const char *code_name(unsigned long ip)
{
	static __thread char name[192];

	/* As the stack's first line names it: a return address, just past the check's call. */
	uhost_stack_name((void *)ip, name, sizeof(name));
	return name;
}

static const char *task_comm(void)
{
	return current ? current->comm : "(no task)";
}

static int task_pid(void)
{
	return current ? task_pid_nr(current) : 0;
}

static const char *bug_kind(unsigned long bad)
{
	struct uldd_chunk *c = uldd_arena_find((const void *)bad);
	u8 *sh = shadow_byte(c, bad);
	s8 v = (s8)*sh;

	/* A granule partly addressable: what follows its bytes says why. */
	if (v > 0 && v < (s8)KASAN_GRANULE &&
	    bad + KASAN_GRANULE - (bad & 7) < (unsigned long)c->base + c->size)
		v = (s8)sh[1];
	switch ((u8)v) {
	case KASAN_SLAB_REDZONE:
		return "slab-out-of-bounds";
	case KASAN_PAGE_REDZONE:
		return "out-of-bounds";
	case KASAN_SLAB_FREE:
	case KASAN_PAGE_FREE:
		return "use-after-free";
	default:
		return "wild-memory-access";
	}
}

static void describe_object(const void *addr, const struct uldd_kasan_object *o)
{
	unsigned long a = (unsigned long)addr, s = (unsigned long)o->start;
	unsigned int region = o->size;

	pr_err("The buggy address belongs to the object at %px\n", o->start);
	pr_err(" which belongs to the cache %s of size %u\n", o->cache, o->cache_size);
	if (a < s)
		pr_err("The buggy address is located %lu bytes to the left of\n", s - a);
	else if (a >= s + region)
		pr_err("The buggy address is located %lu bytes to the right of\n",
		       a - (s + region));
	else
		pr_err("The buggy address is located %lu bytes inside of\n", a - s);
	pr_err(" %s%u-byte region [%px, %px)\n", o->live ? "" : "freed ", region, o->start,
	       (void *)(s + region));
	pr_err("\n");
	if (o->alloc_stack) {
		pr_err("Allocated by task %s/%d:\n", o->alloc_comm, o->alloc_pid);
		uldd_stack_print(o->alloc_stack);
		pr_err("\n");
	}
	if (o->free_stack) {
		pr_err("Freed by task %s/%d:\n", o->free_comm, o->free_pid);
		uldd_stack_print(o->free_stack);
		pr_err("\n");
	}
}

static void describe(const void *addr)
{
	struct uldd_kasan_object o;

	if (uldd_slab_kasan_describe(addr, &o))
		describe_object(addr, &o);
	else
		pr_err("The buggy address belongs to the page at %px\n",
		       (void *)((unsigned long)addr & PAGE_MASK));
}

/*
 * skip: the frames between this function and the code that made the
 * access, so the stack starts there as an oops would.
 */
static noinline void kasan_report(unsigned long addr, size_t size, bool write, unsigned long ip,
				  unsigned long bad)
{
	if (!kasan_first_report(ip))
		return;
	kasan_busy++;
	uldd_report_start(ULDD_CHK_KASAN, "KASAN: %s in %s", bug_kind(bad), code_name(ip));
	pr_err("%s of size %zu at addr %px by task %s/%d\n", write ? "Write" : "Read", size,
	       (void *)addr, task_comm(), task_pid());
	uldd_stack_print(uldd_stack_save(2));
	pr_err("\n");
	/* For a range (memset), where it goes bad says more than where it starts. */
	describe((const void *)bad);
	uldd_report_end();
	kasan_busy--;
}

static __always_inline void check_range(unsigned long a, size_t size, bool write, unsigned long ip)
{
	unsigned long bad;

	if (!uldd_debug_on(ULDD_DEBUG_KASAN) || kasan_busy)
		return;
	bad = first_bad(a, size);
	if (unlikely(bad)) {
		kasan_report(a, size, write, ip, bad);
		/* Keeps this frame: a sibling call would hide the caller's stack depth. */
		barrier();
	}
}

bool uldd_kasan_check(const void *p, size_t size, bool write, unsigned long ip)
{
	unsigned long bad;

	if (kasan_busy || !size)
		return true;
	bad = first_bad((unsigned long)p, size);
	if (likely(!bad))
		return true;
	kasan_report((unsigned long)p, size, write, ip, bad);
	barrier();
	return false;
}

void uldd_kasan_report_free(const void *p, bool twice, unsigned long ip)
{
	if (!kasan_first_report(ip ^ (unsigned long)p))
		return;
	kasan_busy++;
	uldd_report_start(ULDD_CHK_KASAN, "KASAN: %s in %pS",
			  twice ? "double-free" : "invalid-free", (void *)ip);
	pr_err("Free of addr %px by task %s/%d\n", p, task_comm(), task_pid());
	uldd_stack_print(uldd_stack_save(2));
	pr_err("\n");
	describe(p);
	uldd_report_end();
	kasan_busy--;
}

/*
 * What GCC calls from a driver built with -fsanitize=kernel-address in
 * outline mode (__asan_{load,store}{1,2,4,8,16,N}_noabort, one call per
 * access), under names of our own: kasan.mk renames the calls in the
 * driver's objects, as __asan_* is the user-space sanitizers' namespace
 * that K-world must leave alone (shim/kworld.allow). The caller is the
 * instrumented code: its return address names the access.
 */
#define KASAN_ENTRY(n)                                  \
	void uldd_kasan_load##n(unsigned long a)        \
	{                                               \
		check_range(a, n, false, KASAN_RET_IP); \
	}                                               \
	void uldd_kasan_store##n(unsigned long a)       \
	{                                               \
		check_range(a, n, true, KASAN_RET_IP);  \
	}

KASAN_ENTRY(1)
KASAN_ENTRY(2)
KASAN_ENTRY(4)
KASAN_ENTRY(8)
KASAN_ENTRY(16)

void uldd_kasan_loadN(unsigned long a, size_t size)
{
	check_range(a, size, false, KASAN_RET_IP);
}

void uldd_kasan_storeN(unsigned long a, size_t size)
{
	check_range(a, size, true, KASAN_RET_IP);
}

/* Only stack poisoning needs to hear of a no-return call; stacks have no shadow here. */
void uldd_kasan_no_return(void)
{
}

void uldd_kasan_finish(void)
{
}
