// SPDX-License-Identifier: GPL-2.0-only OR MIT
// Change: the one of 0005-mc-list (struct dev_mc_list and dev->mc_list
// gave way to netdev_for_each_mc_addr() over struct netdev_hw_addr;
// removed in 2.6.35), for a counting walk whose body uses its index, as a
// driver that writes the N-th address into the N-th filter slot does.
// Why a patch: dev->mc_list and ->next are gone from the structs (uldd's
// ABI) and the loop is the driver's own; a header cannot rewrite it.
// What it does: after 0005 (which has renamed dmi_addr, mc_count and the
// type, and left these loops), a walk
//   for (i = 0, mc = dev->mc_list; [mc &&] i < netdev_mc_count(dev);
//        i++, mc = mc->next) BODY
// becomes "i = 0;" and netdev_for_each_mc_addr(mc, dev) { BODY i++; },
// so the body sees the same index and i ends at the count, as before.
// Not handled: a body with a continue (it would skip the increment), or
// another bound on i in the condition; both stay as they are and fail to
// compile, to be ported by hand.

@walk@
identifier mc, i;
expression dev, C;
statement S;
position p;
@@
for@p (i = 0, mc = dev->mc_list; C; i++, mc = mc->next)
  S

@script:python plain@
S << walk.S;
@@
import re
if re.search(r"\bcontinue\b", S):
    cocci.include_match(False)

@@
position walk.p;
identifier mc, i;
expression dev;
statement list SL;
statement S;
iterator name netdev_for_each_mc_addr;
@@
(
- for@p (i = 0, mc = dev->mc_list; \( mc && i < netdev_mc_count(dev) \| i < netdev_mc_count(dev) \); i++, mc = mc->next) {
+ i = 0;
+ netdev_for_each_mc_addr(mc, dev) {
  SL
+ i++;
  }
|
- for@p (i = 0, mc = dev->mc_list; \( mc && i < netdev_mc_count(dev) \| i < netdev_mc_count(dev) \); i++, mc = mc->next)
-   S
+ i = 0;
+ netdev_for_each_mc_addr(mc, dev) {
+   S
+   i++;
+ }
)
