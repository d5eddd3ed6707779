# SPDX-License-Identifier: GPL-2.0-only OR MIT
# The vmxnet3 cell's own checks (t-matrix.sh, nicpair.sh): MSI-X with one
# vector per queue pair and one for events, each with its interrupt thread;
# a queue pair per vCPU; a multi-queue TAP of as many queues, over which
# the host spreads its flows, each TAP queue feeding the TX queue of its
# number.
# shellcheck shell=bash

nic_extra_vmxnet3() { # TREE
	local line nvec nirq stats txq0 txq1 hostq before0 before1
	# The driver's own words at open: "intr type 3, mode 0, N vectors
	# allocated" (type 3: MSI-X).
	sed -n 's/^/    /; /of Tx queues\|vectors allocated/p' "$NET_ULDD_LOG"
	line=$(grep -o 'intr type [0-9]*, mode [0-9]*, [0-9]* vectors allocated' "$NET_ULDD_LOG") ||
		fail "the driver did not report its interrupts: $(cat "$NET_ULDD_LOG")"
	[[ $line == 'intr type 3,'* ]] || fail "the driver did not get MSI-X: $line"
	nvec=${line% vectors allocated}
	nvec=${nvec##* }
	nirq=$(cat /proc/"$NET_ULDD_PID"/task/*/comm | grep -c '^irq/' || true)
	[ "$nvec" -ge 2 ] || fail "MSI-X with $nvec vector(s): no queue has one of its own"
	[ "$nirq" -eq "$nvec" ] || fail "$nvec MSI-X vectors, but $nirq interrupt threads"
	stats=$("$ULDD" stats uldd0) || fail "uldd stats uldd0 failed"
	grep -q '^queues: 2 tx, 2 rx' <<<"$stats" || fail "not a queue pair per vCPU: $stats"
	ok "MSI-X: $nvec vectors, one interrupt thread each; 2 TX and 2 RX queues"
	hostq=$(ip netns exec "$NET_NS_B" ls /sys/class/net/uldd0/queues | tr '\n' ' ')
	[ "$(grep -o 'tx-[0-9]*' <<<"$hostq" | wc -l)" -eq 2 ] ||
		fail "the host's uldd0 is not a 2-queue TAP: queues $hostq"
	ok "the host's uldd0 has 2 TAP queues: $hostq"
	[ "$(sed -n 's/^uldd_bad_vnet_from_host: //p' <<<"$stats")" = 0 ] ||
		fail "virtio-net headers from the host were refused: $stats"
	ok "no virtio-net header from the host refused"
	# QEMU 7.2's vmxnet3 cuts a TSO frame for a peer without virtio-net
	# headers (the hub) into IP fragments, not TCP segments: the receiving
	# stack reassembles them.
	echo "    IPv4 packets reassembled in $NET_NS_B: $(ip netns exec "$NET_NS_B" awk '/^Ip: [0-9]/ { print $16 " (from " $15 " fragments)" }' /proc/net/snmp)"

	# 16 UDP flows (one datagram each): the host's tun picks a TAP queue by
	# a hash of each flow, and all land on one of 2 once in 32768. Counted
	# from here: the transfers before may have used both queues already.
	before0=$(sed -n 's/^uldd_frames_from_host_txq0: //p' <<<"$stats")
	before1=$(sed -n 's/^uldd_frames_from_host_txq1: //p' <<<"$stats")
	ip netns exec "$NET_NS_B" bash -c 'for p in $(seq 9001 9016); do echo x >"/dev/udp/$0/$p"; done' \
		"$NET_IP_A" || fail "cannot send UDP from $NET_NS_B"
	# The TAP thread takes them a moment later: up to 2 s for all 16.
	for _ in $(seq 20); do
		stats=$("$ULDD" stats uldd0) || fail "uldd stats uldd0 failed"
		txq0=$(($(sed -n 's/^uldd_frames_from_host_txq0: //p' <<<"$stats") - ${before0:-0}))
		txq1=$(($(sed -n 's/^uldd_frames_from_host_txq1: //p' <<<"$stats") - ${before1:-0}))
		[ $((txq0 + txq1)) -ge 16 ] && break
		sleep 0.1
	done
	[ "$txq0" -gt 0 ] && [ "$txq1" -gt 0 ] ||
		fail "the host did not spread 16 UDP flows over both TAP queues: $txq0 and $txq1 frames"
	ok "the host spread 16 UDP flows over the TAP queues: $txq0 and $txq1 frames to TX queues 0 and 1"
	nic_ifcycles
}
