# SPDX-License-Identifier: GPL-2.0-only OR MIT
# kernel/: the host layer (H-world), built as one static library.

KERNEL_SRC := $(wildcard $(TOP)/kernel/*.c)
KERNEL_OBJ := $(patsubst $(TOP)/%.c,$(BUILD)/%.o,$(KERNEL_SRC))
LIBUHOST := $(BUILD)/lib/libuhost.a
LIBUHOST_LIBS := -lpthread -lseccomp

$(LIBUHOST): $(KERNEL_OBJ)
	@mkdir -p $(dir $@)
	@echo "  AR      $(notdir $@)"
	$(Q)rm -f $@ && ar rcs $@ $^

all: $(LIBUHOST)
