// SPDX-License-Identifier: GPL-2.0-only OR MIT
// Change: ethtool_ops lost get_settings/set_settings, which took the
// legacy struct ethtool_cmd (32-bit link mode masks); drivers implement
// get_link_ksettings/set_link_ksettings with struct
// ethtool_link_ksettings. The new pair came in 4.6; the old one was
// removed in 4.20?.
// Why a patch: the members are gone from struct ethtool_ops (uldd's ABI)
// and their function type differs; a header cannot add a function that
// adapts the driver's own one.
// What it does: for a .get_settings = fn (.set_settings = fn) member, adds
// fn_ksettings (fn_set_ksettings) right after fn's definition: it calls fn
// with a struct ethtool_cmd and converts to (from) ethtool_link_ksettings,
// and the member becomes .get_link_ksettings (.set_link_ksettings). Link
// modes beyond the legacy 32 bits make the setter fail with -EINVAL, as
// they could not have reached the old callback.

@g@
identifier ops, get;
fresh identifier getk = get ## "_ksettings";
@@
struct ethtool_ops ops = {
	...,
-	.get_settings = get,
+	.get_link_ksettings = getk,
	...
};

@depends on g@
identifier g.get, g.getk;
type T;
@@
T get(...) {...}
+
+static int getk(struct net_device *dev, struct ethtool_link_ksettings *ks)
+{
+	struct ethtool_cmd cmd;
+	int err;
+
+	memset(&cmd, 0, sizeof(cmd));
+	cmd.cmd = ETHTOOL_GSET;
+	err = get(dev, &cmd);
+	if (err)
+		return err;
+	ethtool_convert_legacy_u32_to_link_mode(ks->link_modes.supported, cmd.supported);
+	ethtool_convert_legacy_u32_to_link_mode(ks->link_modes.advertising, cmd.advertising);
+	ethtool_convert_legacy_u32_to_link_mode(ks->link_modes.lp_advertising,
+						cmd.lp_advertising);
+	ks->base.speed = ethtool_cmd_speed(&cmd);
+	ks->base.duplex = cmd.duplex;
+	ks->base.port = cmd.port;
+	ks->base.phy_address = cmd.phy_address;
+	ks->base.autoneg = cmd.autoneg;
+	ks->base.mdio_support = cmd.mdio_support;
+	ks->base.eth_tp_mdix = cmd.eth_tp_mdix;
+	ks->base.eth_tp_mdix_ctrl = cmd.eth_tp_mdix_ctrl;
+	return 0;
+}

@s@
identifier ops, set;
fresh identifier setk = set ## "_ksettings";
@@
struct ethtool_ops ops = {
	...,
-	.set_settings = set,
+	.set_link_ksettings = setk,
	...
};

@depends on s@
identifier s.set, s.setk;
type T;
@@
T set(...) {...}
+
+static int setk(struct net_device *dev, const struct ethtool_link_ksettings *ks)
+{
+	struct ethtool_cmd cmd;
+
+	memset(&cmd, 0, sizeof(cmd));
+	cmd.cmd = ETHTOOL_SSET;
+	if (!ethtool_convert_link_mode_to_legacy_u32(&cmd.advertising,
+						     ks->link_modes.advertising))
+		return -EINVAL;
+	ethtool_cmd_speed_set(&cmd, ks->base.speed);
+	cmd.duplex = ks->base.duplex;
+	cmd.port = ks->base.port;
+	cmd.phy_address = ks->base.phy_address;
+	cmd.autoneg = ks->base.autoneg;
+	cmd.eth_tp_mdix_ctrl = ks->base.eth_tp_mdix_ctrl;
+	return set(dev, &cmd);
+}
