#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# The ported e1000 beyond the data path (t-net-uldd has ping and transfers),
# of each kernel series (Linux 6.1's and 6.12's, one after the other on the
# same NIC): its sources are the tree's; probe reports the device's MAC;
# module parameters work, and a wrong value gets the driver's own complaint;
# 'uldd stats' shows the driver's ethtool view; the MAC address,
# promiscuous mode and multicast list the host sets reach the device;
# ifdown/ifup and 'uldd run' restarts leak no descriptors or threads, and
# traffic flows after each.
# vm-devices: -netdev hubport,id=n1,hubid=1 -device e1000,netdev=n1,addr=0x10
# vm-devices: -device pcie-root-port,id=rp1,bus=pcie.0,chassis=1,addr=0x8
# vm-devices: -netdev hubport,id=n2,hubid=1 -device e1000,netdev=n2,bus=rp1,mac=52:54:00:0e:10:00
# vm-timeout: 600
set -euo pipefail
. "$ULDD_TOP/tests/vm/lib.sh"
. "$ULDD_TOP/tests/vm/netlib.sh"

nic_a=0000:00:10.0 nic_b=0000:01:00.0 mac_b=52:54:00:0e:10:00
A=$NET_NS_A B=$NET_NS_B
# The port under test; set per series below.
so=

# Frames seen by the host side of B: what the device's filters let through.
rx_packets() {
	local bytes packets
	read -r bytes packets <<<"$(net_rx_stats "$B" uldd0)"
	echo "$packets"
}

# COUNT frames from A to DST (no replies expected); prints how many of them
# B's host side received.
flood() { # DST COUNT
	local before after
	before=$(rx_packets)
	ip netns exec "$A" busybox ping -q -c "$2" -i 0.02 -W 1 "$1" >/dev/null 2>&1 || true
	sleep 0.3
	after=$(rx_packets)
	echo $((after - before))
}

start_b() { # PARAM=VAL...
	net_uldd_start "$so" $nic_b "$B" uldd0 "$@"
	net_addr "$B" uldd0 "$NET_IP_B"
	net_wait_carrier "$B" uldd0
	net_ping "$A" "$NET_IP_B"
}

# Everything below, for the port of one series; it leaves uldd stopped.
check_series() { # SERIES
	local pid fd0 th0 rc n rx i want
	echo "=== e1000 of Linux $1"
	so=$(net_e1000_so "$1")
	net_e1000_sources "$1"

	echo "== an interface name that is taken"
	net_uldd_bind $nic_b
	rc=0
	ip netns exec "$B" "$ULDD" run "$so" --device $nic_b --ifname lo \
		>"$NET_TMP/taken.log" 2>&1 || rc=$?
	[ "$rc" -eq 1 ] || fail "uldd run --ifname lo exited $rc, not 1: $(cat "$NET_TMP/taken.log")"
	grep -q "interface lo exists: pick another name" "$NET_TMP/taken.log" ||
		fail "no word about the taken name: $(cat "$NET_TMP/taken.log")"
	grep -q "probe failed on 1 device(s)" "$NET_TMP/taken.log" ||
		fail "uldd run did not say the probe failed: $(cat "$NET_TMP/taken.log")"
	sed -n 's/^/    /; /exists\|probe failed/p' "$NET_TMP/taken.log"
	ok "--ifname lo: the TAP cannot be made, probe fails, uldd run exits 1 saying why"

	echo "== module parameters, one of them wrong"
	start_b TxDescriptors=5 RxDescriptors=512
	grep -q "Invalid Transmit Descriptors value specified (5) using default of 256" "$NET_ULDD_LOG" ||
		fail "no complaint from e1000_param.c about TxDescriptors=5: $(cat "$NET_ULDD_LOG")"
	ok "TxDescriptors=5: e1000 said why and took its default"
	grep -q "Intel(R) PRO/1000 Network Connection" "$NET_ULDD_LOG" || fail "probe did not finish"
	grep -q "$mac_b" "$NET_ULDD_LOG" || fail "probe did not print the MAC $mac_b: $(cat "$NET_ULDD_LOG")"
	sed -n 's/^/    /; /registered\|(PCI\|Link is Up/p' "$NET_ULDD_LOG"
	ip -n "$B" link show dev uldd0 | grep -q "link/ether $mac_b" || fail "uldd0 does not carry $mac_b"
	ok "probe read $mac_b from the EEPROM; the TAP has it"

	"$ULDD" stats uldd0 >"$NET_TMP/stats" || fail "uldd stats uldd0 failed"
	for want in "driver: e1000" "bus-info: $nic_b" "link: yes" "speed: 1000Mb/s" "rx-ring: 512" \
		"tx-ring: 256" "mac: $mac_b"; do
		grep -q "^$want" "$NET_TMP/stats" || fail "uldd stats has no '$want': $(cat "$NET_TMP/stats")"
	done
	rx=$(sed -n 's/^rx_packets: //p' "$NET_TMP/stats")
	[ "${rx:-0}" -gt 0 ] || fail "uldd stats: rx_packets is '${rx:-}' after a ping"
	ok "uldd stats: driver, bus, link, rings (RxDescriptors=512 took), $rx frames received"

	echo "== a MAC address set by the host"
	ip -n "$B" link set dev uldd0 address 52:54:00:0e:10:77
	sleep 0.5
	"$ULDD" stats uldd0 | grep -q "^mac: 52:54:00:0e:10:77" ||
		fail "the driver did not take the host's new MAC: $("$ULDD" stats uldd0 | grep ^mac)"
	ip -n "$A" neigh flush dev netA
	net_ping "$A" "$NET_IP_B"
	ip -n "$B" link set dev uldd0 address "$mac_b"
	sleep 0.5
	ip -n "$A" neigh flush dev netA
	net_ping "$A" "$NET_IP_B"
	ok "ip link set address: the driver programs the new MAC, frames to it arrive; and back"

	echo "== promiscuous mode"
	ip -n "$A" neigh replace "$NET_IP_B" lladdr 02:00:00:00:0e:99 dev netA nud permanent
	n=$(flood "$NET_IP_B" 40)
	[ "$n" -le 2 ] || fail "uldd0 received $n of 40 frames for another MAC while not promiscuous"
	ip -n "$B" link set dev uldd0 promisc on
	sleep 0.5
	n=$(flood "$NET_IP_B" 40)
	[ "$n" -ge 38 ] || fail "promiscuous uldd0 received only $n of 40 frames for another MAC"
	ip -n "$B" link set dev uldd0 promisc off
	sleep 0.5
	n=$(flood "$NET_IP_B" 40)
	[ "$n" -le 2 ] || fail "uldd0 still receives frames for another MAC ($n of 40) after promisc off"
	ip -n "$A" neigh del "$NET_IP_B" dev netA
	ok "promisc on/off switches the device's unicast filter"

	echo "== multicast list"
	ip -n "$A" route replace 224.0.0.0/4 dev netA
	n=$(flood 224.1.2.3 40)
	[ "$n" -le 2 ] || fail "uldd0 received $n of 40 frames for a group it did not join"
	ip -n "$B" maddr add 01:00:5e:01:02:03 dev uldd0
	sleep 1
	n=$(flood 224.1.2.3 40)
	[ "$n" -ge 38 ] || fail "uldd0 received $n of 40 frames for a group it joined"
	ip -n "$B" maddr del 01:00:5e:01:02:03 dev uldd0
	sleep 1
	n=$(flood 224.1.2.3 40)
	[ "$n" -le 2 ] || fail "uldd0 received $n of 40 frames after leaving the group"
	ok "joining and leaving 01:00:5e:01:02:03 on uldd0 programs the device's multicast filter"

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
		start_b TxDescriptors=512
	done
	"$ULDD" stats uldd0 | grep -q "^tx-ring: 512" || fail "TxDescriptors=512 did not take"
	ok "3 stop/start cycles of uldd run: exit status 0 each time, traffic after each; TxDescriptors=512 took"
	net_uldd_stop
}

net_setup
trap net_teardown EXIT
net_move $nic_a "$A" netA
net_addr "$A" netA "$NET_IP_A"
for series in "${NET_E1000_SERIES[@]}"; do
	check_series "$series"
done
