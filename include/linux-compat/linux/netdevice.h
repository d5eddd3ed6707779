/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * netdevice.h - network devices as drivers see them: struct net_device
 * with its operations, transmit queues with byte queue limits, NAPI
 * polling, address lists, and the netdev_ and netif_ printing helpers.
 *
 * In uldd a registered net_device has a TAP interface on the host for a
 * twin (shim/net/): the host bringing the TAP up opens the device, frames
 * the host sends become ndo_start_xmit() calls, and what NAPI receives is
 * written to the TAP. Drivers use only the fields they know by name; the
 * layout is the shim's own.
 */
#ifndef _LINUX_NETDEVICE_H
#define _LINUX_NETDEVICE_H

#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/dev_printk.h>
#include <linux/ethtool.h>
#include <linux/if.h>
#include <linux/if_ether.h>
#include <linux/jiffies.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/netdev_features.h>
#include <linux/rcupdate.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/sockios.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/timer.h>
#include <linux/types.h>
#include <linux/u64_stats_sync.h>
#include <linux/uaccess.h>
#include <linux/workqueue.h>

struct net_device;
struct ifreq;
struct uldd_netdev;
struct uldd_gro;

#define MAX_ADDR_LEN 32
#define NETDEV_ALIGN 32

enum netdev_tx {
	NETDEV_TX_OK = 0x00,
	NETDEV_TX_BUSY = 0x10,
};
typedef enum netdev_tx netdev_tx_t;

/* The counters of 'ip -s link'; drivers bump them directly. */
struct net_device_stats {
	unsigned long rx_packets;
	unsigned long tx_packets;
	unsigned long rx_bytes;
	unsigned long tx_bytes;
	unsigned long rx_errors;
	unsigned long tx_errors;
	unsigned long rx_dropped;
	unsigned long tx_dropped;
	unsigned long multicast;
	unsigned long collisions;
	unsigned long rx_length_errors;
	unsigned long rx_over_errors;
	unsigned long rx_crc_errors;
	unsigned long rx_frame_errors;
	unsigned long rx_fifo_errors;
	unsigned long rx_missed_errors;
	unsigned long tx_aborted_errors;
	unsigned long tx_carrier_errors;
	unsigned long tx_fifo_errors;
	unsigned long tx_heartbeat_errors;
	unsigned long tx_window_errors;
	unsigned long rx_compressed;
	unsigned long tx_compressed;
};

struct rtnl_link_stats64 {
	u64 rx_packets;
	u64 tx_packets;
	u64 rx_bytes;
	u64 tx_bytes;
	u64 rx_errors;
	u64 tx_errors;
	u64 rx_dropped;
	u64 tx_dropped;
	u64 multicast;
	u64 collisions;
	u64 rx_length_errors;
	u64 rx_over_errors;
	u64 rx_crc_errors;
	u64 rx_frame_errors;
	u64 rx_fifo_errors;
	u64 rx_missed_errors;
	u64 tx_aborted_errors;
	u64 tx_carrier_errors;
	u64 tx_fifo_errors;
	u64 tx_heartbeat_errors;
	u64 tx_window_errors;
	u64 rx_compressed;
	u64 tx_compressed;
};

/* Hardware address lists (dev->uc, dev->mc). */
struct netdev_hw_addr {
	struct list_head list;
	unsigned char addr[MAX_ADDR_LEN];
	unsigned char type;
	int refcount;
};

struct netdev_hw_addr_list {
	struct list_head list;
	int count;
};

#define netdev_hw_addr_list_count(l) ((l)->count)
#define netdev_hw_addr_list_empty(l) (netdev_hw_addr_list_count(l) == 0)
#define netdev_hw_addr_list_for_each(ha, l) list_for_each_entry(ha, &(l)->list, list)
#define netdev_uc_count(dev) netdev_hw_addr_list_count(&(dev)->uc)
#define netdev_uc_empty(dev) netdev_hw_addr_list_empty(&(dev)->uc)
#define netdev_for_each_uc_addr(ha, dev) netdev_hw_addr_list_for_each(ha, &(dev)->uc)
#define netdev_mc_count(dev) netdev_hw_addr_list_count(&(dev)->mc)
#define netdev_mc_empty(dev) netdev_hw_addr_list_empty(&(dev)->mc)
#define netdev_for_each_mc_addr(ha, dev) netdev_hw_addr_list_for_each(ha, &(dev)->mc)

/* Transmit queues. */
enum netdev_queue_state_t {
	__QUEUE_STATE_DRV_XOFF, /* the driver stopped the queue */
	__QUEUE_STATE_STACK_XOFF, /* byte queue limit reached */
	__QUEUE_STATE_FROZEN,
};

struct netdev_queue {
	struct net_device *dev;
	unsigned long state;
	spinlock_t _xmit_lock; /* held around ndo_start_xmit() */
	unsigned long trans_start; /* jiffies of the last transmit */
	/* Byte queue limits: bytes handed to the device, not yet completed. */
	unsigned int bql_inflight;
	unsigned int bql_limit;
} ____cacheline_aligned;

/* NAPI */
enum {
	NAPI_STATE_SCHED, /* scheduled or being polled; also held while disabled */
	NAPI_STATE_MISSED, /* rescheduled while it ran */
	NAPI_STATE_DISABLE, /* napi_disable() waits */
	NAPI_STATE_LISTED, /* netif_napi_add() done */
};

#define NAPI_POLL_WEIGHT 64

struct napi_struct {
	struct list_head poll_list; /* on the softirq's list while scheduled */
	unsigned long state;
	int weight;
	int (*poll)(struct napi_struct *napi, int budget);
	struct net_device *dev;
	struct sk_buff *skb; /* napi_get_frags() */
	struct list_head dev_list;
	unsigned int napi_id;
	struct uldd_gro *uldd_gro; /* the shim's receive coalescing */
};

typedef enum gro_result {
	GRO_MERGED,
	GRO_MERGED_FREE,
	GRO_HELD,
	GRO_NORMAL,
	GRO_CONSUMED,
} gro_result_t;

struct bpf_prog;
struct netlink_ext_ack;
struct xdp_frame;

/* What ndo_bpf is asked (struct netdev_bpf.command). */
enum bpf_netdev_command {
	XDP_SETUP_PROG,
	XDP_SETUP_PROG_HW,
	BPF_OFFLOAD_MAP_ALLOC,
	BPF_OFFLOAD_MAP_FREE,
	XDP_SETUP_XSK_POOL,
};

struct netdev_bpf {
	enum bpf_netdev_command command;
	union {
		/* XDP_SETUP_PROG */
		struct {
			u32 flags;
			struct bpf_prog *prog;
			struct netlink_ext_ack *extack;
		};
	};
};

/* net_device.xdp_features: what a driver's XDP can do (the UAPI's bits). */
#define NETDEV_XDP_ACT_BASIC BIT(0)
#define NETDEV_XDP_ACT_REDIRECT BIT(1)
#define NETDEV_XDP_ACT_NDO_XMIT BIT(2)
#define NETDEV_XDP_ACT_XSK_ZEROCOPY BIT(3)
#define NETDEV_XDP_ACT_HW_OFFLOAD BIT(4)
#define NETDEV_XDP_ACT_RX_SG BIT(5)
#define NETDEV_XDP_ACT_NDO_XMIT_SG BIT(6)

struct net_device_ops {
	int (*ndo_init)(struct net_device *dev);
	void (*ndo_uninit)(struct net_device *dev);
	int (*ndo_open)(struct net_device *dev);
	int (*ndo_stop)(struct net_device *dev);
	netdev_tx_t (*ndo_start_xmit)(struct sk_buff *skb, struct net_device *dev);
	netdev_features_t (*ndo_features_check)(struct sk_buff *skb, struct net_device *dev,
						netdev_features_t features);
	u16 (*ndo_select_queue)(struct net_device *dev, struct sk_buff *skb,
				struct net_device *sb_dev);
	void (*ndo_change_rx_flags)(struct net_device *dev, int flags);
	void (*ndo_set_rx_mode)(struct net_device *dev);
	int (*ndo_set_mac_address)(struct net_device *dev, void *addr);
	int (*ndo_validate_addr)(struct net_device *dev);
	int (*ndo_do_ioctl)(struct net_device *dev, struct ifreq *ifr, int cmd);
	int (*ndo_eth_ioctl)(struct net_device *dev, struct ifreq *ifr, int cmd);
	int (*ndo_siocdevprivate)(struct net_device *dev, struct ifreq *ifr, void __user *data,
				  int cmd);
	int (*ndo_change_mtu)(struct net_device *dev, int new_mtu);
	void (*ndo_tx_timeout)(struct net_device *dev, unsigned int txqueue);
	void (*ndo_get_stats64)(struct net_device *dev, struct rtnl_link_stats64 *storage);
	struct net_device_stats *(*ndo_get_stats)(struct net_device *dev);
	int (*ndo_vlan_rx_add_vid)(struct net_device *dev, __be16 proto, u16 vid);
	int (*ndo_vlan_rx_kill_vid)(struct net_device *dev, __be16 proto, u16 vid);
	void (*ndo_poll_controller)(struct net_device *dev);
	netdev_features_t (*ndo_fix_features)(struct net_device *dev, netdev_features_t features);
	int (*ndo_set_features)(struct net_device *dev, netdev_features_t features);
	/* XDP: never called by the shim (no BPF, see linux/bpf.h). */
	int (*ndo_bpf)(struct net_device *dev, struct netdev_bpf *bpf);
	int (*ndo_xdp_xmit)(struct net_device *dev, int n, struct xdp_frame **xdp, u32 flags);
};

/* dev->state bits */
enum netdev_state_t {
	__LINK_STATE_START, /* open: netif_running() */
	__LINK_STATE_PRESENT, /* netif_device_present() */
	__LINK_STATE_NOCARRIER,
};

enum netdev_reg_state {
	NETREG_UNINITIALIZED,
	NETREG_REGISTERED,
	NETREG_UNREGISTERING,
	NETREG_UNREGISTERED,
};

struct net_device {
	char name[IFNAMSIZ];
	unsigned long state;
	unsigned int flags; /* IFF_*, as the host sees the TAP */
	unsigned int priv_flags;
	unsigned short type;
	unsigned short hard_header_len;
	unsigned short needed_headroom;
	unsigned short needed_tailroom;
	netdev_features_t features;
	netdev_features_t hw_features;
	netdev_features_t wanted_features;
	netdev_features_t vlan_features;
	netdev_features_t hw_enc_features;
	unsigned int mtu;
	unsigned int min_mtu;
	unsigned int max_mtu;
	unsigned int gso_max_size;
	unsigned short gso_max_segs;
	unsigned char addr_len;
	unsigned char if_port;
	const unsigned char *dev_addr;
	unsigned char perm_addr[MAX_ADDR_LEN];
	unsigned char broadcast[MAX_ADDR_LEN];
	struct netdev_hw_addr_list uc;
	struct netdev_hw_addr_list mc;
	const struct net_device_ops *netdev_ops;
	const struct ethtool_ops *ethtool_ops;
	struct net_device_stats stats;
	atomic_long_t rx_dropped;
	atomic_long_t tx_dropped;
	int watchdog_timeo; /* jiffies a stopped queue may wait */
	int irq;
	unsigned long mem_start;
	unsigned long mem_end;
	unsigned long base_addr;
	unsigned int tx_queue_len;
	unsigned int num_tx_queues;
	unsigned int real_num_tx_queues;
	unsigned int num_rx_queues;
	unsigned int real_num_rx_queues;
	struct netdev_queue *_tx;
	struct list_head napi_list;
	enum netdev_reg_state reg_state;
	spinlock_t addr_list_lock;
	struct device dev; /* dev.parent: the bus device (SET_NETDEV_DEV) */
	/* The shim's: the TAP twin and its thread. */
	struct uldd_netdev *uldd;
	u32 xdp_features; /* NETDEV_XDP_ACT_* */
	/*
	 * A later 1.x ABI takes new members from here: netdev_priv() follows
	 * sizeof(struct net_device), so the structure itself cannot grow.
	 */
	unsigned long uldd_reserved[4];
};

#define SET_NETDEV_DEV(net, pdev) ((net)->dev.parent = (pdev))

static inline void *netdev_priv(const struct net_device *dev)
{
	return (char *)dev + ALIGN(sizeof(struct net_device), NETDEV_ALIGN);
}

static inline const char *netdev_name(const struct net_device *dev)
{
	return dev->name;
}

/* Allocation and registration (shim/net/dev.c). */
struct net_device *alloc_netdev_mqs(int sizeof_priv, const char *name, unsigned char assign_type,
				    void (*setup)(struct net_device *), unsigned int txqs,
				    unsigned int rxqs);
#define NET_NAME_UNKNOWN 0
#define NET_NAME_ENUM 1
#define alloc_netdev(sizeof_priv, name, assign_type, setup) \
	alloc_netdev_mqs(sizeof_priv, name, assign_type, setup, 1, 1)
void free_netdev(struct net_device *dev);
int register_netdev(struct net_device *dev);
void unregister_netdev(struct net_device *dev);
int register_netdevice(struct net_device *dev);
void unregister_netdevice(struct net_device *dev);
int netif_set_real_num_tx_queues(struct net_device *dev, unsigned int txq);

/*
 * The device's counters: ndo_get_stats64's, else ndo_get_stats' or
 * dev->stats widened to 64 bits. Returns storage.
 */
struct rtnl_link_stats64 *dev_get_stats(struct net_device *dev, struct rtnl_link_stats64 *storage);
void netdev_stats_to_stats64(struct rtnl_link_stats64 *stats64,
			     const struct net_device_stats *netdev_stats);

/*
 * The receive-side-scaling hash key: random, chosen once per process, the
 * same for every device (as Linux's is once per boot).
 */
#define NETDEV_RSS_KEY_LEN 52
void netdev_rss_key_fill(void *buffer, size_t len);

/* An ndo_features_check for devices that take any packet their features allow. */
static inline netdev_features_t passthru_features_check(struct sk_buff *skb, struct net_device *dev,
							netdev_features_t features)
{
	(void)skb;
	(void)dev;
	return features;
}
int netif_set_real_num_rx_queues(struct net_device *dev, unsigned int rxq);
void dev_addr_set(struct net_device *dev, const u8 *addr);
/*
 * Closes the device as 'ip link set down' would (rtnl held): ndo_stop
 * runs, IFF_UP goes. Emulation notes: the host's TAP stays administratively
 * up; it shows the driver's carrier, which ndo_stop turns off.
 */
void dev_close(struct net_device *dev);

/*
 * The RSS hash key: random, chosen once per process, the same for every
 * device (as Linux's per boot), so flows hash alike on all of them.
 * len is at most NETDEV_RSS_KEY_LEN.
 */
#define NETDEV_RSS_KEY_LEN 52
void netdev_rss_key_fill(void *buffer, size_t len);

/* Part of the address: the rest stays, and the host sees the whole. */
static inline void dev_addr_mod(struct net_device *dev, unsigned int offset, const void *addr,
				size_t len)
{
	u8 whole[MAX_ADDR_LEN];

	memcpy(whole, dev->dev_addr, sizeof(whole));
	memcpy(whole + offset, addr, len);
	dev_addr_set(dev, whole);
}

/* State */
static inline bool netif_running(const struct net_device *dev)
{
	return test_bit(__LINK_STATE_START, &dev->state);
}

static inline bool netif_carrier_ok(const struct net_device *dev)
{
	return !test_bit(__LINK_STATE_NOCARRIER, &dev->state);
}

void netif_carrier_on(struct net_device *dev);
void netif_carrier_off(struct net_device *dev);

static inline bool netif_device_present(const struct net_device *dev)
{
	return test_bit(__LINK_STATE_PRESENT, &dev->state);
}

void netif_device_detach(struct net_device *dev);
void netif_device_attach(struct net_device *dev);

static inline bool netif_oper_up(const struct net_device *dev)
{
	return netif_running(dev) && netif_carrier_ok(dev);
}

/* Queue control */
static inline struct netdev_queue *netdev_get_tx_queue(const struct net_device *dev,
						       unsigned int index)
{
	return &dev->_tx[index];
}

/* Tells the shim's TAP thread that a stopped queue may move again. */
void netif_tx_wake_queue(struct netdev_queue *txq);

static inline void netif_tx_start_queue(struct netdev_queue *txq)
{
	clear_bit(__QUEUE_STATE_DRV_XOFF, &txq->state);
}

static inline void netif_tx_stop_queue(struct netdev_queue *txq)
{
	set_bit(__QUEUE_STATE_DRV_XOFF, &txq->state);
}

static inline bool netif_tx_queue_stopped(const struct netdev_queue *txq)
{
	return test_bit(__QUEUE_STATE_DRV_XOFF, &txq->state);
}

static inline bool netif_xmit_stopped(const struct netdev_queue *txq)
{
	return READ_ONCE(txq->state) &
	       ((1UL << __QUEUE_STATE_DRV_XOFF) | (1UL << __QUEUE_STATE_STACK_XOFF));
}

static inline void netif_start_queue(struct net_device *dev)
{
	netif_tx_start_queue(netdev_get_tx_queue(dev, 0));
}

static inline void netif_wake_queue(struct net_device *dev)
{
	netif_tx_wake_queue(netdev_get_tx_queue(dev, 0));
}

static inline void netif_stop_queue(struct net_device *dev)
{
	netif_tx_stop_queue(netdev_get_tx_queue(dev, 0));
}

static inline bool netif_queue_stopped(const struct net_device *dev)
{
	return netif_tx_queue_stopped(netdev_get_tx_queue(dev, 0));
}

static inline void netif_tx_start_all_queues(struct net_device *dev)
{
	for (unsigned int i = 0; i < dev->num_tx_queues; i++)
		netif_tx_start_queue(netdev_get_tx_queue(dev, i));
}

static inline void netif_tx_wake_all_queues(struct net_device *dev)
{
	for (unsigned int i = 0; i < dev->num_tx_queues; i++)
		netif_tx_wake_queue(netdev_get_tx_queue(dev, i));
}

static inline void netif_tx_stop_all_queues(struct net_device *dev)
{
	for (unsigned int i = 0; i < dev->num_tx_queues; i++)
		netif_tx_stop_queue(netdev_get_tx_queue(dev, i));
}

/* The queue's transmit lock, as the stack holds it around ndo_start_xmit. */
static inline void __netif_tx_lock(struct netdev_queue *txq, int cpu)
{
	(void)cpu;
	spin_lock(&txq->_xmit_lock);
}

static inline void __netif_tx_unlock(struct netdev_queue *txq)
{
	spin_unlock(&txq->_xmit_lock);
}

/* Whether the device takes frames other devices' XDP programs redirect to it. */
static inline void xdp_features_set_redirect_target(struct net_device *dev, bool support_sg)
{
	dev->xdp_features |= NETDEV_XDP_ACT_NDO_XMIT;
	if (support_sg)
		dev->xdp_features |= NETDEV_XDP_ACT_NDO_XMIT_SG;
}

static inline void xdp_features_clear_redirect_target(struct net_device *dev)
{
	dev->xdp_features &= ~(NETDEV_XDP_ACT_NDO_XMIT | NETDEV_XDP_ACT_NDO_XMIT_SG);
}

/* Stops every queue and waits out a transmit in progress. */
void netif_tx_disable(struct net_device *dev);

static inline void netif_start_subqueue(struct net_device *dev, u16 queue_index)
{
	netif_tx_start_queue(netdev_get_tx_queue(dev, queue_index));
}

static inline void netif_stop_subqueue(struct net_device *dev, u16 queue_index)
{
	netif_tx_stop_queue(netdev_get_tx_queue(dev, queue_index));
}

static inline void netif_wake_subqueue(struct net_device *dev, u16 queue_index)
{
	netif_tx_wake_queue(netdev_get_tx_queue(dev, queue_index));
}

static inline bool __netif_subqueue_stopped(const struct net_device *dev, u16 queue_index)
{
	return netif_tx_queue_stopped(netdev_get_tx_queue(dev, queue_index));
}

static inline void txq_trans_cond_update(struct netdev_queue *txq)
{
	unsigned long now = jiffies;

	if (READ_ONCE(txq->trans_start) != now)
		WRITE_ONCE(txq->trans_start, now);
}

static inline void netif_trans_update(struct net_device *dev)
{
	txq_trans_cond_update(netdev_get_tx_queue(dev, 0));
}

/* The latest transmit over all queues, for a driver's own watchdog. */
static inline unsigned long dev_trans_start(struct net_device *dev)
{
	unsigned long latest = READ_ONCE(netdev_get_tx_queue(dev, 0)->trans_start);

	for (unsigned int i = 1; i < dev->num_tx_queues; i++) {
		unsigned long t = READ_ONCE(netdev_get_tx_queue(dev, i)->trans_start);

		if (time_after(t, latest))
			latest = t;
	}
	return latest;
}

static inline void netif_tx_lock(struct net_device *dev)
{
	for (unsigned int i = 0; i < dev->num_tx_queues; i++)
		spin_lock(&dev->_tx[i]._xmit_lock);
}

static inline void netif_tx_unlock(struct net_device *dev)
{
	for (unsigned int i = dev->num_tx_queues; i-- > 0;)
		spin_unlock(&dev->_tx[i]._xmit_lock);
}

#define netif_tx_lock_bh(dev) netif_tx_lock(dev)
#define netif_tx_unlock_bh(dev) netif_tx_unlock(dev)

/*
 * True while the frame being sent is not the last of a batch the TAP
 * thread has ready: the driver may delay its doorbell write.
 */
bool uldd_netdev_xmit_more(void);
#define netdev_xmit_more() uldd_netdev_xmit_more()

/* Byte queue limits (shim/net/dev.c). */
void netdev_tx_sent_queue(struct netdev_queue *txq, unsigned int bytes);
void netdev_tx_completed_queue(struct netdev_queue *txq, unsigned int pkts, unsigned int bytes);
void netdev_tx_reset_queue(struct netdev_queue *txq);

static inline void netdev_sent_queue(struct net_device *dev, unsigned int bytes)
{
	netdev_tx_sent_queue(netdev_get_tx_queue(dev, 0), bytes);
}

static inline void netdev_completed_queue(struct net_device *dev, unsigned int pkts,
					  unsigned int bytes)
{
	netdev_tx_completed_queue(netdev_get_tx_queue(dev, 0), pkts, bytes);
}

static inline void netdev_reset_queue(struct net_device *dev)
{
	netdev_tx_reset_queue(netdev_get_tx_queue(dev, 0));
}

/* Address list lock: ndo_set_rx_mode() runs under it. */
static inline void netif_addr_lock_bh(struct net_device *dev)
{
	spin_lock_bh(&dev->addr_list_lock);
}

static inline void netif_addr_unlock_bh(struct net_device *dev)
{
	spin_unlock_bh(&dev->addr_list_lock);
}

/* NAPI (shim/net/napi.c) */
void netif_napi_add_weight(struct net_device *dev, struct napi_struct *napi,
			   int (*poll)(struct napi_struct *, int), int weight);

static inline void netif_napi_add(struct net_device *dev, struct napi_struct *napi,
				  int (*poll)(struct napi_struct *, int))
{
	netif_napi_add_weight(dev, napi, poll, NAPI_POLL_WEIGHT);
}

/* Takes napi off its device; on return no poll of it runs, so it may be freed. */
void netif_napi_del(struct napi_struct *napi);
void napi_enable(struct napi_struct *n);
void napi_disable(struct napi_struct *n);
bool napi_schedule_prep(struct napi_struct *n);
void __napi_schedule(struct napi_struct *n);
#define __napi_schedule_irqoff(n) __napi_schedule(n)
bool napi_complete_done(struct napi_struct *n, int work_done);
/* Sleeps until n is not scheduled (no poll runs); later schedules still work. */
void napi_synchronize(const struct napi_struct *n);

/*
 * Returns whether this call scheduled the poll, as in Linux 6.12; older
 * drivers call it as the void function it was and ignore the result.
 */
static inline bool napi_schedule(struct napi_struct *n)
{
	if (napi_schedule_prep(n)) {
		__napi_schedule(n);
		return true;
	}
	return false;
}

#define napi_schedule_irqoff(n) napi_schedule(n)

static inline bool napi_complete(struct napi_struct *n)
{
	return napi_complete_done(n, 0);
}

static inline bool napi_disable_pending(const struct napi_struct *n)
{
	return test_bit(NAPI_STATE_DISABLE, &n->state);
}

gro_result_t napi_gro_receive(struct napi_struct *napi, struct sk_buff *skb);
struct sk_buff *napi_get_frags(struct napi_struct *napi);
gro_result_t napi_gro_frags(struct napi_struct *napi);

static inline void napi_free_frags(struct napi_struct *napi)
{
	kfree_skb(napi->skb);
	napi->skb = NULL;
}

#define NET_RX_SUCCESS 0
#define NET_RX_DROP 1
int netif_receive_skb(struct sk_buff *skb);
int netif_rx(struct sk_buff *skb);
void netif_receive_skb_list(struct list_head *head);

/* Message levels (ethtool msglvl): adapter->msg_enable bits. */
enum {
	NETIF_MSG_DRV = 0x0001,
	NETIF_MSG_PROBE = 0x0002,
	NETIF_MSG_LINK = 0x0004,
	NETIF_MSG_TIMER = 0x0008,
	NETIF_MSG_IFDOWN = 0x0010,
	NETIF_MSG_IFUP = 0x0020,
	NETIF_MSG_RX_ERR = 0x0040,
	NETIF_MSG_TX_ERR = 0x0080,
	NETIF_MSG_TX_QUEUED = 0x0100,
	NETIF_MSG_INTR = 0x0200,
	NETIF_MSG_TX_DONE = 0x0400,
	NETIF_MSG_RX_STATUS = 0x0800,
	NETIF_MSG_PKTDATA = 0x1000,
	NETIF_MSG_HW = 0x2000,
	NETIF_MSG_WOL = 0x4000,
};

#define netif_msg_drv(p) ((p)->msg_enable & NETIF_MSG_DRV)
#define netif_msg_probe(p) ((p)->msg_enable & NETIF_MSG_PROBE)
#define netif_msg_link(p) ((p)->msg_enable & NETIF_MSG_LINK)
#define netif_msg_timer(p) ((p)->msg_enable & NETIF_MSG_TIMER)
#define netif_msg_ifdown(p) ((p)->msg_enable & NETIF_MSG_IFDOWN)
#define netif_msg_ifup(p) ((p)->msg_enable & NETIF_MSG_IFUP)
#define netif_msg_rx_err(p) ((p)->msg_enable & NETIF_MSG_RX_ERR)
#define netif_msg_tx_err(p) ((p)->msg_enable & NETIF_MSG_TX_ERR)
#define netif_msg_tx_queued(p) ((p)->msg_enable & NETIF_MSG_TX_QUEUED)
#define netif_msg_intr(p) ((p)->msg_enable & NETIF_MSG_INTR)
#define netif_msg_tx_done(p) ((p)->msg_enable & NETIF_MSG_TX_DONE)
#define netif_msg_rx_status(p) ((p)->msg_enable & NETIF_MSG_RX_STATUS)
#define netif_msg_pktdata(p) ((p)->msg_enable & NETIF_MSG_PKTDATA)
#define netif_msg_hw(p) ((p)->msg_enable & NETIF_MSG_HW)
#define netif_msg_wol(p) ((p)->msg_enable & NETIF_MSG_WOL)

/* debug: -1 or out of range for the driver's default, else the lowest n bits. */
static inline u32 netif_msg_init(int debug_value, int default_msg_enable_bits)
{
	if (debug_value < 0 || debug_value >= (int)(sizeof(u32) * 8))
		return (u32)default_msg_enable_bits;
	if (debug_value == 0)
		return 0;
	return (1U << debug_value) - 1;
}

/* "e1000 0000:00:03.0 eth0: msg", as the kernel prints it. */
__printf(3, 4) void netdev_printk(const char *level, const struct net_device *dev, const char *fmt,
				  ...);
#define netdev_emerg(dev, fmt, ...) netdev_printk(KERN_EMERG, dev, fmt, ##__VA_ARGS__)
#define netdev_alert(dev, fmt, ...) netdev_printk(KERN_ALERT, dev, fmt, ##__VA_ARGS__)
#define netdev_crit(dev, fmt, ...) netdev_printk(KERN_CRIT, dev, fmt, ##__VA_ARGS__)
#define netdev_err(dev, fmt, ...) netdev_printk(KERN_ERR, dev, fmt, ##__VA_ARGS__)
#define netdev_warn(dev, fmt, ...) netdev_printk(KERN_WARNING, dev, fmt, ##__VA_ARGS__)
#define netdev_notice(dev, fmt, ...) netdev_printk(KERN_NOTICE, dev, fmt, ##__VA_ARGS__)
#define netdev_info(dev, fmt, ...) netdev_printk(KERN_INFO, dev, fmt, ##__VA_ARGS__)
#define netdev_dbg(dev, fmt, ...) netdev_printk(KERN_DEBUG, dev, fmt, ##__VA_ARGS__)

#define netif_level(level, priv, type, dev, fmt, ...)            \
	do {                                                     \
		if (netif_msg_##type(priv))                      \
			netdev_##level(dev, fmt, ##__VA_ARGS__); \
	} while (0)
#define netif_emerg(priv, type, dev, fmt, ...) \
	netif_level(emerg, priv, type, dev, fmt, ##__VA_ARGS__)
#define netif_alert(priv, type, dev, fmt, ...) \
	netif_level(alert, priv, type, dev, fmt, ##__VA_ARGS__)
#define netif_crit(priv, type, dev, fmt, ...) netif_level(crit, priv, type, dev, fmt, ##__VA_ARGS__)
#define netif_err(priv, type, dev, fmt, ...) netif_level(err, priv, type, dev, fmt, ##__VA_ARGS__)
#define netif_warn(priv, type, dev, fmt, ...) netif_level(warn, priv, type, dev, fmt, ##__VA_ARGS__)
#define netif_notice(priv, type, dev, fmt, ...) \
	netif_level(notice, priv, type, dev, fmt, ##__VA_ARGS__)
#define netif_info(priv, type, dev, fmt, ...) netif_level(info, priv, type, dev, fmt, ##__VA_ARGS__)
#define netif_dbg(priv, type, dev, fmt, ...) netif_level(dbg, priv, type, dev, fmt, ##__VA_ARGS__)

/* netif_level with the level as a KERN_ string, as the older drivers spell it. */
#define netif_printk(priv, type, level, dev, fmt, ...)                 \
	do {                                                           \
		if (netif_msg_##type(priv))                            \
			netdev_printk(level, dev, fmt, ##__VA_ARGS__); \
	} while (0)

#define netdev_WARN(dev, fmt, ...) WARN(1, "netdevice: %s: " fmt, netdev_name(dev), ##__VA_ARGS__)
#define netdev_WARN_ONCE(dev, fmt, ...) \
	WARN_ONCE(1, "netdevice: %s: " fmt, netdev_name(dev), ##__VA_ARGS__)

/*
 * The features both sets allow; a device with the generic checksum
 * (HW_CSUM) counts as having the protocol-specific ones too.
 */
static inline netdev_features_t netdev_intersect_features(netdev_features_t f1,
							  netdev_features_t f2)
{
	if ((f1 ^ f2) & NETIF_F_HW_CSUM) {
		if (f1 & NETIF_F_HW_CSUM)
			f1 |= NETIF_F_IP_CSUM | NETIF_F_IPV6_CSUM;
		else
			f2 |= NETIF_F_IP_CSUM | NETIF_F_IPV6_CSUM;
	}
	return f1 & f2;
}

/* Widens the legacy counters into the 64-bit set, field by field. */
void netdev_stats_to_stats64(struct rtnl_link_stats64 *stats64,
			     const struct net_device_stats *netdev_stats);

/* True at most 10 times in 5 seconds, for messages per packet. */
bool net_ratelimit(void);

/* The routing netlink lock: ndo_open/stop, MTU and address changes hold it. */
void rtnl_lock(void);
void rtnl_unlock(void);
int rtnl_is_locked(void);
#define ASSERT_RTNL() WARN_ON(!rtnl_is_locked())

#endif /* _LINUX_NETDEVICE_H */
