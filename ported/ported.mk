# SPDX-License-Identifier: GPL-2.0-only OR MIT
# ported/: real upstream drivers, compiled unmodified from Debian's kernel
# tree (make kernel-source) against include/linux-compat and linked as a
# driver .so for 'uldd run'. Each ported/<drv>/ holds only a recipe: the
# list of upstream files with their SHA-256 (upstream-SERIES.sha256), checked
# before every build, so a hand edit of the tree cannot slip in.

PORTED :=

# Each series' tree, unpacked on first use (make kernel-source does both).
$(BUILD)/linux-source-%/.uldd-stamp:
	$(Q)$(TOP)/scripts/kernel-source.sh $(BUILD) $*

# $(call ported_driver,NAME,TREE-DIR,FILES,SERIES): FILES (.c, in TREE-DIR
# of Debian's linux-source-SERIES) become $(BUILD)/ported/SERIES/NAME.so,
# checked against ported/NAME/upstream-SERIES.sha256.
# TEMPORARY (branch tree612): the SERIES argument and ported_alias stand in
# until 'uldd port' replaces these recipes.
define ported_driver
PORTED_$(4)_$(1)_KSRC := $$(BUILD)/linux-source-$(4)
PORTED_$(4)_$(1)_SUMS := $$(TOP)/ported/$(1)/upstream-$(4).sha256
PORTED_$(4)_$(1)_OBJ := $$(patsubst %.c,$$(BUILD)/k/ported/$(4)/$(1)/%.o,$(3))
PORTED += $$(BUILD)/ported/$(4)/$(1).so

$$(BUILD)/ported/$(4)/$(1)/.verified: $$(PORTED_$(4)_$(1)_SUMS) $$(PORTED_$(4)_$(1)_KSRC)/.uldd-stamp
	@mkdir -p $$(dir $$@)
	@echo "  SHA256  ported/$(1) against linux-source-$(4)/$(2)"
	$$(Q)cd $$(PORTED_$(4)_$(1)_KSRC)/$(2) && sha256sum --quiet --strict -c $$(PORTED_$(4)_$(1)_SUMS)
	$$(Q)touch $$@

$$(BUILD)/k/ported/$(4)/$(1)/%.o: $$(BUILD)/ported/$(4)/$(1)/.verified | $$(SAN_STAMP)
	@mkdir -p $$(dir $$@)
	@echo "  KCC     $(4)/$(2)/$$*.c"
	$$(Q)$$(CC) $$(KWORLD_CFLAGS) $$(KWORLD_FORCE) $$(KWORLD_DRIVER_CFLAGS) \
		-DKBUILD_MODNAME='"$(1)"' -I$$(TOP)/ported/$(1) -MMD -MP \
		-c -o $$@ $$(PORTED_$(4)_$(1)_KSRC)/$(2)/$$*.c

$$(BUILD)/ported/$(4)/$(1).o: $$(PORTED_$(4)_$(1)_OBJ) $$(KWORLD_TOOLS)
	$$(call kworld_link,$$@,$$(PORTED_$(4)_$(1)_OBJ))

$$(BUILD)/ported/$(4)/$(1).so: $$(BUILD)/ported/$(4)/$(1).o
	@echo "  SO      ported/$(4)/$(1).so"
	$$(Q)$$(CC) $$(SAN_LDFLAGS) -shared -o $$@ $$<

KWORLD_GROUPS += $$(BUILD)/ported/$(4)/$(1).o
endef

# $(call ported_alias,NAME,SERIES): $(BUILD)/ported/NAME.so is SERIES' build,
# the path older tests and scripts name.
define ported_alias
PORTED += $$(BUILD)/ported/$(1).so

$$(BUILD)/ported/$(1).so: $$(BUILD)/ported/$(2)/$(1).so
	$$(Q)cp $$< $$@
endef

include $(wildcard $(TOP)/ported/*/recipe.mk)

.PHONY: ported
ported: $(PORTED)
