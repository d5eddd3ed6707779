// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * skb.c - socket buffers as include/linux/skbuff.h's kernel-doc states
 * them: alloc_skb gives no headroom, the netdev and dev allocators
 * NET_SKB_PAD of it (plus NET_IP_ALIGN for _ip_align), each at least the
 * tailroom asked for; what put/push/pull/trim return and do to len; a
 * clone shares the data (skb_cloned on both until one is freed), a copy
 * does not, a reference from skb_get makes the skb shared until dropped;
 * queues keep their order and count; the Internet checksum helpers agree
 * with a plain sum of the same bytes (pseudo-header lengths whose low byte
 * carries included); eth_type_trans classifies a frame against the
 * device's address; the Ethernet address predicates; vlan_features_check
 * restricts a frame with two tags only; skb_copy_and_csum_dev completes a
 * CHECKSUM_PARTIAL frame's checksum in the copy; netdev_stats_to_stats64
 * carries every legacy counter over.
 */
#include <asm/byteorder.h>
#include <linux/crc32.h>
#include <linux/etherdevice.h>
#include <linux/gfp.h>
#include <linux/if_ether.h>
#include <linux/if_vlan.h>
#include <linux/in.h>
#include <linux/in6.h>
#include <linux/ip.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/udp.h>
#include <net/checksum.h>
#include <net/ip6_checksum.h>

#include "conform.h"

static const u8 my_mac[ETH_ALEN] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };

static int alloc_skb_room(struct conform_dev *dev)
{
	struct sk_buff *skb = alloc_skb(100, GFP_KERNEL);
	bool empty, shared, cloned;
	unsigned int headroom;
	int tailroom;

	CHECK(skb);
	headroom = skb_headroom(skb);
	tailroom = skb_tailroom(skb);
	empty = skb->len == 0 && skb->data_len == 0 && skb->data == skb_tail_pointer(skb) &&
		skb->data == skb->head && !skb_is_nonlinear(skb);
	shared = skb_shared(skb);
	cloned = skb_cloned(skb);
	kfree_skb(skb);
	CHECK_CMP(headroom, ==, 0);
	CHECK_CMP(tailroom, >=, 100);
	CHECK(empty);
	CHECK(!shared && !cloned);
	return 0;
}

static int netdev_alloc_skb_pad(struct conform_dev *dev)
{
	struct net_device *nd = alloc_etherdev(0);
	struct sk_buff *skb[5] = {};
	int ret = 0;

	CHECK(nd);
	skb[0] = netdev_alloc_skb(nd, 1500);
	skb[1] = netdev_alloc_skb_ip_align(nd, 1500);
	skb[2] = dev_alloc_skb(200);
	skb[3] = __netdev_alloc_skb(nd, 100, GFP_KERNEL);
	skb[4] = netdev_alloc_skb(nd, 9000);
	for (int i = 0; i < 5; i++) {
		if (!skb[i])
			ret = __LINE__;
	}
	if (!ret) {
		/* x86 needs no IP alignment; the shape is what counts. */
		if (skb_headroom(skb[0]) != NET_SKB_PAD || skb_tailroom(skb[0]) < 1500 ||
		    skb[0]->dev != nd || skb[0]->len)
			ret = __LINE__;
		else if (skb_headroom(skb[1]) != NET_SKB_PAD + NET_IP_ALIGN ||
			 skb_tailroom(skb[1]) < 1500 || skb[1]->dev != nd)
			ret = __LINE__;
		else if (skb_headroom(skb[2]) != NET_SKB_PAD || skb_tailroom(skb[2]) < 200 ||
			 skb[2]->dev)
			ret = __LINE__;
		else if (skb_headroom(skb[3]) != NET_SKB_PAD || skb_tailroom(skb[3]) < 100)
			ret = __LINE__;
		else if (skb_headroom(skb[4]) != NET_SKB_PAD || skb_tailroom(skb[4]) < 9000)
			ret = __LINE__;
	}
	for (int i = 0; i < 5; i++)
		kfree_skb(skb[i]);
	free_netdev(nd);
	if (ret)
		conform_fail(ret, "an allocator's headroom, tailroom or dev");
	CHECK_CMP(NET_SKB_PAD, >=, 32);
	return ret;
}

static int put_push_pull_trim(struct conform_dev *dev)
{
	struct sk_buff *skb = alloc_skb(256, GFP_KERNEL);
	unsigned char *p, *was;
	int room;

	CHECK(skb);
	room = skb_tailroom(skb);
	skb_reserve(skb, 64);
	CHECK(skb_headroom(skb) == 64 && skb->data == skb->head + 64 &&
	      skb_tail_pointer(skb) == skb->data);
	CHECK_CMP(skb_tailroom(skb), ==, room - 64);
	CHECK_CMP(skb->len, ==, 0);
	was = skb_tail_pointer(skb);
	p = skb_put(skb, 100);
	CHECK(p == was && skb->len == 100 && skb_headlen(skb) == 100);
	CHECK(skb_tail_pointer(skb) == skb->data + 100);
	memset(p, 0xab, 100);
	p = skb_push(skb, ETH_HLEN);
	CHECK(p == skb->data && skb->len == 114 && skb_headroom(skb) == 50);
	memset(p, 0x11, ETH_HLEN);
	p = skb_pull(skb, ETH_HLEN);
	CHECK(p == skb->data && skb->len == 100 && skb_headroom(skb) == 64 && p[0] == 0xab);
	/* More than there is: NULL, nothing changed. */
	CHECK(!skb_pull(skb, 101));
	CHECK_CMP(skb->len, ==, 100);
	CHECK(skb_pull(skb, 0) == skb->data);
	skb_trim(skb, 10);
	CHECK(skb->len == 10 && skb_tail_pointer(skb) == skb->data + 10);
	/* Trimming to more than the length changes nothing. */
	skb_trim(skb, 20);
	CHECK_CMP(skb->len, ==, 10);
	p = skb_put_data(skb, "xyz", 3);
	CHECK(p == skb->data + 10 && !memcmp(p, "xyz", 3) && skb->len == 13);
	p = skb_put_zero(skb, 5);
	CHECK(p == skb->data + 13 && !memchr_inv(p, 0, 5) && skb->len == 18);
	skb_put_u8(skb, 0x42);
	CHECK(skb->len == 19 && skb->data[18] == 0x42);
	/* More headroom: the bytes and the header offsets move with the data. */
	skb_reset_network_header(skb);
	skb_set_transport_header(skb, 10);
	CHECK_CMP(skb_cow_head(skb, 200), ==, 0);
	CHECK(skb_headroom(skb) >= 200 && skb->len == 19 && skb->data[0] == 0xab);
	CHECK(skb_network_header(skb) == skb->data && skb_transport_offset(skb) == 10);
	CHECK(!memcmp(skb->data + 10, "xyz", 3));
	kfree_skb(skb);
	return 0;
}

/* Short frames padded with zeroes up to the length asked for. */
static int pad_to_length(struct conform_dev *dev)
{
	struct sk_buff *skb = alloc_skb(16, GFP_KERNEL);

	CHECK(skb);
	memset(skb_put(skb, 10), 0xab, 10);
	/* Not enough tailroom: the buffer grows. */
	CHECK_CMP(skb_put_padto(skb, ETH_ZLEN), ==, 0);
	CHECK_CMP(skb->len, ==, ETH_ZLEN);
	CHECK(skb->data[9] == 0xab && !memchr_inv(skb->data + 10, 0, ETH_ZLEN - 10));
	CHECK_CMP(skb_put_padto(skb, 20), ==, 0);
	CHECK_CMP(skb->len, ==, ETH_ZLEN);
	skb_trim(skb, 30);
	CHECK_CMP(eth_skb_pad(skb), ==, 0);
	CHECK_CMP(skb->len, ==, ETH_ZLEN);
	/* skb_padto zeroes the room but leaves len alone. */
	skb_trim(skb, 40);
	memset(skb->data + 30, 0xcd, 10);
	CHECK_CMP(skb_padto(skb, ETH_ZLEN), ==, 0);
	CHECK_CMP(skb->len, ==, 40);
	CHECK(skb_tailroom(skb) >= ETH_ZLEN - 40 && !memchr_inv(skb->data + 40, 0, ETH_ZLEN - 40));
	kfree_skb(skb);
	return 0;
}

static struct sk_buff *filled(unsigned int headroom, unsigned int len)
{
	struct sk_buff *skb = alloc_skb(headroom + len, GFP_KERNEL);

	if (skb) {
		skb_reserve(skb, headroom);
		for (unsigned int i = 0; i < len; i++)
			skb_put_u8(skb, (u8)('a' + i % 26));
	}
	return skb;
}

static int clone_shares_data(struct conform_dev *dev)
{
	struct sk_buff *skb = filled(16, 64), *c;
	bool both, after;

	CHECK(skb);
	c = skb_clone(skb, GFP_KERNEL);
	if (!c) {
		kfree_skb(skb);
		CHECK(!"skb_clone failed");
	}
	CHECK(c != skb && c->head == skb->head && c->data == skb->data && c->len == skb->len);
	both = skb_cloned(skb) && skb_cloned(c) && skb_header_cloned(skb) && skb_header_cloned(c);
	CHECK(both);
	CHECK(!skb_shared(skb) && !skb_shared(c));
	/* One buffer: a write through one is read through the other. */
	c->data[0] = 'Z';
	CHECK_CMP(skb->data[0], ==, 'Z');
	/* Each has its own header: pulling from the clone leaves the original. */
	CHECK(skb_pull(c, 4) == skb->data + 4);
	CHECK(c->len == 60 && skb->len == 64 && skb_headroom(skb) == 16);
	kfree_skb(c);
	after = skb_cloned(skb) || skb_header_cloned(skb);
	CHECK(!after);
	CHECK(skb->data[1] == 'b' && skb->len == 64);

	/* Freed the other way round, the clone keeps the data alive. */
	c = skb_clone(skb, GFP_KERNEL);
	CHECK(c);
	consume_skb(skb);
	CHECK(!skb_cloned(c));
	CHECK(c->len == 64 && c->data[1] == 'b' && c->data[63] == 'a' + 63 % 26);
	kfree_skb(c);
	return 0;
}

/* Before writing into a cloned buffer, skb_cow_head makes it the skb's own. */
static int cow_unshares_clone(struct conform_dev *dev)
{
	struct sk_buff *skb = filled(16, 64), *c;
	bool cloned, private, same;

	CHECK(skb);
	memcpy(skb->cb, "control", 8);
	c = skb_clone(skb, GFP_KERNEL);
	if (!c) {
		kfree_skb(skb);
		CHECK(!"skb_clone failed");
	}
	CHECK(!memcmp(c->cb, "control", 8));
	cloned = skb_cloned(c);
	CHECK_CMP(skb_cow_head(c, 32), ==, 0);
	private = !skb_cloned(c) && !skb_cloned(skb) && c->data != skb->data;
	same = c->len == 64 && !memcmp(c->data, skb->data, 64) && skb_headroom(c) >= 32;
	c->data[0] = 'Z';
	CHECK_CMP(skb->data[0], ==, 'a');
	kfree_skb(c);
	CHECK_CMP(skb->data[63], ==, 'a' + 63 % 26);
	kfree_skb(skb);
	CHECK(cloned && private && same);
	return 0;
}

/* Padding a clone pads a buffer of its own, even with room to spare in the shared one. */
static int pad_unshares_clone(struct conform_dev *dev)
{
	struct sk_buff *skb = filled(0, 100), *c;
	bool private, padded;

	CHECK(skb);
	skb_trim(skb, 10);
	c = skb_clone(skb, GFP_KERNEL);
	if (!c) {
		kfree_skb(skb);
		CHECK(!"skb_clone failed");
	}
	CHECK_CMP(skb_put_padto(c, ETH_ZLEN), ==, 0);
	private = !skb_cloned(c) && !skb_cloned(skb) && c->data != skb->data;
	padded = c->len == ETH_ZLEN && !memcmp(c->data, skb->data, 10) &&
		 !memchr_inv(c->data + 10, 0, ETH_ZLEN - 10);
	kfree_skb(c);
	/* The original's bytes past its length are still its own. */
	CHECK(skb->len == 10 && skb->data[10] == 'a' + 10 && skb->data[59] == 'a' + 59 % 26);
	kfree_skb(skb);
	CHECK(private && padded);
	return 0;
}

/* Pulling paged bytes into a clone's head leaves the original's fragments as they were. */
static int pull_unshares_paged_clone(struct conform_dev *dev)
{
	struct sk_buff *skb = filled(0, 10), *c;
	struct page *page = alloc_page(GFP_KERNEL);
	bool pulled;

	if (!skb || !page) {
		kfree_skb(skb);
		if (page)
			__free_page(page);
		CHECK(!"no memory");
	}
	for (int i = 0; i < 300; i++)
		((u8 *)page_address(page))[i] = (u8)i;
	skb_add_rx_frag(skb, 0, page, 100, 200, PAGE_SIZE);
	c = skb_clone(skb, GFP_KERNEL);
	if (!c) {
		kfree_skb(skb);
		CHECK(!"skb_clone failed");
	}
	pulled = pskb_may_pull(c, 50);
	/* The clone can go first: the page stays while the original holds it. */
	CHECK(pulled && skb_headlen(c) == 50 && c->data[10] == 100 && c->data[49] == 139);
	CHECK_CMP(skb_frag_off(&skb_shinfo(c)->frags[0]), ==, 140);
	kfree_skb(c);
	CHECK(skb->len == 210 && skb->data_len == 200 && skb_headlen(skb) == 10);
	CHECK_CMP(skb_shinfo(skb)->nr_frags, ==, 1);
	CHECK_CMP(skb_frag_off(&skb_shinfo(skb)->frags[0]), ==, 100);
	CHECK_CMP(skb_frag_size(&skb_shinfo(skb)->frags[0]), ==, 200);
	CHECK_CMP(((u8 *)skb_frag_address(&skb_shinfo(skb)->frags[0]))[199], ==, 43);
	kfree_skb(skb);
	return 0;
}

static int get_makes_shared(struct conform_dev *dev)
{
	struct sk_buff *skb = alloc_skb(64, GFP_KERNEL);

	CHECK(skb);
	CHECK(!skb_shared(skb));
	CHECK(skb_get(skb) == skb);
	CHECK(skb_shared(skb));
	CHECK_CMP(refcount_read(&skb->users), ==, 2);
	/* Dropping one reference leaves the skb to the other. */
	kfree_skb(skb);
	CHECK_CMP(refcount_read(&skb->users), ==, 1);
	CHECK(!skb_shared(skb));
	skb_put_u8(skb, 1);
	skb_get(skb);
	consume_skb(skb);
	CHECK(skb->len == 1 && !skb_shared(skb));
	consume_skb(skb);
	/* Freeing nothing is allowed. */
	kfree_skb(NULL);
	consume_skb(NULL);
	return 0;
}

static int copy_is_private(struct conform_dev *dev)
{
	struct sk_buff *skb = filled(32, 100), *n;
	struct page *page = alloc_page(GFP_KERNEL);
	u8 want[300], got[300];

	if (!skb || !page) {
		kfree_skb(skb);
		if (page)
			__free_page(page);
		CHECK(!"no memory");
	}
	skb_set_network_header(skb, 14);
	skb->protocol = htons(ETH_P_IP);
	skb->priority = 5;
	memcpy(skb->cb, "control", 8);
	n = skb_copy(skb, GFP_KERNEL);
	CHECK(n);
	CHECK(n->len == 100 && skb_headroom(n) == 32 && n->data != skb->data);
	CHECK(!memcmp(n->cb, "control", 8) && n->priority == 5);
	CHECK(!memcmp(n->data, skb->data, 100));
	CHECK(!skb_cloned(n) && !skb_cloned(skb));
	CHECK(skb_network_offset(n) == 14 && n->protocol == htons(ETH_P_IP));
	n->data[0] = 'Z';
	CHECK_CMP(skb->data[0], ==, 'a');
	kfree_skb(n);

	/* A copy of a paged skb is linear, the same bytes in order. */
	memset(page_address(page), 0x5c, PAGE_SIZE);
	skb_add_rx_frag(skb, 0, page, 100, 200, PAGE_SIZE);
	CHECK(skb->len == 300 && skb->data_len == 200);
	n = skb_copy(skb, GFP_KERNEL);
	CHECK(n);
	CHECK(n->len == 300 && !skb_is_nonlinear(n) && skb_headroom(n) == 32);
	CHECK_CMP(skb_copy_bits(skb, 0, want, 300), ==, 0);
	CHECK_CMP(skb_copy_bits(n, 0, got, 300), ==, 0);
	CHECK(!memcmp(want, got, 300) && got[99] == 'a' + 99 % 26 && got[100] == 0x5c);
	kfree_skb(n);
	kfree_skb(skb);
	return 0;
}

static int queue_order(struct conform_dev *dev)
{
	struct sk_buff_head q;
	struct sk_buff *s[5], *walk;
	int n = 0, order_ok;

	skb_queue_head_init(&q);
	CHECK(skb_queue_empty(&q) && skb_queue_len(&q) == 0);
	CHECK(!skb_peek(&q) && !skb_peek_tail(&q) && !skb_dequeue(&q) && !skb_dequeue_tail(&q));
	for (int i = 0; i < 5; i++) {
		s[i] = alloc_skb(32, GFP_KERNEL);
		if (!s[i]) {
			while (i--)
				kfree_skb(s[i]);
			CHECK(!"no memory");
		}
	}
	skb_queue_tail(&q, s[0]);
	skb_queue_tail(&q, s[1]);
	skb_queue_head(&q, s[2]);
	/* s2 s0 s1 */
	CHECK(skb_queue_len(&q) == 3 && !skb_queue_empty(&q));
	CHECK(skb_peek(&q) == s[2] && skb_peek_tail(&q) == s[1]);
	order_ok = 1;
	skb_queue_walk(&q, walk) {
		if (walk != s[n == 0 ? 2 : n - 1])
			order_ok = 0;
		n++;
	}
	CHECK(order_ok && n == 3);
	CHECK(skb_dequeue(&q) == s[2]);
	CHECK(skb_dequeue_tail(&q) == s[1]);
	CHECK_CMP(skb_queue_len(&q), ==, 1);
	skb_unlink(s[0], &q);
	CHECK(skb_queue_empty(&q) && skb_queue_len(&q) == 0);
	/* The lockless forms keep the same order. */
	__skb_queue_tail(&q, s[0]);
	__skb_queue_head(&q, s[1]);
	CHECK(__skb_dequeue(&q) == s[1] && __skb_dequeue(&q) == s[0]);
	/* Purge frees whatever is queued. */
	for (int i = 0; i < 5; i++)
		skb_queue_tail(&q, s[i]);
	CHECK_CMP(skb_queue_len(&q), ==, 5);
	skb_queue_purge(&q);
	CHECK(skb_queue_empty(&q) && skb_queue_len(&q) == 0);
	return 0;
}

static int paged_pull(struct conform_dev *dev)
{
	struct sk_buff *skb = alloc_skb(128, GFP_KERNEL);
	struct page *page = alloc_page(GFP_KERNEL);
	unsigned char *pa;
	u8 out[20];

	if (!skb || !page) {
		kfree_skb(skb);
		if (page)
			__free_page(page);
		CHECK(!"no memory");
	}
	pa = page_address(page);
	for (int i = 0; i < 300; i++)
		pa[i] = (unsigned char)i;
	skb_put_data(skb, "0123456789", 10);
	skb_add_rx_frag(skb, 0, page, 100, 200, PAGE_SIZE);
	CHECK(skb->len == 210 && skb->data_len == 200 && skb_headlen(skb) == 10);
	CHECK(skb_is_nonlinear(skb) && skb_shinfo(skb)->nr_frags == 1);
	CHECK_CMP(skb_tailroom(skb), ==, 0);
	/* Bytes across the head and the fragment. */
	CHECK_CMP(skb_copy_bits(skb, 5, out, 20), ==, 0);
	CHECK(out[4] == '9' && out[5] == 100 && out[19] == 114);
	CHECK(skb_copy_bits(skb, 200, out, 20) < 0);
	/* Pulling 40 bytes into the linear part eats the fragment's head. */
	CHECK(pskb_may_pull(skb, 50));
	CHECK(skb_headlen(skb) == 50 && skb->data_len == 160 && skb->len == 210);
	CHECK(skb->data[9] == '9' && skb->data[10] == 100 && skb->data[49] == 139);
	CHECK_CMP(skb_frag_off(&skb_shinfo(skb)->frags[0]), ==, 140);
	CHECK_CMP(skb_frag_size(&skb_shinfo(skb)->frags[0]), ==, 160);
	CHECK(!pskb_may_pull(skb, 211));
	/* Linearized, every byte in the head, in order; a linear skb stays as it is. */
	CHECK_CMP(skb_linearize(skb), ==, 0);
	CHECK(!skb_is_nonlinear(skb) && skb_headlen(skb) == 210 && skb->len == 210);
	CHECK(skb_shinfo(skb)->nr_frags == 0 && skb->data[50] == 140 && skb->data[209] == 43);
	CHECK_CMP(skb_linearize(skb), ==, 0);
	skb_copy_to_linear_data(skb, "head", 4);
	skb_copy_to_linear_data_offset(skb, 100, "mid", 3);
	CHECK(!memcmp(skb->data, "head", 4) && !memcmp(skb->data + 100, "mid", 3));
	CHECK(skb->data[4] == '4' && skb->data[103] == 193);
	/* The skb held the page's only reference, and gave it up. */
	kfree_skb(skb);
	return 0;
}

static int build_skb_over_frag(struct conform_dev *dev)
{
	unsigned int size =
		SKB_DATA_ALIGN(2048 + NET_SKB_PAD) + SKB_DATA_ALIGN(sizeof(struct skb_shared_info));
	void *data = netdev_alloc_frag(size);
	struct sk_buff *skb;

	CHECK(data);
	skb = build_skb(data, size);
	if (!skb) {
		skb_free_frag(data);
		CHECK(!"build_skb failed");
	}
	CHECK(skb->head == data && skb->data == data && skb->len == 0 && skb->head_frag);
	skb_reserve(skb, NET_SKB_PAD);
	skb_put(skb, 1514);
	CHECK_CMP(skb_tailroom(skb), >=, 2048 - 1514);
	CHECK((void *)skb_shinfo(skb) >= (void *)skb_tail_pointer(skb));
	kfree_skb(skb);
	return 0;
}

/* The RFC 1071 sum of n bytes: 16-bit big-endian words, a last odd byte high. */
static u16 plain_csum(const u8 *p, int n, u32 seed)
{
	u32 s = seed;

	for (int i = 0; i + 1 < n; i += 2)
		s += p[i] << 8 | p[i + 1];
	if (n & 1)
		s += p[n - 1] << 8;
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (u16)~s;
}

/* RFC 1071's example (00 01 f2 03 f4 f5 f6 f7: checksum 220d), then every length and offset. */
static int csum_partial_sums(struct conform_dev *dev)
{
	static const u8 rfc[] = { 0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7 };
	__sum16 c = csum_fold(csum_partial(rfc, sizeof(rfc), 0));
	int bad = -1; /* the first failing offset * 1000 + length */
	u32 x = 12345;
	u8 *area;

	CHECK_CMP(ntohs((__force __be16)c), ==, 0x220d);
	/* In pieces of even length, and with the sum of a piece added or taken away. */
	CHECK(csum_fold(csum_partial(rfc + 4, 4, csum_partial(rfc, 4, 0))) == c);
	CHECK(csum_fold(csum_add(csum_partial(rfc, 4, 0), csum_partial(rfc + 4, 4, 0))) == c);
	CHECK(csum_fold(csum_sub(csum_partial(rfc, 8, 0), csum_partial(rfc + 4, 4, 0))) ==
	      csum_fold(csum_partial(rfc, 4, 0)));
	area = kmalloc(256, GFP_KERNEL);
	CHECK(area);
	/* All ones: a carry at every step. */
	memset(area, 0xff, 256);
	for (int off = 0; off < 4 && bad < 0; off++) {
		for (int len = 0; len <= 250 && bad < 0; len += 7) {
			if ((__force u16)csum_fold(csum_partial(area + off, len, 0)) !=
			    (__force u16)htons(plain_csum(area + off, len, 0)))
				bad = off * 1000 + len;
		}
	}
	for (int i = 0; i < 256; i++) {
		x = x * 1103515245 + 12345;
		area[i] = (u8)(x >> 16);
	}
	for (int off = 0; off < 4 && bad < 0; off++) {
		for (int len = 0; len <= 200 && bad < 0; len++) {
			if ((__force u16)csum_fold(csum_partial(area + off, len, 0)) !=
			    (__force u16)htons(plain_csum(area + off, len, 0)))
				bad = 10000 + off * 1000 + len;
		}
	}
	kfree(area);
	CHECK_CMP(bad, ==, -1);
	return 0;
}

static int ip_header_csum(struct conform_dev *dev)
{
	/* An IPv4 header (192.168.0.1 -> 192.168.0.199, UDP) with its checksum b861. */
	static const u8 iph[20] = { 0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11,
				    0xb8, 0x61, 0xc0, 0xa8, 0x00, 0x01, 0xc0, 0xa8, 0x00, 0xc7 };
	u8 copy[24] __aligned(4);

	CHECK_CMP((__force u16)ip_fast_csum(iph, 5), ==, 0);
	memcpy(copy, iph, sizeof(iph));
	copy[10] = copy[11] = 0;
	CHECK((__force u16)ip_fast_csum(copy, 5) == (__force u16)htons(0xb861));
	/* With options: ihl 6. */
	memcpy(copy, iph, sizeof(iph));
	copy[0] = 0x46;
	copy[10] = copy[11] = 0;
	copy[20] = 0x01;
	copy[21] = 0x01;
	copy[22] = copy[23] = 0;
	CHECK((__force u16)ip_fast_csum(copy, 6) == (__force u16)htons(plain_csum(copy, 24, 0)));
	return 0;
}

/*
 * The pseudo-header sums equal a plain sum over the pseudo-header's bytes,
 * for lengths whose low byte carries beside the protocol's (250 and up).
 */
static int pseudo_header_csum(struct conform_dev *dev)
{
	/* Up to 16 bits for IPv4's pseudo-header, 32 for IPv6's. */
	static const u32 lens[] = {
		0,    8,    28,	  250,	251,  255,  256,   506,
		1020, 1280, 1500, 1530, 4095, 9000, 65535, 65536 + 255,
	};
	static const u8 protos[] = { IPPROTO_TCP, IPPROTO_UDP, 0xff };
	struct in6_addr s6 = { .in6_u.u6_addr8 = { 0xfd, 0, 0, 9, [15] = 1 } };
	struct in6_addr d6 = { .in6_u.u6_addr8 = { 0xfe, 0x80, 0xff, 9, [14] = 0xff, [15] = 2 } };
	__be32 s4 = htonl(0x0a090001), d4 = htonl(0xc0a8fffe);
	__wsum payload = csum_partial("payload!", 8, 0);
	u8 ph4[12], ph6[40];

	for (unsigned int p = 0; p < ARRAY_SIZE(protos); p++) {
		for (unsigned int i = 0; i < ARRAY_SIZE(lens); i++) {
			u32 len = lens[i];
			u8 proto = protos[p];
			u16 want;

			memcpy(ph4, &s4, 4);
			memcpy(ph4 + 4, &d4, 4);
			ph4[8] = 0;
			ph4[9] = proto;
			ph4[10] = (u8)(len >> 8);
			ph4[11] = (u8)len;
			want = (__force u16)csum_fold(csum_partial(ph4, 12, payload));
			if (len < 65536) {
				CHECK_CMP(
					(__force u16)csum_tcpudp_magic(s4, d4, len, proto, payload),
					==, want);
				CHECK_CMP((__force u16)csum_fold(
						  csum_tcpudp_nofold(s4, d4, len, proto, payload)),
					  ==, want);
			}
			memset(ph6, 0, sizeof(ph6));
			memcpy(ph6, &s6, 16);
			memcpy(ph6 + 16, &d6, 16);
			ph6[33] = (u8)(len >> 16);
			ph6[34] = (u8)(len >> 8);
			ph6[35] = (u8)len;
			ph6[39] = proto;
			want = (__force u16)csum_fold(csum_partial(ph6, 40, payload));
			CHECK_CMP((__force u16)csum_ipv6_magic(&s6, &d6, len, proto, payload), ==,
				  want);
		}
	}
	return 0;
}

/* A frame to dst of type, through eth_type_trans: what it said and did. */
static int classify(struct net_device *nd, const u8 *dst, u16 type, u8 *pkt_type, __be16 *proto,
		    const u8 *payload)
{
	struct sk_buff *skb = netdev_alloc_skb(nd, 64);
	unsigned char *h;
	int ret = 0;

	if (!skb)
		return __LINE__;
	h = skb_put_zero(skb, 60);
	memcpy(h, dst, ETH_ALEN);
	memcpy(h + ETH_ALEN, my_mac, ETH_ALEN);
	h[12] = type >> 8;
	h[13] = type & 0xff;
	if (payload)
		memcpy(h + ETH_HLEN, payload, 2);
	*proto = eth_type_trans(skb, nd);
	*pkt_type = skb->pkt_type;
	if (skb->len != 60 - ETH_HLEN || skb->data != h + ETH_HLEN || skb_mac_header(skb) != h ||
	    (unsigned char *)eth_hdr(skb) != h || skb->dev != nd)
		ret = __LINE__;
	kfree_skb(skb);
	return ret;
}

static int eth_type_trans_classifies(struct conform_dev *dev)
{
	static const u8 bcast[ETH_ALEN] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	static const u8 mcast[ETH_ALEN] = { 0x01, 0x00, 0x5e, 0x01, 0x02, 0x03 };
	static const u8 other[ETH_ALEN] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x57 };
	static const u8 raw[2] = { 0xff, 0xff };
	struct net_device *nd = alloc_etherdev(0);
	u8 t[6];
	__be16 proto[6];
	int ret = 0;

	CHECK(nd);
	eth_hw_addr_set(nd, my_mac);
	ret = ret ?: classify(nd, my_mac, ETH_P_IP, &t[0], &proto[0], NULL);
	ret = ret ?: classify(nd, bcast, ETH_P_ARP, &t[1], &proto[1], NULL);
	ret = ret ?: classify(nd, mcast, ETH_P_IPV6, &t[2], &proto[2], NULL);
	ret = ret ?: classify(nd, other, ETH_P_IP, &t[3], &proto[3], NULL);
	/* Below 0x600 the field is a length: 802.2 LLC, or raw 802.3 after ffff. */
	ret = ret ?: classify(nd, my_mac, 46, &t[4], &proto[4], NULL);
	ret = ret ?: classify(nd, my_mac, 46, &t[5], &proto[5], raw);
	free_netdev(nd);
	CHECK_CMP(ret, ==, 0);
	CHECK(t[0] == PACKET_HOST && proto[0] == htons(ETH_P_IP));
	CHECK(t[1] == PACKET_BROADCAST && proto[1] == htons(ETH_P_ARP));
	CHECK(t[2] == PACKET_MULTICAST && proto[2] == htons(ETH_P_IPV6));
	CHECK(t[3] == PACKET_OTHERHOST && proto[3] == htons(ETH_P_IP));
	CHECK(t[4] == PACKET_HOST && proto[4] == htons(ETH_P_802_2));
	CHECK(proto[5] == htons(ETH_P_802_3));
	return 0;
}

/*
 * The CRC-32 of IEEE 802.3: its check value (over "123456789", 0xcbf43926
 * after inversion), MSB-first (CRC-32/MPEG-2's 0x0376e6e7), and the two
 * forms multicast hash filters take of an address.
 */
static int ether_crc_values(struct conform_dev *dev)
{
	static const u8 check[] = "123456789";
	static const u8 mcast[ETH_ALEN] = { 0x01, 0x00, 0x5e, 0x00, 0x00, 0x01 };
	u32 le = ether_crc_le(ETH_ALEN, mcast);

	CHECK_CMP(~crc32_le(~0, check, 9), ==, 0xcbf43926u);
	CHECK_CMP(crc32_be(~0, check, 9), ==, 0x0376e6e7u);
	CHECK_CMP(ether_crc_le(9, check), ==, 0x340bc6d9u);
	CHECK_CMP(ether_crc(9, check), ==, bitrev32(0x340bc6d9u));
	/* In pieces: the CRC so far is the seed of the rest. */
	CHECK_CMP(crc32_le(crc32_le(~0, mcast, 2), mcast + 2, 4), ==, le);
	CHECK_CMP(ether_crc(ETH_ALEN, mcast), ==, bitrev32(le));
	CHECK_CMP(crc32_le(0, mcast, 0), ==, 0);
	return 0;
}

/* What alloc_etherdev gives before register_netdev, and what works on it. */
static int alloc_etherdev_defaults(struct conform_dev *dev)
{
	static const u8 bcast[ETH_ALEN] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	struct net_device *nd = alloc_etherdev_mq(256, 4);
	struct sockaddr sa = {};
	bool fields, queues, priv, state, carrier[3];
	int validate[2], mac[2], txq[3], rxq;
	u8 after[2][ETH_ALEN];

	CHECK(nd);
	fields = nd->mtu == ETH_DATA_LEN && nd->min_mtu == ETH_MIN_MTU &&
		 nd->max_mtu == ETH_DATA_LEN && nd->addr_len == ETH_ALEN &&
		 nd->hard_header_len == ETH_HLEN && nd->tx_queue_len == 1000 &&
		 nd->flags == (IFF_BROADCAST | IFF_MULTICAST) &&
		 !memcmp(nd->broadcast, bcast, ETH_ALEN) && is_zero_ether_addr(nd->dev_addr);
	queues = nd->num_tx_queues == 4 && nd->real_num_tx_queues == 4 && nd->num_rx_queues == 4 &&
		 nd->real_num_rx_queues == 4;
	priv = !memchr_inv(netdev_priv(nd), 0, 256) &&
	       IS_ALIGNED((unsigned long)netdev_priv(nd), NETDEV_ALIGN);
	/* Present only once registered: register_netdevice() marks it so. */
	state = !netif_running(nd) && !netif_device_present(nd);
	carrier[0] = netif_carrier_ok(nd);
	netif_carrier_off(nd);
	carrier[1] = netif_carrier_ok(nd);
	netif_carrier_on(nd);
	carrier[2] = netif_carrier_ok(nd);
	validate[0] = eth_validate_addr(nd);
	memcpy(sa.sa_data, my_mac, ETH_ALEN);
	mac[0] = eth_mac_addr(nd, &sa);
	memcpy(after[0], nd->dev_addr, ETH_ALEN);
	validate[1] = eth_validate_addr(nd);
	memset(sa.sa_data, 0xff, ETH_ALEN);
	mac[1] = eth_mac_addr(nd, &sa);
	memcpy(after[1], nd->dev_addr, ETH_ALEN);
	txq[0] = netif_set_real_num_tx_queues(nd, 2);
	txq[1] = netif_set_real_num_tx_queues(nd, 5);
	txq[2] = netif_set_real_num_tx_queues(nd, 0);
	rxq = netif_set_real_num_rx_queues(nd, 3);
	queues = queues && nd->real_num_tx_queues == 2 && nd->real_num_rx_queues == 3;
	free_netdev(nd);
	CHECK(fields);
	CHECK(queues);
	CHECK(priv);
	CHECK(state);
	CHECK(carrier[0] && !carrier[1] && carrier[2]);
	CHECK(validate[0] == -EADDRNOTAVAIL && validate[1] == 0);
	CHECK(mac[0] == 0 && ether_addr_equal(after[0], my_mac));
	CHECK(mac[1] == -EADDRNOTAVAIL && ether_addr_equal(after[1], my_mac));
	CHECK(txq[0] == 0 && txq[1] == -EINVAL && txq[2] == -EINVAL && rxq == 0);
	return 0;
}

static int ether_addr_predicates(struct conform_dev *dev)
{
	static const u8 zero[ETH_ALEN], bcast[ETH_ALEN] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	static const u8 mcast[ETH_ALEN] = { 0x33, 0x33, 0, 0, 0, 1 };
	static const u8 local[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 1 };
	static const u8 universal[ETH_ALEN] = { 0x00, 0x1b, 0x21, 0x0a, 0xbc, 0xde };
	static const u8 stp[ETH_ALEN] = { 0x01, 0x80, 0xc2, 0, 0, 0x0e };
	struct net_device *nd;
	u8 a[ETH_ALEN], b[ETH_ALEN];

	CHECK(is_valid_ether_addr(my_mac) && is_unicast_ether_addr(my_mac));
	CHECK(!is_local_ether_addr(universal) && is_valid_ether_addr(universal));
	/* QEMU's 52:54:00 is a locally administered prefix. */
	CHECK(is_local_ether_addr(local) && is_local_ether_addr(my_mac));
	CHECK(is_valid_ether_addr(local));
	CHECK(is_zero_ether_addr(zero) && !is_valid_ether_addr(zero));
	CHECK(is_multicast_ether_addr(mcast) && !is_valid_ether_addr(mcast));
	CHECK(!is_broadcast_ether_addr(mcast) && !is_unicast_ether_addr(mcast));
	CHECK(is_broadcast_ether_addr(bcast) && is_multicast_ether_addr(bcast));
	CHECK(!is_valid_ether_addr(bcast));
	CHECK(is_link_local_ether_addr(stp) && !is_link_local_ether_addr(mcast));
	ether_addr_copy(a, my_mac);
	CHECK(ether_addr_equal(a, my_mac));
	a[5] ^= 1;
	CHECK(!ether_addr_equal(a, my_mac));
	eth_broadcast_addr(a);
	CHECK(is_broadcast_ether_addr(a));
	eth_zero_addr(a);
	CHECK(is_zero_ether_addr(a));
	CHECK(ether_addr_to_u64(my_mac) == 0x525400123456ULL);
	u64_to_ether_addr(0x0200deadbeefULL, a);
	CHECK(a[0] == 0x02 && a[1] == 0 && a[2] == 0xde && a[5] == 0xef);
	/* Random addresses are valid, locally administered and unicast. */
	eth_random_addr(a);
	eth_random_addr(b);
	CHECK(is_valid_ether_addr(a) && is_local_ether_addr(a) && !ether_addr_equal(a, b));
	nd = alloc_etherdev(0);
	CHECK(nd);
	eth_hw_addr_set(nd, my_mac);
	memcpy(a, nd->dev_addr, ETH_ALEN);
	eth_hw_addr_random(nd);
	memcpy(b, nd->dev_addr, ETH_ALEN);
	free_netdev(nd);
	CHECK(ether_addr_equal(a, my_mac));
	CHECK(is_valid_ether_addr(b) && is_local_ether_addr(b));
	return 0;
}

/* One tag, offloaded or in the data, keeps every feature; a second takes TSO away. */
static int vlan_features_multi_tag(struct conform_dev *dev)
{
	const netdev_features_t all = NETIF_F_SG | NETIF_F_IP_CSUM | NETIF_F_TSO |
				      NETIF_F_HW_VLAN_CTAG_TX | NETIF_F_HIGHDMA;
	const netdev_features_t kept = NETIF_F_SG | NETIF_F_HW_VLAN_CTAG_TX | NETIF_F_HIGHDMA;
	struct sk_buff *skb = alloc_skb(128, GFP_KERNEL);
	netdev_features_t f[5];
	struct vlan_ethhdr *veh;

	CHECK(skb);
	veh = skb_put_zero(skb, VLAN_ETH_HLEN + 20);
	veh->h_vlan_proto = htons(ETH_P_8021Q);
	veh->h_vlan_encapsulated_proto = htons(ETH_P_IP);
	skb->protocol = htons(ETH_P_IP);
	f[0] = vlan_features_check(skb, all);
	skb->protocol = htons(ETH_P_8021Q);
	f[1] = vlan_features_check(skb, all);
	__vlan_hwaccel_put_tag(skb, htons(ETH_P_8021Q), 5);
	f[2] = vlan_features_check(skb, all);
	__vlan_hwaccel_clear_tag(skb);
	veh->h_vlan_encapsulated_proto = htons(ETH_P_8021AD);
	f[3] = vlan_features_check(skb, all);
	f[4] = vlan_features_check(skb, NETIF_F_HW_CSUM | NETIF_F_TSO);
	kfree_skb(skb);
	CHECK(f[0] == all && f[1] == all);
	/* A plain mask: IP_CSUM goes, only the generic HW_CSUM would stay. */
	CHECK(f[2] == kept && f[3] == kept);
	CHECK(f[4] == NETIF_F_HW_CSUM);
	CHECK(netdev_intersect_features(NETIF_F_HW_CSUM, NETIF_F_IPV6_CSUM) == NETIF_F_IPV6_CSUM);
	return 0;
}

/* A UDP datagram left to the device to checksum: the copy carries the sum. */
static int copy_and_csum_dev_udp(struct conform_dev *dev)
{
	const unsigned int len = 14 + 20 + 8 + 37;
	struct sk_buff *skb = alloc_skb(256, GFP_KERNEL);
	u8 *out = kmalloc(256, GFP_KERNEL);
	__sum16 verdict[2];
	struct udphdr *uh;
	struct iphdr *iph;
	bool same[2];
	unsigned int i;

	if (!skb || !out) {
		kfree_skb(skb);
		kfree(out);
		CHECK(0);
	}
	memset(skb_put(skb, len), 0, len);
	iph = (struct iphdr *)(skb->data + 14);
	iph->version = 4;
	iph->ihl = 5;
	iph->protocol = IPPROTO_UDP;
	iph->saddr = htonl(0x0a000001);
	iph->daddr = htonl(0x0a000002);
	uh = (struct udphdr *)(skb->data + 34);
	uh->len = htons(8 + 37);
	for (i = 42; i < len; i++)
		skb->data[i] = (u8)(i * 7);
	uh->check = ~csum_tcpudp_magic(iph->saddr, iph->daddr, 8 + 37, IPPROTO_UDP, 0);
	skb->ip_summed = CHECKSUM_PARTIAL;
	skb->csum_start = skb_headroom(skb) + 34;
	skb->csum_offset = offsetof(struct udphdr, check);
	skb_copy_and_csum_dev(skb, out);
	/* A receiver's check: pseudo-header plus datagram fold to zero. */
	verdict[0] = csum_tcpudp_magic(iph->saddr, iph->daddr, 8 + 37, IPPROTO_UDP,
				       csum_partial(out + 34, 8 + 37, 0));
	same[0] = !memcmp(out, skb->data, 40) && !memcmp(out + 42, skb->data + 42, 37);
	skb->ip_summed = CHECKSUM_NONE;
	memset(out, 0, 256);
	skb_copy_and_csum_dev(skb, out);
	same[1] = !memcmp(out, skb->data, len);
	verdict[1] = ((struct udphdr *)(out + 34))->check;
	kfree_skb(skb);
	kfree(out);
	CHECK_CMP(verdict[0], ==, 0);
	CHECK(same[0] && same[1]);
	/* Without CHECKSUM_PARTIAL the field is copied as it was: the pseudo-header's sum. */
	CHECK_CMP(verdict[1], !=, 0);
	return 0;
}

static int stats_to_stats64(struct conform_dev *dev)
{
	struct net_device_stats s = {};
	struct rtnl_link_stats64 s64;

	memset(&s64, 0xff, sizeof(s64));
	s.rx_packets = 1;
	s.tx_bytes = ~0UL;
	s.rx_missed_errors = 7;
	s.tx_compressed = 9;
	netdev_stats_to_stats64(&s64, &s);
	CHECK(s64.rx_packets == 1 && s64.tx_bytes == ~0UL && s64.rx_missed_errors == 7);
	CHECK(s64.tx_compressed == 9 && s64.tx_packets == 0 && s64.collisions == 0);
	return 0;
}

static const struct conform_case skb_cases[] = {
	{ "alloc_skb_room", alloc_skb_room },
	{ "netdev_alloc_skb_pad", netdev_alloc_skb_pad },
	{ "put_push_pull_trim", put_push_pull_trim },
	{ "pad_to_length", pad_to_length },
	{ "clone_shares_data", clone_shares_data },
	{ "cow_unshares_clone", cow_unshares_clone },
	{ "pad_unshares_clone", pad_unshares_clone },
	{ "pull_unshares_paged_clone", pull_unshares_paged_clone },
	{ "get_makes_shared", get_makes_shared },
	{ "copy_is_private", copy_is_private },
	{ "queue_order", queue_order },
	{ "paged_pull", paged_pull },
	{ "build_skb_over_frag", build_skb_over_frag },
	{ "csum_partial_sums", csum_partial_sums },
	{ "ip_header_csum", ip_header_csum },
	{ "pseudo_header_csum", pseudo_header_csum },
	{ "eth_type_trans_classifies", eth_type_trans_classifies },
	{ "ether_crc_values", ether_crc_values },
	{ "alloc_etherdev_defaults", alloc_etherdev_defaults },
	{ "ether_addr_predicates", ether_addr_predicates },
	{ "vlan_features_multi_tag", vlan_features_multi_tag },
	{ "copy_and_csum_dev_udp", copy_and_csum_dev_udp },
	{ "stats_to_stats64", stats_to_stats64 },
};
CONFORM_SUITE(skb, skb_cases);
