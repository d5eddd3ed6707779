#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# QEMU's edu through the host layer: BAR, MSI, and DMA at both masks. One edu
# can reach any address (IOVA = VA); the other keeps its default 28-bit mask,
# where IOVA = VA faults in the IOMMU and the host layer must go below it.
# vm-devices: -device edu,dma_mask=0xffffffffffffffff,addr=0x10
# vm-devices: -device edu,addr=0x11
# vm-timeout: 120
set -euo pipefail
. "$ULDD_TOP/tests/vm/lib.sh"

wide=0000:00:10.0 narrow=0000:00:11.0
"$ULDD" bind "$wide" "$narrow"
[ "$(driver_of $wide)" = vfio-pci ] && [ "$(driver_of $narrow)" = vfio-pci ] ||
	fail "uldd bind left the edu devices on $(driver_of $wide)/$(driver_of $narrow)"
ok "uldd bind handed both edu devices to vfio-pci"
"$ULDD" info "$wide"

echo "== edu with a 64-bit DMA mask"
"$PROGS/edu" "$wide" 64
echo "== edu with its default 28-bit DMA mask"
"$PROGS/edu" "$narrow" 28
echo "== the same at IOVA = VA, which the device cannot reach"
dmesg -c >/dev/null
"$PROGS/edu" "$narrow" 28 --expect-fault
# QEMU's intel-iommu reports the fault to its own log rather than to the
# guest's fault registers, so the guest's dmesg may be silent; show either.
dmesg | grep -i dmar || true
