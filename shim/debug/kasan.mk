# SPDX-License-Identifier: GPL-2.0-only OR MIT
# 'make kasan': the drivers again, from the same sources, instrumented for
# 'uldd run --debug=kasan' (shim/debug/kasan.c): every load and store of
# the driver calls the shim's check first. build/kasan/samples/NAME.so for
# each sample; build/kasan/ported/6.1/e1000.so with 'make kasan-ported'
# (needs the 6.1 tree: make kernel-source).
#
# Outline mode (a call per access, no inline shadow arithmetic): the shadow
# covers the arena only and is found through the arena's lookup, not at a
# fixed offset. No stack or global checks: those have no shadow here.

KASAN_BUILD := $(BUILD)/kasan
KASAN_CFLAGS := -fsanitize=kernel-address --param asan-instrumentation-with-call-threshold=0 \
	--param asan-stack=0 --param asan-globals=0 -fno-sanitize-address-use-after-scope
KASAN_LINK := $(TOP)/shim/debug/kasan-link.sh
KASAN_SOS :=

define kasan_sample_rule
KASAN_$(1)_OBJ := $$(patsubst $$(TOP)/%.c,$$(KASAN_BUILD)/k/%.o,$$(wildcard $$(TOP)/samples/$(1)/*.c))

$$(KASAN_BUILD)/k/samples/$(1)/%.o: $$(TOP)/samples/$(1)/%.c | $$(SAN_STAMP)
	@mkdir -p $$(dir $$@)
	@echo "  KASAN   samples/$(1)/$$*.c"
	$$(Q)$$(CC) $$(KWORLD_CFLAGS) $$(KWORLD_FORCE) $$(KASAN_CFLAGS) -DKBUILD_MODNAME='"$(1)"' \
		$$(KWORLD_DRIVER_CFLAGS) -MMD -MP -c -o $$@ $$<

$$(KASAN_BUILD)/samples/$(1).o: $$(KASAN_$(1)_OBJ) $$(KWORLD_TOOLS) $$(KASAN_LINK)
	@mkdir -p $$(dir $$@)
	@echo "  KLD     kasan/samples/$(1).o"
	$$(Q)$$(KASAN_LINK) $$(KWORLD_ALLOW) $$(KWORLD_PREFIX) $$@ $$(KASAN_$(1)_OBJ)

$$(KASAN_BUILD)/samples/$(1).so: $$(KASAN_BUILD)/samples/$(1).o $$(LIBULDD_DEV)
	@echo "  SO      kasan/samples/$(1).so"
	$$(Q)$$(CC) -o $$@ $$< $$(DRIVER_LDFLAGS)

KASAN_SOS += $$(KASAN_BUILD)/samples/$(1).so
endef
.PHONY: kasan kasan-ported
ifeq ($(SANITIZE),)
$(foreach s,$(SAMPLES),$(eval $(call kasan_sample_rule,$(s))))
kasan: $(KASAN_SOS)

# The port tool compiles and links as its config says: the same config as
# a normal port, with the kasan flags and link, writing under build/kasan.
KASAN_PORT_CONFIG := $(KASAN_BUILD)/port/config.json
$(KASAN_PORT_CONFIG): $(PORT_CONFIG) $(TOP)/shim/debug/kasan.mk
	@mkdir -p $(dir $@)
	@echo "  GEN     kasan/port/config.json"
	$(Q)python3 -c 'import json, sys; c = json.load(open(sys.argv[1])); \
		c["build"] = sys.argv[2]; c["kworld_cflags"] += sys.argv[3].split(); \
		c["kworld_link"] = sys.argv[4]; json.dump(c, open(sys.argv[5], "w"), indent=1)' \
		$(PORT_CONFIG) $(KASAN_BUILD) "$(KASAN_CFLAGS)" $(KASAN_LINK) $@
	$(Q)ln -sfn ../linux-source-6.1 $(KASAN_BUILD)/linux-source-6.1

kasan-ported: $(KASAN_PORT_CONFIG) $(SHIM_KO) $(LIBULDD_DEV) $(BUILD)/linux-source-6.1/.uldd-stamp
	@echo "  PORT    e1000 from linux-source-6.1, for kasan"
	$(Q)$(PORT_TOOL) --config $(KASAN_PORT_CONFIG) --series 6.1 --quiet e1000

# The guest tests run the instrumented samples (tests/vm/debug/10-kasan.sh).
vm-check vm-test: kasan
else
kasan kasan-ported:
	@echo "make $@: not with SANITIZE= (a second sanitizer in one driver)" >&2; exit 2
endif
