// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * net/gro.c - receive coalescing. Writing each received frame to the TAP
 * costs a system call, and the host's stack then handles each alone; so
 * consecutive segments of one TCP/IPv4 stream that a NAPI poll receives
 * are held and written as one large frame (up to 64 KiB, gathered without
 * copying), marked as a GSO packet in its virtio-net
 * header, the way a virtio guest hands the host a TSO frame.
 *
 * Only segments with a sound IPv4 header (ihl 5, tot_len within the frame,
 * the header checksum right: checked here, as the host's IP would, since
 * no device vouches for it) and a TCP checksum known good are merged: the
 * device said so (CHECKSUM_UNNECESSARY) or, for devices without receive
 * checksum offload (QEMU's e1000), it is checked here, which the host's
 * TCP would otherwise do. A segment that fails goes up alone and as it
 * came, for the host to drop. The merged frame goes up as CHECKSUM_PARTIAL
 * with the pseudo-header sum seeded, which the host's TCP trusts and a
 * forwarding path completes.
 * A segment merges when it continues the held stream exactly: same
 * addresses, ports, TOS, TTL, ACK, window and TCP options, the next
 * sequence number, DF set, flags ACK or ACK|PSH; the held segments are all
 * of one size (the MSS) but the last. PSH, a shorter segment, a full
 * frame or napi_complete_done() write it out (a poll that used its whole
 * budget keeps holding: the next poll follows at once); anything
 * else (IPv6, VLAN, fragments, other flags, a frame the device already
 * coalesced) goes up alone, after what is held, so the order of the wire
 * is kept.
 *
 * One instance per napi_struct, used only by its poll, which the single
 * softirq thread runs: no locking.
 */
#include <linux/etherdevice.h>
#include <linux/ip.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/tcp.h>
#include <net/checksum.h>

#include "../mm/private.h"
#include "net.h"
#include "../core/door.h"

/* A 64 KiB IP packet of 1448-byte segments; vnet header, headers, payloads. */
#define GRO_MAX_SEGS 45
_Static_assert(GRO_MAX_SEGS + 1 <= UHOST_TAP_MAX_IOV, "a merged frame fits one write");
#define GRO_MAX_PAYLOAD (65535 - 20 - 60)
/* The byte of TCP flags (CWR ... FIN) of a header. */
#define TCP_FLAGS_WORD(th) (((const u8 *)(th))[13])
#define TCP_FL_ACK 0x10
#define TCP_FL_PSH 0x08
#define IP_DF 0x4000

struct uldd_gro {
	struct sk_buff *seg[GRO_MAX_SEGS];
	unsigned int n;
	unsigned int hlen; /* Ethernet + IP + TCP headers of seg[0] */
	unsigned int mss; /* payload of seg[0] */
	unsigned int payload; /* of all held segments */
	u32 next_seq;
};

/* A segment's TCP/IPv4 view, when it may be merged at all. */
struct gro_seg {
	struct iphdr *iph;
	struct tcphdr *th;
	unsigned int hlen;
	unsigned int payload;
};

int uldd_gro_init(struct napi_struct *napi)
{
	napi->uldd_gro = uldd_private_alloc(sizeof(*napi->uldd_gro), GFP_KERNEL | __GFP_ZERO);
	return napi->uldd_gro ? 0 : -ENOMEM;
}

void uldd_gro_free(struct napi_struct *napi)
{
	struct uldd_gro *g = napi->uldd_gro;

	if (!g)
		return;
	for (unsigned int i = 0; i < g->n; i++)
		kfree_skb(g->seg[i]);
	uldd_private_free(g);
	napi->uldd_gro = NULL;
}

static bool gro_parse(struct sk_buff *skb, struct gro_seg *s)
{
	unsigned char *mac = skb_mac_header(skb);
	unsigned int tot, thlen;
	u8 flags;

	if ((skb->ip_summed != CHECKSUM_UNNECESSARY && skb->ip_summed != CHECKSUM_NONE) ||
	    skb->vlan_present || skb->protocol != htons(ETH_P_IP) || skb_is_nonlinear(skb) ||
	    skb_is_gso(skb) || !skb_mac_header_was_set(skb) || skb->data != mac + ETH_HLEN ||
	    skb->len < sizeof(struct iphdr) + sizeof(struct tcphdr))
		return false;
	s->iph = (struct iphdr *)skb->data;
	if (s->iph->ihl != 5 || s->iph->version != 4 || s->iph->protocol != IPPROTO_TCP ||
	    s->iph->frag_off != htons(IP_DF))
		return false;
	/*
	 * A merged frame carries the first segment's header with a fresh
	 * checksum and drops the others': a corrupt one would vanish or come
	 * out good. It goes up alone as it came, for the host's IP to drop.
	 */
	if (ip_fast_csum(s->iph, s->iph->ihl))
		return false;
	tot = ntohs(s->iph->tot_len);
	s->th = (struct tcphdr *)(skb->data + sizeof(struct iphdr));
	thlen = s->th->doff * 4;
	if (thlen < sizeof(struct tcphdr) || tot > skb->len ||
	    tot < sizeof(struct iphdr) + thlen + 1 || skb->len < sizeof(struct iphdr) + thlen)
		return false;
	flags = TCP_FLAGS_WORD(s->th);
	if ((flags & ~TCP_FL_PSH) != TCP_FL_ACK)
		return false;
	s->hlen = ETH_HLEN + sizeof(struct iphdr) + thlen;
	s->payload = tot - sizeof(struct iphdr) - thlen;
	if (skb->ip_summed == CHECKSUM_NONE) {
		__wsum sum = csum_partial(s->th, (int)(tot - sizeof(struct iphdr)), 0);

		if (csum_tcpudp_magic(s->iph->saddr, s->iph->daddr, tot - sizeof(struct iphdr),
				      IPPROTO_TCP, sum))
			return false; /* bad: the host's stack counts and drops it */
		skb->ip_summed = CHECKSUM_UNNECESSARY;
	}
	return true;
}

static bool gro_continues(const struct uldd_gro *g, const struct gro_seg *s)
{
	const struct sk_buff *h = g->seg[0];
	const struct iphdr *hi = (const struct iphdr *)(skb_mac_header(h) + ETH_HLEN);
	const struct tcphdr *ht = (const struct tcphdr *)(hi + 1);

	return s->hlen == g->hlen && s->payload <= g->mss && hi->saddr == s->iph->saddr &&
	       hi->daddr == s->iph->daddr && hi->tos == s->iph->tos && hi->ttl == s->iph->ttl &&
	       ht->source == s->th->source && ht->dest == s->th->dest &&
	       ntohl(s->th->seq) == g->next_seq && ht->ack_seq == s->th->ack_seq &&
	       ht->window == s->th->window && !(TCP_FLAGS_WORD(ht) & TCP_FL_PSH) &&
	       !memcmp(ht + 1, s->th + 1, s->th->doff * 4 - sizeof(struct tcphdr)) &&
	       g->payload + s->payload <= GRO_MAX_PAYLOAD;
}

/* Writes what is held: one frame, or one GSO frame of several. */
void uldd_gro_flush(struct napi_struct *napi)
{
	struct uldd_gro *g = napi->uldd_gro;
	struct uhost_iovec iov[GRO_MAX_SEGS + 1];
	struct uldd_netdev *un;
	struct uhost_vnet_hdr vh;
	struct sk_buff *h;
	struct iphdr *iph;
	struct tcphdr *th;
	unsigned int i, n;
	int err;

	if (!g || !g->n)
		return;
	n = g->n;
	g->n = 0;
	h = g->seg[0];
	if (n == 1) {
		uldd_tap_deliver(h);
		return;
	}
	un = h->dev->uldd;
	iph = (struct iphdr *)(skb_mac_header(h) + ETH_HLEN);
	th = (struct tcphdr *)(iph + 1);
	iph->tot_len = htons(g->hlen - ETH_HLEN + g->payload);
	iph->check = 0;
	iph->check = ip_fast_csum(iph, iph->ihl);
	/* The last segment's PSH is the stream's. */
	((u8 *)th)[13] |= TCP_FLAGS_WORD(tcp_hdr(g->seg[n - 1])) & TCP_FL_PSH;
	th->check = ~csum_tcpudp_magic(iph->saddr, iph->daddr, g->hlen - ETH_HLEN - 20 + g->payload,
				       IPPROTO_TCP, 0);
	vh = (struct uhost_vnet_hdr){
		.flags = UHOST_VNET_F_NEEDS_CSUM,
		.gso_type = UHOST_VNET_GSO_TCPV4,
		.hdr_len = (u16)g->hlen,
		.gso_size = (u16)g->mss,
		.csum_start = ETH_HLEN + sizeof(struct iphdr),
		.csum_offset = offsetof(struct tcphdr, check),
	};
	iov[0] = (struct uhost_iovec){ &vh, sizeof(vh) };
	iov[1] = (struct uhost_iovec){ skb_mac_header(h), g->hlen + g->mss };
	for (i = 1; i < n; i++) {
		struct sk_buff *s = g->seg[i];
		unsigned int off = g->hlen - ETH_HLEN;
		unsigned int len = ntohs(((struct iphdr *)s->data)->tot_len) - off;

		iov[i + 1] = (struct uhost_iovec){ s->data + off, len };
	}
	err = uhost_tap_write(un->tap, uldd_tap_rx_queue(h), iov, n + 1);
	if (err) {
		atomic_long_add(n, &un->to_host_dropped);
	} else {
		atomic_long_add(n, &un->to_host);
		atomic_long_inc(&un->to_host_merged);
	}
	for (i = 0; i < n; i++)
		consume_skb(g->seg[i]);
}

void uldd_gro_receive(struct napi_struct *napi, struct sk_buff *skb)
{
	struct uldd_gro *g = napi->uldd_gro;
	struct gro_seg s;

	if (!g || !gro_parse(skb, &s)) {
		uldd_gro_flush(napi);
		uldd_tap_deliver(skb);
		return;
	}
	skb_set_transport_header(skb, sizeof(struct iphdr));
	if (g->n && !gro_continues(g, &s))
		uldd_gro_flush(napi);
	if (!g->n) {
		g->hlen = s.hlen;
		g->mss = s.payload;
		g->payload = 0;
	}
	g->seg[g->n++] = skb;
	g->payload += s.payload;
	g->next_seq = ntohl(s.th->seq) + s.payload;
	if (g->n == GRO_MAX_SEGS || s.payload < g->mss || (TCP_FLAGS_WORD(s.th) & TCP_FL_PSH))
		uldd_gro_flush(napi);
}
