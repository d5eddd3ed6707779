# SPDX-License-Identifier: GPL-2.0-only OR MIT
# The e1000e cell's own checks (t-matrix.sh, nicpair.sh): MSI-X with the
# driver's three vectors (rx, tx, other) as real interrupts, and 'uldd stats'.
# shellcheck shell=bash

# "N1 N2 ...": the interrupt counts of NIC B's MSI-X vectors, as the guest
# kernel's VFIO counts them (its handlers are named vfio-msix[I](ADDR)).
_e1000e_msix_counts() {
	awk -v dev="($NIC_B)" 'index($0, "vfio-msix[") && index($0, dev) {
		n = 0
		for (i = 2; i <= NF && $i ~ /^[0-9]+$/; i++) n += $i
		printf "%s ", n
	}' /proc/interrupts
}

nic_extra_e1000e() { # TREE
	local before after k want
	read -ra before <<<"$(_e1000e_msix_counts)"
	[ "${#before[@]}" -eq 3 ] ||
		fail "NIC B has ${#before[@]} MSI-X vectors routed, not 3: $(grep "($NIC_B)" /proc/interrupts)"
	net_transfer_both 4
	read -ra after <<<"$(_e1000e_msix_counts)"
	# Vector 0 is rx, 1 tx, 2 the link and other causes (e1000_request_msix).
	for k in 0 1; do
		[ "${after[$k]}" -gt "${before[$k]}" ] ||
			fail "MSI-X vector $k did not fire during the transfers: ${before[*]} -> ${after[*]}"
	done
	[ "${after[2]}" -gt 0 ] || fail "MSI-X vector 2 (other) never fired: ${after[*]}"
	ok "MSI-X: 3 vectors; interrupts rx ${after[0]}, tx ${after[1]}, other ${after[2]}"

	"$ULDD" stats uldd0 >"$NET_TMP/stats" || fail "uldd stats uldd0 failed"
	for want in "driver: e1000e" "bus-info: $NIC_B" "link: yes" "speed: 1000Mb/s" "mac: $NIC_MAC"; do
		grep -q "^$want" "$NET_TMP/stats" || fail "uldd stats has no '$want': $(cat "$NET_TMP/stats")"
	done
	ok "uldd stats: driver e1000e, $NIC_B, link up at 1000Mb/s, $NIC_MAC"
	nic_ifcycles
}
