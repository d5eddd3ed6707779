# SPDX-License-Identifier: GPL-2.0-only OR MIT
# tools/port: 'uldd port', which builds a driver from its own kernel tree
# (tools/port/uldd-port, Python). The build writes the K-world flags it
# compiles with into build/port/config.json, so a port compiles exactly as
# the shim does, and 'uldd port' needs no make.

PORT_TOOL := $(TOP)/tools/port/uldd-port
PORT_CONFIG := $(BUILD)/port/config.json
empty :=
space := $(empty) $(empty)
json_list = [$(subst $(space),$(comma),$(strip $(patsubst %,"%",$(1))))]

$(PORT_CONFIG): $(TOP)/Makefile $(TOP)/shim/shim.mk $(TOP)/abi/abi.mk $(TOP)/tools/port/port.mk $(TOP)/sanitize/sanitize.mk
	@mkdir -p $(dir $@)
	@echo "  GEN     port/config.json"
	$(Q)printf '%s\n' '{' \
		'"top": "$(TOP)", "build": "$(BUILD)", "cc": "$(CC)", "jobs": 2,' \
		'"kworld_cflags": $(call json_list,$(KWORLD_CFLAGS) $(KWORLD_FORCE)),' \
		'"driver_cflags": $(call json_list,$(KWORLD_DRIVER_CFLAGS)),' \
		'"ldflags": $(call json_list,$(SAN_LDFLAGS) $(DRIVER_LDFLAGS)),' \
		'"kworld_link": "$(KWORLD_LINK)", "kworld_allow": "$(KWORLD_ALLOW)",' \
		'"kworld_prefix": "$(KWORLD_PREFIX)", "libuldd": "$(LIBULDD)"' \
		'}' >$@.tmp
	$(Q)mv $@.tmp $@

all: $(PORT_CONFIG)

# make port DRIVER=8139cp [KSRC=TREE] [SERIES=6.12] [STUBS=1]
.PHONY: port port-record
port: $(PORT_CONFIG) $(SHIM_KO) $(LIBULDD_DEV)
	@test -n "$(DRIVER)" || { echo "usage: make port DRIVER=NAME [KSRC=TREE] [SERIES=6.1|6.12] [STUBS=1]" >&2; exit 2; }
	$(Q)$(PORT_TOOL) --config $(PORT_CONFIG) $(if $(KSRC),--ksrc $(KSRC)) \
		$(if $(SERIES),--series $(SERIES)) $(if $(STUBS),--stubs) $(DRIVER)

# The tool's own tests: a kernel tree in miniature (tests/port/tree) and,
# once unpacked, a real driver of Debian's tree.
.PHONY: port-check
port-check: $(PORT_CONFIG) $(SHIM_KO) $(LIBULDD_DEV) $(ULDD_BIN)
	$(Q)$(TOP)/tests/port/run.sh $(BUILD) $(BUILD)/results/port.txt
