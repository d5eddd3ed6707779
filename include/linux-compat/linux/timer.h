/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/timer.h - jiffy timers. Pending timers (and hrtimers) sit on one
 * list sorted by deadline under a raw spinlock; one host thread, started
 * on first use, sleeps until the earliest deadline and runs the expired
 * callbacks one at a time in softirq context on a virtual CPU.
 *
 * Emulation notes: there is one timer "CPU": callbacks never run
 * concurrently with each other, and add_timer_on()'s CPU is ignored
 * (TIMER_PINNED, TIMER_DEFERRABLE and TIMER_IRQSAFE are accepted and have
 * no effect). There is no tick: a timer fires once jiffies (read from the
 * coarse clock) has reached its expiry, at the instant on the monotonic
 * clock when that is due plus the worst lag of the coarse clock seen so
 * far (kernel/time/jiffies.c measures it), and never before jiffies has.
 * round_jiffies() and friends return their argument.
 * del_timer_sync() from the timer's own callback is reported and returns
 * without waiting (Linux would deadlock).
 */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H

#include <linux/compiler.h>
#include <linux/container_of.h>
#include <linux/jiffies.h>
#include <linux/list.h>
#include <linux/preempt.h>
#include <linux/types.h>

/*
 * Private to the shim: what the timer thread queues, for both timer kinds.
 * entry.next is NULL while not pending, so a zeroed node is idle.
 */
struct uldd_tnode {
	struct list_head entry;
	u64 expires_ns; /* absolute, on uhost_clock_ns() */
	void (*fire)(struct uldd_tnode *node);
	int ctx_offset; /* the preempt_count offset the callback runs with */
	bool on_jiffies; /* a timer_list: due only once jiffies reached jexpires too */
	bool shut_down; /* timer_shutdown*(): arming is ignored */
	unsigned long jexpires;
};

struct timer_list {
	struct uldd_tnode uldd_node;
	unsigned long expires;
	void (*function)(struct timer_list *);
	u32 flags;
};

#define TIMER_DEFERRABLE 0x00080000
#define TIMER_PINNED 0x00100000
#define TIMER_IRQSAFE 0x00200000

void uldd_timer_fire(struct uldd_tnode *node);

#define __TIMER_INITIALIZER(_function, _flags)               \
	{                                                    \
		.uldd_node = { .fire = uldd_timer_fire,      \
			       .ctx_offset = SOFTIRQ_OFFSET, \
			       .on_jiffies = true },         \
		.function = (_function), .flags = (_flags),  \
	}

#define DEFINE_TIMER(_name, _function) struct timer_list _name = __TIMER_INITIALIZER(_function, 0)

void timer_setup(struct timer_list *timer, void (*func)(struct timer_list *), unsigned int flags);
#define timer_setup_on_stack(timer, func, flags) timer_setup(timer, func, flags)
static inline void destroy_timer_on_stack(struct timer_list *timer)
{
	(void)timer;
}

#define timer_container_of(var, callback_timer, timer_fieldname) \
	container_of(callback_timer, typeof(*var), timer_fieldname)
#define from_timer(var, callback_timer, timer_fieldname) \
	timer_container_of(var, callback_timer, timer_fieldname)

/* Racy by nature, as in Linux: true while queued and not yet running. */
static inline int timer_pending(const struct timer_list *timer)
{
	return READ_ONCE(timer->uldd_node.entry.next) != NULL;
}

int mod_timer(struct timer_list *timer, unsigned long expires);
int mod_timer_pending(struct timer_list *timer, unsigned long expires);
int timer_reduce(struct timer_list *timer, unsigned long expires);
void add_timer(struct timer_list *timer);
void add_timer_on(struct timer_list *timer, int cpu);
int timer_delete(struct timer_list *timer);
int timer_delete_sync(struct timer_list *timer);
int try_to_del_timer_sync(struct timer_list *timer);
int timer_shutdown(struct timer_list *timer);
int timer_shutdown_sync(struct timer_list *timer);
#define del_timer(t) timer_delete(t)
#define del_timer_sync(t) timer_delete_sync(t)
#define del_singleshot_timer_sync(t) timer_delete_sync(t)

/* No tick to align to: the identity (see the emulation notes). */
static inline unsigned long round_jiffies(unsigned long j)
{
	return j;
}

static inline unsigned long round_jiffies_relative(unsigned long j)
{
	return j;
}

static inline unsigned long round_jiffies_up(unsigned long j)
{
	return j;
}

static inline unsigned long round_jiffies_up_relative(unsigned long j)
{
	return j;
}

static inline unsigned long __round_jiffies(unsigned long j, int cpu)
{
	(void)cpu;
	return j;
}

/* The shared timer core, also used by hrtimers (kernel/time/timer.c). */
int uldd_tnode_arm(struct uldd_tnode *node, u64 expires_ns, bool only_if_pending);
/*
 * Arms a timer_list's node for jiffies j, setting *expires (the timer's
 * field) under the core's lock. how: ULDD_ARM_* below. Returns whether it
 * was pending; 0 without arming once shut down.
 */
enum { ULDD_ARM_ALWAYS, ULDD_ARM_IF_PENDING, ULDD_ARM_REDUCE };
int uldd_tnode_arm_jiffies(struct uldd_tnode *node, unsigned long *expires, unsigned long j,
			   int how);
/* timer_shutdown*(): deletes, and ignores arming from now on. */
int uldd_tnode_shutdown(struct uldd_tnode *node);
int uldd_tnode_del(struct uldd_tnode *node);
/* -1 while the callback runs, else as uldd_tnode_del(). */
int uldd_tnode_try_del(struct uldd_tnode *node);
int uldd_tnode_del_sync(struct uldd_tnode *node);
bool uldd_tnode_running(struct uldd_tnode *node);
/*
 * kernel/time/jiffies.c. The monotonic-clock instant by which jiffies will
 * have reached j (now if it has), padded by the coarse clock's worst lag
 * seen. uldd_jiffies_wait_ns: 0 if jiffies has reached j, else at least
 * how long the coarse clock still has to go; both sample that lag.
 */
u64 uldd_jiffies_to_clock_ns(unsigned long j);
u64 uldd_jiffies_wait_ns(unsigned long j);

#endif /* _LINUX_TIMER_H */
