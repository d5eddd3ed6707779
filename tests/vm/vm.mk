# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Guest test suite (QEMU, TCG, intel-iommu): make vm-setup, vm-check, or
# vm-test T=t-boot. Included by the top-level Makefile, which sets TOP, BUILD.
.PHONY: vm-setup vm-check vm-test

vm-setup:
	@$(TOP)/tests/vm/setup-guest.sh $(BUILD)

vm-check: vm-setup
	@$(TOP)/tests/vm/run-all.sh $(BUILD)

# One test, with its own output: make vm-test T=t-bind. A skip (status 77)
# is not a failure: run.sh's last line says "SKIP t-name (reason)".
vm-test: vm-setup
	@test -n "$(T)" || { echo "usage: make vm-test T=t-boot" >&2; exit 2; }
	@rc=0; $(TOP)/tests/vm/run.sh $(BUILD) $(TOP)/tests/vm/$(basename $(notdir $(T))).sh || rc=$$?; \
		[ $$rc -eq 0 ] || [ $$rc -eq 77 ] || exit $$rc
