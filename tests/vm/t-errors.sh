#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# What a user gets wrong, each a one-line error that names the fix and a
# non-zero exit, and nothing left bound or open afterwards.
# vm-devices: -device edu,addr=0x10 -device edu,addr=0x11
# vm-timeout: 60
set -euo pipefail
. "$ULDD_TOP/tests/vm/lib.sh"

expect_error 1 "not a PCI address" "$ULDD" info 00:3.0
expect_error 1 "no PCI device at 0000:00:1e.0" "$ULDD" info 00:1e.0
expect_error 1 "no PCI device at 0000:00:1e.0" "$ULDD" bind 00:1e.0
expect_error 1 "0000:00:10.0 is bound to no driver: run 'uldd bind 0000:00:10.0' first" \
	"$ULDD" info 0000:00:10.0
expect_error 2 "" "$ULDD" frobnicate

# Two users of one device: the second is told the group is taken. Holding
# the group's character device open is what any VFIO user does first.
"$ULDD" bind 0000:00:10.0
group=$(basename "$(readlink /sys/bus/pci/devices/0000:00:10.0/iommu_group)")
exec 3<>"/dev/vfio/$group"
expect_error 1 "IOMMU group $group is in use by another process" "$ULDD" info 0000:00:10.0
exec 3>&-
"$ULDD" info 0000:00:10.0 >/dev/null
ok "after the other user closed it, the device opens"

"$ULDD" unbind 0000:00:10.0
[ "$(driver_of 0000:00:10.0)" = none ] || fail "edu ended on $(driver_of 0000:00:10.0)"
ok "unbind left the edu without a driver, as it started"
