// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * net/dev.c - net_device life: allocation, registration (which gives the
 * device its TAP, tap.c), open and close, queue state with byte queue
 * limits, carrier, and the rtnl lock that orders them.
 *
 * Byte queue limits: the queue stops (STACK_XOFF) while more than
 * bql_limit bytes sit in the device's ring, so the host's queue, not the
 * ring, absorbs a burst. The limit is fixed: enough for a 1 Gb/s ring to
 * stay busy between two completion interrupts at TCG speeds.
 */
#include <linux/etherdevice.h>
#include <linux/in.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/netdevice.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/unaligned.h>

#include "../entry.h"
#include "../mm/private.h"
#include "net.h"

#define BQL_LIMIT (256 * 1024)

LIST_HEAD(uldd_net_devices);
static DEFINE_MUTEX(rtnl_mutex);
static char net_ifname[IFNAMSIZ];

void rtnl_lock(void)
{
	mutex_lock(&rtnl_mutex);
}

void rtnl_unlock(void)
{
	mutex_unlock(&rtnl_mutex);
}

int rtnl_is_locked(void)
{
	return mutex_is_locked(&rtnl_mutex);
}

int uldd_net_ifname(const char *name)
{
	if (name && strlen(name) >= IFNAMSIZ)
		return -ENAMETOOLONG;
	strscpy(net_ifname, name ? name : "", IFNAMSIZ);
	return 0;
}

/*
 * A driver whose interface the host wants up but that refused to open it
 * does not serve it, yet stays loaded (the host may try again): uldd run
 * asks at its stop, so its exit status shows the failure.
 */
unsigned int uldd_net_open_failed(void)
{
	struct uldd_netdev *un;
	unsigned int n = 0;

	rtnl_lock();
	list_for_each_entry(un, &uldd_net_devices, node)
		n += un->open_failed;
	rtnl_unlock();
	return n;
}

struct net_device *alloc_netdev_mqs(int sizeof_priv, const char *name, unsigned char assign_type,
				    void (*setup)(struct net_device *), unsigned int txqs,
				    unsigned int rxqs)
{
	struct net_device *dev;
	struct uldd_netdev *un;

	(void)assign_type;
	if (WARN_ON(!txqs || !rxqs || sizeof_priv < 0))
		return NULL;
	dev = kzalloc(ALIGN(sizeof(*dev), NETDEV_ALIGN) + sizeof_priv, GFP_KERNEL);
	/*
	 * The driver's part (dev and its priv) is the driver's memory, in the
	 * DMA arena; the shim's part and the queues are in the private heap,
	 * which no device can reach.
	 */
	un = uldd_private_alloc(sizeof(*un), GFP_KERNEL | __GFP_ZERO);
	if (dev && txqs <= INT_MAX / sizeof(*dev->_tx))
		dev->_tx = uldd_private_alloc(txqs * sizeof(*dev->_tx), GFP_KERNEL | __GFP_ZERO);
	if (!dev || !un || !dev->_tx) {
		if (dev)
			uldd_private_free(dev->_tx);
		kfree(dev);
		uldd_private_free(un);
		return NULL;
	}
	for (unsigned int i = 0; i < txqs; i++) {
		dev->_tx[i].dev = dev;
		spin_lock_init(&dev->_tx[i]._xmit_lock);
		dev->_tx[i].bql_limit = BQL_LIMIT;
	}
	un->dev = dev;
	dev->uldd = un;
	dev->dev_addr = un->addr;
	strscpy(dev->name, name, IFNAMSIZ);
	dev->num_tx_queues = dev->real_num_tx_queues = txqs;
	dev->num_rx_queues = dev->real_num_rx_queues = rxqs;
	dev->gso_max_size = 65536;
	dev->gso_max_segs = 65535;
	INIT_LIST_HEAD(&dev->uc.list);
	INIT_LIST_HEAD(&dev->mc.list);
	INIT_LIST_HEAD(&dev->napi_list);
	spin_lock_init(&dev->addr_list_lock);
	if (setup)
		setup(dev);
	return dev;
}

static void hw_addr_flush(struct netdev_hw_addr_list *list)
{
	struct netdev_hw_addr *ha, *tmp;

	list_for_each_entry_safe(ha, tmp, &list->list, list)
		uldd_private_free(ha);
	INIT_LIST_HEAD(&list->list);
	list->count = 0;
}

void free_netdev(struct net_device *dev)
{
	struct napi_struct *n, *tmp;

	if (!dev)
		return;
	if (WARN(dev->reg_state == NETREG_REGISTERED, "free_netdev(%s) while registered\n",
		 dev->name))
		return;
	list_for_each_entry_safe(n, tmp, &dev->napi_list, dev_list)
		netif_napi_del(n);
	hw_addr_flush(&dev->uc);
	hw_addr_flush(&dev->mc);
	uldd_private_free(dev->uldd);
	uldd_private_free(dev->_tx);
	kfree(dev);
}

int register_netdevice(struct net_device *dev)
{
	int err;

	ASSERT_RTNL();
	if (WARN_ON(dev->reg_state != NETREG_UNINITIALIZED))
		return -EINVAL;
	/* --ifname: a fixed name is the first device's, a pattern everybody's. */
	if (net_ifname[0]) {
		strscpy(dev->name, net_ifname, IFNAMSIZ);
		if (!strchr(net_ifname, '%'))
			net_ifname[0] = '\0';
	}
	if (dev->netdev_ops->ndo_init) {
		err = dev->netdev_ops->ndo_init(dev);
		if (err)
			return err;
	}
	dev->wanted_features = dev->features;
	/* Present from registration on, as in Linux; not before. */
	set_bit(__LINK_STATE_PRESENT, &dev->state);
	err = uldd_tap_start(dev);
	if (err) {
		if (dev->netdev_ops->ndo_uninit)
			dev->netdev_ops->ndo_uninit(dev);
		return err;
	}
	dev->reg_state = NETREG_REGISTERED;
	uldd_net_rx_open();
	/* Linux names the interface's struct device after it: dev_info(&dev->dev) shows it. */
	if (!dev->dev.init_name)
		dev->dev.init_name = dev->name;
	list_add_tail(&dev->uldd->node, &uldd_net_devices);
	netdev_info(dev, "registered: the host's %s is this device, MAC %pM\n", dev->name,
		    dev->dev_addr);
	return 0;
}

int register_netdev(struct net_device *dev)
{
	int err;

	rtnl_lock();
	err = register_netdevice(dev);
	rtnl_unlock();
	return err;
}

/* With rtnl: the TAP thread must be gone already (unregister_netdev). */
void unregister_netdevice(struct net_device *dev)
{
	ASSERT_RTNL();
	if (WARN_ON(dev->reg_state != NETREG_REGISTERED))
		return;
	uldd_dev_close(dev);
	uldd_rx_backlog_flush(dev);
	dev->reg_state = NETREG_UNREGISTERING;
	list_del(&dev->uldd->node);
	if (dev->netdev_ops->ndo_uninit)
		dev->netdev_ops->ndo_uninit(dev);
	dev->reg_state = NETREG_UNREGISTERED;
}

void unregister_netdev(struct net_device *dev)
{
	/* The TAP thread takes rtnl itself: stop it before taking it here. */
	uldd_tap_stop(dev);
	rtnl_lock();
	unregister_netdevice(dev);
	rtnl_unlock();
}

int netif_set_real_num_tx_queues(struct net_device *dev, unsigned int txq)
{
	if (txq < 1 || txq > dev->num_tx_queues)
		return -EINVAL;
	dev->real_num_tx_queues = txq;
	return 0;
}

int netif_set_real_num_rx_queues(struct net_device *dev, unsigned int rxq)
{
	if (rxq < 1 || rxq > dev->num_rx_queues)
		return -EINVAL;
	dev->real_num_rx_queues = rxq;
	return 0;
}

void dev_addr_set(struct net_device *dev, const u8 *addr)
{
	memcpy(dev->uldd->addr, addr, dev->addr_len ? dev->addr_len : ETH_ALEN);
	if (dev->reg_state == NETREG_REGISTERED) {
		set_bit(ULDD_NET_MAC, &dev->uldd->pending);
		uldd_tap_kick(dev);
	}
}

/* Open and close, as the host's 'ip link set up/down' asks (rtnl held). */
int uldd_dev_open(struct net_device *dev)
{
	int err = 0;

	ASSERT_RTNL();
	if (netif_running(dev))
		return 0;
	if (!netif_device_present(dev))
		return -ENODEV;
	set_bit(__LINK_STATE_START, &dev->state);
	if (dev->netdev_ops->ndo_validate_addr)
		err = dev->netdev_ops->ndo_validate_addr(dev);
	if (!err && dev->netdev_ops->ndo_open)
		err = dev->netdev_ops->ndo_open(dev);
	dev->uldd->open_failed = err != 0;
	if (err) {
		clear_bit(__LINK_STATE_START, &dev->state);
		netdev_err(dev, "cannot open the device (%d): the host's interface has no link\n",
			   err);
		return err;
	}
	dev->flags |= IFF_UP;
	uldd_dev_set_rx_mode(dev);
	return 0;
}

void uldd_dev_close(struct net_device *dev)
{
	ASSERT_RTNL();
	/* The host gave up on the interface: no longer a failure to report. */
	dev->uldd->open_failed = false;
	if (!netif_running(dev))
		return;
	clear_bit(__LINK_STATE_START, &dev->state);
	smp_mb__after_atomic();
	if (dev->netdev_ops->ndo_stop)
		dev->netdev_ops->ndo_stop(dev);
	dev->flags &= ~IFF_UP;
}

/*
 * Addresses and, unless the packet is a fragment, TCP or UDP ports of an
 * IPv4 or IPv6 frame, mixed; 0 for anything else. The same both ways of a
 * flow is not needed: only its order on one queue is.
 */
static u32 flow_hash(const struct sk_buff *skb)
{
	const u8 *p = skb->data, *l4 = NULL;
	unsigned int len = skb_headlen(skb);
	u32 h = 0;
	u8 proto = 0;

	if (len < ETH_HLEN)
		return 0;
	if (get_unaligned_be16(p + 12) == ETH_P_IP && len >= ETH_HLEN + 20) {
		const u8 *ip = p + ETH_HLEN;
		unsigned int ihl = (ip[0] & 0xf) * 4u;

		h = get_unaligned((const u32 *)(ip + 12)) ^ get_unaligned((const u32 *)(ip + 16));
		proto = ip[9];
		/* Only a first fragment has ports, and the others must follow it. */
		if (!(get_unaligned_be16(ip + 6) & 0x3fff) && ihl >= 20)
			l4 = ip + ihl;
	} else if (get_unaligned_be16(p + 12) == ETH_P_IPV6 && len >= ETH_HLEN + 40) {
		const u8 *ip = p + ETH_HLEN;

		for (unsigned int i = 8; i < 40; i += 4)
			h ^= get_unaligned((const u32 *)(ip + i));
		proto = ip[6];
		l4 = ip + 40;
	} else {
		return 0;
	}
	if (l4 && (proto == IPPROTO_TCP || proto == IPPROTO_UDP) && l4 + 4 <= p + len)
		h ^= get_unaligned((const u32 *)l4);
	return h;
}

u16 uldd_pick_tx_queue(struct net_device *dev, struct sk_buff *skb)
{
	unsigned int n = dev->real_num_tx_queues;
	u16 q;

	if (n <= 1)
		return 0;
	if (dev->netdev_ops->ndo_select_queue) {
		q = dev->netdev_ops->ndo_select_queue(dev, skb, NULL);
		return q < n ? q : 0;
	}
	/* Multiplicative hashing spreads the mixed words over the queues. */
	return (u16)(((u64)(flow_hash(skb) * 0x9e3779b1u) * n) >> 32);
}

static DEFINE_SPINLOCK(rss_key_lock);
static u8 rss_key[NETDEV_RSS_KEY_LEN];
static bool rss_key_set;

void netdev_rss_key_fill(void *buffer, size_t len)
{
	if (WARN_ON(len > sizeof(rss_key)))
		len = sizeof(rss_key);
	spin_lock(&rss_key_lock);
	if (!rss_key_set) {
		get_random_bytes(rss_key, sizeof(rss_key));
		rss_key_set = true;
	}
	memcpy(buffer, rss_key, len);
	spin_unlock(&rss_key_lock);
}

void dev_close(struct net_device *dev)
{
	uldd_dev_close(dev);
}

void uldd_dev_set_rx_mode(struct net_device *dev)
{
	if (!dev->netdev_ops->ndo_set_rx_mode)
		return;
	netif_addr_lock_bh(dev);
	dev->netdev_ops->ndo_set_rx_mode(dev);
	netif_addr_unlock_bh(dev);
}

/* Carrier and presence: the TAP thread mirrors the carrier to the host. */
void netif_carrier_on(struct net_device *dev)
{
	if (test_and_clear_bit(__LINK_STATE_NOCARRIER, &dev->state) &&
	    dev->reg_state == NETREG_REGISTERED) {
		set_bit(ULDD_NET_CARRIER, &dev->uldd->pending);
		uldd_tap_kick(dev);
	}
}

void netif_carrier_off(struct net_device *dev)
{
	if (!test_and_set_bit(__LINK_STATE_NOCARRIER, &dev->state) &&
	    dev->reg_state == NETREG_REGISTERED) {
		set_bit(ULDD_NET_CARRIER, &dev->uldd->pending);
		uldd_tap_kick(dev);
	}
}

void netif_device_detach(struct net_device *dev)
{
	if (test_and_clear_bit(__LINK_STATE_PRESENT, &dev->state) && netif_running(dev))
		netif_tx_stop_all_queues(dev);
}

void netif_device_attach(struct net_device *dev)
{
	if (!test_and_set_bit(__LINK_STATE_PRESENT, &dev->state) && netif_running(dev))
		netif_tx_wake_all_queues(dev);
}

/* Queues */
void netif_tx_wake_queue(struct netdev_queue *txq)
{
	if (test_and_clear_bit(__QUEUE_STATE_DRV_XOFF, &txq->state))
		uldd_tap_kick(txq->dev);
}

void netif_tx_disable(struct net_device *dev)
{
	for (unsigned int i = 0; i < dev->num_tx_queues; i++) {
		struct netdev_queue *txq = netdev_get_tx_queue(dev, i);

		spin_lock_bh(&txq->_xmit_lock);
		netif_tx_stop_queue(txq);
		spin_unlock_bh(&txq->_xmit_lock);
	}
}

void netdev_tx_sent_queue(struct netdev_queue *txq, unsigned int bytes)
{
	unsigned int inflight = __atomic_add_fetch(&txq->bql_inflight, bytes, __ATOMIC_RELAXED);

	if (likely(inflight < txq->bql_limit))
		return;
	set_bit(__QUEUE_STATE_STACK_XOFF, &txq->state);
	/* A completion between the store and the bit would not see the bit. */
	smp_mb__after_atomic();
	if (READ_ONCE(txq->bql_inflight) < txq->bql_limit)
		clear_bit(__QUEUE_STATE_STACK_XOFF, &txq->state);
}

void netdev_tx_completed_queue(struct netdev_queue *txq, unsigned int pkts, unsigned int bytes)
{
	unsigned int inflight;

	if (!bytes)
		return;
	(void)pkts;
	inflight = __atomic_sub_fetch(&txq->bql_inflight, bytes, __ATOMIC_SEQ_CST);
	if (inflight < txq->bql_limit && test_bit(__QUEUE_STATE_STACK_XOFF, &txq->state) &&
	    test_and_clear_bit(__QUEUE_STATE_STACK_XOFF, &txq->state))
		uldd_tap_kick(txq->dev);
}

void netdev_tx_reset_queue(struct netdev_queue *txq)
{
	WRITE_ONCE(txq->bql_inflight, 0);
	clear_bit(__QUEUE_STATE_STACK_XOFF, &txq->state);
}

void netdev_printk(const char *level, const struct net_device *dev, const char *fmt, ...)
{
	struct va_format vaf;
	va_list args;

	va_start(args, fmt);
	vaf.fmt = fmt;
	vaf.va = &args;
	if (dev && dev->dev.parent)
		printk("%s%s %s %s: %pV", level, dev_driver_string(dev->dev.parent),
		       dev_name(dev->dev.parent), netdev_name(dev), &vaf);
	else
		printk("%s%s: %pV", level, dev ? netdev_name(dev) : "(NULL net_device)", &vaf);
	va_end(args);
}

bool net_ratelimit(void)
{
	static unsigned long state[3];

	return uldd_ratelimit(state);
}

/* Both structs list the same counters in the same order; rtnl_link_stats64 may grow. */
void netdev_stats_to_stats64(struct rtnl_link_stats64 *stats64,
			     const struct net_device_stats *netdev_stats)
{
	const unsigned long *src = (const unsigned long *)netdev_stats;
	u64 *dst = (u64 *)stats64;
	size_t n = sizeof(*netdev_stats) / sizeof(unsigned long);

	static_assert(sizeof(*netdev_stats) / sizeof(unsigned long) <=
		      sizeof(*stats64) / sizeof(u64));
	memset(stats64, 0, sizeof(*stats64));
	for (size_t i = 0; i < n; i++)
		dst[i] = src[i];
}

struct rtnl_link_stats64 *dev_get_stats(struct net_device *dev, struct rtnl_link_stats64 *storage)
{
	const struct net_device_ops *ops = dev->netdev_ops;

	if (ops->ndo_get_stats64) {
		memset(storage, 0, sizeof(*storage));
		ops->ndo_get_stats64(dev, storage);
	} else if (ops->ndo_get_stats) {
		netdev_stats_to_stats64(storage, ops->ndo_get_stats(dev));
	} else {
		netdev_stats_to_stats64(storage, &dev->stats);
	}
	return storage;
}
