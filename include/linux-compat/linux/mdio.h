/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/mdio.h - IEEE 802.3 clause 45 registers, so far the EEE ones
 * (capability and advertisement, register 3.20 and 7.60/7.61 bits) and
 * their conversions to ethtool's legacy masks and link-mode bitmaps. The
 * bits are the standard's; the mapping is one bit to one link mode.
 */
#ifndef _LINUX_MDIO_H
#define _LINUX_MDIO_H

#include <linux/array_size.h>
#include <linux/bitfield.h>
#include <linux/ethtool.h>
#include <linux/linkmode.h>
#include <linux/mii.h>
#include <linux/types.h>

#define MDIO_EEE_100TX 0x0002
#define MDIO_EEE_1000T 0x0004
#define MDIO_EEE_10GT 0x0008
#define MDIO_EEE_1000KX 0x0010
#define MDIO_EEE_10GKX4 0x0020
#define MDIO_EEE_10GKR 0x0040

/* One EEE capability bit and the link mode it stands for. */
struct uldd_mdio_eee_mode {
	u16 eee;
	u32 legacy;
	int mode;
};

static const struct uldd_mdio_eee_mode uldd_mdio_eee_modes[] = {
	{ MDIO_EEE_100TX, SUPPORTED_100baseT_Full, ETHTOOL_LINK_MODE_100baseT_Full_BIT },
	{ MDIO_EEE_1000T, SUPPORTED_1000baseT_Full, ETHTOOL_LINK_MODE_1000baseT_Full_BIT },
	{ MDIO_EEE_10GT, SUPPORTED_10000baseT_Full, ETHTOOL_LINK_MODE_10000baseT_Full_BIT },
	{ MDIO_EEE_1000KX, SUPPORTED_1000baseKX_Full, ETHTOOL_LINK_MODE_1000baseKX_Full_BIT },
	{ MDIO_EEE_10GKX4, SUPPORTED_10000baseKX4_Full, ETHTOOL_LINK_MODE_10000baseKX4_Full_BIT },
	{ MDIO_EEE_10GKR, SUPPORTED_10000baseKR_Full, ETHTOOL_LINK_MODE_10000baseKR_Full_BIT },
};

/* The legacy SUPPORTED_* mask of an EEE capability register (3.20). */
static inline u32 mmd_eee_cap_to_ethtool_sup_t(u16 eee_cap)
{
	u32 sup = 0;

	for (unsigned int i = 0; i < ARRAY_SIZE(uldd_mdio_eee_modes); i++)
		if (eee_cap & uldd_mdio_eee_modes[i].eee)
			sup |= uldd_mdio_eee_modes[i].legacy;
	return sup;
}

/* The advertisement registers (7.60, 7.61) use the same bits. */
static inline u32 mmd_eee_adv_to_ethtool_adv_t(u16 eee_adv)
{
	return mmd_eee_cap_to_ethtool_sup_t(eee_adv);
}

static inline u16 ethtool_adv_to_mmd_eee_adv_t(u32 adv)
{
	u16 reg = 0;

	for (unsigned int i = 0; i < ARRAY_SIZE(uldd_mdio_eee_modes); i++)
		if (adv & uldd_mdio_eee_modes[i].legacy)
			reg |= uldd_mdio_eee_modes[i].eee;
	return reg;
}

/* Sets or clears each link mode the register can say, as it says it. */
static inline void mii_eee_cap1_mod_linkmode_t(unsigned long *adv, u32 val)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(uldd_mdio_eee_modes); i++)
		linkmode_mod_bit(uldd_mdio_eee_modes[i].mode, adv,
				 val & uldd_mdio_eee_modes[i].eee);
}

static inline u32 linkmode_to_mii_eee_cap1_t(const unsigned long *adv)
{
	u32 val = 0;

	for (unsigned int i = 0; i < ARRAY_SIZE(uldd_mdio_eee_modes); i++)
		if (linkmode_test_bit(uldd_mdio_eee_modes[i].mode, adv))
			val |= uldd_mdio_eee_modes[i].eee;
	return val;
}

#endif /* _LINUX_MDIO_H */
