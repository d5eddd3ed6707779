# SPDX-License-Identifier: GPL-2.0-only OR MIT
# tests/conform/: the conformance suite (conform.h), built three ways from
# the same case files:
#   build/tests/conform/conform.so     a uldd driver (module.c): uldd run it
#   build/tests/conform/kmod/*.ko      a Linux module for the guest's kernel
#                                      (make conform-kmod; Debian's headers)
#   test_conform                       the unit harness (uldd/harness.c):
#                                      the device-less cases under the shim
# Included before tests/unit/unit.mk, which makes test_conform from
# UNIT_KWORLD_conform.

$(eval $(call kworld_dir,tests/conform))
CONFORM_SRC := $(wildcard $(TOP)/tests/conform/*.c)
CONFORM_CASES_OBJ := $(patsubst $(TOP)/%.c,$(BUILD)/k/%.o,$(filter-out %/module.c,$(CONFORM_SRC)))
CONFORM_MODULE_OBJ := $(BUILD)/k/tests/conform/module.o
$(foreach o,$(CONFORM_CASES_OBJ) $(CONFORM_MODULE_OBJ),$(eval \
	KCFLAGS_$(patsubst $(BUILD)/k/%,%,$(o)) += -DKBUILD_MODNAME='"uldd_conform"' $(KWORLD_DRIVER_CFLAGS) \
	-I$(TOP)/samples/edu))

CONFORM_SO_KO := $(BUILD)/tests/conform/conform.o
CONFORM_SO := $(BUILD)/tests/conform/conform.so
CONFORM_KWORLD := $(BUILD)/tests/conform/kworld.o
CONFORM_HARNESS_OBJ := $(BUILD)/k/tests/conform/uldd/harness.o

$(CONFORM_SO_KO): $(CONFORM_CASES_OBJ) $(CONFORM_MODULE_OBJ) $(KWORLD_TOOLS)
	$(call kworld_link,$@,$(CONFORM_CASES_OBJ) $(CONFORM_MODULE_OBJ))

$(CONFORM_SO): $(CONFORM_SO_KO) $(LIBULDD_DEV)
	@echo "  SO      tests/conform/conform.so"
	$(Q)$(CC) $(SAN_LDFLAGS) -o $@ $< $(DRIVER_LDFLAGS)

$(CONFORM_KWORLD): $(CONFORM_CASES_OBJ) $(CONFORM_HARNESS_OBJ) $(KWORLD_TOOLS)
	$(call kworld_link,$@,$(CONFORM_CASES_OBJ) $(CONFORM_HARNESS_OBJ))

UNIT_KWORLD_conform := $(CONFORM_KWORLD) $(LIBSHIM)
KWORLD_GROUPS += $(CONFORM_SO_KO) $(CONFORM_KWORLD)
check-namespace: $(CONFORM_SO_KO) $(CONFORM_KWORLD)
all: $(CONFORM_SO)

# The same cases as a module of the guest's kernel, built with Kbuild and
# Debian's linux-headers for that kernel (installed when missing), with
# QEMU edu's registers (samples/edu/edu_hw.h) copied beside them.
.PHONY: conform-kmod
conform-kmod: vm-setup
	$(Q)$(TOP)/scripts/guest-kmod.sh $(BUILD) uldd_conform $(BUILD)/tests/conform/kmod \
		$(wildcard $(TOP)/tests/conform/*.c $(TOP)/tests/conform/*.h) $(TOP)/samples/edu/edu_hw.h
