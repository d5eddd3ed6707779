#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# make demo: Linux 6.1's e1000 driver, compiled unmodified against uldd's
# shim, runs as a process on real VFIO in the test guest and moves traffic.
# Two emulated e1000 NICs share a QEMU hub: A is the guest kernel's own
# e1000.ko in namespace ulddA, B is the same driver's source in e1000.so,
# run by 'uldd run' in namespace ulddB, where its TAP interface uldd0 is
# the device. Then ping, a 100 MiB transfer with its SHA-256 checked at
# both ends, iperf3 both ways, and 'uldd stats'.
# vm-devices: -netdev hubport,id=n1,hubid=1 -device e1000,netdev=n1,addr=0x10
# vm-devices: -device pcie-root-port,id=rp1,bus=pcie.0,chassis=1,addr=0x8
# vm-devices: -netdev hubport,id=n2,hubid=1 -device e1000,netdev=n2,bus=rp1
# vm-timeout: 300
set -euo pipefail
. "$ULDD_TOP/tests/vm/lib.sh"
. "$ULDD_TOP/tests/vm/netlib.sh"

nic_a=0000:00:10.0 nic_b=0000:01:00.0
A=$NET_NS_A B=$NET_NS_B

step() {
	printf '\n\033[1m== %s\033[0m\n' "$*"
}

iperf() { # FROM DST: one line, the receiver's rate
	ip netns exec "$1" iperf3 -c "$2" -t 5 -f m 2>&1 | awk '/receiver/ { print $7, $8 }'
}

step "The guest's NICs (uldd list): both on the kernel's e1000 driver"
"$ULDD" list | grep -E 'ADDR|8086:100e'

net_setup
trap net_teardown EXIT
step "A: the kernel's e1000.ko, moved into namespace $A as netA"
net_move $nic_a "$A" netA
net_addr "$A" netA "$NET_IP_A"

step "B: uldd bind $nic_b, then uldd run e1000.so inside namespace $B"
echo "e1000.so is built from these files of $(basename "$ULDD_BUILD"/linux-source-6.1), checked:"
sed 's/^/    /' "$ULDD_TOP/ported/e1000/upstream-6.1.sha256"
net_uldd_start "$NET_E1000_SO" $nic_b "$B" uldd0
net_addr "$B" uldd0 "$NET_IP_B"
net_wait_carrier "$B" uldd0
echo "what the driver printed:"
sed 's/^/    /' "$NET_ULDD_LOG"
ip -n "$B" link show dev uldd0

step "Ping both ways"
net_ping "$A" "$NET_IP_B"
net_ping "$B" "$NET_IP_A"

step "100 MiB over TCP each way, SHA-256 compared at both ends"
net_transfer "$A" "$B" "$NET_IP_B" 100
net_transfer "$B" "$A" "$NET_IP_A" 100

step "iperf3, 5 s each way (TCG-emulated NICs: the numbers are QEMU's)"
net_bg "$B" 60 iperf3 -s -1 >/dev/null 2>&1
net_wait_listen "$B" 5201
echo "kernel e1000 -> uldd e1000: $(iperf "$A" "$NET_IP_B")"
net_bg "$A" 60 iperf3 -s -1 >/dev/null 2>&1
net_wait_listen "$A" 5201
echo "uldd e1000 -> kernel e1000: $(iperf "$B" "$NET_IP_A")"

step "uldd stats uldd0: the driver's ethtool view (the host's ethtool sees a TAP)"
"$ULDD" stats uldd0 | grep -E '^(interface|driver|bus-info|link|speed|duplex|rx-ring|tx-ring|uldd_|[rt]x_packets|[rt]x_bytes)'

step "Stop it (SIGTERM) and give the NICs back"
net_uldd_stop
net_teardown
trap - EXIT
"$ULDD" list | grep -E 'ADDR|8086:100e'
echo
echo "Tests: make check. Throughput against the kernel's driver: make bench-net."
