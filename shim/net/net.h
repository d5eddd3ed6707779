/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * net.h - what the files of shim/net share: the private half of a
 * net_device (its TAP twin on the host and the thread that serves it).
 *
 * One host thread per registered net_device ("the TAP thread") does all
 * that crosses to the host's view of the interface: it opens and closes
 * the device when the host sets the TAP up or down, passes MTU, MAC and
 * receive-mode changes to the driver, mirrors carrier and MAC back, reads
 * the frames the host sends and hands them to ndo_start_xmit(), and runs
 * the transmit watchdog. Received frames go the other way from the NAPI
 * softirq (napi.c), written to the TAP directly.
 */
#ifndef ULDD_SHIM_NET_H
#define ULDD_SHIM_NET_H

#include <linux/completion.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/timer.h>

struct uhost_tap;
struct uhost_thread;

/* uldd_netdev.pending: driver-side changes the TAP thread mirrors. */
#define ULDD_NET_CARRIER 0
#define ULDD_NET_MAC 1

/* Transmit queues whose frame counts 'uldd stats' shows. */
#define ULDD_NET_TXQ_STATS 8

struct uldd_netdev {
	struct net_device *dev;
	struct list_head node; /* uldd_net_devices, under rtnl */
	struct uhost_tap *tap;
	struct uhost_thread *thread;
	unsigned long pending;
	bool stop;
	struct completion exited; /* the thread ends */
	/* The thread's view of the host side, to notice changes. */
	unsigned int host_flags;
	/* Frames read but not yet taken by the driver (queue stopped). */
	struct sk_buff_head backlog;
	void *rxbuf; /* the next frame from the host goes here (tap.c) */
	unsigned long next_tick; /* jiffies: watchdog and multicast list */
	struct timer_list tick; /* kicks the thread for those */
	/* Counters of the shim's own, for 'uldd stats'. */
	atomic_long_t from_host; /* frames read from the TAP */
	atomic_long_t to_host; /* frames written to the TAP */
	atomic_long_t to_host_dropped; /* not written: host down, errors */
	atomic_long_t to_host_merged; /* GSO frames written by gro.c */
	atomic_long_t from_host_dropped; /* driver not open, bad frames */
	atomic_long_t from_host_bad_vnet; /* of those: a bad virtio-net header */
	atomic_long_t from_host_gso; /* frames taken as GSO (TSO) ones */
	/* Frames handed to each of the first transmit queues (the TAP thread's). */
	unsigned long to_txq[ULDD_NET_TXQ_STATS];
	unsigned char addr[MAX_ADDR_LEN]; /* dev->dev_addr points here */
	/* The host set the TAP up and ndo_open refused: uldd run's exit says so. */
	bool open_failed;
};

/* dev.c */
extern struct list_head uldd_net_devices;
int uldd_dev_open(struct net_device *dev);
void uldd_dev_close(struct net_device *dev);
void uldd_dev_set_rx_mode(struct net_device *dev);
/*
 * The transmit queue for a frame from the host (linear, data at its
 * Ethernet header), as Linux's netdev_pick_tx() chooses: the driver's
 * ndo_select_queue, else a hash of the flow, so one flow stays in order on
 * one queue and several flows spread over the real queues.
 */
u16 uldd_pick_tx_queue(struct net_device *dev, struct sk_buff *skb);

/* tap.c: the TAP queue of a received frame; the TX queue of a host's one. */
unsigned int uldd_tap_rx_queue(const struct sk_buff *skb);
u16 uldd_tap_tx_queue(struct net_device *dev, unsigned int n, unsigned int q, struct sk_buff *skb);

/*
 * napi.c: NET_RX's action registered (in process context, before the first
 * netif_rx); a device's frames still in netif_rx's backlog dropped.
 */
void uldd_net_rx_open(void);
void uldd_rx_backlog_flush(struct net_device *dev);

/* gro.c: held segments of one napi_struct, written as one GSO frame. */
int uldd_gro_init(struct napi_struct *napi);
void uldd_gro_free(struct napi_struct *napi);
void uldd_gro_receive(struct napi_struct *napi, struct sk_buff *skb);
void uldd_gro_flush(struct napi_struct *napi);

/*
 * vnet.c: the host's virtio-net header of the frame in skb (linear, data at
 * its Ethernet header, skb->dev set) checked as Linux checks one and turned
 * into the skb's fields; -EINVAL, counted in from_host_bad_vnet, when the
 * frame must be dropped.
 */
struct uhost_vnet_hdr;
int uldd_vnet_to_skb(struct sk_buff *skb, const struct uhost_vnet_hdr *vh);

/* tap.c */
int uldd_tap_start(struct net_device *dev);
void uldd_tap_stop(struct net_device *dev);
void uldd_tap_kick(struct net_device *dev);
/* Writes one received frame to the host and consumes skb. */
void uldd_tap_deliver(struct sk_buff *skb);

#endif /* ULDD_SHIM_NET_H */
