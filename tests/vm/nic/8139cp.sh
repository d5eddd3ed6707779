# SPDX-License-Identifier: GPL-2.0-only OR MIT
# The 8139cp cell's own check (t-matrix.sh, nicpair.sh): QEMU's rtl8139 is
# a C+ chip (revision 0x20), which the same tree's 8139too must refuse in
# its own words, leaving the device clean for 8139cp.
# shellcheck shell=bash

nic_extra_8139cp() { # TREE
	local log=$NET_TMP/8139too-$1.log rc=0
	net_uldd_stop
	ip netns exec "$NET_NS_B" timeout 60 "$ULDD" run "$ULDD_BUILD/ported/$1/8139too.so" \
		--device "$NIC_B" >"$log" 2>&1 </dev/null || rc=$?
	case $rc in 0 | 124) fail "8139too on $NIC_B exited $rc: $(cat "$log")" ;; esac
	grep -q "is an enhanced 8139C+ chip, use 8139cp" "$log" ||
		fail "8139too did not refuse in its own words: $(cat "$log")"
	sed -n 's/^/    /; /8139C+ chip\|probe failed/p' "$log"
	ok "Linux $1's 8139too refused rev 0x20 and uldd run exited $rc"
	nic_restart
	net_ping "$NET_NS_B" "$NET_IP_A" 2
	ok "8139cp took $NIC_B again after 8139too's refusal"
	nic_ifcycles
}
