# SPDX-License-Identifier: GPL-2.0-only OR MIT
# tools/: the uldd command, one file per subcommand (tools/uldd/*.c), linked
# with the host layer (libuhost.a), libpci and libbsd (setproctitle, pidfile).

ULDD_VERSION ?= 0.3
ULDD_SRC := $(wildcard $(TOP)/tools/uldd/*.c)
ULDD_OBJ := $(patsubst $(TOP)/%.c,$(BUILD)/%.o,$(ULDD_SRC))
ULDD_BIN := $(BUILD)/bin/uldd
PCI_CFLAGS := $(shell pkg-config --cflags libpci)
PCI_LIBS := $(shell pkg-config --libs libpci)

CFLAGS_tools/uldd/ := -I$(TOP)/kernel $(PCI_CFLAGS) -DULDD_VERSION='"$(ULDD_VERSION)"' \
	-DULDD_TOP='"$(TOP)"' -DULDD_BUILD='"$(BUILD)"'

# The kernel and the host layer come from libuldd.so.N (abi/), found next
# to the binary (lib/ beside bin/) until it is installed; packaging/ links
# the installed binary again without that path (ULDD_LDLIBS).
ULDD_RPATH ?= $$ORIGIN/../lib
ULDD_LDLIBS = -L$(BUILD)/lib -luldd $(PCI_LIBS) -lbsd -ldl -lm
$(ULDD_BIN): $(ULDD_OBJ) $(SAN_OBJ) $(LIBULDD_DEV)
	@mkdir -p $(dir $@)
	@echo "  LD      bin/uldd"
	$(Q)$(CC) $(SAN_LDFLAGS) -o $@ $(ULDD_OBJ) $(SAN_OBJ) \
		$(if $(ULDD_RPATH),-Wl$(comma)-rpath$(comma)'$(ULDD_RPATH)') $(ULDD_LDLIBS)

all: $(ULDD_BIN)

# uldd's gdb extension, where 'uldd gdb' looks first: share/ beside bin/,
# as it will be installed.
ULDD_GDB_EXT := $(BUILD)/share/uldd/gdb/uldd.py
$(ULDD_GDB_EXT): $(TOP)/tools/gdb/uldd.py
	@mkdir -p $(dir $@)
	@echo "  CP      share/uldd/gdb/uldd.py"
	$(Q)cp $< $@

all: $(ULDD_GDB_EXT)
