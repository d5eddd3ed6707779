// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * mempool.c - memory pools (linux/mempool.h; mm/mempool.c's kernel-doc):
 * creation fills a reserve of min_nr elements from the allocator;
 * mempool_alloc() asks the allocator first and falls back to the reserve
 * when it fails; with an empty reserve a non-sleeping allocation returns
 * NULL, and a sleeping one waits until mempool_free() brings an element
 * back; mempool_free() refills the reserve before it calls the free
 * function; mempool_destroy() frees the reserve.
 */
#include <linux/atomic.h>
#include <linux/err.h>
#include <linux/kthread.h>
#include <linux/mempool.h>
#include <linux/sched.h>
#include <linux/slab.h>

#include "conform.h"

static bool pool_fails;
static int pool_allocs, pool_frees;

static void *pool_alloc(gfp_t gfp, void *data)
{
	if (READ_ONCE(pool_fails))
		return NULL;
	pool_allocs++;
	return kmalloc((size_t)data, gfp);
}

static void pool_free(void *element, void *data)
{
	pool_frees++;
	kfree(element);
}

static int reserve_after_failure(struct conform_dev *dev)
{
	void *a, *b, *c, *d, *e, *f;
	int allocs_made, frees_at_free, frees_at_end;
	mempool_t *pool;

	pool_fails = false;
	pool_allocs = pool_frees = 0;
	pool = mempool_create(2, pool_alloc, pool_free, (void *)64);
	CHECK(pool != NULL);
	allocs_made = pool_allocs;
	/* The allocator comes first, though the reserve is full. */
	a = mempool_alloc(pool, GFP_KERNEL);
	WRITE_ONCE(pool_fails, true);
	b = mempool_alloc(pool, GFP_KERNEL);
	c = mempool_alloc(pool, GFP_KERNEL);
	d = mempool_alloc(pool, GFP_NOWAIT);
	mempool_free(b, pool);
	e = mempool_alloc(pool, GFP_NOWAIT);
	frees_at_free = pool_frees;
	WRITE_ONCE(pool_fails, false);
	f = mempool_alloc(pool, GFP_KERNEL);
	/* Two refill the reserve; the third goes back to the allocator. */
	mempool_free(a, pool);
	mempool_free(e, pool);
	mempool_free(f, pool);
	mempool_free(c, pool);
	frees_at_end = pool_frees;
	mempool_destroy(pool);
	CHECK_CMP(allocs_made, ==, 2);
	CHECK(a && b && c && e && f);
	CHECK(d == NULL);
	CHECK(e == b);
	CHECK_CMP(frees_at_free, ==, 0);
	CHECK_CMP(frees_at_end, ==, 2);
	CHECK_CMP(pool_frees, ==, 4);
	CHECK_CMP(pool_allocs, ==, 4);
	return 0;
}

static mempool_t *wait_pool;
static void *wait_got;
static atomic_t wait_started;

static int waiter_fn(void *arg)
{
	atomic_set(&wait_started, 1);
	WRITE_ONCE(wait_got, mempool_alloc(wait_pool, GFP_KERNEL));
	while (!kthread_should_stop())
		schedule_timeout_interruptible(1);
	return 0;
}

static int sleeping_alloc_waits_for_free(struct conform_dev *dev)
{
	struct task_struct *k;
	void *held;
	bool waited;

	pool_fails = false;
	wait_pool = mempool_create(1, pool_alloc, pool_free, (void *)32);
	CHECK(wait_pool != NULL);
	WRITE_ONCE(pool_fails, true);
	held = mempool_alloc(wait_pool, GFP_KERNEL);
	wait_got = NULL;
	atomic_set(&wait_started, 0);
	k = kthread_run(waiter_fn, NULL, "conform-mpool");
	if (IS_ERR(k)) {
		mempool_free(held, wait_pool);
		mempool_destroy(wait_pool);
		CHECK(!IS_ERR(k));
	}
	conform_wait_until(atomic_read(&wait_started));
	/* It cannot have an element: the only one is held here. */
	schedule_timeout_interruptible(2);
	waited = READ_ONCE(wait_got) == NULL;
	mempool_free(held, wait_pool);
	conform_wait_until(READ_ONCE(wait_got) != NULL);
	kthread_stop(k);
	CHECK(held != NULL);
	CHECK(waited);
	CHECK(wait_got == held);
	mempool_free(wait_got, wait_pool);
	WRITE_ONCE(pool_fails, false);
	mempool_destroy(wait_pool);
	return 0;
}

static const struct conform_case mempool_cases[] = {
	{ "reserve_after_failure", reserve_after_failure },
	{ "sleeping_alloc_waits_for_free", sleeping_alloc_waits_for_free },
};
CONFORM_SUITE(mempool, mempool_cases);
