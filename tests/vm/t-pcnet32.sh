#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# The ported pcnet32 on QEMU's pcnet (Am79C970A, 1022:2000), beside the
# guest kernel's own pcnet32 on a second one on the same hub. For Linux
# 6.1's and 6.12's pcnet32.c: probe reads the MAC over port I/O, carrier,
# pings both ways, PCNET_MIB MiB each way (SHA-256 compared), MTU 1501
# refused, 3 stop/start cycles of 'uldd run' without leaked descriptors or
# threads.
# 64 MiB, not 100: under TCG the port moves 10-69 Mbit/s as the host's
# load varies (every CSR access is two VFIO system calls, RAP then RDP;
# the kernel's pcnet32 on both ends: 100-113 Mbit/s in the same guest),
# so 100 MiB each way for both trees could take the boot to ~7 minutes;
# 64 MiB keeps it at 2-5.
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
mib=${PCNET_MIB:-64}
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
