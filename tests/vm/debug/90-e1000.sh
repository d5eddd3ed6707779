# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Sourced by t-debug.sh. The unmodified e1000 of Linux 6.1 with every
# checker on (--debug=all: kasan, lockdep, dma, leaks, dma-strict, one
# vCPU), beside the guest kernel's e1000 on one hub: carrier, pings both
# ways, DEBUG_E1000_MIB MiB each way at once with SHA-256 compared, then
# the stop, which must find nothing: no report, exit 0. With the
# KASAN-instrumented build (make kasan) when there is one, so the
# driver's own accesses are checked too.
. "$ULDD_TOP/tests/vm/netlib.sh"

so=$ULDD_BUILD/kasan/ported/6.1/e1000.so
[ -e "$so" ] || so=$NET_E1000_SO
net_e1000_sources 6.1
net_setup
trap net_teardown EXIT
net_move "$DEBUG_NIC_A" "$NET_NS_A" netA
net_uldd_start "$so" "$DEBUG_NIC_B" "$NET_NS_B" netB --debug=all
net_addr "$NET_NS_A" netA "$NET_IP_A" "$NET_IP6_A"
net_addr "$NET_NS_B" netB "$NET_IP_B" "$NET_IP6_B"
net_wait_carrier "$NET_NS_B" netB
net_ping "$NET_NS_A" "$NET_IP_B"
net_ping "$NET_NS_B" "$NET_IP_A"
net_transfer_both "${DEBUG_E1000_MIB:-10}"
net_uldd_stop
cat "$NET_ULDD_LOG"
! grep -q "^BUG: \|report(s)" "$NET_ULDD_LOG" || fail "e1000 got a report with --debug=all"
ok "${so#"$ULDD_BUILD"/}: traffic with --debug=all, no report, exit 0"
net_teardown
