// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * napi.c - NAPI (Documentation/networking/napi.rst) on an Ethernet device
 * that is never registered, as a driver has it between alloc_etherdev and
 * register_netdev: netif_napi_add leaves the instance disabled, with the
 * weight as every poll's budget; napi_schedule from softirq or a bh-off
 * section makes the poll run in softirq context; napi_complete_done says
 * true unless the instance was scheduled again meanwhile, in which case it
 * is polled again, and so is a poll that used its whole budget; a
 * disabled instance is not polled, and napi_disable waits for a running
 * poll to give the instance back, as napi_synchronize does without
 * disabling it; netif_napi_del takes it off the device
 * and returns once no poll of it runs (synchronize_net).
 */
#include <linux/atomic.h>
#include <linux/bottom_half.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/etherdevice.h>
#include <linux/jiffies.h>
#include <linux/netdevice.h>
#include <linux/preempt.h>
#include <linux/skbuff.h>
#include <linux/string.h>
#include <linux/timer.h>

#include "conform.h"

#define HANG_GUARD msecs_to_jiffies(10000) /* only turns a hang into a failure */

/* One instance under test and what its polls saw. */
static struct probe {
	struct napi_struct napi;
	struct net_device *dev;
	struct timer_list kick;
	struct completion done; /* a poll's napi_complete_done said true */
	atomic_t polls;
	int full_left; /* return the whole budget this many times first */
	int resched_left; /* napi_schedule() from inside the poll this many times */
	int busy_ms; /* the first poll keeps its CPU this long */
	bool busy_over;
	int tail_ms; /* the same, but after napi_complete_done */
	bool returned;
	bool ctx_ok; /* every poll in softirq context, not hardirq, irqs on */
	int budget_seen;
	int completes, missed; /* napi_complete_done's true and false answers */
	int skb_headroom; /* of a napi_alloc_skb() in the poll; -1: failed */
	bool skb_dev_ok;
} p;

static int probe_poll(struct napi_struct *napi, int budget)
{
	int tail_ms = p.tail_ms;
	struct sk_buff *skb;

	atomic_inc(&p.polls);
	if (!in_serving_softirq() || in_hardirq() || irqs_disabled())
		p.ctx_ok = false;
	p.budget_seen = budget;
	skb = napi_alloc_skb(napi, 100);
	p.skb_headroom = skb ? (int)skb_headroom(skb) : -1;
	p.skb_dev_ok = skb && skb->dev == p.dev;
	kfree_skb(skb);
	if (p.busy_ms) {
		mdelay(p.busy_ms);
		p.busy_ms = 0;
		WRITE_ONCE(p.busy_over, true);
	}
	if (p.full_left > 0) {
		p.full_left--;
		return budget;
	}
	if (p.resched_left > 0) {
		p.resched_left--;
		napi_schedule(napi);
	}
	/* Counted before: once completed, the instance may be disabled and gone. */
	if (napi_complete_done(napi, 0)) {
		p.completes++;
		complete(&p.done);
	} else {
		p.missed++;
	}
	if (tail_ms) {
		mdelay(tail_ms);
		WRITE_ONCE(p.returned, true);
	}
	return 0;
}

static int probe_add(int weight)
{
	memset(&p, 0, sizeof(p));
	p.ctx_ok = true;
	init_completion(&p.done);
	p.dev = alloc_etherdev(0);
	if (!p.dev)
		return -ENOMEM;
	if (weight)
		netif_napi_add_weight(p.dev, &p.napi, probe_poll, weight);
	else
		netif_napi_add(p.dev, &p.napi, probe_poll);
	return 0;
}

static void probe_del(bool enabled)
{
	if (enabled)
		napi_disable(&p.napi);
	netif_napi_del(&p.napi);
	free_netdev(p.dev);
}

/* As a driver's interrupt handler would, but from process context: bottom halves off. */
static void schedule_bh(void)
{
	local_bh_disable();
	napi_schedule(&p.napi);
	local_bh_enable();
}

static bool wait_done(void)
{
	return wait_for_completion_timeout(&p.done, HANG_GUARD);
}

static int added_disabled(struct conform_dev *dev)
{
	int polls;
	bool prep;

	CHECK(!probe_add(0));
	CHECK(p.napi.weight == NAPI_POLL_WEIGHT && p.napi.dev == p.dev);
	CHECK(p.napi.poll == probe_poll);
	CHECK(!list_empty(&p.dev->napi_list));
	prep = napi_schedule_prep(&p.napi);
	schedule_bh();
	msleep(20);
	polls = atomic_read(&p.polls);
	probe_del(false);
	CHECK(!prep);
	CHECK_CMP(polls, ==, 0);
	return 0;
}

static int poll_gets_weight_as_budget(struct conform_dev *dev)
{
	static const int weights[] = { 0, 16, 1 };

	for (unsigned int i = 0; i < ARRAY_SIZE(weights); i++) {
		bool ran;

		CHECK(!probe_add(weights[i]));
		napi_enable(&p.napi);
		schedule_bh();
		ran = wait_done();
		probe_del(true);
		CHECK(ran);
		CHECK(p.ctx_ok);
		CHECK_CMP(p.budget_seen, ==, weights[i] ? weights[i] : NAPI_POLL_WEIGHT);
		CHECK_CMP(atomic_read(&p.polls), ==, 1);
		CHECK_CMP(p.completes, ==, 1);
		CHECK_CMP(p.missed, ==, 0);
		/* A poll's own allocations: the rx headroom, the instance's device. */
		CHECK_CMP(p.skb_headroom, ==, NET_SKB_PAD + NET_IP_ALIGN);
		CHECK(p.skb_dev_ok);
	}
	return 0;
}

static int full_budget_polled_again(struct conform_dev *dev)
{
	bool ran;

	CHECK(!probe_add(8));
	p.full_left = 3;
	napi_enable(&p.napi);
	schedule_bh();
	ran = wait_done();
	probe_del(true);
	CHECK(ran && p.ctx_ok);
	CHECK_CMP(atomic_read(&p.polls), ==, 4);
	CHECK_CMP(p.completes, ==, 1);
	return 0;
}

/* Scheduled while its poll runs: complete_done says false, and it is polled again. */
static int scheduled_while_polling(struct conform_dev *dev)
{
	bool ran;

	CHECK(!probe_add(0));
	p.resched_left = 1;
	napi_enable(&p.napi);
	schedule_bh();
	ran = wait_done();
	probe_del(true);
	CHECK(ran && p.ctx_ok);
	CHECK_CMP(p.missed, ==, 1);
	CHECK_CMP(p.completes, ==, 1);
	CHECK_CMP(atomic_read(&p.polls), ==, 2);
	return 0;
}

static void kick_fn(struct timer_list *t)
{
	napi_schedule(&p.napi);
}

static int scheduled_from_timer(struct conform_dev *dev)
{
	bool ran;

	CHECK(!probe_add(0));
	napi_enable(&p.napi);
	timer_setup(&p.kick, kick_fn, 0);
	mod_timer(&p.kick, jiffies + 1);
	ran = wait_done();
	del_timer_sync(&p.kick);
	probe_del(true);
	CHECK(ran && p.ctx_ok);
	CHECK_CMP(atomic_read(&p.polls), ==, 1);
	return 0;
}

/* The poll, scheduled by a timer, keeps its CPU 30 ms: napi_disable returns after it. */
static int disable_waits_for_poll(struct conform_dev *dev)
{
	unsigned long guard;
	bool over;

	CHECK(!probe_add(0));
	p.busy_ms = 30;
	napi_enable(&p.napi);
	timer_setup(&p.kick, kick_fn, 0);
	mod_timer(&p.kick, jiffies + 1);
	guard = jiffies + HANG_GUARD;
	while (!atomic_read(&p.polls) && time_before(jiffies, guard))
		usleep_range(100, 200);
	napi_disable(&p.napi);
	over = READ_ONCE(p.busy_over);
	del_timer_sync(&p.kick);
	probe_del(false);
	CHECK_CMP(atomic_read(&p.polls), ==, 1);
	CHECK(over);
	return 0;
}

/* napi_synchronize returns once the running poll gave the instance back, which stays enabled. */
static int synchronize_waits_for_poll(struct conform_dev *dev)
{
	unsigned long guard;
	bool over, again;

	CHECK(!probe_add(0));
	p.busy_ms = 30;
	napi_enable(&p.napi);
	timer_setup(&p.kick, kick_fn, 0);
	mod_timer(&p.kick, jiffies + 1);
	guard = jiffies + HANG_GUARD;
	while (!atomic_read(&p.polls) && time_before(jiffies, guard))
		usleep_range(100, 200);
	napi_synchronize(&p.napi);
	over = READ_ONCE(p.busy_over);
	/*
	 * Not p.done again: the first poll completes it after giving the
	 * instance back, which is when napi_synchronize() may return.
	 */
	schedule_bh();
	again = conform_wait_until(atomic_read(&p.polls) >= 2);
	del_timer_sync(&p.kick);
	probe_del(true);
	CHECK(over);
	CHECK(again);
	CHECK_CMP(atomic_read(&p.polls), ==, 2);
	return 0;
}

static int disabled_not_polled(struct conform_dev *dev)
{
	bool ran, prep;
	int polls;

	CHECK(!probe_add(0));
	napi_enable(&p.napi);
	schedule_bh();
	ran = wait_done();
	napi_disable(&p.napi);
	prep = napi_schedule_prep(&p.napi);
	schedule_bh();
	msleep(20);
	polls = atomic_read(&p.polls);
	probe_del(false);
	CHECK(ran);
	CHECK(!prep);
	CHECK_CMP(polls, ==, 1);
	return 0;
}

/* ndo_stop then ndo_open: disabled, then enabled again, it polls again. */
static int reenabled_polls_again(struct conform_dev *dev)
{
	bool first, second;

	CHECK(!probe_add(0));
	napi_enable(&p.napi);
	schedule_bh();
	first = wait_done();
	napi_disable(&p.napi);
	napi_enable(&p.napi);
	reinit_completion(&p.done);
	schedule_bh();
	second = wait_done();
	probe_del(true);
	CHECK(first && second);
	CHECK_CMP(atomic_read(&p.polls), ==, 2);
	return 0;
}

/*
 * Once netif_napi_del returns no poll of the instance is running, so its
 * memory may go: here the poll is still busy after it completed.
 */
static int del_waits_for_poll_end(struct conform_dev *dev)
{
	bool ran, returned;

	CHECK(!probe_add(0));
	p.tail_ms = 30;
	napi_enable(&p.napi);
	timer_setup(&p.kick, kick_fn, 0);
	mod_timer(&p.kick, jiffies + 1);
	ran = wait_done();
	napi_disable(&p.napi);
	netif_napi_del(&p.napi);
	returned = READ_ONCE(p.returned);
	del_timer_sync(&p.kick);
	free_netdev(p.dev);
	CHECK(ran);
	CHECK(returned);
	return 0;
}

/* netif_napi_del takes the instance off the device; free_netdev takes any left. */
static int del_then_free(struct conform_dev *dev)
{
	static struct napi_struct second;
	bool one_left, none_left;

	CHECK(!probe_add(0));
	memset(&second, 0, sizeof(second));
	netif_napi_add(p.dev, &second, probe_poll);
	netif_napi_del(&p.napi);
	one_left = !list_empty(&p.dev->napi_list);
	netif_napi_del(&second);
	none_left = list_empty(&p.dev->napi_list);
	netif_napi_add(p.dev, &second, probe_poll);
	free_netdev(p.dev);
	CHECK(one_left && none_left);
	return 0;
}

static const struct conform_case napi_cases[] = {
	{ "added_disabled", added_disabled },
	{ "poll_gets_weight_as_budget", poll_gets_weight_as_budget },
	{ "full_budget_polled_again", full_budget_polled_again },
	{ "scheduled_while_polling", scheduled_while_polling },
	{ "scheduled_from_timer", scheduled_from_timer },
	{ "disable_waits_for_poll", disable_waits_for_poll },
	{ "synchronize_waits_for_poll", synchronize_waits_for_poll },
	{ "disabled_not_polled", disabled_not_polled },
	{ "reenabled_polls_again", reenabled_polls_again },
	{ "del_waits_for_poll_end", del_waits_for_poll_end },
	{ "del_then_free", del_then_free },
};
CONFORM_SUITE(napi, napi_cases);
