#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# The ported e1000e (QEMU's 82574L) against the guest kernel's e1000e on
# one hub, for the port of each kernel series (Linux 6.1's, then 6.12's):
# unmodified sources; probe prints the MAC; MSI-X with the driver's three
# vectors (rx, tx, other) as real interrupts; the link checks of netlib
# (carrier, pings both ways, 100 MiB each way with SHA-256, MTU 9000 and
# back); 'uldd stats'; ifdown/ifup and 3 stop/start cycles of 'uldd run'
# without leaked descriptors or threads; the NIC back on the kernel's
# e1000e at the end. e1000e is PCIe: NIC B sits behind a root port, whose
# secondary bus reset VFIO uses between runs.
# vm-devices: -netdev hubport,id=n1,hubid=1 -device e1000e,netdev=n1,addr=0x10
# vm-devices: -device pcie-root-port,id=rp1,bus=pcie.0,chassis=1,addr=0x8
# vm-devices: -netdev hubport,id=n2,hubid=1 -device e1000e,netdev=n2,bus=rp1,mac=52:54:00:0e:1e:00
# vm-timeout: 1500
set -euo pipefail
. "$ULDD_TOP/tests/vm/lib.sh"
. "$ULDD_TOP/tests/vm/netlib.sh"

nic_a=0000:00:10.0 nic_b=0000:01:00.0 mac_b=52:54:00:0e:1e:00
A=$NET_NS_A B=$NET_NS_B

so_of() { echo "$ULDD_BUILD/ported/$1/e1000e.so"; }

for series in "${NET_E1000_SERIES[@]}"; do
	net_uldd_ready "$(so_of "$series")" || skip "$NET_ERR"
done

# The files the port compiled must be the tree's, as recorded.
check_sources() { # SERIES
	local sums=$ULDD_TOP/ported/e1000e/upstream-$1.sha256
	(cd "$ULDD_BUILD/linux-source-$1/drivers/net/ethernet/intel/e1000e" &&
		sha256sum --quiet --strict -c "$sums") ||
		fail "the e1000e sources of linux-source-$1 differ from ${sums#"$ULDD_TOP"/}"
	ok "e1000e.so of $1 is built from $(wc -l <"$sums") files of Linux $1, unmodified"
}

# "N1 N2 ..." : the interrupt counts of NIC B's MSI-X vectors, as the host
# kernel's VFIO counts them (its handlers are named vfio-msix[I](ADDR)).
msix_counts() {
	awk -v dev="($nic_b)" 'index($0, "vfio-msix[") && index($0, dev) {
		n = 0
		for (i = 2; i <= NF && $i ~ /^[0-9]+$/; i++) n += $i
		printf "%s ", n
	}' /proc/interrupts
}

start_b() {
	net_uldd_start "$so" $nic_b "$B" uldd0
	net_addr "$B" uldd0 "$NET_IP_B"
	net_wait_carrier "$B" uldd0
	net_ping "$A" "$NET_IP_B" 2
}

check_series() { # SERIES
	local so pid fd0 th0 fds th i before after k
	echo "=== e1000e of Linux $1"
	so=$(so_of "$1")
	check_sources "$1"
	net_setup
	trap net_teardown EXIT
	net_move $nic_a "$A" netA

	net_uldd_start "$so" $nic_b "$B" uldd0
	ok "uldd run $1/${so##*/} made uldd0 in $B"
	grep -q "Intel(R) PRO/1000 Network Connection" "$NET_ULDD_LOG" ||
		fail "probe did not finish: $(cat "$NET_ULDD_LOG")"
	grep -q "$mac_b" "$NET_ULDD_LOG" || fail "probe did not print the MAC $mac_b: $(cat "$NET_ULDD_LOG")"
	sed -n 's/^/    /; /Network Connection\|(PCI Express\|Link is Up/p' "$NET_ULDD_LOG"
	ip -n "$B" link show dev uldd0 | grep -q "link/ether $mac_b" || fail "uldd0 does not carry $mac_b"
	ok "probe printed $mac_b, read from the NVM; the TAP has it"

	# MSI-X is set up at open (ndo_open requests the vectors).
	net_check_link netA uldd0 100

	read -ra before <<<"$(msix_counts)"
	[ "${#before[@]}" -eq 3 ] ||
		fail "NIC B has ${#before[@]} MSI-X vectors routed, not 3: $(grep "($nic_b)" /proc/interrupts)"
	net_transfer "$A" "$B" "$NET_IP_B" 8
	net_transfer "$B" "$A" "$NET_IP_A" 8
	read -ra after <<<"$(msix_counts)"
	# Vector 0 is rx, 1 tx, 2 the link and other causes (e1000_request_msix).
	for k in 0 1; do
		[ "${after[$k]}" -gt "${before[$k]}" ] ||
			fail "MSI-X vector $k did not fire during the transfers: ${before[*]} -> ${after[*]}"
	done
	[ "${after[2]}" -gt 0 ] || fail "MSI-X vector 2 (other) never fired: ${after[*]}"
	ok "MSI-X: 3 vectors; interrupts rx ${after[0]}, tx ${after[1]}, other ${after[2]}"

	"$ULDD" stats uldd0 >"$NET_TMP/stats" || fail "uldd stats uldd0 failed"
	for want in "driver: e1000e" "bus-info: $nic_b" "link: yes" "speed: 1000Mb/s" "mac: $mac_b"; do
		grep -q "^$want" "$NET_TMP/stats" || fail "uldd stats has no '$want': $(cat "$NET_TMP/stats")"
	done
	ok "uldd stats: driver e1000e, $nic_b, link up at 1000Mb/s, $mac_b"

	echo "== ifdown/ifup"
	pid=$NET_ULDD_PID
	fds() { ls "/proc/$pid/fd" | wc -l; }
	threads() { ls "/proc/$pid/task" | wc -l; }
	fd0=$(fds) th0=$(threads)
	for i in 1 2 3; do
		ip -n "$B" link set dev uldd0 down
		ip -n "$B" link set dev uldd0 up
		net_wait_carrier "$B" uldd0
		net_ping "$A" "$NET_IP_B" 2
	done
	[ "$(fds)" -eq "$fd0" ] || fail "ifdown/ifup cycles: $fd0 descriptors before, $(fds) after"
	[ "$(threads)" -eq "$th0" ] || fail "ifdown/ifup cycles: $th0 threads before, $(threads) after"
	ok "3 ifdown/ifup cycles: still $fd0 descriptors and $th0 threads"

	echo "== uldd run stop and start"
	for i in 1 2 3; do
		net_uldd_stop
		start_b
		pid=$NET_ULDD_PID
		fds=$(fds) th=$(threads)
		# A fresh process that got as far as the first: the same counts.
		[ "$fds" -eq "$fd0" ] || fail "run $i: $fds descriptors, the first run had $fd0"
		[ "$th" -eq "$th0" ] || fail "run $i: $th threads, the first run had $th0"
		ok "run $i after a stop: $fds descriptors and $th threads, as the first"
	done
	ok "3 stop/start cycles of uldd run: exit status 0 each time, traffic after each"
	net_uldd_stop

	net_teardown
	trap - EXIT
	[ "$(driver_of $nic_b)" = e1000e ] || fail "$nic_b is on $(driver_of $nic_b) after teardown, not e1000e"
	net_ifname $nic_b >/dev/null
	ok "$nic_b is back on the kernel's e1000e with an interface"
}

for series in "${NET_E1000_SERIES[@]}"; do
	check_series "$series"
done
