// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ktest_list.c - K-world checks for test_kheaders.c: list_head insertion,
 * removal (with poisoning), moves, replacement, splicing, every iterator
 * including deletion while iterating, and hlist.
 */
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/poison.h>

#include "ktest.h"

struct item {
	int id;
	struct list_head node;
	struct hlist_node hnode;
};

static struct item items[10];

/* items[0..n-1] with ids 0..n-1, on no list. */
static void reset_items(int n)
{
	int i;

	for (i = 0; i < n; i++) {
		items[i].id = i;
		INIT_LIST_HEAD(&items[i].node);
		INIT_HLIST_NODE(&items[i].hnode);
	}
}

/* The ids of head's entries, first to last, as decimal digits (ids < 10). */
static unsigned long ids(struct list_head *head)
{
	struct item *it;
	unsigned long digits = 0;

	list_for_each_entry(it, head, node)
		digits = digits * 10 + it->id;
	return digits;
}

/* The same, last to first, which checks every prev pointer. */
static unsigned long ids_reverse(struct list_head *head)
{
	struct item *it;
	unsigned long digits = 0;

	list_for_each_entry_reverse(it, head, node)
		digits = digits * 10 + it->id;
	return digits;
}

/* A list whose forward and backward walks agree, as digits (first id 1..9). */
#define ORDER(head, want) (ids(head) == (want) && ids_reverse(head) == reverse_digits(want))

static unsigned long reverse_digits(unsigned long n)
{
	unsigned long r = 0;

	for (; n; n /= 10)
		r = r * 10 + n % 10;
	return r;
}

static int add_del(void)
{
	LIST_HEAD(head);
	struct item *a = &items[1], *b = &items[2], *c = &items[3], *d = &items[4];

	reset_items(5);
	KCHECK(list_empty(&head) && list_count_nodes(&head) == 0);
	KCHECK(list_first_entry_or_null(&head, struct item, node) == NULL);
	list_add(&a->node, &head);
	KCHECK(list_is_singular(&head) && list_is_first(&a->node, &head) &&
	       list_is_last(&a->node, &head));
	list_add(&b->node, &head);
	list_add(&c->node, &head);
	list_add_tail(&d->node, &head);
	KCHECK(ORDER(&head, 3214) && list_count_nodes(&head) == 4 && !list_is_singular(&head));
	KCHECK(list_first_entry(&head, struct item, node) == c);
	KCHECK(list_last_entry(&head, struct item, node) == d);
	KCHECK(list_first_entry_or_null(&head, struct item, node) == c);
	KCHECK(list_next_entry(c, node) == b && list_prev_entry(a, node) == b);
	KCHECK(list_is_last(&d->node, &head) && !list_is_last(&a->node, &head));
	KCHECK(list_is_first(&c->node, &head) && list_is_head(&head, &head));
	list_del(&b->node);
	KCHECK(ORDER(&head, 314));
	KCHECK(b->node.next == LIST_POISON1 && b->node.prev == LIST_POISON2);
	list_del_init(&a->node);
	KCHECK(ORDER(&head, 34) && list_empty(&a->node));
	list_del_init(&a->node);
	KCHECK(list_empty(&a->node) && ORDER(&head, 34));
	return 0;
}

static int move_replace(void)
{
	LIST_HEAD(one);
	LIST_HEAD(two);
	int i;

	reset_items(10);
	for (i = 1; i <= 4; i++)
		list_add_tail(&items[i].node, &one);
	list_move(&items[3].node, &two);
	list_move(&items[1].node, &two);
	KCHECK(ORDER(&one, 24) && ORDER(&two, 13));
	list_move_tail(&items[2].node, &two);
	KCHECK(ORDER(&one, 4) && ORDER(&two, 132) && list_is_singular(&one));
	/* Moving within one list. */
	list_move_tail(&items[1].node, &two);
	KCHECK(ORDER(&two, 321));
	list_replace(&items[2].node, &items[5].node);
	KCHECK(ORDER(&two, 351));
	list_replace_init(&items[5].node, &items[6].node);
	KCHECK(ORDER(&two, 361) && list_empty(&items[5].node));
	return 0;
}

static int splice(void)
{
	LIST_HEAD(h1);
	LIST_HEAD(h2);
	LIST_HEAD(empty);
	int i;

	reset_items(10);
	for (i = 1; i <= 3; i++)
		list_add_tail(&items[i].node, &h1);
	list_add_tail(&items[4].node, &h2);
	list_add_tail(&items[5].node, &h2);
	list_splice(&h2, &h1);
	KCHECK(ORDER(&h1, 45123));
	/* h2's head is stale now: rebuild the lists. */
	INIT_LIST_HEAD(&h1);
	INIT_LIST_HEAD(&h2);
	for (i = 1; i <= 3; i++)
		list_add_tail(&items[i].node, &h1);
	list_add_tail(&items[4].node, &h2);
	list_add_tail(&items[5].node, &h2);
	list_splice_tail_init(&h2, &h1);
	KCHECK(ORDER(&h1, 12345) && list_empty(&h2));
	list_move(&items[1].node, &h2);
	list_move_tail(&items[2].node, &h2);
	list_splice_init(&h2, &h1);
	KCHECK(ORDER(&h1, 12345) && list_empty(&h2) && !list_is_singular(&h2));
	INIT_LIST_HEAD(&h2);
	list_move(&items[5].node, &h2);
	list_splice_tail(&h2, &h1);
	KCHECK(ORDER(&h1, 12345));
	/* Splicing an empty list changes nothing. */
	list_splice(&empty, &h1);
	list_splice_tail(&empty, &h1);
	list_splice_init(&empty, &h1);
	list_splice_tail_init(&empty, &h1);
	KCHECK(ORDER(&h1, 12345) && list_empty(&empty));
	return 0;
}

static int iterate(void)
{
	LIST_HEAD(head);
	struct list_head *pos, *n;
	struct item *it, *next;
	unsigned long digits = 0;
	int i, count = 0;

	reset_items(10);
	for (i = 1; i <= 9; i++)
		list_add_tail(&items[i].node, &head);
	list_for_each(pos, &head)
		count++;
	list_for_each_prev(pos, &head)
		count++;
	KCHECK(count == 18);
	/* Remove the even ones while iterating. */
	list_for_each_entry_safe(it, next, &head, node)
		if (it->id % 2 == 0)
			list_del(&it->node);
	KCHECK(ORDER(&head, 13579) && items[2].node.next == LIST_POISON1);
	/* continue: from after the entry at hand. */
	it = &items[3];
	list_for_each_entry_continue(it, &head, node)
		digits = digits * 10 + it->id;
	KCHECK(digits == 579 && list_entry_is_head(it, &head, node));
	digits = 0;
	it = &items[7];
	list_for_each_entry_continue_reverse(it, &head, node)
		digits = digits * 10 + it->id;
	KCHECK(digits == 531);
	/* from: starting with the entry at hand. */
	digits = 0;
	it = &items[5];
	list_for_each_entry_from(it, &head, node)
		digits = digits * 10 + it->id;
	KCHECK(digits == 579);
	/* list_prepare_entry(NULL) starts continue at the first entry. */
	digits = 0;
	it = NULL;
	it = list_prepare_entry(it, &head, node);
	list_for_each_entry_continue(it, &head, node)
		digits = digits * 10 + it->id;
	KCHECK(digits == 13579);
	/* Reverse, removing as we go. */
	digits = 0;
	list_for_each_entry_safe_reverse(it, next, &head, node) {
		digits = digits * 10 + it->id;
		if (it->id > 5)
			list_del_init(&it->node);
	}
	KCHECK(digits == 97531 && ORDER(&head, 135));
	/* Remove everything with list_for_each_safe. */
	list_for_each_safe(pos, n, &head) {
		list_del(pos);
	}
	KCHECK(list_empty(&head) && list_entry(&items[4].node, struct item, node) == &items[4]);
	return 0;
}

static int hlist(void)
{
	HLIST_HEAD(bucket);
	struct hlist_head other;
	struct hlist_node *pos, *n;
	struct item *it;
	unsigned long digits = 0;

	reset_items(10);
	INIT_HLIST_HEAD(&other);
	KCHECK(hlist_empty(&bucket) && hlist_empty(&other) && hlist_unhashed(&items[1].hnode));
	hlist_add_head(&items[1].hnode, &bucket);
	hlist_add_head(&items[2].hnode, &bucket);
	hlist_add_head(&items[3].hnode, &bucket);
	KCHECK(!hlist_empty(&bucket) && !hlist_unhashed(&items[1].hnode));
	hlist_for_each_entry(it, &bucket, hnode)
		digits = digits * 10 + it->id;
	KCHECK(digits == 321);
	hlist_add_before(&items[4].hnode, &items[2].hnode);
	hlist_add_behind(&items[5].hnode, &items[1].hnode);
	digits = 0;
	hlist_for_each_entry(it, &bucket, hnode)
		digits = digits * 10 + it->id;
	KCHECK(digits == 34215);
	/* Removing the first, a middle and the last entry. */
	hlist_del(&items[3].hnode);
	KCHECK(items[3].hnode.next == LIST_POISON1 && (void *)items[3].hnode.pprev == LIST_POISON2);
	hlist_del_init(&items[2].hnode);
	KCHECK(hlist_unhashed(&items[2].hnode));
	hlist_del_init(&items[2].hnode);
	hlist_del(&items[5].hnode);
	digits = 0;
	hlist_for_each(pos, &bucket)
		digits = digits * 10 + hlist_entry(pos, struct item, hnode)->id;
	KCHECK(digits == 41);
	KCHECK(hlist_entry_safe((struct hlist_node *)NULL, struct item, hnode) == NULL);
	/* Remove all while iterating. */
	digits = 0;
	hlist_for_each_entry_safe(it, n, &bucket, hnode) {
		digits = digits * 10 + it->id;
		hlist_del_init(&it->hnode);
	}
	KCHECK(digits == 41 && hlist_empty(&bucket));
	hlist_add_head(&items[6].hnode, &other);
	hlist_for_each_safe(pos, n, &other) {
		hlist_del(pos);
	}
	KCHECK(hlist_empty(&other));
	return 0;
}

static const struct ktest_check checks[] = {
	{ "add_del_poison", add_del },
	{ "move_replace", move_replace },
	{ "splice", splice },
	{ "iterate_and_delete", iterate },
	{ "hlist", hlist },
};

int ktest_kh_list(unsigned int i, const char **name, int run)
{
	return ktest_check_case(checks, ARRAY_SIZE(checks), i, name, run);
}
