# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Guest test programs: host-layer clients run inside the QEMU guest.

VMPROGS := edu e1000 e1000e rtl8139
VMPROGS_BIN := $(patsubst %,$(BUILD)/tests/vm/progs/%,$(VMPROGS))
CFLAGS_tests/vm/progs/ := -I$(TOP)/kernel

$(VMPROGS_BIN): $(BUILD)/tests/vm/progs/%: $(BUILD)/tests/vm/progs/%.o $(LIBUHOST)
	@echo "  LD      $(notdir $@)"
	$(Q)$(CC) -o $@ $< $(LIBUHOST) $(LIBUHOST_LIBS)

all: $(VMPROGS_BIN)
