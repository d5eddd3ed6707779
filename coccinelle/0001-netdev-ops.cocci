// SPDX-License-Identifier: GPL-2.0-only OR MIT
// Change: a net_device's callbacks moved from fields of struct net_device
// (dev->open, dev->hard_start_xmit, ...) into a struct net_device_ops that
// dev->netdev_ops points to. Introduced in 2.6.29; the old fields were
// removed in 2.6.31.
// Why a patch: the driver writes the fields one by one and the fields no
// longer exist in struct net_device (whose layout is uldd's ABI); a header
// cannot turn assignments into one static initializer.
// What it does: in the function that sets dev->hard_start_xmit, every old
// callback assignment on the same device is removed and becomes a member of
// a new "static const struct net_device_ops <function>_netdev_ops" placed
// before that function, and dev->netdev_ops points to it. The callbacks
// must be declared before that function, as they are where it assigned them.
// Old ioctl handlers served the MII ioctls, which ndo_eth_ioctl receives
// since 5.15, so do_ioctl becomes ndo_eth_ioctl. The VLAN fields
// (vlan_rx_register, vlan_rx_add_vid, vlan_rx_kill_vid) become their ndo_
// members with their old types; 0016-vlan-group ports them on.

@ops@
identifier fn, xmit;
expression dev;
fresh identifier nops = fn ## "_netdev_ops";
@@
fn(...)
{
<...
- dev->hard_start_xmit = xmit;
+ dev->netdev_ops = &nops;
...>
}

@depends on ops@
identifier ops.fn, ops.xmit, ops.nops;
@@
+static const struct net_device_ops nops = {
+	.ndo_start_xmit = xmit,
+};
+
fn(...) {...}

// One pair of rules per old field: take the assignment out of the
// function, add the member to the initializer made above.
@open@
identifier ops.fn, cb;
expression ops.dev;
@@
fn(...)
{
<...
- dev->open = cb;
...>
}

@depends on open@
identifier ops.nops, open.cb;
@@
struct net_device_ops nops = {
+	.ndo_open = cb,
	...
};

@stop@
identifier ops.fn, cb;
expression ops.dev;
@@
fn(...)
{
<...
- dev->stop = cb;
...>
}

@depends on stop@
identifier ops.nops, stop.cb;
@@
struct net_device_ops nops = {
	...,
+	.ndo_stop = cb,
};

@get_stats@
identifier ops.fn, cb;
expression ops.dev;
@@
fn(...)
{
<...
- dev->get_stats = cb;
...>
}

@depends on get_stats@
identifier ops.nops, get_stats.cb;
@@
struct net_device_ops nops = {
	...,
+	.ndo_get_stats = cb,
};

@set_multicast_list@
identifier ops.fn, cb;
expression ops.dev;
@@
fn(...)
{
<...
- dev->set_multicast_list = cb;
...>
}

@depends on set_multicast_list@
identifier ops.nops, set_multicast_list.cb;
@@
struct net_device_ops nops = {
	...,
+	.ndo_set_rx_mode = cb,
};

@set_mac_address@
identifier ops.fn, cb;
expression ops.dev;
@@
fn(...)
{
<...
- dev->set_mac_address = cb;
...>
}

@depends on set_mac_address@
identifier ops.nops, set_mac_address.cb;
@@
struct net_device_ops nops = {
	...,
+	.ndo_set_mac_address = cb,
};

@change_mtu@
identifier ops.fn, cb;
expression ops.dev;
@@
fn(...)
{
<...
- dev->change_mtu = cb;
...>
}

@depends on change_mtu@
identifier ops.nops, change_mtu.cb;
@@
struct net_device_ops nops = {
	...,
+	.ndo_change_mtu = cb,
};

@do_ioctl@
identifier ops.fn, cb;
expression ops.dev;
@@
fn(...)
{
<...
- dev->do_ioctl = cb;
...>
}

@depends on do_ioctl@
identifier ops.nops, do_ioctl.cb;
@@
struct net_device_ops nops = {
	...,
+	.ndo_eth_ioctl = cb,
};

@tx_timeout@
identifier ops.fn, cb;
expression ops.dev;
@@
fn(...)
{
<...
- dev->tx_timeout = cb;
...>
}

@depends on tx_timeout@
identifier ops.nops, tx_timeout.cb;
@@
struct net_device_ops nops = {
	...,
+	.ndo_tx_timeout = cb,
};

@poll_controller@
identifier ops.fn, cb;
expression ops.dev;
@@
fn(...)
{
<...
- dev->poll_controller = cb;
...>
}

@depends on poll_controller@
identifier ops.nops, poll_controller.cb;
@@
struct net_device_ops nops = {
	...,
+	.ndo_poll_controller = cb,
};

@vlan_rx_register@
identifier ops.fn, cb;
expression ops.dev;
@@
fn(...)
{
<...
- dev->vlan_rx_register = cb;
...>
}

@depends on vlan_rx_register@
identifier ops.nops, vlan_rx_register.cb;
@@
struct net_device_ops nops = {
+	.ndo_vlan_rx_register = cb,
	...
};

@vlan_rx_add_vid@
identifier ops.fn, cb;
expression ops.dev;
@@
fn(...)
{
<...
- dev->vlan_rx_add_vid = cb;
...>
}

@depends on vlan_rx_add_vid@
identifier ops.nops, vlan_rx_add_vid.cb;
@@
struct net_device_ops nops = {
+	.ndo_vlan_rx_add_vid = cb,
	...
};

@vlan_rx_kill_vid@
identifier ops.fn, cb;
expression ops.dev;
@@
fn(...)
{
<...
- dev->vlan_rx_kill_vid = cb;
...>
}

@depends on vlan_rx_kill_vid@
identifier ops.nops, vlan_rx_kill_vid.cb;
@@
struct net_device_ops nops = {
+	.ndo_vlan_rx_kill_vid = cb,
	...
};
