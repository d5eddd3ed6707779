// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ktest_net.c - shim/net without a real TAP: socket buffer arithmetic and page
 * fragments, the Internet checksums against worked examples, Ethernet
 * classification, byte queue limits and NAPI's scheduling protocol (run
 * by the real softirq thread). test_net.c runs the table, and drives
 * receive coalescing through the ktest_gro_* calls.
 */
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/etherdevice.h>
#include <linux/gfp.h>
#include <linux/in6.h>
#include <linux/ip.h>
#include <linux/jiffies.h>
#include <linux/mm.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <net/checksum.h>
#include <net/ip6_checksum.h>

#include "../../../shim/entry.h"
#include "../../../shim/mm/arena.h"
#include "../../../shim/net/net.h"
#include "ktest.h"
#include "uhost.h"

static int case_skb_linear(void)
{
	struct sk_buff *skb = alloc_skb(256, GFP_KERNEL);
	unsigned char *p;

	KCHECK(skb && skb->len == 0 && skb_headroom(skb) == 0);
	KCHECK(skb_tailroom(skb) >= 256);
	skb_reserve(skb, 64);
	p = skb_put(skb, 100);
	memset(p, 0xab, 100);
	KCHECK(skb->len == 100 && skb_headlen(skb) == 100 && skb_headroom(skb) == 64);
	p = skb_push(skb, ETH_HLEN);
	KCHECK(p == skb->data && skb->len == 114 && skb_headroom(skb) == 50);
	KCHECK(skb_pull(skb, ETH_HLEN) == skb->data && skb->data[0] == 0xab);
	KCHECK(skb_pull(skb, 101) == NULL && skb->len == 100);
	skb_trim(skb, 10);
	KCHECK(skb->len == 10 && skb_tail_pointer(skb) == skb->data + 10);
	KCHECK(skb_put_padto(skb, ETH_ZLEN) == 0 && skb->len == ETH_ZLEN);
	KCHECK(skb->data[9] == 0xab && skb->data[10] == 0 && skb->data[59] == 0);
	/* More headroom: the data and header offsets move with the new head. */
	skb_reset_network_header(skb);
	KCHECK(skb_cow_head(skb, 200) == 0 && skb_headroom(skb) >= 200);
	KCHECK(skb_network_header(skb) == skb->data && skb->data[0] == 0xab);
	kfree_skb(skb);
	return 0;
}

static int case_skb_frags(void)
{
	struct sk_buff *skb = alloc_skb(128, GFP_KERNEL);
	struct page *page = alloc_page(GFP_KERNEL);
	unsigned char *pa;

	KCHECK(skb && page);
	pa = page_address(page);
	for (int i = 0; i < 300; i++)
		pa[i] = (unsigned char)i;
	skb_put_data(skb, "0123456789", 10);
	skb_add_rx_frag(skb, 0, page, 100, 200, PAGE_SIZE);
	KCHECK(skb->len == 210 && skb->data_len == 200 && skb_headlen(skb) == 10);
	KCHECK(skb_is_nonlinear(skb) && skb_shinfo(skb)->nr_frags == 1);
	/* Pulling 40 bytes into the linear part eats the fragment's head. */
	KCHECK(pskb_may_pull(skb, 50));
	KCHECK(skb_headlen(skb) == 50 && skb->data_len == 160 && skb->len == 210);
	KCHECK(skb->data[9] == '9' && skb->data[10] == 100 && skb->data[49] == 139);
	KCHECK(skb_frag_off(&skb_shinfo(skb)->frags[0]) == 140);
	KCHECK(!pskb_may_pull(skb, 211));
	/* The skb holds the page's only reference: freeing it frees the page. */
	kfree_skb(skb);
	return 0;
}

/* Fragments freed from inside, out of order: every block comes back. */
static int case_frag_blocks_return(void)
{
	struct uldd_mm_stats before, after;
	void *frag[64];

	/* Whatever block the vCPU's cache holds now stays; take a fresh one. */
	for (int i = 0; i < 64; i++)
		KCHECK((frag[i] = netdev_alloc_frag(4000)));
	uldd_mm_stats(&before);
	for (int i = 0; i < 64; i += 2)
		skb_free_frag((char *)frag[i] + 64);
	for (int i = 1; i < 64; i += 2)
		skb_free_frag((char *)frag[i] + 3999);
	for (int i = 0; i < 64; i++)
		KCHECK((frag[i] = netdev_alloc_frag(4000)));
	for (int i = 0; i < 64; i++)
		skb_free_frag(frag[i]);
	uldd_mm_stats(&after);
	/* 64 fragments of 4 KiB fill 8 blocks: all but the cached one return. */
	KCHECK(after.free_pages + 8 >= before.free_pages + 7 * 8);
	return 0;
}

static int case_build_skb(void)
{
	unsigned int size =
		SKB_DATA_ALIGN(2048 + NET_SKB_PAD) + SKB_DATA_ALIGN(sizeof(struct skb_shared_info));
	void *data = netdev_alloc_frag(size);
	struct sk_buff *skb;

	KCHECK(data);
	skb = napi_build_skb(data, size);
	KCHECK(skb && skb->head == data && skb->head_frag);
	skb_reserve(skb, NET_SKB_PAD);
	skb_put(skb, 1514);
	KCHECK(skb_tailroom(skb) >= 2048 - 1514);
	KCHECK((void *)skb_shinfo(skb) >= (void *)(skb->tail));
	kfree_skb(skb);
	return 0;
}

/* RFC 1071's example: 00 01 f2 03 f4 f5 f6 f7 sums to ddf2, checksum 220d. */
static int case_csum_rfc1071(void)
{
	static const u8 buf[] = { 0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7 };
	__sum16 c = csum_fold(csum_partial(buf, sizeof(buf), 0));
	u8 *odd = kmalloc(16, GFP_KERNEL);

	KCHECK(ntohs((__force __be16)c) == 0x220d);
	/* The same bytes at an odd address and in pieces of even length. */
	KCHECK(odd);
	memcpy(odd + 1, buf, sizeof(buf));
	KCHECK(csum_fold(csum_partial(odd + 1, 8, 0)) == c);
	KCHECK(csum_fold(csum_partial(buf + 4, 4, csum_partial(buf, 4, 0))) == c);
	kfree(odd);
	return 0;
}

static int case_csum_ip(void)
{
	/* A real IPv4 header (192.168.0.1 -> 192.168.0.199, UDP) with its sum. */
	static const u8 iph[20] = { 0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11,
				    0xb8, 0x61, 0xc0, 0xa8, 0x00, 0x01, 0xc0, 0xa8, 0x00, 0xc7 };
	u8 copy[20];

	KCHECK(ip_fast_csum(iph, 5) == 0);
	memcpy(copy, iph, sizeof(copy));
	copy[10] = copy[11] = 0;
	KCHECK(ip_fast_csum(copy, 5) == (__force __sum16)htons(0xb861));
	return 0;
}

/*
 * The pseudo-header sums equal a plain sum over the pseudo-header bytes,
 * also for lengths whose low byte, beside the protocol's, carries (1020).
 */
static int case_csum_pseudo(void)
{
	static const u16 lens[] = { 28, 1020, 1530, 65535 };
	struct in6_addr s6 = { .in6_u.u6_addr8 = { 0xfd, 0, 0, 9, [15] = 1 } };
	struct in6_addr d6 = { .in6_u.u6_addr8 = { 0xfd, 0, 0, 9, [15] = 2 } };
	__be32 s4 = htonl(0x0a090001), d4 = htonl(0x0a090002);
	u8 ph4[12], ph6[40];
	__wsum payload = csum_partial("payload!", 8, 0);

	for (unsigned int i = 0; i < ARRAY_SIZE(lens); i++) {
		memcpy(ph4, &s4, 4);
		memcpy(ph4 + 4, &d4, 4);
		ph4[8] = 0;
		ph4[9] = IPPROTO_TCP;
		ph4[10] = lens[i] >> 8;
		ph4[11] = lens[i] & 0xff;
		KCHECK(csum_tcpudp_magic(s4, d4, lens[i], IPPROTO_TCP, payload) ==
		       csum_fold(csum_partial(ph4, 12, payload)));
		memset(ph6, 0, sizeof(ph6));
		memcpy(ph6, &s6, 16);
		memcpy(ph6 + 16, &d6, 16);
		ph6[34] = lens[i] >> 8;
		ph6[35] = lens[i] & 0xff;
		ph6[39] = IPPROTO_UDP;
		KCHECK(csum_ipv6_magic(&s6, &d6, lens[i], IPPROTO_UDP, payload) ==
		       csum_fold(csum_partial(ph6, 40, payload)));
	}
	return 0;
}

static const u8 my_mac[ETH_ALEN] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };

static struct net_device *test_netdev(void)
{
	struct net_device *dev = alloc_etherdev(64);

	if (dev)
		eth_hw_addr_set(dev, my_mac);
	return dev;
}

static int frame_class(struct net_device *dev, const u8 *dst, u16 type, u8 *pkt_type, __be16 *proto)
{
	struct sk_buff *skb = netdev_alloc_skb(dev, 64);
	unsigned char *h;

	if (!skb)
		return -1;
	h = skb_put_zero(skb, 60);
	memcpy(h, dst, ETH_ALEN);
	memcpy(h + 6, my_mac, ETH_ALEN);
	h[12] = type >> 8;
	h[13] = type & 0xff;
	*proto = eth_type_trans(skb, dev);
	*pkt_type = skb->pkt_type;
	if (skb->len != 60 - ETH_HLEN || skb_mac_header(skb) != h || skb->dev != dev)
		*pkt_type = 0xff;
	kfree_skb(skb);
	return 0;
}

static int case_eth_type_trans(void)
{
	static const u8 bcast[ETH_ALEN] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	static const u8 mcast[ETH_ALEN] = { 0x01, 0x00, 0x5e, 0x01, 0x02, 0x03 };
	static const u8 other[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 0x99 };
	struct net_device *dev = test_netdev();
	__be16 proto;
	u8 t;

	KCHECK(dev && dev->mtu == ETH_DATA_LEN && is_valid_ether_addr(dev->dev_addr));
	KCHECK(!frame_class(dev, my_mac, ETH_P_IP, &t, &proto));
	KCHECK(t == PACKET_HOST && proto == htons(ETH_P_IP));
	KCHECK(!frame_class(dev, bcast, ETH_P_ARP, &t, &proto));
	KCHECK(t == PACKET_BROADCAST && proto == htons(ETH_P_ARP));
	KCHECK(!frame_class(dev, mcast, ETH_P_IPV6, &t, &proto));
	KCHECK(t == PACKET_MULTICAST && proto == htons(ETH_P_IPV6));
	KCHECK(!frame_class(dev, other, ETH_P_IP, &t, &proto));
	KCHECK(t == PACKET_OTHERHOST);
	/* A length below 0x600 is 802.3, not a type. */
	KCHECK(!frame_class(dev, my_mac, 46, &t, &proto) && proto == htons(ETH_P_802_2));
	free_netdev(dev);
	return 0;
}

static int case_bql(void)
{
	struct net_device *dev = test_netdev();
	struct netdev_queue *txq;
	unsigned int limit;

	KCHECK(dev);
	txq = netdev_get_tx_queue(dev, 0);
	limit = txq->bql_limit;
	netif_start_queue(dev);
	netdev_sent_queue(dev, limit - 1);
	KCHECK(!netif_xmit_stopped(txq));
	netdev_sent_queue(dev, 1);
	KCHECK(netif_xmit_stopped(txq) && !netif_queue_stopped(dev));
	netdev_completed_queue(dev, 1, 1);
	KCHECK(!netif_xmit_stopped(txq));
	netif_stop_queue(dev);
	KCHECK(netif_xmit_stopped(txq) && netif_queue_stopped(dev));
	netif_wake_queue(dev);
	netdev_reset_queue(dev);
	KCHECK(!netif_xmit_stopped(txq) && txq->bql_inflight == 0);
	free_netdev(dev);
	return 0;
}

/* NAPI: a poll function that does what the test's mode says. */
static struct {
	struct napi_struct napi;
	struct completion done;
	atomic_t polls;
	int full_polls; /* return the whole budget this many times first */
	int reschedule; /* napi_schedule() itself this many times */
	bool bad_context;
} nt;

static int test_poll(struct napi_struct *napi, int budget)
{
	if (!in_softirq() || in_hardirq())
		nt.bad_context = true;
	atomic_inc(&nt.polls);
	if (nt.full_polls > 0) {
		nt.full_polls--;
		return budget;
	}
	if (nt.reschedule > 0) {
		nt.reschedule--;
		/* Taken: this only marks it missed, so complete polls again. */
		if (napi_schedule(napi))
			nt.bad_context = true;
	}
	if (napi_complete_done(napi, 1))
		complete(&nt.done);
	return 1;
}

static int napi_run(struct net_device *dev, int full, int resched)
{
	memset(&nt, 0, sizeof(nt));
	init_completion(&nt.done);
	nt.full_polls = full;
	nt.reschedule = resched;
	netif_napi_add(dev, &nt.napi, test_poll);
	if (napi_schedule(&nt.napi))
		return -1; /* added disabled: nothing may schedule it yet */
	napi_enable(&nt.napi);
	if (!napi_schedule(&nt.napi))
		return -2;
	if (!wait_for_completion_timeout(&nt.done, 5 * HZ))
		return -3;
	return atomic_read(&nt.polls);
}

static int case_napi(void)
{
	struct net_device *dev = test_netdev();

	KCHECK(dev);
	KCHECK(napi_run(dev, 0, 0) == 1 && !nt.bad_context);
	napi_disable(&nt.napi);
	KCHECK(!napi_schedule(&nt.napi));
	netif_napi_del(&nt.napi);
	/* A full budget keeps it scheduled: polled again until it completes. */
	KCHECK(napi_run(dev, 3, 0) == 4 && !nt.bad_context);
	napi_disable(&nt.napi);
	netif_napi_del(&nt.napi);
	/* Scheduled while polling: missed, and polled once more. */
	KCHECK(napi_run(dev, 0, 1) >= 2 && !nt.bad_context);
	napi_disable(&nt.napi);
	netif_napi_del(&nt.napi);
	free_netdev(dev);
	return 0;
}

/* Receive coalescing (shim/net/gro.c) writing to the fake TAP; see test_net.c. */
static struct {
	struct net_device *dev;
	struct napi_struct napi;
} kg;

int KTEST(ktest_gro_setup)(void)
{
	int err = -ENOMEM;

	uldd_enter("grotest");
	kg.dev = test_netdev();
	if (kg.dev)
		err = uldd_gro_init(&kg.napi);
	if (!err)
		err = -uhost_tap_open("fake", &kg.dev->uldd->tap);
	uldd_exit();
	return err;
}

/* A frame as the driver hands it over (csum_ok: the device checked TCP's sum). */
int KTEST(ktest_gro_receive)(const void *frame, unsigned long len, int csum_ok)
{
	struct sk_buff *skb;

	uldd_enter("grotest");
	skb = netdev_alloc_skb(kg.dev, len);
	if (skb) {
		skb_put_data(skb, frame, len);
		skb->protocol = eth_type_trans(skb, kg.dev);
		skb->ip_summed = csum_ok ? CHECKSUM_UNNECESSARY : CHECKSUM_NONE;
		uldd_gro_receive(&kg.napi, skb);
	}
	uldd_exit();
	return skb ? 0 : -ENOMEM;
}

/* What napi_complete_done() does: what is held goes to the host. */
void KTEST(ktest_gro_flush)(void)
{
	uldd_enter("grotest");
	uldd_gro_flush(&kg.napi);
	uldd_exit();
}

void KTEST(ktest_gro_teardown)(void)
{
	uldd_enter("grotest");
	uldd_gro_free(&kg.napi);
	free_netdev(kg.dev);
	kg.dev = NULL;
	uldd_exit();
}

static const struct ktest_check net_cases[] = {
	{ "skb_linear", case_skb_linear },
	{ "skb_frags", case_skb_frags },
	{ "frag_blocks_return", case_frag_blocks_return },
	{ "build_skb", case_build_skb },
	{ "csum_rfc1071", case_csum_rfc1071 },
	{ "csum_ip", case_csum_ip },
	{ "csum_pseudo", case_csum_pseudo },
	{ "eth_type_trans", case_eth_type_trans },
	{ "bql", case_bql },
	{ "napi", case_napi },
};

int KTEST(ktest_net_setup)(unsigned int nr_vcpus)
{
	return uldd_sched_init(nr_vcpus);
}

int KTEST(ktest_net_case)(unsigned int i, const char **name, int run)
{
	int ret;

	if (i >= ARRAY_SIZE(net_cases))
		return -1;
	*name = net_cases[i].name;
	if (!run)
		return 0;
	uldd_enter("netcase");
	ret = net_cases[i].run();
	uldd_exit();
	return ret;
}
