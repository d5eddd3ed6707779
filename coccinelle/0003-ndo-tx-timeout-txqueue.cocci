// SPDX-License-Identifier: GPL-2.0-only OR MIT
// Change: ndo_tx_timeout takes the number of the stalled transmit queue as
// a second argument, void (*)(struct net_device *, unsigned int).
// Introduced in 5.6.
// Why a patch: the driver defines the callback with one parameter; its
// type no longer matches the member and no header can add a parameter to
// a function the driver defines.
// What it does: the function named as .ndo_tx_timeout in a struct
// net_device_ops, and its prototype, get "unsigned int txqueue".

@r@
identifier ops, cb;
@@
struct net_device_ops ops = {
	.ndo_tx_timeout = cb,
};

@depends on r@
identifier r.cb, dev;
type T;
@@
  T cb(struct net_device *dev
+	, unsigned int txqueue
  ) {...}

@depends on r@
identifier r.cb;
type T;
parameter p;
@@
  T cb(p
+	, unsigned int txqueue
  );
