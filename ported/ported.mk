# SPDX-License-Identifier: GPL-2.0-only OR MIT
# ported/: real upstream drivers, built by 'uldd port' (tools/port) from
# Debian's kernel trees (make kernel-source) against include/linux-compat,
# each into build/ported/SERIES/NAME.so for 'uldd run'. Each ported/NAME/
# holds a manifest (which Kbuild object, which trees, Kconfig choices, extra
# semantic patches) and the SHA-256 of the upstream files per tree, checked
# before every build, so a hand edit of the tree cannot slip in.

PORTED :=
PORTED_DEPS = $(PORT_CONFIG) $(SHIM_KO) $(LIBULDD_DEV) $(PORT_TOOL) $(KWORLD_TOOLS) \
	$(shell find $(TOP)/include/linux-compat -name '*.h') $(wildcard $(TOP)/coccinelle/*.cocci)

$(BUILD)/linux-source-%/.uldd-stamp: $(TOP)/ported/trees
	$(Q)$(TOP)/scripts/kernel-source.sh $(BUILD) $*

# $(call ported_manifest,NAME,SERIES): ported/NAME from linux-source-SERIES.
define ported_manifest
PORTED += $$(BUILD)/ported/$(2)/$(1).so
$$(BUILD)/ported/$(2)/$(1).so: $$(TOP)/ported/$(1)/manifest $$(wildcard $$(TOP)/ported/$(1)/upstream-$(2).sha256 $$(TOP)/ported/$(1)/*.cocci) \
		$$(PORTED_DEPS) $$(BUILD)/linux-source-$(2)/.uldd-stamp
	@echo "  PORT    $(1) from linux-source-$(2)"
	$$(Q)$$(PORT_TOOL) --config $$(PORT_CONFIG) --series $(2) --quiet $(1)
KWORLD_GROUPS += $$(BUILD)/port/$(2)/$(1)/$(1).o
endef

# $(call ported_own,NAME,TREE): ported/NAME from a tree of its own (a
# sample of this repository), into build/ported/$(notdir TREE)/NAME.so.
define ported_own
PORTED += $$(BUILD)/ported/$(notdir $(2))/$(1).so
$$(BUILD)/ported/$(notdir $(2))/$(1).so: $$(TOP)/ported/$(1)/manifest $$(wildcard $$(TOP)/ported/$(1)/$(2)/*) \
		$$(PORTED_DEPS)
	@echo "  PORT    $(1) from $(patsubst ../../%,%,$(2))"
	$$(Q)$$(PORT_TOOL) --config $$(PORT_CONFIG) --quiet $(1)
KWORLD_GROUPS += $$(BUILD)/port/$(notdir $(2))/$(1)/$(1).o
endef

ported_key = $(shell sed -n 's/^$(2) *= *//p' $(TOP)/ported/$(1)/manifest)
ported_trees = $(call ported_key,$(1),trees)
PORTED_NAMES := $(notdir $(patsubst %/manifest,%,$(wildcard $(TOP)/ported/*/manifest)))
$(foreach n,$(PORTED_NAMES),$(foreach s,$(call ported_trees,$(n)),$(eval $(call ported_manifest,$(n),$(s)))))
$(foreach n,$(PORTED_NAMES),$(if $(call ported_key,$(n),tree), \
	$(eval $(call ported_own,$(n),$(call ported_key,$(n),tree)))))

.PHONY: ported
ported: $(PORTED)

# Re-records every driver's upstream hashes, as after a new Debian upload
# of linux-source: each port's report names the files that changed.
port-record: $(PORT_CONFIG) $(SHIM_KO) $(LIBULDD_DEV)
	$(Q)$(foreach n,$(PORTED_NAMES),$(foreach s,$(call ported_trees,$(n)), \
		$(PORT_TOOL) --config $(PORT_CONFIG) --series $(s) --record --quiet $(n) || exit 1;))

# 'uldd port --stubs' on real drivers QEMU emulates, for tests/vm/
# t-port-stubs.sh: each .so stops at the first missing function. A port
# with gaps exits 1 by design; what counts is its report and .so. The
# i6300esb watchdog leads: the shim has the watchdog API's types but no
# watchdog core, so it stays a driver the shim cannot serve yet.
# A candidate that make ported builds from 6.1 with nothing missing would
# come out of --stubs the same (no stub to add: the same .so, and the same
# report with "stubs": []), so its port is copied rather than made a
# second time: a port runs every semantic patch over the driver's folder
# and compiles it, minutes of CI's two cores for seven drivers.
PORT_STUBS := i6300esb e1000e vmxnet3 tulip pcnet32 e100 ne2k-pci
PORT_STUBS_PORTED := $(foreach d,$(PORT_STUBS),$(if $(wildcard $(TOP)/ported/$(d)/manifest), \
	$(if $(filter 6.1,$(call ported_trees,$(d))),$(d))))
.PHONY: port-stubs
port-stubs: $(PORT_CONFIG) $(SHIM_KO) $(LIBULDD_DEV) $(BUILD)/linux-source-6.1/.uldd-stamp \
		$(foreach d,$(PORT_STUBS_PORTED),$(BUILD)/ported/6.1/$(d).so)
	$(Q)mkdir -p $(BUILD)/ported/stubs
	$(Q)for d in $(PORT_STUBS); do \
		r=$(BUILD)/ported/6.1/$$d; o=$(BUILD)/ported/stubs/$$d; \
		if [ -f $$r.so ] && jq -e '.missing == [] and .kconfig == [] and .other_errors == [] and \
				.stubs == [] and (.result | endswith(", nothing missing"))' $$r.port.json >/dev/null 2>&1; then \
			cp $$r.so $$o.so && \
			sed 's|$(BUILD)/ported/6.1/|$(BUILD)/ported/stubs/|g' $$r.port.json >$$o.port.json && \
			sed 's|$(BUILD)/ported/6.1/|$(BUILD)/ported/stubs/|g' $$r.port.txt >$$o.port.txt || exit 1; \
		else \
			$(PORT_TOOL) --config $(PORT_CONFIG) --series 6.1 --stubs --out $(BUILD)/ported/stubs \
				--quiet $$d >/dev/null 2>&1; \
		fi; \
		test -s $$o.port.json || { echo "port-stubs: no report for $$d" >&2; exit 1; }; \
		echo "  STUBS   $$d: $$(jq -r '.result' $$o.port.json)"; \
	done
