# SPDX-License-Identifier: GPL-2.0-only OR MIT
# The vmxnet3 cell's own checks (t-matrix.sh, nicpair.sh): MSI-X with one
# vector per queue pair and one for events, each with its interrupt thread;
# a queue pair per vCPU; frames from the host spread over the TX queues by
# flow (a hash of addresses and ports, as Linux picks a queue).
# shellcheck shell=bash

nic_extra_vmxnet3() { # TREE
	local line nvec nirq stats txq0 txq1
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
	[ "$(sed -n 's/^uldd_bad_vnet_from_host: //p' <<<"$stats")" = 0 ] ||
		fail "virtio-net headers from the host were refused: $stats"
	ok "no virtio-net header from the host refused"
	# QEMU 7.2's vmxnet3 cuts a TSO frame for a peer without virtio-net
	# headers (the hub) into IP fragments, not TCP segments: the receiving
	# stack reassembles them.
	echo "    IPv4 packets reassembled in $NET_NS_B: $(ip netns exec "$NET_NS_B" awk '/^Ip: [0-9]/ { print $16 " (from " $15 " fragments)" }' /proc/net/snmp)"

	# 16 UDP flows (one datagram each) all hash to one of 2 queues once in 32768.
	ip netns exec "$NET_NS_B" bash -c 'for p in $(seq 9001 9016); do echo x >"/dev/udp/$0/$p"; done' \
		"$NET_IP_A" || fail "cannot send UDP from $NET_NS_B"
	stats=$("$ULDD" stats uldd0) || fail "uldd stats uldd0 failed"
	txq0=$(sed -n 's/^uldd_frames_from_host_txq0: //p' <<<"$stats")
	txq1=$(sed -n 's/^uldd_frames_from_host_txq1: //p' <<<"$stats")
	[ "${txq0:-0}" -gt 0 ] && [ "${txq1:-0}" -gt 0 ] ||
		fail "frames from the host did not spread over both TX queues: ${txq0:-?} and ${txq1:-?}"
	ok "frames from the host spread by flow over the TX queues: $txq0 and $txq1"
	nic_ifcycles
}
