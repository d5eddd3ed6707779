// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * net/ethtool.c - ethtool helpers drivers call, and 'uldd stats': the
 * host's ethtool only sees a TAP, so the running uldd answers for the
 * driver (uldd_net_report, asked over the control socket).
 */
#include <linux/ethtool.h>
#include <linux/net_tstamp.h>
#include <linux/netdevice.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>

#include "../entry.h"
#include "../kernel/irq/irq.h"
#include "net.h"

void ethtool_convert_legacy_u32_to_link_mode(unsigned long *dst, u32 legacy_u32)
{
	bitmap_zero(dst, __ETHTOOL_LINK_MODE_MASK_NBITS);
	dst[0] = legacy_u32;
}

bool ethtool_convert_link_mode_to_legacy_u32(u32 *legacy_u32, const unsigned long *src)
{
	bool fits = !(src[0] >> 31 >> 1);

	for (unsigned int i = 1; i < BITS_TO_LONGS(__ETHTOOL_LINK_MODE_MASK_NBITS); i++)
		fits = fits && !src[i];
	*legacy_u32 = (u32)src[0];
	return fits;
}

void ethtool_sprintf(u8 **data, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vsnprintf((char *)*data, ETH_GSTRING_LEN, fmt, args);
	va_end(args);
	*data += ETH_GSTRING_LEN;
}

void ethtool_puts(u8 **data, const char *str)
{
	strscpy((char *)*data, str, ETH_GSTRING_LEN);
	*data += ETH_GSTRING_LEN;
}

u32 ethtool_op_get_link(struct net_device *dev)
{
	return netif_carrier_ok(dev);
}

/* Software time stamps only. */
int ethtool_op_get_ts_info(struct net_device *dev, struct kernel_ethtool_ts_info *info)
{
	(void)dev;
	info->so_timestamping = SOF_TIMESTAMPING_TX_SOFTWARE | SOF_TIMESTAMPING_RX_SOFTWARE |
				SOF_TIMESTAMPING_SOFTWARE;
	info->phc_index = -1;
	return 0;
}

struct report {
	char *buf;
	unsigned long len;
	unsigned long used;
};

static __printf(2, 3) void report(struct report *r, const char *fmt, ...)
{
	va_list args;
	int n;

	if (r->used + 1 >= r->len)
		return;
	va_start(args, fmt);
	n = vsnprintf(r->buf + r->used, r->len - r->used, fmt, args);
	va_end(args);
	r->used = min(r->used + (unsigned long)n, r->len - 1);
}

static const char *duplex_name(u8 duplex)
{
	return duplex == DUPLEX_FULL ? "full" : duplex == DUPLEX_HALF ? "half" : "unknown";
}

static void report_link(struct report *r, struct net_device *dev)
{
	const struct ethtool_ops *ops = dev->ethtool_ops;
	struct ethtool_link_ksettings ks;

	report(r, "link: %s\n",
	       (ops && ops->get_link ? ops->get_link(dev) : netif_carrier_ok(dev)) ? "yes" : "no");
	if (!ops || !ops->get_link_ksettings)
		return;
	memset(&ks, 0, sizeof(ks));
	if (ops->get_link_ksettings(dev, &ks))
		return;
	if ((int)ks.base.speed == SPEED_UNKNOWN)
		report(r, "speed: unknown\n");
	else
		report(r, "speed: %uMb/s\n", ks.base.speed);
	report(r, "duplex: %s\nautoneg: %s\n", duplex_name(ks.base.duplex),
	       ks.base.autoneg == AUTONEG_ENABLE ? "on" : "off");
}

static void report_rings(struct report *r, struct net_device *dev)
{
	const struct ethtool_ops *ops = dev->ethtool_ops;
	struct kernel_ethtool_ringparam kring;
	struct ethtool_ringparam ring;

	if (!ops || !ops->get_ringparam)
		return;
	memset(&ring, 0, sizeof(ring));
	memset(&kring, 0, sizeof(kring));
	ops->get_ringparam(dev, &ring, &kring, NULL);
	report(r, "rx-ring: %u (max %u)\ntx-ring: %u (max %u)\n", ring.rx_pending,
	       ring.rx_max_pending, ring.tx_pending, ring.tx_max_pending);
}

/* The queues the stack sees, and the driver's own channel count. */
static void report_channels(struct report *r, struct net_device *dev)
{
	const struct ethtool_ops *ops = dev->ethtool_ops;
	struct ethtool_channels ch;

	report(r, "queues: %u tx, %u rx\n", dev->real_num_tx_queues, dev->real_num_rx_queues);
	if (!ops || !ops->get_channels)
		return;
	memset(&ch, 0, sizeof(ch));
	ops->get_channels(dev, &ch);
	report(r, "channels: %u rx, %u tx, %u other, %u combined\n", ch.rx_count, ch.tx_count,
	       ch.other_count, ch.combined_count);
}

/*
 * The shim's side of the data path: the interrupt lines and the NAPI
 * instances, so a stalled queue shows whether the line waits masked, a
 * poll is scheduled, or nothing is pending at all.
 */
static void report_irqs_napi(struct report *r, struct net_device *dev)
{
	struct napi_struct *napi;
	unsigned int i = 0;

	if (r->used + 1 < r->len)
		r->used += uldd_irq_show(r->buf + r->used, r->len - r->used);
	list_for_each_entry(napi, &dev->napi_list, dev_list) {
		unsigned long state = READ_ONCE(napi->state);

		report(r, "napi %u: weight %d%s%s%s\n", i++, napi->weight,
		       state & BIT(NAPI_STATE_SCHED) ? ", scheduled" : "",
		       state & BIT(NAPI_STATE_MISSED) ? ", missed" : "",
		       state & BIT(NAPI_STATE_DISABLE) ? ", disabled" : "");
	}
}

static void report_stats(struct report *r, struct net_device *dev)
{
	const struct ethtool_ops *ops = dev->ethtool_ops;
	struct ethtool_stats stats;
	u64 *data;
	u8 *names;
	int n;

	if (!ops || !ops->get_sset_count || !ops->get_strings || !ops->get_ethtool_stats)
		return;
	n = ops->get_sset_count(dev, ETH_SS_STATS);
	if (n <= 0)
		return;
	names = kcalloc(n, ETH_GSTRING_LEN, GFP_KERNEL);
	data = kcalloc(n, sizeof(*data), GFP_KERNEL);
	if (names && data) {
		stats.cmd = 0;
		stats.n_stats = (u32)n;
		ops->get_strings(dev, ETH_SS_STATS, names);
		ops->get_ethtool_stats(dev, &stats, data);
		for (int i = 0; i < n; i++)
			report(r, "%.*s: %llu\n", ETH_GSTRING_LEN, names + i * ETH_GSTRING_LEN,
			       (unsigned long long)data[i]);
	}
	kfree(names);
	kfree(data);
}

long uldd_net_report(const char *ifname, char *buf, unsigned long len)
{
	struct report r = { buf, len, 0 };
	struct ethtool_drvinfo info;
	struct net_device *dev = NULL;
	struct netdev_queue *txq;
	struct uldd_netdev *un;

	if (!len)
		return -EINVAL;
	buf[0] = '\0';
	uldd_enter("uldd-stats");
	rtnl_lock();
	list_for_each_entry(un, &uldd_net_devices, node)
		if (!strcmp(un->dev->name, ifname))
			dev = un->dev;
	if (!dev) {
		rtnl_unlock();
		uldd_exit();
		return -ENODEV;
	}
	un = dev->uldd;
	memset(&info, 0, sizeof(info));
	if (dev->ethtool_ops && dev->ethtool_ops->get_drvinfo)
		dev->ethtool_ops->get_drvinfo(dev, &info);
	report(&r, "interface: %s\ndriver: %s\nversion: %s\nfirmware-version: %s\nbus-info: %s\n",
	       dev->name, info.driver, info.version, info.fw_version, info.bus_info);
	report(&r, "mac: %pM\nmtu: %u (%u..%u)\nup: %s\n", dev->dev_addr, dev->mtu, dev->min_mtu,
	       dev->max_mtu, netif_running(dev) ? "yes" : "no");
	report_link(&r, dev);
	report_rings(&r, dev);
	report_channels(&r, dev);
	txq = netdev_get_tx_queue(dev, 0);
	report(&r, "queue: %s, %u bytes in flight of %u\n",
	       netif_xmit_stopped(txq) ? "stopped" : "running", READ_ONCE(txq->bql_inflight),
	       txq->bql_limit);
	report(&r, "uldd_frames_from_host: %ld\nuldd_frames_to_host: %ld\n",
	       atomic_long_read(&un->from_host), atomic_long_read(&un->to_host));
	report(&r, "uldd_merged_to_host: %ld\n", atomic_long_read(&un->to_host_merged));
	report(&r, "uldd_dropped_from_host: %ld\nuldd_dropped_to_host: %ld\n",
	       atomic_long_read(&un->from_host_dropped), atomic_long_read(&un->to_host_dropped));
	report(&r, "uldd_gso_from_host: %ld\nuldd_bad_vnet_from_host: %ld\n",
	       atomic_long_read(&un->from_host_gso), atomic_long_read(&un->from_host_bad_vnet));
	for (unsigned int i = 0; i < min(dev->real_num_tx_queues, ULDD_NET_TXQ_STATS); i++)
		report(&r, "uldd_frames_from_host_txq%u: %lu\n", i, READ_ONCE(un->to_txq[i]));
	report_irqs_napi(&r, dev);
	report_stats(&r, dev);
	rtnl_unlock();
	uldd_exit();
	return (long)r.used;
}
