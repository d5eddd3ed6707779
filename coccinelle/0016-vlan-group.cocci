// SPDX-License-Identifier: GPL-2.0-only OR MIT
// Change: drivers lost struct vlan_group. The 8021q core used to hand a
// driver its group through vlan_rx_register(dev, grp), the driver kept it
// and gave it back to vlan_hwaccel_rx(skb, grp, tag) or
// vlan_hwaccel_receive_skb(); vlan_rx_add_vid/kill_vid took (dev, vid) and
// returned nothing. Now the tag rides on the skb (__vlan_hwaccel_put_tag)
// into the normal receive, VLAN receive is always on, and add/kill_vid
// take the protocol and return an error. Groups left drivers in 3.1?; the
// protocol argument came in 3.10.
// Why a patch: the driver's own struct holds the group, its functions have
// the old types, and net_device_ops (uldd's ABI) has no
// ndo_vlan_rx_register: a header cannot reshape them. The flag names
// NETIF_F_HW_VLAN_RX/TX/FILTER are plain renames to the _CTAG_ ones, so
// asm/system.h carries those.
// What it does, in a file that defines its private struct:
// - deletes the struct vlan_group * member, and every store into it;
// - vlan_hwaccel_rx(skb, grp, tag); and vlan_hwaccel_receive_skb() become
//   __vlan_hwaccel_put_tag(skb, htons(ETH_P_8021Q), tag) then netif_rx()
//   or netif_receive_skb();
// - a test of the group ("grp && C", "C && grp") keeps C only: the core
//   now takes tagged frames whether or not a VLAN was configured, as the
//   old driver did once a group was registered;
// - the .ndo_vlan_rx_register member goes; the function stays, its group
//   parameter becomes a bool and every call passing the stored group
//   passes true (VLANs are always on), so a driver that re-applies its
//   VLAN setup after a reset still does;
// - vlan_group_set_device(grp, vid, NULL); goes (the core keeps that
//   table now);
// - .ndo_vlan_rx_add_vid/kill_vid functions returning void get the
//   __be16 proto parameter and return 0.
// Not handled: the group member in a header of the driver (spatch sees
// one file), vlan_group_get_device() (the driver needs a VID table of its
// own), and dev->vlan_rx_* fields assigned before net_device_ops.

@fld@
identifier s, f;
@@
struct s {
	...
-	struct vlan_group *f;
	...
};

@depends on fld@
identifier fld.f;
expression E, G;
@@
- E->f = G;

@depends on fld@
identifier fld.f;
expression E, skb, tag;
@@
(
- vlan_hwaccel_rx(skb, E->f, tag);
+ __vlan_hwaccel_put_tag(skb, htons(ETH_P_8021Q), tag);
+ netif_rx(skb);
|
- vlan_hwaccel_receive_skb(skb, E->f, tag);
+ __vlan_hwaccel_put_tag(skb, htons(ETH_P_8021Q), tag);
+ netif_receive_skb(skb);
|
- vlan_group_set_device(E->f, ...);
)

@depends on fld@
identifier fld.f;
expression E, C;
@@
(
- E->f && C
+ C
|
- C && E->f
+ C
)

@reg@
identifier ops, fn;
@@
struct net_device_ops ops = {
	...,
-	.ndo_vlan_rx_register = fn,
	...
};

@depends on reg@
identifier reg.fn, dev, grp;
type T;
@@
T fn(struct net_device *dev,
-	struct vlan_group *grp
+	bool grp
 ) {...}

@depends on reg && fld@
identifier reg.fn, fld.f;
expression D, E;
@@
 fn(D,
-	E->f
+	true
 )

@av@
identifier ops, fn;
@@
struct net_device_ops ops = {
	...,
	.ndo_vlan_rx_add_vid = fn,
	...
};

@kv@
identifier ops, fn;
@@
struct net_device_ops ops = {
	...,
	.ndo_vlan_rx_kill_vid = fn,
	...
};

@depends on av@
identifier av.fn, dev, vid;
type V;
typedef __be16;
@@
- void
+ int
  fn(struct net_device *dev
+	, __be16 proto
	, V vid)
  {
  <...
- return;
+ return 0;
  ...>
+ return 0;
  }

@depends on kv@
identifier kv.fn, dev, vid;
type V;
typedef __be16;
@@
- void
+ int
  fn(struct net_device *dev
+	, __be16 proto
	, V vid)
  {
  <...
- return;
+ return 0;
  ...>
+ return 0;
  }
