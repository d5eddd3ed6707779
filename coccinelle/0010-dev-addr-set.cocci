// SPDX-License-Identifier: GPL-2.0-only OR MIT
// Change: dev->dev_addr became const; a driver sets its hardware address
// with eth_hw_addr_set(dev, addr) (or dev_addr_set/dev_addr_mod), so that
// the core sees every change. Const since 5.17 (the setters came in 5.15).
// Why a patch: the driver writes through the pointer; a header cannot make
// a write through a const pointer call a function, and uldd needs the call
// (it mirrors the address on the TAP interface).
// What it does: memcpy or ether_addr_copy of a whole Ethernet address into
// dev->dev_addr becomes eth_hw_addr_set(); a byte store
// dev->dev_addr[i] = v becomes dev_addr_mod(dev, i, &byte, 1).

@@
expression dev, src;
@@
(
- memcpy(dev->dev_addr, src, ETH_ALEN);
+ eth_hw_addr_set(dev, src);
|
- memcpy(dev->dev_addr, src, 6);
+ eth_hw_addr_set(dev, src);
|
- ether_addr_copy(dev->dev_addr, src);
+ eth_hw_addr_set(dev, src);
)

@@
expression dev, src, len;
@@
- memcpy(dev->dev_addr, src, len);
+ dev_addr_mod(dev, 0, src, len);

@@
expression dev, i, v;
typedef u8;
@@
- dev->dev_addr[i] = v;
+ {
+	u8 byte = v;
+
+	dev_addr_mod(dev, i, &byte, 1);
+ }
