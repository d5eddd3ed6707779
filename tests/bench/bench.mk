# SPDX-License-Identifier: GPL-2.0-only OR MIT
# tests/bench/: benchmarks. They print tables (ratios against a reference
# measured in the same run) and are not tests: 'make all' builds them so
# they keep compiling, 'make bench' runs them.

# mm: kmalloc/kfree against glibc's malloc/free. Its K-world part is linked
# and renamed like the unit tests' (shim/shim.mk).
$(eval $(call kworld_dir,tests/bench/mm/kworld))
BENCH_MM_KOBJ := $(patsubst $(TOP)/%.c,$(BUILD)/k/%.o,$(wildcard $(TOP)/tests/bench/mm/kworld/*.c))
BENCH_MM_KWORLD := $(BUILD)/tests/bench/mm/kworld.o
BENCH_MM := $(BUILD)/tests/bench/bench_mm
CFLAGS_tests/bench/mm/ := -I$(TOP)/kernel

$(BENCH_MM_KWORLD): $(BENCH_MM_KOBJ) $(KWORLD_TOOLS)
	$(call kworld_link,$@,$(BENCH_MM_KOBJ))

KWORLD_GROUPS += $(BENCH_MM_KWORLD)
check-namespace: $(BENCH_MM_KWORLD)

$(BENCH_MM): $(BUILD)/tests/bench/mm/bench_mm.o $(BENCH_MM_KWORLD) $(LIBSHIM) $(LIBUHOST) $(SAN_OBJ)
	@mkdir -p $(dir $@)
	@echo "  LD      tests/bench/$(notdir $@)"
	$(Q)$(CC) $(SAN_LDFLAGS) -o $@ $^ $(LIBUHOST_LIBS)

all: $(BENCH_MM)


# sched: entering the kernel namespace, spinlocks, mutexes and wake-ups
# against the host's pthread equivalents.
$(eval $(call kworld_dir,tests/bench/sched/kworld))
BENCH_SCHED_KOBJ := $(patsubst $(TOP)/%.c,$(BUILD)/k/%.o,$(wildcard $(TOP)/tests/bench/sched/kworld/*.c))
BENCH_SCHED_KWORLD := $(BUILD)/tests/bench/sched/kworld.o
BENCH_SCHED := $(BUILD)/tests/bench/bench_sched

$(BENCH_SCHED_KWORLD): $(BENCH_SCHED_KOBJ) $(KWORLD_TOOLS)
	$(call kworld_link,$@,$(BENCH_SCHED_KOBJ))

KWORLD_GROUPS += $(BENCH_SCHED_KWORLD)
check-namespace: $(BENCH_SCHED_KWORLD)

$(BENCH_SCHED): $(BUILD)/tests/bench/sched/bench_sched.o $(BENCH_SCHED_KWORLD) $(LIBSHIM) \
		$(LIBUHOST) $(SAN_OBJ)
	@mkdir -p $(dir $@)
	@echo "  LD      tests/bench/$(notdir $@)"
	$(Q)$(CC) $(SAN_LDFLAGS) -o $@ $^ $(LIBUHOST_LIBS)

all: $(BENCH_SCHED)

.PHONY: bench
bench: $(BENCH_MM) $(BENCH_SCHED) $(BENCH_DMA)
	$(Q)$(BENCH_MM)
	@echo
	$(Q)$(BENCH_SCHED)
	@echo
	$(Q)$(BENCH_DMA)


# dma: the streaming DMA fast path (map/unmap pairs, bounces, dma_pool) on
# the unit tests' fake door, so it runs without VFIO; the fast path never
# calls the door. Linked like test_dma: the fakes and the host layer's core
# (tests/unit/unit.mk).
$(eval $(call kworld_dir,tests/bench/dma/kworld))
BENCH_DMA_KOBJ := $(patsubst $(TOP)/%.c,$(BUILD)/k/%.o,$(wildcard $(TOP)/tests/bench/dma/kworld/*.c))
BENCH_DMA_KWORLD := $(BUILD)/tests/bench/dma/kworld.o
BENCH_DMA := $(BUILD)/tests/bench/bench_dma

$(BENCH_DMA_KWORLD): $(BENCH_DMA_KOBJ) $(KWORLD_TOOLS)
	$(call kworld_link,$@,$(BENCH_DMA_KOBJ))

KWORLD_GROUPS += $(BENCH_DMA_KWORLD)
check-namespace: $(BENCH_DMA_KWORLD)

$(BENCH_DMA): $(BUILD)/tests/bench/dma/bench_dma.o $(BENCH_DMA_KWORLD) $(LIBSHIM) \
		$(BUILD)/tests/unit/fake_dma.o $(BUILD)/tests/unit/fake_vfio.o $(call unit_objs,dma) \
		$(SAN_OBJ)
	@mkdir -p $(dir $@)
	@echo "  LD      tests/bench/$(notdir $@)"
	$(Q)$(CC) $(SAN_LDFLAGS) -o $@ $^ $(LIBUHOST_LIBS)

all: $(BENCH_DMA)

# bench-vm: the shim against the guest kernel itself, in one guest boot
# (tests/bench/vm/bench.sh); the kernel side is a module built with
# Debian's linux-headers for the guest's version.
.PHONY: bench-vm
bench-vm: all vm-setup
	$(Q)$(TOP)/scripts/guest-kmod.sh $(BUILD) ubench $(BUILD)/bench/kmod $(TOP)/tests/bench/kmod/ubench.c
	$(Q)$(TOP)/tests/vm/run.sh $(BUILD) $(TOP)/tests/bench/vm/bench.sh

# bench-net: iperf3 between two emulated NICs of each model uldd has a port
# for (e1000, rtl8139, e1000e, vmxnet3, ne2k_pci, pcnet, tulip, i82557b),
# in one guest boot, NIC B on the kernel's driver and then on uldd's port
# (tests/bench/net/bench.sh): one summary table, and a profile of the
# models whose ratio is below 0.9; a uldd cell stays empty, with the
# reason, while its port cannot run. BENCH_NICS, BENCH_ROUNDS, BENCH_SECS
# and BENCH_TREE reach the guest through the script's vm-env line.
.PHONY: bench-net
bench-net: all ported vm-setup
	$(Q)$(TOP)/tests/vm/run.sh $(BUILD) $(TOP)/tests/bench/net/bench.sh

# bench-blk: fio and bonnie++ on two identical emulated NVMe controllers,
# one on the guest kernel's nvme.ko and one on uldd's port of it (Linux
# 6.1's, or BENCH_TREE's), in one guest boot (tests/bench/blk/bench.sh):
# a table of IOPS, MB/s and the ratio uldd / kernel, with per-I/O counts
# of the uldd process that explain it. BENCH_SECONDS, BENCH_TREE and
# BENCH_BONNIE reach the guest through the script's vm-env line.
.PHONY: bench-blk
bench-blk: all $(BUILD)/ported/6.1/nvme.so $(BUILD)/ported/6.12/nvme.so vm-setup
	$(Q)$(TOP)/tests/vm/run.sh $(BUILD) $(TOP)/tests/bench/blk/bench.sh
