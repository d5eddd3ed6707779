// SPDX-License-Identifier: GPL-2.0-only OR MIT
// Change: struct net_device lost its "priv" pointer; the private area that
// alloc_netdev()/alloc_etherdev() reserve is reached with netdev_priv(dev).
// Removed in 2.6.29.
// Why a patch: dev->priv is a field access; a header cannot add a field
// to struct net_device (uldd's ABI) that tracks netdev_priv(), and a macro
// named "priv" would break every other struct with such a member.
// What it does: reads of dev->priv, dev a struct net_device *, become
// netdev_priv(dev). An assignment to dev->priv (a private area allocated
// apart) is left alone and fails to compile, as it should.

// A store to dev->priv is no read: remember where, to leave it alone.
@store@
struct net_device *dev;
expression E;
position p;
@@
dev->priv@p = E

@@
struct net_device *dev;
position p != store.p;
@@
- dev->priv@p
+ netdev_priv(dev)
