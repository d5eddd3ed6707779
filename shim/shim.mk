# SPDX-License-Identifier: GPL-2.0-only OR MIT
# shim/ and every K-world source: compiled against include/linux-compat only,
# then linked into one object whose symbols move into the kernel namespace
# (NAME -> uldd_k_NAME), so no K-world symbol binds to libc. shim/README.md
# tells how; 'make check-namespace' proves it.

KWORLD_PREFIX := uldd_k_
KWORLD_ALLOW := $(TOP)/shim/kworld.allow
KWORLD_LINK := $(TOP)/scripts/kworld-link.sh
KWORLD_CHECK := $(TOP)/scripts/check-namespace.sh
KWORLD_TOOLS := $(KWORLD_LINK) $(KWORLD_CHECK) $(TOP)/scripts/kworld-allow.awk $(KWORLD_ALLOW)

# K-world sees no libc header: only include/linux-compat, the compiler's own
# folder (stdarg.h) and, from kernel/, uhost.h alone. The stack protector is
# on, as in Debian's kernels; it is why __stack_chk_fail is on the allow-list.
# -fno-strict-overflow: signed arithmetic wraps, as Kbuild makes it, since
# drivers rely on it (jiffies arithmetic, counters).
# -ftls-model=initial-exec: current, preempt_count and the vCPU are
# __thread variables of libuldd.so.N, which the uldd tool loads at start-up
# (never by dlopen), so they sit in the static TLS block at a fixed offset
# from the thread pointer: one load, where the default model for -fPIC
# calls __tls_get_addr on every access, from the shim and the drivers.
KWORLD_CFLAGS := -std=gnu11 -nostdinc -isystem $(shell $(CC) -print-file-name=include) \
	-ffreestanding -fno-builtin -D__KERNEL__ -I$(TOP)/include/linux-compat -I$(TOP)/kernel \
	-O2 -g -fPIC -ftls-model=initial-exec -fno-strict-aliasing -fno-strict-overflow -fno-common -fstack-protector-strong \
	-Wall -Wextra -Werror $(SAN_KCFLAGS) $(EXTRA_KCFLAGS)
# Driver code (samples/, ported/) gets Kbuild's warning set, which unlike
# the shim's -Wextra lets a callback ignore a parameter and mix signedness,
# and keeps a variable only a Kconfig branch reads (W=1 is what warns).
# -Wno-maybe-uninitialized: Kbuild turns that one off below W=2, as gcc's
# guess depends on inlining (6.12's vmxnet3 trips it with CONFIG_X86).
KWORLD_DRIVER_CFLAGS := -Wno-unused-parameter -Wno-sign-compare -Wno-missing-field-initializers \
	-Wno-pointer-sign -Wno-unused-but-set-variable -Wno-maybe-uninitialized

# Kbuild force-includes this too: drivers use __iomem, __packed ... bare.
KWORLD_FORCE := -include $(TOP)/include/linux-compat/linux/compiler_types.h

# These loops must not be turned into calls to memset/memcpy: themselves.
KCFLAGS_shim/lib/string.o := -fno-tree-loop-distribute-patterns
# memcheck's client requests (the valgrind package's headers): only here.
KCFLAGS_shim/debug/valgrind.o := -isystem /usr/include/valgrind

# $(call kworld_dir,DIR): DIR/**.c compiles K-world into $(BUILD)/k/DIR/.
# One pattern rule per K-world folder (shim, later ported/<drv>, K-world
# test bodies): H-world's $(BUILD)/%.o rule cannot make $(BUILD)/k/ objects
# (there is no $(TOP)/k/), and this rule never sees a host folder.
define kworld_dir
$(BUILD)/k/$(1)/%.o: $(TOP)/$(1)/%.c | $$(SAN_STAMP)
	@mkdir -p $$(dir $$@)
	@echo "  KCC     $(1)/$$*.c"
	$$(Q)$$(CC) $$(KWORLD_CFLAGS) $$(KWORLD_FORCE) -MMD -MP $$(KCFLAGS_$(1)/$$*.o) -c -o $$@ $$<
endef

# $(call kworld_link,OUT,OBJS): link and rename; OUT.map is the rename map.
define kworld_link
	@mkdir -p $(dir $(1))
	@echo "  KLD     $(patsubst $(BUILD)/%,%,$(1))"
	$(Q)$(KWORLD_LINK) $(KWORLD_ALLOW) $(KWORLD_PREFIX) $(1) $(2)
endef

$(eval $(call kworld_dir,shim))

# Every .c below shim/, however deep: a new folder needs no change here.
SHIM_SRC := $(sort $(shell find $(TOP)/shim -name '*.c'))
SHIM_OBJ := $(patsubst $(TOP)/%.c,$(BUILD)/k/%.o,$(SHIM_SRC))
SHIM_KO := $(BUILD)/shim/shim.o
# What the unit tests link, with libuhost.a after it (a driver and the uldd
# tool link libuldd.so.N, abi/abi.mk).
LIBSHIM := $(BUILD)/lib/libshim.a

# The shim alone must be closed: libuldd.so.N holds it.
$(SHIM_KO): $(SHIM_OBJ) $(KWORLD_TOOLS)
	$(call kworld_link,$@,$(SHIM_OBJ))
	$(Q)$(KWORLD_CHECK) $(KWORLD_ALLOW) $(KWORLD_PREFIX) $@ >/dev/null

$(LIBSHIM): $(SHIM_KO)
	@mkdir -p $(dir $@)
	@echo "  AR      $(notdir $@)"
	$(Q)rm -f $@ && ar rcs $@ $<

all: $(LIBSHIM)

# Every group of K-world objects one program links: the shim alone, and
# each K-world part of a test with the shim (KWORLD_GROUPS, added to by
# other .mk files with a prerequisite of check-namespace). A ported
# driver is a group without that prerequisite (it needs the kernel source):
# checked once 'make ported' built it, and skipped, not an nm error, before.
# The last step is the control: the same check must reject the shim before
# renaming.
.PHONY: check-namespace check-headers clean-kworld
check-namespace: $(SHIM_KO)
	$(Q)$(KWORLD_CHECK) $(KWORLD_ALLOW) $(KWORLD_PREFIX) $(SHIM_KO)
	$(Q)$(foreach g,$(wildcard $(KWORLD_GROUPS)),$(KWORLD_CHECK) $(KWORLD_ALLOW) $(KWORLD_PREFIX) $(SHIM_KO) $(g) && ) true
	$(Q)if $(KWORLD_CHECK) $(KWORLD_ALLOW) $(KWORLD_PREFIX) $(SHIM_KO:.o=.pre.o) >/dev/null 2>&1; then \
		echo "check-namespace: shim.pre.o (not renamed) passed: the check proves nothing" >&2; \
		exit 1; \
	fi
	@echo "check-namespace: shim.pre.o, the same code before renaming, is rejected, so the check is not vacuous"

# Each header compiles on its own, without the force-included one.
KWORLD_HEADERS = $(sort $(patsubst $(TOP)/include/linux-compat/%,%, \
	$(shell find $(TOP)/include/linux-compat -name '*.h')))
check-headers:
	$(Q)for h in $(KWORLD_HEADERS); do \
		echo "#include <$$h>" | $(CC) $(KWORLD_CFLAGS) -x c -fsyntax-only - || \
			{ echo "check-headers: $$h does not compile on its own" >&2; exit 1; }; \
	done
	@echo "check-headers: $(words $(KWORLD_HEADERS)) headers in include/linux-compat compile on their own"

unit-check: check-namespace check-headers

clean: clean-kworld
clean-kworld:
	rm -rf $(BUILD)/k $(BUILD)/shim
