# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Intel PRO/1000 (8254x), Linux 6.1's e1000: four files, as they are.
$(eval $(call ported_driver,e1000,drivers/net/ethernet/intel/e1000,\
	e1000_main.c e1000_hw.c e1000_ethtool.c e1000_param.c))
