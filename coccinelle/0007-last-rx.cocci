// SPDX-License-Identifier: GPL-2.0-only OR MIT
// Change: struct net_device lost last_rx, the jiffies of the last receive
// that drivers stored and (almost) nobody read. Removed in 4.11.
// Why a patch: the driver writes a field that no longer exists in struct
// net_device (uldd's ABI); the statement has no effect, so it goes.
// What it does: deletes "dev->last_rx = jiffies;".

@@
expression dev;
symbol jiffies;
@@
- dev->last_rx = jiffies;
