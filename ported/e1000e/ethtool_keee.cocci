// SPDX-License-Identifier: GPL-2.0-only OR MIT
// Linux 6.9 replaced the kernel side of ethtool's get_eee/set_eee
// argument, struct ethtool_eee (legacy u32 link-mode masks), by struct
// ethtool_keee (link-mode bitmaps), and converted every driver: first by
// renaming the struct and its masks to supported_u32, advertised_u32 and
// lp_advertised_u32, later to the bitmaps. uldd's ethtool_ops has the new
// signature only, so a driver of an older tree gets that first, mechanical
// step; linux/ethtool.h keeps the *_u32 masks for it.

@eee_type@
@@
- struct ethtool_eee
+ struct ethtool_keee

@eee_mask depends on eee_type@
struct ethtool_keee *e;
struct ethtool_keee s;
@@
(
- e->supported
+ e->supported_u32
|
- e->advertised
+ e->advertised_u32
|
- e->lp_advertised
+ e->lp_advertised_u32
|
- s.supported
+ s.supported_u32
|
- s.advertised
+ s.advertised_u32
|
- s.lp_advertised
+ s.lp_advertised_u32
)
