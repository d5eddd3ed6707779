/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/rculist.h - lists that readers walk under rcu_read_lock() while
 * one updater at a time (serialised by the caller's lock) changes them.
 * An insertion publishes the fully linked node with a release store; a
 * deletion unlinks without touching the node's forward pointer, so a
 * reader standing on it still finds the rest of the list. The node may be
 * freed only after a grace period (synchronize_rcu(), call_rcu(),
 * kfree_rcu()).
 *
 * Emulation notes: the basics only: list add/add_tail/del/replace and
 * hlist add_head/del/del_init, their _entry_rcu walks; no lockdep
 * condition in the walks.
 */
#ifndef _LINUX_RCULIST_H
#define _LINUX_RCULIST_H

#include <linux/list.h>
#include <linux/poison.h>
#include <linux/rcupdate.h>

#define list_next_rcu(list) (*((struct list_head __rcu **)(&(list)->next)))

static inline void INIT_LIST_HEAD_RCU(struct list_head *list)
{
	WRITE_ONCE(list->next, list);
	WRITE_ONCE(list->prev, list);
}

static inline void __list_add_rcu(struct list_head *new, struct list_head *prev,
				  struct list_head *next)
{
	new->next = next;
	new->prev = prev;
	rcu_assign_pointer(list_next_rcu(prev), new);
	next->prev = new;
}

static inline void list_add_rcu(struct list_head *new, struct list_head *head)
{
	__list_add_rcu(new, head, head->next);
}

static inline void list_add_tail_rcu(struct list_head *new, struct list_head *head)
{
	__list_add_rcu(new, head->prev, head);
}

/* Unlinks entry; its next stays valid for readers on it, prev is poisoned. */
static inline void list_del_rcu(struct list_head *entry)
{
	__list_del_entry(entry);
	entry->prev = LIST_POISON2;
}

static inline void list_replace_rcu(struct list_head *old, struct list_head *new)
{
	new->next = old->next;
	new->prev = old->prev;
	rcu_assign_pointer(list_next_rcu(new->prev), new);
	new->next->prev = new;
	old->prev = LIST_POISON2;
}

#define list_entry_rcu(ptr, type, member) container_of(READ_ONCE(ptr), type, member)

#define list_first_or_null_rcu(ptr, type, member)                                       \
	({                                                                              \
		struct list_head *__lfr_head = (ptr);                                   \
		struct list_head *__lfr_next = READ_ONCE(__lfr_head->next);             \
		__lfr_next != __lfr_head ? list_entry(__lfr_next, type, member) : NULL; \
	})

#define list_for_each_entry_rcu(pos, head, member, ...)                                        \
	for (pos = list_entry_rcu((head)->next, typeof(*pos), member); &pos->member != (head); \
	     pos = list_entry_rcu(pos->member.next, typeof(*pos), member))

/* The same walk, inside an SRCU read-side section (linux/srcu.h); cond is not checked. */
#define list_for_each_entry_srcu(pos, head, member, cond) list_for_each_entry_rcu(pos, head, member)

/*
 * Moves list's entries to the front of head while readers may walk head:
 * list is emptied first, sync() waits until no reader is still on it, then
 * the entries are published in head with one pointer store.
 */
static inline void list_splice_init_rcu(struct list_head *list, struct list_head *head,
					void (*sync)(void))
{
	struct list_head *first = list->next, *last = list->prev, *at = head->next;

	if (first == list)
		return;
	WRITE_ONCE(list->next, list);
	list->prev = list;
	sync();
	last->next = at;
	first->prev = head;
	rcu_assign_pointer(head->next, first);
	at->prev = last;
}

#define hlist_first_rcu(head) (*((struct hlist_node __rcu **)(&(head)->first)))
#define hlist_next_rcu(node) (*((struct hlist_node __rcu **)(&(node)->next)))

static inline void hlist_add_head_rcu(struct hlist_node *n, struct hlist_head *h)
{
	struct hlist_node *first = h->first;

	n->next = first;
	WRITE_ONCE(n->pprev, &h->first);
	rcu_assign_pointer(hlist_first_rcu(h), n);
	if (first)
		WRITE_ONCE(first->pprev, &n->next);
}

/* Unlinks n; its next stays valid for readers on it, pprev is poisoned. */
static inline void hlist_del_rcu(struct hlist_node *n)
{
	__hlist_del(n);
	WRITE_ONCE(n->pprev, LIST_POISON2);
}

static inline void hlist_del_init_rcu(struct hlist_node *n)
{
	if (!hlist_unhashed(n)) {
		__hlist_del(n);
		WRITE_ONCE(n->pprev, NULL);
	}
}

#define hlist_for_each_entry_rcu(pos, head, member, ...)                                       \
	for (pos = hlist_entry_safe(READ_ONCE(hlist_first_rcu(head)), typeof(*(pos)), member); \
	     pos; pos = hlist_entry_safe(READ_ONCE(hlist_next_rcu(&(pos)->member)),            \
					 typeof(*(pos)), member))

#endif /* _LINUX_RCULIST_H */
