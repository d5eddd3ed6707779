// SPDX-License-Identifier: GPL-2.0-only OR MIT
// Change: struct net_device lost trans_start; the time of the last
// transmit lives in each transmit queue, set by netif_trans_update(dev)
// and read by dev_trans_start(dev). Changed in 4.7.
// Why a patch: the driver writes a field of struct net_device that no
// longer exists (uldd's net_device has no such member: its layout is the
// ABI); a header cannot turn a field assignment into a call.
// What it does: "dev->trans_start = jiffies;" becomes
// netif_trans_update(dev); a read of dev->trans_start becomes
// dev_trans_start(dev). A struct netdev_queue keeps its own trans_start.

@@
struct netdev_queue *txq;
expression dev;
symbol jiffies;
@@
(
  txq->trans_start = jiffies;
|
- dev->trans_start = jiffies;
+ netif_trans_update(dev);
)

@@
struct net_device *dev;
@@
- dev->trans_start
+ dev_trans_start(dev)
