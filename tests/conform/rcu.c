// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * rcu.c - read-copy update (Documentation/RCU/whatisRCU.rst, checklist.rst):
 * synchronize_rcu() returns only after every reader that was inside
 * rcu_read_lock() at its call has left, and every section with preemption,
 * bottom halves or interrupts off; a call_rcu() callback runs after
 * such a grace period, in softirq context (bottom halves off), whatever
 * context queued it, and rcu_barrier() waits for every callback queued
 * before it; a pointer published with rcu_assign_pointer() shows its
 * object initialised to a reader that loads it with rcu_dereference(),
 * and the lists built on them read in their order. Not that a reader is
 * atomic (an old unit test said so): the guest's kernel, built with
 * CONFIG_PREEMPT_RCU, has in_atomic() false inside rcu_read_lock(), where
 * uldd, like a kernel without it, disables preemption.
 */
#include <linux/atomic.h>
#include <linux/bottom_half.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/err.h>
#include <linux/hrtimer.h>
#include <linux/kthread.h>
#include <linux/rculist.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "conform.h"

static struct completion reader_in;
static bool reader_done;

/* Stays in its read-side section for a while, busy, as a reader may. */
static int reader_fn(void *data)
{
	rcu_read_lock();
	complete(&reader_in);
	mdelay(20);
	WRITE_ONCE(reader_done, true);
	rcu_read_unlock();
	conform_idle_until_stopped();
	return 0;
}

static struct task_struct *start_reader(void)
{
	init_completion(&reader_in);
	WRITE_ONCE(reader_done, false);
	return kthread_run(reader_fn, NULL, "conform-rcurd");
}

static int synchronize_waits_for_reader(struct conform_dev *dev)
{
	struct task_struct *k;
	bool in, done;

	k = start_reader();
	CHECK(!IS_ERR(k));
	in = wait_for_completion_timeout(&reader_in, CONFORM_HANG_GUARD);
	synchronize_rcu();
	done = READ_ONCE(reader_done);
	kthread_stop(k);
	CHECK(in);
	CHECK(done);
	return 0;
}

/*
 * Since 5.0, a grace period also waits for code that runs with preemption,
 * bottom halves or interrupts off, without rcu_read_lock() (whatisRCU.rst).
 */
enum off { PREEMPT_OFF, BH_OFF, IRQ_OFF, NOFFS };

static int off_reader_fn(void *data)
{
	enum off how = (enum off)(long)data;

	if (how == PREEMPT_OFF)
		preempt_disable();
	else if (how == BH_OFF)
		local_bh_disable();
	else
		local_irq_disable();
	complete(&reader_in);
	mdelay(20);
	WRITE_ONCE(reader_done, true);
	if (how == PREEMPT_OFF)
		preempt_enable();
	else if (how == BH_OFF)
		local_bh_enable();
	else
		local_irq_enable();
	conform_idle_until_stopped();
	return 0;
}

static int synchronize_waits_for_atomic_sections(struct conform_dev *dev)
{
	bool in[NOFFS], done[NOFFS];

	for (int how = 0; how < NOFFS; how++) {
		struct task_struct *k;

		init_completion(&reader_in);
		WRITE_ONCE(reader_done, false);
		k = kthread_run(off_reader_fn, (void *)(long)how, "conform-rcuoff%d", how);
		CHECK(!IS_ERR(k));
		in[how] = wait_for_completion_timeout(&reader_in, CONFORM_HANG_GUARD);
		synchronize_rcu();
		done[how] = READ_ONCE(reader_done);
		kthread_stop(k);
	}
	for (int how = 0; how < NOFFS; how++) {
		CHECK(in[how]);
		CHECK_CMP(done[how] | how << 1, ==, 1 | how << 1);
	}
	return 0;
}

struct probe {
	struct rcu_head rcu;
	bool ran, saw_reader_done, bh_context;
};

#define NPROBES 50
static struct probe probes[NPROBES];

static void probe_cb(struct rcu_head *head)
{
	struct probe *p = container_of(head, struct probe, rcu);

	p->saw_reader_done = READ_ONCE(reader_done);
	p->bh_context = in_softirq() && !in_hardirq();
	WRITE_ONCE(p->ran, true);
}

static int call_rcu_after_readers(struct conform_dev *dev)
{
	struct probe *p = &probes[0];
	struct task_struct *k;
	bool in;

	memset(p, 0, sizeof(*p));
	k = start_reader();
	CHECK(!IS_ERR(k));
	in = wait_for_completion_timeout(&reader_in, CONFORM_HANG_GUARD);
	call_rcu(&p->rcu, probe_cb);
	rcu_barrier();
	kthread_stop(k);
	CHECK(in);
	CHECK(READ_ONCE(p->ran));
	CHECK(p->saw_reader_done);
	CHECK(p->bh_context);
	return 0;
}

static struct hrtimer hard_caller;
static bool hard_called;

/* call_rcu() may be called from any context, a hard interrupt handler's too. */
static enum hrtimer_restart call_from_hardirq_fn(struct hrtimer *t)
{
	call_rcu(&probes[NPROBES - 1].rcu, probe_cb);
	WRITE_ONCE(hard_called, true);
	return HRTIMER_NORESTART;
}

static int barrier_waits_for_all(struct conform_dev *dev)
{
	int ran = 0;

	memset(probes, 0, sizeof(probes));
	WRITE_ONCE(hard_called, false);
	hrtimer_init(&hard_caller, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	hard_caller.function = call_from_hardirq_fn;
	hrtimer_start(&hard_caller, ns_to_ktime(200 * NSEC_PER_USEC), HRTIMER_MODE_REL);
	for (int i = 0; i < NPROBES - 1; i++)
		call_rcu(&probes[i].rcu, probe_cb);
	if (!conform_wait_until(READ_ONCE(hard_called)))
		hrtimer_cancel(&hard_caller);
	rcu_barrier();
	for (int i = 0; i < NPROBES; i++)
		ran += READ_ONCE(probes[i].ran);
	CHECK_CMP(ran, ==, NPROBES);
	return 0;
}

/*
 * One writer replaces a published object again and again; after each
 * grace period it poisons the old one, then frees it. A reader that ever
 * finds a torn or poisoned object saw it before it was initialised, or
 * after a grace period that did not wait for it.
 */
#define POISON 0x6b6b6b6bUL
#define GENERATIONS 10

struct obj {
	unsigned long a, b;
};

static struct obj __rcu *published;
static bool stop_reading;
static atomic_t bad_reads;
static unsigned long seen_gen; /* the generation the reader last found whole */

static int published_reader_fn(void *data)
{
	unsigned long looks = 0;

	while (!READ_ONCE(stop_reading)) {
		struct obj *o;

		rcu_read_lock();
		o = rcu_dereference(published);
		if (o) {
			unsigned long a = READ_ONCE(o->a);

			udelay(2);
			if (a == POISON || READ_ONCE(o->b) != ~a)
				atomic_inc(&bad_reads);
			else
				WRITE_ONCE(seen_gen, a);
		}
		rcu_read_unlock();
		/* Lets the writer have this CPU, should it share it. */
		if (++looks % 64 == 0)
			usleep_range(10, 20);
	}
	conform_idle_until_stopped();
	return 0;
}

static int publication_and_grace(struct conform_dev *dev)
{
	struct task_struct *k;
	unsigned long seen = 0;
	int ret = 0;

	RCU_INIT_POINTER(published, NULL);
	WRITE_ONCE(stop_reading, false);
	WRITE_ONCE(seen_gen, 0);
	atomic_set(&bad_reads, 0);
	k = kthread_run(published_reader_fn, NULL, "conform-rcupub");
	CHECK(!IS_ERR(k));
	for (unsigned long gen = 1; gen <= GENERATIONS; gen++) {
		struct obj *o = kmalloc(sizeof(*o), GFP_KERNEL), *old;

		if (!o) {
			ret = __LINE__;
			break;
		}
		o->a = gen;
		o->b = ~gen;
		old = rcu_dereference_protected(published, 1);
		rcu_assign_pointer(published, o);
		/* The reader has it in hand at least once before it is replaced. */
		seen += conform_wait_until(READ_ONCE(seen_gen) == gen);
		synchronize_rcu();
		if (old) {
			WRITE_ONCE(old->a, POISON);
			WRITE_ONCE(old->b, POISON);
			kfree(old);
		}
		if (seen != gen)
			break;
	}
	WRITE_ONCE(stop_reading, true);
	kthread_stop(k);
	kfree(rcu_dereference_protected(published, 1));
	RCU_INIT_POINTER(published, NULL);
	if (ret)
		return ret;
	CHECK_CMP(atomic_read(&bad_reads), ==, 0);
	CHECK_CMP(seen, ==, GENERATIONS);
	return 0;
}

struct item {
	int key;
	struct list_head node;
	struct hlist_node hnode;
};

/* The list and hlist forms, read under rcu_read_lock() as readers do. */
static int lists_in_order(struct conform_dev *dev)
{
	struct item a = { .key = 1 }, b = { .key = 2 }, c = { .key = 3 }, *pos;
	LIST_HEAD(list);
	HLIST_HEAD(hlist);
	int sum = 0, hsum = 0;
	struct item *first;

	list_add_rcu(&a.node, &list);
	list_add_tail_rcu(&b.node, &list);
	list_add_rcu(&c.node, &list);
	hlist_add_head_rcu(&a.hnode, &hlist);
	hlist_add_head_rcu(&b.hnode, &hlist);
	rcu_read_lock();
	list_for_each_entry_rcu(pos, &list, node) sum = sum * 10 + pos->key;
	hlist_for_each_entry_rcu(pos, &hlist, hnode) hsum = hsum * 10 + pos->key;
	rcu_read_unlock();
	CHECK_CMP(sum, ==, 312);
	CHECK_CMP(hsum, ==, 21);
	list_del_rcu(&a.node);
	hlist_del_rcu(&b.hnode);
	synchronize_rcu();
	sum = hsum = 0;
	rcu_read_lock();
	list_for_each_entry_rcu(pos, &list, node) sum = sum * 10 + pos->key;
	hlist_for_each_entry_rcu(pos, &hlist, hnode) hsum = hsum * 10 + pos->key;
	first = list_first_or_null_rcu(&list, struct item, node);
	rcu_read_unlock();
	CHECK_CMP(sum, ==, 32);
	CHECK_CMP(hsum, ==, 1);
	CHECK(first == &c);
	return 0;
}

static struct item __rcu *single;

static int pointers_as_written(struct conform_dev *dev)
{
	struct item a = { .key = 7 }, *p;

	RCU_INIT_POINTER(single, NULL);
	CHECK(!rcu_access_pointer(single));
	rcu_assign_pointer(single, &a);
	CHECK(rcu_access_pointer(single) == &a);
	rcu_read_lock();
	p = rcu_dereference(single);
	rcu_read_unlock();
	CHECK(p == &a);
	CHECK_CMP(p->key, ==, 7);
	RCU_INIT_POINTER(single, NULL);
	return 0;
}

static const struct conform_case rcu_cases[] = {
	{ "synchronize_waits_for_reader", synchronize_waits_for_reader },
	{ "synchronize_waits_for_atomic_sections", synchronize_waits_for_atomic_sections },
	{ "call_rcu_after_readers", call_rcu_after_readers },
	{ "barrier_waits_for_all", barrier_waits_for_all },
	{ "publication_and_grace", publication_and_grace },
	{ "lists_in_order", lists_in_order },
	{ "pointers_as_written", pointers_as_written },
};
CONFORM_SUITE(rcu, rcu_cases);
