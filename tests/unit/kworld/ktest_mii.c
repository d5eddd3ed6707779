// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ktest_mii.c - the MII library (shim/drivers/net/mii.c) against a PHY
 * simulated here (registers, the latched-low link bit, the autonegotiation
 * result), and the small helpers the Realtek drivers brought: u64_stats,
 * printk_once and an unsigned variable as an int module parameter; then
 * e100's legacy ethtool_cmd forms of the library and tulip's
 * devm_alloc_etherdev. test_net.c runs the table ("mii"). Their
 * vlan_features_check, skb_copy_and_csum_dev and netdev_stats_to_stats64
 * are conformance cases (tests/conform/skb.c), proven on Linux too.
 */
#include <linux/etherdevice.h>
#include <linux/export.h>
#include <linux/if_vlan.h>
#include <linux/interrupt.h>
#include <linux/ip.h>
#include <linux/mii.h>
#include <linux/moduleparam.h>
#include <linux/netdevice.h>
#include <linux/printk.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/sockios.h>
#include <linux/string.h>
#include <linux/u64_stats_sync.h>
#include <linux/udp.h>
#include <net/checksum.h>

#include "../../../shim/drivers/base/base.h"
#include "../../../shim/entry.h"
#include "ktest.h"

/*
 * A clause 22 PHY at address 1: BMSR's link bit reads 0 once after a
 * drop (latched low), whatever the link is now; writes are logged.
 */
static struct {
	u16 reg[32];
	bool link;
	bool dropped;
	unsigned int writes;
	int last_write_reg;
} phy;

static int phy_read(struct net_device *dev __always_unused, int phy_id, int reg)
{
	u16 val;

	if (phy_id != 1)
		return 0xffff;
	val = phy.reg[reg & 31];
	if (reg == MII_BMSR) {
		val &= ~BMSR_LSTATUS;
		if (phy.link && !phy.dropped)
			val |= BMSR_LSTATUS;
		phy.dropped = false;
	}
	return val;
}

static void phy_write(struct net_device *dev __always_unused, int phy_id, int reg, int val)
{
	if (phy_id != 1)
		return;
	phy.reg[reg & 31] = val & ~(reg == MII_BMCR ? BMCR_ANRESTART : 0);
	phy.writes++;
	phy.last_write_reg = reg;
}

static void phy_reset(bool link, u16 lpa)
{
	memset(&phy, 0, sizeof(phy));
	phy.link = link;
	phy.reg[MII_BMCR] = BMCR_ANENABLE | BMCR_SPEED100 | BMCR_FULLDPLX;
	phy.reg[MII_BMSR] = BMSR_100FULL | BMSR_100HALF | BMSR_10FULL | BMSR_10HALF |
			    BMSR_ANEGCAPABLE | BMSR_ANEGCOMPLETE;
	phy.reg[MII_ADVERTISE] = ADVERTISE_ALL | ADVERTISE_CSMA;
	phy.reg[MII_LPA] = lpa;
}

static struct net_device *mii_netdev(struct mii_if_info *mii)
{
	struct net_device *dev = alloc_etherdev(0);

	memset(mii, 0, sizeof(*mii));
	if (!dev)
		return NULL;
	mii->dev = dev;
	mii->phy_id = 1;
	mii->phy_id_mask = 0x1f;
	mii->reg_num_mask = 0x1f;
	mii->mdio_read = phy_read;
	mii->mdio_write = phy_write;
	return dev;
}

static int case_link_ok_reads_past_the_latch(void)
{
	struct mii_if_info mii;
	struct net_device *dev = mii_netdev(&mii);

	KCHECK(dev);
	phy_reset(true, 0);
	phy.dropped = true;
	KCHECK(mii_link_ok(&mii) == 1);
	phy.link = false;
	KCHECK(mii_link_ok(&mii) == 0);
	free_netdev(dev);
	return 0;
}

static int case_nway_restart(void)
{
	struct mii_if_info mii;
	struct net_device *dev = mii_netdev(&mii);

	KCHECK(dev);
	phy_reset(true, 0);
	KCHECK(mii_nway_restart(&mii) == 0);
	KCHECK(phy.writes == 1 && phy.last_write_reg == MII_BMCR);
	phy.reg[MII_BMCR] &= ~BMCR_ANENABLE;
	KCHECK(mii_nway_restart(&mii) == -EINVAL && phy.writes == 1);
	free_netdev(dev);
	return 0;
}

/* Carrier follows the PHY; 1 only when the resolved duplex changed (or init). */
static int case_check_media(void)
{
	struct mii_if_info mii;
	struct net_device *dev = mii_netdev(&mii);

	KCHECK(dev);
	phy_reset(true, LPA_100FULL | LPA_100HALF | LPA_LPACK);
	netif_carrier_off(dev);
	KCHECK(mii_check_media(&mii, 0, 1) == 1);
	KCHECK(netif_carrier_ok(dev) && mii.full_duplex == 1);
	KCHECK(mii.advertising == (ADVERTISE_ALL | ADVERTISE_CSMA));
	KCHECK(mii_check_media(&mii, 0, 0) == 0);
	phy.link = false;
	KCHECK(mii_check_media(&mii, 1, 0) == 0 && !netif_carrier_ok(dev));
	/* Back up at 100 half: the duplex changed. */
	phy.link = true;
	phy.reg[MII_LPA] = LPA_100HALF | LPA_10FULL;
	KCHECK(mii_check_media(&mii, 1, 0) == 1 && netif_carrier_ok(dev));
	KCHECK(mii.full_duplex == 0);
	/* A forced medium is left alone, carrier included. */
	phy.link = false;
	mii.force_media = 1;
	KCHECK(mii_check_media(&mii, 0, 1) == 0 && netif_carrier_ok(dev));
	mii.force_media = 0;
	mii_check_link(&mii);
	KCHECK(!netif_carrier_ok(dev));
	free_netdev(dev);
	return 0;
}

static int case_get_link_ksettings(void)
{
	struct ethtool_link_ksettings ks;
	struct mii_if_info mii;
	struct net_device *dev = mii_netdev(&mii);
	u32 adv, lp;

	KCHECK(dev);
	phy_reset(true, LPA_100HALF | LPA_10FULL | LPA_LPACK);
	memset(&ks, 0, sizeof(ks));
	mii_ethtool_get_link_ksettings(&mii, &ks);
	KCHECK(ks.base.autoneg == AUTONEG_ENABLE && ks.base.port == PORT_MII);
	KCHECK(ks.base.phy_address == 1);
	/* Both offer 100 half and 10 full: the faster wins. */
	KCHECK(ks.base.speed == SPEED_100 && ks.base.duplex == DUPLEX_HALF);
	ethtool_convert_link_mode_to_legacy_u32(&adv, ks.link_modes.advertising);
	ethtool_convert_link_mode_to_legacy_u32(&lp, ks.link_modes.lp_advertising);
	KCHECK(adv & ADVERTISED_Autoneg && adv & ADVERTISED_100baseT_Full);
	KCHECK(lp == (ADVERTISED_100baseT_Half | ADVERTISED_10baseT_Full | ADVERTISED_Autoneg));
	KCHECK(ethtool_link_ksettings_test_link_mode(&ks, supported, 100baseT_Full));
	KCHECK(!ethtool_link_ksettings_test_link_mode(&ks, supported, 1000baseT_Full));
	/* Forced: BMCR says it. */
	phy.reg[MII_BMCR] = BMCR_FULLDPLX;
	mii_ethtool_get_link_ksettings(&mii, &ks);
	KCHECK(ks.base.autoneg == AUTONEG_DISABLE && ks.base.speed == SPEED_10);
	KCHECK(ks.base.duplex == DUPLEX_FULL && mii.full_duplex == 1);
	free_netdev(dev);
	return 0;
}

static int case_set_link_ksettings(void)
{
	struct ethtool_link_ksettings ks;
	struct mii_if_info mii;
	struct net_device *dev = mii_netdev(&mii);

	KCHECK(dev);
	phy_reset(true, 0);
	memset(&ks, 0, sizeof(ks));
	ks.base.port = PORT_MII;
	ks.base.phy_address = 1;
	ks.base.speed = SPEED_1000;
	ks.base.duplex = DUPLEX_FULL;
	ks.base.autoneg = AUTONEG_DISABLE;
	/* What the PHY cannot do, or another PHY: refused, nothing written. */
	KCHECK(mii_ethtool_set_link_ksettings(&mii, &ks) == -EINVAL);
	ks.base.speed = SPEED_10;
	ks.base.phy_address = 2;
	KCHECK(mii_ethtool_set_link_ksettings(&mii, &ks) == -EINVAL);
	ks.base.phy_address = 1;
	ks.base.port = PORT_TP;
	KCHECK(mii_ethtool_set_link_ksettings(&mii, &ks) == -EINVAL && phy.writes == 0);
	ks.base.port = PORT_MII;
	/* Forced 10 full. */
	KCHECK(mii_ethtool_set_link_ksettings(&mii, &ks) == 0);
	KCHECK(phy.reg[MII_BMCR] == BMCR_FULLDPLX && mii.force_media && mii.full_duplex);
	/* Autonegotiation, 10 half only: nothing but that in register 4. */
	ks.base.autoneg = AUTONEG_ENABLE;
	ethtool_link_ksettings_add_link_mode(&ks, advertising, 10baseT_Half);
	KCHECK(mii_ethtool_set_link_ksettings(&mii, &ks) == 0);
	KCHECK(phy.reg[MII_ADVERTISE] == (ADVERTISE_10HALF | ADVERTISE_CSMA));
	KCHECK(mii.advertising == (ADVERTISE_10HALF | ADVERTISE_CSMA));
	KCHECK(phy.reg[MII_BMCR] & BMCR_ANENABLE && !mii.force_media);
	/* Autonegotiation with no 10/100 mode to offer. */
	ethtool_link_ksettings_zero_link_mode(&ks, advertising);
	ethtool_link_ksettings_add_link_mode(&ks, advertising, 1000baseT_Full);
	KCHECK(mii_ethtool_set_link_ksettings(&mii, &ks) == -EINVAL);
	free_netdev(dev);
	return 0;
}

/* The legacy ethtool_cmd views agree with the link_ksettings ones. */
static int case_ethtool_gset_sset(void)
{
	struct ethtool_cmd ec;
	struct mii_if_info mii;
	struct net_device *dev = mii_netdev(&mii);

	KCHECK(dev);
	phy_reset(true, LPA_100FULL | LPA_100HALF | LPA_LPACK);
	memset(&ec, 0xa5, sizeof(ec));
	mii_ethtool_gset(&mii, &ec);
	KCHECK(ec.autoneg == AUTONEG_ENABLE && ec.port == PORT_MII && ec.phy_address == 1);
	KCHECK(ethtool_cmd_speed(&ec) == SPEED_100 && ec.duplex == DUPLEX_FULL);
	KCHECK(ec.transceiver == XCVR_INTERNAL && ec.maxtxpkt == 0 && ec.maxrxpkt == 0);
	KCHECK(ec.supported & SUPPORTED_100baseT_Full &&
	       !(ec.supported & SUPPORTED_1000baseT_Full));
	KCHECK(ec.advertising & ADVERTISED_Autoneg && ec.advertising & ADVERTISED_10baseT_Half);
	KCHECK(ec.lp_advertising ==
	       (ADVERTISED_100baseT_Full | ADVERTISED_100baseT_Half | ADVERTISED_Autoneg));

	/* Forced 10 half through the legacy form; a bad transceiver writes nothing. */
	ec.autoneg = AUTONEG_DISABLE;
	ethtool_cmd_speed_set(&ec, SPEED_10);
	ec.duplex = DUPLEX_HALF;
	ec.transceiver = 7;
	phy.writes = 0;
	KCHECK(mii_ethtool_sset(&mii, &ec) == -EINVAL && phy.writes == 0);
	ec.transceiver = XCVR_EXTERNAL;
	ec.phy_address = 3;
	KCHECK(mii_ethtool_sset(&mii, &ec) == -EINVAL && phy.writes == 0);
	ec.phy_address = 1;
	KCHECK(mii_ethtool_sset(&mii, &ec) == 0);
	KCHECK(phy.reg[MII_BMCR] == 0 && mii.force_media && !mii.full_duplex);
	mii_ethtool_gset(&mii, &ec);
	KCHECK(ec.autoneg == AUTONEG_DISABLE && ethtool_cmd_speed(&ec) == SPEED_10);
	KCHECK(ec.duplex == DUPLEX_HALF);

	/* Back to autonegotiation, 100 full only. */
	ec.autoneg = AUTONEG_ENABLE;
	ec.advertising = ADVERTISED_100baseT_Full;
	KCHECK(mii_ethtool_sset(&mii, &ec) == 0);
	KCHECK(phy.reg[MII_ADVERTISE] == (ADVERTISE_100FULL | ADVERTISE_CSMA));
	KCHECK(phy.reg[MII_BMCR] & BMCR_ANENABLE && !mii.force_media);
	free_netdev(dev);
	return 0;
}

static int case_generic_ioctl(void)
{
	struct mii_ioctl_data d = { .phy_id = 7, .reg_num = MII_LPA };
	struct mii_if_info mii;
	struct net_device *dev = mii_netdev(&mii);
	unsigned int changed = 0;

	KCHECK(dev);
	phy_reset(true, LPA_100FULL);
	KCHECK(generic_mii_ioctl(&mii, &d, SIOCGMIIPHY, &changed) == 0);
	KCHECK(d.phy_id == 1 && d.val_out == LPA_100FULL && !changed);
	/* Forcing full duplex through BMCR: the library follows, the driver is told. */
	d.reg_num = MII_BMCR;
	d.val_in = BMCR_FULLDPLX | BMCR_SPEED100;
	KCHECK(generic_mii_ioctl(&mii, &d, SIOCSMIIREG, &changed) == 0);
	KCHECK(changed == 1 && mii.force_media && mii.full_duplex);
	KCHECK(phy.reg[MII_BMCR] == (BMCR_FULLDPLX | BMCR_SPEED100));
	d.reg_num = MII_ADVERTISE;
	d.val_in = ADVERTISE_10HALF | ADVERTISE_CSMA;
	KCHECK(generic_mii_ioctl(&mii, &d, SIOCSMIIREG, NULL) == 0);
	KCHECK(mii.advertising == (ADVERTISE_10HALF | ADVERTISE_CSMA));
	d.reg_num = 33; /* masked to register 1 */
	KCHECK(generic_mii_ioctl(&mii, &d, SIOCGMIIREG, NULL) == 0 && d.reg_num == 1);
	KCHECK(generic_mii_ioctl(&mii, &d, SIOCDEVPRIVATE, NULL) == -EOPNOTSUPP);
	free_netdev(dev);
	return 0;
}

static int case_nway_result(void)
{
	KCHECK(mii_nway_result(LPA_100FULL | LPA_100HALF) == LPA_100FULL);
	KCHECK(mii_nway_result(LPA_100BASE4 | LPA_100HALF | LPA_10FULL) == LPA_100BASE4);
	KCHECK(mii_nway_result(LPA_100HALF | LPA_10FULL) == LPA_100HALF);
	KCHECK(mii_nway_result(0) == LPA_10HALF);
	KCHECK(mii_duplex(0, LPA_10FULL) == 1 && mii_duplex(0, LPA_100HALF | LPA_10FULL) == 0);
	KCHECK(mii_duplex(1, 0) == 1);
	return 0;
}

static int case_u64_stats(void)
{
	struct {
		struct u64_stats_sync syncp;
		u64 packets;
		u64_stats_t bytes;
	} st;
	unsigned int start, loops = 0;
	u64 p, b;

	u64_stats_init(&st.syncp);
	st.packets = 0;
	u64_stats_set(&st.bytes, 0);
	u64_stats_update_begin(&st.syncp);
	st.packets++;
	u64_stats_add(&st.bytes, 1500);
	u64_stats_inc(&st.bytes);
	u64_stats_update_end(&st.syncp);
	do {
		start = u64_stats_fetch_begin_irq(&st.syncp);
		p = st.packets;
		b = u64_stats_read(&st.bytes);
		loops++;
	} while (u64_stats_fetch_retry_irq(&st.syncp, start));
	KCHECK(p == 1 && b == 1501 && loops == 1);
	start = u64_stats_fetch_begin(&st.syncp);
	KCHECK(!u64_stats_fetch_retry(&st.syncp, start));
	return 0;
}

static int once_calls(void)
{
	return pr_info_once("ktest_mii: printed once\n");
}

/*
 * What the 8390 library and pcnet32 brought: an export is a declaration
 * (the symbol is already in the one .so), autoprobing never finds a line
 * (every line belongs to a VFIO device, numbered before probe), and no
 * PHY defers a received skb for its time stamp.
 */
int ktest_mii_exported(int x);
int ktest_mii_exported(int x)
{
	return x + 1;
}
EXPORT_SYMBOL(ktest_mii_exported);
EXPORT_SYMBOL_GPL(ktest_mii_exported);

static int case_old_driver_helpers(void)
{
	unsigned long mask = probe_irq_on();
	struct sk_buff *skb = alloc_skb(64, GFP_KERNEL);
	ulong ul = ~0UL;
	uint64_t u64v = ~0ULL;

	KCHECK(mask == 0 && probe_irq_off(mask) == 0 && probe_irq_mask(mask) == 0);
	KCHECK(skb && !skb_defer_rx_timestamp(skb));
	kfree_skb(skb);
	KCHECK(ktest_mii_exported(1) == 2);
	KCHECK(sizeof(ul) == sizeof(long) && sizeof(u64v) == 8 && sizeof(uint) == 4);
	return 0;
}

static int case_printk_once(void)
{
	KCHECK(once_calls() == 1);
	KCHECK(once_calls() == 0 && once_calls() == 0);
	return 0;
}

/* As 8139too-era drivers do: an unsigned variable under an int parameter. */
static unsigned int ktest_mii_unsigned = 3;
module_param(ktest_mii_unsigned, int, 0);

static int case_unsigned_int_param(void)
{
	char msg[80];

	KCHECK(uldd_param_set("ktest_mii_unsigned", "-1", msg, sizeof(msg)) == 0);
	KCHECK(ktest_mii_unsigned == 0xffffffffu);
	KCHECK(uldd_param_set("ktest_mii_unsigned", "12", msg, sizeof(msg)) == 0);
	KCHECK(ktest_mii_unsigned == 12);
	return 0;
}

/* The legacy view agrees with the link_ksettings one, bit for bit. */
static int case_ethtool_gset(void)
{
	struct ethtool_link_ksettings ks;
	struct ethtool_cmd ecmd;
	struct mii_if_info mii;
	struct net_device *dev = mii_netdev(&mii);
	u32 adv, lp, sup;

	KCHECK(dev);
	phy_reset(true, LPA_100FULL | LPA_100HALF | LPA_LPACK);
	memset(&ks, 0, sizeof(ks));
	mii_ethtool_get_link_ksettings(&mii, &ks);
	memset(&ecmd, 0xa5, sizeof(ecmd));
	mii_ethtool_gset(&mii, &ecmd);
	KCHECK(ethtool_cmd_speed(&ecmd) == SPEED_100 && ecmd.duplex == DUPLEX_FULL);
	KCHECK(ecmd.autoneg == AUTONEG_ENABLE && ecmd.port == PORT_MII);
	KCHECK(ecmd.phy_address == 1 && ecmd.transceiver == XCVR_INTERNAL);
	ethtool_convert_link_mode_to_legacy_u32(&sup, ks.link_modes.supported);
	ethtool_convert_link_mode_to_legacy_u32(&adv, ks.link_modes.advertising);
	ethtool_convert_link_mode_to_legacy_u32(&lp, ks.link_modes.lp_advertising);
	KCHECK(ecmd.supported == sup && ecmd.advertising == adv && ecmd.lp_advertising == lp);
	KCHECK(ecmd.lp_advertising & ADVERTISED_100baseT_Full);
	KCHECK(!(ecmd.supported & SUPPORTED_1000baseT_Full) && mii.full_duplex);
	free_netdev(dev);
	return 0;
}

static int case_ethtool_sset(void)
{
	struct ethtool_cmd ecmd;
	struct mii_if_info mii;
	struct net_device *dev = mii_netdev(&mii);

	KCHECK(dev);
	phy_reset(true, 0);
	memset(&ecmd, 0, sizeof(ecmd));
	ecmd.port = PORT_MII;
	ecmd.phy_address = 1;
	ecmd.transceiver = XCVR_INTERNAL;
	ecmd.autoneg = AUTONEG_DISABLE;
	ecmd.duplex = DUPLEX_HALF;
	ethtool_cmd_speed_set(&ecmd, SPEED_1000);
	/* No gigabit on this PHY; an unknown transceiver: nothing written. */
	KCHECK(mii_ethtool_sset(&mii, &ecmd) == -EINVAL);
	ethtool_cmd_speed_set(&ecmd, SPEED_100);
	ecmd.transceiver = 7;
	KCHECK(mii_ethtool_sset(&mii, &ecmd) == -EINVAL && phy.writes == 0);
	/* Forced 100 half, through the external transceiver's value too. */
	ecmd.transceiver = XCVR_EXTERNAL;
	KCHECK(mii_ethtool_sset(&mii, &ecmd) == 0);
	KCHECK(phy.reg[MII_BMCR] == BMCR_SPEED100 && mii.force_media && !mii.full_duplex);
	/* Autonegotiation offering 100 full and 10 half only. */
	ecmd.autoneg = AUTONEG_ENABLE;
	ecmd.advertising = ADVERTISED_100baseT_Full | ADVERTISED_10baseT_Half;
	KCHECK(mii_ethtool_sset(&mii, &ecmd) == 0);
	KCHECK(phy.reg[MII_ADVERTISE] == (ADVERTISE_100FULL | ADVERTISE_10HALF | ADVERTISE_CSMA));
	KCHECK(phy.reg[MII_BMCR] & BMCR_ANENABLE && !mii.force_media);
	free_netdev(dev);
	return 0;
}

/* The net_device lives until the device's resources go, not longer. */
static int case_devm_alloc_etherdev(void)
{
	struct device *parent = kzalloc(sizeof(*parent), GFP_KERNEL);
	struct net_device *dev;

	KCHECK(parent);
	parent->init_name = "ktest-devm-netdev";
	dev = devm_alloc_etherdev(parent, 64);
	KCHECK(dev && netdev_priv(dev) && dev->addr_len == ETH_ALEN);
	KCHECK(dev->mtu == ETH_DATA_LEN && !list_empty(&parent->devres_head));
	uldd_devres_release_all(parent);
	KCHECK(list_empty(&parent->devres_head));
	kfree(parent);
	return 0;
}

static const struct ktest_check mii_cases[] = {
	{ "link_ok_reads_past_the_latch", case_link_ok_reads_past_the_latch },
	{ "nway_restart", case_nway_restart },
	{ "check_media", case_check_media },
	{ "get_link_ksettings", case_get_link_ksettings },
	{ "set_link_ksettings", case_set_link_ksettings },
	{ "ethtool_gset_sset", case_ethtool_gset_sset },
	{ "generic_ioctl", case_generic_ioctl },
	{ "nway_result", case_nway_result },
	{ "u64_stats", case_u64_stats },
	{ "old_driver_helpers", case_old_driver_helpers },
	{ "printk_once", case_printk_once },
	{ "unsigned_int_param", case_unsigned_int_param },
	{ "ethtool_gset", case_ethtool_gset },
	{ "ethtool_sset", case_ethtool_sset },
	{ "devm_alloc_etherdev", case_devm_alloc_etherdev },
};

int KTEST(ktest_mii_case)(unsigned int i, const char **name, int run)
{
	int ret;

	if (i >= ARRAY_SIZE(mii_cases))
		return -1;
	*name = mii_cases[i].name;
	if (!run)
		return 0;
	uldd_enter("miicase");
	ret = mii_cases[i].run();
	uldd_exit();
	return ret;
}
