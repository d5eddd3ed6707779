#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# The ported Realtek drivers on QEMU's rtl8139, a C+ chip (revision 0x20),
# beside the guest kernel's own 8139cp on a second one on the same hub. For
# Linux 6.1's and 6.12's 8139cp.c: probe reads the MAC, carrier, pings both
# ways, 100 MiB each way, the largest MTU it allows (4096) and one beyond,
# ifdown/ifup and 'uldd run' restarts without leaked descriptors or
# threads. Then 8139too from both trees must refuse the chip in its own
# words and leave it clean: 8139cp takes it afterwards.
# vm-devices: -netdev hubport,id=n1,hubid=1 -device rtl8139,netdev=n1,addr=0x10,mac=52:54:00:81:39:0a
# vm-devices: -device pcie-root-port,id=rp1,bus=pcie.0,chassis=1,addr=0x8
# vm-devices: -netdev hubport,id=n2,hubid=1 -device rtl8139,netdev=n2,bus=rp1,mac=52:54:00:81:39:0b
# vm-timeout: 1500
set -euo pipefail
. "$ULDD_TOP/tests/vm/lib.sh"
. "$ULDD_TOP/tests/vm/netlib.sh"

nic_a=0000:00:10.0 nic_b=0000:01:00.0 mac_b=52:54:00:81:39:0b
A=$NET_NS_A B=$NET_NS_B
realtek=drivers/net/ethernet/realtek
trees=(6.1 6.12)

for tree in "${trees[@]}"; do
	for drv in 8139cp 8139too; do
		(cd "$ULDD_BUILD/linux-source-$tree/$realtek" &&
			sha256sum --quiet --strict -c "$ULDD_TOP/ported/$drv/upstream-$tree.sha256") ||
			fail "Linux $tree's $drv.c differs from ported/$drv/upstream-$tree.sha256"
		[ -e "$ULDD_BUILD/ported/$tree/$drv.so" ] || fail "$ULDD_BUILD/ported/$tree/$drv.so is not built: make ported"
	done
done
ok "8139cp.so and 8139too.so of Linux ${trees[*]} are built from the trees' files, unmodified"

# The initramfs loads no Realtek driver; the unpacked kernel package has it.
[ -n "$ULDD_MODROOT" ] || skip "the guest kernel's modules are not in the build share"
modprobe -d "$ULDD_MODROOT" 8139cp || fail "modprobe 8139cp from $ULDD_MODROOT"
for _ in $(seq 50); do
	[ ! -d "/sys/bus/pci/devices/$nic_a/net" ] || break
	sleep 0.1
done
[ "$(driver_of $nic_a)" = 8139cp ] || fail "$nic_a is on $(driver_of $nic_a), not the kernel's 8139cp"
ok "the guest kernel's 8139cp drives $nic_a (side A)"

net_setup
trap net_teardown EXIT
net_move $nic_a "$A" netA

pid_count() { # FOLDER of /proc/PID: its entries
	local e=("/proc/$NET_ULDD_PID/$1"/*)
	echo ${#e[@]}
}
pid_fds() { pid_count fd; }
pid_threads() { pid_count task; }

# uldd run SO on B, addressed, with carrier and a ping from A.
start_b() { # SO
	net_uldd_start "$1" $nic_b "$B" uldd0
	net_addr "$B" uldd0 "$NET_IP_B"
	net_wait_carrier "$B" uldd0
	net_ping "$A" "$NET_IP_B" 2
}

for tree in "${trees[@]}"; do
	so=$ULDD_BUILD/ported/$tree/8139cp.so
	echo "== Linux $tree's 8139cp"
	net_uldd_start "$so" $nic_b "$B" uldd0
	grep -q "RTL-8139C+ at .*$mac_b" "$NET_ULDD_LOG" ||
		fail "8139cp's probe did not print $mac_b: $(cat "$NET_ULDD_LOG")"
	sed -n 's/^/    /; /RTL-8139C+ at/p' "$NET_ULDD_LOG"
	ip -n "$B" link show dev uldd0 | grep -q "link/ether $mac_b" || fail "uldd0 does not carry $mac_b"
	ok "Linux $tree's 8139cp: probe read $mac_b from the chip; the TAP has it"

	ip -n "$A" addr flush dev netA
	ip -n "$A" link set dev netA down
	net_check_link netA uldd0 100 4096

	# One byte beyond CP_MAX_MTU: the driver's limit, so the host's MTU goes back.
	ip -n "$B" link set dev uldd0 mtu 4097
	for _ in $(seq 50); do
		mtu=$(ip -n "$B" -o link show dev uldd0 | sed -n 's/.* mtu \([0-9]*\) .*/\1/p')
		[ "$mtu" = 4097 ] || break
		sleep 0.1
	done
	[ "$mtu" = 1500 ] || fail "MTU 4097 on uldd0: the host's MTU is $mtu, not back at 1500"
	grep -q "MTU 4097 is outside this device's" "$NET_ULDD_LOG" ||
		fail "no word about MTU 4097: $(cat "$NET_ULDD_LOG")"
	net_ping "$A" "$NET_IP_B" 1
	ok "MTU 4097 refused (the driver's max_mtu is 4096): uldd0 is back at 1500"

	fd0=$(pid_fds) th0=$(pid_threads)
	for _ in 1 2 3; do
		ip -n "$B" link set dev uldd0 down
		ip -n "$B" link set dev uldd0 up
		net_wait_carrier "$B" uldd0
		net_ping "$A" "$NET_IP_B" 2
	done
	[ "$(pid_fds)" -eq "$fd0" ] || fail "ifdown/ifup cycles: $fd0 descriptors before, $(pid_fds) after"
	[ "$(pid_threads)" -eq "$th0" ] || fail "ifdown/ifup cycles: $th0 threads before, $(pid_threads) after"
	ok "3 ifdown/ifup cycles: still $fd0 descriptors and $th0 threads"

	# Each run serves the same traffic, so each must hold what the first did.
	fd1='' th1=''
	for i in 1 2 3; do
		net_uldd_stop
		start_b "$so"
		net_ping "$B" "$NET_IP_A" 2
		if [ -z "$fd1" ]; then
			fd1=$(pid_fds) th1=$(pid_threads)
		else
			[ "$(pid_fds)" -eq "$fd1" ] || fail "run $i holds $(pid_fds) descriptors, run 1 held $fd1"
			[ "$(pid_threads)" -eq "$th1" ] || fail "run $i has $(pid_threads) threads, run 1 had $th1"
		fi
	done
	net_uldd_stop
	ok "3 stop/start cycles of uldd run: exit 0, traffic both ways, $fd1 descriptors and $th1 threads each time"
done

for tree in "${trees[@]}"; do
	echo "== Linux $tree's 8139too on the same chip"
	log=$NET_TMP/8139too-$tree.log rc=0
	ip netns exec "$B" timeout 60 "$ULDD" run "$ULDD_BUILD/ported/$tree/8139too.so" \
		--device $nic_b >"$log" 2>&1 </dev/null || rc=$?
	case $rc in 0 | 124) fail "8139too on $nic_b exited $rc: $(cat "$log")" ;; esac
	grep -q "is an enhanced 8139C+ chip, use 8139cp" "$log" ||
		fail "8139too did not refuse in its own words: $(cat "$log")"
	sed -n 's/^/    /; /8139C+ chip\|probe failed/p' "$log"
	ok "Linux $tree's 8139too refused rev 0x20 and uldd run exited $rc"
	start_b "$ULDD_BUILD/ported/$tree/8139cp.so"
	net_ping "$B" "$NET_IP_A" 2
	net_uldd_stop
	ok "8139cp took $nic_b after 8139too's refusal, traffic both ways"
done

net_teardown
trap - EXIT
[ "$(driver_of $nic_b)" = 8139cp ] || fail "$nic_b is on $(driver_of $nic_b) after teardown, not 8139cp"
ok "$nic_b is back on the kernel's 8139cp"
