// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ktest_ethtool.c - K-world checks of the ethtool-side helpers e1000e uses
 * (linux/mdio.h's EEE conversions, linux/linkmode.h, the ethtool_keee
 * layout), run by test_kheaders.c. netdev_stats_to_stats64 is a
 * conformance case (tests/conform/skb.c), netdev_rss_key_fill ktest_net's.
 */
#include <linux/ethtool.h>
#include <linux/kernel.h>
#include <linux/linkmode.h>
#include <linux/mdio.h>
#include <linux/netdevice.h>
#include <linux/string.h>

#include "ktest.h"

/* Register bits and legacy masks map one to one, both ways. */
static int eee_legacy_masks(void)
{
	u16 cap = MDIO_EEE_100TX | MDIO_EEE_1000T | MDIO_EEE_10GKR;
	u32 sup = mmd_eee_cap_to_ethtool_sup_t(cap);

	KCHECK(sup ==
	       (SUPPORTED_100baseT_Full | SUPPORTED_1000baseT_Full | SUPPORTED_10000baseKR_Full));
	KCHECK(mmd_eee_adv_to_ethtool_adv_t(MDIO_EEE_1000T) == ADVERTISED_1000baseT_Full);
	KCHECK(ethtool_adv_to_mmd_eee_adv_t(sup) == cap);
	/* Modes EEE cannot advertise are left out. */
	KCHECK(ethtool_adv_to_mmd_eee_adv_t(ADVERTISED_10baseT_Half | ADVERTISED_Pause) == 0);
	return 0;
}

/* mii_eee_cap1_mod_linkmode_t sets the register's modes and clears the rest it knows. */
static int eee_linkmodes(void)
{
	__ETHTOOL_DECLARE_LINK_MODE_MASK(adv);
	__ETHTOOL_DECLARE_LINK_MODE_MASK(ok);
	__ETHTOOL_DECLARE_LINK_MODE_MASK(extra);

	linkmode_zero(adv);
	linkmode_set_bit(ETHTOOL_LINK_MODE_10baseT_Half_BIT, adv);
	linkmode_set_bit(ETHTOOL_LINK_MODE_10000baseT_Full_BIT, adv);
	mii_eee_cap1_mod_linkmode_t(adv, MDIO_EEE_100TX | MDIO_EEE_1000T);
	KCHECK(linkmode_test_bit(ETHTOOL_LINK_MODE_100baseT_Full_BIT, adv));
	KCHECK(linkmode_test_bit(ETHTOOL_LINK_MODE_1000baseT_Full_BIT, adv));
	KCHECK(!linkmode_test_bit(ETHTOOL_LINK_MODE_10000baseT_Full_BIT, adv));
	/* A mode the register has no bit for is the caller's, untouched. */
	KCHECK(linkmode_test_bit(ETHTOOL_LINK_MODE_10baseT_Half_BIT, adv));
	KCHECK(linkmode_to_mii_eee_cap1_t(adv) == (MDIO_EEE_100TX | MDIO_EEE_1000T));

	/* e1000e's check: anything advertised beyond 100/1000 full is refused. */
	linkmode_zero(ok);
	linkmode_set_bit(ETHTOOL_LINK_MODE_100baseT_Full_BIT, ok);
	linkmode_set_bit(ETHTOOL_LINK_MODE_1000baseT_Full_BIT, ok);
	KCHECK(linkmode_andnot(extra, adv, ok));
	linkmode_clear_bit(ETHTOOL_LINK_MODE_10baseT_Half_BIT, adv);
	KCHECK(!linkmode_andnot(extra, adv, ok) && linkmode_empty(extra));
	KCHECK(linkmode_equal(adv, ok) && linkmode_subset(adv, ok));
	return 0;
}

static const struct ktest_check checks[] = {
	{ "eee_legacy_masks", eee_legacy_masks },
	{ "eee_linkmodes", eee_linkmodes },
};

int ktest_kh_ethtool(unsigned int i, const char **name, int run)
{
	return ktest_check_case(checks, ARRAY_SIZE(checks), i, name, run);
}
