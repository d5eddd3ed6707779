/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/srcu.h - sleepable RCU: readers of an srcu_struct may sleep inside
 * srcu_read_lock()/srcu_read_unlock(), and synchronize_srcu() waits only
 * for that srcu_struct's readers that were inside when it was called.
 * srcu_read_lock() returns an index that the matching unlock must be
 * given. Readers may run in any context but NMI.
 *
 * Each srcu_struct counts its readers in two counters; a reader adds to
 * the one the index names. synchronize_srcu() waits for the other counter
 * to drain (readers that took the index before an earlier switch), switches
 * the index, and waits for the old counter to drain: new readers count on
 * the new one, so the wait ends. Full barriers on both sides mean that a
 * reader whose count synchronize_srcu() did not see already sees what the
 * caller changed before it.
 *
 * Emulation notes: synchronize_srcu() polls the counter, sleeping 10 us
 * doubling to 1 ms between looks; no call_srcu(), no expedited form
 * (synchronize_srcu_expedited() is synchronize_srcu()), no lockdep checks.
 */
#ifndef _LINUX_SRCU_H
#define _LINUX_SRCU_H

#include <linux/compiler.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/types.h>

struct srcu_struct {
	long uldd_readers[2];
	unsigned int uldd_idx;
	struct mutex uldd_mutex; /* one synchronize_srcu() at a time */
};

#define __SRCU_STRUCT_INIT(name)                                   \
	{                                                          \
		.uldd_mutex = __MUTEX_INITIALIZER(name.uldd_mutex) \
	}
#define DEFINE_SRCU(name) struct srcu_struct name = __SRCU_STRUCT_INIT(name)
#define DEFINE_STATIC_SRCU(name) static struct srcu_struct name = __SRCU_STRUCT_INIT(name)

/* 0; nothing is allocated, so it cannot fail. */
int init_srcu_struct(struct srcu_struct *ssp);
/* Warns if a reader is still inside. */
void cleanup_srcu_struct(struct srcu_struct *ssp);
/* Waits until every reader of ssp inside at the call has left. Sleeps. */
void synchronize_srcu(struct srcu_struct *ssp);
#define synchronize_srcu_expedited(ssp) synchronize_srcu(ssp)

static inline int srcu_read_lock(struct srcu_struct *ssp)
{
	int idx = READ_ONCE(ssp->uldd_idx) & 1;

	__atomic_fetch_add(&ssp->uldd_readers[idx], 1, __ATOMIC_RELAXED);
	/* The reader's loads come after its count is visible. */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	return idx;
}

static inline void srcu_read_unlock(struct srcu_struct *ssp, int idx)
{
	/* The reader's accesses come before it is seen to leave. */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	__atomic_fetch_sub(&ssp->uldd_readers[idx & 1], 1, __ATOMIC_RELAXED);
}

#define srcu_read_lock_notrace(ssp) srcu_read_lock(ssp)
#define srcu_read_unlock_notrace(ssp, idx) srcu_read_unlock(ssp, idx)

/* Some reader of ssp is inside (not necessarily the caller: no lockdep). */
static inline bool srcu_read_lock_held(const struct srcu_struct *ssp)
{
	return READ_ONCE(ssp->uldd_readers[0]) || READ_ONCE(ssp->uldd_readers[1]);
}

#define srcu_dereference(p, ssp) rcu_dereference(p)
#define srcu_dereference_check(p, ssp, c) rcu_dereference(p)
#define srcu_dereference_notrace(p, ssp) rcu_dereference(p)

/*
 * Moves list's entries to the front of head while ssp's readers may walk
 * list: list is emptied, synchronize_srcu() waits out the readers that
 * were on it, then the entries are published in head.
 */
static inline void list_splice_init_srcu(struct list_head *list, struct list_head *head,
					 struct srcu_struct *ssp)
{
	struct list_head *first = list->next, *last = list->prev, *at = head->next;

	if (first == list)
		return;
	WRITE_ONCE(list->next, list);
	list->prev = list;
	synchronize_srcu(ssp);
	last->next = at;
	first->prev = head;
	rcu_assign_pointer(head->next, first);
	at->prev = last;
}

#endif /* _LINUX_SRCU_H */
