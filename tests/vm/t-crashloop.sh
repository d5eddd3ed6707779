#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# 50 crash/restart cycles in a row under one uldd supervise (issue 11):
# samples/crash.so fault=cycle dies each time by a NULL write (SIGSEGV),
# BUG(), panic() or a hang the hung-task watchdog ends (SIGABRT), picked at
# random; the run goes on past 50 until each kind has come at least once.
# The supervisor must print an oops and restart every time, never give up
# (--start-limit-interval-sec 0), and stay the same size: the same open
# descriptors after the last cycle as after the fifth, and its resident
# memory within 256 KiB. The guest kernel logs nothing meanwhile (no oops,
# warning or DMAR fault). SIGTERM then stops it with exit 0.
# vm-timeout: 900
# vm-env: CRASHLOOP_CYCLES
set -euo pipefail
. "$ULDD_TOP/tests/vm/lib.sh"

crash_so=$ULDD_BUILD/samples/crash.so
log=/tmp/crashloop.log
kinds=(null bug panic hang)
want=${CRASHLOOP_CYCLES:-50}

kmsg0=$(dmesg | grep -cE "DMAR|WARNING|Oops|BUG:|general protection" || true)
"$ULDD" supervise "$crash_so" fault=cycle --hung-task 1 --stop-timeout 2 \
	--restart-sec 0.05 --restart-max-delay-sec 0.2 --start-limit-interval-sec 0 \
	</dev/null >$log 2>&1 &
sup=$!
trap 'kill -TERM $sup 2>/dev/null || true' EXIT

# restarts: how many times the supervisor has said it restarts the driver.
restarts() { grep -c "restarting crash in" $log || true; }
seen_all() {
	local k
	for k in "${kinds[@]}"; do
		grep -q "fault=cycle picked $k" $log || return 1
	done
}
# The supervisor's open descriptors and resident KiB. The pipe from a
# running child is not counted: it comes and goes with the child. Nor is
# what the supervisor holds only while it handles a crash (the files it
# reads to name an oops's frames, the device it resets): the fewest of
# five looks 0.2 s apart, which a leak raises as much as one look.
sup_size() {
	local f n i least=''
	for i in 1 2 3 4 5; do
		n=0
		for f in /proc/$sup/fd/*; do
			[[ $(readlink "$f") == pipe:* ]] || n=$((n + 1))
		done
		[ -n "$least" ] && [ "$least" -le "$n" ] || least=$n
		[ "$i" -eq 5 ] || sleep 0.2
	done
	echo "$least $(awk '/^VmRSS:/ { print $2 }' /proc/$sup/status)"
}

n=0 last=0 stuck=$SECONDS size5=''
while :; do
	kill -0 $sup 2>/dev/null || fail "uldd supervise ended after $n restarts: $(tail -n 20 $log)"
	n=$(restarts)
	if [ "$n" -ne "$last" ]; then
		last=$n stuck=$SECONDS
	fi
	[ $((SECONDS - stuck)) -lt 60 ] || fail "no restart for 60 s after $n: $(tail -n 20 $log)"
	[ -n "$size5" ] || [ "$n" -lt 5 ] || size5=$(sup_size)
	if [ "$n" -ge "$want" ] && seen_all; then
		break
	fi
	[ "$n" -lt 200 ] || fail "200 restarts and not every kind of crash came: $(grep -c picked $log)"
	sleep 0.5
done
read -r fd5 rss5 <<<"$size5"
read -r fd rss <<<"$(sup_size)"

counts=()
for k in "${kinds[@]}"; do
	counts+=("$(grep -c "fault=cycle picked $k" $log) $k")
done
grep -q "giving up" $log && fail "the supervisor gave up: $(grep 'giving up' $log)"
[ "$(grep -c "BUG: SIGSEGV" $log)" -gt 0 ] || fail "no SIGSEGV oops: $(tail -n 20 $log)"
grep -q "INFO: task uldd-run:[0-9]* blocked for more than 1 seconds" $log ||
	fail "no hung-task report: $(tail -n 20 $log)"
ok "$n restarts in a row, each with its oops: ${counts[*]}"

[ "$fd" -eq "$fd5" ] || fail "the supervisor held $fd5 descriptors after 5 restarts, $fd after $n"
[ "$rss" -le $((rss5 + 256)) ] ||
	fail "the supervisor grew from $rss5 KiB after 5 restarts to $rss KiB after $n"
ok "the supervisor after 5 and after $n restarts: $fd5 and $fd descriptors (pipes aside), $rss5 and $rss KiB resident"

kmsg=$(dmesg | grep -cE "DMAR|WARNING|Oops|BUG:|general protection" || true)
[ "$kmsg" -eq "$kmsg0" ] ||
	fail "the guest kernel logged: $(dmesg | grep -E "DMAR|WARNING|Oops|BUG:|general protection" | tail -n 5)"
ok "the guest kernel logged no oops, warning or DMAR fault"

trap - EXIT
kill -TERM $sup
rc=0
wait $sup || rc=$?
[ "$rc" -eq 0 ] || fail "uldd supervise exited $rc after SIGTERM: $(tail -n 5 $log)"
ok "SIGTERM: the supervisor stopped the driver and exited 0"
