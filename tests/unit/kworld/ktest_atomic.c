// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ktest_atomic.c - K-world checks for test_kheaders.c: the values (not the
 * ordering) of the atomic_t, atomic64_t and atomic_long_t operations and
 * of xchg/cmpxchg on plain scalars, the barriers as used, refcount_t and
 * kref; refcount_t misuses whose warnings the harness counts; and the
 * shared counter and bitmap that host threads race on.
 */
#include <linux/atomic.h>
#include <linux/bitmap.h>
#include <linux/bitops.h>
#include <linux/kernel.h>
#include <linux/kref.h>
#include <linux/limits.h>
#include <linux/refcount.h>
#include <asm/barrier.h>

#include "ktest.h"

static int atomic_values(void)
{
	atomic_t v = ATOMIC_INIT(5);
	int old;

	KCHECK(atomic_read(&v) == 5);
	atomic_set(&v, 10);
	atomic_add(5, &v);
	atomic_sub(3, &v);
	atomic_inc(&v);
	atomic_dec(&v);
	atomic_dec(&v);
	KCHECK(atomic_read(&v) == 11);
	KCHECK(atomic_add_return(4, &v) == 15 && atomic_sub_return(5, &v) == 10);
	KCHECK(atomic_inc_return(&v) == 11 && atomic_dec_return(&v) == 10);
	KCHECK(atomic_fetch_add(2, &v) == 10 && atomic_fetch_sub(2, &v) == 12);
	KCHECK(atomic_fetch_inc(&v) == 10 && atomic_fetch_dec(&v) == 11 && atomic_read(&v) == 10);
	atomic_set(&v, 0xf0);
	atomic_or(0x0f, &v);
	atomic_and(0x3c, &v);
	atomic_xor(0x01, &v);
	atomic_andnot(0x04, &v);
	KCHECK(atomic_read(&v) == 0x39);
	KCHECK(atomic_fetch_or(0x40, &v) == 0x39 && atomic_fetch_and(0x70, &v) == 0x79);
	KCHECK(atomic_fetch_xor(0xff, &v) == 0x70 && atomic_fetch_andnot(0x0f, &v) == 0x8f);
	KCHECK(atomic_read(&v) == 0x80);
	KCHECK(atomic_xchg(&v, 7) == 0x80 && atomic_read(&v) == 7);
	/* cmpxchg returns what it found: the expected value on success ... */
	KCHECK(atomic_cmpxchg(&v, 7, 8) == 7 && atomic_read(&v) == 8);
	/* ... and the current one, unchanged, on failure. */
	KCHECK(atomic_cmpxchg(&v, 7, 9) == 8 && atomic_read(&v) == 8);
	old = 8;
	KCHECK(atomic_try_cmpxchg(&v, &old, 9) && old == 8 && atomic_read(&v) == 9);
	old = 1;
	KCHECK(!atomic_try_cmpxchg(&v, &old, 2) && old == 9 && atomic_read(&v) == 9);
	/* The ordered forms compute the same values. */
	KCHECK(atomic_add_return_relaxed(1, &v) == 10 && atomic_add_return_acquire(1, &v) == 11);
	KCHECK(atomic_add_return_release(1, &v) == 12 && atomic_fetch_add_relaxed(1, &v) == 12);
	KCHECK(atomic_fetch_sub_release(1, &v) == 13 && atomic_fetch_or_acquire(0, &v) == 12);
	KCHECK(atomic_xchg_relaxed(&v, 1) == 12 && atomic_xchg_acquire(&v, 2) == 1);
	KCHECK(atomic_xchg_release(&v, 3) == 2 && atomic_cmpxchg_relaxed(&v, 3, 4) == 3);
	KCHECK(atomic_cmpxchg_acquire(&v, 4, 5) == 4 && atomic_cmpxchg_release(&v, 0, 6) == 5);
	old = 5;
	KCHECK(atomic_try_cmpxchg_acquire(&v, &old, 6) && atomic_read_acquire(&v) == 6);
	atomic_set_release(&v, 1);
	KCHECK(atomic_fetch_inc_relaxed(&v) == 1 && atomic_dec_return_release(&v) == 1);
	return 0;
}

static int atomic_conditionals(void)
{
	atomic_t v = ATOMIC_INIT(-1);

	KCHECK(atomic_inc_and_test(&v) && atomic_read(&v) == 0);
	KCHECK(!atomic_inc_and_test(&v));
	atomic_set(&v, 2);
	KCHECK(!atomic_dec_and_test(&v) && atomic_dec_and_test(&v) && atomic_read(&v) == 0);
	atomic_set(&v, 3);
	KCHECK(atomic_sub_and_test(3, &v) && !atomic_sub_and_test(1, &v) && atomic_read(&v) == -1);
	atomic_set(&v, 3);
	KCHECK(atomic_add_negative(-5, &v) && atomic_read(&v) == -2);
	KCHECK(!atomic_add_negative(2, &v) && atomic_read(&v) == 0);
	KCHECK(!atomic_add_negative_relaxed(0, &v));
	/* add_unless: nothing happens when v is u. */
	atomic_set(&v, 5);
	KCHECK(!atomic_add_unless(&v, 1, 5) && atomic_read(&v) == 5);
	KCHECK(atomic_add_unless(&v, 1, 4) && atomic_read(&v) == 6);
	KCHECK(atomic_fetch_add_unless(&v, 10, 6) == 6 && atomic_read(&v) == 6);
	KCHECK(atomic_fetch_add_unless(&v, 10, 0) == 6 && atomic_read(&v) == 16);
	atomic_set(&v, 0);
	KCHECK(!atomic_inc_not_zero(&v) && atomic_read(&v) == 0);
	atomic_set(&v, 3);
	KCHECK(atomic_inc_not_zero(&v) && atomic_read(&v) == 4);
	atomic_set(&v, -1);
	KCHECK(!atomic_inc_unless_negative(&v) && atomic_read(&v) == -1);
	atomic_set(&v, 0);
	KCHECK(atomic_inc_unless_negative(&v) && atomic_read(&v) == 1);
	KCHECK(!atomic_dec_unless_positive(&v) && atomic_read(&v) == 1);
	atomic_set(&v, 0);
	KCHECK(atomic_dec_unless_positive(&v) && atomic_read(&v) == -1);
	atomic_set(&v, 1);
	KCHECK(atomic_dec_if_positive(&v) == 0 && atomic_read(&v) == 0);
	KCHECK(atomic_dec_if_positive(&v) == -1 && atomic_read(&v) == 0);
	/* Arithmetic wraps. */
	atomic_set(&v, INT_MAX);
	atomic_inc(&v);
	KCHECK(atomic_read(&v) == INT_MIN);
	atomic_set(&v, INT_MAX);
	KCHECK(atomic_add_unless(&v, 1, 0) && atomic_read(&v) == INT_MIN);
	/* INT_MIN - 1 wraps to INT_MAX, which is not negative: decremented. */
	KCHECK(atomic_dec_if_positive(&v) == INT_MAX && atomic_read(&v) == INT_MAX);
	return 0;
}

static int atomic_wide(void)
{
	atomic64_t v = ATOMIC64_INIT(1LL << 40);
	atomic_long_t l = ATOMIC_LONG_INIT(LONG_MAX);
	s64 old = 1;
	long lold;

	KCHECK(sizeof(atomic64_t) == 8 && sizeof(atomic_long_t) == 8 && sizeof(atomic_t) == 4);
	KCHECK(atomic64_read(&v) == 1LL << 40);
	KCHECK(atomic64_add_return(1LL << 40, &v) == 1LL << 41);
	KCHECK(atomic64_fetch_sub(1, &v) == 1LL << 41 && atomic64_read(&v) == (1LL << 41) - 1);
	KCHECK(atomic64_cmpxchg(&v, 0, 5) == (1LL << 41) - 1);
	KCHECK(!atomic64_try_cmpxchg(&v, &old, 5) && old == (1LL << 41) - 1);
	KCHECK(atomic64_try_cmpxchg(&v, &old, 5) && atomic64_read(&v) == 5);
	KCHECK(atomic64_xchg(&v, -1) == 5 && atomic64_inc_and_test(&v));
	KCHECK(atomic64_fetch_or(1LL << 62, &v) == 0 && atomic64_read(&v) == 1LL << 62);
	KCHECK(atomic64_inc_not_zero(&v) && !atomic64_dec_and_test(&v));
	atomic_long_inc(&l);
	KCHECK(atomic_long_read(&l) == LONG_MIN);
	atomic_long_set(&l, 7);
	KCHECK(atomic_long_add_return(3, &l) == 10 && atomic_long_fetch_dec(&l) == 10);
	lold = 9;
	KCHECK(atomic_long_try_cmpxchg(&l, &lold, 1L << 50) && atomic_long_read(&l) == 1L << 50);
	KCHECK(atomic_long_cmpxchg(&l, 0, 1) == 1L << 50 && atomic_long_xchg(&l, 0) == 1L << 50);
	KCHECK(!atomic_long_add_unless(&l, 1, 0) && atomic_long_dec_if_positive(&l) == -1);
	return 0;
}

struct node {
	int id;
};

static int xchg_cmpxchg_scalars(void)
{
	u8 b = 1;
	u16 h = 2;
	u32 w = 3, wold;
	u64 q = 4;
	bool flag = false;
	struct node n1 = { 1 }, n2 = { 2 };
	struct node *p = NULL, *pold;

	KCHECK(xchg(&b, 0xff) == 1 && b == 0xff);
	KCHECK(xchg_relaxed(&h, 0xbeef) == 2 && h == 0xbeef);
	KCHECK(xchg_acquire(&w, 5) == 3 && xchg_release(&w, 6) == 5);
	KCHECK(xchg(&q, 1ULL << 63) == 4 && q == 1ULL << 63);
	KCHECK(xchg(&flag, true) == false && flag);
	KCHECK(cmpxchg(&b, 0xff, 7) == 0xff && b == 7);
	KCHECK(cmpxchg(&b, 0xff, 8) == 7 && b == 7);
	KCHECK(cmpxchg_relaxed(&h, 0xbeef, 1) == 0xbeef && cmpxchg_acquire(&h, 2, 3) == 1);
	KCHECK(cmpxchg_release(&w, 6, 7) == 6 && cmpxchg64(&q, 1ULL << 63, 9) == 1ULL << 63);
	KCHECK(cmpxchg_local(&q, 9, 10) == 9 && cmpxchg64_local(&q, 0, 11) == 10 && q == 10);
	wold = 1;
	KCHECK(!try_cmpxchg(&w, &wold, 2) && wold == 7 && w == 7);
	KCHECK(try_cmpxchg(&w, &wold, 2) && w == 2);
	KCHECK(try_cmpxchg_relaxed(&w, &wold, 3) == false && wold == 2);
	KCHECK(try_cmpxchg_acquire(&w, &wold, 3) && try_cmpxchg_release(&w, &wold, 4) == false);
	/* Pointers, NULL included. */
	KCHECK(cmpxchg(&p, NULL, &n1) == NULL && p == &n1);
	KCHECK(cmpxchg(&p, NULL, &n2) == &n1 && p == &n1);
	KCHECK(xchg(&p, &n2) == &n1 && p->id == 2);
	pold = &n1;
	KCHECK(!try_cmpxchg(&p, &pold, NULL) && pold == &n2);
	KCHECK(try_cmpxchg(&p, &pold, NULL) && p == NULL);
	return 0;
}

static int barriers(void)
{
	int x = 0, y;
	atomic_t v = ATOMIC_INIT(0);
	unsigned long bits = 0;

	mb();
	rmb();
	wmb();
	smp_mb();
	smp_rmb();
	smp_wmb();
	dma_rmb();
	dma_wmb();
	barrier();
	smp_store_release(&x, 5);
	y = smp_load_acquire(&x);
	KCHECK(y == 5);
	smp_mb__before_atomic();
	atomic_inc(&v);
	set_bit(3, &bits);
	smp_mb__after_atomic();
	KCHECK(atomic_read(&v) == 1 && bits == 8);
	smp_store_mb(x, 7);
	KCHECK(READ_ONCE(x) == 7);
	smp_acquire__after_ctrl_dep();
	return 0;
}

static int refcount_values(void)
{
	refcount_t r = REFCOUNT_INIT(1);

	KCHECK(refcount_read(&r) == 1);
	refcount_inc(&r);
	refcount_add(3, &r);
	KCHECK(refcount_read(&r) == 5);
	KCHECK(!refcount_dec_and_test(&r) && refcount_read(&r) == 4);
	refcount_dec(&r);
	KCHECK(!refcount_sub_and_test(2, &r) && refcount_read(&r) == 1);
	KCHECK(refcount_inc_not_zero(&r) && refcount_read(&r) == 2);
	KCHECK(refcount_add_not_zero(2, &r) && refcount_read(&r) == 4);
	KCHECK(refcount_sub_and_test(4, &r) && refcount_read(&r) == 0);
	/* On 0, *_not_zero does nothing (and does not warn). */
	KCHECK(!refcount_inc_not_zero(&r) && refcount_read(&r) == 0);
	KCHECK(!refcount_add_not_zero(3, &r) && refcount_read(&r) == 0);
	refcount_set(&r, 1);
	KCHECK(refcount_dec_if_one(&r) && refcount_read(&r) == 0 && !refcount_dec_if_one(&r));
	refcount_set_release(&r, 2);
	KCHECK(!refcount_dec_if_one(&r) && refcount_read(&r) == 2);
	KCHECK(REFCOUNT_SATURATED == (int)0xc0000000 && REFCOUNT_MAX == INT_MAX);
	return 0;
}

struct kobj {
	struct kref ref;
	int released;
};

static void kobj_release(struct kref *ref)
{
	container_of(ref, struct kobj, ref)->released++;
}

static int kref_release_once(void)
{
	struct kobj o = { .ref = KREF_INIT(1) }, o2;

	KCHECK(kref_read(&o.ref) == 1);
	kref_init(&o2.ref);
	o2.released = 0;
	KCHECK(kref_read(&o2.ref) == 1);
	kref_get(&o.ref);
	kref_get(&o.ref);
	KCHECK(kref_read(&o.ref) == 3);
	KCHECK(kref_put(&o.ref, kobj_release) == 0 && o.released == 0);
	KCHECK(kref_get_unless_zero(&o.ref) && kref_read(&o.ref) == 3);
	KCHECK(kref_put(&o.ref, kobj_release) == 0 && kref_put(&o.ref, kobj_release) == 0);
	KCHECK(o.released == 0 && kref_read(&o.ref) == 1);
	KCHECK(kref_put(&o.ref, kobj_release) == 1 && o.released == 1);
	/* Released: no new reference, and release is not called again. */
	KCHECK(!kref_get_unless_zero(&o.ref) && kref_read(&o.ref) == 0 && o.released == 1);
	KCHECK(kref_put(&o2.ref, kobj_release) == 1 && o2.released == 1);
	return 0;
}

static const struct ktest_check checks[] = {
	{ "atomic_values", atomic_values },
	{ "atomic_conditionals", atomic_conditionals },
	{ "atomic64_and_long", atomic_wide },
	{ "xchg_cmpxchg_scalars", xchg_cmpxchg_scalars },
	{ "barriers", barriers },
	{ "refcount_values", refcount_values },
	{ "kref_release_once", kref_release_once },
};

int ktest_kh_atomic(unsigned int i, const char **name, int run)
{
	return ktest_check_case(checks, ARRAY_SIZE(checks), i, name, run);
}

#define SATURATED ((unsigned int)REFCOUNT_SATURATED)

/*
 * Each kind of misuse saturates the count and warns (refcount_warn_saturate
 * reports each kind once per process; the harness counts the lines):
 * 0 increments past REFCOUNT_MAX, 1 increments 0, 2 drops below 0,
 * 3 drops to 0 with refcount_dec.
 */
int ktest_kh_refcount_misuse(int kind)
{
	refcount_t r;

	switch (kind) {
	case 0:
		refcount_set(&r, REFCOUNT_MAX);
		refcount_inc(&r);
		KCHECK(refcount_read(&r) == SATURATED);
		/* Saturated stays saturated, up or down. */
		refcount_inc(&r);
		refcount_add(100, &r);
		KCHECK(refcount_read(&r) == SATURATED);
		return 0;
	case 1:
		refcount_set(&r, 0);
		refcount_inc(&r);
		KCHECK(refcount_read(&r) == SATURATED);
		return 0;
	case 2:
		refcount_set(&r, 1);
		KCHECK(refcount_dec_and_test(&r) && refcount_read(&r) == 0);
		KCHECK(!refcount_dec_and_test(&r) && refcount_read(&r) == SATURATED);
		return 0;
	case 3:
		refcount_set(&r, 1);
		refcount_dec(&r);
		KCHECK(refcount_read(&r) == SATURATED);
		return 0;
	}
	return __LINE__;
}

/* What host threads race on: a counter and a bitmap. */
#define RACE_BITS 65536
static atomic_t race_count;
static DECLARE_BITMAP(race_bits, RACE_BITS);

/*
 * And a statistic, which one thread bumps with plain accesses while another
 * peeks at it through data_race(): under ThreadSanitizer the peek must not
 * be a report, and without the annotation it is one (the test dies).
 */
static unsigned long race_stat;

void ktest_kh_race_reset(void)
{
	atomic_set(&race_count, 0);
	bitmap_zero(race_bits, RACE_BITS);
	race_stat = 0;
}

void ktest_kh_race_inc(unsigned long n)
{
	while (n--)
		atomic_inc(&race_count);
}

long ktest_kh_race_count(void)
{
	return atomic_read(&race_count) + race_stat;
}

void ktest_kh_race_stat_bump(unsigned long n)
{
	while (n--) {
		race_stat++;
		barrier(); /* a store each round, not one add at the end */
	}
}

/* The largest value seen: any value from 0 to the final count is right. */
unsigned long ktest_kh_race_stat_peek(unsigned long n)
{
	unsigned long seen = 0;

	while (n--) {
		unsigned long v = data_race(race_stat);

		if (v > seen)
			seen = v;
		barrier();
	}
	return seen;
}

unsigned long ktest_kh_race_claim(unsigned long nbits)
{
	unsigned long bit, won = 0;

	for (bit = 0; bit < nbits && bit < RACE_BITS; bit++)
		if (!test_and_set_bit(bit, race_bits))
			won++;
	return won;
}

unsigned long ktest_kh_race_weight(unsigned long nbits)
{
	return bitmap_weight(race_bits, nbits < RACE_BITS ? nbits : RACE_BITS);
}
