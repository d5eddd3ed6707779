// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * drivers/net/mii.c - the generic MII library (linux/mii.h): link state,
 * autonegotiation results and the ethtool and SIOC[GS]MII* views of a
 * clause 22 PHY reached through the driver's own mdio_read/mdio_write.
 * No state of its own: callers serialize as they do on Linux (most hold
 * their private lock around each call).
 */
#include <linux/capability.h>
#include <linux/errno.h>
#include <linux/ethtool.h>
#include <linux/mii.h>
#include <linux/netdevice.h>

static int mii_read(struct mii_if_info *mii, int reg)
{
	return mii->mdio_read(mii->dev, mii->phy_id, reg);
}

static void mii_write(struct mii_if_info *mii, int reg, int val)
{
	mii->mdio_write(mii->dev, mii->phy_id, reg, val);
}

/* Register 4 or 5's 10/100 abilities as ADVERTISED_ bits. */
static u32 mii_an_to_ethtool(int reg)
{
	u32 result = 0;

	if (reg & ADVERTISE_10HALF)
		result |= ADVERTISED_10baseT_Half;
	if (reg & ADVERTISE_10FULL)
		result |= ADVERTISED_10baseT_Full;
	if (reg & ADVERTISE_100HALF)
		result |= ADVERTISED_100baseT_Half;
	if (reg & ADVERTISE_100FULL)
		result |= ADVERTISED_100baseT_Full;
	if (reg & ADVERTISE_PAUSE_CAP)
		result |= ADVERTISED_Pause;
	if (reg & ADVERTISE_PAUSE_ASYM)
		result |= ADVERTISED_Asym_Pause;
	return result;
}

/* Register 5 as the partner's modes; its acknowledge bit says it negotiates. */
static u32 mii_lpa_to_ethtool(int lpa)
{
	return mii_an_to_ethtool(lpa) | ((lpa & LPA_LPACK) ? ADVERTISED_Autoneg : 0);
}

/*
 * The link status bit latches low until read (802.3 22.2.4.2.13): the
 * first read reports a drop since the last one, the second the present.
 */
int mii_link_ok(struct mii_if_info *mii)
{
	mii_read(mii, MII_BMSR);
	return (mii_read(mii, MII_BMSR) & BMSR_LSTATUS) ? 1 : 0;
}

int mii_nway_restart(struct mii_if_info *mii)
{
	int bmcr = mii_read(mii, MII_BMCR);

	if (!(bmcr & BMCR_ANENABLE))
		return -EINVAL;
	mii_write(mii, MII_BMCR, bmcr | BMCR_ANRESTART);
	return 0;
}

int mii_check_gmii_support(struct mii_if_info *mii)
{
	if (!(mii_read(mii, MII_BMSR) & BMSR_ESTATEN))
		return 0;
	return (mii_read(mii, MII_ESTATUS) & (ESTATUS_1000_TFULL | ESTATUS_1000_THALF)) ? 1 : 0;
}

void mii_check_link(struct mii_if_info *mii)
{
	int ok = mii_link_ok(mii);

	if (ok && !netif_carrier_ok(mii->dev))
		netif_carrier_on(mii->dev);
	else if (!ok && netif_carrier_ok(mii->dev))
		netif_carrier_off(mii->dev);
}

/*
 * Carrier follows the PHY; on a link that came up (or on init_media) the
 * negotiated duplex is resolved into full_duplex. Returns 1 when the
 * duplex changed (or on init_media with link), for the driver to program
 * its MAC; a forced medium is the driver's business and returns 0.
 */
unsigned int mii_check_media(struct mii_if_info *mii, unsigned int ok_to_print,
			     unsigned int init_media)
{
	unsigned int old_carrier, new_carrier, duplex;
	int advertise, lpa, lpa1000 = 0;

	if (mii->force_media)
		return 0;

	old_carrier = netif_carrier_ok(mii->dev) ? 1 : 0;
	new_carrier = mii_link_ok(mii);
	if (!init_media && old_carrier == new_carrier)
		return 0;

	if (!new_carrier) {
		netif_carrier_off(mii->dev);
		if (ok_to_print)
			netdev_info(mii->dev, "link down\n");
		return 0;
	}
	netif_carrier_on(mii->dev);

	advertise = mii->advertising;
	if (!advertise) {
		advertise = mii_read(mii, MII_ADVERTISE);
		mii->advertising = advertise;
	}
	lpa = mii_read(mii, MII_LPA);
	if (mii->supports_gmii)
		lpa1000 = mii_read(mii, MII_STAT1000);

	duplex = (mii_nway_result(lpa & advertise) & LPA_DUPLEX) ? 1 : 0;
	if (lpa1000 & LPA_1000FULL)
		duplex = 1;

	if (ok_to_print) {
		unsigned int mbps = 10;

		if (lpa1000 & (LPA_1000FULL | LPA_1000HALF))
			mbps = 1000;
		else if (mii_nway_result(lpa & advertise) & LPA_100)
			mbps = 100;
		netdev_info(mii->dev, "link up, %uMbps, %s-duplex, lpa 0x%04X\n", mbps,
			    duplex ? "full" : "half", lpa);
	}

	if (init_media || mii->full_duplex != duplex) {
		mii->full_duplex = duplex;
		return 1;
	}
	return 0;
}

void mii_ethtool_get_link_ksettings(struct mii_if_info *mii, struct ethtool_link_ksettings *cmd)
{
	u32 supported, advertising, lp_advertising = 0;
	int bmcr, bmsr, ctrl1000 = 0, stat1000 = 0;
	u32 speed;
	u8 duplex;

	supported = SUPPORTED_10baseT_Half | SUPPORTED_10baseT_Full | SUPPORTED_100baseT_Half |
		    SUPPORTED_100baseT_Full | SUPPORTED_Autoneg | SUPPORTED_TP | SUPPORTED_MII;
	if (mii->supports_gmii)
		supported |= SUPPORTED_1000baseT_Half | SUPPORTED_1000baseT_Full;
	advertising = ADVERTISED_TP | ADVERTISED_MII;

	cmd->base.port = PORT_MII;
	cmd->base.phy_address = mii->phy_id;
	cmd->base.mdio_support = ETH_MDIO_SUPPORTS_C22;

	bmcr = mii_read(mii, MII_BMCR);
	bmsr = mii_read(mii, MII_BMSR);
	if (mii->supports_gmii) {
		ctrl1000 = mii_read(mii, MII_CTRL1000);
		stat1000 = mii_read(mii, MII_STAT1000);
	}

	if (bmcr & BMCR_ANENABLE) {
		u32 common;

		cmd->base.autoneg = AUTONEG_ENABLE;
		advertising |= ADVERTISED_Autoneg | mii_an_to_ethtool(mii_read(mii, MII_ADVERTISE));
		if (ctrl1000 & ADVERTISE_1000HALF)
			advertising |= ADVERTISED_1000baseT_Half;
		if (ctrl1000 & ADVERTISE_1000FULL)
			advertising |= ADVERTISED_1000baseT_Full;

		if (bmsr & BMSR_ANEGCOMPLETE) {
			lp_advertising = mii_lpa_to_ethtool(mii_read(mii, MII_LPA));
			/* STAT1000's partner bits sit two above CTRL1000's. */
			if (stat1000 & LPA_1000HALF)
				lp_advertising |= ADVERTISED_1000baseT_Half;
			if (stat1000 & LPA_1000FULL)
				lp_advertising |= ADVERTISED_1000baseT_Full;
		}

		common = advertising & lp_advertising;
		if (common & (ADVERTISED_1000baseT_Full | ADVERTISED_1000baseT_Half)) {
			speed = SPEED_1000;
			duplex = !!(common & ADVERTISED_1000baseT_Full);
		} else if (common & (ADVERTISED_100baseT_Full | ADVERTISED_100baseT_Half)) {
			speed = SPEED_100;
			duplex = !!(common & ADVERTISED_100baseT_Full);
		} else {
			speed = SPEED_10;
			duplex = !!(common & ADVERTISED_10baseT_Full);
		}
	} else {
		cmd->base.autoneg = AUTONEG_DISABLE;
		speed = SPEED_10;
		if (bmcr & BMCR_SPEED100)
			speed = SPEED_100;
		else if (bmcr & BMCR_SPEED1000)
			speed = SPEED_1000;
		duplex = (bmcr & BMCR_FULLDPLX) ? DUPLEX_FULL : DUPLEX_HALF;
	}
	mii->full_duplex = duplex;
	cmd->base.speed = speed;
	cmd->base.duplex = duplex;

	ethtool_convert_legacy_u32_to_link_mode(cmd->link_modes.supported, supported);
	ethtool_convert_legacy_u32_to_link_mode(cmd->link_modes.advertising, advertising);
	ethtool_convert_legacy_u32_to_link_mode(cmd->link_modes.lp_advertising, lp_advertising);
}

/*
 * Autonegotiation on: the asked modes go into registers 4 (and 9), then
 * a restart. Off: speed and duplex are forced in BMCR. Anything the PHY
 * cannot do, or another PHY's address, is -EINVAL and changes nothing.
 */
int mii_ethtool_set_link_ksettings(struct mii_if_info *mii,
				   const struct ethtool_link_ksettings *cmd)
{
	const u32 modes_10_100 = ADVERTISED_10baseT_Half | ADVERTISED_10baseT_Full |
				 ADVERTISED_100baseT_Half | ADVERTISED_100baseT_Full;
	const u32 modes_1000 = ADVERTISED_1000baseT_Half | ADVERTISED_1000baseT_Full;
	u32 speed = cmd->base.speed;
	u32 advertising;
	int bmcr;

	if (speed != SPEED_10 && speed != SPEED_100 && (speed != SPEED_1000 || !mii->supports_gmii))
		return -EINVAL;
	if (cmd->base.duplex != DUPLEX_HALF && cmd->base.duplex != DUPLEX_FULL)
		return -EINVAL;
	if (cmd->base.port != PORT_MII)
		return -EINVAL;
	if (cmd->base.phy_address != mii->phy_id)
		return -EINVAL;
	if (cmd->base.autoneg != AUTONEG_DISABLE && cmd->base.autoneg != AUTONEG_ENABLE)
		return -EINVAL;
	ethtool_convert_link_mode_to_legacy_u32(&advertising, cmd->link_modes.advertising);

	if (cmd->base.autoneg == AUTONEG_ENABLE) {
		int adv, tmp;

		if (!(advertising & (modes_10_100 | (mii->supports_gmii ? modes_1000 : 0))))
			return -EINVAL;

		adv = mii_read(mii, MII_ADVERTISE);
		tmp = adv & ~(ADVERTISE_ALL | ADVERTISE_100BASE4);
		if (advertising & ADVERTISED_10baseT_Half)
			tmp |= ADVERTISE_10HALF;
		if (advertising & ADVERTISED_10baseT_Full)
			tmp |= ADVERTISE_10FULL;
		if (advertising & ADVERTISED_100baseT_Half)
			tmp |= ADVERTISE_100HALF;
		if (advertising & ADVERTISED_100baseT_Full)
			tmp |= ADVERTISE_100FULL;
		if (adv != tmp)
			mii_write(mii, MII_ADVERTISE, tmp);
		mii->advertising = tmp;

		if (mii->supports_gmii) {
			int ctrl = mii_read(mii, MII_CTRL1000);
			int want = ctrl & ~(ADVERTISE_1000HALF | ADVERTISE_1000FULL);

			if (advertising & ADVERTISED_1000baseT_Half)
				want |= ADVERTISE_1000HALF;
			if (advertising & ADVERTISED_1000baseT_Full)
				want |= ADVERTISE_1000FULL;
			if (ctrl != want)
				mii_write(mii, MII_CTRL1000, want);
		}

		bmcr = mii_read(mii, MII_BMCR);
		mii_write(mii, MII_BMCR, bmcr | BMCR_ANENABLE | BMCR_ANRESTART);
		mii->force_media = 0;
	} else {
		bmcr = mii_read(mii, MII_BMCR);
		bmcr &= ~(BMCR_ANENABLE | BMCR_SPEED100 | BMCR_SPEED1000 | BMCR_FULLDPLX);
		if (speed == SPEED_1000)
			bmcr |= BMCR_SPEED1000;
		else if (speed == SPEED_100)
			bmcr |= BMCR_SPEED100;
		if (cmd->base.duplex == DUPLEX_FULL)
			bmcr |= BMCR_FULLDPLX;
		mii->full_duplex = cmd->base.duplex == DUPLEX_FULL;
		mii_write(mii, MII_BMCR, bmcr);
		mii->force_media = 1;
	}
	return 0;
}

/*
 * The legacy forms go through the link_ksettings ones, so both views of
 * the PHY agree: a 10/100/1000 PHY's modes all fit the 32 legacy bits.
 */
void mii_ethtool_gset(struct mii_if_info *mii, struct ethtool_cmd *ecmd)
{
	struct ethtool_link_ksettings ks;

	memset(&ks, 0, sizeof(ks));
	mii_ethtool_get_link_ksettings(mii, &ks);
	ecmd->port = ks.base.port;
	ecmd->phy_address = ks.base.phy_address;
	ecmd->mdio_support = ks.base.mdio_support;
	ecmd->transceiver = XCVR_INTERNAL;
	ecmd->autoneg = ks.base.autoneg;
	ecmd->duplex = ks.base.duplex;
	ethtool_cmd_speed_set(ecmd, ks.base.speed);
	ethtool_convert_link_mode_to_legacy_u32(&ecmd->supported, ks.link_modes.supported);
	ethtool_convert_link_mode_to_legacy_u32(&ecmd->advertising, ks.link_modes.advertising);
	ethtool_convert_link_mode_to_legacy_u32(&ecmd->lp_advertising,
						ks.link_modes.lp_advertising);
}

int mii_ethtool_sset(struct mii_if_info *mii, struct ethtool_cmd *ecmd)
{
	struct ethtool_link_ksettings ks;

	if (ecmd->transceiver != XCVR_INTERNAL && ecmd->transceiver != XCVR_EXTERNAL)
		return -EINVAL;
	memset(&ks, 0, sizeof(ks));
	ks.base.speed = ethtool_cmd_speed(ecmd);
	ks.base.duplex = ecmd->duplex;
	ks.base.port = ecmd->port;
	ks.base.phy_address = ecmd->phy_address;
	ks.base.autoneg = ecmd->autoneg;
	ethtool_convert_legacy_u32_to_link_mode(ks.link_modes.advertising, ecmd->advertising);
	return mii_ethtool_set_link_ksettings(mii, &ks);
}

/*
 * SIOCGMIIPHY, SIOCGMIIREG, SIOCSMIIREG. A write to this PHY's BMCR or
 * advertisement register also updates the library's view (forced media,
 * duplex, cached advertisement), so the driver's next mii_check_media()
 * agrees with what user space set; *duplex_changed tells the driver to
 * reprogram its MAC.
 */
int generic_mii_ioctl(struct mii_if_info *mii_if, struct mii_ioctl_data *mii_data, int cmd,
		      unsigned int *duplex_changed)
{
	unsigned int changed = 0;

	mii_data->phy_id &= mii_if->phy_id_mask;
	mii_data->reg_num &= mii_if->reg_num_mask;

	switch (cmd) {
	case SIOCGMIIPHY:
		mii_data->phy_id = mii_if->phy_id;
		fallthrough;
	case SIOCGMIIREG:
		mii_data->val_out =
			mii_if->mdio_read(mii_if->dev, mii_data->phy_id, mii_data->reg_num);
		break;
	case SIOCSMIIREG: {
		u16 val = mii_data->val_in;

		if (!capable(CAP_NET_ADMIN))
			return -EPERM;
		if (mii_data->phy_id == mii_if->phy_id) {
			switch (mii_data->reg_num) {
			case MII_BMCR: {
				unsigned int duplex = 0;

				mii_if->force_media = !(val & (BMCR_RESET | BMCR_ANENABLE));
				if (mii_if->force_media && (val & BMCR_FULLDPLX))
					duplex = 1;
				if (mii_if->full_duplex != duplex) {
					changed = 1;
					mii_if->full_duplex = duplex;
				}
				break;
			}
			case MII_ADVERTISE:
				mii_if->advertising = val;
				break;
			}
		}
		mii_if->mdio_write(mii_if->dev, mii_data->phy_id, mii_data->reg_num, val);
		break;
	}
	default:
		return -EOPNOTSUPP;
	}

	if (duplex_changed && changed)
		*duplex_changed = 1;
	return 0;
}
