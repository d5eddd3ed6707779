// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Offload toggles through the core's generic helpers, and one of its own. */
static const struct ethtool_ops ring_ethtool_ops = {
	.get_drvinfo = ring_get_drvinfo,
	.get_link = ethtool_op_get_link,
	.set_tso = ring_set_tso,
};
