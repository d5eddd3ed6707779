#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# uldd autoprobe (issue 13). With nothing on vfio-pci it fails in one line.
# With an e1000, QEMU's edu and an rtl8139 on vfio-pci and the folder of
# Linux 6.12's ports (build/ported/6.12, every driver uldd builds from that
# tree), the plan (--dry-run) takes e1000.so for the e1000, names the edu,
# which no driver there matches, and for the rtl8139, which 8139cp and
# 8139too match equally, says so and takes 8139cp, the first by name (and
# the one that drives this C+ chip), with 8139too.so after it. A folder
# where 8139too ranks first (symlinks named a-8139too.so, b-8139cp.so):
# 8139too's probe refuses the C+ chip in its own words, and autoprobe says
# so and starts 8139cp, which takes it. Then, the rtl8139 given back, autoprobe
# starts e1000.so under uldd supervise (the edu is left alone), its TAP
# comes up beside the guest kernel's e1000 on the same hub and answers
# pings both ways, and SIGTERM stops it: exit 0, the TAP gone, the device
# still on vfio-pci. Started again and killed (SIGKILL), autoprobe takes
# its supervisor and the driver with it.
# vm-devices: -netdev hubport,id=n1,hubid=1 -device e1000,netdev=n1,addr=0x10
# vm-devices: -netdev hubport,id=n2,hubid=1 -device e1000,netdev=n2,addr=0x11
# vm-devices: -device edu,addr=0x12
# vm-devices: -netdev hubport,id=n3,hubid=2 -device rtl8139,netdev=n3,addr=0x13
# vm-timeout: 120
set -euo pipefail
. "$ULDD_TOP/tests/vm/lib.sh"
. "$ULDD_TOP/tests/vm/netlib.sh"

nic_a=0000:00:10.0 nic_b=0000:00:11.0 edu=0000:00:12.0 rtl=0000:00:13.0
dir=$ULDD_BUILD/ported/6.12
so=$dir/e1000.so
A=$NET_NS_A B=$NET_NS_B
AP_PID='' AP_LOG=/tmp/uldd-autoprobe.log

net_uldd_ready "$so" || skip "$NET_ERR"
drivers=("$dir"/*.so)

ap_cleanup() {
	if [ -n "$AP_PID" ]; then
		kill -TERM "$AP_PID" 2>/dev/null || true
		wait "$AP_PID" 2>/dev/null || true
		AP_PID=
	fi
	net_teardown
}
trap ap_cleanup EXIT

expect_error 1 "^uldd: no PCI device is bound to vfio-pci: hand one over with 'uldd bind ADDR'" \
	"$ULDD" autoprobe --dry-run "$dir"

# net_setup starts with net_teardown, which gives bound devices back: first.
net_setup
net_move "$nic_a" "$A" kern0
net_uldd_bind "$nic_b"
net_uldd_bind "$edu"
# Not net_uldd_bind: it is given back before the real start, not at the end.
"$ULDD" bind "$rtl" >/dev/null
rc=0
plan=$("$ULDD" autoprobe --dry-run "$dir" 2>/tmp/plan.err) || rc=$?
echo "\$ uldd autoprobe --dry-run $dir"
printf '%s\n' "$plan"
cat /tmp/plan.err
[ "$rc" -eq 0 ] || fail "autoprobe --dry-run exited $rc"
want="$nic_b 8086:100e -> $so
$rtl 10ec:8139 -> $dir/8139cp.so (then 8139too.so)"
[ "$plan" = "$want" ] || fail "the plan is '$plan', not '$want'"
grep -q "^uldd: $edu 1234:11e8 (class 00ff00): no driver in $dir matches it: " /tmp/plan.err ||
	fail "no line for the edu, which no driver matches: $(cat /tmp/plan.err)"
grep -q "^uldd: $rtl 10ec:8139: 8139cp.so and 8139too.so match it equally: taking 8139cp.so, the first by name$" /tmp/plan.err ||
	fail "no line for the rtl8139's tie: $(cat /tmp/plan.err)"
ok "--dry-run: of ${#drivers[@]} drivers in $dir, e1000.so for the e1000, 8139cp.so for the rtl8139 (a tie with 8139too.so), none for the edu"

# The tie goes by file name: here 8139too first, which refuses a C+ chip.
# The e1000 and the edu match neither: the rtl8139 alone starts.
fb=/tmp/ap-fallback
rm -rf "$fb"
mkdir "$fb"
ln -s "$dir/8139too.so" "$fb/a-8139too.so"
ln -s "$dir/8139cp.so" "$fb/b-8139cp.so"
plan=$("$ULDD" autoprobe --dry-run "$fb" 2>/dev/null) || fail "autoprobe --dry-run $fb failed"
[ "$plan" = "$rtl 10ec:8139 -> $fb/a-8139too.so (then b-8139cp.so)" ] ||
	fail "the plan for $fb is '$plan'"
"$ULDD" autoprobe --ifname rtl0 "$fb" </dev/null >"$AP_LOG" 2>&1 &
AP_PID=$!
start=$SECONDS
until ip link show dev rtl0 >/dev/null 2>&1; do
	kill -0 "$AP_PID" 2>/dev/null || fail "autoprobe ended before rtl0 appeared: $(cat "$AP_LOG")"
	[ $((SECONDS - start)) -lt 60 ] || fail "no rtl0 60 s after uldd autoprobe: $(cat "$AP_LOG")"
	sleep 0.1
done
kill -TERM "$AP_PID"
rc=0
wait "$AP_PID" || rc=$?
AP_PID=
sed -n 's/^/    /; /8139C+ chip\|probe failed\|starting/p' "$AP_LOG"
[ "$rc" -eq 0 ] || fail "autoprobe exited $rc after SIGTERM: $(cat "$AP_LOG")"
grep -q "is an enhanced 8139C+ chip, use 8139cp" "$AP_LOG" ||
	fail "8139too did not refuse in its own words: $(cat "$AP_LOG")"
grep -q "^uldd: $rtl 10ec:8139: a-8139too.so refused it (probe failed); trying b-8139cp.so$" "$AP_LOG" ||
	fail "no line for the fallback to 8139cp: $(cat "$AP_LOG")"
grep -q "^uldd: starting $fb/b-8139cp.so on $rtl under uldd supervise" "$AP_LOG" ||
	fail "8139cp was not started: $(cat "$AP_LOG")"
! grep -q "restarting" "$AP_LOG" || fail "a refusal was restarted: $(cat "$AP_LOG")"
ok "8139too refused the rtl8139 (a C+ chip), autoprobe started 8139cp, rtl0 came up after $((SECONDS - start)) s; SIGTERM: exit 0"
"$ULDD" unbind "$rtl" >/dev/null

# The TAP is born in namespace B, as net_uldd_start's; 'ip netns exec'
# execs uldd, so $! is autoprobe's own pid.
start=$SECONDS
ip netns exec "$B" "$ULDD" autoprobe --ifname uap0 "$dir" </dev/null >"$AP_LOG" 2>&1 &
AP_PID=$!
until ip -n "$B" link show dev uap0 >/dev/null 2>&1; do
	if ! kill -0 "$AP_PID" 2>/dev/null; then
		rc=0
		wait "$AP_PID" || rc=$?
		AP_PID=
		cat "$AP_LOG"
		fail "uldd autoprobe exited $rc before uap0 appeared in $B"
	fi
	[ $((SECONDS - start)) -lt 60 ] || fail "no uap0 in $B 60 s after uldd autoprobe: $(cat "$AP_LOG")"
	sleep 0.1
done
grep -q "^uldd: starting $so on $nic_b under uldd supervise (pid [0-9]*)" "$AP_LOG" ||
	fail "no line saying what autoprobe started: $(cat "$AP_LOG")"
# autoprobe -> uldd supervise -> uldd run, one of each.
sup=$(<"/proc/$AP_PID/task/$AP_PID/children") || sup=
sup=${sup%% *}
[ -n "$sup" ] || fail "autoprobe (pid $AP_PID) has no child"
read -r -d '' title <"/proc/$sup/cmdline" || true
case $title in *"uldd supervise e1000 $nic_b"*) ;; *) fail "autoprobe's child is '$title', not uldd supervise e1000 $nic_b" ;; esac
ok "autoprobe (pid $AP_PID) started '$title' (pid $sup); uap0 in $B after $((SECONDS - start)) s"

net_addr "$A" kern0 "$NET_IP_A"
net_addr "$B" uap0 "$NET_IP_B"
net_wait_carrier "$A" kern0
net_wait_carrier "$B" uap0
ok "carrier on kern0 (the kernel's e1000) and uap0 (e1000.so) after $((SECONDS - start)) s"
net_ping "$A" "$NET_IP_B"
net_ping "$B" "$NET_IP_A"

kill -TERM "$AP_PID"
deadline=$((SECONDS + 30))
while kill -0 "$AP_PID" 2>/dev/null; do
	[ "$SECONDS" -lt "$deadline" ] || fail "autoprobe did not stop within 30 s of SIGTERM: $(cat "$AP_LOG")"
	sleep 0.1
done
rc=0
wait "$AP_PID" || rc=$?
AP_PID=
cat "$AP_LOG"
[ "$rc" -eq 0 ] || fail "autoprobe exited $rc after SIGTERM"
! ip -n "$B" link show dev uap0 >/dev/null 2>&1 || fail "uap0 still exists after autoprobe stopped"
[ ! -d "/proc/$sup" ] || fail "the supervisor (pid $sup) outlived autoprobe"
[ "$(driver_of "$nic_b")" = vfio-pci ] || fail "$nic_b is on $(driver_of "$nic_b") after the stop, not vfio-pci"
ok "SIGTERM: autoprobe and its supervisor exit 0, uap0 is gone, $nic_b stays on vfio-pci"

# Killed outright, autoprobe cannot forward a signal: its supervisor gets
# SIGTERM from the kernel (PR_SET_PDEATHSIG) and stops the driver cleanly.
ip netns exec "$B" "$ULDD" autoprobe --ifname uap0 "$dir" </dev/null >"$AP_LOG" 2>&1 &
AP_PID=$!
start=$SECONDS
sup=
until [ -n "$sup" ] && ip -n "$B" link show dev uap0 >/dev/null 2>&1; do
	kill -0 "$AP_PID" 2>/dev/null || fail "autoprobe ended before uap0 appeared: $(cat "$AP_LOG")"
	[ $((SECONDS - start)) -lt 60 ] || fail "no uap0 in $B 60 s after uldd autoprobe: $(cat "$AP_LOG")"
	sup=$(<"/proc/$AP_PID/task/$AP_PID/children") || sup=
	sup=${sup%% *}
	sleep 0.1
done
kill -KILL "$AP_PID"
wait "$AP_PID" 2>/dev/null || true
AP_PID=
deadline=$((SECONDS + 30))
while [ -d "/proc/$sup" ] || ip -n "$B" link show dev uap0 >/dev/null 2>&1; do
	[ "$SECONDS" -lt "$deadline" ] || fail "30 s after autoprobe's SIGKILL, its supervisor (pid $sup) or uap0 is still there"
	sleep 0.1
done
grep -q "uldd: Terminated, stopping e1000 (pid" "$AP_LOG" || fail "the supervisor did not stop on SIGTERM: $(cat "$AP_LOG")"
ok "SIGKILL to autoprobe: its supervisor (pid $sup) got SIGTERM and stopped the driver, uap0 is gone"
