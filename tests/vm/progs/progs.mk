# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Guest test programs: host-layer clients run inside the QEMU guest.

VMPROGS := edu e1000 e1000e rtl8139
VMPROGS_BIN := $(patsubst %,$(BUILD)/tests/vm/progs/%,$(VMPROGS))
CFLAGS_tests/vm/progs/ := -I$(TOP)/kernel

$(VMPROGS_BIN): $(BUILD)/tests/vm/progs/%: $(BUILD)/tests/vm/progs/%.o $(LIBUHOST) $(SAN_OBJ)
	@echo "  LD      $(notdir $@)"
	$(Q)$(CC) $(SAN_LDFLAGS) -o $@ $< $(SAN_OBJ) $(LIBUHOST) $(LIBUHOST_LIBS)

all: $(VMPROGS_BIN)

# kirq: a K-world client (k/*.c, renamed into kirq-k.o like a driver) with
# an H-world main, linked with the shim: interrupts through request_irq.
$(eval $(call kworld_dir,tests/vm/progs/k))
KIRQ_KOBJ := $(patsubst $(TOP)/%.c,$(BUILD)/k/%.o,$(wildcard $(TOP)/tests/vm/progs/k/*.c))
KIRQ_KO := $(BUILD)/tests/vm/progs/kirq-k.o

$(KIRQ_KO): $(KIRQ_KOBJ) $(KWORLD_TOOLS)
	$(call kworld_link,$@,$(KIRQ_KOBJ))

$(BUILD)/tests/vm/progs/kirq: $(BUILD)/tests/vm/progs/kirq.o $(KIRQ_KO) $(LIBSHIM) $(LIBUHOST) \
		$(SAN_OBJ)
	@echo "  LD      $(notdir $@)"
	$(Q)$(CC) $(SAN_LDFLAGS) -o $@ $^ $(LIBUHOST_LIBS)

KWORLD_GROUPS += $(KIRQ_KO)
check-namespace: $(KIRQ_KO)
all: $(BUILD)/tests/vm/progs/kirq
