# SPDX-License-Identifier: GPL-2.0-only OR MIT
# The e1000 cell's own checks (t-matrix.sh, nicpair.sh): the process's
# privileges once traffic passed (uid, capabilities, seccomp), TSO frames from
# the host, 'uldd stats', a MAC set by the host, a taken interface name, and
# module parameters: one of the wrong type (refused by uldd run, exit 1),
# one out of the driver's range (its own complaint, and its default).
# The privileges, the taken name, the parameter of the wrong type and the
# refused 'uldd stats' are uldd's own doing, whatever the tree: they run in
# the driver's first cell only (NIC_ONCE, nicpair.sh), the rest in both.
# shellcheck shell=bash

nic_extra_e1000() { # TREE
	local A=$NET_NS_A B=$NET_NS_B stats gso bad rc want rx mac2=52:54:00:10:00:77
	# After the traffic: the driver runs as user uldd, every thread with
	# CAP_NET_ADMIN alone (its TAP, tools/uldd/confine.c), no_new_privs and
	# the seccomp filter, which the transfers and the checks below pass.
	if [ "${NIC_ONCE:-1}" = 1 ]; then
		assert_confined "$NET_ULDD_PID" 0000000000001000
		grep -q "runs as uid $(id -u uldd), capabilities: cap_net_admin, seccomp on" "$NET_ULDD_LOG" ||
			fail "no line saying what e1000.so runs as: $(cat "$NET_ULDD_LOG")"
		ok "e1000.so runs as uldd with CAP_NET_ADMIN only, NoNewPrivs 1, Seccomp 2, all threads"
	fi
	# The host's TCP sent its large writes as TSO frames, which must have
	# passed the virtio-net header checks (shim/net/vnet.c) to reach e1000.
	stats=$("$ULDD" stats uldd0) || fail "uldd stats uldd0 failed"
	gso=$(sed -n 's/^uldd_gso_from_host: //p' <<<"$stats")
	bad=$(sed -n 's/^uldd_bad_vnet_from_host: //p' <<<"$stats")
	[ "${gso:-0}" -gt 0 ] || fail "no TSO frame from the host reached the driver: $stats"
	[ "${bad:-}" = 0 ] || fail "virtio-net headers from the host were refused: $stats"
	ok "$gso TSO frames from the host reached e1000; no virtio-net header refused"

	ip -n "$B" link set dev uldd0 address $mac2
	sleep 0.5
	"$ULDD" stats uldd0 | grep -q "^mac: $mac2" ||
		fail "the driver did not take the host's new MAC: $("$ULDD" stats uldd0 | grep ^mac)"
	ip -n "$A" neigh flush dev netA
	net_ping "$A" "$NET_IP_B"
	ip -n "$B" link set dev uldd0 address "$NIC_MAC"
	sleep 0.5
	ip -n "$A" neigh flush dev netA
	net_ping "$A" "$NET_IP_B"
	ok "ip link set address: the driver programs the new MAC, frames to it arrive; and back"

	net_uldd_stop
	if [ "${NIC_ONCE:-1}" = 1 ]; then
		rc=0
		ip netns exec "$B" "$ULDD" run "$NIC_SO" --device "$NIC_B" --ifname lo \
			>"$NET_TMP/taken.log" 2>&1 </dev/null || rc=$?
		# 3: the probe refused the device (another driver might take it), not 1.
		[ "$rc" -eq 3 ] || fail "uldd run --ifname lo exited $rc, not 3: $(cat "$NET_TMP/taken.log")"
		grep -q "interface lo exists: pick another name" "$NET_TMP/taken.log" ||
			fail "no word about the taken name: $(cat "$NET_TMP/taken.log")"
		grep -q "probe failed on 1 device(s)" "$NET_TMP/taken.log" ||
			fail "uldd run did not say the probe failed: $(cat "$NET_TMP/taken.log")"
		ok "--ifname lo: the TAP cannot be made, probe fails, uldd run exits 3 saying why"

		# A value of the wrong type is refused before the driver runs, as the
		# kernel's module loader refuses it; the device stays usable.
		expect_error 1 "parameter 'TxDescriptors' takes .*int.* values, not 'many'" \
			"$ULDD" run "$NIC_SO" --device "$NIC_B" TxDescriptors=many
	fi
	nic_restart TxDescriptors=5 RxDescriptors=512
	grep -q "Invalid Transmit Descriptors value specified (5) using default of 256" "$NET_ULDD_LOG" ||
		fail "no complaint from e1000_param.c about TxDescriptors=5: $(cat "$NET_ULDD_LOG")"
	ok "TxDescriptors=5: e1000 said why and took its default"
	"$ULDD" stats uldd0 >"$NET_TMP/stats" || fail "uldd stats uldd0 failed"
	for want in "driver: e1000" "bus-info: $NIC_B" "link: yes" "speed: 1000Mb/s" "rx-ring: 512" \
		"tx-ring: 256" "mac: $NIC_MAC"; do
		grep -q "^$want" "$NET_TMP/stats" || fail "uldd stats has no '$want': $(cat "$NET_TMP/stats")"
	done
	rx=$(sed -n 's/^rx_packets: //p' "$NET_TMP/stats")
	[ "${rx:-0}" -gt 0 ] || fail "uldd stats: rx_packets is '${rx:-}' after a ping"
	ok "uldd stats: driver, bus, link, rings (RxDescriptors=512 took), $rx frames received"
	grep -Eq "^irq [0-9]+: (INTx|MSI|MSI-X) [0-9]+ uldd0: [1-9][0-9]* interrupts, 0 unhandled; depth 0" \
		"$NET_TMP/stats" || fail "uldd stats has no line for e1000's interrupt: $(cat "$NET_TMP/stats")"
	ok "uldd stats: $(grep "^irq" "$NET_TMP/stats")"
	if [ "${NIC_ONCE:-1}" = 1 ]; then
		err=$(setpriv --reuid=65534 --regid=65534 --clear-groups "$ULDD" stats uldd0 2>&1) &&
			fail "uid 65534 got the report of a root uldd run"
		grep -q "Permission denied" <<<"$err" || fail "uid 65534 was told: $err"
		ok "uldd stats as another user is refused: $err"
	fi
	nic_ifcycles
}
