// SPDX-License-Identifier: GPL-2.0-only OR MIT
// Change: the per-offload ethtool callbacks (get/set_tx_csum, get/set_rx_csum,
// get/set_sg, get/set_tso, get/set_flags ...) gave way to dev->hw_features,
// the offloads a user may toggle, and ndo_set_features. Deprecated in
// 2.6.39, removed in 3.3.
// Why a patch: the members are gone from struct ethtool_ops (uldd's ABI);
// a driver that filled them with the core's generic ethtool_op_* helpers
// only said "toggle the flag in dev->features", so the entries can go.
// What it does: deletes those members when they name an ethtool_op_*
// helper. A driver's own toggle functions are left to
// 0017-ethtool-own-toggles, which wires them to ndo_set_features.

@@
identifier ops;
identifier fn =~ "^ethtool_op_get_tx_csum$";
@@
struct ethtool_ops ops = {
	...,
-	.get_tx_csum = fn,
	...
};

@@
identifier ops;
identifier fn =~ "^ethtool_op_set_tx_csum$";
@@
struct ethtool_ops ops = {
	...,
-	.set_tx_csum = fn,
	...
};

@@
identifier ops;
identifier fn =~ "^ethtool_op_get_rx_csum$";
@@
struct ethtool_ops ops = {
	...,
-	.get_rx_csum = fn,
	...
};

@@
identifier ops;
identifier fn =~ "^ethtool_op_set_rx_csum$";
@@
struct ethtool_ops ops = {
	...,
-	.set_rx_csum = fn,
	...
};

@@
identifier ops;
identifier fn =~ "^ethtool_op_get_sg$";
@@
struct ethtool_ops ops = {
	...,
-	.get_sg = fn,
	...
};

@@
identifier ops;
identifier fn =~ "^ethtool_op_set_sg$";
@@
struct ethtool_ops ops = {
	...,
-	.set_sg = fn,
	...
};

@@
identifier ops;
identifier fn =~ "^ethtool_op_get_tso$";
@@
struct ethtool_ops ops = {
	...,
-	.get_tso = fn,
	...
};

@@
identifier ops;
identifier fn =~ "^ethtool_op_set_tso$";
@@
struct ethtool_ops ops = {
	...,
-	.set_tso = fn,
	...
};

@@
identifier ops;
identifier fn =~ "^ethtool_op_get_ufo$";
@@
struct ethtool_ops ops = {
	...,
-	.get_ufo = fn,
	...
};

@@
identifier ops;
identifier fn =~ "^ethtool_op_set_ufo$";
@@
struct ethtool_ops ops = {
	...,
-	.set_ufo = fn,
	...
};

@@
identifier ops;
identifier fn =~ "^ethtool_op_get_flags$";
@@
struct ethtool_ops ops = {
	...,
-	.get_flags = fn,
	...
};

@@
identifier ops;
identifier fn =~ "^ethtool_op_set_flags$";
@@
struct ethtool_ops ops = {
	...,
-	.set_flags = fn,
	...
};
