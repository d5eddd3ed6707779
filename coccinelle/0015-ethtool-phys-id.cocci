// SPDX-License-Identifier: GPL-2.0-only OR MIT
// Change: ethtool_ops.phys_id(dev, u32 seconds), which blinked the port's
// LEDs itself and returned when done, gave way to set_phys_id(dev, enum
// ethtool_phys_id_state), called by the core with ETHTOOL_ID_ACTIVE, then
// ON/OFF or nothing, then ETHTOOL_ID_INACTIVE; the core keeps the time.
// set_phys_id came in 2.6.40 (3.0); phys_id was removed in 3.2?.
// Why a patch: the member is gone from struct ethtool_ops (uldd's ABI) and
// its function type differs; a header cannot add a function that adapts
// the driver's own one.
// What it does: for .phys_id = fn, adds fn_state right after fn's
// definition and names it in .set_phys_id. The core no longer passes the
// user's time to the driver, so the mapping is: on ETHTOOL_ID_ACTIVE,
// fn_state calls fn with 2 seconds, blocking as the old callback did (its
// own blink loop, its own LED restore), and returns fn's result; 0 tells
// the core the driver blinks by itself, so no ON/OFF steps follow, and
// INACTIVE has nothing to undo since fn restored the LEDs. Not 0 seconds:
// old drivers read 0 as "until a signal", which may never come. So the
// port blinks 2 seconds whatever time the user asked for.

@p@
identifier ops, fn;
fresh identifier st = fn ## "_state";
@@
struct ethtool_ops ops = {
	...,
-	.phys_id = fn,
+	.set_phys_id = st,
	...
};

@depends on p@
identifier p.fn, p.st;
type T;
@@
T fn(...) {...}
+
+static int st(struct net_device *dev, enum ethtool_phys_id_state state)
+{
+	if (state != ETHTOOL_ID_ACTIVE)
+		return 0;
+	return fn(dev, 2);
+}
