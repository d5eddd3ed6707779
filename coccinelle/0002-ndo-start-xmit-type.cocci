// SPDX-License-Identifier: GPL-2.0-only OR MIT
// Change: ndo_start_xmit returns netdev_tx_t (NETDEV_TX_OK, NETDEV_TX_BUSY),
// an enum, instead of int. Introduced in 2.6.32.
// Why a patch: a function returning int is not compatible with the
// member's function pointer type, so the driver's own definition must
// change; no header can retype a function the driver defines.
// What it does: the transmit function named in a struct net_device_ops
// (and its prototype, if any) returns netdev_tx_t.

@r@
identifier ops, xmit;
@@
struct net_device_ops ops = {
	.ndo_start_xmit = xmit,
};

// netdev_tx_t is named as a type so that the added code parses.
@depends on r@
identifier r.xmit;
parameter list ps;
typedef netdev_tx_t;
@@
- int
+ netdev_tx_t
  xmit(ps)
  {
  ...
  }

@depends on r@
identifier r.xmit;
parameter list ps;
typedef netdev_tx_t;
@@
- int
+ netdev_tx_t
  xmit(ps);
