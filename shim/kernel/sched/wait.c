// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * kernel/sched/wait.c - wait queues. The queue's spinlock orders adding a
 * waiter against waking it; exclusive waiters sit at the tail and are woken
 * at most nr_exclusive at a time, the others all at once.
 */
#include <linux/list.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/wait.h>

int default_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode, int flags,
			  void *key)
{
	(void)flags;
	(void)key;
	return wake_up_state(wq_entry->private, mode);
}

/* Also unqueues the entry it woke: the waiter re-queues if it sleeps again. */
int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode, int flags,
			     void *key)
{
	int woken = default_wake_function(wq_entry, mode, flags, key);

	if (woken)
		list_del_init(&wq_entry->entry);
	return woken;
}

void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	spin_lock_irqsave(&wq_head->lock, flags);
	wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
	list_add(&wq_entry->entry, &wq_head->head);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

void add_wait_queue_exclusive(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	spin_lock_irqsave(&wq_head->lock, flags);
	wq_entry->flags |= WQ_FLAG_EXCLUSIVE;
	list_add_tail(&wq_entry->entry, &wq_head->head);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

void remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	spin_lock_irqsave(&wq_head->lock, flags);
	list_del(&wq_entry->entry);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

/*
 * The state is set under the lock, so a waker that finds us queued sees it.
 * The flags too: the entry may still be queued from the last round of a wait
 * loop, where a waker reads them under the lock.
 */
void prepare_to_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state)
{
	unsigned long flags;

	spin_lock_irqsave(&wq_head->lock, flags);
	wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
	if (list_empty(&wq_entry->entry))
		list_add(&wq_entry->entry, &wq_head->head);
	set_current_state(state);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

bool prepare_to_wait_exclusive(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry,
			       int state)
{
	unsigned long flags;
	bool was_empty;

	spin_lock_irqsave(&wq_head->lock, flags);
	wq_entry->flags |= WQ_FLAG_EXCLUSIVE;
	was_empty = list_empty(&wq_head->head);
	if (list_empty(&wq_entry->entry))
		list_add_tail(&wq_entry->entry, &wq_head->head);
	set_current_state(state);
	spin_unlock_irqrestore(&wq_head->lock, flags);
	return was_empty;
}

void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	__set_current_state(TASK_RUNNING);
	spin_lock_irqsave(&wq_head->lock, flags);
	if (!list_empty(&wq_entry->entry))
		list_del_init(&wq_entry->entry);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

/* With the queue's lock held. nr_exclusive 0 wakes every exclusive waiter. */
void __wake_up_locked(struct wait_queue_head *wq_head, unsigned int mode, int nr_exclusive)
{
	struct wait_queue_entry *curr, *next;

	list_for_each_entry_safe(curr, next, &wq_head->head, entry) {
		unsigned int flags = curr->flags;
		int woken = curr->func(curr, mode, 0, NULL);

		if (woken < 0)
			break;
		if (woken && (flags & WQ_FLAG_EXCLUSIVE) && !--nr_exclusive)
			break;
	}
}

void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr_exclusive, void *key)
{
	unsigned long flags;

	(void)key;
	spin_lock_irqsave(&wq_head->lock, flags);
	__wake_up_locked(wq_head, mode, nr_exclusive);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}
