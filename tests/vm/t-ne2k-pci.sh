#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# The ported ne2k-pci (with the 8390 library) on QEMU's ne2k_pci (RTL8029,
# 10ec:8029), beside the guest kernel's own ne2k-pci on a second one on the
# same hub. For Linux 6.1's and 6.12's sources: probe reads the MAC over
# port I/O, carrier, pings both ways, NE2K_MIB MiB each way (SHA-256
# compared), MTU 1501 refused, 3 stop/start cycles of 'uldd run' without
# leaked descriptors or threads; then the forced-VFIO run below.
# 32 MiB, not 100: the NE2000 moves every frame through its data port,
# which uldd now drives with REP INSL/OUTSL on the BAR's own ports, granted
# per thread with ioperm (shim/drivers/pci/ioport.c), where it made one VFIO
# system call per 32-bit word. Under TCG that took the port from 1-3 Mbit/s
# to 4-27 (5 boots of 8 to 100 MiB; the kernel's ne2k-pci on both ends:
# 24-52). The last step runs the 6.12 port once more with ULDD_PORTIO=vfio,
# NE2K_VFIO_MIB (4) MiB each way, for both paths in one boot: over 5 boots
# VFIO ran at 2-7 Mbit/s where direct ran 4-27 (in the busiest, 3-6
# against 5-6): the guest shares its host, whose load can hide the gain.
# 100 MiB each way took a loaded boot to 8 minutes, 64 MiB one to 8.5, 32
# MiB a quiet one to 2.5.
# vm-devices: -netdev hubport,id=n1,hubid=1 -device ne2k_pci,netdev=n1,addr=0x10,mac=52:54:00:80:29:0a
# vm-devices: -device pcie-root-port,id=rp1,bus=pcie.0,chassis=1,addr=0x8
# vm-devices: -netdev hubport,id=n2,hubid=1 -device ne2k_pci,netdev=n2,bus=rp1,mac=52:54:00:80:29:0b
# vm-timeout: 1500
set -euo pipefail
. "$ULDD_TOP/tests/vm/lib.sh"
. "$ULDD_TOP/tests/vm/netlib.sh"
. "$ULDD_TOP/tests/vm/nicpair.sh"

nic_a=0000:00:10.0 nic_b=0000:01:00.0 mac_b=52:54:00:80:29:0b
trees=(6.1 6.12)
mib=${NE2K_MIB:-32}
vfio_mib=${NE2K_VFIO_MIB:-4}

pair_sources ne2k-pci drivers/net/ethernet/8390 "${trees[@]}"
pair_kernel_side ne2k-pci $nic_a
for tree in "${trees[@]}"; do
	echo "== Linux $tree's ne2k-pci"
	pair_tree "$ULDD_BUILD/ported/$tree/ne2k-pci.so" $nic_b $mac_b \
		"found at .*$mac_b" "$mib"
	ok "Linux $tree's ne2k-pci: all checks passed"
done
portio_vfio "$ULDD_BUILD/ported/6.12/ne2k-pci.so" $nic_b "$vfio_mib"
net_teardown
trap - EXIT
[ "$(driver_of $nic_b)" = ne2k-pci ] || fail "$nic_b is on $(driver_of $nic_b) after teardown, not ne2k-pci"
ok "$nic_b is back on the kernel's ne2k-pci"
