// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ktest_net.c - shim/net without a real TAP, where the conformance suite
 * (tests/conform/skb.c, napi.c) does not state it: page fragment blocks
 * going back to the allocator, napi_build_skb, uldd's byte queue limit,
 * what napi_schedule() returns (run by the real softirq thread), and the
 * ethtool get_strings() helpers of 6.1 and 6.12 drivers; for multi-queue
 * drivers (vmxnet3), page pools, XDP queue registration, the RSS key and
 * default indirection table, and netlink extack messages.
 * test_net.c runs the table, and drives receive coalescing through the
 * ktest_gro_* calls.
 */
#include <linux/bpf.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/err.h>
#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/gfp.h>
#include <linux/jiffies.h>
#include <linux/mm.h>
#include <linux/netdevice.h>
#include <linux/netlink.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <net/page_pool/helpers.h>
#include <net/xdp.h>

#include "../../../shim/entry.h"
#include "../../../shim/kernel/softirq.h"
#include "../../../shim/mm/arena.h"
#include "../../../shim/net/net.h"
#include "ktest.h"
#include "../../../shim/core/door.h"

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

/* napi_build_skb: skb.build_skb_over_frag states build_skb. */
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

static const u8 my_mac[ETH_ALEN] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };

static struct net_device *test_netdev(void)
{
	struct net_device *dev = alloc_etherdev(64);

	if (dev)
		eth_hw_addr_set(dev, my_mac);
	return dev;
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
	int reschedule; /* napi_schedule() itself this many times */
	bool bad_context;
} nt;

/* Each poll does one packet's work, whatever its budget. */
static int test_poll(struct napi_struct *napi, int budget)
{
	(void)budget;
	if (!in_softirq() || in_hardirq())
		nt.bad_context = true;
	atomic_inc(&nt.polls);
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

static int napi_run(struct net_device *dev, int resched)
{
	memset(&nt, 0, sizeof(nt));
	init_completion(&nt.done);
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

/*
 * napi_schedule() says whether it scheduled (Linux 6.1's returns nothing, so
 * the conformance suite's napi cases cannot ask): not while disabled, yes
 * when enabled and idle, not from the poll while still scheduled (that
 * only marks it missed, so the poll runs once more).
 */
static int case_napi_schedule_returns(void)
{
	struct net_device *dev = test_netdev();

	KCHECK(dev);
	KCHECK(napi_run(dev, 0) == 1 && !nt.bad_context);
	napi_disable(&nt.napi);
	KCHECK(!napi_schedule(&nt.napi));
	netif_napi_del(&nt.napi);
	KCHECK(napi_run(dev, 1) >= 2 && !nt.bad_context);
	napi_disable(&nt.napi);
	netif_napi_del(&nt.napi);
	free_netdev(dev);
	return 0;
}

/*
 * The get_strings() helpers of both eras: one slot each, a long name cut
 * and terminated inside its slot, the next slot untouched by it.
 */
static int case_ethtool_strings(void)
{
	u8 buf[3 * ETH_GSTRING_LEN];
	u8 *p = buf;
	char longname[ETH_GSTRING_LEN + 8];

	memset(buf, 'x', sizeof(buf));
	memset(longname, 'a', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	ethtool_sprintf(&p, "rx_queue_%u_packets", 3);
	ethtool_puts(&p, longname);
	KCHECK(p == buf + 2 * ETH_GSTRING_LEN);
	KCHECK(!strcmp((char *)buf, "rx_queue_3_packets"));
	KCHECK(strlen((char *)buf + ETH_GSTRING_LEN) == ETH_GSTRING_LEN - 1);
	KCHECK(buf[2 * ETH_GSTRING_LEN] == 'x');
	ethtool_puts(&p, "tx_errors");
	KCHECK(!strcmp((char *)buf + 2 * ETH_GSTRING_LEN, "tx_errors"));
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
		err = -uldd_door_tap_open("fake", 1, &kg.dev->uldd->tap);
	uldd_net_rx_open(); /* as register_netdev() does */
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

int KTEST(ktest_gro_receive_lro)(const void *frame, unsigned long len, unsigned int gso_size)
{
	struct sk_buff *skb;

	uldd_enter("grotest");
	skb = netdev_alloc_skb(kg.dev, len);
	if (skb) {
		skb_put_data(skb, frame, len);
		skb->protocol = eth_type_trans(skb, kg.dev);
		skb->ip_summed = CHECKSUM_UNNECESSARY;
		skb_shinfo(skb)->gso_type = SKB_GSO_TCPV4;
		skb_shinfo(skb)->gso_size = (unsigned short)gso_size;
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

/*
 * netif_rx() as a hard interrupt handler calls it (kg's device, fake TAP):
 * n numbered frames; returns how many it took. The softirq the calls raise
 * is left pending, as a handler leaves it for the interrupt's return.
 */
int KTEST(ktest_netif_rx_in_irq)(unsigned int n)
{
	unsigned long flags;
	int taken = 0;

	uldd_enter("rxtest");
	local_irq_save(flags);
	preempt_count_add(HARDIRQ_OFFSET);
	for (unsigned int i = 0; i < n; i++) {
		struct sk_buff *skb = netdev_alloc_skb(kg.dev, ETH_ZLEN);
		u8 *p;

		if (!skb)
			break;
		p = skb_put_zero(skb, ETH_ZLEN);
		ether_addr_copy(p, kg.dev->dev_addr);
		p[12] = 0x88; /* 0x88b5, the local experimental EtherType */
		p[13] = 0xb5;
		p[14] = (u8)(i >> 8);
		p[15] = (u8)i;
		skb->protocol = eth_type_trans(skb, kg.dev);
		if (netif_rx(skb) == NET_RX_SUCCESS)
			taken++;
	}
	preempt_count_sub(HARDIRQ_OFFSET);
	local_irq_restore(flags);
	uldd_exit();
	return taken;
}

/* A poll that hands its frames over with netif_receive_skb(), as tulip's does. */
static struct {
	struct napi_struct napi;
	const u8 *frames;
	unsigned long len;
	unsigned int n;
} kp;

static struct sk_buff *kp_frame(unsigned int i)
{
	struct sk_buff *skb = netdev_alloc_skb(kg.dev, kp.len);

	if (skb) {
		skb_put_data(skb, kp.frames + i * kp.len, kp.len);
		skb->protocol = eth_type_trans(skb, kg.dev);
	}
	return skb;
}

static int kp_poll(struct napi_struct *napi, int budget)
{
	unsigned int i;

	for (i = 0; i < kp.n && i < (unsigned int)budget; i++) {
		struct sk_buff *skb = kp_frame(i);

		if (!skb)
			break;
		netif_receive_skb(skb);
	}
	napi_complete_done(napi, (int)i);
	return (int)i;
}

/*
 * n frames of len bytes each: in a NAPI poll that an interrupt scheduled
 * (in_poll), else from a thread outside any poll. Returns how many the fake
 * TAP got before the poll, or the thread, returned.
 */
int KTEST(ktest_receive_skb)(const void *frames, unsigned long len, unsigned int n, int in_poll)
{
	unsigned long flags;
	int err = 0;

	uldd_enter("rxtest");
	kp.frames = frames;
	kp.len = len;
	kp.n = n;
	if (in_poll) {
		netif_napi_add(kg.dev, &kp.napi, kp_poll);
		napi_enable(&kp.napi);
		local_irq_save(flags);
		preempt_count_add(HARDIRQ_OFFSET);
		napi_schedule(&kp.napi);
		preempt_count_sub(HARDIRQ_OFFSET);
		local_irq_restore(flags);
		uldd_softirq_irq_exit();
		napi_disable(&kp.napi);
		netif_napi_del(&kp.napi);
	} else {
		for (unsigned int i = 0; i < n && !err; i++) {
			struct sk_buff *skb = kp_frame(i);

			if (skb)
				netif_receive_skb(skb);
			else
				err = -ENOMEM;
		}
	}
	uldd_exit();
	return err;
}

/* The interrupt returns: what its handler raised runs here. */
void KTEST(ktest_irq_return)(void)
{
	uldd_enter("rxtest");
	uldd_softirq_irq_exit();
	uldd_exit();
}

/* The device goes: its frames still queued are dropped; returns its rx_dropped. */
long KTEST(ktest_netif_rx_flush)(void)
{
	long dropped;

	uldd_enter("rxtest");
	uldd_rx_backlog_flush(kg.dev);
	dropped = atomic_long_read(&kg.dev->rx_dropped);
	atomic_long_set(&kg.dev->rx_dropped, 0);
	uldd_exit();
	return dropped;
}

/*
 * The queue mapping on a multi-queue TAP (nq queues): a frame received on
 * queue rxq goes to TAP queue rxq (the door takes it modulo nq; rxq < 0:
 * none recorded, queue 0); a frame the host sent on TAP queue 3 goes to
 * transmit queue 3 modulo the device's two. With one TAP queue the shim
 * picks the queue itself, which is always 0 on a one-queue device.
 */
int KTEST(ktest_tap_queues)(unsigned int nq, int rxq)
{
	struct net_device *dev;
	struct sk_buff *skb;
	int ret = 0;

	uldd_enter("grotest");
	dev = alloc_etherdev_mqs(64, 2, 2);
	if (!dev || uldd_door_tap_open("fake", nq, &dev->uldd->tap)) {
		ret = -ENOMEM;
		goto out;
	}
	eth_hw_addr_set(dev, my_mac);
	skb = netdev_alloc_skb(dev, ETH_ZLEN);
	if (!skb) {
		ret = -ENOMEM;
		goto out;
	}
	skb_put_zero(skb, ETH_ZLEN);
	skb_reset_mac_header(skb);
	if (nq > 1 && uldd_tap_tx_queue(dev, nq, 3, skb) != 1)
		ret = __LINE__;
	if (rxq >= 0)
		skb_record_rx_queue(skb, (u16)rxq);
	uldd_tap_deliver(skb);
out:
	if (dev) {
		dev->uldd->tap = NULL;
		free_netdev(dev);
	}
	uldd_exit();
	return ret;
}

/* Parameters a pool cannot honour are refused, not half-obeyed. */
static int case_page_pool_params(void)
{
	struct page_pool_params pp = { .order = 0, .pool_size = 16, .dma_dir = DMA_FROM_DEVICE };
	struct page_pool *pool;

	pp.flags = PP_FLAG_DMA_MAP; /* mapping needs a device */
	KCHECK(PTR_ERR(page_pool_create(&pp)) == -EINVAL);
	pp.flags = PP_FLAG_DMA_SYNC_DEV; /* syncing needs the mapping */
	KCHECK(PTR_ERR(page_pool_create(&pp)) == -EINVAL);
	pp.flags = 1u << 20;
	KCHECK(PTR_ERR(page_pool_create(&pp)) == -EINVAL);
	pp.flags = 0;
	pp.order = 11;
	KCHECK(PTR_ERR(page_pool_create(&pp)) == -EINVAL);
	pp.order = 1;
	pool = page_pool_create(&pp);
	KCHECK(!IS_ERR(pool));
	KCHECK(pool->p.pool_size == 16 && page_pool_get_dma_dir(pool) == DMA_FROM_DEVICE);
	page_pool_destroy(pool);
	page_pool_destroy(NULL);
	return 0;
}

/*
 * A page recycled directly comes back on the next allocation; one that
 * someone else still holds does not, and goes to its last holder; destroy
 * gives cached pages back to the page allocator.
 */
static int case_page_pool_recycles(void)
{
	struct page_pool_params pp = { .order = 0, .pool_size = 4, .nid = NUMA_NO_NODE };
	struct uldd_mm_stats before, after;
	struct page_pool *pool;
	struct page *a, *b, *c;

	uldd_mm_stats(&before);
	pool = page_pool_create(&pp);
	KCHECK(!IS_ERR(pool));
	KCHECK((a = page_pool_alloc_pages(pool, GFP_KERNEL)));
	KCHECK((b = page_pool_dev_alloc_pages(pool)));
	KCHECK(a != b && page_ref_count(a) == 1);
	page_pool_recycle_direct(pool, a);
	KCHECK(page_pool_alloc_pages(pool, GFP_KERNEL) == a);
	get_page(b); /* an skb still holds b */
	page_pool_recycle_direct(pool, b);
	KCHECK(page_ref_count(b) == 1);
	KCHECK((c = page_pool_alloc_pages(pool, GFP_KERNEL)) != b);
	put_page(b);
	page_pool_recycle_direct(pool, a);
	page_pool_recycle_direct(pool, c);
	page_pool_destroy(pool);
	uldd_mm_stats(&after);
	KCHECK(after.free_pages >= before.free_pages);
	return 0;
}

/* A receive queue's XDP record: registered, its memory model, unregistered. */
static int case_xdp_rxq_info(void)
{
	struct page_pool_params pp = { .pool_size = 4 };
	struct xdp_rxq_info rxq = { 0 };
	struct net_device *dev = alloc_etherdev(0);
	struct page_pool *pool = page_pool_create(&pp);
	struct xdp_frame_bulk bq;

	KCHECK(dev && !IS_ERR(pool));
	KCHECK(!xdp_rxq_info_is_reg(&rxq));
	xdp_rxq_info_unreg(&rxq); /* never registered: nothing to undo */
	KCHECK(xdp_rxq_info_reg(&rxq, dev, 3, 7) == 0);
	KCHECK(xdp_rxq_info_is_reg(&rxq) && rxq.dev == dev && rxq.queue_index == 3);
	KCHECK(rxq.napi_id == 7);
	KCHECK(xdp_rxq_info_reg_mem_model(&rxq, MEM_TYPE_PAGE_POOL, NULL) == -EINVAL);
	KCHECK(xdp_rxq_info_reg_mem_model(&rxq, MEM_TYPE_PAGE_POOL, pool) == 0);
	KCHECK(rxq.mem.type == MEM_TYPE_PAGE_POOL);
	xdp_rxq_info_unreg(&rxq);
	KCHECK(!xdp_rxq_info_is_reg(&rxq));
	/* Transmit completion brackets every pass with an empty bulk. */
	xdp_frame_bulk_init(&bq);
	xdp_flush_frame_bulk(&bq);
	KCHECK(bq.count == 0);
	page_pool_destroy(pool);
	free_netdev(dev);
	return 0;
}

/* An XDP buffer over a page, and its frame written into the headroom. */
static int case_xdp_buff_frame(void)
{
	struct xdp_rxq_info rxq = { .mem = { .type = MEM_TYPE_PAGE_POOL } };
	unsigned char *page = kmalloc(PAGE_SIZE, GFP_KERNEL);
	struct xdp_frame *f;
	struct xdp_buff xdp;

	KCHECK(page);
	xdp_init_buff(&xdp, PAGE_SIZE, &rxq);
	xdp_prepare_buff(&xdp, page, XDP_PACKET_HEADROOM, 100, true);
	xdp_buff_clear_frags_flag(&xdp);
	KCHECK(xdp.data == page + XDP_PACKET_HEADROOM && xdp.data_end == xdp.data + 100);
	KCHECK(xdp.data_meta == xdp.data && xdp.frame_sz == PAGE_SIZE && xdp.rxq == &rxq);
	f = xdp_convert_buff_to_frame(&xdp);
	KCHECK(f == (void *)page && f->data == xdp.data && f->len == 100);
	KCHECK(f->headroom == XDP_PACKET_HEADROOM - sizeof(*f) &&
	       f->mem.type == MEM_TYPE_PAGE_POOL);
	/* No room for the frame in front of the data: none. */
	xdp_prepare_buff(&xdp, page, 8, 100, true);
	KCHECK(!xdp_convert_buff_to_frame(&xdp));
	kfree(page);
	return 0;
}

/* One RSS key for every device of the process; the default table cycles the rings. */
static int case_rss_defaults(void)
{
	u8 a[NETDEV_RSS_KEY_LEN], b[40], zero[NETDEV_RSS_KEY_LEN] = { 0 };

	netdev_rss_key_fill(a, sizeof(a));
	netdev_rss_key_fill(b, sizeof(b));
	KCHECK(memcmp(a, zero, sizeof(a)) && !memcmp(a, b, sizeof(b)));
	for (u32 i = 0; i < 128; i++)
		KCHECK(ethtool_rxfh_indir_default(i, 3) == i % 3);
	return 0;
}

static int case_extack(void)
{
	struct netlink_ext_ack ack = { 0 };

	NL_SET_ERR_MSG_MOD(&ack, "LRO is not supported");
	KCHECK(!strcmp(ack._msg, "LRO is not supported"));
	NL_SET_ERR_MSG_FMT_MOD(&ack, "MTU %u too large", 9000u);
	KCHECK(!strcmp(ack._msg, "MTU 9000 too large"));
	NL_SET_ERR_MSG_MOD((struct netlink_ext_ack *)NULL, "nobody asked");
	return 0;
}

/* An IPv4 frame from the host, TCP from port sport to 80; frag: a later fragment. */
static struct sk_buff *pick_frame(struct net_device *dev, u16 sport, bool frag)
{
	static const u8 head[] = { 0x52, 0x54, 0, 0, 0, 1, 0x52, 0x54, 0, 0, 0, 2, 0x08, 0x00,
				   /* IPv4: 40 bytes, DF, TTL 64, TCP, 10.9.0.1 to 10.9.0.2 */
				   0x45, 0, 0, 40, 0, 1, 0x40, 0, 64, 6, 0, 0, 10, 9, 0, 1, 10, 9,
				   0, 2 };
	struct sk_buff *skb = netdev_alloc_skb(dev, 128);
	u8 *p;

	if (!skb)
		return NULL;
	p = skb_put_zero(skb, 14 + 40);
	memcpy(p, head, sizeof(head));
	if (frag)
		p[14 + 6] = 0x20; /* more fragments, offset 8: no ports here */
	p[34] = (u8)(sport >> 8);
	p[35] = (u8)sport;
	p[37] = 80;
	return skb;
}

static u16 pick_select(struct net_device *dev, struct sk_buff *skb, struct net_device *sb_dev)
{
	(void)dev;
	(void)sb_dev;
	return skb->len == 14 + 40 ? 2 : 9;
}

/*
 * Frames from the host go to a transmit queue by flow: one flow always to
 * the same, many over all of them; fragments by addresses alone; the
 * driver's ndo_select_queue first (an out-of-range answer means queue 0).
 */
static int case_pick_tx_queue(void)
{
	static const struct net_device_ops plain = { 0 };
	static const struct net_device_ops select = { .ndo_select_queue = pick_select };
	struct net_device *dev = alloc_etherdev_mqs(0, 4, 4);
	unsigned int seen = 0;
	struct sk_buff *a, *b;
	int ret = 0;

	KCHECK(dev);
	dev->netdev_ops = &plain;
	for (u16 port = 1000; port < 1064 && !ret; port++) {
		a = pick_frame(dev, port, false);
		b = pick_frame(dev, port, false);
		if (!a || !b || uldd_pick_tx_queue(dev, a) != uldd_pick_tx_queue(dev, b) ||
		    uldd_pick_tx_queue(dev, a) >= 4)
			ret = __LINE__;
		else
			seen |= 1u << uldd_pick_tx_queue(dev, a);
		kfree_skb(a);
		kfree_skb(b);
	}
	KCHECK(!ret && seen == 0xf);
	a = pick_frame(dev, 1000, true);
	b = pick_frame(dev, 2000, true);
	KCHECK(a && b && uldd_pick_tx_queue(dev, a) == uldd_pick_tx_queue(dev, b));
	skb_put_zero(b, 1); /* pick_select: 9, out of range */
	dev->netdev_ops = &select;
	KCHECK(uldd_pick_tx_queue(dev, a) == 2 && uldd_pick_tx_queue(dev, b) == 0);
	dev->netdev_ops = &plain;
	memset(a->data + 12, 0x08, 2); /* not IP */
	a->data[13] = 0x06;
	KCHECK(uldd_pick_tx_queue(dev, a) == 0);
	KCHECK(netif_set_real_num_tx_queues(dev, 1) == 0);
	KCHECK(uldd_pick_tx_queue(dev, b) == 0);
	kfree_skb(a);
	kfree_skb(b);
	free_netdev(dev);
	return 0;
}

static const struct ktest_check net_cases[] = {
	{ "frag_blocks_return", case_frag_blocks_return },
	{ "build_skb", case_build_skb },
	{ "bql", case_bql },
	{ "napi_schedule_returns", case_napi_schedule_returns },
	{ "ethtool_strings", case_ethtool_strings },
	{ "page_pool_params", case_page_pool_params },
	{ "page_pool_recycles", case_page_pool_recycles },
	{ "xdp_rxq_info", case_xdp_rxq_info },
	{ "xdp_buff_frame", case_xdp_buff_frame },
	{ "rss_defaults", case_rss_defaults },
	{ "extack", case_extack },
	{ "pick_tx_queue", case_pick_tx_queue },
};

/* The arena first, as the runtime has it: fragments are atomic, and atomic never grows it. */
int KTEST(ktest_net_setup)(unsigned int nr_vcpus)
{
	int err = uldd_mm_init();

	return err ? err : uldd_sched_init(nr_vcpus);
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
