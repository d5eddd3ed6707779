#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# The ported e100 on QEMU's i82557b (8086:1229 revision 2, which takes no
# microcode), beside the guest kernel's own e100 on a second one on the
# same hub. For Linux 6.1's and 6.12's e100: probe prints the MAC, carrier,
# pings both ways, 100 MiB to the port and 30 MiB from it with SHA-256
# compared, an MTU above 1500 refused, and 3 stop/start cycles of 'uldd
# run' without leaked descriptors or threads. 30 MiB, not 100, from the
# port: 3 of 5 such transfers stalled (the sender timed out at 160 s, no
# word from the driver or the shim). The one time both sides' counters
# were printed, side A had stopped receiving: the port had sent and
# completed every frame the host gave it (tx_packets equal to the frames
# read from the TAP), A had received some 400 fewer, and pings then failed
# both ways while A's frames still reached the port. So the guest
# kernel's e100 receiver on QEMU's eepro100 seems not to come back from
# an overrun at the rate the port sends (45 to 106 Mbit/s); every 30 MiB
# transfer passed. An open problem; nicpair_teardown prints both sides'
# counters when it happens.
# Then QEMU's i82551 (8086:1209 revision 0x0f), whose driver
# must load e100/d102e_ucode.bin at open, with an empty firmware folder:
# the driver's own words, uldd run exits 1, the TAP is gone, and the
# kernel's e100 takes the device back and probes it.
# vm-devices: -netdev hubport,id=n1,hubid=1 -device i82557b,netdev=n1,addr=0x10,mac=52:54:00:e1:00:0a
# vm-devices: -device pcie-root-port,id=rp1,bus=pcie.0,chassis=1,addr=0x8
# vm-devices: -netdev hubport,id=n2,hubid=1 -device i82557b,netdev=n2,bus=rp1,mac=52:54:00:e1:00:0b
# vm-devices: -netdev hubport,id=n3,hubid=2 -device i82551,netdev=n3,addr=0x11,mac=52:54:00:e1:00:0c
# vm-timeout: 900
set -euo pipefail
. "$ULDD_TOP/tests/vm/lib.sh"
. "$ULDD_TOP/tests/vm/netlib.sh"
. "$ULDD_TOP/tests/vm/nicpair.sh"

nic_a=0000:00:10.0 nic_b=0000:01:00.0 mac_b=52:54:00:e1:00:0b
nic_fw=0000:00:11.0
trees=(6.1 6.12)

nicpair_sources e100 drivers/net/ethernet/intel "${trees[@]}"
nicpair_kernel_side e100 $nic_a
[ "$(driver_of $nic_fw)" = e100 ] || fail "$nic_fw is on $(driver_of $nic_fw), not the kernel's e100"

net_setup
trap nicpair_teardown EXIT
net_move $nic_a "$NET_NS_A" netA

for tree in "${trees[@]}"; do
	nicpair_tree e100 "$tree" $nic_b $mac_b "MAC addr " 100 30
done

# The i82551: probe needs no firmware, open does; the folder is empty.
# debug=6 turns on the driver's ifup messages (its default is 3: drv,
# probe, link), which is where it says it cannot open.
mkdir -p "$NET_TMP/nofw"
for tree in "${trees[@]}"; do
	echo "== Linux $tree's e100 on the i82551, without its microcode"
	net_uldd_bind $nic_fw
	log=$NET_TMP/e100-nofw-$tree.log rc=0
	ip netns exec "$NET_NS_B" timeout 120 "$ULDD" run "$ULDD_BUILD/ported/$tree/e100.so" \
		--device $nic_fw --ifname uldd1 --firmware "$NET_TMP/nofw" debug=6 >"$log" 2>&1 </dev/null &
	pid=$!
	for _ in $(seq 300); do
		ip -n "$NET_NS_B" link show dev uldd1 >/dev/null 2>&1 && break
		kill -0 $pid 2>/dev/null || break
		sleep 0.1
	done
	ip -n "$NET_NS_B" link set dev uldd1 up || fail "uldd1 did not appear: $(cat "$log")"
	for _ in $(seq 300); do
		grep -q "Cannot open interface" "$log" && break
		sleep 0.1
	done
	kill -TERM $pid
	wait $pid || rc=$?
	[ "$rc" = 1 ] || fail "uldd run without the microcode exited $rc, not 1: $(cat "$log")"
	grep -q "firmware $NET_TMP/nofw/e100/d102e_ucode.bin: no such file" "$log" ||
		fail "no word about the missing e100/d102e_ucode.bin: $(cat "$log")"
	grep -q "Cannot open interface, aborting" "$log" ||
		fail "e100 did not refuse to open in its own words: $(cat "$log")"
	grep -q "refused to open 1 interface" "$log" || fail "uldd run did not say why it failed: $(cat "$log")"
	sed -n 's/^/    /; /d102e_ucode\|Cannot open\|refused to open/p' "$log"
	! ip -n "$NET_NS_B" link show dev uldd1 >/dev/null 2>&1 || fail "uldd1 outlived uldd run"
	ok "Linux $tree's e100 without e100/d102e_ucode.bin: its own message, uldd run exited 1, no TAP left"
done

net_teardown
trap - EXIT
[ "$(driver_of $nic_b)" = e100 ] || fail "$nic_b is on $(driver_of $nic_b) after teardown, not e100"
ok "$nic_b is back on the kernel's e100"
if [ "$(driver_of $nic_fw)" != e100 ] || [ ! -d "/sys/bus/pci/devices/$nic_fw/net" ]; then
	fail "$nic_fw is on $(driver_of $nic_fw) after teardown, without the kernel's e100 interface"
fi
ok "$nic_fw is back on the kernel's e100, which probed it again"
