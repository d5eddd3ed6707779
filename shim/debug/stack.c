// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * stack.c - the stack depot: each distinct call stack stored once, in a
 * hash table that only grows. Readers walk a bucket without the lock
 * (entries are published with release stores and never freed); a new
 * entry is allocated outside the lock and inserted under it, after a
 * second look for a racing twin.
 */
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>

#include "../core/door.h"
#include "../mm/lock.h"
#include "../mm/private.h"
#include "debug.h"

/* Enough to see past the shim into the driver and up to its entry point. */
#define STACK_FRAMES 16
#define STACK_BUCKETS 16384

struct uldd_stack {
	struct uldd_stack *next;
	u32 hash;
	u32 n;
	void *frames[];
};

static struct uldd_stack *stack_table[STACK_BUCKETS];

/* FNV-1a over the return addresses: they differ in their low bits. */
static u32 stack_hash(void *const *frames, unsigned int n)
{
	u64 h = 0xcbf29ce484222325ULL;
	unsigned int i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned long)frames[i];
		h *= 0x100000001b3ULL;
	}
	return (u32)(h ^ (h >> 32));
}
static struct uldd_mm_lock stack_lock;

static struct uldd_stack *stack_find(struct uldd_stack *e, u32 hash, void *const *frames,
				     unsigned int n)
{
	for (; e; e = __atomic_load_n(&e->next, __ATOMIC_ACQUIRE))
		if (e->hash == hash && e->n == n && !memcmp(e->frames, frames, n * sizeof(*frames)))
			return e;
	return NULL;
}

const struct uldd_stack *uldd_stack_save(unsigned int skip)
{
	void *frames[STACK_FRAMES];
	struct uldd_stack **bucket, *e, *new;
	unsigned int n;
	u32 hash;

	/* +1: this function. */
	n = uhost_stack_save(frames, STACK_FRAMES, skip + 1);
	if (!n)
		return NULL;
	hash = stack_hash(frames, n);
	bucket = &stack_table[hash % STACK_BUCKETS];
	e = stack_find(__atomic_load_n(bucket, __ATOMIC_ACQUIRE), hash, frames, n);
	if (e)
		return e;
	new = uldd_private_alloc(sizeof(*new) + n * sizeof(*frames), GFP_ATOMIC);
	if (!new)
		return NULL;
	new->hash = hash;
	new->n = n;
	memcpy(new->frames, frames, n * sizeof(*frames));
	uldd_mm_lock(&stack_lock);
	e = stack_find(*bucket, hash, frames, n);
	if (!e) {
		new->next = *bucket;
		__atomic_store_n(bucket, new, __ATOMIC_RELEASE);
	}
	uldd_mm_unlock(&stack_lock);
	if (e) {
		uldd_private_free(new);
		return e;
	}
	return new;
}

void uldd_stack_print(const struct uldd_stack *s)
{
	if (!s) {
		pr_err(" (no stack saved: the depot had no memory)\n");
		return;
	}
	uhost_stack_print(s->frames, s->n);
}
