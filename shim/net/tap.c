// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * net/tap.c - a net_device's host side: its TAP interface and the thread
 * that serves it (see net.h for the division of work).
 *
 * Transmit: the thread reads up to TAP_TX_BATCH frames from the TAP, then
 * hands them to ndo_start_xmit() under the queue's xmit lock, telling the
 * driver (netdev_xmit_more) that more follow so it rings its doorbell once
 * per batch. When the driver or byte queue limits stop the queue, the
 * thread stops reading: the host's own queue on the TAP holds the rest,
 * and netif_tx_wake_queue() kicks the thread. Checksum offload and GSO
 * arrive in the virtio-net header, which vnet.c checks and turns into the
 * skb's fields.
 *
 * Receive: uldd_tap_deliver() writes each frame with one gathering write,
 * putting back a VLAN tag the device stripped.
 *
 * Queues: a driver with more than one transmit or receive queue gets a
 * multi-queue TAP of as many queues as the larger count. The host spreads
 * its flows over the TAP's queues; a frame read from TAP queue q goes to
 * transmit queue q (modulo their count), and a frame the driver received
 * on queue r is written to TAP queue r (modulo), which makes the host send
 * that flow's replies on queue r too. One thread still serves every TAP
 * queue: it waits on all of them and reads them in turn, so the backlog
 * and the per-CPU xmit_more flag keep a single owner and need no lock.
 * A single-queue driver gets a plain TAP and uldd_pick_tx_queue() as before.
 */
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/etherdevice.h>
#include <linux/if_vlan.h>
#include <linux/jiffies.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/tcp.h>

#include "../entry.h"
#include "../mm/private.h"
#include "net.h"
#include "../core/door.h"

#define TAP_TX_BATCH 32 /* frames read before they are handed over */
#define TAP_TX_BUDGET 256 /* frames per round, so link events get a turn */
#define TAP_TICK (HZ / 4) /* watchdog and multicast list polling */
#define TAP_MAX_FRAME (65536 + VLAN_ETH_HLEN)
#define TAP_MAX_MC 256
/* vnet header, linear part split around a VLAN tag, fragments. */
#define TAP_IOV_MAX (4 + MAX_SKB_FRAGS)
_Static_assert(TAP_IOV_MAX <= UHOST_TAP_MAX_IOV, "any skb fits one write");

static bool xmit_more[NR_CPUS];

bool uldd_netdev_xmit_more(void)
{
	return READ_ONCE(xmit_more[smp_processor_id()]);
}

void uldd_tap_kick(struct net_device *dev)
{
	struct uldd_netdev *un = dev->uldd;

	if (un && un->tap)
		uhost_tap_kick(un->tap);
}

/* The TAP queue for a frame the driver received: its receive queue's. */
unsigned int uldd_tap_rx_queue(const struct sk_buff *skb)
{
	return skb_rx_queue_recorded(skb) ? skb_get_rx_queue(skb) : 0;
}

/* Receive: one frame to the host. */
void uldd_tap_deliver(struct sk_buff *skb)
{
	struct net_device *dev = skb->dev;
	struct uldd_netdev *un = dev ? dev->uldd : NULL;
	struct uhost_vnet_hdr vh = { 0 };
	struct uhost_iovec iov[TAP_IOV_MAX];
	struct skb_shared_info *shinfo;
	unsigned char *mac;
	unsigned int linear, n = 0;
	__be16 tag[2];

	if (unlikely(!un || !un->tap))
		goto drop;
	shinfo = skb_shinfo(skb);
	mac = skb_mac_header_was_set(skb) ? skb_mac_header(skb) : skb->data;
	linear = (unsigned int)(skb->tail - mac);
	if (skb->ip_summed == CHECKSUM_UNNECESSARY)
		vh.flags = UHOST_VNET_F_DATA_VALID;
	/*
	 * Segments the device coalesced (LRO): the host's TCP sizes its
	 * receive window and ACKs by the segment size, and forwarding needs it
	 * to cut the frame again, as for a virtio device's.
	 */
	if (skb_is_gso(skb) && shinfo->gso_type & (SKB_GSO_TCPV4 | SKB_GSO_TCPV6)) {
		vh.gso_type = shinfo->gso_type & SKB_GSO_TCPV6 ? UHOST_VNET_GSO_TCPV6
							       : UHOST_VNET_GSO_TCPV4;
		if (shinfo->gso_type & SKB_GSO_TCP_ECN)
			vh.gso_type |= UHOST_VNET_GSO_ECN;
		vh.gso_size = shinfo->gso_size;
	}
	iov[n++] = (struct uhost_iovec){ &vh, sizeof(vh) };
	if (skb->vlan_present && linear >= 2 * ETH_ALEN) {
		tag[0] = skb->vlan_proto;
		tag[1] = htons(skb->vlan_tci);
		iov[n++] = (struct uhost_iovec){ mac, 2 * ETH_ALEN };
		iov[n++] = (struct uhost_iovec){ tag, sizeof(tag) };
		iov[n++] = (struct uhost_iovec){ mac + 2 * ETH_ALEN, linear - 2 * ETH_ALEN };
	} else {
		iov[n++] = (struct uhost_iovec){ mac, linear };
	}
	for (unsigned int i = 0; i < shinfo->nr_frags; i++)
		iov[n++] = (struct uhost_iovec){ skb_frag_address(&shinfo->frags[i]),
						 skb_frag_size(&shinfo->frags[i]) };
	if (unlikely(uhost_tap_write(un->tap, uldd_tap_rx_queue(skb), iov, n)))
		goto drop;
	atomic_long_inc(&un->to_host);
	consume_skb(skb);
	return;
drop:
	if (un)
		atomic_long_inc(&un->to_host_dropped);
	kfree_skb(skb);
}

/*
 * Transmit buffers: a frame is read into a kmalloc'ed buffer with
 * NET_SKB_PAD bytes of headroom before the frame (the virtio-net header
 * sits in its last bytes), so that a large frame's buffer becomes the
 * skb's head as it is: a 64 KiB GSO frame is never copied. Frames up to
 * TAP_COPY_MAX bytes are copied into an skb of their size instead and the
 * buffer is kept for the next read.
 */
#define TAP_HEADROOM (NET_SKB_PAD - sizeof(struct uhost_vnet_hdr))
#define TAP_BUF_SIZE                                   \
	(SKB_DATA_ALIGN(NET_SKB_PAD + TAP_MAX_FRAME) + \
	 SKB_DATA_ALIGN(sizeof(struct skb_shared_info)))
#define TAP_COPY_MAX 2048

/* The host's frame (got bytes with the vnet header) in rxbuf as an skb. */
static struct sk_buff *tap_frame_to_skb(struct uldd_netdev *un, size_t got)
{
	/* The TAP was made with the host's (x86: little-endian) byte order. */
	const struct uhost_vnet_hdr vh =
		*(struct uhost_vnet_hdr *)((char *)un->rxbuf + TAP_HEADROOM);
	const unsigned char *frame = (const unsigned char *)un->rxbuf + NET_SKB_PAD;
	unsigned int len = (unsigned int)(got - sizeof(vh));
	struct net_device *dev = un->dev;
	struct sk_buff *skb;

	if (got < sizeof(vh) + ETH_HLEN)
		return NULL;
	if (len <= TAP_COPY_MAX) {
		skb = netdev_alloc_skb(dev, len);
		if (!skb)
			return NULL;
		skb_put_data(skb, frame, len);
	} else {
		skb = build_skb(un->rxbuf, 0);
		if (!skb)
			return NULL;
		un->rxbuf = NULL; /* the skb's now */
		skb_reserve(skb, NET_SKB_PAD);
		skb_put(skb, len);
		skb->dev = dev;
	}
	if (uldd_vnet_to_skb(skb, &vh)) {
		kfree_skb(skb);
		return NULL;
	}
	return skb;
}

/*
 * The next frame from the host as an skb, its queue mapping set; NULL
 * when the TAP is empty.
 */
static struct sk_buff *tap_read(struct uldd_netdev *un, bool *empty)
{
	struct net_device *dev = un->dev;
	unsigned int queue = 0, n;
	size_t got;
	int err;

	for (;;) {
		struct sk_buff *skb;

		if (!un->rxbuf) {
			un->rxbuf = kmalloc(TAP_BUF_SIZE, GFP_KERNEL);
			if (!un->rxbuf) {
				*empty = true; /* the frame waits in the host's queue */
				return NULL;
			}
		}
		err = uhost_tap_read(un->tap, (char *)un->rxbuf + TAP_HEADROOM,
				     TAP_BUF_SIZE - TAP_HEADROOM -
					     SKB_DATA_ALIGN(sizeof(struct skb_shared_info)),
				     &got, &queue);
		if (err == EAGAIN) {
			*empty = true;
			return NULL;
		}
		if (!err) {
			skb = tap_frame_to_skb(un, got);
			if (likely(skb)) {
				atomic_long_inc(&un->from_host);
				n = uhost_tap_queues(un->tap);
				skb_set_queue_mapping(skb, uldd_tap_tx_queue(dev, n, queue, skb));
				return skb;
			}
		} else if (err != EMSGSIZE) {
			if (net_ratelimit())
				netdev_err(un->dev, "reading from the host: %s\n", uhost_errmsg());
			*empty = true;
			return NULL;
		}
		atomic_long_inc(&un->from_host_dropped);
	}
}

/*
 * Whether the driver can take the next frame: the one at the head of the
 * backlog, or with none there, one for any queue that is running.
 */
static bool tap_may_xmit(struct uldd_netdev *un)
{
	struct net_device *dev = un->dev;
	struct sk_buff *skb;

	if (!netif_running(dev) || !netif_device_present(dev))
		return false;
	skb = skb_peek(&un->backlog);
	if (skb)
		return !netif_xmit_stopped(netdev_get_tx_queue(dev, skb_get_queue_mapping(skb)));
	for (unsigned int i = 0; i < dev->real_num_tx_queues; i++)
		if (!netif_xmit_stopped(netdev_get_tx_queue(dev, i)))
			return true;
	return false;
}

/*
 * The transmit queue for a frame read from TAP queue q of n: the host
 * chose q for its flow when the TAP has several queues; with one, the
 * shim chooses as Linux would.
 */
u16 uldd_tap_tx_queue(struct net_device *dev, unsigned int n, unsigned int q, struct sk_buff *skb)
{
	if (n > 1 && dev->real_num_tx_queues)
		return (u16)(q % dev->real_num_tx_queues);
	return uldd_pick_tx_queue(dev, skb);
}

/*
 * Frames from the host to the driver, each on the queue uldd_tap_tx_queue()
 * chose when it was read. A run of frames for one queue goes under one
 * hold of its lock, netdev_xmit_more() set while the next frame is for the
 * same queue (a driver defers that queue's doorbell on it, and only a
 * frame for that queue would ring it). A stopped queue at the head of the
 * backlog holds all behind it until its wake kicks this thread: the
 * backlog keeps the order frames were read in (one flow stays on one TAP
 * queue, so its order is kept).
 */
static void tap_xmit(struct uldd_netdev *un)
{
	struct net_device *dev = un->dev;
	int budget = TAP_TX_BUDGET;
	bool empty = false;
	struct sk_buff *skb;

	if (!netif_running(dev)) {
		skb_queue_purge(&un->backlog);
		return;
	}
	while (budget > 0 && tap_may_xmit(un)) {
		struct netdev_queue *txq;
		u16 q;

		while (!empty && skb_queue_len(&un->backlog) < TAP_TX_BATCH) {
			skb = tap_read(un, &empty);
			if (skb)
				__skb_queue_tail(&un->backlog, skb);
		}
		skb = skb_peek(&un->backlog);
		if (!skb)
			break;
		q = skb_get_queue_mapping(skb);
		txq = netdev_get_tx_queue(dev, q);
		if (netif_xmit_stopped(txq))
			break;
		spin_lock_bh(&txq->_xmit_lock);
		/* The driver checks netif_xmit_stopped() before deferring its doorbell. */
		while (budget > 0 && !netif_xmit_stopped(txq) && (skb = skb_peek(&un->backlog)) &&
		       skb_get_queue_mapping(skb) == q) {
			struct sk_buff *next;
			netdev_tx_t rc;

			__skb_unlink(skb, &un->backlog);
			next = skb_peek(&un->backlog);
			WRITE_ONCE(xmit_more[smp_processor_id()],
				   next && skb_get_queue_mapping(next) == q);
			rc = dev->netdev_ops->ndo_start_xmit(skb, dev);
			if (unlikely(rc != NETDEV_TX_OK)) {
				/* Busy: the driver kept nothing; try again after a wake. */
				__skb_queue_head(&un->backlog, skb);
				budget = 0;
				break;
			}
			txq_trans_cond_update(txq);
			if (q < ULDD_NET_TXQ_STATS)
				WRITE_ONCE(un->to_txq[q], un->to_txq[q] + 1);
			budget--;
		}
		WRITE_ONCE(xmit_more[smp_processor_id()], false);
		spin_unlock_bh(&txq->_xmit_lock);
	}
}

static int tap_door(struct uldd_netdev *un, const char *what, int err)
{
	if (err)
		netdev_warn(un->dev, "%s: %s\n", what, uhost_errmsg());
	return err;
}

/* The host changed the MTU: the driver decides (rtnl held). */
static void tap_take_mtu(struct uldd_netdev *un, unsigned int mtu)
{
	struct net_device *dev = un->dev;
	int err = 0;

	if (mtu < dev->min_mtu || mtu > dev->max_mtu) {
		netdev_warn(dev, "MTU %u is outside this device's %u..%u: keeping %u\n", mtu,
			    dev->min_mtu, dev->max_mtu, dev->mtu);
		err = -EINVAL;
	} else if (dev->netdev_ops->ndo_change_mtu) {
		err = dev->netdev_ops->ndo_change_mtu(dev, (int)mtu);
		if (err)
			netdev_warn(dev, "the driver refused MTU %u (%d): keeping %u\n", mtu, err,
				    dev->mtu);
	} else {
		WRITE_ONCE(dev->mtu, mtu);
	}
	if (err || dev->mtu != mtu) {
		tap_door(un, "setting the host's MTU back",
			 uldd_door_tap_set_mtu(un->tap, dev->mtu));
	}
}

static void tap_take_mac(struct uldd_netdev *un, const u8 *mac)
{
	struct net_device *dev = un->dev;
	struct sockaddr sa;
	int err;

	sa.sa_family = dev->type;
	memcpy(sa.sa_data, mac, ETH_ALEN);
	if (dev->netdev_ops->ndo_set_mac_address)
		err = dev->netdev_ops->ndo_set_mac_address(dev, &sa);
	else
		err = eth_mac_addr(dev, &sa);
	if (err) {
		netdev_warn(dev, "the driver refused MAC address %pM (%d)\n", mac, err);
		set_bit(ULDD_NET_MAC, &un->pending);
	}
}

static bool tap_mc_same(struct net_device *dev, u8 (*mac)[6], unsigned int n)
{
	struct netdev_hw_addr *ha;
	unsigned int i = 0;

	if ((unsigned int)netdev_mc_count(dev) != n)
		return false;
	netdev_for_each_mc_addr(ha, dev) if (!ether_addr_equal(ha->addr, mac[i++])) return false;
	return true;
}

/* Makes dev->mc the host's list; true when it changed (rtnl held). */
static bool tap_take_mc(struct uldd_netdev *un)
{
	struct net_device *dev = un->dev;
	struct netdev_hw_addr *ha, *tmp;
	unsigned int n, i;
	u8(*mac)[6];
	LIST_HEAD(fresh);
	LIST_HEAD(old);

	mac = kmalloc_array(TAP_MAX_MC, 6, GFP_KERNEL);
	if (!mac)
		return false;
	if (uldd_door_tap_mc_list(un->tap, mac, TAP_MAX_MC, &n) || tap_mc_same(dev, mac, n)) {
		kfree(mac);
		return false;
	}
	if (n > TAP_MAX_MC) {
		netdev_warn(dev, "the host joined %u multicast groups: passing the first %u\n", n,
			    TAP_MAX_MC);
		n = TAP_MAX_MC;
	}
	for (i = 0; i < n; i++) {
		/* The shim's list nodes: the driver reads them, no device should write them. */
		ha = uldd_private_alloc(sizeof(*ha), GFP_KERNEL | __GFP_ZERO);
		if (!ha)
			break;
		memcpy(ha->addr, mac[i], ETH_ALEN);
		ha->refcount = 1;
		list_add_tail(&ha->list, &fresh);
	}
	kfree(mac);
	netif_addr_lock_bh(dev);
	list_splice_init(&dev->mc.list, &old);
	list_splice_init(&fresh, &dev->mc.list);
	dev->mc.count = (int)i;
	netif_addr_unlock_bh(dev);
	list_for_each_entry_safe(ha, tmp, &old, list)
		uldd_private_free(ha);
	return true;
}

/* What the host did to the TAP, taken to the driver. */
static void tap_sync_host(struct uldd_netdev *un)
{
	struct net_device *dev = un->dev;
	struct uhost_tap_view link;
	unsigned int flags;
	bool rx_mode;

	if (uldd_door_tap_link(un->tap, &link)) {
		if (net_ratelimit())
			netdev_warn(dev, "reading the host's view: %s\n", uhost_errmsg());
		return;
	}
	rtnl_lock();
	if (link.mtu != dev->mtu)
		tap_take_mtu(un, link.mtu);
	if (!ether_addr_equal(link.mac, dev->dev_addr) && !test_bit(ULDD_NET_MAC, &un->pending))
		tap_take_mac(un, link.mac);
	if ((link.flags & UHOST_TAP_UP) && !netif_running(dev))
		uldd_dev_open(dev);
	else if (!(link.flags & UHOST_TAP_UP) && netif_running(dev))
		uldd_dev_close(dev);
	flags = (link.flags & UHOST_TAP_PROMISC ? IFF_PROMISC : 0) |
		(link.flags & UHOST_TAP_ALLMULTI ? IFF_ALLMULTI : 0);
	rx_mode = (dev->flags ^ flags) & (IFF_PROMISC | IFF_ALLMULTI);
	dev->flags = (dev->flags & ~(IFF_PROMISC | IFF_ALLMULTI)) | flags;
	if (tap_take_mc(un))
		rx_mode = true;
	if (rx_mode && netif_running(dev))
		uldd_dev_set_rx_mode(dev);
	rtnl_unlock();
}

/* What the driver changed, shown to the host. */
static void tap_sync_driver(struct uldd_netdev *un)
{
	struct net_device *dev = un->dev;
	u8 mac[ETH_ALEN];
	int on;

	if (test_and_clear_bit(ULDD_NET_CARRIER, &un->pending)) {
		on = netif_carrier_ok(dev);
		tap_door(un, "mirroring the carrier", uldd_door_tap_set_carrier(un->tap, on));
	}
	if (test_and_clear_bit(ULDD_NET_MAC, &un->pending)) {
		memcpy(mac, dev->dev_addr, ETH_ALEN);
		tap_door(un, "mirroring the MAC address", uldd_door_tap_set_mac(un->tap, mac));
	}
}

/* A queue the driver stopped and never woke: its ndo_tx_timeout. */
static void tap_watchdog(struct uldd_netdev *un)
{
	struct net_device *dev = un->dev;
	unsigned long timeo = dev->watchdog_timeo > 0 ? (unsigned long)dev->watchdog_timeo : 5 * HZ;

	if (!netif_running(dev) || !netif_carrier_ok(dev) || !netif_device_present(dev) ||
	    !dev->netdev_ops->ndo_tx_timeout)
		return;
	for (unsigned int i = 0; i < dev->real_num_tx_queues; i++) {
		struct netdev_queue *txq = netdev_get_tx_queue(dev, i);

		if (netif_tx_queue_stopped(txq) &&
		    time_after(jiffies, READ_ONCE(txq->trans_start) + timeo)) {
			netdev_err(dev, "NETDEV WATCHDOG: transmit queue %u timed out (%u ms)\n", i,
				   jiffies_to_msecs(jiffies - txq->trans_start));
			WRITE_ONCE(txq->trans_start, jiffies);
			dev->netdev_ops->ndo_tx_timeout(dev, i);
		}
	}
}

/*
 * The thread's periodic work (watchdog, multicast list) is due every
 * TAP_TICK: a timer kicks it, so its waits need no timeout, which would
 * cost clock reads on every wake (an HPET register in an emulated guest).
 */
static void tap_tick(struct timer_list *t)
{
	struct uldd_netdev *un = from_timer(un, t, tick);

	uhost_tap_kick(un->tap);
	if (!READ_ONCE(un->stop))
		mod_timer(&un->tick, jiffies + TAP_TICK);
}

static void tap_thread(void *arg)
{
	struct uldd_netdev *un = arg;
	struct net_device *dev = un->dev;
	unsigned int want, events = UHOST_TAP_EV_LINK;
	int err;

	/*
	 * This thread is the kernel's NET_TX softirq, which no task preempts.
	 * At the default weight the host's sender (woken as the TAP queue
	 * drains) took its vCPU about once a frame for a driver without TSO,
	 * one frame per read: tulip sent 20 Mbit/s against the kernel's 200,
	 * with 1.05 involuntary switches a frame; at the interrupt threads'
	 * weight, 144 against 165, and none (make bench-net). Where the host
	 * refuses, the interrupt threads have said so.
	 */
	uhost_thread_boost();
	uldd_enter(dev->name);
	un->next_tick = jiffies;
	while (!READ_ONCE(un->stop)) {
		bool tick = time_after_eq(jiffies, un->next_tick);

		if ((events & UHOST_TAP_EV_LINK) || tick)
			tap_sync_host(un);
		if (READ_ONCE(un->pending))
			tap_sync_driver(un);
		if (tick) {
			tap_watchdog(un);
			un->next_tick = jiffies + TAP_TICK;
		}
		tap_xmit(un);
		want = UHOST_TAP_EV_LINK | UHOST_TAP_EV_KICK;
		if (tap_may_xmit(un))
			want |= UHOST_TAP_EV_READ;
		uldd_exit();
		/* No timeout: a wait with one reads the clock twice (tick below). */
		err = uldd_door_tap_wait(un->tap, want, 0, &events);
		uldd_enter(NULL);
		if (err && err != EINTR) {
			netdev_err(dev, "waiting for the host: %s\n", uhost_errmsg());
			msleep(100);
		}
	}
	complete(&un->exited);
	uldd_exit();
}

int uldd_tap_start(struct net_device *dev)
{
	struct uldd_netdev *un = dev->uldd;
	unsigned int offload = 0, queues;
	bool adopted;
	int err;

	/* A multi-queue driver's queues each get a TAP queue (see the top). */
	queues = max(dev->real_num_tx_queues, dev->real_num_rx_queues);
	queues = clamp(queues, 1u, (unsigned int)UHOST_TAP_MAX_QUEUES);
	un->rxbuf = NULL;
	__skb_queue_head_init(&un->backlog);
	init_completion(&un->exited);
	err = uldd_door_tap_open(dev->name, queues, &un->tap);
	if (err) {
		pr_err("%s: %s\n", dev->dev.parent ? dev_name(dev->dev.parent) : dev->name,
		       uhost_errmsg());
		goto fail;
	}
	strscpy(dev->name, uhost_tap_name(un->tap), IFNAMSIZ);
	if (dev->features & NETIF_F_CSUM_MASK) {
		offload |= UHOST_TAP_OFFLOAD_CSUM;
		if (dev->features & NETIF_F_TSO)
			offload |= UHOST_TAP_OFFLOAD_TSO4;
		if (dev->features & NETIF_F_TSO6)
			offload |= UHOST_TAP_OFFLOAD_TSO6;
		if (dev->features & NETIF_F_TSO_ECN)
			offload |= UHOST_TAP_OFFLOAD_TSO_ECN;
	}
	/*
	 * A TAP kept from the driver's last run (uldd supervise) has what the
	 * host set on it: the thread's first tap_sync_host() gives the driver
	 * its MTU, MAC, flags and multicast list, as the host changing them.
	 */
	adopted = uhost_tap_adopted(un->tap);
	if (adopted)
		netdev_info(dev, "taking back %s as the host left it\n", dev->name);
	err = tap_door(un, "offloads", uldd_door_tap_set_offload(un->tap, offload));
	if (!err && !adopted)
		err = tap_door(un, "MTU", uldd_door_tap_set_mtu(un->tap, dev->mtu));
	if (!err && !adopted && is_valid_ether_addr(dev->dev_addr))
		err = tap_door(un, "MAC address", uldd_door_tap_set_mac(un->tap, dev->dev_addr));
	if (!err)
		err = tap_door(un, "carrier",
			       uldd_door_tap_set_carrier(un->tap, netif_carrier_ok(dev)));
	if (!err)
		err = uhost_thread_create(tap_thread, un, dev->name, &un->thread);
	if (!err) {
		timer_setup(&un->tick, tap_tick, 0);
		mod_timer(&un->tick, jiffies + TAP_TICK);
	}
	if (err) {
		uldd_door_tap_close(un->tap);
		un->tap = NULL;
		goto fail;
	}
	return 0;
fail:
	kfree(un->rxbuf);
	un->rxbuf = NULL;
	return -err;
}

void uldd_tap_stop(struct net_device *dev)
{
	struct uldd_netdev *un = dev->uldd;

	if (!un->tap)
		return;
	WRITE_ONCE(un->stop, true);
	del_timer_sync(&un->tick);
	uhost_tap_kick(un->tap);
	wait_for_completion(&un->exited);
	uldd_door_thread_join(un->thread);
	uldd_door_tap_close(un->tap);
	un->tap = NULL;
	un->thread = NULL;
	skb_queue_purge(&un->backlog);
	kfree(un->rxbuf);
	un->rxbuf = NULL;
}
