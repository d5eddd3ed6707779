# SPDX-License-Identifier: GPL-2.0-only OR MIT
# abi/: libuldd.so.2, the one library every driver .so and the uldd tool
# link: the shim (renamed into the kernel namespace) and the host layer.
# The soname's number is ULDD_ABI_MAJOR (include/linux-compat/uldd/abi.h;
# abi-check holds them together); make and scripts take the name from
# LIBULDD_SONAME, C from the header. Its version script exports the
# kernel API abi/libuldd.sym lists, by version node, and a private node
# for the tool; nothing else is visible.
# -Bsymbolic: the shim's calls to itself and to the host layer bind inside
# the library, so a driver cannot interpose one and none goes through the
# PLT. -z defs: the library names everything it needs.

LIBULDD_SONAME := libuldd.so.2
LIBULDD := $(BUILD)/lib/$(LIBULDD_SONAME)
LIBULDD_DEV := $(BUILD)/lib/libuldd.so
LIBULDD_MAP := $(BUILD)/lib/libuldd.map
LIBULDD_SYM := $(TOP)/abi/libuldd.sym
# How a driver .so (samples/, ported/, tests/) links: against the library,
# every symbol resolved at link time rather than at dlopen.
DRIVER_LDFLAGS := -shared -Wl,-z,defs -L$(BUILD)/lib -luldd

$(LIBULDD_MAP): $(LIBULDD_SYM) $(TOP)/shim/entry.h $(TOP)/abi/version-script.sh
	@mkdir -p $(dir $@)
	@echo "  GEN     lib/libuldd.map"
	$(Q)$(TOP)/abi/version-script.sh $(LIBULDD_SYM) $(TOP)/shim/entry.h $(KWORLD_PREFIX) >$@.tmp
	$(Q)mv $@.tmp $@

$(LIBULDD): $(SHIM_KO) $(KERNEL_OBJ) $(LIBULDD_MAP)
	@echo "  LD      lib/$(LIBULDD_SONAME)"
	$(Q)$(CC) $(SAN_LDFLAGS) -shared -Wl,-soname,$(LIBULDD_SONAME) -Wl,--version-script=$(LIBULDD_MAP) \
		-Wl,-Bsymbolic -Wl,-z,defs -Wl,-z,now -Wl,-z,relro \
		-o $@ $(SHIM_KO) $(KERNEL_OBJ) $(LIBUHOST_LIBS)

$(LIBULDD_DEV): $(LIBULDD)
	$(Q)ln -sf $(LIBULDD_SONAME) $@

all: $(LIBULDD) $(LIBULDD_DEV)

# 'make abi-check' (part of make check) and 'make abi-update': abi/README.md.
ABI_ENV = TOP=$(TOP) BUILD=$(BUILD) LIB=$(LIBULDD) CC=$(CC) KALLOW=$(KWORLD_ALLOW) KPREFIX=$(KWORLD_PREFIX) \
	KCFLAGS="$(filter-out -I$(TOP)/include/linux-compat,$(KWORLD_CFLAGS)) $(KWORLD_DRIVER_CFLAGS)"
.PHONY: abi-check abi-update
abi-check: $(LIBULDD_DEV) $(ULDD_BIN) $(SHIM_KO)
	$(Q)$(ABI_ENV) $(TOP)/abi/check.sh $(BUILD)/results/abi.txt
abi-update: $(LIBULDD_DEV) $(SHIM_KO)
	$(Q)$(ABI_ENV) $(TOP)/abi/update.sh
