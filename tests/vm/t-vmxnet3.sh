#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# The ported vmxnet3 (VMware's paravirtual NIC, QEMU's vmxnet3) against the
# guest kernel's own vmxnet3 on the same hub, for the port of each kernel
# series: probe reads the MAC; the driver sets up MSI-X (one vector per
# queue pair and one for events, each with its own interrupt thread) and
# a queue pair per vCPU; the link checks of netlib (carrier, pings both
# ways, 100 MiB each way with SHA-256 compared, MTU 9000); ifdown/ifup and
# 'uldd run' restarts leak no descriptors or threads.
# The host side is one TAP queue: frames from it go to the driver's TX
# queues by flow (a hash of addresses and ports, as Linux picks a queue),
# and every RX queue, each with its NAPI, writes to it.
# vm-devices: -netdev hubport,id=n1,hubid=1 -device vmxnet3,netdev=n1,addr=0x10
# vm-devices: -device pcie-root-port,id=rp1,bus=pcie.0,chassis=1,addr=0x8
# vm-devices: -netdev hubport,id=n2,hubid=1 -device vmxnet3,netdev=n2,bus=rp1,mac=52:54:00:0e:30:00
# vm-timeout: 1500
set -euo pipefail
. "$ULDD_TOP/tests/vm/lib.sh"
. "$ULDD_TOP/tests/vm/netlib.sh"

nic_a=0000:00:10.0 nic_b=0000:01:00.0 mac_b=52:54:00:0e:30:00
A=$NET_NS_A B=$NET_NS_B
series_list=(6.1 6.12)

for s in "${series_list[@]}"; do
	net_uldd_ready "$ULDD_BUILD/ported/$s/vmxnet3.so" || skip "$NET_ERR"
done
[ "$(driver_of $nic_a)" = vmxnet3 ] || fail "$nic_a is on $(driver_of $nic_a), not the kernel's vmxnet3"

fds() { ls "/proc/$NET_ULDD_PID/fd" | wc -l; }
threads() { ls "/proc/$NET_ULDD_PID/task" | wc -l; }
# Interrupt threads of the running uldd: one per vector (kernel/irq/manage.c).
irq_threads() { cat /proc/"$NET_ULDD_PID"/task/*/comm | grep -c '^irq/' || true; }

start_b() {
	net_uldd_start "$so" $nic_b "$B" uldd0
	net_addr "$B" uldd0 "$NET_IP_B"
	net_wait_carrier "$B" uldd0
	net_ping "$A" "$NET_IP_B"
}

check_series() { # SERIES
	local sums line nvec nirq stats fd0 th0 i run
	local -a seen=()
	echo "=== vmxnet3 of Linux $1"
	so=$ULDD_BUILD/ported/$1/vmxnet3.so
	sums=$ULDD_TOP/ported/vmxnet3/upstream-$1.sha256
	(cd "$ULDD_BUILD/linux-source-$1/drivers/net/vmxnet3" && sha256sum --quiet --strict -c "$sums") ||
		fail "the vmxnet3 sources of linux-source-$1 differ from ${sums#"$ULDD_TOP"/}"
	ok "vmxnet3.so of $1 is built from $(wc -l <"$sums") files of Linux $1, unmodified"

	net_setup
	trap net_teardown EXIT
	net_move $nic_a "$A" netA
	net_uldd_start "$so" $nic_b "$B" uldd0
	ok "uldd run $1/vmxnet3.so made uldd0 in $B"
	grep -q "$mac_b" "$NET_ULDD_LOG" || fail "probe did not print the MAC $mac_b: $(cat "$NET_ULDD_LOG")"
	ip -n "$B" link show dev uldd0 | grep -q "link/ether $mac_b" || fail "uldd0 does not carry $mac_b"
	ok "probe read $mac_b from the device; the TAP has it"

	# The driver's own words: "# of Tx queues : N, # of Rx queues : N" at
	# probe, "intr type 3, mode 0, N vectors allocated" at open (type 3: MSI-X).
	net_addr "$B" uldd0 "$NET_IP_B"
	net_wait_carrier "$B" uldd0
	sed -n 's/^/    /; /of Tx queues\|vectors allocated\|Link is Up/p' "$NET_ULDD_LOG"
	line=$(grep -o 'intr type [0-9]*, mode [0-9]*, [0-9]* vectors allocated' "$NET_ULDD_LOG") ||
		fail "the driver did not report its interrupts: $(cat "$NET_ULDD_LOG")"
	[[ $line == 'intr type 3,'* ]] || fail "the driver did not get MSI-X: $line"
	nvec=${line% vectors allocated}
	nvec=${nvec##* }
	nirq=$(irq_threads)
	[ "$nvec" -ge 2 ] || fail "MSI-X with $nvec vector(s): no queue has one of its own"
	[ "$nirq" -eq "$nvec" ] || fail "$nvec MSI-X vectors, but $nirq interrupt threads"
	stats=$("$ULDD" stats uldd0) || fail "uldd stats uldd0 failed"
	grep -E '^(queues|channels):' <<<"$stats" | sed 's/^/    /'
	grep -q '^queues: 2 tx, 2 rx' <<<"$stats" || fail "not a queue pair per vCPU: $stats"
	ok "MSI-X: $nvec vectors, one interrupt thread each; 2 TX and 2 RX queues"
	ip -n "$B" addr flush dev uldd0
	ip -n "$B" link set dev uldd0 down

	net_check_link netA uldd0 100
	stats=$("$ULDD" stats uldd0) || fail "uldd stats uldd0 failed"
	[ "$(sed -n 's/^uldd_bad_vnet_from_host: //p' <<<"$stats")" = 0 ] ||
		fail "virtio-net headers from the host were refused: $stats"
	ok "no virtio-net header from the host refused"
	echo "    LRO frames per RX queue: $(sed -n 's/^  LRO pkts rx: //p' <<<"$stats" | tr '\n' ' ')"
	# QEMU 7.2's vmxnet3 cuts a TSO frame for a peer without virtio-net
	# headers (the hub) into IP fragments, not TCP segments: the receiving
	# stack reassembles them, and Linux's TCP then warns once per boot of a
	# "suspect GRO implementation" of whichever interface got them first.
	echo "    IPv4 packets reassembled in $B: $(ip netns exec "$B" awk '/^Ip: [0-9]/ { print $16 " (from " $15 " fragments)" }' /proc/net/snmp)"

	# Frames from the host go to the driver's TX queues by flow: 16 UDP
	# flows (one datagram each) all hash to one of 2 queues once in 32768.
	ip netns exec "$B" bash -c 'for p in $(seq 9001 9016); do echo x >"/dev/udp/$0/$p"; done' \
		"$NET_IP_A" || fail "cannot send UDP from $B"
	stats=$("$ULDD" stats uldd0) || fail "uldd stats uldd0 failed"
	local txq0 txq1
	txq0=$(sed -n 's/^uldd_frames_from_host_txq0: //p' <<<"$stats")
	txq1=$(sed -n 's/^uldd_frames_from_host_txq1: //p' <<<"$stats")
	[ "${txq0:-0}" -gt 0 ] && [ "${txq1:-0}" -gt 0 ] ||
		fail "frames from the host did not spread over both TX queues: ${txq0:-?} and ${txq1:-?}"
	ok "frames from the host spread by flow over the TX queues: $txq0 and $txq1"

	echo "== ifdown/ifup"
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
		run="$(fds) descriptors, $(threads) threads, $(irq_threads) irq threads"
		seen+=("$run")
		[ "$run" = "${seen[0]}" ] || fail "run $i: $run; the first restart had ${seen[0]}"
	done
	ok "3 stop/start cycles of uldd run: exit status 0 each time, traffic after each, $run in each"
	net_uldd_stop

	net_teardown
	trap - EXIT
	[ "$(driver_of $nic_b)" = vmxnet3 ] || fail "$nic_b is on $(driver_of $nic_b) after teardown"
	ok "$nic_b is back on the kernel's vmxnet3"
}

for s in "${series_list[@]}"; do
	check_series "$s"
done
