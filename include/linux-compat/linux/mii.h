/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * mii.h - IEEE 802.3 clause 22 PHY registers and the MII ioctl's data.
 * Register numbers and bits are the standard's.
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

/*
 * XXX: the smallest set e1000e needs, until the MII library (another
 * branch) brings the full register set; drop this block at that merge.
 */
#define ADVERTISE_CSMA 0x0001
#define ADVERTISE_10HALF 0x0020
#define ADVERTISE_10FULL 0x0040
#define ADVERTISE_100HALF 0x0080
#define ADVERTISE_100FULL 0x0100
#define ADVERTISE_PAUSE_CAP 0x0400
#define ADVERTISE_PAUSE_ASYM 0x0800
#define ADVERTISE_ALL (ADVERTISE_10HALF | ADVERTISE_10FULL | ADVERTISE_100HALF | ADVERTISE_100FULL)

#define LPA_10HALF 0x0020
#define LPA_10FULL 0x0040
#define LPA_100HALF 0x0080
#define LPA_100FULL 0x0100
#define LPA_PAUSE_CAP 0x0400
#define LPA_PAUSE_ASYM 0x0800
#define LPA_LPACK 0x4000

#define EXPANSION_NWAY 0x0001
#define EXPANSION_ENABLENPAGE 0x0004

#define ESTATUS_1000_THALF 0x1000
#define ESTATUS_1000_TFULL 0x2000

#define ADVERTISE_1000HALF 0x0100
#define ADVERTISE_1000FULL 0x0200
#define CTL1000_AS_MASTER 0x0800
#define CTL1000_ENABLE_MASTER 0x1000

#define LPA_1000HALF 0x0400
#define LPA_1000FULL 0x0800
#define LPA_1000REMRXOK 0x1000
#define LPA_1000LOCALRXOK 0x2000

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
