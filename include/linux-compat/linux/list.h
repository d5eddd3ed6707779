/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/list.h - circular doubly linked lists threaded through a struct
 * list_head member of each entry, with a struct list_head as the list's
 * head (an empty list's head points to itself); and hash-bucket lists
 * (hlist), whose head is a single pointer. struct list_head, hlist_head and
 * hlist_node are in linux/types.h. No locking: the caller serialises.
 *
 * list_del and hlist_del poison the removed entry's pointers
 * (linux/poison.h), so a use after removal faults; list_del_init and
 * hlist_del_init leave it empty instead, ready to be added again.
 *
 * Emulation notes: no CONFIG_DEBUG_LIST checks (a corrupted list is not
 * reported before it is followed).
 */
#ifndef _LINUX_LIST_H
#define _LINUX_LIST_H

#include <linux/compiler.h>
#include <linux/container_of.h>
#include <linux/poison.h>
#include <linux/stddef.h>
#include <linux/types.h>

#define LIST_HEAD_INIT(name)     \
	{                        \
		&(name), &(name) \
	}
#define LIST_HEAD(name) struct list_head name = LIST_HEAD_INIT(name)

static inline void INIT_LIST_HEAD(struct list_head *list)
{
	WRITE_ONCE(list->next, list);
	WRITE_ONCE(list->prev, list);
}

/* Links new between two consecutive entries. */
static inline void __list_add(struct list_head *new, struct list_head *prev, struct list_head *next)
{
	next->prev = new;
	new->next = next;
	new->prev = prev;
	WRITE_ONCE(prev->next, new);
}

/* Adds new right after head (a stack), or right before it (a queue). */
static inline void list_add(struct list_head *new, struct list_head *head)
{
	__list_add(new, head, head->next);
}

static inline void list_add_tail(struct list_head *new, struct list_head *head)
{
	__list_add(new, head->prev, head);
}

/* Joins prev and next, dropping what was between them. */
static inline void __list_del(struct list_head *prev, struct list_head *next)
{
	next->prev = prev;
	WRITE_ONCE(prev->next, next);
}

static inline void __list_del_entry(struct list_head *entry)
{
	__list_del(entry->prev, entry->next);
}

/* Removes entry from its list and poisons it. */
static inline void list_del(struct list_head *entry)
{
	__list_del_entry(entry);
	entry->next = LIST_POISON1;
	entry->prev = LIST_POISON2;
}

/* Removes entry from its list and makes it an empty list. */
static inline void list_del_init(struct list_head *entry)
{
	__list_del_entry(entry);
	INIT_LIST_HEAD(entry);
}

/* new takes old's place in its list; old's pointers are left as they were. */
static inline void list_replace(struct list_head *old, struct list_head *new)
{
	new->next = old->next;
	new->next->prev = new;
	new->prev = old->prev;
	new->prev->next = new;
}

static inline void list_replace_init(struct list_head *old, struct list_head *new)
{
	list_replace(old, new);
	INIT_LIST_HEAD(old);
}

/* Moves entry from its list to right after head, or right before it. */
static inline void list_move(struct list_head *entry, struct list_head *head)
{
	__list_del_entry(entry);
	list_add(entry, head);
}

static inline void list_move_tail(struct list_head *entry, struct list_head *head)
{
	__list_del_entry(entry);
	list_add_tail(entry, head);
}

static inline int list_is_first(const struct list_head *entry, const struct list_head *head)
{
	return entry->prev == head;
}

static inline int list_is_last(const struct list_head *entry, const struct list_head *head)
{
	return entry->next == head;
}

/* entry is the head itself (the end of an iteration). */
static inline int list_is_head(const struct list_head *entry, const struct list_head *head)
{
	return entry == head;
}

/* Safe to call without the lock, to test (not to then use) emptiness. */
static inline int list_empty(const struct list_head *head)
{
	return READ_ONCE(head->next) == head;
}

static inline int list_is_singular(const struct list_head *head)
{
	return !list_empty(head) && head->next == head->prev;
}

/* Inserts the entries of list (not its head) between prev and next. */
static inline void __list_splice(const struct list_head *list, struct list_head *prev,
				 struct list_head *next)
{
	struct list_head *first = list->next, *last = list->prev;

	first->prev = prev;
	prev->next = first;
	last->next = next;
	next->prev = last;
}

/*
 * Moves the entries of list to the front (list_splice) or the back
 * (list_splice_tail) of head. list's own head is left stale unless the
 * _init form empties it.
 */
static inline void list_splice(const struct list_head *list, struct list_head *head)
{
	if (!list_empty(list))
		__list_splice(list, head, head->next);
}

static inline void list_splice_tail(const struct list_head *list, struct list_head *head)
{
	if (!list_empty(list))
		__list_splice(list, head->prev, head);
}

static inline void list_splice_init(struct list_head *list, struct list_head *head)
{
	if (!list_empty(list)) {
		__list_splice(list, head, head->next);
		INIT_LIST_HEAD(list);
	}
}

static inline void list_splice_tail_init(struct list_head *list, struct list_head *head)
{
	if (!list_empty(list)) {
		__list_splice(list, head->prev, head);
		INIT_LIST_HEAD(list);
	}
}

/* The number of entries (walks the list). */
static inline size_t list_count_nodes(struct list_head *head)
{
	struct list_head *pos;
	size_t count = 0;

	for (pos = head->next; pos != head; pos = pos->next)
		count++;
	return count;
}

/* The entry of type that contains the list_head ptr as its member. */
#define list_entry(ptr, type, member) container_of(ptr, type, member)

/* The first and last entries; the list must not be empty. */
#define list_first_entry(ptr, type, member) list_entry((ptr)->next, type, member)
#define list_last_entry(ptr, type, member) list_entry((ptr)->prev, type, member)

/* The first entry, or NULL if the list is empty. */
#define list_first_entry_or_null(ptr, type, member)                                   \
	({                                                                            \
		struct list_head *__lfe_head = (ptr);                                 \
		struct list_head *__lfe_pos = READ_ONCE(__lfe_head->next);            \
		__lfe_pos != __lfe_head ? list_entry(__lfe_pos, type, member) : NULL; \
	})

/* The entry after (before) pos in its list. */
#define list_next_entry(pos, member) list_entry((pos)->member.next, typeof(*(pos)), member)
#define list_prev_entry(pos, member) list_entry((pos)->member.prev, typeof(*(pos)), member)

/* pos's member is the head: the iteration is over. */
#define list_entry_is_head(pos, head, member) (&(pos)->member == (head))

/* An entry to start list_for_each_entry_continue from: pos, or the head if pos is NULL. */
#define list_prepare_entry(pos, head, member) ((pos) ?: list_entry(head, typeof(*(pos)), member))

/* pos takes each list_head of the list. */
#define list_for_each(pos, head) \
	for (pos = (head)->next; !list_is_head(pos, (head)); pos = pos->next)

#define list_for_each_prev(pos, head) \
	for (pos = (head)->prev; !list_is_head(pos, (head)); pos = pos->prev)

/* The same, where the body may remove pos (n holds the next one). */
#define list_for_each_safe(pos, n, head) \
	for (pos = (head)->next, n = pos->next; !list_is_head(pos, (head)); pos = n, n = pos->next)

/* pos takes each entry of the list, first to last. */
#define list_for_each_entry(pos, head, member)                   \
	for (pos = list_first_entry(head, typeof(*pos), member); \
	     !list_entry_is_head(pos, head, member); pos = list_next_entry(pos, member))

/* Last to first. */
#define list_for_each_entry_reverse(pos, head, member)          \
	for (pos = list_last_entry(head, typeof(*pos), member); \
	     !list_entry_is_head(pos, head, member); pos = list_prev_entry(pos, member))

/* From the entry after pos (which must be an entry, or the head). */
#define list_for_each_entry_continue(pos, head, member)                                  \
	for (pos = list_next_entry(pos, member); !list_entry_is_head(pos, head, member); \
	     pos = list_next_entry(pos, member))

#define list_for_each_entry_continue_reverse(pos, head, member)                          \
	for (pos = list_prev_entry(pos, member); !list_entry_is_head(pos, head, member); \
	     pos = list_prev_entry(pos, member))

/* From pos itself. */
#define list_for_each_entry_from(pos, head, member) \
	for (; !list_entry_is_head(pos, head, member); pos = list_next_entry(pos, member))

/* Each entry, where the body may remove pos (n holds the next one). */
#define list_for_each_entry_safe(pos, n, head, member)                                             \
	for (pos = list_first_entry(head, typeof(*pos), member), n = list_next_entry(pos, member); \
	     !list_entry_is_head(pos, head, member); pos = n, n = list_next_entry(n, member))

#define list_for_each_entry_safe_reverse(pos, n, head, member)                                    \
	for (pos = list_last_entry(head, typeof(*pos), member), n = list_prev_entry(pos, member); \
	     !list_entry_is_head(pos, head, member); pos = n, n = list_prev_entry(n, member))

/* Hash-bucket lists: a head is one pointer, NULL when empty. */
#define HLIST_HEAD_INIT       \
	{                     \
		.first = NULL \
	}
#define HLIST_HEAD(name) struct hlist_head name = { .first = NULL }
#define INIT_HLIST_HEAD(ptr) ((ptr)->first = NULL)

static inline void INIT_HLIST_NODE(struct hlist_node *h)
{
	h->next = NULL;
	h->pprev = NULL;
}

/* h is on no list (never added, or removed with hlist_del_init). */
static inline int hlist_unhashed(const struct hlist_node *h)
{
	return !h->pprev;
}

static inline int hlist_empty(const struct hlist_head *h)
{
	return !READ_ONCE(h->first);
}

static inline void __hlist_del(struct hlist_node *n)
{
	struct hlist_node *next = n->next, **pprev = n->pprev;

	WRITE_ONCE(*pprev, next);
	if (next)
		WRITE_ONCE(next->pprev, pprev);
}

/* Removes n from its list and poisons it. */
static inline void hlist_del(struct hlist_node *n)
{
	__hlist_del(n);
	n->next = LIST_POISON1;
	n->pprev = LIST_POISON2;
}

/* Removes n from its list, if it is on one, and marks it unhashed. */
static inline void hlist_del_init(struct hlist_node *n)
{
	if (!hlist_unhashed(n)) {
		__hlist_del(n);
		INIT_HLIST_NODE(n);
	}
}

/* Adds n at the front of h. */
static inline void hlist_add_head(struct hlist_node *n, struct hlist_head *h)
{
	struct hlist_node *first = h->first;

	WRITE_ONCE(n->next, first);
	if (first)
		WRITE_ONCE(first->pprev, &n->next);
	WRITE_ONCE(h->first, n);
	WRITE_ONCE(n->pprev, &h->first);
}

/* Adds n right before next, which is on a list. */
static inline void hlist_add_before(struct hlist_node *n, struct hlist_node *next)
{
	WRITE_ONCE(n->pprev, next->pprev);
	WRITE_ONCE(n->next, next);
	WRITE_ONCE(next->pprev, &n->next);
	WRITE_ONCE(*(n->pprev), n);
}

/* Adds n right after prev, which is on a list. */
static inline void hlist_add_behind(struct hlist_node *n, struct hlist_node *prev)
{
	WRITE_ONCE(n->next, prev->next);
	WRITE_ONCE(prev->next, n);
	WRITE_ONCE(n->pprev, &prev->next);
	if (n->next)
		WRITE_ONCE(n->next->pprev, &n->next);
}

#define hlist_entry(ptr, type, member) container_of(ptr, type, member)

/* The entry containing ptr, or NULL if ptr is NULL. */
#define hlist_entry_safe(ptr, type, member)                              \
	({                                                               \
		typeof(ptr) __hes_ptr = (ptr);                           \
		__hes_ptr ? hlist_entry(__hes_ptr, type, member) : NULL; \
	})

#define hlist_for_each(pos, head) for (pos = (head)->first; pos; pos = pos->next)

#define hlist_for_each_safe(pos, n, head)                \
	for (pos = (head)->first; pos && ({              \
					  n = pos->next; \
					  1;             \
				  });                    \
	     pos = n)

/* pos takes each entry of the bucket. */
#define hlist_for_each_entry(pos, head, member)                                  \
	for (pos = hlist_entry_safe((head)->first, typeof(*(pos)), member); pos; \
	     pos = hlist_entry_safe((pos)->member.next, typeof(*(pos)), member))

/* The same, where the body may remove pos (n, a struct hlist_node *, holds the next). */
#define hlist_for_each_entry_safe(pos, n, head, member)                   \
	for (pos = hlist_entry_safe((head)->first, typeof(*pos), member); \
	     pos && ({                                                    \
		     n = pos->member.next;                                \
		     1;                                                   \
	     });                                                          \
	     pos = hlist_entry_safe(n, typeof(*pos), member))

#endif /* _LINUX_LIST_H */
