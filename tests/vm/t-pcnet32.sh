#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# The ported pcnet32 on QEMU's pcnet (Am79C970A, 1022:2000), beside the
# guest kernel's own pcnet32 on a second one on the same hub. For Linux
# 6.1's and 6.12's pcnet32.c: probe reads the MAC over port I/O, carrier,
# pings both ways, PCNET_MIB MiB each way (SHA-256 compared), MTU 1501
# refused, 3 stop/start cycles of 'uldd run' without leaked descriptors or
# threads; then the 6.12 port with ULDD_PORTIO=vfio, PCNET_VFIO_MIB each way.
# Every CSR access is two port accesses (RAP, then RDP), now IN/OUT on the
# BAR's own ports (shim/drivers/pci/ioport.c), before one VFIO system call
# each. But the frames move by DMA, so the host's load sways more than the
# path: under TCG, 19-60 Mbit/s into uldd and 13-30 out of it (64 and 100
# MiB, 3 boots), the forced-VFIO runs of the same boots 16-56 in and 10-19
# out (16 MiB, 2 boots); the kernel's pcnet32 on both ends: 100-113 Mbit/s.
# With 100 MiB the whole boot takes 3.5 minutes.
# vm-devices: -netdev hubport,id=n1,hubid=1 -device pcnet,netdev=n1,addr=0x10,mac=52:54:00:20:00:0a
# vm-devices: -device pcie-root-port,id=rp1,bus=pcie.0,chassis=1,addr=0x8
# vm-devices: -netdev hubport,id=n2,hubid=1 -device pcnet,netdev=n2,bus=rp1,mac=52:54:00:20:00:0b
# vm-timeout: 1500
set -euo pipefail
. "$ULDD_TOP/tests/vm/lib.sh"
. "$ULDD_TOP/tests/vm/netlib.sh"
. "$ULDD_TOP/tests/vm/nicpair.sh"

nic_a=0000:00:10.0 nic_b=0000:01:00.0 mac_b=52:54:00:20:00:0b
trees=(6.1 6.12)
mib=${PCNET_MIB:-100}
vfio_mib=${PCNET_VFIO_MIB:-16}

pair_sources pcnet32 drivers/net/ethernet/amd "${trees[@]}"
pair_kernel_side pcnet32 $nic_a
for tree in "${trees[@]}"; do
	echo "== Linux $tree's pcnet32"
	pair_tree "$ULDD_BUILD/ported/$tree/pcnet32.so" $nic_b $mac_b "^ +$mac_b" "$mib"
	ok "Linux $tree's pcnet32: all checks passed"
done
portio_vfio "$ULDD_BUILD/ported/6.12/pcnet32.so" $nic_b "$vfio_mib"
net_teardown
trap - EXIT
[ "$(driver_of $nic_b)" = pcnet32 ] || fail "$nic_b is on $(driver_of $nic_b) after teardown, not pcnet32"
ok "$nic_b is back on the kernel's pcnet32"
