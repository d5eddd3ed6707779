// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ktest_atomic.c - K-world checks for test_kheaders.c: what the
 * conformance suite's atomic cases (tests/conform/atomic.c) leave unsaid
 * of atomics, barriers, refcount_t and kref; refcount_t misuses whose
 * warnings the harness counts; and the statistic host threads race on
 * through data_race().
 */
#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/kernel.h>
#include <linux/kref.h>
#include <linux/refcount.h>
#include <asm/barrier.h>

#include "ktest.h"

/*
 * The conditional forms leave the value alone when they refuse, and the
 * _relaxed add_negative (not in Linux 6.1, so not in the conformance case)
 * answers as the plain one.
 */
static int atomic_conditionals(void)
{
	atomic_t v = ATOMIC_INIT(-1);

	KCHECK(!atomic_inc_unless_negative(&v) && atomic_read(&v) == -1);
	atomic_set(&v, 0);
	KCHECK(!atomic_add_negative_relaxed(0, &v) && atomic_add_negative_relaxed(-1, &v));
	KCHECK(atomic_read(&v) == -1);
	return 0;
}

/* The barriers as drivers use them: all compile, and none changes a value. */
static int barriers(void)
{
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
	smp_mb__before_atomic();
	atomic_inc(&v);
	set_bit(3, &bits);
	smp_mb__after_atomic();
	KCHECK(atomic_read(&v) == 1 && bits == 8);
	smp_acquire__after_ctrl_dep();
	return 0;
}

/* refcount_dec_if_one() leaves 0; refcount_set_release() sets as refcount_set(). */
static int refcount_values(void)
{
	refcount_t r = REFCOUNT_INIT(1);

	KCHECK(refcount_dec_if_one(&r) && refcount_read(&r) == 0);
	refcount_set_release(&r, 2);
	KCHECK(!refcount_dec_if_one(&r) && refcount_read(&r) == 2);
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

/* A kref from kref_init() is released by one put, and reads 0 after. */
static int kref_release_once(void)
{
	struct kobj o;

	kref_init(&o.ref);
	o.released = 0;
	KCHECK(kref_put(&o.ref, kobj_release) == 1 && o.released == 1);
	KCHECK(kref_read(&o.ref) == 0);
	return 0;
}

static const struct ktest_check checks[] = {
	{ "atomic_conditionals", atomic_conditionals },
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

/*
 * What host threads race on: a statistic, which one thread bumps with
 * plain accesses while another peeks at it through data_race(): under
 * ThreadSanitizer the peek must not be a report, and without the
 * annotation it is one (the test dies).
 */
static unsigned long race_stat;

void ktest_kh_race_reset(void)
{
	race_stat = 0;
}

long ktest_kh_race_count(void)
{
	return race_stat;
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
