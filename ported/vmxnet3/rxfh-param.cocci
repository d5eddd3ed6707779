// SPDX-License-Identifier: GPL-2.0-only OR MIT
// ethtool_ops.get_rxfh/set_rxfh: Linux 6.8 passes one struct
// ethtool_rxfh_param (and set_rxfh a netlink_ext_ack) where older drivers
// took the indirection table, key and hash function as arguments.
// include/linux-compat has the new form only, so an old driver's two
// callbacks take the struct and keep their bodies: the old arguments
// become locals read from it (hfunc a pointer into it for get_rxfh, which
// reports through it), marked __maybe_unused as the arguments were
// unused without a warning.

@ops@
identifier o, getf;
@@
struct ethtool_ops o = {
	.get_rxfh = getf,
};

@get depends on ops@
attribute name __maybe_unused;
identifier ops.getf, dev, tbl, k, hf;
type T1, T2, T3;
@@
 getf(struct net_device *dev,
-     T1 *tbl, T2 *k, T3 *hf
+     struct ethtool_rxfh_param *rxfh
 )
 {
+	T1 *tbl __maybe_unused = rxfh->indir;
+	T2 *k __maybe_unused = rxfh->key;
+	T3 *hf __maybe_unused = &rxfh->hfunc;
 ...
 }

@sops@
identifier o, setf;
@@
struct ethtool_ops o = {
	.set_rxfh = setf,
};

@set depends on sops@
attribute name __maybe_unused;
identifier sops.setf, dev, tbl, k, hf;
type T1, T2, T3;
@@
 setf(struct net_device *dev,
-     T1 *tbl, T2 *k, T3 hf
+     struct ethtool_rxfh_param *rxfh, struct netlink_ext_ack *extack
 )
 {
+	T1 *tbl __maybe_unused = rxfh->indir;
+	T2 *k __maybe_unused = rxfh->key;
+	T3 hf __maybe_unused = rxfh->hfunc;
 ...
 }
