// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ktest_locking.c - K-world bodies for test_locking.c: rw_semaphore,
 * semaphore, RCU and tasklet workers that host threads run concurrently
 * through uldd_enter()/uldd_exit(), and single-task cases. State is static
 * and reset by ktest_lock_setup() before each test.
 */
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/rculist.h>
#include <linux/rcupdate.h>
#include <linux/rwsem.h>
#include <linux/sched.h>
#include <linux/semaphore.h>
#include <linux/slab.h>
#include <linux/timekeeping.h>

#include "../../../shim/entry.h"
#include "../../../shim/mm/arena.h"
#include "ktest.h"

#define SEM_UNITS 3
/*
 * A hang guard: only a hang runs it out, never a host that is slow to
 * schedule these threads. No bound here depends on that speed.
 */
#define WAIT_LONG_MS 10000

static DECLARE_RWSEM(test_rwsem);
static struct semaphore test_sem;
static struct tasklet_struct spam_tasklet;
static atomic_t readers_in, writers_in, holders_in, spam_in;
static atomic_t max_inside;
static atomic_long_t reads, spam_runs, spam_errors;
static long test_counter;
static int stop, in_reader, reader_done;

static void spam_fn(struct tasklet_struct *t)
{
	if (atomic_inc_return(&spam_in) != 1 || !in_serving_softirq() || t != &spam_tasklet)
		atomic_long_inc(&spam_errors);
	udelay(2);
	atomic_dec(&spam_in);
	atomic_long_inc(&spam_runs);
}

int KTEST(ktest_lock_setup)(unsigned int nr_vcpus)
{
	init_rwsem(&test_rwsem);
	sema_init(&test_sem, SEM_UNITS);
	tasklet_setup(&spam_tasklet, spam_fn);
	atomic_set(&readers_in, 0);
	atomic_set(&writers_in, 0);
	atomic_set(&holders_in, 0);
	atomic_set(&spam_in, 0);
	atomic_set(&max_inside, 0);
	atomic_long_set(&reads, 0);
	atomic_long_set(&spam_runs, 0);
	atomic_long_set(&spam_errors, 0);
	test_counter = 0;
	WRITE_ONCE(stop, 0);
	WRITE_ONCE(in_reader, 0);
	WRITE_ONCE(reader_done, 0);
	return uldd_sched_init(nr_vcpus);
}

long KTEST(ktest_lock_stat)(int which)
{
	switch (which) {
	case KLOCK_STAT_COUNTER:
		return READ_ONCE(test_counter);
	case KLOCK_STAT_MAX_INSIDE:
		return atomic_read(&max_inside);
	case KLOCK_STAT_IN_READER:
		return READ_ONCE(in_reader);
	case KLOCK_STAT_READER_DONE:
		return READ_ONCE(reader_done);
	case KLOCK_STAT_READS:
		return atomic_long_read(&reads);
	case KLOCK_STAT_TASKLET_RUNS:
		return atomic_long_read(&spam_runs);
	case KLOCK_STAT_TASKLET_ERRORS:
		return atomic_long_read(&spam_errors);
	}
	return -1;
}

void KTEST(ktest_lock_stop)(void)
{
	WRITE_ONCE(stop, 1);
	uldd_enter("stop");
	tasklet_kill(&spam_tasklet);
	uldd_exit();
}

static void note_inside(int n)
{
	int old = atomic_read(&max_inside);

	while (n > old && !atomic_try_cmpxchg(&max_inside, &old, n))
		;
}

static long ms_since(u64 t0)
{
	return (long)((ktime_get_ns() - t0) / 1000000);
}

static long rwsem_reader(int iters)
{
	long errors = 0;

	for (int i = 0; i < iters; i++) {
		down_read(&test_rwsem);
		note_inside(atomic_inc_return(&readers_in));
		if (atomic_read(&writers_in))
			errors++;
		usleep_range(20, 40);
		if (atomic_read(&writers_in))
			errors++;
		atomic_dec(&readers_in);
		up_read(&test_rwsem);
		atomic_long_inc(&reads);
	}
	return errors;
}

/* A plain read-modify-write: only mutual exclusion keeps the count exact. */
static void bump(void)
{
	long v = READ_ONCE(test_counter);

	barrier();
	WRITE_ONCE(test_counter, v + 1);
}

static long rwsem_writer(int iters)
{
	long errors = 0;

	for (int i = 0; i < iters; i++) {
		down_write(&test_rwsem);
		if (atomic_inc_return(&writers_in) != 1 || atomic_read(&readers_in))
			errors++;
		bump();
		usleep_range(10, 20);
		if (atomic_read(&readers_in))
			errors++;
		atomic_dec(&writers_in);
		up_write(&test_rwsem);
		usleep_range(50, 60);
	}
	return errors;
}

/* 0 when told to stop; 1 when it ran out of time first: a writer starved. */
static long rwsem_read_loop(int us)
{
	u64 t0 = ktime_get_ns();

	while (!READ_ONCE(stop)) {
		if (ms_since(t0) >= WAIT_LONG_MS)
			return 1;
		down_read(&test_rwsem);
		usleep_range(us, us);
		up_read(&test_rwsem);
		atomic_long_inc(&reads);
	}
	return 0;
}

static long rwsem_write_once(void)
{
	u64 t0 = ktime_get_ns();
	long ms;

	down_write(&test_rwsem);
	ms = ms_since(t0);
	up_write(&test_rwsem);
	return ms;
}

static long sem_holder(int iters)
{
	long errors = 0;

	for (int i = 0; i < iters; i++) {
		int n;

		down(&test_sem);
		n = atomic_inc_return(&holders_in);
		note_inside(n);
		if (n > SEM_UNITS)
			errors++;
		usleep_range(20, 40);
		atomic_dec(&holders_in);
		up(&test_sem);
	}
	return errors;
}

static long rcu_reader(int ms)
{
	rcu_read_lock();
	WRITE_ONCE(in_reader, 1);
	mdelay(ms);
	WRITE_ONCE(reader_done, 1);
	rcu_read_unlock();
	return 0;
}

static long rcu_sync(void)
{
	u64 t0 = ktime_get_ns();

	synchronize_rcu();
	return READ_ONCE(reader_done) ? ms_since(t0) : -1;
}

struct rcu_probe {
	struct rcu_head rcu;
	int ran, saw_done, in_softirq;
};

static void rcu_probe_cb(struct rcu_head *head)
{
	struct rcu_probe *p = container_of(head, struct rcu_probe, rcu);

	p->saw_done = READ_ONCE(reader_done);
	p->in_softirq = !!in_serving_softirq();
	WRITE_ONCE(p->ran, 1);
}

static long rcu_call(void)
{
	struct rcu_probe p = { .ran = 0 };

	call_rcu(&p.rcu, rcu_probe_cb);
	rcu_barrier();
	return READ_ONCE(p.ran) && p.saw_done && p.in_softirq ? 0 : 1;
}

static long tasklet_spam(int n)
{
	for (int i = 0; i < n; i++) {
		tasklet_schedule(&spam_tasklet);
		if (i % 16 == 0)
			usleep_range(5, 10);
	}
	return 0;
}

long KTEST(ktest_lock_worker)(int kind, int arg)
{
	long ret = -1;

	uldd_enter("lockw");
	switch (kind) {
	case KLOCK_RWSEM_READER:
		ret = rwsem_reader(arg);
		break;
	case KLOCK_RWSEM_WRITER:
		ret = rwsem_writer(arg);
		break;
	case KLOCK_RWSEM_READ_LOOP:
		ret = rwsem_read_loop(arg);
		break;
	case KLOCK_RWSEM_WRITE_ONCE:
		ret = rwsem_write_once();
		break;
	case KLOCK_SEM_HOLDER:
		ret = sem_holder(arg);
		break;
	case KLOCK_RCU_READER:
		ret = rcu_reader(arg);
		break;
	case KLOCK_TASKLET_SPAM:
		ret = tasklet_spam(arg);
		break;
	case KLOCK_RCU_SYNC:
		ret = rcu_sync();
		break;
	case KLOCK_RCU_CALL:
		ret = rcu_call();
		break;
	}
	uldd_exit();
	return ret;
}

/* Single-task cases. */

static int case_rwsem_trylock_downgrade(void)
{
	struct rw_semaphore sem;

	init_rwsem(&sem);
	KCHECK(!rwsem_is_locked(&sem));
	down_write(&sem);
	KCHECK(rwsem_is_locked(&sem));
	KCHECK(down_read_trylock(&sem) == 0);
	KCHECK(down_write_trylock(&sem) == 0);
	downgrade_write(&sem);
	KCHECK(down_read_trylock(&sem) == 1);
	KCHECK(down_write_trylock(&sem) == 0);
	KCHECK(down_read_killable(&sem) == 0);
	up_read(&sem);
	up_read(&sem);
	up_read(&sem);
	KCHECK(!rwsem_is_locked(&sem));
	KCHECK(down_write_trylock(&sem) == 1);
	up_write(&sem);
	KCHECK(down_read_interruptible(&sem) == 0);
	up_read(&sem);
	KCHECK(!rwsem_is_locked(&sem));
	return 0;
}

static int writer_fn(void *data)
{
	struct rw_semaphore *sem = data;

	down_write(sem);
	up_write(sem);
	return 7;
}

/* Deterministic half of "a writer is not starved": once it waits, readers queue. */
static int case_rwsem_writer_blocks_readers(void)
{
	struct rw_semaphore sem;
	struct task_struct *writer;

	init_rwsem(&sem);
	down_read(&sem);
	writer = kthread_run(writer_fn, &sem, "rwsem-writer");
	KCHECK(!IS_ERR(writer));
	for (int i = 0; i < 2000 && !rwsem_is_contended(&sem); i++)
		msleep(1);
	KCHECK(rwsem_is_contended(&sem));
	KCHECK(down_read_trylock(&sem) == 0);
	up_read(&sem);
	KCHECK(kthread_stop(writer) == 7);
	KCHECK(!rwsem_is_locked(&sem));
	return 0;
}

static DEFINE_SEMAPHORE(static_sem);

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

static int case_sem_timeout(void)
{
	struct semaphore sem;
	u64 t0;

	sema_init(&sem, 0);
	t0 = ktime_get_ns();
	KCHECK(down_timeout(&sem, msecs_to_jiffies(30)) == -ETIME);
	KCHECK(ms_since(t0) >= 25);
	KCHECK(down_timeout(&sem, 0) == -ETIME);
	up(&sem);
	t0 = ktime_get_ns();
	/* It takes the unit there is, without waiting its timeout out. */
	KCHECK(down_timeout(&sem, msecs_to_jiffies(WAIT_LONG_MS)) == 0);
	KCHECK(ms_since(t0) < WAIT_LONG_MS);
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

struct rcu_item {
	int key;
	struct list_head node;
	struct hlist_node hnode;
	struct rcu_head rcu;
};

static int case_rcu_list(void)
{
	struct rcu_item a = { .key = 1 }, b = { .key = 2 }, c = { .key = 3 }, *pos;
	LIST_HEAD(list);
	HLIST_HEAD(hlist);
	int sum = 0;

	list_add_rcu(&a.node, &list);
	list_add_tail_rcu(&b.node, &list);
	list_add_rcu(&c.node, &list);
	hlist_add_head_rcu(&a.hnode, &hlist);
	hlist_add_head_rcu(&b.hnode, &hlist);
	rcu_read_lock();
	KCHECK(in_atomic());
	list_for_each_entry_rcu(pos, &list, node) sum = sum * 10 + pos->key;
	KCHECK(sum == 312);
	sum = 0;
	hlist_for_each_entry_rcu(pos, &hlist, hnode) sum = sum * 10 + pos->key;
	KCHECK(sum == 21);
	rcu_read_unlock();
	list_del_rcu(&a.node);
	hlist_del_rcu(&b.hnode);
	synchronize_rcu();
	sum = 0;
	list_for_each_entry_rcu(pos, &list, node) sum = sum * 10 + pos->key;
	KCHECK(sum == 32);
	sum = 0;
	hlist_for_each_entry_rcu(pos, &hlist, hnode) sum = sum * 10 + pos->key;
	KCHECK(sum == 1);
	KCHECK(list_first_or_null_rcu(&list, struct rcu_item, node) == &c);
	return 0;
}

static struct rcu_item *published;

static int case_rcu_pointers(void)
{
	struct rcu_item a = { .key = 7 }, *p;

	RCU_INIT_POINTER(published, NULL);
	KCHECK(rcu_access_pointer(published) == NULL);
	rcu_assign_pointer(published, &a);
	rcu_read_lock();
	p = rcu_dereference(published);
	KCHECK(p == &a && p->key == 7);
	rcu_read_unlock();
	RCU_INIT_POINTER(published, NULL);
	return 0;
}

static int case_call_rcu(void)
{
	struct rcu_probe p = { .ran = 0 };

	call_rcu(&p.rcu, rcu_probe_cb);
	rcu_barrier();
	KCHECK(READ_ONCE(p.ran) == 1);
	KCHECK(p.in_softirq);
	return 0;
}

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

struct tl_probe {
	struct tasklet_struct t;
	struct completion done;
	int softirq, serving, hardirq, atomic;
};

static void tl_probe_fn(struct tasklet_struct *t)
{
	struct tl_probe *p = from_tasklet(p, t, t);

	p->softirq = !!in_softirq();
	p->serving = !!in_serving_softirq();
	p->hardirq = !!in_hardirq();
	p->atomic = !!in_atomic();
	complete(&p->done);
}

static int case_tasklet_context(void)
{
	struct tl_probe p = { 0 };

	tasklet_setup(&p.t, tl_probe_fn);
	init_completion(&p.done);
	tasklet_schedule(&p.t);
	KCHECK(wait_for_completion_timeout(&p.done, msecs_to_jiffies(2000)));
	tasklet_kill(&p.t);
	KCHECK(p.softirq && p.serving && p.atomic && !p.hardirq);
	/* The high list runs the same way. */
	reinit_completion(&p.done);
	p.softirq = 0;
	tasklet_hi_schedule(&p.t);
	KCHECK(wait_for_completion_timeout(&p.done, msecs_to_jiffies(2000)));
	tasklet_kill(&p.t);
	KCHECK(p.softirq && p.serving);
	return 0;
}

static atomic_t once_runs;
static unsigned long once_data;

/* Marked: the case reads it while the tasklet may run, ordered by nothing but time. */
static void once_fn(unsigned long data)
{
	WRITE_ONCE(once_data, data);
	atomic_inc(&once_runs);
}

static int wait_runs(atomic_t *runs, int n)
{
	for (int i = 0; i < 2000 && atomic_read(runs) < n; i++)
		msleep(1);
	return atomic_read(runs);
}

static int case_tasklet_once(void)
{
	struct tasklet_struct t;

	atomic_set(&once_runs, 0);
	tasklet_init(&t, once_fn, 42);
	tasklet_disable(&t);
	for (int i = 0; i < 5; i++)
		tasklet_schedule(&t);
	msleep(20);
	KCHECK(atomic_read(&once_runs) == 0);
	tasklet_enable(&t);
	KCHECK(wait_runs(&once_runs, 1) == 1);
	msleep(20);
	KCHECK(atomic_read(&once_runs) == 1);
	KCHECK(READ_ONCE(once_data) == 42);
	tasklet_schedule(&t);
	KCHECK(wait_runs(&once_runs, 2) == 2);
	tasklet_kill(&t);
	KCHECK(!test_bit(TASKLET_STATE_SCHED, &t.state));
	return 0;
}

static int kill_started, kill_finished;

static void kill_fn(struct tasklet_struct *t)
{
	(void)t;
	WRITE_ONCE(kill_started, 1);
	mdelay(30);
	WRITE_ONCE(kill_finished, 1);
}

static int case_tasklet_kill_waits(void)
{
	struct tasklet_struct t;

	WRITE_ONCE(kill_started, 0);
	WRITE_ONCE(kill_finished, 0);
	tasklet_setup(&t, kill_fn);
	tasklet_schedule(&t);
	for (int i = 0; i < 2000 && !READ_ONCE(kill_started); i++)
		msleep(1);
	KCHECK(READ_ONCE(kill_started));
	tasklet_kill(&t);
	KCHECK(READ_ONCE(kill_finished));
	/* Killed: a disable/enable pair on an idle tasklet does not run it. */
	tasklet_disable(&t);
	tasklet_enable(&t);
	return 0;
}

static const struct ktest_check lock_cases[] = {
	{ "rwsem_trylock_downgrade", case_rwsem_trylock_downgrade },
	{ "rwsem_writer_blocks_readers", case_rwsem_writer_blocks_readers },
	{ "sem_trylock", case_sem_trylock },
	{ "sem_timeout", case_sem_timeout },
	{ "rcu_prompt", case_rcu_prompt },
	{ "rcu_list", case_rcu_list },
	{ "rcu_pointers", case_rcu_pointers },
	{ "call_rcu", case_call_rcu },
	{ "kfree_rcu", case_kfree_rcu },
	{ "tasklet_context", case_tasklet_context },
	{ "tasklet_once", case_tasklet_once },
	{ "tasklet_kill_waits", case_tasklet_kill_waits },
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
