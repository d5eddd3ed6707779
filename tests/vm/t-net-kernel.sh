#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# The network harness (netlib.sh) on its baseline: two e1000 on one QEMU hub,
# both on the guest kernel's driver, each in its own namespace. Carrier,
# pings both ways over IPv4 and IPv6, 20 MiB each way with SHA-256 compared,
# then jumbo frames (MTU 9000), 20 MiB each way at once (the matrix's
# transfer, at a size that proves the harness: the matrix moves 100 MiB
# beside the kernel's driver in every cell), and a teardown that leaves
# nothing behind. NIC B sits behind a
# PCIe root port, as in t-matrix, where uldd drives it: there it has a
# reset (secondary bus reset).
# vm-devices: -netdev hubport,id=n1,hubid=1 -device e1000,netdev=n1,addr=0x10
# vm-devices: -device pcie-root-port,id=rp1,bus=pcie.0,chassis=1,addr=0x8
# vm-devices: -netdev hubport,id=n2,hubid=1 -device e1000,netdev=n2,bus=rp1
# vm-timeout: 300
set -euo pipefail
. "$ULDD_TOP/tests/vm/lib.sh"
. "$ULDD_TOP/tests/vm/netlib.sh"

nic_a=0000:00:10.0 nic_b=0000:01:00.0
name_a=$(net_ifname $nic_a) name_b=$(net_ifname $nic_b)

net_setup
trap net_teardown EXIT
net_move $nic_a "$NET_NS_A" netA
net_move $nic_b "$NET_NS_B" netB
net_check_link netA netB 20
net_transfer_both 20

net_teardown
trap - EXIT
[ -z "$(ip netns list)" ] || fail "namespaces left: $(ip netns list)"
[ "$(net_ifname $nic_a)" = "$name_a" ] || fail "$nic_a came back as $(net_ifname $nic_a), not $name_a"
[ "$(net_ifname $nic_b)" = "$name_b" ] || fail "$nic_b came back as $(net_ifname $nic_b), not $name_b"
read -r mtu <"/sys/class/net/$name_b/mtu"
[ "$mtu" = 1500 ] || fail "$name_b came back with MTU $mtu"
[ ! -e "$NET_TMP" ] || fail "$NET_TMP left behind"
ok "teardown: no namespace left, $name_a and $name_b back with MTU 1500"
