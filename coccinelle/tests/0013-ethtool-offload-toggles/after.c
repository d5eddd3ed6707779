// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Offload toggles through the core's generic helpers (own ones: 0017). */
static const struct ethtool_ops ring_ethtool_ops = {
	.get_drvinfo = ring_get_drvinfo,
	.get_link = ethtool_op_get_link,
};
