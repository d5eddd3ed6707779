# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Sourced by t-debug.sh. valgrind's memcheck on uldd run: the unmodified
# e1000 beside the guest kernel's e1000, pings both ways and
# DEBUG_VG_MIB MiB each way, with no error from driver, shim or host layer
# (tools/valgrind/uldd.supp holds only host libraries' own).
. "$ULDD_TOP/tests/vm/netlib.sh"

command -v valgrind >/dev/null || fail "no valgrind in the guest (the host's root): scripts/install-deps.sh installs it"
vglog=/tmp/debug-vg.log
NET_ULDD_WRAP=(valgrind --error-exitcode=99 --leak-check=no --log-file="$vglog"
	--suppressions="$ULDD_TOP/tools/valgrind/uldd.supp")
NET_ULDD_START_SECS=300 NET_ULDD_STOP_SECS=120 NET_PING_SECS=60
net_setup
trap 'cat "$NET_ULDD_LOG" "$vglog" 2>/dev/null; net_teardown' EXIT
net_move "$DEBUG_NIC_A" "$NET_NS_A" netA
net_uldd_start "$NET_E1000_SO" "$DEBUG_NIC_B" "$NET_NS_B" netB
net_addr "$NET_NS_A" netA "$NET_IP_A" "$NET_IP6_A"
net_addr "$NET_NS_B" netB "$NET_IP_B" "$NET_IP6_B"
net_wait_carrier "$NET_NS_B" netB 120
net_ping "$NET_NS_A" "$NET_IP_B"
net_ping "$NET_NS_B" "$NET_IP_A"
net_transfer_both "${DEBUG_VG_MIB:-2}"
rc=0
net_uldd_stop || rc=$?
[ "$rc" -eq 0 ] || fail "uldd run under valgrind did not stop cleanly"
grep -q "ERROR SUMMARY: 0 errors" "$vglog" || fail "valgrind found errors in uldd run e1000.so"
ok "valgrind uldd run e1000.so: traffic, ERROR SUMMARY: 0 errors"
trap - EXIT
net_teardown
