# SPDX-License-Identifier: GPL-2.0-only OR MIT
# tests/unit/: CMocka tests, one binary per tests/unit/test_<area>.c, linked
# with only the kernel/ objects its area needs (UNIT_KOBJ_<area>; without
# one, with libuhost.a) and its K-world part if any (UNIT_KWORLD_<area>).
# 'make unit-check' runs them all (run.sh). A case that cannot run here
# calls unit_skip("reason") (unitskip.h): run.sh counts it as a skip.

UNIT_SRC := $(wildcard $(TOP)/tests/unit/test_*.c)
UNIT_AREAS := $(patsubst $(TOP)/tests/unit/test_%.c,%,$(UNIT_SRC))
UNIT_BIN := $(patsubst %,$(BUILD)/tests/unit/test_%,$(UNIT_AREAS))
# Helpers in an archive, so a test links only those it calls.
UNIT_HELPERS := $(BUILD)/tests/unit/libunithelp.a
UNIT_LIBS := -lcmocka

CFLAGS_tests/unit/ := -I$(TOP)/kernel -I$(TOP)/tools/uldd -DULDD_BIN='"$(ULDD_BIN)"' \
	-DULDD_SAMPLES='"$(BUILD)/samples"' -DULDD_UNIT_BUILD='"$(BUILD)/tests/unit"'

UNIT_KOBJ_pciaddr := error pciaddr
UNIT_KOBJ_sysfs := error pciaddr sysfs pcibind
UNIT_KOBJ_bind := error pciaddr sysfs pcibind
UNIT_KOBJ_cli := error pciaddr sysfs pcibind thread log
UNIT_KOBJ_ctl := error pciaddr sysfs thread log
UNIT_KOBJ_host := error init thread arena log
UNIT_KOBJ_tap := error thread tap pciaddr keep privsep
UNIT_KOBJ_privsep := error privsep seccomp thread
# UNIT_FAKE_<area>: H-world fakes of door calls (tests/unit/<name>.c).
# Tests with a K-world part link the whole shim, which calls the door's
# device functions; there is no VFIO here, so they link the host layer's
# core (UNIT_KCORE) and fake_vfio.c's weak stand-ins, which fake_irq.c and
# fake_dma.c override where a test drives interrupts or DMA. Tests that
# capture printk define uhost_log themselves, so they leave log.o out.
UNIT_KCORE := error init thread arena futex pciaddr sysfs pciscan abort file tap keep privsep nbd ublk
UNIT_KWORLD_AREAS := namespace kheaders mm sched time irq dma devres bug firmware locking net ioport \
	debug dmadebug kasan lockdep leaks blk
# test_conform's K-world part is the conformance suite (tests/conform/conform.mk).
$(foreach a,$(UNIT_KWORLD_AREAS) conform,$(eval UNIT_FAKE_$(a) := fake_vfio))
$(foreach a,sched time irq dma devres locking net ioport conform blk,$(eval UNIT_KOBJ_$(a) := $(UNIT_KCORE) log))
# test_blk adds disks: fake_nbd.c stands in for nbd.o and ublk.o (the door), as no host has nbd.ko for it.
UNIT_KOBJ_blk := $(filter-out nbd ublk,$(UNIT_KOBJ_blk))
UNIT_FAKE_blk += fake_nbd
$(foreach a,namespace kheaders mm bug firmware debug dmadebug kasan lockdep leaks,$(eval \
	UNIT_KOBJ_$(a) := $(UNIT_KCORE)))
# The --debug checkers' tests read the door's log through debuglog.c.
$(foreach a,debug dmadebug kasan lockdep leaks,$(eval UNIT_FAKE_$(a) += debuglog))
UNIT_FAKE_irq += fake_irq
UNIT_FAKE_dma += fake_dma
UNIT_FAKE_dmadebug += fake_dma
UNIT_TOOLS_dmadebug := dmafault
# test_ioport's I/O BAR: fake_ioport.c's registers behind the region calls,
# and its config space and host PCI scan (so not pciscan.o's sysfs one).
UNIT_FAKE_ioport += fake_ioport
UNIT_KOBJ_ioport := $(filter-out pciscan,$(UNIT_KOBJ_ioport))
# test_net sees what the shim writes to the host: fake_tap.c stands in for tap.o.
UNIT_KOBJ_net := $(filter-out tap,$(UNIT_KCORE)) log
UNIT_FAKE_net += fake_tap
# UNIT_TOOLS_<area>: objects of the uldd command (tools/uldd/<name>.c) a
# test calls in-process: the control socket, served and asked.
UNIT_TOOLS_cli := ctl
UNIT_TOOLS_ctl := ctl
# test_supervise: the restart policy, the oops and the pid file of
# 'uldd supervise' (libbsd: pidfile_open, setproctitle, closefrom).
UNIT_TOOLS_supervise := restart oops elf supervise ctl
# tool_err() and tool_usage_err() without main.c (toolerr.c).
UNIT_FAKE_supervise := toolerr
UNIT_KOBJ_supervise := error pciaddr sysfs tap keep privsep thread log nbd
UNIT_LIBS_supervise := -lbsd -ldl
# test_autoprobe: how 'uldd autoprobe' matches devices to drivers, in-process
# and through the command, on driver .so files that hold nothing but a PCI
# ID table (idtable.c, built once per table; never loaded, so plain flags).
UNIT_TOOLS_autoprobe := autoprobe modinfo abi elf supervise restart oops ctl
UNIT_FAKE_autoprobe := toolerr
UNIT_KOBJ_autoprobe := error pciaddr sysfs pcibind pciscan tap keep privsep thread log nbd
UNIT_LIBS_autoprobe := -lbsd -ldl
UNIT_IDTABLES := exact subsys vendor ethernet network override
UNIT_IDTABLE_SO := $(patsubst %,$(BUILD)/tests/unit/idtables/%.so,$(UNIT_IDTABLES))
$(BUILD)/tests/unit/idtables/%.so: $(TOP)/tests/unit/idtable.c
	@mkdir -p $(dir $@)
	@echo "  SO      tests/unit/idtables/$*.so"
	$(Q)$(CC) -std=c11 -O2 -g -fPIC -shared -Wall -Wextra -Werror -Wmissing-prototypes \
		-DIDTABLE_$* -o $@ $<
all: $(UNIT_IDTABLE_SO)
unit-check: $(UNIT_IDTABLE_SO)
# test_stopsig: the stop signals of 'uldd run'.
UNIT_TOOLS_stopsig := stopsig
UNIT_KOBJ_stopsig := error

# K-world test bodies (rump's "kernspace" tests): tests/unit/kworld/*.c
# compile K-world, link renamed into kworld.o, and run from test_namespace
# (kworld/ktest.h). UNIT_KWORLD_<area>: the K-world objects an area links.
$(eval $(call kworld_dir,tests/unit/kworld))
UNIT_KWORLD_OBJ := $(patsubst $(TOP)/%.c,$(BUILD)/k/%.o,$(wildcard $(TOP)/tests/unit/kworld/*.c))
UNIT_KWORLD := $(BUILD)/tests/unit/kworld.o
$(foreach a,$(UNIT_KWORLD_AREAS),$(eval UNIT_KWORLD_$(a) := $(UNIT_KWORLD) $(LIBSHIM)))

$(UNIT_KWORLD): $(UNIT_KWORLD_OBJ) $(KWORLD_TOOLS)
	$(call kworld_link,$@,$(UNIT_KWORLD_OBJ))

KWORLD_GROUPS += $(UNIT_KWORLD)
check-namespace: $(UNIT_KWORLD)

# Misuses the kernel headers must refuse at build time (min of a signed
# and an unsigned value, ARRAY_SIZE of a pointer, ...), as Linux's do.
.PHONY: check-kheaders-reject
check-kheaders-reject:
	$(Q)$(TOP)/tests/unit/kheaders-reject.sh $(CC) $(KWORLD_CFLAGS) $(KWORLD_FORCE)
unit-check: check-kheaders-reject

# kernel/'s door headers, counted: each function with its K-world callers
# (the shim's objects before renaming); fails on a door function no K-world
# code calls, and on a blocking call made without shim/core/door.c's
# wrapper (scripts/door-census.sh). After check-namespace, which links
# those objects.
.PHONY: door-census
door-census: check-namespace
	$(Q)$(TOP)/scripts/door-census.sh $(TOP) $(BUILD)/k/shim
unit-check: door-census

unit_objs = $(if $(UNIT_KOBJ_$(1)),$(patsubst %,$(BUILD)/kernel/%.o,$(UNIT_KOBJ_$(1))),$(LIBUHOST))

$(UNIT_HELPERS): $(BUILD)/tests/unit/fakesys.o $(BUILD)/tests/unit/ktable.o $(BUILD)/tests/unit/runcmd.o
	@echo "  AR      tests/unit/$(notdir $@)"
	$(Q)rm -f $@ && ar rcs $@ $^

define unit_rule
$(BUILD)/tests/unit/test_$(1): $(BUILD)/tests/unit/test_$(1).o $(UNIT_KWORLD_$(1)) \
		$(patsubst %,$(BUILD)/tests/unit/%.o,$(UNIT_FAKE_$(1))) $(UNIT_HELPERS) \
		$(patsubst %,$(BUILD)/tools/uldd/%.o,$(UNIT_TOOLS_$(1))) \
		$(call unit_objs,$(1)) $(SAN_OBJ)
	@mkdir -p $$(dir $$@)
	@echo "  LD      tests/unit/test_$(1)"
	$$(Q)$$(CC) $(SAN_LDFLAGS) -o $$@ $$^ $(UNIT_LIBS) $(UNIT_LIBS_$(1)) $(LIBUHOST_LIBS)
endef
$(foreach a,$(UNIT_AREAS),$(eval $(call unit_rule,$(a))))

# test_conform_lag: the conformance cases again, on a coarse clock that
# lags more than its resolution says, as some hosts' does (fake_lagclock.c,
# bound with ld --wrap in place of the door's): timers and jiffies must
# keep their promises on it.
UNIT_LAG := $(BUILD)/tests/unit/test_conform_lag
$(UNIT_LAG): $(BUILD)/tests/unit/test_conform.o $(BUILD)/tests/unit/fake_lagclock.o \
		$(UNIT_KWORLD_conform) $(BUILD)/tests/unit/fake_vfio.o $(UNIT_HELPERS) \
		$(call unit_objs,conform) $(SAN_OBJ)
	@echo "  LD      tests/unit/$(notdir $@)"
	$(Q)$(CC) $(SAN_LDFLAGS) -o $@ $^ \
		-Wl,--wrap=uhost_clock_coarse_ns,--wrap=uhost_clock_coarse_res_ns \
		$(UNIT_LIBS) $(LIBUHOST_LIBS)
UNIT_BIN += $(UNIT_LAG)

all: $(UNIT_BIN)

# test_cli runs the built command (and 'uldd modinfo' on a sample driver);
# test_autoprobe reads crash.so's ID table.
unit-check: $(UNIT_BIN) $(ULDD_BIN) $(BUILD)/samples/edu.so $(BUILD)/samples/crash.so
	$(Q)$(TOP)/tests/unit/run.sh $(BUILD)/results/unit.txt $(UNIT_BIN)

# The unit tests must pass on a loaded machine too: unit-check STRESS_RUNS
# times beside two busy loops, which the script always stops.
STRESS_RUNS ?= 20
.PHONY: check-stress
check-stress: all
	$(Q)$(TOP)/scripts/check-stress.sh $(BUILD)/stress $(STRESS_RUNS) \
		$(MAKE) --no-print-directory -C $(TOP) BUILD=$(BUILD)
