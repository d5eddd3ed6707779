# SPDX-License-Identifier: GPL-2.0-only OR MIT
# uldd: one non-recursive Makefile; each folder adds its rules in a *.mk file.
#   make          build everything        make check   install, build, run all tests
#   make ported   the upstream drivers (unpacks Debian's kernel source first)
#   make demo     boot the guest, run it  make lint    style and static checks
#   make check SANITIZE=address,undefined (or thread): the unit tests, sanitized

TOP := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
comma := ,
# A sanitizer build gets a folder named after its set (build-asan-ubsan/,
# build-tsan/): objects of different sets must never meet (sanitize/).
SANITIZE ?=
SAN_NAME := $(subst address,asan,$(subst undefined,ubsan,$(subst thread,tsan,$(subst \
	leak,lsan,$(subst $(comma),-,$(SANITIZE))))))
BUILD ?= $(TOP)/build$(if $(SANITIZE),-$(SAN_NAME))
CC ?= gcc
V ?= 0
Q := $(if $(filter 1,$(V)),,@)

# H-world: host code against libc. Never -Iinclude/linux-compat here.
HOST_CFLAGS = -std=c11 -D_GNU_SOURCE -O2 -g -fPIC -fstack-protector-strong \
	-Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	-Wpointer-arith -Wformat=2 -Wvla -MMD -MP $(SAN_CFLAGS) $(EXTRA_CFLAGS)

.DEFAULT_GOAL := all
.PHONY: all check unit-check demo lint clean distclean deps kernel-source

all:

include sanitize/sanitize.mk
include kernel/kernel.mk
include shim/shim.mk
include abi/abi.mk
include tools/tools.mk
include samples/samples.mk
include tools/port/port.mk
include ported/ported.mk
include shim/debug/kasan.mk
include tests/conform/conform.mk
include tests/unit/unit.mk
include tests/vm/vm.mk
include tests/vm/progs/progs.mk
include tests/bench/bench.mk
include coccinelle/cocci.mk
include packaging/packaging.mk

$(BUILD)/%.o: $(TOP)/%.c | $(SAN_STAMP)
	@mkdir -p $(dir $@)
	@echo "  CC      $*.c"
	$(Q)$(CC) $(HOST_CFLAGS) $(CFLAGS_$(dir $*)) -c -o $@ $<

deps:
	$(Q)$(TOP)/scripts/install-deps.sh

# The target drivers' upstream sources from both Debian series (the uploads
# ported/trees pins), for ported/ and 'uldd port'.
kernel-source:
	$(Q)$(TOP)/scripts/kernel-source.sh $(BUILD) 6.1 6.12

# The closing line sums the unit and guest suites. A sanitizer build runs
# the unit tests only: the guest tests take minutes under TCG even without
# instrumentation ('make vm-check SANITIZE=...' runs them on request), and
# the ported drivers, 'uldd port' and the semantic patches are built for
# the guest or checked by tools the sanitizers do not instrument.
SAN_NO_VM = check: SANITIZE=$(SANITIZE) runs the unit tests only: no guest tests under TCG, no ported drivers
# The builds use every core even from a plain 'make check' (as CI runs it):
# the guest tests after them run one at a time whatever -j says.
CHECK_JOBS ?= $(shell nproc)
check: deps
	$(Q)$(MAKE) -j$(CHECK_JOBS) --no-print-directory all $(if $(SANITIZE),,kernel-source ported port-stubs conform-kmod kasan-ported)
	$(Q)$(MAKE) -j$(CHECK_JOBS) --no-print-directory unit-check $(if $(SANITIZE),,port-check cocci-check abi-check pkg-check)
	$(Q)$(if $(SANITIZE),echo "$(SAN_NO_VM)",$(MAKE) --no-print-directory vm-check)
	$(Q)$(TOP)/scripts/summary.sh $(BUILD)/results

demo: deps
	$(Q)$(MAKE) --no-print-directory all ported vm-setup
	$(Q)$(TOP)/tests/vm/run.sh $(BUILD) $(TOP)/tests/vm/demo.sh

LINT_SRC = $(shell cd $(TOP) && git ls-files '*.c' '*.h' 2>/dev/null)
lint: deps
	$(Q)cd $(TOP) && clang-format --dry-run --Werror $(LINT_SRC)
	@# tests/conform/suites.h is a list for the includer to expand (SUITE is its macro).
	$(Q)cd $(TOP) && cppcheck --quiet --error-exitcode=1 --inline-suppr \
		--enable=warning,performance,portability --std=c11 \
		--suppress=missingIncludeSystem \
		--suppress=unknownMacro:tests/conform/suites.h -I kernel $(filter kernel/% tools/% tests/%,$(LINT_SRC))
	@# -Wno-non-pointer-null: glibc's PTHREAD_MUTEX_INITIALIZER spells NULL as 0.
	$(Q)cd $(TOP) && for f in $(filter %.c,$(filter kernel/% tools/%,$(LINT_SRC))); do \
		sparse -D_GNU_SOURCE -Wsparse-error -Wno-non-pointer-null -Ikernel $$f || exit 1; done
	@# K-world as Kbuild's C=1 sees it: __iomem, __force, __bitwise mean something
	@# (not samples/oldstyle: 2.6 API, compiled only after its semantic patches).
	$(Q)cd $(TOP) && for f in $(filter %.c,$(filter shim/% samples/%,$(filter-out samples/oldstyle/%,$(LINT_SRC)))); do \
		sparse -Wsparse-error -Wbitwise -nostdinc -isystem $(shell $(CC) -print-file-name=include) \
			-D__KERNEL__ -Iinclude/linux-compat -Ikernel -isystem /usr/include/valgrind \
			$(KWORLD_FORCE) $$f || exit 1; done
	@echo "lint: clean"

clean:
	rm -rf $(BUILD)/kernel $(BUILD)/tools $(BUILD)/tests $(BUILD)/bin $(BUILD)/lib \
		$(BUILD)/k $(BUILD)/shim $(BUILD)/samples $(BUILD)/results $(BUILD)/vm-logs \
		$(BUILD)/cocci $(BUILD)/port $(BUILD)/port-test $(BUILD)/ported

# Also drops the downloaded guest kernel and kernel sources.
distclean:
	rm -rf $(BUILD)

-include $(shell find $(BUILD) -name '*.d' -type f 2>/dev/null)
