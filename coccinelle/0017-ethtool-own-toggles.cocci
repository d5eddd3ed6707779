// SPDX-License-Identifier: GPL-2.0-only OR MIT
// Change: the per-offload ethtool callbacks (get/set_tx_csum, rx_csum, sg,
// tso) gave way to dev->hw_features, the offloads a user may toggle, with
// the core keeping dev->features and calling ndo_set_features(dev,
// features) to let the driver program the device. Deprecated in 2.6.39,
// removed in 3.3.
// Why a patch: the members are gone from struct ethtool_ops (uldd's ABI);
// 0013 drops the ones that named the core's generic helpers, and a
// driver's own toggle functions must be rewired, which no header can do.
// What it does, for toggles of the driver's own (0013 ran before, so any
// left are): deletes the getters (the core answers from dev->features);
// deletes each setter's member, adds its flag (set_tx_csum
// NETIF_F_IP_CSUM, set_sg NETIF_F_SG, set_tso NETIF_F_TSO, set_rx_csum
// NETIF_F_RXCSUM) to dev->hw_features where the driver installs the
// ethtool_ops, and adds to its net_device_ops an ndo_set_features,
// OPS_set_features, placed before that net_device_ops: for each flag that
// changes it calls the driver's setter with 1 or 0, as the old ethtool
// did, and stops at the first error. The setter may set dev->features
// itself, as old ones did; the core sets it to the result anyway. RX
// checksumming was a private flag the driver set on at probe in the
// usual shape, so NETIF_F_RXCSUM goes into dev->features too.
// Not handled: a net_device_ops that already has ndo_set_features (left,
// and the setters' members still fail to compile), ethtool_ops installed
// other than by SET_ETHTOOL_OPS(dev, &ops) or dev->ethtool_ops = &ops,
// set_ufo and set_flags of the driver's own.

// A net_device_ops with an ndo_set_features of its own is not rewired.
@has@
identifier nops, x;
@@
struct net_device_ops nops = {
	...,
	.ndo_set_features = x,
	...
};

@s_tx depends on !has@
identifier eops, fn;
@@
struct ethtool_ops eops = {
	...,
-	.set_tx_csum = fn,
	...
};

@s_sg depends on !has@
identifier eops, fn;
@@
struct ethtool_ops eops = {
	...,
-	.set_sg = fn,
	...
};

@s_tso depends on !has@
identifier eops, fn;
@@
struct ethtool_ops eops = {
	...,
-	.set_tso = fn,
	...
};

@s_rx depends on !has@
identifier eops, fn;
@@
struct ethtool_ops eops = {
	...,
-	.set_rx_csum = fn,
	...
};

@n depends on s_tx || s_sg || s_tso || s_rx@
identifier nops;
fresh identifier sf = nops ## "_set_features";
@@
+static int sf(struct net_device *dev, netdev_features_t features)
+{
+	netdev_features_t changed = dev->features ^ features;
+	int err = 0;
+
+	return err;
+}
+
 struct net_device_ops nops = {
	...,
+	.ndo_set_features = sf,
 };

@depends on n && s_tx@
symbol err, changed, features;
identifier n.sf, s_tx.fn;
@@
 sf(...)
 {
	...
+	if (!err && (changed & NETIF_F_IP_CSUM))
+		err = fn(dev, !!(features & NETIF_F_IP_CSUM));
	return err;
 }

@depends on s_tx@
identifier s_tx.eops;
expression dev;
@@
(
 SET_ETHTOOL_OPS(dev, &eops);
+dev->hw_features |= NETIF_F_IP_CSUM;
|
 dev->ethtool_ops = &eops;
+dev->hw_features |= NETIF_F_IP_CSUM;
)

@depends on n && s_sg@
symbol err, changed, features;
identifier n.sf, s_sg.fn;
@@
 sf(...)
 {
	...
+	if (!err && (changed & NETIF_F_SG))
+		err = fn(dev, !!(features & NETIF_F_SG));
	return err;
 }

@depends on s_sg@
identifier s_sg.eops;
expression dev;
@@
(
 SET_ETHTOOL_OPS(dev, &eops);
+dev->hw_features |= NETIF_F_SG;
|
 dev->ethtool_ops = &eops;
+dev->hw_features |= NETIF_F_SG;
)

@depends on n && s_tso@
symbol err, changed, features;
identifier n.sf, s_tso.fn;
@@
 sf(...)
 {
	...
+	if (!err && (changed & NETIF_F_TSO))
+		err = fn(dev, !!(features & NETIF_F_TSO));
	return err;
 }

@depends on s_tso@
identifier s_tso.eops;
expression dev;
@@
(
 SET_ETHTOOL_OPS(dev, &eops);
+dev->hw_features |= NETIF_F_TSO;
|
 dev->ethtool_ops = &eops;
+dev->hw_features |= NETIF_F_TSO;
)

@depends on n && s_rx@
symbol err, changed, features;
identifier n.sf, s_rx.fn;
@@
 sf(...)
 {
	...
+	if (!err && (changed & NETIF_F_RXCSUM))
+		err = fn(dev, !!(features & NETIF_F_RXCSUM));
	return err;
 }

@depends on s_rx@
identifier s_rx.eops;
expression dev;
@@
(
 SET_ETHTOOL_OPS(dev, &eops);
+dev->hw_features |= NETIF_F_RXCSUM;
+dev->features |= NETIF_F_RXCSUM;
|
 dev->ethtool_ops = &eops;
+dev->hw_features |= NETIF_F_RXCSUM;
+dev->features |= NETIF_F_RXCSUM;
)

@gtx depends on s_tx || s_sg || s_tso || s_rx@
identifier eops, fn;
@@
struct ethtool_ops eops = {
	...,
-	.get_tx_csum = fn,
	...
};

@gtx_used depends on gtx@
identifier gtx.fn;
@@
fn

@depends on gtx && !gtx_used@
identifier gtx.fn;
type T;
@@
- T fn(...) {...}

@grx depends on s_tx || s_sg || s_tso || s_rx@
identifier eops, fn;
@@
struct ethtool_ops eops = {
	...,
-	.get_rx_csum = fn,
	...
};

@grx_used depends on grx@
identifier grx.fn;
@@
fn

@depends on grx && !grx_used@
identifier grx.fn;
type T;
@@
- T fn(...) {...}

@gsg depends on s_tx || s_sg || s_tso || s_rx@
identifier eops, fn;
@@
struct ethtool_ops eops = {
	...,
-	.get_sg = fn,
	...
};

@gsg_used depends on gsg@
identifier gsg.fn;
@@
fn

@depends on gsg && !gsg_used@
identifier gsg.fn;
type T;
@@
- T fn(...) {...}

@gtso depends on s_tx || s_sg || s_tso || s_rx@
identifier eops, fn;
@@
struct ethtool_ops eops = {
	...,
-	.get_tso = fn,
	...
};

@gtso_used depends on gtso@
identifier gtso.fn;
@@
fn

@depends on gtso && !gtso_used@
identifier gtso.fn;
type T;
@@
- T fn(...) {...}
