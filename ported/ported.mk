# SPDX-License-Identifier: GPL-2.0-only OR MIT
# ported/: real upstream drivers, compiled unmodified from Debian's kernel
# tree (make kernel-source) against include/linux-compat and linked as a
# driver .so for 'uldd run'. Each ported/<drv>/ holds only a recipe: the
# list of upstream files with their SHA-256 (upstream.sha256), checked
# before every build, so a hand edit of the tree cannot slip in.

KSRC := $(BUILD)/linux-source-6.1
KSRC_STAMP := $(KSRC)/.uldd-stamp
PORTED :=

$(KSRC_STAMP):
	$(Q)$(TOP)/scripts/kernel-source.sh $(BUILD) 6.1 6.12

# $(call ported_driver,NAME,TREE-DIR,FILES): FILES (.c, in TREE-DIR of the
# kernel tree) become $(BUILD)/ported/NAME.so.
define ported_driver
PORTED_$(1)_OBJ := $$(patsubst %.c,$$(BUILD)/k/ported/$(1)/%.o,$(3))
PORTED += $$(BUILD)/ported/$(1).so

$$(BUILD)/ported/$(1)/.verified: $$(TOP)/ported/$(1)/upstream.sha256 $$(KSRC_STAMP)
	@mkdir -p $$(dir $$@)
	@echo "  SHA256  ported/$(1) against $$(notdir $$(KSRC))/$(2)"
	$$(Q)cd $$(KSRC)/$(2) && sha256sum --quiet --strict -c $$(TOP)/ported/$(1)/upstream.sha256
	$$(Q)touch $$@

$$(BUILD)/k/ported/$(1)/%.o: $$(BUILD)/ported/$(1)/.verified | $$(SAN_STAMP)
	@mkdir -p $$(dir $$@)
	@echo "  KCC     $(2)/$$*.c"
	$$(Q)$$(CC) $$(KWORLD_CFLAGS) $$(KWORLD_FORCE) $$(KWORLD_DRIVER_CFLAGS) \
		-DKBUILD_MODNAME='"$(1)"' -I$$(TOP)/ported/$(1) -MMD -MP \
		-c -o $$@ $$(KSRC)/$(2)/$$*.c

$$(BUILD)/ported/$(1).o: $$(PORTED_$(1)_OBJ) $$(KWORLD_TOOLS)
	$$(call kworld_link,$$@,$$(PORTED_$(1)_OBJ))

$$(BUILD)/ported/$(1).so: $$(BUILD)/ported/$(1).o
	@echo "  SO      ported/$(1).so"
	$$(Q)$$(CC) $$(SAN_LDFLAGS) -shared -o $$@ $$<

KWORLD_GROUPS += $$(BUILD)/ported/$(1).o
endef



# TEMPORARY, until 'uldd port' and its manifests replace these recipes:
# $(call ported_driver_tree,NAME,SERIES,TREE-DIR,FILES,HEADERS) builds FILES
# from build/linux-source-SERIES into $(BUILD)/ported/SERIES/NAME.so, checked
# against ported/NAME/upstream-SERIES.sha256 (HEADERS are only hashed).
define ported_driver_tree
PORTED_$(1)_$(2)_OBJ := $$(patsubst %.c,$$(BUILD)/k/ported/$(2)/$(1)/%.o,$(4))
PORTED += $$(BUILD)/ported/$(2)/$(1).so

$$(BUILD)/ported/$(2)/$(1)/.verified: $$(TOP)/ported/$(1)/upstream-$(2).sha256 $$(KSRC_STAMP)
	@mkdir -p $$(dir $$@)
	@echo "  SHA256  ported/$(1) against linux-source-$(2)/$(3)"
	$$(Q)cd $$(BUILD)/linux-source-$(2)/$(3) && \
		sha256sum --quiet --strict -c $$(TOP)/ported/$(1)/upstream-$(2).sha256
	$$(Q)touch $$@

$$(BUILD)/k/ported/$(2)/$(1)/%.o: $$(BUILD)/ported/$(2)/$(1)/.verified | $$(SAN_STAMP)
	@mkdir -p $$(dir $$@)
	@echo "  KCC     $(2)/$(3)/$$*.c"
	$$(Q)$$(CC) $$(KWORLD_CFLAGS) $$(KWORLD_FORCE) $$(KWORLD_DRIVER_CFLAGS) \
		-DKBUILD_MODNAME='"$(1)"' -MMD -MP \
		-c -o $$@ $$(BUILD)/linux-source-$(2)/$(3)/$$*.c

$$(BUILD)/ported/$(2)/$(1).o: $$(PORTED_$(1)_$(2)_OBJ) $$(KWORLD_TOOLS)
	$$(call kworld_link,$$@,$$(PORTED_$(1)_$(2)_OBJ))

$$(BUILD)/ported/$(2)/$(1).so: $$(BUILD)/ported/$(2)/$(1).o
	@echo "  SO      ported/$(2)/$(1).so"
	$$(Q)$$(CC) $$(SAN_LDFLAGS) -shared -o $$@ $$<

KWORLD_GROUPS += $$(BUILD)/ported/$(2)/$(1).o
endef

include $(wildcard $(TOP)/ported/*/recipe.mk)

.PHONY: ported
ported: $(PORTED)
