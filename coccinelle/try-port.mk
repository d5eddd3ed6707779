# SPDX-License-Identifier: GPL-2.0-only OR MIT
# The one place that ports samples/oldstyle by hand, until 'uldd port
# --ksrc samples/oldstyle edunet' does it: copy the sources into build/,
# apply every coccinelle/*.cocci to the copies in order, compile them as
# ported/ported.mk compiles an upstream driver, and link the same way, into
# $(BUILD)/ported/samples/edunet.so (tests/vm/t-oldstyle.sh runs it).
# 'make ported' builds it.

TRYPORT_DIR := $(BUILD)/tryport/oldstyle
TRYPORT_SRC := $(wildcard $(TOP)/samples/oldstyle/*.c)
TRYPORT_OBJ := $(patsubst $(TOP)/samples/oldstyle/%.c,$(TRYPORT_DIR)/%.o,$(TRYPORT_SRC))
TRYPORT_SO := $(BUILD)/ported/samples/edunet.so

$(TRYPORT_DIR)/.patched: $(TRYPORT_SRC) $(COCCI_PATCHES)
	@echo "  SPATCH  samples/oldstyle ($(words $(COCCI_PATCHES)) patches)"
	$(Q)rm -rf $(TRYPORT_DIR) && mkdir -p $(TRYPORT_DIR) && cp $(TRYPORT_SRC) $(TRYPORT_DIR)/
	$(Q)for p in $(COCCI_PATCHES); do \
		spatch --very-quiet --no-show-diff --no-includes --in-place --sp-file $$p \
			--dir $(TRYPORT_DIR) || exit 1; \
	done
	$(Q)touch $@

$(TRYPORT_DIR)/%.o: $(TRYPORT_DIR)/.patched | $(SAN_STAMP)
	@echo "  KCC     tryport/oldstyle/$*.c"
	$(Q)$(CC) $(KWORLD_CFLAGS) $(KWORLD_FORCE) $(KWORLD_DRIVER_CFLAGS) \
		-DKBUILD_MODNAME='"edunet"' -c -o $@ $(TRYPORT_DIR)/$*.c

$(BUILD)/ported/samples/edunet.o: $(TRYPORT_OBJ) $(KWORLD_TOOLS)
	$(call kworld_link,$@,$(TRYPORT_OBJ))

$(TRYPORT_SO): $(BUILD)/ported/samples/edunet.o
	@echo "  SO      ported/samples/edunet.so"
	$(Q)$(CC) $(SAN_LDFLAGS) -shared -o $@ $<

KWORLD_GROUPS += $(BUILD)/ported/samples/edunet.o
.PHONY: try-port
try-port: $(TRYPORT_SO)
ported: $(TRYPORT_SO)
