# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Realtek RTL8139 before the C+ (it refuses revision 0x20 and up, naming
# 8139cp), 8139too.c from Linux 6.1 and 6.12, as it is. TEMPORARY recipe:
# 'uldd port' and ported/8139too/manifest replace it.
$(eval $(call ported_driver_tree,8139too,6.1,drivers/net/ethernet/realtek,8139too.c))
$(eval $(call ported_driver_tree,8139too,6.12,drivers/net/ethernet/realtek,8139too.c))
