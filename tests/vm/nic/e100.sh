# SPDX-License-Identifier: GPL-2.0-only OR MIT
# The e100 cell's own check (t-matrix.sh, nicpair.sh): QEMU's i82551
# (8086:1209 revision 0x0f), whose driver must load e100/d102e_ucode.bin at
# open, with an empty firmware folder: the driver's own words, uldd run
# exits 1, the TAP is gone, and the device goes back to the kernel's e100.
# E100_FW is that NIC's PCI address.
# shellcheck shell=bash

nic_extra_e100() { # TREE
	local log=$NET_TMP/e100-nofw-$1.log rc=0 pid
	[ "$(driver_of "$E100_FW")" = e100 ] || fail "$E100_FW is on $(driver_of "$E100_FW"), not the kernel's e100"
	mkdir -p "$NET_TMP/nofw"
	net_uldd_bind "$E100_FW"
	# debug=6 turns on the driver's ifup messages (its default is 3: drv,
	# probe, link), which is where it says it cannot open.
	ip netns exec "$NET_NS_B" timeout 120 "$ULDD" run "$NIC_SO" --device "$E100_FW" --ifname uldd1 \
		--firmware "$NET_TMP/nofw" debug=6 >"$log" 2>&1 </dev/null &
	pid=$!
	for _ in $(seq 300); do
		ip -n "$NET_NS_B" link show dev uldd1 >/dev/null 2>&1 && break
		kill -0 $pid 2>/dev/null || break
		sleep 0.1
	done
	ip -n "$NET_NS_B" link set dev uldd1 up || fail "uldd1 did not appear: $(cat "$log")"
	for _ in $(seq 300); do
		grep -q "Cannot open interface" "$log" && break
		sleep 0.1
	done
	kill -TERM $pid
	wait $pid || rc=$?
	[ "$rc" = 1 ] || fail "uldd run without the microcode exited $rc, not 1: $(cat "$log")"
	grep -q "firmware $NET_TMP/nofw/e100/d102e_ucode.bin: no such file" "$log" ||
		fail "no word about the missing e100/d102e_ucode.bin: $(cat "$log")"
	grep -q "Cannot open interface, aborting" "$log" ||
		fail "e100 did not refuse to open in its own words: $(cat "$log")"
	grep -q "refused to open 1 interface" "$log" || fail "uldd run did not say why it failed: $(cat "$log")"
	sed -n 's/^/    /; /d102e_ucode\|Cannot open\|refused to open/p' "$log"
	! ip -n "$NET_NS_B" link show dev uldd1 >/dev/null 2>&1 || fail "uldd1 outlived uldd run"
	ok "e100 on the i82551 without e100/d102e_ucode.bin: its own message, uldd run exited 1, no TAP left"
}
