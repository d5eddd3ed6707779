#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# A machine without an IOMMU: VFIO cannot protect DMA, so uldd refuses, in
# one line that says how to turn the IOMMU on, and binds nothing.
# vm-iommu: off
# vm-devices: -device edu,addr=0x10
# vm-timeout: 60
set -euo pipefail
. "$ULDD_TOP/tests/vm/lib.sh"

fix="no IOMMU group: enable the IOMMU"
expect_error 1 "0000:00:10.0 has $fix" "$ULDD" bind 0000:00:10.0
[ "$(driver_of 0000:00:10.0)" = none ] || fail "bind left the edu on $(driver_of 0000:00:10.0)"
[ ! -e /sys/bus/pci/devices/0000:00:10.0/driver_override ] ||
	[ "$(cat /sys/bus/pci/devices/0000:00:10.0/driver_override)" = "(null)" ] ||
	fail "bind left a driver_override behind"
ok "nothing was bound or overridden"
expect_error 1 "0000:00:10.0 has $fix" "$ULDD" info 0000:00:10.0
"$ULDD" list | grep -q '^0000:00:10.0 .* -  *-  ' || fail "uldd list does not show '-' for the group"
ok "uldd list shows the device without a group"
