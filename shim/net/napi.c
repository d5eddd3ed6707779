// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * net/napi.c - NAPI: interrupt handlers schedule a napi_struct, the
 * softirq thread (kernel/softirq.c, action NET_RX) polls it with a budget,
 * and what the driver receives goes to the host's TAP, consecutive TCP
 * segments merged into one frame (gro.c) before the poll ends.
 *
 * State is the kernel's protocol: SCHED is owned by whoever scheduled the
 * instance until napi_complete_done() gives it back; a schedule that finds
 * SCHED taken sets MISSED, and completion then polls once more rather
 * than lose the event. A disabled instance holds SCHED, so nothing can
 * schedule it until napi_enable().
 *
 * netif_rx() queues, as the kernel's does, and NET_RX hands the queue to
 * the TAP when the interrupt returns. A handler that empties a ring in hard
 * interrupt context (8390) must not pay a TAP write, which carries the
 * host's whole receive path, per frame while the chip fills the ring
 * behind it: QEMU's ne2000 drops frames on a full ring without raising
 * an interrupt, so a handler that leaves it full stalls the port for good.
 * One queue, not one per vCPU: NET_RX has one runner at a time.
 *
 * Frames a poll passes to netif_receive_skb() are merged like those of
 * napi_gro_receive(). Linux does not merge them, but there the frame costs
 * no system call; here each costs a TAP write, and the drivers that call
 * it (tulip, pcnet32, e100) are the ones without receive checksum offload
 * whose TCP streams gain most. The host sees the same bytes either way.
 */
#include <linux/delay.h>
#include <linux/etherdevice.h>
#include <linux/jiffies.h>
#include <linux/netdevice.h>
#include <linux/sched.h>
#include <linux/spinlock.h>

#include "../kernel/softirq.h"
#include "net.h"

/* One NET_RX run: at most this many packets or two jiffies, then yield. */
#define NAPI_RUN_BUDGET 300
#define NAPI_RUN_JIFFIES 2

/* The kernel's defaults: netdev_max_backlog, and the backlog's weight. */
#define RX_BACKLOG_MAX 1000
#define RX_BACKLOG_WEIGHT 64

static LIST_HEAD(napi_poll_list);
/* The instance whose poll runs now, and the thread running it. */
static struct napi_struct *napi_polling;
static struct task_struct *napi_poller;
static DEFINE_RAW_SPINLOCK(napi_poll_lock);

static struct sk_buff_head rx_backlog = {
	.next = (struct sk_buff *)&rx_backlog,
	.prev = (struct sk_buff *)&rx_backlog,
};
static DEFINE_RAW_SPINLOCK(rx_backlog_lock);
/* Frames taken off rx_backlog and not yet written: uldd_rx_backlog_flush waits for them. */
static int rx_backlog_inflight;

static void net_rx_action(void);

void uldd_net_rx_open(void)
{
	uldd_softirq_open(ULDD_SOFTIRQ_NET_RX, net_rx_action);
}

void netif_napi_add_weight(struct net_device *dev, struct napi_struct *napi,
			   int (*poll)(struct napi_struct *, int), int weight)
{
	static unsigned int napi_ids;

	if (test_and_set_bit(NAPI_STATE_LISTED, &napi->state))
		return;
	INIT_LIST_HEAD(&napi->poll_list);
	napi->poll = poll;
	napi->weight = weight;
	napi->dev = dev;
	napi->skb = NULL;
	napi->napi_id = __atomic_add_fetch(&napi_ids, 1, __ATOMIC_RELAXED);
	set_bit(NAPI_STATE_SCHED, &napi->state);
	list_add_tail(&napi->dev_list, &dev->napi_list);
	if (uldd_gro_init(napi))
		netdev_warn(dev, "no memory for receive coalescing: frames go up one by one\n");
	uldd_net_rx_open();
}

void netif_napi_del(struct napi_struct *napi)
{
	if (!test_and_clear_bit(NAPI_STATE_LISTED, &napi->state))
		return;
	list_del(&napi->dev_list);
	/* A poll that completed may still be returning: the driver frees napi next. */
	synchronize_net();
	napi_free_frags(napi);
	uldd_gro_free(napi);
}

void napi_enable(struct napi_struct *n)
{
	WARN_ON(!test_bit(NAPI_STATE_SCHED, &n->state));
	smp_mb__before_atomic();
	clear_bit(NAPI_STATE_DISABLE, &n->state);
	clear_bit(NAPI_STATE_MISSED, &n->state);
	clear_bit(NAPI_STATE_SCHED, &n->state);
}

/* Waits until a running poll gives SCHED back, then keeps it. */
void napi_disable(struct napi_struct *n)
{
	might_sleep();
	set_bit(NAPI_STATE_DISABLE, &n->state);
	while (test_and_set_bit(NAPI_STATE_SCHED, &n->state))
		usleep_range(20, 200);
	clear_bit(NAPI_STATE_MISSED, &n->state);
	clear_bit(NAPI_STATE_DISABLE, &n->state);
}

bool napi_schedule_prep(struct napi_struct *n)
{
	unsigned long val, new;

	val = READ_ONCE(n->state);
	do {
		if (unlikely(val & (1UL << NAPI_STATE_DISABLE)))
			return false;
		new = val | (1UL << NAPI_STATE_SCHED);
		/* Taken already: make the owner poll once more. */
		if (val & (1UL << NAPI_STATE_SCHED))
			new |= 1UL << NAPI_STATE_MISSED;
	} while (!__atomic_compare_exchange_n(&n->state, &val, new, false, __ATOMIC_SEQ_CST,
					      __ATOMIC_RELAXED));
	return !(val & (1UL << NAPI_STATE_SCHED));
}

void __napi_schedule(struct napi_struct *n)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&napi_poll_lock, flags);
	list_add_tail(&n->poll_list, &napi_poll_list);
	raw_spin_unlock_irqrestore(&napi_poll_lock, flags);
	uldd_softirq_raise(ULDD_SOFTIRQ_NET_RX);
}

void napi_synchronize(const struct napi_struct *n)
{
	while (test_bit(NAPI_STATE_SCHED, &n->state))
		msleep(1);
}

bool napi_complete_done(struct napi_struct *n, int work_done)
{
	unsigned long val, new;

	(void)work_done;
	/* What is held goes up before another poll may start. */
	uldd_gro_flush(n);
	val = READ_ONCE(n->state);
	do {
		new = val & ~((1UL << NAPI_STATE_MISSED) | (1UL << NAPI_STATE_SCHED));
		/* An event came in while polling: stay scheduled, poll again. */
		if (val & (1UL << NAPI_STATE_MISSED))
			new |= 1UL << NAPI_STATE_SCHED;
	} while (!__atomic_compare_exchange_n(&n->state, &val, new, false, __ATOMIC_SEQ_CST,
					      __ATOMIC_RELAXED));
	if (unlikely(val & (1UL << NAPI_STATE_MISSED))) {
		__napi_schedule(n);
		return false;
	}
	return true;
}

/* Writes up to weight frames of the backlog; returns how many. */
static int rx_backlog_run(int weight)
{
	int done;

	for (done = 0; done < weight; done++) {
		struct sk_buff *skb;

		raw_spin_lock_irq(&rx_backlog_lock);
		skb = __skb_dequeue(&rx_backlog);
		if (skb)
			__atomic_add_fetch(&rx_backlog_inflight, 1, __ATOMIC_RELAXED);
		raw_spin_unlock_irq(&rx_backlog_lock);
		if (!skb)
			break;
		uldd_tap_deliver(skb);
		__atomic_sub_fetch(&rx_backlog_inflight, 1, __ATOMIC_RELEASE);
	}
	return done;
}

static bool rx_backlog_pending(void)
{
	u32 n;

	raw_spin_lock_irq(&rx_backlog_lock);
	n = skb_queue_len(&rx_backlog);
	raw_spin_unlock_irq(&rx_backlog_lock);
	return n;
}

/*
 * After the device's interrupt is gone: its frames still queued are
 * dropped, and one being written finishes, before the device is freed.
 */
void uldd_rx_backlog_flush(struct net_device *dev)
{
	struct sk_buff_head gone;
	struct sk_buff *skb, *tmp;

	might_sleep();
	__skb_queue_head_init(&gone);
	raw_spin_lock_irq(&rx_backlog_lock);
	skb_queue_walk_safe(&rx_backlog, skb, tmp) {
		if (skb->dev == dev) {
			__skb_unlink(skb, &rx_backlog);
			__skb_queue_tail(&gone, skb);
		}
	}
	raw_spin_unlock_irq(&rx_backlog_lock);
	while ((skb = __skb_dequeue(&gone)))
		kfree_skb(skb);
	while (__atomic_load_n(&rx_backlog_inflight, __ATOMIC_ACQUIRE))
		usleep_range(20, 200);
}

/* The NET_RX action: the backlog, then what is scheduled, within the run's budget. */
static void net_rx_action(void)
{
	unsigned long deadline = jiffies + NAPI_RUN_JIFFIES;
	int budget = NAPI_RUN_BUDGET;
	LIST_HEAD(list);
	LIST_HEAD(repoll);

	budget -= rx_backlog_run(RX_BACKLOG_WEIGHT);
	raw_spin_lock_irq(&napi_poll_lock);
	list_splice_init(&napi_poll_list, &list);
	raw_spin_unlock_irq(&napi_poll_lock);

	while (!list_empty(&list)) {
		struct napi_struct *n = list_first_entry(&list, struct napi_struct, poll_list);
		/*
		 * Read before the poll: a poll that completes gives n back, and
		 * its driver may disable and free it at once, so only a poll
		 * that used its whole budget (and kept SCHED) lets us touch n.
		 */
		int weight = n->weight;
		int work = 0;

		list_del_init(&n->poll_list);
		if (test_bit(NAPI_STATE_SCHED, &n->state)) {
			napi_polling = n;
			WRITE_ONCE(napi_poller, current);
			work = n->poll(n, weight);
			WRITE_ONCE(napi_poller, NULL);
			WARN_ONCE(work > weight, "napi poll of %s returned %d of budget %d\n",
				  n->dev->name, work, weight);
		}
		budget -= work;
		/*
		 * A full budget means the driver kept SCHED: it wants more. Else n
		 * is not touched again: once completed it may be disabled and freed.
		 */
		if (work >= weight) {
			if (unlikely(napi_disable_pending(n)))
				napi_complete(n);
			else
				list_add_tail(&n->poll_list, &repoll);
		}
		if (budget <= 0 || time_after_eq(jiffies, deadline))
			break;
	}

	list_splice_tail_init(&repoll, &list);
	if (!list_empty(&list)) {
		raw_spin_lock_irq(&napi_poll_lock);
		list_splice(&list, &napi_poll_list);
		raw_spin_unlock_irq(&napi_poll_lock);
		uldd_softirq_raise(ULDD_SOFTIRQ_NET_RX);
	} else if (rx_backlog_pending()) {
		uldd_softirq_raise(ULDD_SOFTIRQ_NET_RX);
	}
}

/*
 * Inside a poll, through its merging (napi_polling is read only by the
 * thread that set it); elsewhere (a driver without NAPI) directly.
 */
static void napi_deliver(struct sk_buff *skb)
{
	if (READ_ONCE(napi_poller) == current && napi_polling->dev == skb->dev)
		uldd_gro_receive(napi_polling, skb);
	else
		uldd_tap_deliver(skb);
}

int netif_receive_skb(struct sk_buff *skb)
{
	napi_deliver(skb);
	return NET_RX_SUCCESS;
}

/* In any context, as since Linux 5.18; a full backlog drops the frame. */
int netif_rx(struct sk_buff *skb)
{
	unsigned long flags;
	bool queued = false;

	raw_spin_lock_irqsave(&rx_backlog_lock, flags);
	if (skb_queue_len(&rx_backlog) < RX_BACKLOG_MAX) {
		__skb_queue_tail(&rx_backlog, skb);
		queued = true;
	}
	raw_spin_unlock_irqrestore(&rx_backlog_lock, flags);
	if (unlikely(!queued)) {
		if (skb->dev)
			atomic_long_inc(&skb->dev->rx_dropped);
		kfree_skb(skb);
		return NET_RX_DROP;
	}
	uldd_softirq_raise(ULDD_SOFTIRQ_NET_RX);
	return NET_RX_SUCCESS;
}

void netif_receive_skb_list(struct list_head *head)
{
	struct sk_buff *skb, *next;

	list_for_each_entry_safe(skb, next, head, list) {
		list_del(&skb->list);
		napi_deliver(skb);
	}
}

gro_result_t napi_gro_receive(struct napi_struct *napi, struct sk_buff *skb)
{
	uldd_gro_receive(napi, skb);
	return GRO_NORMAL;
}

/* The frame the driver builds from pages, Ethernet header in the first. */
struct sk_buff *napi_get_frags(struct napi_struct *napi)
{
	if (!napi->skb)
		napi->skb = napi_alloc_skb(napi, 128);
	return napi->skb;
}

gro_result_t napi_gro_frags(struct napi_struct *napi)
{
	struct sk_buff *skb = napi->skb;

	napi->skb = NULL;
	if (!skb)
		return GRO_CONSUMED;
	if (!pskb_may_pull(skb, ETH_HLEN)) {
		atomic_long_inc(&napi->dev->rx_dropped);
		kfree_skb(skb);
		return GRO_CONSUMED;
	}
	skb->protocol = eth_type_trans(skb, napi->dev);
	uldd_gro_receive(napi, skb);
	return GRO_NORMAL;
}
