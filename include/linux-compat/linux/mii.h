/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * mii.h - IEEE 802.3 clause 22 PHY registers, the MII ioctl's data, and
 * the generic MII library (drivers/net/mii.c's API, shim/net/mii.c) that
 * older 10/100 drivers use through struct mii_if_info. Register numbers
 * and bits are the standard's.
 */
#ifndef _LINUX_MII_H
#define _LINUX_MII_H

#include <linux/ethtool.h>
#include <linux/if.h>
#include <linux/sockios.h>
#include <linux/types.h>

#define MII_BMCR 0x00
#define MII_BMSR 0x01
#define MII_PHYSID1 0x02
#define MII_PHYSID2 0x03
#define MII_ADVERTISE 0x04
#define MII_LPA 0x05
#define MII_EXPANSION 0x06
#define MII_CTRL1000 0x09
#define MII_STAT1000 0x0a
#define MII_ESTATUS 0x0f
/* Vendor registers of the early 10/100 PHYs (National DP83840 and kin). */
#define MII_DCOUNTER 0x12
#define MII_FCSCOUNTER 0x13
#define MII_NWAYTEST 0x14
#define MII_RERRCOUNTER 0x15
#define MII_SREVISION 0x16
#define MII_RESV1 0x17
#define MII_LBRERROR 0x18
#define MII_PHYADDR 0x19
#define MII_RESV2 0x1a
#define MII_TPISTATUS 0x1b
#define MII_NCONFIG 0x1c

#define BMCR_SPEED1000 0x0040
#define BMCR_CTST 0x0080
#define BMCR_FULLDPLX 0x0100
#define BMCR_ANRESTART 0x0200
#define BMCR_ISOLATE 0x0400
#define BMCR_PDOWN 0x0800
#define BMCR_ANENABLE 0x1000
#define BMCR_SPEED100 0x2000
#define BMCR_LOOPBACK 0x4000
#define BMCR_RESET 0x8000

#define BMSR_ERCAP 0x0001
#define BMSR_JCD 0x0002
#define BMSR_LSTATUS 0x0004
#define BMSR_ANEGCAPABLE 0x0008
#define BMSR_RFAULT 0x0010
#define BMSR_ANEGCOMPLETE 0x0020
#define BMSR_ESTATEN 0x0100
#define BMSR_10HALF 0x0800
#define BMSR_10FULL 0x1000
#define BMSR_100HALF 0x2000
#define BMSR_100FULL 0x4000
#define BMSR_100BASE4 0x8000

/* Advertisement (4) and link partner ability (5): the technology fields. */
#define ADVERTISE_SLCT 0x001f
#define ADVERTISE_CSMA 0x0001
#define ADVERTISE_10HALF 0x0020
#define ADVERTISE_10FULL 0x0040
#define ADVERTISE_100HALF 0x0080
#define ADVERTISE_100FULL 0x0100
#define ADVERTISE_100BASE4 0x0200
#define ADVERTISE_PAUSE_CAP 0x0400
#define ADVERTISE_PAUSE_ASYM 0x0800
#define ADVERTISE_RFAULT 0x2000
#define ADVERTISE_LPACK 0x4000
#define ADVERTISE_NPAGE 0x8000
#define ADVERTISE_FULL (ADVERTISE_100FULL | ADVERTISE_10FULL | ADVERTISE_CSMA)
#define ADVERTISE_ALL (ADVERTISE_10HALF | ADVERTISE_10FULL | ADVERTISE_100HALF | ADVERTISE_100FULL)

#define LPA_SLCT 0x001f
#define LPA_10HALF 0x0020
#define LPA_10FULL 0x0040
#define LPA_100HALF 0x0080
#define LPA_100FULL 0x0100
#define LPA_100BASE4 0x0200
#define LPA_PAUSE_CAP 0x0400
#define LPA_PAUSE_ASYM 0x0800
#define LPA_RFAULT 0x2000
#define LPA_LPACK 0x4000
#define LPA_NPAGE 0x8000
#define LPA_DUPLEX (LPA_10FULL | LPA_100FULL)
#define LPA_100 (LPA_100FULL | LPA_100HALF | LPA_100BASE4)

/* 1000BASE-T control (9) and status (10). */
#define ADVERTISE_1000HALF 0x0100
#define ADVERTISE_1000FULL 0x0200
#define CTL1000_AS_MASTER 0x0800
#define CTL1000_ENABLE_MASTER 0x1000
#define LPA_1000HALF 0x0400
#define LPA_1000FULL 0x0800
#define LPA_1000REMRXOK 0x1000
#define LPA_1000LOCALRXOK 0x2000
#define ESTATUS_1000_THALF 0x1000
#define ESTATUS_1000_TFULL 0x2000

/* Auto-negotiation expansion (6). */
#define EXPANSION_NWAY 0x0001
#define EXPANSION_ENABLENPAGE 0x0004

struct mii_ioctl_data {
	u16 phy_id;
	u16 reg_num;
	u16 val_in;
	u16 val_out;
};

static inline struct mii_ioctl_data *if_mii(struct ifreq *rq)
{
	return (struct mii_ioctl_data *)&rq->ifr_ifru;
}

/*
 * A driver's PHY as the MII library sees it: the driver fills phy_id,
 * the masks, dev and the two MDIO accessors; advertising caches register
 * 4 (0 until first read), full_duplex is the library's last resolution,
 * force_media is set while autonegotiation is off.
 */
struct mii_if_info {
	int phy_id;
	int advertising;
	int phy_id_mask;
	int reg_num_mask;

	unsigned int full_duplex : 1;
	unsigned int force_media : 1;
	unsigned int supports_gmii : 1;

	struct net_device *dev;
	int (*mdio_read)(struct net_device *dev, int phy_id, int location);
	void (*mdio_write)(struct net_device *dev, int phy_id, int location, int val);
};

/* The best mode both ends offer, by 802.3 Annex 28B's priority (as LPA_ bits). */
static inline unsigned int mii_nway_result(unsigned int negotiated)
{
	if (negotiated & LPA_100FULL)
		return LPA_100FULL;
	if (negotiated & LPA_100BASE4)
		return LPA_100BASE4;
	if (negotiated & LPA_100HALF)
		return LPA_100HALF;
	if (negotiated & LPA_10FULL)
		return LPA_10FULL;
	return LPA_10HALF;
}

/* Full duplex: forced, or the negotiated result is a full-duplex mode. */
static inline unsigned int mii_duplex(unsigned int duplex_lock, unsigned int negotiated)
{
	if (duplex_lock)
		return 1;
	return (mii_nway_result(negotiated) & LPA_DUPLEX) ? 1 : 0;
}

int mii_link_ok(struct mii_if_info *mii);
int mii_nway_restart(struct mii_if_info *mii);
void mii_ethtool_get_link_ksettings(struct mii_if_info *mii, struct ethtool_link_ksettings *cmd);
int mii_ethtool_set_link_ksettings(struct mii_if_info *mii,
				   const struct ethtool_link_ksettings *cmd);
void mii_ethtool_gset(struct mii_if_info *mii, struct ethtool_cmd *ecmd);
int mii_ethtool_sset(struct mii_if_info *mii, struct ethtool_cmd *ecmd);
int mii_check_gmii_support(struct mii_if_info *mii);
void mii_check_link(struct mii_if_info *mii);
/*
 * The same through the legacy struct ethtool_cmd (32-bit mode masks):
 * gset fills it from the PHY; sset also takes transceiver, internal or
 * external, and -EINVAL leaves the PHY untouched.
 */
void mii_ethtool_gset(struct mii_if_info *mii, struct ethtool_cmd *ecmd);
int mii_ethtool_sset(struct mii_if_info *mii, struct ethtool_cmd *ecmd);
unsigned int mii_check_media(struct mii_if_info *mii, unsigned int ok_to_print,
			     unsigned int init_media);
int generic_mii_ioctl(struct mii_if_info *mii_if, struct mii_ioctl_data *mii_data, int cmd,
		      unsigned int *duplex_changed);

/* A link partner's 1000BASE-T ability (register 10) as ADVERTISED_* bits. */
static inline u32 mii_stat1000_to_ethtool_lpa_t(u32 lpa)
{
	u32 result = 0;

	if (lpa & LPA_1000HALF)
		result |= ADVERTISED_1000baseT_Half;
	if (lpa & LPA_1000FULL)
		result |= ADVERTISED_1000baseT_Full;
	return result;
}

/* A link partner's base page (register 5) as ADVERTISED_* bits. */
static inline u32 mii_lpa_to_ethtool_lpa_t(u32 lpa)
{
	u32 result = 0;

	if (lpa & LPA_LPACK)
		result |= ADVERTISED_Autoneg;
	if (lpa & LPA_10HALF)
		result |= ADVERTISED_10baseT_Half;
	if (lpa & LPA_10FULL)
		result |= ADVERTISED_10baseT_Full;
	if (lpa & LPA_100HALF)
		result |= ADVERTISED_100baseT_Half;
	if (lpa & LPA_100FULL)
		result |= ADVERTISED_100baseT_Full;
	if (lpa & LPA_PAUSE_CAP)
		result |= ADVERTISED_Pause;
	if (lpa & LPA_PAUSE_ASYM)
		result |= ADVERTISED_Asym_Pause;
	return result;
}

#endif /* _LINUX_MII_H */
