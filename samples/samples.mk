# SPDX-License-Identifier: GPL-2.0-only OR MIT
# samples/: kernel-style drivers written here (not ported) to exercise the
# shim. Each folder is one driver .so: compiled K-world, renamed into the
# kernel namespace like the shim, then linked as a shared object that
# 'uldd run' loads, against libuldd.so.N (abi/).

# Every folder but oldstyle, which is 2.6 API for the semantic patches
# (coccinelle/cocci.mk builds it).
SAMPLES := $(filter-out oldstyle,$(notdir $(patsubst %/,%,$(wildcard $(TOP)/samples/*/))))

define sample_rule
$$(eval $$(call kworld_dir,samples/$(1)))
SAMPLE_$(1)_OBJ := $$(patsubst $$(TOP)/%.c,$$(BUILD)/k/%.o,$$(wildcard $$(TOP)/samples/$(1)/*.c))
$$(foreach o,$$(SAMPLE_$(1)_OBJ),$$(eval KCFLAGS_$$(patsubst $$(BUILD)/k/%,%,$$(o)) += \
	-DKBUILD_MODNAME='"$(1)"' $$(KWORLD_DRIVER_CFLAGS)))

$$(BUILD)/samples/$(1).o: $$(SAMPLE_$(1)_OBJ) $$(KWORLD_TOOLS)
	$$(call kworld_link,$$@,$$(SAMPLE_$(1)_OBJ))

$$(BUILD)/samples/$(1).so: $$(BUILD)/samples/$(1).o $$(LIBULDD_DEV)
	@echo "  SO      samples/$(1).so"
	$$(Q)$$(CC) $$(SAN_LDFLAGS) -o $$@ $$< $$(DRIVER_LDFLAGS)

KWORLD_GROUPS += $$(BUILD)/samples/$(1).o
check-namespace: $$(BUILD)/samples/$(1).o
all: $$(BUILD)/samples/$(1).so
endef
$(foreach s,$(SAMPLES),$(eval $(call sample_rule,$(s))))
