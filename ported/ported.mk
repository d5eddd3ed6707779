# SPDX-License-Identifier: GPL-2.0-only OR MIT
# ported/: real upstream drivers, built by 'uldd port' (tools/port) from
# Debian's kernel trees (make kernel-source) against include/linux-compat,
# each into build/ported/SERIES/NAME.so for 'uldd run'. Each ported/NAME/
# holds a manifest (which Kbuild object, which trees, Kconfig choices, extra
# semantic patches) and the SHA-256 of the upstream files per tree, checked
# before every build, so a hand edit of the tree cannot slip in.

PORTED :=
PORTED_DEPS = $(PORT_CONFIG) $(SHIM_KO) $(PORT_TOOL) $(KWORLD_TOOLS) \
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

ported_trees = $(shell sed -n 's/^trees *= *//p' $(TOP)/ported/$(1)/manifest)
PORTED_NAMES := $(notdir $(patsubst %/manifest,%,$(wildcard $(TOP)/ported/*/manifest)))
$(foreach n,$(PORTED_NAMES),$(foreach s,$(call ported_trees,$(n)),$(eval $(call ported_manifest,$(n),$(s)))))

.PHONY: ported
ported: $(PORTED)

# Re-records every driver's upstream hashes, as after a new Debian upload
# of linux-source: each port's report names the files that changed.
port-record: $(PORT_CONFIG) $(SHIM_KO)
	$(Q)$(foreach n,$(PORTED_NAMES),$(foreach s,$(call ported_trees,$(n)), \
		$(PORT_TOOL) --config $(PORT_CONFIG) --series $(s) --record --quiet $(n) || exit 1;))
