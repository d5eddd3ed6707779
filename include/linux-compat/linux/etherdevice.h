/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* etherdevice.h - Ethernet net_devices and MAC address helpers. */
#ifndef _LINUX_ETHERDEVICE_H
#define _LINUX_ETHERDEVICE_H

#include <linux/if_ether.h>
#include <linux/netdevice.h>
#include <linux/random.h>
#include <linux/skbuff.h>
#include <linux/string.h>

struct net_device *alloc_etherdev_mqs(int sizeof_priv, unsigned int txqs, unsigned int rxqs);
#define alloc_etherdev(sizeof_priv) alloc_etherdev_mqs(sizeof_priv, 1, 1)
#define alloc_etherdev_mq(sizeof_priv, count) alloc_etherdev_mqs(sizeof_priv, count, count)
void ether_setup(struct net_device *dev);
/* As alloc_etherdev_mqs(); free_netdev() runs when dev's driver detaches. */
struct net_device *devm_alloc_etherdev_mqs(struct device *dev, int sizeof_priv, unsigned int txqs,
					   unsigned int rxqs);
#define devm_alloc_etherdev(dev, sizeof_priv) devm_alloc_etherdev_mqs(dev, sizeof_priv, 1, 1)

/* Sets skb->protocol's value: pkt_type and dev are set, the header pulled. */
__be16 eth_type_trans(struct sk_buff *skb, struct net_device *dev);
int eth_validate_addr(struct net_device *dev);
/* ndo_set_mac_address for devices that take any address at once. */
int eth_mac_addr(struct net_device *dev, void *p);

static inline bool is_zero_ether_addr(const u8 *addr)
{
	return !(addr[0] | addr[1] | addr[2] | addr[3] | addr[4] | addr[5]);
}

static inline bool is_multicast_ether_addr(const u8 *addr)
{
	return addr[0] & 0x01;
}

static inline bool is_local_ether_addr(const u8 *addr)
{
	return addr[0] & 0x02;
}

static inline bool is_broadcast_ether_addr(const u8 *addr)
{
	return (addr[0] & addr[1] & addr[2] & addr[3] & addr[4] & addr[5]) == 0xff;
}

static inline bool is_unicast_ether_addr(const u8 *addr)
{
	return !is_multicast_ether_addr(addr);
}

static inline bool is_valid_ether_addr(const u8 *addr)
{
	return !is_multicast_ether_addr(addr) && !is_zero_ether_addr(addr);
}

/* 01:80:c2:00:00:0X, the group addresses bridges do not forward (IEEE 802.1Q). */
static inline bool is_link_local_ether_addr(const u8 *addr)
{
	static const u8 base[ETH_ALEN - 1] = { 0x01, 0x80, 0xc2, 0x00, 0x00 };

	return !memcmp(addr, base, sizeof(base)) && !(addr[5] & 0xf0);
}

static inline bool ether_addr_equal(const u8 *a, const u8 *b)
{
	return !memcmp(a, b, ETH_ALEN);
}

/* The address as a number, first byte in bits 40-47, and back. */
static inline u64 ether_addr_to_u64(const u8 *addr)
{
	u64 u = 0;

	for (int i = 0; i < ETH_ALEN; i++)
		u = u << 8 | addr[i];
	return u;
}

static inline void u64_to_ether_addr(u64 u, u8 *addr)
{
	for (int i = ETH_ALEN - 1; i >= 0; i--, u >>= 8)
		addr[i] = (u8)u;
}

static inline void ether_addr_copy(u8 *dst, const u8 *src)
{
	memcpy(dst, src, ETH_ALEN);
}

static inline void eth_zero_addr(u8 *addr)
{
	memset(addr, 0, ETH_ALEN);
}

static inline void eth_broadcast_addr(u8 *addr)
{
	memset(addr, 0xff, ETH_ALEN);
}

/* A random, locally administered unicast address. */
static inline void eth_random_addr(u8 *addr)
{
	get_random_bytes(addr, ETH_ALEN);
	addr[0] &= 0xfe;
	addr[0] |= 0x02;
}

static inline void eth_hw_addr_set(struct net_device *dev, const u8 *addr)
{
	dev_addr_set(dev, addr);
}

static inline void eth_hw_addr_random(struct net_device *dev)
{
	u8 addr[ETH_ALEN];

	eth_random_addr(addr);
	eth_hw_addr_set(dev, addr);
}

/* Pads a short frame to the Ethernet minimum; frees skb on failure. */
static inline int eth_skb_pad(struct sk_buff *skb)
{
	return skb_put_padto(skb, ETH_ZLEN);
}

#endif /* _LINUX_ETHERDEVICE_H */
