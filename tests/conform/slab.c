// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * slab.c - kmalloc and kmem_cache (Documentation/core-api/memory-allocation.rst,
 * the kernel-doc of linux/slab.h): every kmalloc object is aligned to
 * ARCH_KMALLOC_MINALIGN, a power-of-two size to that size (since 5.4);
 * ksize() is at least what was asked; kmalloc(0) is ZERO_SIZE_PTR, which
 * kfree() takes as it takes NULL; the zeroing forms zero, the array forms
 * fail on overflow; krealloc() keeps the contents; a cache's objects have
 * its alignment and are constructed once, when their slab is made, not at
 * each allocation; GFP_ATOMIC serves a timer callback; the kstrdup family,
 * kvmalloc and vmalloc. What the guest kernel showed: it zeroes every
 * allocation (Debian sets CONFIG_INIT_ON_ALLOC_DEFAULT_ON), so there the
 * zeroing cases hold trivially; they bite on uldd, whose memory is reused
 * dirty.
 */
#include <linux/atomic.h>
#include <linux/cache.h>
#include <linux/completion.h>
#include <linux/gfp.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/preempt.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/timer.h>
#include <linux/vmalloc.h>

#include "conform.h"

#define HANG_GUARD msecs_to_jiffies(10000)

/* A body that undid its work before judging: ret is 0 or a line; what says what failed there. */
static int failed_as(int ret, const char *what)
{
	if (ret && !*conform_failure())
		conform_fail(ret, what);
	return ret;
}

/* A byte that differs per buffer (seed) and per position. */
static u8 pattern(size_t i, unsigned int seed)
{
	return (u8)((i * 131u) ^ (i >> 8) ^ seed);
}

/* Large buffers get every 61st byte and the last: enough to see a mix-up, fast under TCG. */
static void fill(void *p, size_t n, unsigned int seed)
{
	size_t i, step = n > 4096 ? 61 : 1;
	u8 *b = p;

	for (i = 0; i < n; i += step)
		b[i] = pattern(i, seed);
	if (n)
		b[n - 1] = pattern(n - 1, seed);
}

static bool intact(const void *p, size_t n, unsigned int seed)
{
	size_t i, step = n > 4096 ? 61 : 1;
	const u8 *b = p;

	for (i = 0; i < n; i += step) {
		if (b[i] != pattern(i, seed))
			return false;
	}
	return !n || b[n - 1] == pattern(n - 1, seed);
}

static bool all_zero(const void *p, size_t n)
{
	const u8 *b = p;

	for (size_t i = 0; i < n; i++) {
		if (b[i])
			return false;
	}
	return true;
}

/* Sizes at and around the usual size-class edges, then past the classes. */
static const size_t sizes[] = {
	1,    7,    8,	  9,	15,   16,    17,    31,	   32,	   33,	    63,	  64,
	65,   95,   96,	  97,	127,  128,   129,   191,   192,	   193,	    255,  256,
	257,  511,  512,  513,	1000, 1023,  1024,  1025,  2047,   2048,    2049, 4095,
	4096, 4097, 8191, 8192, 8193, 12000, 16384, 65536, 100000, 1 << 20,
};

static void *live[ARRAY_SIZE(sizes)][3];

/* All alive at once: two objects that overlapped would break each other's bytes. */
static int min_align_and_disjoint(struct conform_dev *dev)
{
	size_t i, k;
	int ret = 0;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		for (k = 0; k < 3; k++) {
			live[i][k] = kmalloc(sizes[i], GFP_KERNEL);
			if (live[i][k])
				fill(live[i][k], sizes[i], (unsigned int)(i * 3 + k));
		}
	}
	for (i = 0; i < ARRAY_SIZE(sizes) && !ret; i++) {
		for (k = 0; k < 3 && !ret; k++) {
			if (!live[i][k])
				ret = __LINE__;
			else if ((unsigned long)live[i][k] & (ARCH_KMALLOC_MINALIGN - 1))
				ret = __LINE__;
			else if (!intact(live[i][k], sizes[i], (unsigned int)(i * 3 + k)))
				ret = __LINE__;
		}
	}
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		for (k = 0; k < 3; k++)
			kfree(live[i][k]);
	}
	return failed_as(ret, "each object allocated, aligned, intact");
}

/* 1 byte to 1 MiB; the top sizes are the page allocator's, which the guarantee covers too. */
static int power_of_two_natural_align(struct conform_dev *dev)
{
	void *p[4];

	for (unsigned int shift = 0; shift <= 20; shift++) {
		size_t size = 1UL << shift;
		size_t align = max_t(size_t, size, ARCH_KMALLOC_MINALIGN);
		bool ok = true;
		unsigned int k;

		for (k = 0; k < ARRAY_SIZE(p); k++) {
			p[k] = kmalloc(size, GFP_KERNEL);
			ok = ok && p[k] && IS_ALIGNED((unsigned long)p[k], align);
		}
		for (k = 0; k < ARRAY_SIZE(p); k++)
			kfree(p[k]);
		CHECK_CMP(ok ? -1 : (long long)size, ==, -1);
	}
	return 0;
}

static int ksize_at_least_size(struct conform_dev *dev)
{
	for (size_t size = 1; size <= 70000; size += size < 300 ? 1 : 97) {
		void *p = kmalloc(size, GFP_KERNEL);
		size_t ks;

		CHECK(p);
		ks = ksize(p);
		kfree(p);
		CHECK_CMP(ks, >=, size);
	}
	CHECK_CMP(ksize(NULL), ==, 0);
	CHECK_CMP(ksize(ZERO_SIZE_PTR), ==, 0);
	return 0;
}

static int zero_size_and_null(struct conform_dev *dev)
{
	CHECK(kmalloc(0, GFP_KERNEL) == ZERO_SIZE_PTR);
	CHECK(kzalloc(0, GFP_ATOMIC) == ZERO_SIZE_PTR);
	CHECK(kcalloc(0, 8, GFP_KERNEL) == ZERO_SIZE_PTR);
	CHECK(ZERO_OR_NULL_PTR(NULL) && ZERO_OR_NULL_PTR(ZERO_SIZE_PTR));
	/* Each of these must do nothing. */
	kfree(NULL);
	kfree(ZERO_SIZE_PTR);
	kfree_sensitive(NULL);
	kfree_sensitive(ZERO_SIZE_PTR);
	kvfree(NULL);
	vfree(NULL);
	kmem_cache_destroy(NULL);
	return 0;
}

/* Memory dirtied and freed, then asked for zeroed: every byte is 0. */
static int zeroing_forms_zero(struct conform_dev *dev)
{
	static const size_t zs[] = { 8, 24, 64, 96, 192, 1000, 4096, 8192, 20000 };
	static void *p[16];

	for (size_t i = 0; i < ARRAY_SIZE(zs); i++) {
		unsigned int k;
		bool zero = true;

		for (k = 0; k < ARRAY_SIZE(p); k++) {
			p[k] = kmalloc(zs[i], GFP_KERNEL);
			if (p[k])
				memset(p[k], 0xa5, zs[i]);
		}
		for (k = 0; k < ARRAY_SIZE(p); k++)
			kfree(p[k]);
		for (k = 0; k < ARRAY_SIZE(p); k++) {
			p[k] = k & 1 ? kzalloc(zs[i], GFP_KERNEL)
				     : kcalloc(zs[i] / 8, 8, GFP_KERNEL);
			zero = zero && p[k] && all_zero(p[k], zs[i]);
		}
		for (k = 0; k < ARRAY_SIZE(p); k++)
			kfree(p[k]);
		CHECK_CMP(zero ? -1 : (long long)zs[i], ==, -1);
	}
	return 0;
}

static int array_overflow_null(struct conform_dev *dev)
{
	size_t huge = SIZE_MAX / 2;
	void *p = kmalloc(64, GFP_KERNEL);

	CHECK(p);
	CHECK(!kmalloc_array(huge, 4, GFP_KERNEL));
	CHECK(!kcalloc(4, huge, GFP_KERNEL));
	CHECK(!kvmalloc_array(huge, 8, GFP_KERNEL));
	CHECK(!kvcalloc(3, huge, GFP_KERNEL));
	CHECK(!vmalloc_array(huge, 4));
	/* A failed resize leaves the old object to its owner. */
	CHECK(!krealloc_array(p, huge, 4, GFP_KERNEL));
	kfree(p);
	return 0;
}

/* Past KMALLOC_MAX_SIZE kmalloc fails rather than hand out less. */
static int too_large_null(struct conform_dev *dev)
{
	CHECK(!kmalloc(KMALLOC_MAX_SIZE + 1, GFP_KERNEL | __GFP_NOWARN));
	return 0;
}

/* Grown and shrunk across size classes and into the page allocator: the bytes stay. */
static int krealloc_keeps_contents(struct conform_dev *dev)
{
	static const size_t steps[] = { 10, 100, 5000, 20000, 300000, 50, 3 };
	size_t have = steps[0];
	char *p, *q;
	bool ok;

	p = kmalloc(have, GFP_KERNEL);
	CHECK(p);
	fill(p, have, 7);
	for (size_t i = 1; i < ARRAY_SIZE(steps); i++) {
		size_t keep = min(have, steps[i]);

		q = krealloc(p, steps[i], GFP_KERNEL);
		if (!q)
			kfree(p);
		CHECK(q);
		p = q;
		ok = intact(p, min_t(size_t, keep, 10), 7) && ksize(p) >= steps[i];
		if (!ok)
			kfree(p);
		CHECK_CMP(ok ? -1 : (long long)steps[i], ==, -1);
		have = steps[i];
	}
	/* 0 frees it. */
	CHECK(krealloc(p, 0, GFP_KERNEL) == ZERO_SIZE_PTR);
	/* NULL is a plain allocation. */
	p = krealloc(NULL, 16, GFP_KERNEL | __GFP_ZERO);
	CHECK(p);
	q = p;
	p = krealloc(q, KMALLOC_MAX_SIZE + 1, GFP_KERNEL | __GFP_NOWARN);
	kfree(q);
	CHECK(!p);
	return 0;
}

static int kstrdup_family(struct conform_dev *dev)
{
	static const char text[] = "uldd memory";
	const char *k;
	char *s;
	u8 *m;

	s = kstrdup(text, GFP_KERNEL);
	CHECK(s && s != text && !strcmp(s, text));
	kfree_sensitive(s);
	s = kstrndup(text, 4, GFP_KERNEL);
	CHECK(s && !strcmp(s, "uldd"));
	kfree(s);
	s = kstrndup(text, 100, GFP_KERNEL);
	CHECK(s && !strcmp(s, text));
	kfree(s);
	m = kmemdup(text, 5, GFP_KERNEL);
	CHECK(m && !memcmp(m, text, 5));
	kfree(m);
	s = kmemdup_nul(text, 4, GFP_KERNEL);
	CHECK(s && !strcmp(s, "uldd"));
	kfree(s);
	CHECK(!kstrdup(NULL, GFP_KERNEL));
	CHECK(!kstrndup(NULL, 4, GFP_KERNEL));
	/* May hand back text itself (rodata) or a copy: only the contents are promised. */
	k = kstrdup_const(text, GFP_KERNEL);
	CHECK(k && !strcmp(k, text));
	kfree_const(k);
	return 0;
}

/* The constructed state a cache user keeps; uses counts this object's allocations. */
struct ctor_obj {
	u32 magic;
	u32 uses;
	u64 payload[2];
};

#define CTOR_MAGIC 0xc0ffee11u

static atomic_t ctor_calls;

static void ctor_fn(void *p)
{
	struct ctor_obj *o = p;

	o->magic = CTOR_MAGIC;
	o->uses = 0;
	atomic_inc(&ctor_calls);
}

static struct ctor_obj *objs[64];

/*
 * Every object comes out constructed; the constructor runs when a slab is
 * made, so an object that was freed in its constructed state comes back
 * as it was freed, with its use count, not constructed anew.
 */
static int cache_ctor_once(struct conform_dev *dev)
{
	struct kmem_cache *s;
	unsigned int i, bad = 0, reused = 0;

	atomic_set(&ctor_calls, 0);
	s = kmem_cache_create("conform_ctor", sizeof(struct ctor_obj), 0, 0, ctor_fn);
	CHECK(s);
	CHECK_CMP(kmem_cache_size(s), >=, sizeof(struct ctor_obj));
	for (i = 0; i < ARRAY_SIZE(objs); i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		if (!objs[i] || objs[i]->magic != CTOR_MAGIC || objs[i]->uses)
			bad++;
		else
			objs[i]->uses = 1;
	}
	for (i = 0; i < 200 && !bad; i++) {
		struct ctor_obj *o = kmem_cache_alloc(s, GFP_KERNEL);

		if (!o || o->magic != CTOR_MAGIC) {
			bad++;
			break;
		}
		reused += o->uses > 0;
		o->uses++;
		kmem_cache_free(s, o);
	}
	for (i = 0; i < ARRAY_SIZE(objs); i++) {
		if (objs[i])
			kmem_cache_free(s, objs[i]);
	}
	kmem_cache_destroy(s);
	CHECK_CMP(bad, ==, 0);
	CHECK_CMP(atomic_read(&ctor_calls), >=, ARRAY_SIZE(objs));
	CHECK_CMP(reused, >, 0);
	return 0;
}

struct aligned16 {
	u64 a;
	u16 b;
} __aligned(16);

static void *cobj[100];

/* n objects of s, each aligned to align and zeroed by zalloc; written over, then freed. */
static int cache_objects_aligned(struct kmem_cache *s, size_t size, size_t align)
{
	unsigned int i, bad = 0;

	for (i = 0; i < ARRAY_SIZE(cobj); i++) {
		cobj[i] = kmem_cache_zalloc(s, GFP_KERNEL);
		if (!cobj[i] || !IS_ALIGNED((unsigned long)cobj[i], align) ||
		    !all_zero(cobj[i], size))
			bad++;
		else
			memset(cobj[i], 0xee, size);
	}
	for (i = 0; i < ARRAY_SIZE(cobj); i++) {
		if (cobj[i])
			kmem_cache_free(s, cobj[i]);
	}
	kmem_cache_destroy(s);
	CHECK_CMP(bad, ==, 0);
	return 0;
}

static int cache_alignment(struct conform_dev *dev)
{
	struct kmem_cache *s;

	/* An alignment larger than the object. */
	s = kmem_cache_create("conform_align256", 100, 256, 0, NULL);
	CHECK(s);
	CHECK_RUN(cache_objects_aligned(s, 100, 256));
	/* KMEM_CACHE takes the struct's own alignment. */
	s = KMEM_CACHE(aligned16, 0);
	CHECK(s);
	CHECK_RUN(cache_objects_aligned(s, sizeof(struct aligned16), 16));
	/* More than half a cache line, hardware-aligned: a line each. */
	s = kmem_cache_create("conform_hwalign", L1_CACHE_BYTES / 2 + 8, 0, SLAB_HWCACHE_ALIGN,
			      NULL);
	CHECK(s);
	CHECK_RUN(cache_objects_aligned(s, L1_CACHE_BYTES / 2 + 8, L1_CACHE_BYTES));
	/* No alignment asked: still ARCH_SLAB_MINALIGN. */
	s = kmem_cache_create("conform_plain", 20, 0, 0, NULL);
	CHECK(s);
	CHECK_RUN(cache_objects_aligned(s, 20, ARCH_SLAB_MINALIGN));
	return 0;
}

/* What a timer callback (softirq) got from GFP_ATOMIC allocations. */
static struct {
	struct timer_list timer;
	struct completion done;
	struct kmem_cache *cache;
	bool softirq;
	int failed_line;
} atomic_probe;

static void atomic_fn(struct timer_list *t)
{
	static const size_t as[] = { 16, 200, 3000, 8192, 20000 };
	struct page *pg;
	void *p;

	atomic_probe.softirq = in_serving_softirq();
	for (size_t i = 0; i < ARRAY_SIZE(as); i++) {
		p = kmalloc(as[i], GFP_ATOMIC);
		if (!p) {
			atomic_probe.failed_line = __LINE__;
			break;
		}
		memset(p, 0x5a, as[i]);
		kfree(p);
	}
	p = kzalloc(500, GFP_ATOMIC);
	if (!p || !all_zero(p, 500))
		atomic_probe.failed_line = __LINE__;
	kfree(p);
	p = kmem_cache_alloc(atomic_probe.cache, GFP_ATOMIC);
	if (!p)
		atomic_probe.failed_line = __LINE__;
	else
		kmem_cache_free(atomic_probe.cache, p);
	pg = alloc_pages(GFP_ATOMIC, 1);
	if (!pg)
		atomic_probe.failed_line = __LINE__;
	else
		__free_pages(pg, 1);
	complete(&atomic_probe.done);
}

static int gfp_atomic_in_timer(struct conform_dev *dev)
{
	bool ran;

	atomic_probe.cache = kmem_cache_create("conform_atomic", 48, 0, 0, NULL);
	CHECK(atomic_probe.cache);
	atomic_probe.softirq = false;
	atomic_probe.failed_line = 0;
	init_completion(&atomic_probe.done);
	timer_setup(&atomic_probe.timer, atomic_fn, 0);
	mod_timer(&atomic_probe.timer, jiffies + 1);
	ran = wait_for_completion_timeout(&atomic_probe.done, HANG_GUARD);
	del_timer_sync(&atomic_probe.timer);
	kmem_cache_destroy(atomic_probe.cache);
	CHECK(ran);
	CHECK(atomic_probe.softirq);
	CHECK_CMP(atomic_probe.failed_line, ==, 0);
	return 0;
}

static int gfp_blocking_flags(struct conform_dev *dev)
{
	CHECK(gfpflags_allow_blocking(GFP_KERNEL));
	CHECK(gfpflags_allow_blocking(GFP_NOIO));
	CHECK(gfpflags_allow_blocking(GFP_NOFS));
	CHECK(!gfpflags_allow_blocking(GFP_ATOMIC));
	CHECK(!gfpflags_allow_blocking(GFP_NOWAIT));
	return 0;
}

/* Past what kmalloc serves, kvmalloc still gives memory to a caller that may sleep. */
static int kvmalloc_large_and_small(struct conform_dev *dev)
{
	size_t big = 8UL << 20;
	char *p;

	p = kvmalloc(big, GFP_KERNEL);
	CHECK(p);
	fill(p, big, 3);
	if (!intact(p, big, 3)) {
		kvfree(p);
		CHECK(!"the 8 MiB kvmalloc kept its bytes");
	}
	kvfree(p);
	p = kvzalloc(big, GFP_KERNEL);
	CHECK(p);
	if (!all_zero(p, PAGE_SIZE) || !all_zero(p + big - PAGE_SIZE, PAGE_SIZE)) {
		kvfree(p);
		CHECK(!"kvzalloc zeroed");
	}
	kvfree(p);
	p = kvzalloc(1000, GFP_KERNEL);
	CHECK(p);
	memset(p, 1, 1000);
	kvfree(p);
	p = kvcalloc(100, 30, GFP_KERNEL);
	CHECK(p && all_zero(p, 3000));
	kvfree(p);
	return 0;
}

static int vmalloc_zeroed_and_usable(struct conform_dev *dev)
{
	size_t mid = 3UL << 20;
	char *p, *z;

	p = vmalloc(mid);
	CHECK(p);
	fill(p, mid, 9);
	z = vzalloc(mid);
	if (!z) {
		vfree(p);
		CHECK(z);
	}
	if (!all_zero(z, mid) || !intact(p, mid, 9)) {
		vfree(z);
		vfree(p);
		CHECK(!"vzalloc zeroed beside an intact vmalloc");
	}
	vfree(z);
	vfree(p);
	p = vmalloc(100);
	CHECK(p);
	memset(p, 1, 100);
	vfree(p);
	return 0;
}

/* vmalloc_to_page() gives the page behind each part of the mapping: its bytes are the same. */
static int vmalloc_to_page_backs(struct conform_dev *dev)
{
	size_t n = 5 * PAGE_SIZE;
	u8 *p = vmalloc(n);
	bool ok = true;

	CHECK(p);
	for (size_t off = 0; off < n && ok; off += PAGE_SIZE) {
		struct page *pg = vmalloc_to_page(p + off + 10);
		u8 *alias = pg ? page_address(pg) : NULL;

		p[off + 10] = (u8)(off >> 12) + 1;
		ok = alias && alias[10] == (u8)(off >> 12) + 1;
		if (ok) {
			alias[20] = 0x5a;
			ok = p[off + 20] == 0x5a;
		}
	}
	vfree(p);
	CHECK(ok);
	return 0;
}

static const struct conform_case slab_cases[] = {
	{ "min_align_and_disjoint", min_align_and_disjoint },
	{ "power_of_two_natural_align", power_of_two_natural_align },
	{ "ksize_at_least_size", ksize_at_least_size },
	{ "zero_size_and_null", zero_size_and_null },
	{ "zeroing_forms_zero", zeroing_forms_zero },
	{ "array_overflow_null", array_overflow_null },
	{ "too_large_null", too_large_null },
	{ "krealloc_keeps_contents", krealloc_keeps_contents },
	{ "kstrdup_family", kstrdup_family },
	{ "cache_ctor_once", cache_ctor_once },
	{ "cache_alignment", cache_alignment },
	{ "gfp_atomic_in_timer", gfp_atomic_in_timer },
	{ "gfp_blocking_flags", gfp_blocking_flags },
	{ "kvmalloc_large_and_small", kvmalloc_large_and_small },
	{ "vmalloc_zeroed_and_usable", vmalloc_zeroed_and_usable },
	{ "vmalloc_to_page_backs", vmalloc_to_page_backs },
};
CONFORM_SUITE(slab, slab_cases);
