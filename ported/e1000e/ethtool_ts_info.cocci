// SPDX-License-Identifier: GPL-2.0-only OR MIT
// Linux 6.11 gave ethtool's get_ts_info callback (and
// ethtool_op_get_ts_info) a kernel-side argument, struct
// kernel_ethtool_ts_info, in place of the user-space ABI's struct
// ethtool_ts_info; the fields a driver sets keep their names. uldd's
// ethtool_ops has the new signature only, so the callback of an older
// driver is retyped.

@ts_info@
@@
- struct ethtool_ts_info
+ struct kernel_ethtool_ts_info
