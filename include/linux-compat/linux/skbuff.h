/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * skbuff.h - socket buffers: one packet, as a linear buffer (head ..
 * end) of which data .. tail is filled, plus up to MAX_SKB_FRAGS page
 * fragments described in the skb_shared_info that sits at end. len counts
 * all bytes, data_len those in fragments.
 *
 * The buffer comes from kmalloc() (alloc_skb) or is the caller's fragment
 * (build_skb over netdev_alloc_frag(), head_frag set); either way the
 * shared info is placed in its last SKB_DATA_ALIGN(sizeof(shinfo)) bytes.
 * users counts references to the sk_buff (skb_get), shinfo's dataref the
 * sk_buffs over one buffer (skb_clone): both set cloned, and the buffer
 * and its fragments go when the last of them is freed. Whoever writes
 * into a cloned buffer makes it private first (skb_cow_head, pskb_expand_head).
 *
 * Emulation notes: tail and end are pointers, as on 32-bit Linux (64-bit
 * Linux keeps offsets from head); use skb_tail_pointer() and
 * skb_end_pointer(), as portable drivers do. The struct sk_buff itself is
 * not kmalloc() memory but the shim's (out of any device's reach): free
 * it with kfree_skb() and friends, never kfree().
 */
#ifndef _LINUX_SKBUFF_H
#define _LINUX_SKBUFF_H

#include <asm/byteorder.h>
#include <linux/bug.h>
#include <linux/cache.h>
#include <linux/compiler.h>
#include <linux/dma-mapping.h>
#include <linux/gfp.h>
#include <linux/if_ether.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/mm.h>
#include <linux/netdev_features.h>
#include <linux/refcount.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/types.h>

struct net_device;
struct napi_struct;

/* ip_summed */
#define CHECKSUM_NONE 0 /* nobody checked: the stack verifies */
#define CHECKSUM_UNNECESSARY 1 /* the device verified the L4 checksum */
#define CHECKSUM_COMPLETE 2 /* csum holds the sum over the packet */
#define CHECKSUM_PARTIAL 3 /* tx: checksum csum_start.. into csum_offset */

/* pkt_type, as set by eth_type_trans() */
#define PACKET_HOST 0
#define PACKET_BROADCAST 1
#define PACKET_MULTICAST 2
#define PACKET_OTHERHOST 3
#define PACKET_OUTGOING 4

/* skb_shinfo(skb)->gso_type */
#define SKB_GSO_TCPV4 (1u << 0)
#define SKB_GSO_DODGY (1u << 1)
#define SKB_GSO_TCP_ECN (1u << 2)
#define SKB_GSO_TCPV6 (1u << 4)
#define SKB_GSO_UDP_TUNNEL (1u << 10)
#define SKB_GSO_UDP_TUNNEL_CSUM (1u << 11)
#define SKB_GSO_UDP_L4 (1u << 16)

#define MAX_SKB_FRAGS 17
#define SKB_DATA_ALIGN(x) ALIGN((x), SMP_CACHE_BYTES)
#define SKB_WITH_OVERHEAD(x) ((x)-SKB_DATA_ALIGN(sizeof(struct skb_shared_info)))
#define SKB_TRUESIZE(x)                                 \
	((x) + SKB_DATA_ALIGN(sizeof(struct sk_buff)) + \
	 SKB_DATA_ALIGN(sizeof(struct skb_shared_info)))

/* Headroom drivers reserve in rx buffers. x86 needs no IP alignment. */
#define NET_SKB_PAD 64
#define NET_IP_ALIGN 0

typedef struct skb_frag {
	struct page *bv_page;
	unsigned int bv_len;
	unsigned int bv_offset;
} skb_frag_t;

/* A packet's time as the device stamped it (hardware timestamping). */
struct skb_shared_hwtstamps {
	ktime_t hwtstamp;
};

/* skb_shinfo(skb)->tx_flags: the sender asked for a hardware timestamp. */
#define SKBTX_HW_TSTAMP (1 << 0)
#define SKBTX_SW_TSTAMP (1 << 1)
#define SKBTX_IN_PROGRESS (1 << 2)

struct skb_shared_info {
	u8 flags;
	u8 meta_len;
	u8 nr_frags;
	u8 tx_flags;
	unsigned short gso_size;
	unsigned short gso_segs;
	struct sk_buff *frag_list;
	unsigned int gso_type;
	u32 tskey;
	atomic_t dataref;
	skb_frag_t frags[MAX_SKB_FRAGS];
	struct skb_shared_hwtstamps hwtstamps;
};

struct sk_buff {
	union {
		struct {
			struct sk_buff *next;
			struct sk_buff *prev;
		};
		struct list_head list;
	};
	struct net_device *dev;
	char cb[48] __aligned(8);
	unsigned int len;
	unsigned int data_len;
	u16 mac_len;
	u16 hdr_len;
	u16 queue_mapping;
	u8 cloned : 1;
	u8 head_frag : 1;
	u8 pfmemalloc : 1;
	u8 no_fcs : 1;
	u8 encapsulation : 1;
	u8 vlan_present : 1;
	u8 csum_valid : 1;
	u8 ip_summed : 2;
	u8 pkt_type : 3;
	__be16 protocol;
	__be16 vlan_proto;
	u16 vlan_tci;
	union {
		__wsum csum;
		struct {
			u16 csum_start; /* from head */
			u16 csum_offset; /* from csum_start */
		};
	};
	u32 priority;
	u32 hash;
	u32 mark;
	u16 mac_header; /* offsets from head; ~0 when unset */
	u16 network_header;
	u16 transport_header;
	unsigned char *head;
	unsigned char *data;
	unsigned char *tail;
	unsigned char *end;
	unsigned int truesize;
	refcount_t users;
	u64 tstamp;
	/* The shim's: frames queued towards the host. */
	void *uldd;
	/*
	 * A tunnelled frame's inner headers (encapsulation set), offsets from
	 * head like the outer ones; ~0 when unset.
	 */
	u16 inner_mac_header;
	u16 inner_network_header;
	u16 inner_transport_header;
	/* CHECKSUM_UNNECESSARY: how many checksums past the first were verified. */
	u8 csum_level : 2;
};

struct sk_buff_head {
	struct sk_buff *next;
	struct sk_buff *prev;
	u32 qlen;
	spinlock_t lock;
};

/* Allocation and release (shim/net/skbuff.c). */
struct sk_buff *__alloc_skb(unsigned int size, gfp_t gfp, int flags, int node);
static inline struct sk_buff *alloc_skb(unsigned int size, gfp_t gfp)
{
	return __alloc_skb(size, gfp, 0, -1);
}

struct sk_buff *__netdev_alloc_skb(struct net_device *dev, unsigned int len, gfp_t gfp);
static inline struct sk_buff *netdev_alloc_skb(struct net_device *dev, unsigned int len)
{
	return __netdev_alloc_skb(dev, len, GFP_ATOMIC);
}

/* NET_IP_ALIGN is 0 on x86: these are the plain allocations. */
static inline struct sk_buff *__netdev_alloc_skb_ip_align(struct net_device *dev, unsigned int len,
							  gfp_t gfp)
{
	return __netdev_alloc_skb(dev, len, gfp);
}

static inline struct sk_buff *netdev_alloc_skb_ip_align(struct net_device *dev, unsigned int len)
{
	return netdev_alloc_skb(dev, len);
}

static inline struct sk_buff *dev_alloc_skb(unsigned int len)
{
	return netdev_alloc_skb(NULL, len);
}

struct sk_buff *__napi_alloc_skb(struct napi_struct *napi, unsigned int len, gfp_t gfp);
static inline struct sk_buff *napi_alloc_skb(struct napi_struct *napi, unsigned int len)
{
	return __napi_alloc_skb(napi, len, GFP_ATOMIC);
}

/* Wraps data (frag_size bytes, 0: a kmalloc'ed buffer) into an skb. */
struct sk_buff *build_skb(void *data, unsigned int frag_size);
struct sk_buff *napi_build_skb(void *data, unsigned int frag_size);

/* Rx buffers that build_skb() can take over; free with skb_free_frag(). */
void *netdev_alloc_frag(unsigned int fragsz);
void *napi_alloc_frag(unsigned int fragsz);
void skb_free_frag(void *addr);

void kfree_skb(struct sk_buff *skb);
void consume_skb(struct sk_buff *skb);
void napi_consume_skb(struct sk_buff *skb, int budget);
#define dev_kfree_skb(skb) consume_skb(skb)
#define dev_kfree_skb_any(skb) consume_skb(skb)
#define dev_kfree_skb_irq(skb) consume_skb(skb)
#define dev_consume_skb_any(skb) consume_skb(skb)
#define dev_consume_skb_irq(skb) consume_skb(skb)

/* Grows or copies so that headroom bytes fit before data. */
int pskb_expand_head(struct sk_buff *skb, int nhead, int ntail, gfp_t gfp);
/* Makes the first len bytes linear. */
void *__pskb_pull_tail(struct sk_buff *skb, int delta);
int skb_copy_bits(const struct sk_buff *skb, int offset, void *to, int len);
/*
 * The whole frame into to (skb->len bytes), for devices that transmit from
 * one bounce buffer; a CHECKSUM_PARTIAL frame gets its checksum computed
 * and stored there, as the device would have.
 */
void skb_copy_and_csum_dev(const struct sk_buff *skb, u8 *to);
/* Zeroes pad bytes of tailroom (growing it); on failure frees skb. */
int skb_pad(struct sk_buff *skb, int pad);

static inline struct skb_shared_info *skb_shinfo(const struct sk_buff *skb)
{
	return (struct skb_shared_info *)skb->end;
}

static inline unsigned char *skb_end_pointer(const struct sk_buff *skb)
{
	return skb->end;
}

static inline unsigned int skb_end_offset(const struct sk_buff *skb)
{
	return (unsigned int)(skb->end - skb->head);
}

static inline unsigned char *skb_tail_pointer(const struct sk_buff *skb)
{
	return skb->tail;
}

static inline void skb_reset_tail_pointer(struct sk_buff *skb)
{
	skb->tail = skb->data;
}

static inline void skb_set_tail_pointer(struct sk_buff *skb, int offset)
{
	skb->tail = skb->data + offset;
}

static inline bool skb_is_nonlinear(const struct sk_buff *skb)
{
	return skb->data_len;
}

static inline unsigned int skb_headlen(const struct sk_buff *skb)
{
	return skb->len - skb->data_len;
}

static inline unsigned int skb_headroom(const struct sk_buff *skb)
{
	return (unsigned int)(skb->data - skb->head);
}

static inline int skb_tailroom(const struct sk_buff *skb)
{
	return skb_is_nonlinear(skb) ? 0 : (int)(skb->end - skb->tail);
}

static inline void skb_reserve(struct sk_buff *skb, int len)
{
	skb->data += len;
	skb->tail += len;
}

void skb_over_panic(struct sk_buff *skb, unsigned int len, void *here);
void skb_under_panic(struct sk_buff *skb, unsigned int len, void *here);

static inline void *__skb_put(struct sk_buff *skb, unsigned int len)
{
	void *tmp = skb->tail;

	skb->tail += len;
	skb->len += len;
	return tmp;
}

static inline void *skb_put(struct sk_buff *skb, unsigned int len)
{
	void *tmp = skb->tail;

	if (unlikely(skb_is_nonlinear(skb) || skb->tail + len > skb->end))
		skb_over_panic(skb, len, __builtin_return_address(0));
	skb->tail += len;
	skb->len += len;
	return tmp;
}

static inline void *skb_put_zero(struct sk_buff *skb, unsigned int len)
{
	return memset(skb_put(skb, len), 0, len);
}

static inline void *skb_put_data(struct sk_buff *skb, const void *data, unsigned int len)
{
	return memcpy(skb_put(skb, len), data, len);
}

static inline void skb_copy_to_linear_data(struct sk_buff *skb, const void *from, unsigned int len)
{
	memcpy(skb->data, from, len);
}

static inline void skb_copy_to_linear_data_offset(struct sk_buff *skb, int offset, const void *from,
						  unsigned int len)
{
	memcpy(skb->data + offset, from, len);
}

static inline void skb_put_u8(struct sk_buff *skb, u8 val)
{
	*(u8 *)skb_put(skb, 1) = val;
}

static inline void *__skb_push(struct sk_buff *skb, unsigned int len)
{
	skb->data -= len;
	skb->len += len;
	return skb->data;
}

static inline void *skb_push(struct sk_buff *skb, unsigned int len)
{
	if (unlikely(skb->data - len < skb->head))
		skb_under_panic(skb, len, __builtin_return_address(0));
	return __skb_push(skb, len);
}

static inline void *__skb_pull(struct sk_buff *skb, unsigned int len)
{
	skb->len -= len;
	BUG_ON(skb->len < skb->data_len);
	return skb->data += len;
}

static inline void *skb_pull(struct sk_buff *skb, unsigned int len)
{
	if (len > skb_headlen(skb))
		return NULL;
	return __skb_pull(skb, len);
}

/* All of the fragments' bytes into the head: 0, or -ENOMEM (the skb unchanged). */
static inline int skb_linearize(struct sk_buff *skb)
{
	if (!skb_is_nonlinear(skb))
		return 0;
	return __pskb_pull_tail(skb, (int)skb->data_len) ? 0 : -ENOMEM;
}

static inline bool pskb_may_pull(struct sk_buff *skb, unsigned int len)
{
	if (likely(len <= skb_headlen(skb)))
		return true;
	if (unlikely(len > skb->len))
		return false;
	return __pskb_pull_tail(skb, (int)(len - skb_headlen(skb))) != NULL;
}

static inline void __skb_trim(struct sk_buff *skb, unsigned int len)
{
	if (WARN_ON(skb_is_nonlinear(skb)))
		return;
	skb->len = len;
	skb_set_tail_pointer(skb, (int)len);
}

static inline int pskb_trim(struct sk_buff *skb, unsigned int len)
{
	if (len >= skb->len)
		return 0;
	if (skb_is_nonlinear(skb))
		return -EINVAL; /* the shim's drivers trim linear frames only */
	__skb_trim(skb, len);
	return 0;
}

static inline void skb_trim(struct sk_buff *skb, unsigned int len)
{
	if (skb->len > len)
		__skb_trim(skb, len);
}

static inline bool skb_cloned(const struct sk_buff *skb)
{
	return skb->cloned && atomic_read(&skb_shinfo(skb)->dataref) != 1;
}

/* The shim clones heads whole: a cloned skb's header is cloned too. */
static inline int skb_header_cloned(const struct sk_buff *skb)
{
	return skb_cloned(skb);
}

/* Pads with zeroes to len; on failure the skb is freed and -ENOMEM. */
static inline int skb_put_padto(struct sk_buff *skb, unsigned int len)
{
	unsigned int size = skb->len;

	if (likely(size >= len))
		return 0;
	/* skb_pad() also makes a cloned buffer private before writing to it. */
	if ((skb_tailroom(skb) < (int)(len - size) || skb_cloned(skb)) &&
	    skb_pad(skb, (int)(len - size)))
		return -ENOMEM;
	memset(__skb_put(skb, len - size), 0, len - size);
	return 0;
}

static inline int skb_padto(struct sk_buff *skb, unsigned int len)
{
	if (likely(skb->len >= len))
		return 0;
	return skb_pad(skb, (int)(len - skb->len));
}

/* Headers: offsets from head. */
static inline unsigned char *skb_mac_header(const struct sk_buff *skb)
{
	return skb->head + skb->mac_header;
}

/* Linux declares it in linux/if_ether.h, which here cannot include this header. */
static inline struct ethhdr *eth_hdr(const struct sk_buff *skb)
{
	return (struct ethhdr *)skb_mac_header(skb);
}

static inline bool skb_mac_header_was_set(const struct sk_buff *skb)
{
	return skb->mac_header != (u16)~0U;
}

static inline void skb_reset_mac_header(struct sk_buff *skb)
{
	skb->mac_header = (u16)(skb->data - skb->head);
}

static inline void skb_set_mac_header(struct sk_buff *skb, int offset)
{
	skb->mac_header = (u16)(skb->data - skb->head + offset);
}

static inline unsigned char *skb_network_header(const struct sk_buff *skb)
{
	return skb->head + skb->network_header;
}

static inline void skb_reset_network_header(struct sk_buff *skb)
{
	skb->network_header = (u16)(skb->data - skb->head);
}

static inline void skb_set_network_header(struct sk_buff *skb, int offset)
{
	skb->network_header = (u16)(skb->data - skb->head + offset);
}

static inline unsigned char *skb_transport_header(const struct sk_buff *skb)
{
	return skb->head + skb->transport_header;
}

static inline void skb_reset_transport_header(struct sk_buff *skb)
{
	skb->transport_header = (u16)(skb->data - skb->head);
}

static inline void skb_set_transport_header(struct sk_buff *skb, int offset)
{
	skb->transport_header = (u16)(skb->data - skb->head + offset);
}

static inline unsigned char *skb_inner_network_header(const struct sk_buff *skb)
{
	return skb->head + skb->inner_network_header;
}

static inline unsigned char *skb_inner_transport_header(const struct sk_buff *skb)
{
	return skb->head + skb->inner_transport_header;
}

static inline int skb_inner_transport_offset(const struct sk_buff *skb)
{
	return (int)(skb_inner_transport_header(skb) - skb->data);
}

static inline int skb_network_offset(const struct sk_buff *skb)
{
	return (int)(skb_network_header(skb) - skb->data);
}

static inline int skb_transport_offset(const struct sk_buff *skb)
{
	return (int)(skb_transport_header(skb) - skb->data);
}

static inline u32 skb_network_header_len(const struct sk_buff *skb)
{
	return skb->transport_header - skb->network_header;
}

static inline int skb_checksum_start_offset(const struct sk_buff *skb)
{
	return (int)(skb->csum_start - skb_headroom(skb));
}

static inline unsigned char *skb_checksum_start(const struct sk_buff *skb)
{
	return skb->head + skb->csum_start;
}

static inline void skb_checksum_none_assert(const struct sk_buff *skb)
{
	(void)skb;
}

/* GSO */
static inline bool skb_is_gso(const struct sk_buff *skb)
{
	return skb_shinfo(skb)->gso_size;
}

static inline bool skb_is_gso_v6(const struct sk_buff *skb)
{
	return skb_shinfo(skb)->gso_type & SKB_GSO_TCPV6;
}

/* Fragments */
static inline unsigned int skb_frag_size(const skb_frag_t *frag)
{
	return frag->bv_len;
}

static inline void skb_frag_size_set(skb_frag_t *frag, unsigned int size)
{
	frag->bv_len = size;
}

static inline void skb_frag_size_add(skb_frag_t *frag, int delta)
{
	frag->bv_len += delta;
}

static inline void skb_frag_size_sub(skb_frag_t *frag, int delta)
{
	frag->bv_len -= delta;
}

static inline struct page *skb_frag_page(const skb_frag_t *frag)
{
	return frag->bv_page;
}

static inline unsigned int skb_frag_off(const skb_frag_t *frag)
{
	return frag->bv_offset;
}

static inline void skb_frag_off_set(skb_frag_t *frag, unsigned int offset)
{
	frag->bv_offset = offset;
}

static inline void *skb_frag_address(const skb_frag_t *frag)
{
	return (char *)page_address(skb_frag_page(frag)) + skb_frag_off(frag);
}

static inline dma_addr_t skb_frag_dma_map(struct device *dev, const skb_frag_t *frag, size_t offset,
					  size_t size, enum dma_data_direction dir)
{
	return dma_map_page(dev, skb_frag_page(frag), skb_frag_off(frag) + offset, size, dir);
}

static inline void __skb_fill_page_desc(struct sk_buff *skb, int i, struct page *page, int off,
					int size)
{
	skb_frag_t *frag = &skb_shinfo(skb)->frags[i];

	frag->bv_page = page;
	frag->bv_offset = (unsigned int)off;
	frag->bv_len = (unsigned int)size;
}

static inline void skb_fill_page_desc(struct sk_buff *skb, int i, struct page *page, int off,
				      int size)
{
	__skb_fill_page_desc(skb, i, page, off, size);
	skb_shinfo(skb)->nr_frags = (u8)(i + 1);
}

/* Linux 6.1's spelling of "point a fragment at a page" and 6.5's whole fill. */
static inline void __skb_frag_set_page(skb_frag_t *frag, struct page *page)
{
	frag->bv_page = page;
}

static inline void skb_frag_fill_page_desc(skb_frag_t *frag, struct page *page, int off, int size)
{
	frag->bv_page = page;
	frag->bv_offset = (unsigned int)off;
	frag->bv_len = (unsigned int)size;
}

void skb_add_rx_frag(struct sk_buff *skb, int i, struct page *page, int off, int size,
		     unsigned int truesize);

/* At least headroom bytes before data, in a buffer this skb alone writes to. */
static inline int skb_cow(struct sk_buff *skb, unsigned int headroom)
{
	unsigned int delta = headroom > skb_headroom(skb) ? headroom - skb_headroom(skb) : 0;

	if (!delta && !skb_cloned(skb))
		return 0;
	return pskb_expand_head(skb, (int)SKB_DATA_ALIGN(delta), 0, GFP_ATOMIC);
}

/* The same for drivers that only write headers: the shim clones heads whole. */
static inline int skb_cow_head(struct sk_buff *skb, unsigned int headroom)
{
	return skb_cow(skb, headroom);
}

/* A new sk_buff over the same buffer (both cloned), or NULL. */
struct sk_buff *skb_clone(struct sk_buff *skb, gfp_t gfp);
/* A private, linear copy with the same headroom and header offsets, or NULL. */
struct sk_buff *skb_copy(const struct sk_buff *skb, gfp_t gfp);

static inline struct sk_buff *skb_get(struct sk_buff *skb)
{
	refcount_inc(&skb->users);
	return skb;
}

/* More than one reference to the sk_buff itself (not to its data). */
static inline bool skb_shared(const struct sk_buff *skb)
{
	return refcount_read(&skb->users) != 1;
}

static inline void skb_tx_timestamp(struct sk_buff *skb)
{
	(void)skb;
}

/*
 * True when a PHY with its own time stamping took the skb, to hand it up
 * later with its stamp. There is no such PHY here (as on a kernel without
 * CONFIG_NETWORK_PHY_TIMESTAMPING): the driver delivers the skb itself.
 */
static inline bool skb_defer_rx_timestamp(struct sk_buff *skb)
{
	(void)skb;
	return false;
}

/* The receive queue is kept one up, so that 0 says "none recorded". */
static inline void skb_record_rx_queue(struct sk_buff *skb, u16 rx_queue)
{
	skb->queue_mapping = rx_queue + 1;
}

static inline bool skb_rx_queue_recorded(const struct sk_buff *skb)
{
	return skb->queue_mapping != 0;
}

static inline u16 skb_get_rx_queue(const struct sk_buff *skb)
{
	return skb->queue_mapping - 1;
}

static inline u16 skb_get_queue_mapping(const struct sk_buff *skb)
{
	return skb->queue_mapping;
}

static inline void skb_set_queue_mapping(struct sk_buff *skb, u16 queue_mapping)
{
	skb->queue_mapping = queue_mapping;
}

/* What a receive hash covered: addresses only (L3) or ports too (L4). */
enum pkt_hash_types {
	PKT_HASH_TYPE_NONE,
	PKT_HASH_TYPE_L2,
	PKT_HASH_TYPE_L3,
	PKT_HASH_TYPE_L4,
};

static inline void skb_set_hash(struct sk_buff *skb, u32 hash, enum pkt_hash_types type)
{
	(void)type;
	skb->hash = hash;
}

static inline struct skb_shared_hwtstamps *skb_hwtstamps(struct sk_buff *skb)
{
	return &skb_shinfo(skb)->hwtstamps;
}

/*
 * Hands a transmitted packet's hardware timestamp to the socket that sent
 * it. Frames reach uldd from the host through TAP, with no socket behind
 * them here and no way back to the sender's error queue, so there is no
 * one to tell; senders never get SKBTX_HW_TSTAMP set either, so drivers
 * do not call this.
 */
static inline void skb_tstamp_tx(struct sk_buff *orig_skb, struct skb_shared_hwtstamps *hwtstamps)
{
	(void)orig_skb;
	(void)hwtstamps;
}

static inline void skb_mark_for_recycle(struct sk_buff *skb)
{
	(void)skb;
}

/* Queues of skbs (sk_buff_head), with and without the queue's lock. */
static inline void __skb_queue_head_init(struct sk_buff_head *list)
{
	list->prev = list->next = (struct sk_buff *)list;
	list->qlen = 0;
}

static inline void skb_queue_head_init(struct sk_buff_head *list)
{
	spin_lock_init(&list->lock);
	__skb_queue_head_init(list);
}

static inline u32 skb_queue_len(const struct sk_buff_head *list)
{
	return list->qlen;
}

static inline bool skb_queue_empty(const struct sk_buff_head *list)
{
	return list->next == (const struct sk_buff *)list;
}

static inline void __skb_queue_tail(struct sk_buff_head *list, struct sk_buff *skb)
{
	struct sk_buff *last = list->prev;

	skb->next = (struct sk_buff *)list;
	skb->prev = last;
	last->next = skb;
	list->prev = skb;
	list->qlen++;
}

static inline void __skb_queue_head(struct sk_buff_head *list, struct sk_buff *skb)
{
	struct sk_buff *first = list->next;

	skb->next = first;
	skb->prev = (struct sk_buff *)list;
	first->prev = skb;
	list->next = skb;
	list->qlen++;
}

static inline struct sk_buff *__skb_dequeue(struct sk_buff_head *list)
{
	struct sk_buff *skb = list->next;

	if (skb == (struct sk_buff *)list)
		return NULL;
	list->next = skb->next;
	skb->next->prev = (struct sk_buff *)list;
	skb->next = skb->prev = NULL;
	list->qlen--;
	return skb;
}

static inline void __skb_unlink(struct sk_buff *skb, struct sk_buff_head *list)
{
	struct sk_buff *next = skb->next, *prev = skb->prev;

	list->qlen--;
	skb->next = skb->prev = NULL;
	next->prev = prev;
	prev->next = next;
}

static inline struct sk_buff *__skb_dequeue_tail(struct sk_buff_head *list)
{
	struct sk_buff *skb = list->prev;

	if (skb == (struct sk_buff *)list)
		return NULL;
	__skb_unlink(skb, list);
	return skb;
}

/* The first (last) skb, left on the queue; NULL when empty. */
static inline struct sk_buff *skb_peek(const struct sk_buff_head *list)
{
	struct sk_buff *skb = list->next;

	return skb == (const struct sk_buff *)list ? NULL : skb;
}

static inline struct sk_buff *skb_peek_tail(const struct sk_buff_head *list)
{
	struct sk_buff *skb = list->prev;

	return skb == (const struct sk_buff *)list ? NULL : skb;
}

#define skb_queue_walk(queue, skb) \
	for (skb = (queue)->next; skb != (struct sk_buff *)(queue); skb = skb->next)
#define skb_queue_walk_safe(queue, skb, tmp)                                         \
	for (skb = (queue)->next, tmp = skb->next; skb != (struct sk_buff *)(queue); \
	     skb = tmp, tmp = skb->next)

static inline void __skb_queue_purge(struct sk_buff_head *list)
{
	struct sk_buff *skb;

	while ((skb = __skb_dequeue(list)))
		kfree_skb(skb);
}

/* The same under the queue's lock (shim/net/skbuff.c). */
void skb_queue_tail(struct sk_buff_head *list, struct sk_buff *skb);
void skb_queue_head(struct sk_buff_head *list, struct sk_buff *skb);
struct sk_buff *skb_dequeue(struct sk_buff_head *list);
struct sk_buff *skb_dequeue_tail(struct sk_buff_head *list);
void skb_unlink(struct sk_buff *skb, struct sk_buff_head *list);
void skb_queue_purge(struct sk_buff_head *list);

#endif /* _LINUX_SKBUFF_H */
