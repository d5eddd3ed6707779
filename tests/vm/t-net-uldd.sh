#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# The ported e1000 (uldd run e1000.so) against the kernel's: the link checks
# of t-net-kernel with NIC B served by uldd, whose TAP is born in namespace
# B because uldd runs there, and TSO frames from the host reach the driver;
# then SIGTERM must stop it with status 0 and 'uldd unbind' give the NIC
# back to the kernel. Skipped, with the reason, until the port is built and
# 'uldd run' makes TAPs.
# vm-devices: -netdev hubport,id=n1,hubid=1 -device e1000,netdev=n1,addr=0x10
# vm-devices: -device pcie-root-port,id=rp1,bus=pcie.0,chassis=1,addr=0x8
# vm-devices: -netdev hubport,id=n2,hubid=1 -device e1000,netdev=n2,bus=rp1
# vm-timeout: 300
set -euo pipefail
. "$ULDD_TOP/tests/vm/lib.sh"
. "$ULDD_TOP/tests/vm/netlib.sh"

net_uldd_ready "$NET_E1000_SO" || skip "$NET_ERR"
nic_a=0000:00:10.0 nic_b=0000:01:00.0

net_setup
trap net_teardown EXIT
net_move $nic_a "$NET_NS_A" netA
net_uldd_start "$NET_E1000_SO" $nic_b "$NET_NS_B" uldd0
ok "uldd run ${NET_E1000_SO##*/} made uldd0 in $NET_NS_B"
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
