// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Offload toggles through the core's generic helpers (own ones: 0017). */
static const struct ethtool_ops ring_ethtool_ops = {
	.get_drvinfo = ring_get_drvinfo,
	.get_link = ethtool_op_get_link,
	.get_tx_csum = ethtool_op_get_tx_csum,
	.set_tx_csum = ethtool_op_set_tx_csum,
	.get_sg = ethtool_op_get_sg,
	.set_sg = ethtool_op_set_sg,
	.get_tso = ethtool_op_get_tso,
};
