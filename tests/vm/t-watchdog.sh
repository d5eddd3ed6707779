#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# The watchdog of uldd run (issue 11), with samples/crash.so (no device
# needed: the fault comes in its init) and small limits: fault=spin (a
# spinlock taken twice) gets the soft-lockup report and an oops naming
# crash_spin, and uldd supervise restarts it; fault=hang (a completion
# never completed) gets the hung-task report naming crash_hang, and is
# restarted; under plain uldd run a soft lockup ends it by SIGABRT; and
# SIGTERM during the hung init ends uldd run within --stop-timeout with one
# line saying what hung, exit 1.
# vm-timeout: 400
set -euo pipefail
. "$ULDD_TOP/tests/vm/lib.sh"

crash_so=$ULDD_BUILD/samples/crash.so

# sup_fault FAULT OPTION: supervise until it gives up (5 failures within 60 s).
sup_fault() {
	local rc=0
	timeout 200 "$ULDD" supervise "$2" 3 "$crash_so" fault="$1" >"/tmp/wd-$1.log" 2>&1 || rc=$?
	[ "$rc" -eq 1 ] || fail "supervise fault=$1 exited $rc: $(cat "/tmp/wd-$1.log")"
	grep -q "restarting crash in" "/tmp/wd-$1.log" ||
		fail "fault=$1: no restart: $(cat "/tmp/wd-$1.log")"
}

sup_fault spin --watchdog
log=/tmp/wd-spin.log
grep -Eq "^watchdog: BUG: soft lockup - CPU#[0-9]+ stuck for [0-9]+s! \[uldd-run:[0-9]+\]" $log ||
	fail "no soft-lockup line: $(cat $log)"
grep -q "RIP: crash_spin+0x[0-9a-f]*/0x[0-9a-f]* \[crash\]" $log ||
	fail "the oops does not name crash_spin: $(cat $log)"
ok "fault=spin: $(grep -m1 'soft lockup' $log), $(grep -m1 'RIP:' $log | sed 's/^uldd: //'), restarted $(grep -c 'restarting crash in' $log) times"

sup_fault hang --hung-task
log=/tmp/wd-hang.log
grep -Eq "^INFO: task uldd-run:[0-9]+ blocked for more than 3 seconds\.$" $log ||
	fail "no hung-task line: $(cat $log)"
grep -q "crash_hang+0x[0-9a-f]*/0x[0-9a-f]* \[crash\]" $log ||
	fail "the oops does not name crash_hang: $(cat $log)"
ok "fault=hang: $(grep -m1 'INFO: task' $log), the trace names crash_hang, restarted $(grep -c 'restarting crash in' $log) times"

# Plain uldd run: the report, then SIGABRT (128 + 6).
rc=0
timeout 120 "$ULDD" run "$crash_so" fault=spin --watchdog 3 >/tmp/wd-run.log 2>&1 || rc=$?
[ "$rc" -eq 134 ] || fail "uldd run fault=spin exited $rc: $(cat /tmp/wd-run.log)"
grep -q "soft lockup - CPU#" /tmp/wd-run.log || fail "no soft-lockup line: $(cat /tmp/wd-run.log)"
ok "uldd run fault=spin --watchdog 3: the report and its backtrace, then SIGABRT (exit $rc)"

# SIGTERM while init hangs: within --stop-timeout (default 10 s), one line, exit 1.
log=/tmp/wd-term.log
"$ULDD" run "$crash_so" fault=hang --hung-task 0 >$log 2>&1 &
pid=$!
for _ in $(seq 300); do
	grep -q "crash: fault=hang" $log && break
	sleep 0.1
done
grep -q "crash: fault=hang" $log || fail "fault=hang never started: $(cat $log)"
start=$SECONDS
kill -TERM $pid
rc=0
wait $pid || rc=$?
took=$((SECONDS - start))
[ "$rc" -eq 1 ] || fail "uldd run exited $rc after SIGTERM: $(cat $log)"
# The deadline, with room for a loaded host: the point is that it ends.
[ "$took" -le 25 ] || fail "uldd run took ${took} s to stop: $(cat $log)"
line=$(grep "did not finish within 10 s of Terminated" $log) ||
	fail "no line saying what hung: $(cat $log)"
ok "SIGTERM during a hung init: '${line#uldd: }', exit 1 after ${took} s"
