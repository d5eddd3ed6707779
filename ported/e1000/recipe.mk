# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Intel PRO/1000 (8254x), e1000 of Linux 6.1 and of Linux 6.12: four files,
# as they are. build/ported/e1000.so stays 6.1's for the tests that name it.
E1000_FILES := e1000_main.c e1000_hw.c e1000_ethtool.c e1000_param.c
$(eval $(call ported_driver,e1000,drivers/net/ethernet/intel/e1000,$(E1000_FILES),6.1))
$(eval $(call ported_driver,e1000,drivers/net/ethernet/intel/e1000,$(E1000_FILES),6.12))
$(eval $(call ported_alias,e1000,6.1))
