# SPDX-License-Identifier: GPL-2.0-only OR MIT
# tools/: the uldd command, one file per subcommand (tools/uldd/*.c), linked
# with the host layer (libuhost.a), libpci and libbsd (setproctitle, pidfile).

ULDD_VERSION ?= 0.1
ULDD_SRC := $(wildcard $(TOP)/tools/uldd/*.c)
ULDD_OBJ := $(patsubst $(TOP)/%.c,$(BUILD)/%.o,$(ULDD_SRC))
ULDD_BIN := $(BUILD)/bin/uldd
PCI_CFLAGS := $(shell pkg-config --cflags libpci)
PCI_LIBS := $(shell pkg-config --libs libpci)

CFLAGS_tools/uldd/ := -I$(TOP)/kernel $(PCI_CFLAGS) -DULDD_VERSION='"$(ULDD_VERSION)"' \
	-DULDD_TOP='"$(TOP)"' -DULDD_BUILD='"$(BUILD)"'

# -rdynamic: a driver .so that 'uldd run' loads finds the shim's (renamed)
# kernel functions in the uldd binary itself.
$(ULDD_BIN): $(ULDD_OBJ) $(SAN_OBJ) $(LIBSHIM) $(LIBUHOST)
	@mkdir -p $(dir $@)
	@echo "  LD      bin/uldd"
	$(Q)$(CC) $(SAN_LDFLAGS) -rdynamic -o $@ $(ULDD_OBJ) $(SAN_OBJ) $(LIBSHIM) $(LIBUHOST) $(PCI_LIBS) $(LIBUHOST_LIBS) -lbsd -ldl

all: $(ULDD_BIN)
