// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Link settings through the legacy struct ethtool_cmd, read and written. */
static int ring_get_settings(struct net_device *dev, struct ethtool_cmd *cmd)
{
	struct ring_priv *rp = netdev_priv(dev);

	cmd->supported = SUPPORTED_100baseT_Full | SUPPORTED_TP;
	cmd->advertising = ADVERTISED_100baseT_Full | ADVERTISED_TP;
	cmd->port = PORT_TP;
	cmd->transceiver = XCVR_INTERNAL;
	cmd->autoneg = AUTONEG_DISABLE;
	ethtool_cmd_speed_set(cmd, rp->speed);
	cmd->duplex = DUPLEX_FULL;
	return 0;
}

static int ring_get_settings_ksettings(struct net_device *dev,
				       struct ethtool_link_ksettings *ks)
{
	struct ethtool_cmd cmd;
	int err;

	memset(&cmd, 0, sizeof(cmd));
	cmd.cmd = ETHTOOL_GSET;
	err = ring_get_settings(dev, &cmd);
	if (err)
		return err;
	ethtool_convert_legacy_u32_to_link_mode(ks->link_modes.supported,
						cmd.supported);
	ethtool_convert_legacy_u32_to_link_mode(ks->link_modes.advertising,
						cmd.advertising);
	ethtool_convert_legacy_u32_to_link_mode(ks->link_modes.lp_advertising,
						cmd.lp_advertising);
	ks->base.speed = ethtool_cmd_speed(&cmd);
	ks->base.duplex = cmd.duplex;
	ks->base.port = cmd.port;
	ks->base.phy_address = cmd.phy_address;
	ks->base.autoneg = cmd.autoneg;
	ks->base.mdio_support = cmd.mdio_support;
	ks->base.eth_tp_mdix = cmd.eth_tp_mdix;
	ks->base.eth_tp_mdix_ctrl = cmd.eth_tp_mdix_ctrl;
	return 0;
}

static int ring_set_settings(struct net_device *dev, struct ethtool_cmd *cmd)
{
	struct ring_priv *rp = netdev_priv(dev);

	if (cmd->autoneg != AUTONEG_DISABLE || cmd->duplex != DUPLEX_FULL)
		return -EINVAL;
	rp->speed = ethtool_cmd_speed(cmd);
	return 0;
}

static int ring_set_settings_ksettings(struct net_device *dev,
				       const struct ethtool_link_ksettings *ks)
{
	struct ethtool_cmd cmd;

	memset(&cmd, 0, sizeof(cmd));
	cmd.cmd = ETHTOOL_SSET;
	if (!ethtool_convert_link_mode_to_legacy_u32(&cmd.advertising, ks->link_modes.advertising))
		return -EINVAL;
	ethtool_cmd_speed_set(&cmd, ks->base.speed);
	cmd.duplex = ks->base.duplex;
	cmd.port = ks->base.port;
	cmd.phy_address = ks->base.phy_address;
	cmd.autoneg = ks->base.autoneg;
	cmd.eth_tp_mdix_ctrl = ks->base.eth_tp_mdix_ctrl;
	return ring_set_settings(dev, &cmd);
}

static const struct ethtool_ops ring_ethtool_ops = {
	.get_link_ksettings = ring_get_settings_ksettings,
	.set_link_ksettings = ring_set_settings_ksettings,
	.get_link = ethtool_op_get_link,
};
