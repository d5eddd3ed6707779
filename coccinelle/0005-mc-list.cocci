// SPDX-License-Identifier: GPL-2.0-only OR MIT
// Change: the multicast list changed from a singly linked list of struct
// dev_mc_list (dev->mc_list, dev->mc_count, dmi->dmi_addr, dmi->next) to a
// list of struct netdev_hw_addr walked with netdev_for_each_mc_addr(ha,
// dev) and counted with netdev_mc_count(dev). netdev_for_each_mc_addr
// came in 2.6.34; the old list was removed in 2.6.35.
// Why a patch: the driver walks fields of struct net_device that no longer
// exist and spells the loop itself; a header cannot rewrite a for loop.
// What it does: rewrites the two usual walks (until NULL, or counting to
// mc_count with an index used nowhere in the body), dmi_addr, mc_count and
// the variable's type. A counting walk whose body uses the index is left
// to 0018-mc-list-index (the walk above would drop its increments).

@addr@
struct dev_mc_list *mc;
@@
- mc->dmi_addr
+ mc->addr

@walk@
identifier mc;
expression dev;
statement S;
iterator name netdev_for_each_mc_addr;
@@
- for (mc = dev->mc_list; mc; mc = mc->next)
+ netdev_for_each_mc_addr(mc, dev)
  S

// Counting walks: only those whose body never names the index.
@counted@
identifier mc, i;
expression dev, C;
statement S;
position p;
@@
for@p (i = 0, mc = dev->mc_list; C; i++, mc = mc->next)
  S

@script:python unindexed@
i << counted.i;
S << counted.S;
@@
import re
if re.search(r"\b%s\b" % re.escape(i), S):
    cocci.include_match(False)

@@
position counted.p;
identifier mc, i;
expression dev;
statement S;
iterator name netdev_for_each_mc_addr;
@@
(
- for@p (i = 0, mc = dev->mc_list; mc && i < dev->mc_count; i++, mc = mc->next)
+ netdev_for_each_mc_addr(mc, dev)
  S
|
- for@p (i = 0, mc = dev->mc_list; i < dev->mc_count; i++, mc = mc->next)
+ netdev_for_each_mc_addr(mc, dev)
  S
)

@@
expression dev;
@@
- dev->mc_count
+ netdev_mc_count(dev)

@@
@@
- struct dev_mc_list
+ struct netdev_hw_addr
