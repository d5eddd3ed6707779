#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# The ported e1000 (uldd run e1000.so) against the kernel's: the link checks
# of t-net-kernel with NIC B served by uldd, whose TAP is born in namespace
# B because uldd runs there, and TSO frames from the host reach the driver;
# then SIGTERM must stop it with status 0 and 'uldd unbind' give the NIC
# back to the kernel. All of it for the port of each kernel series, one
# after the other. Skipped, with the reason, until the ports are built and
# 'uldd run' makes TAPs.
# vm-devices: -netdev hubport,id=n1,hubid=1 -device e1000,netdev=n1,addr=0x10
# vm-devices: -device pcie-root-port,id=rp1,bus=pcie.0,chassis=1,addr=0x8
# vm-devices: -netdev hubport,id=n2,hubid=1 -device e1000,netdev=n2,bus=rp1
# vm-timeout: 600
set -euo pipefail
. "$ULDD_TOP/tests/vm/lib.sh"
. "$ULDD_TOP/tests/vm/netlib.sh"

for series in "${NET_E1000_SERIES[@]}"; do
	net_uldd_ready "$(net_e1000_so "$series")" || skip "$NET_ERR"
done
nic_a=0000:00:10.0 nic_b=0000:01:00.0

# One series' port from a fresh setup to the NIC back on the kernel's driver.
check_series() { # SERIES
	local so stats gso bad
	echo "=== e1000 of Linux $1"
	so=$(net_e1000_so "$1")
	net_e1000_sources "$1"
	net_setup
	trap net_teardown EXIT
	net_move $nic_a "$NET_NS_A" netA
	net_uldd_start "$so" $nic_b "$NET_NS_B" uldd0
	ok "uldd run $1/${so##*/} made uldd0 in $NET_NS_B"
	net_check_link netA uldd0 100
	# The host's TCP sent its large writes as TSO frames, which must have
	# passed the virtio-net header checks (shim/net/vnet.c) to reach e1000.
	stats=$("$ULDD" stats uldd0) || fail "uldd stats uldd0 failed"
	gso=$(sed -n 's/^uldd_gso_from_host: //p' <<<"$stats")
	bad=$(sed -n 's/^uldd_bad_vnet_from_host: //p' <<<"$stats")
	[ "${gso:-0}" -gt 0 ] || fail "no TSO frame from the host reached the driver: $stats"
	[ "${bad:-}" = 0 ] || fail "virtio-net headers from the host were refused: $stats"
	ok "$gso TSO frames from the host reached e1000; no virtio-net header refused"
	net_uldd_stop
	ok "SIGTERM stopped uldd run with status 0 and uldd0 went away"

	net_teardown
	trap - EXIT
	[ "$(driver_of $nic_b)" = e1000 ] || fail "$nic_b is on $(driver_of $nic_b) after teardown, not e1000"
	net_ifname $nic_b >/dev/null
	ok "$nic_b is back on the kernel's e1000 with an interface"
}

for series in "${NET_E1000_SERIES[@]}"; do
	check_series "$series"
done
