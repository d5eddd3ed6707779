# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Sanitizer builds: 'make check SANITIZE=address,undefined' or SANITIZE=thread
# (any list gcc's -fsanitize= takes). Every world is instrumented: K-world
# (shim, test bodies, drivers), the host layer, the tools and the tests, each
# program linked with the runtime and with options.c (a report fails the
# program). The Makefile gives such a build a folder of its own
# (build-asan-ubsan/, build-tsan/), which shares build/'s downloads.

ifneq ($(SANITIZE),)
SAN_SET := $(subst $(comma), ,$(SANITIZE))
# -fno-sanitize-recover: an UBSan report stops the program like ASan's and
# TSan's (halt_on_error in options.c), so it is a failed test, not a line.
# UBSan's checks keep address arithmetic alive that gcc 12's -Warray-bounds
# then takes for an access (container_of() of a bare list head, as
# list_prepare_entry() does); the uninstrumented build still warns.
# ULDD_SANITIZED: 'uldd run' leaves its seccomp filter off by default, since
# the sanitizers' runtimes make system calls uldd does not (LeakSanitizer
# stops the process with ptrace at exit).
SAN_CFLAGS := -fsanitize=$(SANITIZE) -fno-sanitize-recover=all -fno-omit-frame-pointer \
	-DULDD_SANITIZED $(if $(filter undefined,$(SAN_SET)),-Wno-array-bounds)
SAN_LDFLAGS := -fsanitize=$(SANITIZE)
# K-world as well. gcc warns that TSan does not model __atomic_thread_fence:
# the shim's fences keep a store before a later load (a waker and a sleeper
# must not both miss each other) or order memory against a device; what
# one thread hands to another goes through release/acquire atomics, which
# TSan sees (shim/README.md, "Sanitizers").
# Two UBSan checks are off in K-world, as Linux's UBSAN has them off on
# x86: object-size, since container_of() of a list head (list_prepare_entry(),
# then list_for_each_entry_continue()) points at an entry that is not there,
# which the list API relies on; and alignment, since x86 drivers and the
# network code read headers at any offset (NET_IP_ALIGN is 0: e1000 hands
# up IP headers 2 bytes off a 4-byte boundary), which the CPU allows.
# And the null check: gcc tests it on the flags of the 'add' that forms a
# __thread variable's address (current, preempt_count), which ld relaxes
# into a 'lea' that sets none, so it fired on whatever came before (seen
# in worker_thread); a null dereference faults without it anyway.
SAN_KCFLAGS := $(SAN_CFLAGS) $(if $(filter thread,$(SAN_SET)),-Wno-tsan) \
	$(if $(filter undefined,$(SAN_SET)),-fno-sanitize=object-size$(comma)alignment$(comma)null)
SAN_OBJ := $(BUILD)/sanitize/options.o

# The downloads (Debian's .debs, the kernel source, the guest) come from the
# normal build folder through symbolic links, so nothing is fetched twice.
SAN_DOWNLOADS ?= $(TOP)/build
SAN_LINKS := $(if $(filter $(abspath $(SAN_DOWNLOADS)),$(abspath $(BUILD))),, \
	$(BUILD)/debs $(BUILD)/guest $(BUILD)/linux-source-6.1 $(BUILD)/linux-source-6.12)
$(SAN_LINKS):
	@mkdir -p $(dir $@) $(SAN_DOWNLOADS)/debs $(SAN_DOWNLOADS)/guest
	$(Q)ln -sfn $(SAN_DOWNLOADS)/$(notdir $@) $@
kernel-source vm-setup $(BUILD)/linux-source-6.1/.uldd-stamp $(BUILD)/linux-source-6.12/.uldd-stamp: | $(SAN_LINKS)
endif

# A build folder holds one sanitizer set (none is one): objects of two sets
# must never be linked together, so a folder made with another one is refused.
SAN_STAMP := $(BUILD)/.sanitize
SAN_BUILT := $(file <$(SAN_STAMP))
SAN_GOALS := $(if $(MAKECMDGOALS),$(filter-out clean distclean clean-% lint,$(MAKECMDGOALS)),all)
ifneq ($(and $(SAN_BUILT),$(SAN_GOALS)),)
ifneq ($(SAN_BUILT),SANITIZE=$(SANITIZE))
$(error $(BUILD) holds objects built with $(SAN_BUILT), not SANITIZE=$(SANITIZE): run 'make clean BUILD=$(BUILD)' first or pick another BUILD)
endif
endif
$(SAN_STAMP):
	@mkdir -p $(dir $@)
	$(Q)echo 'SANITIZE=$(SANITIZE)' >$@

.PHONY: clean-sanitize
clean: clean-sanitize
clean-sanitize:
	rm -rf $(BUILD)/sanitize $(SAN_STAMP)
