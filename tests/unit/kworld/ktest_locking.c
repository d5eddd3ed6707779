// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ktest_locking.c - K-world cases for test_locking.c: what the conformance
 * suite (tests/conform/locking.c, rcu.c, softirq.c, where the rest of the
 * rw_semaphore, semaphore, RCU and tasklet cases went) does not state:
 * forms it does not call, and uldd's own choices for RCU (readers that
 * disable preemption, grace periods without a tick, callbacks in the
 * softirq, kfree_rcu through the allocator).
 */
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/preempt.h>
#include <linux/rcupdate.h>
#include <linux/rwsem.h>
#include <linux/semaphore.h>
#include <linux/slab.h>
#include <linux/timekeeping.h>

#include "../../../shim/entry.h"
#include "../../../shim/mm/arena.h"
#include "ktest.h"

int KTEST(ktest_lock_setup)(unsigned int nr_vcpus)
{
	return uldd_sched_init(nr_vcpus);
}

/* locking.rwsem_trylocks takes readers with the killable form, not this one. */
static int case_rwsem_read_interruptible(void)
{
	struct rw_semaphore sem;

	init_rwsem(&sem);
	KCHECK(down_read_interruptible(&sem) == 0);
	KCHECK(rwsem_is_locked(&sem) && down_write_trylock(&sem) == 0);
	up_read(&sem);
	KCHECK(!rwsem_is_locked(&sem));
	return 0;
}

static DEFINE_SEMAPHORE(static_sem);

/* DEFINE_SEMAPHORE, as Linux 6.1 has it: one unit (locking.semaphore_counts uses sema_init). */
static int case_sem_trylock(void)
{
	KCHECK(down_trylock(&static_sem) == 0);
	KCHECK(down_trylock(&static_sem) == 1);
	up(&static_sem);
	KCHECK(down_interruptible(&static_sem) == 0);
	KCHECK(down_trylock(&static_sem) == 1);
	up(&static_sem);
	return 0;
}

/*
 * With no reader, a grace period needs no tick: synchronize_rcu() ends
 * well before a sleep of one jiffy. A loaded host delays both, so the
 * best of tries taken in turns is compared, not either with a fixed bound.
 */
static int case_rcu_prompt(void)
{
	u64 t0, best = U64_MAX, best_jiffy = U64_MAX;

	for (int i = 0; i < 10; i++) {
		t0 = ktime_get_ns();
		synchronize_rcu();
		best = min(best, ktime_get_ns() - t0);
		t0 = ktime_get_ns();
		msleep(jiffies_to_msecs(1));
		best_jiffy = min(best_jiffy, ktime_get_ns() - t0);
	}
	KCHECK(best + jiffies_to_nsecs(1) / 2 < best_jiffy);
	return 0;
}

/*
 * uldd's RCU is not preemptible: a reader is atomic. Linux with
 * CONFIG_PREEMPT_RCU (the guest's) says otherwise, so rcu.c cannot.
 */
static int case_rcu_reader_is_atomic(void)
{
	rcu_read_lock();
	KCHECK(in_atomic());
	rcu_read_unlock();
	KCHECK(!in_atomic());
	return 0;
}

struct rcu_probe {
	struct rcu_head rcu;
	int ran, in_softirq;
};

static void rcu_probe_cb(struct rcu_head *head)
{
	struct rcu_probe *p = container_of(head, struct rcu_probe, rcu);

	p->in_softirq = !!in_serving_softirq();
	WRITE_ONCE(p->ran, 1);
}

/*
 * A callback runs in the softirq itself: rcu.call_rcu_after_readers asks
 * only for bottom halves off, as Linux may run them from a kthread.
 */
static int case_call_rcu(void)
{
	struct rcu_probe p = { .ran = 0 };

	call_rcu(&p.rcu, rcu_probe_cb);
	rcu_barrier();
	KCHECK(READ_ONCE(p.ran) == 1);
	KCHECK(p.in_softirq);
	return 0;
}

struct rcu_item {
	int key;
	struct rcu_head rcu;
};

static int case_kfree_rcu(void)
{
	struct uldd_mm_stats before, during, after;
	struct rcu_item *item;

	rcu_barrier();
	uldd_mm_stats(&before);
	item = kmalloc(sizeof(*item), GFP_KERNEL);
	KCHECK(item);
	uldd_mm_stats(&during);
	KCHECK(during.kmalloc_objects == before.kmalloc_objects + 1);
	kfree_rcu(item, rcu);
	rcu_barrier();
	uldd_mm_stats(&after);
	KCHECK(after.kmalloc_objects == before.kmalloc_objects);
	return 0;
}

static const struct ktest_check lock_cases[] = {
	{ "rwsem_read_interruptible", case_rwsem_read_interruptible },
	{ "sem_trylock", case_sem_trylock },
	{ "rcu_prompt", case_rcu_prompt },
	{ "rcu_reader_is_atomic", case_rcu_reader_is_atomic },
	{ "call_rcu", case_call_rcu },
	{ "kfree_rcu", case_kfree_rcu },
};

int KTEST(ktest_lock_case)(unsigned int i, const char **name, int run)
{
	int ret;

	if (i >= ARRAY_SIZE(lock_cases))
		return -1;
	*name = lock_cases[i].name;
	if (!run)
		return 0;
	uldd_enter("lockcase");
	ret = lock_cases[i].run();
	uldd_exit();
	return ret;
}
