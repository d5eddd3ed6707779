#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# uldd supervise (issue 11): samples/crash.so's NULL write, BUG() and panic() get an
# oops naming the faulting function; e1000 (the port of Linux 6.1) under
# uldd supervise, the kernel's e1000 on the other end of the hub. The
# driver is killed with SIGSEGV SUP_KILLS times (3) during one transfer of
# SUP_MIB MiB (100): each time the supervisor prints
# the oops, resets the device, restarts it; the interface keeps its
# ifindex, addresses, MTU and the MAC the host set, the transfer completes
# with its SHA-256 equal, and the times from each kill to carrier are
# printed. Then a crash loop ends in the give-up line and exit 1, with the
# interface removed; a last supervisor stops on SIGTERM with exit 0 and
# leaves the device on vfio-pci, where a plain uldd run drives it again.
# vm-devices: -netdev hubport,id=n1,hubid=1 -device e1000,netdev=n1,addr=0x10
# vm-devices: -device pcie-root-port,id=rp1,bus=pcie.0,chassis=1,addr=0x8
# vm-devices: -netdev hubport,id=n2,hubid=1 -device e1000,netdev=n2,bus=rp1,mac=52:54:00:10:00:0b
# vm-timeout: 900
# vm-env: SUP_MIB SUP_KILLS
set -euo pipefail
. "$ULDD_TOP/tests/vm/lib.sh"
. "$ULDD_TOP/tests/vm/netlib.sh"
. "$ULDD_TOP/tests/vm/nicpair.sh" # _nic_flood

nic_a=0000:00:10.0 nic_b=0000:01:00.0
so=$NET_E1000_SO mib=${SUP_MIB:-100} kills=${SUP_KILLS:-3}
A=$NET_NS_A B=$NET_NS_B
mac2=52:54:00:10:00:77
SUP_PID='' SUP_LOG=/tmp/uldd-sup.log

# --- samples/crash.so: no device needed, the crash comes in its init.
crash_so=$ULDD_BUILD/samples/crash.so
for fault in null bug panic; do
	rc=0
	timeout 60 "$ULDD" supervise "$crash_so" fault=$fault >/tmp/crash-$fault.log 2>&1 || rc=$?
	[ "$rc" -eq 1 ] || fail "supervise crash.so fault=$fault exited $rc: $(cat /tmp/crash-$fault.log)"
	grep -q "crash failed 5 times within 60 s: giving up" /tmp/crash-$fault.log ||
		fail "no give-up line for fault=$fault: $(cat /tmp/crash-$fault.log)"
done
grep -q "BUG: SIGSEGV (address not mapped) at address 0000000000000000" /tmp/crash-null.log ||
	fail "no SIGSEGV oops line: $(cat /tmp/crash-null.log)"
grep -q "RIP: crash_write_null+0x[0-9a-f]*/0x[0-9a-f]* \[crash\]" /tmp/crash-null.log ||
	fail "the oops does not name crash_write_null: $(cat /tmp/crash-null.log)"
grep -Eq "crash_init(\.cold)?\+0x[0-9a-f]*/0x[0-9a-f]* \[crash\]" /tmp/crash-null.log ||
	fail "the call trace does not name crash_init: $(cat /tmp/crash-null.log)"
grep -q "uldd_modules_init+0x[0-9a-f]*/0x[0-9a-f]* \[shim\]" /tmp/crash-null.log ||
	fail "the call trace does not name the shim's uldd_modules_init: $(cat /tmp/crash-null.log)"
ok "crash.so fault=null: $(grep -m1 'BUG: SIGSEGV' /tmp/crash-null.log | sed 's/^uldd: //'), $(grep -m1 'RIP:' /tmp/crash-null.log | sed 's/^uldd: //'), 5 crashes then giving up, exit 1"
sed -n '/cut here/,/end trace/p' /tmp/crash-null.log | head -n 12
grep -q "BUG: SIGABRT: the driver aborted" /tmp/crash-bug.log && grep -q "crash_bug+0x" /tmp/crash-bug.log ||
	fail "BUG(): no SIGABRT oops naming crash_bug: $(cat /tmp/crash-bug.log)"
ok "crash.so fault=bug: kernel BUG line, then a SIGABRT oops naming crash_bug"
grep -q "Kernel panic - not syncing: crash: fault=panic" /tmp/crash-panic.log &&
	grep -q "BUG: SIGABRT: the driver aborted" /tmp/crash-panic.log && grep -q "crash_panic+0x" /tmp/crash-panic.log ||
	fail "panic(): no panic line and SIGABRT oops naming crash_panic: $(cat /tmp/crash-panic.log)"
ok "crash.so fault=panic: the panic line, then a SIGABRT oops naming crash_panic"

net_uldd_ready "$so" || skip "$NET_ERR"

sup_cleanup() {
	if [ -n "$SUP_PID" ]; then
		kill -TERM "$SUP_PID" 2>/dev/null || true
		wait "$SUP_PID" 2>/dev/null || true
		SUP_PID=
	fi
	net_teardown
}

# The supervisor's one child, the driver: its pid (empty when none).
sup_child() {
	local c
	c=$(cat "/proc/$SUP_PID/task/$SUP_PID/children" 2>/dev/null) || c=
	echo "${c%% *}"
}

# Waits for a child other than $1 (the one killed), prints its pid.
sup_new_child() { # OLD [SECS]
	local deadline=$((SECONDS + ${2:-60})) c
	while :; do
		c=$(sup_child)
		if [ -n "$c" ] && [ "$c" != "$1" ]; then
			echo "$c"
			return 0
		fi
		kill -0 "$SUP_PID" 2>/dev/null || return 1
		[ "$SECONDS" -lt "$deadline" ] || return 1
		sleep 0.05
	done
}

sup_start() {
	ip netns exec "$B" "$ULDD" supervise "$so" --device $nic_b --ifname uldd0 \
		</dev/null >>"$SUP_LOG" 2>&1 &
	SUP_PID=$!
	local deadline=$((SECONDS + 60))
	until ip -n "$B" link show dev uldd0 >/dev/null 2>&1; do
		kill -0 "$SUP_PID" 2>/dev/null || fail "uldd supervise exited: $(cat "$SUP_LOG")"
		[ "$SECONDS" -lt "$deadline" ] || fail "no uldd0 60 s after uldd supervise"
		sleep 0.1
	done
}

ifindex() { # NS IF
	local l
	l=$(ip -n "$1" -o link show dev "$2") || return 1
	echo "${l%%:*}"
}

net_setup
trap sup_cleanup EXIT
net_move $nic_a "$A" netA
net_uldd_bind $nic_b
: >"$SUP_LOG"
sup_start
net_addr "$A" netA "$NET_IP_A" "$NET_IP6_A"
net_addr "$B" uldd0 "$NET_IP_B" "$NET_IP6_B"
net_wait_carrier "$A" netA
net_wait_carrier "$B" uldd0
net_ping "$A" "$NET_IP_B"

child=$(sup_child)
[ -n "$child" ] || fail "uldd supervise has no child"
read -r -d '' title </proc/$SUP_PID/cmdline || true
[[ $title == "uldd supervise e1000 $nic_b"* ]] || fail "supervisor's title: '$title'"
read -r -d '' ctitle </proc/$child/cmdline || true
[[ $ctitle == "uldd run e1000 $nic_b"* ]] || fail "driver's title: '$ctitle'"
# libbsd's pidfile_write writes the number without a newline.
pid=$(<"/run/uldd/e1000@$nic_b.pid") ||
	fail "no pid file /run/uldd/e1000@$nic_b.pid: $(ls -la /run/uldd) $(cat "$SUP_LOG")"
[ "$pid" = "$SUP_PID" ] || fail "pid file says $pid, the supervisor is $SUP_PID"
ok "ps: '$title' (pid $SUP_PID, in its pid file) and '$ctitle' (pid $child)"
expect_error 1 "supervised already by pid $SUP_PID" \
	"$ULDD" supervise "$so" --device $nic_b --ifname uldd1

# What the host sets, which the restarted driver must take back.
ip -n "$B" link set dev uldd0 address $mac2 mtu 4000
ip -n "$A" link set dev netA mtu 4000
net_wait_carrier "$A" netA
net_wait_carrier "$B" uldd0
ip -n "$A" neigh flush dev netA
net_ping "$A" "$NET_IP_B" 2 3972
ip -n "$B" maddr add 01:00:5e:01:02:03 dev uldd0
ip -n "$A" route replace 224.0.0.0/4 dev netA
sleep 1
n=$(_nic_flood 224.1.2.3 40)
[ "$n" -ge 38 ] || fail "uldd0 received $n of 40 frames for a group it joined, before any restart"
idx0=$(ifindex "$B" uldd0)

# --- SIGSEGV, SUP_KILLS times, during one transfer.
_net_data "$mib"
read -r bytes0 _ <<<"$(net_rx_stats "$B" uldd0)"
_net_receiver "$B" 600 5001 "$NET_TMP/recv"
rpid=$NET_BG_PID
start=$EPOCHREALTIME
_net_send "$A" 600 "$NET_IP_B" 5001 "$_NET_FILE" &
spid=$!
NET_PIDS+=("$spid")
times=() first=$child
for k in $(seq "$kills"); do
	# Each kill once another share of the data arrived.
	want=$((bytes0 + k * mib * 1048576 / (kills + 1)))
	deadline=$((SECONDS + 120))
	until read -r bytes _ <<<"$(net_rx_stats "$B" uldd0)" && [ "${bytes:-0}" -gt "$want" ]; do
		[ "$SECONDS" -lt "$deadline" ] || fail "the transfer stalled at ${bytes:-0} bytes before kill $k: $(cat "$SUP_LOG")"
		sleep 0.05
	done
	t0=$EPOCHREALTIME
	kill -SEGV "$child"
	# The old process is gone (its carrier with it) once a new one runs.
	new=$(sup_new_child "$child") || fail "no driver after kill $k: $(cat "$SUP_LOG")"
	tn=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }')
	until ip -n "$B" -o link show dev uldd0 | grep -q LOWER_UP; do
		kill -0 "$SUP_PID" 2>/dev/null || fail "the supervisor ended: $(cat "$SUP_LOG")"
		[ "$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { print int(b - a) }')" -lt 60 ] ||
			fail "no carrier on uldd0 60 s after kill $k: $(cat "$SUP_LOG")"
		sleep 0.02
	done
	times+=("$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }')")
	ok "kill $k: SIGSEGV to pid $child, a new driver (pid $new) after $tn s, carrier back ${times[-1]} s after the kill"
	child=$new
done
rc=0
wait "$spid" || rc=$?
_net_forget "$spid"
[ "$rc" -eq 0 ] || fail "sending $mib MiB across the restarts failed (status $rc): $(cat "$SUP_LOG")"
_net_received "$rpid" "$NET_TMP/recv" "$mib" "$start" "A -> B across the restarts"
ok "$mib MiB A -> B across $kills SIGSEGVs of the driver: SHA-256 equal (${_NET_RATE% *} s)"
echo "RESTART-TIME kill to carrier: ${times[*]} s"
new=$child child=$first

grep -q "BUG: SIGSEGV (sent by kill) from pid" "$SUP_LOG" || fail "no oops line: $(cat "$SUP_LOG")"
grep -q "e1000 (pid $child) died by SIGSEGV" "$SUP_LOG" || fail "no 'died by SIGSEGV' line: $(cat "$SUP_LOG")"
grep -q "$nic_b reset" "$SUP_LOG" || fail "the device was not reset: $(cat "$SUP_LOG")"
grep -q "restarting e1000 in 0.100 s" "$SUP_LOG" || fail "no restart line: $(cat "$SUP_LOG")"
sed -n '/cut here/,/end trace/p' "$SUP_LOG" | head -n 8
ok "the supervisor's oops: $(grep -m1 'BUG: SIGSEGV' "$SUP_LOG" | sed 's/^uldd: //'); device reset; restart after 0.1 s"

idx1=$(ifindex "$B" uldd0)
[ "$idx0" = "$idx1" ] || fail "uldd0 was ifindex $idx0, is $idx1 after the restart"
ip -n "$B" -o addr show dev uldd0 | grep -q "inet $NET_IP_B/24" || fail "uldd0 lost $NET_IP_B: $(ip -n "$B" addr show dev uldd0)"
ip -n "$B" -o addr show dev uldd0 | grep -q "inet6 $NET_IP6_B/64" || fail "uldd0 lost $NET_IP6_B"
[ "$(ip -n "$B" -o link show dev uldd0 | sed -n 's/.* mtu \([0-9]*\) .*/\1/p')" = 4000 ] || fail "uldd0 lost MTU 4000"
ip netns exec "$B" "$ULDD" stats uldd0 >"$NET_TMP/stats" || fail "uldd stats uldd0 failed after the restart"
grep -q "^mac: $mac2" "$NET_TMP/stats" || fail "the restarted driver has not the host's MAC $mac2: $(grep ^mac "$NET_TMP/stats")"
n=$(_nic_flood 224.1.2.3 40)
[ "$n" -ge 38 ] || fail "the restarted driver received $n of 40 frames for the group the host joined"
ip -n "$B" maddr del 01:00:5e:01:02:03 dev uldd0
net_ping "$A" "$NET_IP_B" 3 3972
net_ping "$B" "$NET_IP6_A"
net_transfer "$B" "$A" "$NET_IP_A" 4
ok "after the restarts: ifindex $idx1, its addresses, MTU 4000, MAC $mac2 and multicast group 01:00:5e:01:02:03 kept and taken by the driver ($n of 40 group frames); pings and 4 MiB B -> A pass"

# --- A crash loop: kill each new driver until the supervisor gives up.
kills=0 child=$new
while kill -0 "$SUP_PID" 2>/dev/null; do
	[ -n "$child" ] || break
	kill -SEGV "$child" 2>/dev/null || true
	kills=$((kills + 1))
	[ "$kills" -le 6 ] || fail "still restarting after $kills kills: $(tail -n 5 "$SUP_LOG")"
	child=$(sup_new_child "$child" 60) || child=
done
rc=0
wait "$SUP_PID" || rc=$?
SUP_PID=
[ "$rc" -eq 1 ] || fail "uldd supervise exited $rc after the crash loop, not 1: $(tail -n 5 "$SUP_LOG")"
grep -q "e1000 failed 5 times within 60 s: giving up" "$SUP_LOG" || fail "no give-up line: $(tail -n 5 "$SUP_LOG")"
! ip -n "$B" link show dev uldd0 >/dev/null 2>&1 || fail "uldd0 outlived the supervisor that gave up"
[ ! -e "/run/uldd/e1000@$nic_b.pid" ] || fail "the pid file outlived the supervisor"
[ "$(driver_of $nic_b)" = vfio-pci ] || fail "$nic_b is on $(driver_of $nic_b) after the crash loop"
ok "crash loop: $kills more kills, then '$(grep -m1 'giving up' "$SUP_LOG" | sed 's/^uldd: //')', exit 1, uldd0 and the pid file gone"

# --- SIGTERM: a clean stop, exit 0, the device left usable.
: >"$SUP_LOG"
sup_start
net_addr "$B" uldd0 "$NET_IP_B"
net_wait_carrier "$B" uldd0
ip -n "$A" link set dev netA mtu 1500
net_wait_carrier "$A" netA
# uldd0 is a new interface: A must not keep the last one's MAC.
ip -n "$A" neigh flush dev netA
net_ping "$A" "$NET_IP_B" 2
# A driver killed in the middle of reading the EEPROM (the crash loop
# kills at any point) can leave QEMU's e1000 so that the next probe's
# first checksum read fails although the dump after it matches: e1000 then
# has no MAC, and the interface keeps tun's random one. Seen in 2 of 8
# runs; it is the driver's own path, not the supervisor's.
if grep -q "The EEPROM Checksum Is Not Valid" "$SUP_LOG"; then
	echo "note: e1000's first EEPROM checksum read failed after the crash loop; uldd0 has $(ip -n "$B" -o link show dev uldd0 | sed 's/.*link\/ether \([^ ]*\).*/\1/')"
fi
child=$(sup_child)
kill -TERM "$SUP_PID"
rc=0
wait "$SUP_PID" || rc=$?
SUP_PID=
[ "$rc" -eq 0 ] || fail "uldd supervise exited $rc after SIGTERM: $(cat "$SUP_LOG")"
! kill -0 "$child" 2>/dev/null || fail "the driver (pid $child) outlived its supervisor"
! ip -n "$B" link show dev uldd0 >/dev/null 2>&1 || fail "uldd0 outlived a clean stop"
grep -q "died by\|BUG:" "$SUP_LOG" && fail "a clean stop reported a crash: $(cat "$SUP_LOG")"
[ "$(driver_of $nic_b)" = vfio-pci ] || fail "$nic_b is on $(driver_of $nic_b) after SIGTERM"
ok "SIGTERM: the driver stopped cleanly, the supervisor exited 0, uldd0 gone, $nic_b on vfio-pci"
net_uldd_start "$so" $nic_b "$B" uldd0
net_addr "$B" uldd0 "$NET_IP_B"
net_wait_carrier "$B" uldd0
ip -n "$A" neigh flush dev netA
if ! (net_ping "$A" "$NET_IP_B" 2); then
	cat "$NET_ULDD_LOG"
	ip -n "$A" neigh show dev netA
	ip -n "$A" -s link show dev netA
	ip -n "$B" -s link show dev uldd0
	ip netns exec "$B" "$ULDD" stats uldd0 | head -n 40
	fail "no ping through the plain uldd run after the supervisor"
fi
net_uldd_stop
ok "a plain uldd run drives $nic_b again after the supervisor"

sup_cleanup
trap - EXIT
