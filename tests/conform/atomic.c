// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * atomic.c - atomics, refcounts and bit operations (Documentation/
 * atomic_t.txt, atomic_bitops.txt, core-api/refcount-vs-atomic.rst): the
 * value each operation returns (the _return forms the new value, the
 * fetch_ forms the old, cmpxchg what it found, try_cmpxchg whether it
 * swapped and, when not, what it found), the conditional forms acting only
 * when they say so, all of it on atomic_t, atomic64_t and atomic_long_t;
 * refcount_t and kref counting and releasing once; test_and_* bit
 * operations returning the old bit, the searches at their edges; no
 * increment lost and each bit claimed once when two kthreads race; and a
 * reader that sees a value published with smp_store_release() through
 * smp_load_acquire() sees what was written before it.
 */
#include <linux/atomic.h>
#include <linux/bitmap.h>
#include <linux/bitops.h>
#include <linux/err.h>
#include <linux/kref.h>
#include <linux/kthread.h>
#include <linux/limits.h>
#include <linux/refcount.h>
#include <asm/barrier.h>

#include "conform.h"

static int atomic_returns(struct conform_dev *dev)
{
	atomic_t v = ATOMIC_INIT(5);
	int old;

	CHECK_CMP(atomic_read(&v), ==, 5);
	atomic_set(&v, 10);
	atomic_add(5, &v);
	atomic_sub(3, &v);
	atomic_inc(&v);
	atomic_dec(&v);
	atomic_dec(&v);
	CHECK_CMP(atomic_read(&v), ==, 11);
	CHECK_CMP(atomic_add_return(4, &v), ==, 15);
	CHECK_CMP(atomic_sub_return(5, &v), ==, 10);
	CHECK_CMP(atomic_inc_return(&v), ==, 11);
	CHECK_CMP(atomic_dec_return(&v), ==, 10);
	CHECK_CMP(atomic_fetch_add(2, &v), ==, 10);
	CHECK_CMP(atomic_fetch_sub(2, &v), ==, 12);
	CHECK_CMP(atomic_fetch_inc(&v), ==, 10);
	CHECK_CMP(atomic_fetch_dec(&v), ==, 11);
	CHECK_CMP(atomic_read(&v), ==, 10);
	atomic_set(&v, 0xf0);
	atomic_or(0x0f, &v);
	atomic_and(0x3c, &v);
	atomic_xor(0x01, &v);
	atomic_andnot(0x04, &v);
	CHECK_CMP(atomic_read(&v), ==, 0x39);
	CHECK_CMP(atomic_fetch_or(0x40, &v), ==, 0x39);
	CHECK_CMP(atomic_fetch_and(0x70, &v), ==, 0x79);
	CHECK_CMP(atomic_fetch_xor(0xff, &v), ==, 0x70);
	CHECK_CMP(atomic_fetch_andnot(0x0f, &v), ==, 0x8f);
	CHECK_CMP(atomic_read(&v), ==, 0x80);
	CHECK_CMP(atomic_xchg(&v, 7), ==, 0x80);
	CHECK_CMP(atomic_cmpxchg(&v, 7, 8), ==, 7);
	CHECK_CMP(atomic_cmpxchg(&v, 7, 9), ==, 8); /* failed: what it found */
	CHECK_CMP(atomic_read(&v), ==, 8);
	old = 8;
	CHECK(atomic_try_cmpxchg(&v, &old, 9));
	CHECK_CMP(old, ==, 8);
	old = 1;
	CHECK(!atomic_try_cmpxchg(&v, &old, 2));
	CHECK_CMP(old, ==, 9);
	CHECK_CMP(atomic_read(&v), ==, 9);
	/* The ordered forms compute the same values. */
	CHECK_CMP(atomic_add_return_relaxed(1, &v), ==, 10);
	CHECK_CMP(atomic_add_return_acquire(1, &v), ==, 11);
	CHECK_CMP(atomic_add_return_release(1, &v), ==, 12);
	CHECK_CMP(atomic_fetch_add_relaxed(1, &v), ==, 12);
	CHECK_CMP(atomic_fetch_sub_release(1, &v), ==, 13);
	CHECK_CMP(atomic_fetch_or_acquire(0, &v), ==, 12);
	CHECK_CMP(atomic_xchg_relaxed(&v, 1), ==, 12);
	CHECK_CMP(atomic_xchg_acquire(&v, 2), ==, 1);
	CHECK_CMP(atomic_xchg_release(&v, 3), ==, 2);
	CHECK_CMP(atomic_cmpxchg_relaxed(&v, 3, 4), ==, 3);
	CHECK_CMP(atomic_cmpxchg_acquire(&v, 4, 5), ==, 4);
	CHECK_CMP(atomic_cmpxchg_release(&v, 0, 6), ==, 5);
	old = 5;
	CHECK(atomic_try_cmpxchg_acquire(&v, &old, 6));
	CHECK_CMP(atomic_read_acquire(&v), ==, 6);
	atomic_set_release(&v, 1);
	CHECK_CMP(atomic_fetch_inc_relaxed(&v), ==, 1);
	CHECK_CMP(atomic_dec_return_release(&v), ==, 1);
	/* Arithmetic wraps. */
	atomic_set(&v, INT_MAX);
	atomic_inc(&v);
	CHECK_CMP(atomic_read(&v), ==, INT_MIN);
	return 0;
}

static int atomic_conditionals(struct conform_dev *dev)
{
	atomic_t v = ATOMIC_INIT(-1);

	CHECK(atomic_inc_and_test(&v));
	CHECK(!atomic_inc_and_test(&v));
	atomic_set(&v, 2);
	CHECK(!atomic_dec_and_test(&v));
	CHECK(atomic_dec_and_test(&v));
	CHECK_CMP(atomic_read(&v), ==, 0);
	atomic_set(&v, 3);
	CHECK(atomic_sub_and_test(3, &v));
	CHECK(!atomic_sub_and_test(1, &v));
	CHECK_CMP(atomic_read(&v), ==, -1);
	atomic_set(&v, 3);
	CHECK(atomic_add_negative(-5, &v));
	CHECK(!atomic_add_negative(2, &v));
	CHECK_CMP(atomic_read(&v), ==, 0);
	/* add_unless: nothing happens when v is u. */
	atomic_set(&v, 5);
	CHECK(!atomic_add_unless(&v, 1, 5));
	CHECK_CMP(atomic_read(&v), ==, 5);
	CHECK(atomic_add_unless(&v, 1, 4));
	CHECK_CMP(atomic_read(&v), ==, 6);
	CHECK_CMP(atomic_fetch_add_unless(&v, 10, 6), ==, 6);
	CHECK_CMP(atomic_read(&v), ==, 6);
	CHECK_CMP(atomic_fetch_add_unless(&v, 10, 0), ==, 6);
	CHECK_CMP(atomic_read(&v), ==, 16);
	atomic_set(&v, 0);
	CHECK(!atomic_inc_not_zero(&v));
	CHECK_CMP(atomic_read(&v), ==, 0);
	atomic_set(&v, 3);
	CHECK(atomic_inc_not_zero(&v));
	CHECK_CMP(atomic_read(&v), ==, 4);
	atomic_set(&v, -1);
	CHECK(!atomic_inc_unless_negative(&v));
	atomic_set(&v, 0);
	CHECK(atomic_inc_unless_negative(&v));
	CHECK(!atomic_dec_unless_positive(&v));
	CHECK_CMP(atomic_read(&v), ==, 1);
	atomic_set(&v, 0);
	CHECK(atomic_dec_unless_positive(&v));
	CHECK_CMP(atomic_read(&v), ==, -1);
	/* dec_if_positive: the value less one, stored only when not negative. */
	atomic_set(&v, 1);
	CHECK_CMP(atomic_dec_if_positive(&v), ==, 0);
	CHECK_CMP(atomic_dec_if_positive(&v), ==, -1);
	CHECK_CMP(atomic_read(&v), ==, 0);
	atomic_set(&v, INT_MAX);
	CHECK(atomic_add_unless(&v, 1, 0));
	CHECK_CMP(atomic_read(&v), ==, INT_MIN);
	/* INT_MIN less one wraps to INT_MAX, which is not negative. */
	CHECK_CMP(atomic_dec_if_positive(&v), ==, INT_MAX);
	CHECK_CMP(atomic_read(&v), ==, INT_MAX);
	return 0;
}

static int atomic64_and_long(struct conform_dev *dev)
{
	atomic64_t v = ATOMIC64_INIT(1LL << 40);
	atomic_long_t l = ATOMIC_LONG_INIT(LONG_MAX);
	s64 old = 1;
	long lold;

	CHECK_CMP(sizeof(atomic_t), ==, 4);
	CHECK_CMP(sizeof(atomic64_t), ==, 8);
	CHECK_CMP(sizeof(atomic_long_t), ==, sizeof(long));
	CHECK_CMP(atomic64_read(&v), ==, 1LL << 40);
	CHECK_CMP(atomic64_add_return(1LL << 40, &v), ==, 1LL << 41);
	CHECK_CMP(atomic64_fetch_sub(1, &v), ==, 1LL << 41);
	CHECK_CMP(atomic64_read(&v), ==, (1LL << 41) - 1);
	CHECK_CMP(atomic64_cmpxchg(&v, 0, 5), ==, (1LL << 41) - 1);
	CHECK(!atomic64_try_cmpxchg(&v, &old, 5));
	CHECK_CMP(old, ==, (1LL << 41) - 1);
	CHECK(atomic64_try_cmpxchg(&v, &old, 5));
	CHECK_CMP(atomic64_xchg(&v, -1), ==, 5);
	CHECK(atomic64_inc_and_test(&v));
	CHECK_CMP(atomic64_fetch_or(1LL << 62, &v), ==, 0);
	CHECK(atomic64_inc_not_zero(&v));
	CHECK(!atomic64_dec_and_test(&v));
	CHECK_CMP(atomic64_read(&v), ==, 1LL << 62);
	atomic_long_inc(&l);
	CHECK_CMP(atomic_long_read(&l), ==, LONG_MIN);
	atomic_long_set(&l, 7);
	CHECK_CMP(atomic_long_add_return(3, &l), ==, 10);
	CHECK_CMP(atomic_long_fetch_dec(&l), ==, 10);
	lold = 9;
	CHECK(atomic_long_try_cmpxchg(&l, &lold, 1L << 50));
	CHECK_CMP(atomic_long_cmpxchg(&l, 0, 1), ==, 1L << 50);
	CHECK_CMP(atomic_long_xchg(&l, 0), ==, 1L << 50);
	CHECK(!atomic_long_add_unless(&l, 1, 0));
	CHECK_CMP(atomic_long_dec_if_positive(&l), ==, -1);
	CHECK_CMP(atomic_long_read(&l), ==, 0);
	return 0;
}

struct node {
	int id;
};

static int xchg_cmpxchg_scalars(struct conform_dev *dev)
{
	u8 b = 1;
	u16 h = 2;
	u32 w = 3, wold;
	u64 q = 4;
	bool flag = false;
	struct node n1 = { 1 }, n2 = { 2 };
	struct node *p = NULL, *pold;

	CHECK_CMP(xchg(&b, 0xff), ==, 1);
	CHECK_CMP(b, ==, 0xff);
	CHECK_CMP(xchg_relaxed(&h, 0xbeef), ==, 2);
	CHECK_CMP(xchg_acquire(&w, 5), ==, 3);
	CHECK_CMP(xchg_release(&w, 6), ==, 5);
	CHECK(xchg(&q, 1ULL << 63) == 4 && q == 1ULL << 63);
	CHECK(!xchg(&flag, true));
	CHECK(flag);
	CHECK_CMP(cmpxchg(&b, 0xff, 7), ==, 0xff);
	CHECK_CMP(cmpxchg(&b, 0xff, 8), ==, 7);
	CHECK_CMP(b, ==, 7);
	CHECK_CMP(cmpxchg_relaxed(&h, 0xbeef, 1), ==, 0xbeef);
	CHECK_CMP(cmpxchg_acquire(&h, 2, 3), ==, 1);
	CHECK_CMP(cmpxchg_release(&w, 6, 7), ==, 6);
	CHECK(cmpxchg64(&q, 1ULL << 63, 9) == 1ULL << 63);
	CHECK_CMP(cmpxchg_local(&q, 9, 10), ==, 9);
	CHECK(cmpxchg64_local(&q, 0, 11) == 10 && q == 10);
	wold = 1;
	CHECK(!try_cmpxchg(&w, &wold, 2));
	CHECK_CMP(wold, ==, 7);
	CHECK(try_cmpxchg(&w, &wold, 2));
	CHECK_CMP(w, ==, 2);
	CHECK(!try_cmpxchg_relaxed(&w, &wold, 3));
	CHECK_CMP(wold, ==, 2);
	CHECK(try_cmpxchg_acquire(&w, &wold, 3));
	CHECK(!try_cmpxchg_release(&w, &wold, 4));
	/* Pointers, NULL included. */
	CHECK(cmpxchg(&p, NULL, &n1) == NULL && p == &n1);
	CHECK(cmpxchg(&p, NULL, &n2) == &n1 && p == &n1);
	CHECK(xchg(&p, &n2) == &n1 && p->id == 2);
	pold = &n1;
	CHECK(!try_cmpxchg(&p, &pold, NULL) && pold == &n2);
	CHECK(try_cmpxchg(&p, &pold, NULL) && p == NULL);
	return 0;
}

static int refcount_counts(struct conform_dev *dev)
{
	refcount_t r = REFCOUNT_INIT(1);

	CHECK_CMP(refcount_read(&r), ==, 1);
	refcount_inc(&r);
	refcount_add(3, &r);
	CHECK_CMP(refcount_read(&r), ==, 5);
	CHECK(!refcount_dec_and_test(&r));
	refcount_dec(&r);
	CHECK(!refcount_sub_and_test(2, &r));
	CHECK_CMP(refcount_read(&r), ==, 1);
	CHECK(refcount_inc_not_zero(&r));
	CHECK(refcount_add_not_zero(2, &r));
	CHECK_CMP(refcount_read(&r), ==, 4);
	CHECK(refcount_sub_and_test(4, &r));
	CHECK_CMP(refcount_read(&r), ==, 0);
	/* On 0 the _not_zero forms do nothing (and nothing is wrong). */
	CHECK(!refcount_inc_not_zero(&r));
	CHECK(!refcount_add_not_zero(3, &r));
	CHECK_CMP(refcount_read(&r), ==, 0);
	refcount_set(&r, 1);
	CHECK(refcount_dec_if_one(&r));
	CHECK(!refcount_dec_if_one(&r));
	refcount_set(&r, 2);
	CHECK(!refcount_dec_if_one(&r));
	CHECK_CMP(refcount_read(&r), ==, 2);
	/* Where a misused count is pinned, and the largest valid one. */
	CHECK_CMP(REFCOUNT_SATURATED, ==, (int)0xc0000000);
	CHECK_CMP(REFCOUNT_MAX, ==, INT_MAX);
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

static int kref_releases_once(struct conform_dev *dev)
{
	struct kobj o = { .ref = KREF_INIT(1) };

	kref_get(&o.ref);
	kref_get(&o.ref);
	CHECK_CMP(kref_read(&o.ref), ==, 3);
	CHECK_CMP(kref_put(&o.ref, kobj_release), ==, 0);
	CHECK(kref_get_unless_zero(&o.ref));
	CHECK_CMP(kref_put(&o.ref, kobj_release), ==, 0);
	CHECK_CMP(kref_put(&o.ref, kobj_release), ==, 0);
	CHECK_CMP(o.released, ==, 0);
	CHECK_CMP(kref_put(&o.ref, kobj_release), ==, 1);
	CHECK_CMP(o.released, ==, 1);
	CHECK(!kref_get_unless_zero(&o.ref));
	CHECK_CMP(o.released, ==, 1);
	kref_init(&o.ref);
	CHECK_CMP(kref_read(&o.ref), ==, 1);
	return 0;
}

#define MAP_BITS 200

static int bitops_return_old(struct conform_dev *dev)
{
	DECLARE_BITMAP(map, MAP_BITS);
	unsigned long lock = 0;

	bitmap_zero(map, MAP_BITS);
	set_bit(0, map);
	set_bit(63, map);
	set_bit(64, map);
	set_bit(199, map);
	CHECK(map[0] == (1UL | 1UL << 63) && map[1] == 1 && map[2] == 0 && map[3] == 1UL << 7);
	CHECK(test_bit(0, map) && test_bit(63, map) && test_bit(64, map) && test_bit(199, map));
	CHECK(!test_bit(1, map) && !test_bit(62, map) && !test_bit(65, map));
	clear_bit(63, map);
	change_bit(64, map);
	change_bit(65, map);
	CHECK(map[0] == 1 && map[1] == 2);
	CHECK(!test_and_set_bit(130, map));
	CHECK(test_and_set_bit(130, map));
	CHECK(test_and_clear_bit(130, map));
	CHECK(!test_and_clear_bit(130, map));
	CHECK(!test_and_change_bit(5, map));
	CHECK(test_and_change_bit(5, map));
	CHECK(!test_bit(5, map));
	__set_bit(128, map);
	__clear_bit(199, map);
	__change_bit(127, map);
	CHECK(map[1] == (2UL | 1UL << 63) && map[2] == 1 && map[3] == 0);
	CHECK(!__test_and_set_bit(150, map));
	CHECK(__test_and_set_bit(150, map));
	CHECK(__test_and_clear_bit(150, map));
	CHECK(!__test_and_clear_bit(150, map));
	CHECK(!__test_and_change_bit(3, map));
	CHECK(__test_and_change_bit(3, map));
	CHECK_CMP(map[0], ==, 1);
	assign_bit(10, map, true);
	__assign_bit(11, map, true);
	assign_bit(0, map, false);
	CHECK_CMP(map[0], ==, 3UL << 10);
	/* A bit lock: taken once, refused while held, taken again after unlock. */
	CHECK(!test_and_set_bit_lock(2, &lock));
	CHECK(test_and_set_bit_lock(2, &lock));
	clear_bit_unlock(2, &lock);
	CHECK(lock == 0 && !test_and_set_bit_lock(2, &lock));
	__clear_bit_unlock(2, &lock);
	CHECK_CMP(lock, ==, 0);
	CHECK(!test_bit_acquire(2, &lock));
	/* Little-endian bit numbers count bytes in memory order: bit 9 is byte 1's bit 1. */
	{
		unsigned long bytes[1] = { 0 };

		__set_bit_le(9, bytes);
		CHECK(((u8 *)bytes)[1] == 2 && test_bit_le(9, bytes));
		clear_bit_le(9, bytes);
		CHECK_CMP(bytes[0], ==, 0);
	}
	return 0;
}

static int find_edges(struct conform_dev *dev)
{
	static const unsigned long want[] = { 3, 64, 127, 128, 199 };
	DECLARE_BITMAP(map, MAP_BITS);
	DECLARE_BITMAP(small, 70);
	unsigned long bit, n;

	bitmap_zero(map, MAP_BITS);
	CHECK_CMP(find_first_bit(map, MAP_BITS), ==, MAP_BITS);
	CHECK_CMP(find_next_bit(map, MAP_BITS, 0), ==, MAP_BITS);
	CHECK_CMP(find_first_zero_bit(map, MAP_BITS), ==, 0);
	CHECK_CMP(find_last_bit(map, MAP_BITS), ==, MAP_BITS);
	for (n = 0; n < ARRAY_SIZE(want); n++)
		set_bit(want[n], map);
	CHECK_CMP(find_first_bit(map, MAP_BITS), ==, 3);
	CHECK_CMP(find_next_bit(map, MAP_BITS, 3), ==, 3);
	CHECK_CMP(find_next_bit(map, MAP_BITS, 4), ==, 64);
	CHECK_CMP(find_next_bit(map, MAP_BITS, 65), ==, 127);
	CHECK_CMP(find_next_bit(map, MAP_BITS, 129), ==, 199);
	CHECK_CMP(find_next_bit(map, MAP_BITS, 200), ==, MAP_BITS);
	/* A set bit at or past size is not found. */
	CHECK_CMP(find_next_bit(map, 199, 129), ==, 199);
	CHECK_CMP(find_next_bit(map, 127, 65), ==, 127);
	CHECK_CMP(find_first_bit(map, 3), ==, 3);
	CHECK_CMP(find_last_bit(map, MAP_BITS), ==, 199);
	CHECK_CMP(find_last_bit(map, 199), ==, 128);
	CHECK_CMP(find_last_bit(map, 64), ==, 3);
	CHECK_CMP(find_next_zero_bit(map, MAP_BITS, 3), ==, 4);
	CHECK_CMP(find_next_zero_bit(map, MAP_BITS, 127), ==, 129);
	n = 0;
	for_each_set_bit(bit, map, MAP_BITS) {
		CHECK(n < ARRAY_SIZE(want) && bit == want[n]);
		n++;
	}
	CHECK_CMP(n, ==, ARRAY_SIZE(want));
	n = 0;
	for_each_clear_bit(bit, map, MAP_BITS)
		n++;
	CHECK_CMP(n, ==, MAP_BITS - ARRAY_SIZE(want));
	bit = 100;
	n = 0;
	for_each_set_bit_from(bit, map, MAP_BITS)
		n++;
	CHECK_CMP(n, ==, 3);
	/* Bits past size in the last word are not seen. */
	bitmap_zero(small, 70);
	small[1] = ~0UL << 6;
	CHECK_CMP(find_first_bit(small, 70), ==, 70);
	CHECK_CMP(find_last_bit(small, 70), ==, 70);
	CHECK(bitmap_empty(small, 70));
	bitmap_fill(map, MAP_BITS);
	CHECK_CMP(find_first_zero_bit(map, MAP_BITS), ==, MAP_BITS);
	clear_bit(150, map);
	CHECK_CMP(find_first_zero_bit(map, MAP_BITS), ==, 150);
	CHECK_CMP(find_next_zero_bit(map, MAP_BITS, 151), ==, MAP_BITS);
	CHECK_CMP(find_next_zero_bit(map, 150, 0), ==, 150);
	return 0;
}

/* Two kthreads racing, released together. */
#define RACE_INCS 200000
#define RACE_BITS 16384
static atomic_t race_count, race_ready;
static DECLARE_BITMAP(race_map, RACE_BITS);
static unsigned long race_won[2];
static atomic_t race_done;

/* Sleeps, not spins, while it waits: the other may need this CPU to come. */
static void race_start(void)
{
	atomic_inc(&race_ready);
	while (atomic_read(&race_ready) < 2)
		usleep_range(10, 20);
}

static int race_fn(void *data)
{
	int me = (int)(long)data;

	race_start();
	for (int i = 0; i < RACE_INCS; i++) {
		atomic_inc(&race_count);
		if (i % 1024 == 0)
			cond_resched();
	}
	for (unsigned long bit = 0; bit < RACE_BITS; bit++)
		race_won[me] += !test_and_set_bit(bit, race_map);
	atomic_inc(&race_done);
	conform_idle_until_stopped();
	return 0;
}

static int two_kthreads_race(struct conform_dev *dev)
{
	struct task_struct *k[2];
	bool done;

	atomic_set(&race_count, 0);
	atomic_set(&race_ready, 0);
	atomic_set(&race_done, 0);
	bitmap_zero(race_map, RACE_BITS);
	race_won[0] = race_won[1] = 0;
	k[0] = kthread_run(race_fn, (void *)0L, "conform-race0");
	CHECK(!IS_ERR(k[0]));
	k[1] = kthread_run(race_fn, (void *)1L, "conform-race1");
	if (IS_ERR(k[1])) {
		atomic_inc(&race_ready);
		kthread_stop(k[0]);
		CHECK(!"no second kthread");
	}
	done = conform_wait_until(atomic_read(&race_done) == 2);
	kthread_stop(k[0]);
	kthread_stop(k[1]);
	CHECK(done);
	CHECK_CMP(atomic_read(&race_count), ==, 2 * RACE_INCS);
	CHECK_CMP(race_won[0] + race_won[1], ==, RACE_BITS);
	CHECK_CMP(bitmap_weight(race_map, RACE_BITS), ==, RACE_BITS);
	return 0;
}

/*
 * Message passing: the writer stores data, then the flag with release; a
 * reader that loads the flag with acquire finds data at least as new.
 */
#define MP_ROUNDS 100000
static unsigned long mp_data, mp_flag;

static int mp_writer_fn(void *data)
{
	for (unsigned long i = 1; i <= MP_ROUNDS; i++) {
		WRITE_ONCE(mp_data, i);
		smp_store_release(&mp_flag, i);
		if (i % 4096 == 0)
			cond_resched();
	}
	conform_idle_until_stopped();
	return 0;
}

static int release_acquire_pass_messages(struct conform_dev *dev)
{
	struct task_struct *k;
	unsigned long f, d, stale = 0, looks = 0, guard = jiffies + CONFORM_HANG_GUARD;
	int x = 0;

	WRITE_ONCE(mp_data, 0);
	WRITE_ONCE(mp_flag, 0);
	k = kthread_run(mp_writer_fn, NULL, "conform-mp");
	CHECK(!IS_ERR(k));
	do {
		f = smp_load_acquire(&mp_flag);
		d = READ_ONCE(mp_data);
		stale += d < f;
		/* Lets the writer have this CPU, should it share it. */
		if (++looks % 256 == 0)
			usleep_range(10, 20);
	} while (f != MP_ROUNDS && time_before(jiffies, guard));
	kthread_stop(k);
	CHECK_CMP(f, ==, MP_ROUNDS);
	CHECK_CMP(stale, ==, 0);
	/* A store with a full barrier after it, as used. */
	smp_store_mb(x, 7);
	CHECK_CMP(READ_ONCE(x), ==, 7);
	return 0;
}

static const struct conform_case atomic_cases[] = {
	{ "atomic_returns", atomic_returns },
	{ "atomic_conditionals", atomic_conditionals },
	{ "atomic64_and_long", atomic64_and_long },
	{ "xchg_cmpxchg_scalars", xchg_cmpxchg_scalars },
	{ "refcount_counts", refcount_counts },
	{ "kref_releases_once", kref_releases_once },
	{ "bitops_return_old", bitops_return_old },
	{ "find_edges", find_edges },
	{ "two_kthreads_race", two_kthreads_race },
	{ "release_acquire_pass_messages", release_acquire_pass_messages },
};
CONFORM_SUITE(atomic, atomic_cases);
