#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# The ported tulip (the DEC 21x4x core) on QEMU's tulip, a 21143
# (1011:0019), beside the guest kernel's own tulip on a second one on the
# same hub. For Linux 6.1's and 6.12's tulip: probe reads the MAC from the
# SROM, carrier, pings both ways, 100 MiB each way with SHA-256 compared, an
# MTU above 1500 refused (the driver keeps Ethernet's), and 3 stop/start
# cycles of 'uldd run' without leaked descriptors or threads. Then the
# 6.12 port with ULDD_PORTIO=vfio (its CSRs are I/O BAR 0 on x86) for
# TULIP_VFIO_MIB (32) MiB each way: frames move by DMA, so under TCG both
# paths stay in the host's noise (direct 61-66 Mbit/s into uldd, 30-60 out;
# VFIO 82 and 45, measured in one boot).
# vm-devices: -netdev hubport,id=n1,hubid=1 -device tulip,netdev=n1,addr=0x10,mac=52:54:00:21:14:0a
# vm-devices: -device pcie-root-port,id=rp1,bus=pcie.0,chassis=1,addr=0x8
# vm-devices: -netdev hubport,id=n2,hubid=1 -device tulip,netdev=n2,bus=rp1,mac=52:54:00:21:14:0b
# vm-timeout: 900
set -euo pipefail
. "$ULDD_TOP/tests/vm/lib.sh"
. "$ULDD_TOP/tests/vm/netlib.sh"
. "$ULDD_TOP/tests/vm/nicpair.sh"

nic_a=0000:00:10.0 nic_b=0000:01:00.0 mac_b=52:54:00:21:14:0b
trees=(6.1 6.12)

nicpair_sources tulip drivers/net/ethernet/dec/tulip "${trees[@]}"
nicpair_kernel_side tulip $nic_a

net_setup
trap nicpair_teardown EXIT
net_move $nic_a "$NET_NS_A" netA

for tree in "${trees[@]}"; do
	nicpair_tree tulip "$tree" $nic_b $mac_b " rev [0-9]* at Port " 100
done
portio_vfio "$ULDD_BUILD/ported/6.12/tulip.so" $nic_b "${TULIP_VFIO_MIB:-32}"

net_teardown
trap - EXIT
[ "$(driver_of $nic_b)" = tulip ] || fail "$nic_b is on $(driver_of $nic_b) after teardown, not tulip"
ok "$nic_b is back on the kernel's tulip"
