# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Realtek RTL8139C+ (QEMU's rtl8139 is one), 8139cp.c from Linux 6.1 and 6.12,
# as it is. TEMPORARY recipe: 'uldd port' and ported/8139cp/manifest replace it.
$(eval $(call ported_driver_tree,8139cp,6.1,drivers/net/ethernet/realtek,8139cp.c))
$(eval $(call ported_driver_tree,8139cp,6.12,drivers/net/ethernet/realtek,8139cp.c))
