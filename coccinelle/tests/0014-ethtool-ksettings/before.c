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

static int ring_set_settings(struct net_device *dev, struct ethtool_cmd *cmd)
{
	struct ring_priv *rp = netdev_priv(dev);

	if (cmd->autoneg != AUTONEG_DISABLE || cmd->duplex != DUPLEX_FULL)
		return -EINVAL;
	rp->speed = ethtool_cmd_speed(cmd);
	return 0;
}

static const struct ethtool_ops ring_ethtool_ops = {
	.get_settings = ring_get_settings,
	.set_settings = ring_set_settings,
	.get_link = ethtool_op_get_link,
};
