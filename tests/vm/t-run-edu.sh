#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# uldd run with the kernel-style sample driver samples/edu: probe through
# pci_register_driver, MSI with request_irq, DMA through dma_alloc_coherent
# and dma_map_single with a completion from the handler, a timer and a work
# item, a module parameter; on edu with a 64-bit DMA mask and on edu's
# default 28-bit one. Then what it runs as once it dropped root (uid,
# capabilities, no_new_privs, seccomp), a driver killed for a system call
# uldd never makes (samples/badcall), and what a user gets wrong, each one
# line: a bad, absent, unbound or held --device, wrong parameters; and the
# run files' modes and a clean stop on SIGHUP.
# vm-devices: -device edu,dma_mask=0xffffffffffffffff,addr=0x10 -device edu,addr=0x11
# vm-timeout: 300
set -euo pipefail
. "$ULDD_TOP/tests/vm/lib.sh"

EDU=$ULDD_BUILD/samples/edu.so

expect_error 1 "bound no device: bind one with 'uldd bind ADDR'" "$ULDD" run "$EDU"
"$ULDD" bind 0000:00:10.0 0000:00:11.0 >/dev/null

# run_edu LOG ARGS...: starts uldd run, waits until it runs (or died), then
# stops it with SIGINT and checks it exited 0.
run_edu() {
	local log=$1 pid rc=0
	shift
	"$ULDD" run "$EDU" "$@" >"$log" 2>&1 &
	pid=$!
	wait_line "$log" "$pid" "runs on" || true
	cat "$log"
	kill -INT "$pid" 2>/dev/null || true
	wait "$pid" || rc=$?
	[ "$rc" -eq 0 ] || fail "uldd run $* exited $rc"
}

echo "== a 64-bit DMA mask (dma_bits=64), 2 vCPUs"
run_edu /tmp/wide.log --device 0000:00:10.0 --vcpus 2 dma_bits=64 rounds=50
grep -q "0000:00:10.0: all checks passed" /tmp/wide.log || fail "the driver's checks did not pass"
grep -q "0000:00:10.0: removed" /tmp/wide.log || fail "remove did not run on SIGINT"
ok "edu.so probed, passed its checks and was removed on 0000:00:10.0"

echo "== edu's default 28-bit mask, 1 vCPU"
run_edu /tmp/narrow.log --device 0000:00:11.0 --vcpus 1
grep -q "0000:00:11.0: all checks passed" /tmp/narrow.log || fail "the driver's checks did not pass"
iova=$(sed -n 's/.*streaming at \(0x[0-9a-f]*\).*/\1/p' /tmp/narrow.log)
[ -n "$iova" ] && [ $((iova)) -lt $((1 << 28)) ] || fail "streaming IOVA '$iova' is not below 2^28"
ok "DMA under the 28-bit mask at IOVA $iova"

echo "== both devices in one process"
run_edu /tmp/both.log
[ "$(grep -c 'all checks passed' /tmp/both.log)" -eq 2 ] || fail "not both devices passed"
ok "one driver process drove both devices"

echo "== --device mistakes, a held device, the run files, SIGHUP"
expect_error 2 "--device 'zz' is not a PCI address: give DDDD:BB:DD.F or BB:DD.F" "$ULDD" run "$EDU" --device zz
expect_error 1 "no PCI device at 0000:00:1e.0: 'lspci -D' lists" "$ULDD" run "$EDU" --device 00:1E.0
expect_error 1 "0000:00:1f.0 is bound to [^,]+, not vfio-pci: run 'uldd bind 0000:00:1f.0' first" \
	"$ULDD" run "$EDU" --device 00:1f.0
"$ULDD" run "$EDU" --device 00:10.0 >/tmp/held.log 2>&1 &
held=$!
wait_line /tmp/held.log "$held" "runs on" || true
grep -q "runs on" /tmp/held.log || fail "uldd run --device 00:10.0 (short form) did not run: $(cat /tmp/held.log)"
expect_error 1 "0000:00:10.0 is in use by process $held \([^)]*\), which holds its VFIO group: stop that process first" \
	"$ULDD" run "$EDU" --device 0000:00:10.0
run_dir=${ULDD_RUN_DIR:-/run/uldd}
[ "$(stat -c %a "$run_dir")" = 700 ] || fail "$run_dir is mode $(stat -c %a "$run_dir"), not 700"
sock=$run_dir/$held.sock
[ -S "$sock" ] && [ "$(stat -c %a "$sock")" = 600 ] || fail "the control socket $sock is not there with mode 600"
kill -HUP "$held"
rc=0
wait "$held" || rc=$?
[ "$rc" -eq 0 ] || fail "uldd run exited $rc on SIGHUP, not 0: $(cat /tmp/held.log)"
grep -q "0000:00:10.0: removed" /tmp/held.log || fail "remove did not run on SIGHUP: $(cat /tmp/held.log)"
ok "a second uldd run on a held device names the holder; run dir 700, socket 600; SIGHUP stops cleanly"

echo "== privilege separation: the running driver's /proc/PID/status"
# start_edu LOG ARGS...: uldd run in the background until it runs; $edu_pid.
start_edu() {
	local log=$1
	shift
	"$ULDD" run "$EDU" "$@" >"$log" 2>&1 &
	edu_pid=$!
	wait_line "$log" "$edu_pid" "runs on" && return 0
	cat "$log"
	fail "uldd run $* did not start"
}
stop_edu() {
	local rc=0
	kill -INT "$edu_pid"
	wait "$edu_pid" || rc=$?
	[ "$rc" -eq 0 ] || fail "uldd run exited $rc: $(cat "$1")"
}
uid=$(id -u uldd) || fail "no user uldd: scripts/install-deps.sh creates it on the host"
start_edu /tmp/priv.log --device 0000:00:10.0 dma_bits=64
# edu is no network device: no capability at all.
assert_confined "$edu_pid" 0000000000000000
grep -q "runs as uid $uid, capabilities: none, seccomp on" /tmp/priv.log ||
	fail "no line saying what it runs as: $(cat /tmp/priv.log)"
ntask=$(ls /proc/"$edu_pid"/task | wc -l)
stop_edu /tmp/priv.log
grep -q "0000:00:10.0: all checks passed" /tmp/priv.log || fail "edu's checks did not pass unprivileged"
grep -q "0000:00:10.0: removed" /tmp/priv.log || fail "remove did not run on SIGINT"
ok "edu.so ran as uldd (uid $uid) in $ntask threads: CapEff 0, NoNewPrivs 1, Seccomp 2; its checks passed"

start_edu /tmp/noseccomp.log --device 0000:00:10.0 --no-seccomp
assert_confined "$edu_pid" 0000000000000000 0
stop_edu /tmp/noseccomp.log
ok "--no-seccomp: the same drop, Seccomp 0"

start_edu /tmp/root.log --device 0000:00:10.0 --user root
v=$(sed -n 's/^Uid:[[:space:]]*//p' /proc/"$edu_pid"/status | cut -f1)
[ "$v" = 0 ] || fail "--user root runs as uid $v"
grep -q "warning: --user root: the driver runs as root" /tmp/root.log ||
	fail "--user root gave no warning: $(cat /tmp/root.log)"
stop_edu /tmp/root.log
ok "--user root keeps root, with a warning"

expect_error 1 "--user 'nosuchuser': no such user" "$ULDD" run "$EDU" --user nosuchuser

echo "== a driver that makes a system call uldd never makes (samples/badcall)"
BAD=$ULDD_BUILD/samples/badcall.so
rc=0
timeout 60 "$ULDD" run "$BAD" --device 0000:00:10.0 >/tmp/bad.log 2>&1 || rc=$?
cat /tmp/bad.log
[ "$rc" -ne 124 ] || fail "badcall.so still ran after 60 s: the filter did not stop it"
[ "$rc" -eq 159 ] || fail "badcall.so's uldd run exited $rc, not 159 (128 + SIGSYS)"
grep -q "^uldd: badcall.so made system call getppid (110), which uldd's seccomp allow-list forbids" \
	/tmp/bad.log || fail "no line naming the call and the driver"
! grep -q "no filter stopped it" /tmp/bad.log || fail "the call returned to the driver"
ok "badcall.so's getppid killed it with one line naming the call, status 159"
# --no-seccomp: the same call returns, and the driver stops cleanly.
"$ULDD" run "$BAD" --device 0000:00:10.0 --no-seccomp >/tmp/bad-off.log 2>&1 &
pid=$!
wait_line /tmp/bad-off.log "$pid" "no filter stopped it" || true
rc=0
kill -INT "$pid" 2>/dev/null || true
wait "$pid" || rc=$?
grep -q "no filter stopped it" /tmp/bad-off.log || fail "--no-seccomp: the call did not return: $(cat /tmp/bad-off.log)"
[ "$rc" -eq 0 ] || fail "--no-seccomp: uldd run exited $rc: $(cat /tmp/bad-off.log)"
ok "--no-seccomp: the same call returned to badcall.so, which then stopped cleanly"

expect_error 1 "parameter 'rounds' takes int values, not 'many'" "$ULDD" run "$EDU" rounds=many
expect_error 1 "has no parameter 'speed' \(it has: " "$ULDD" run "$EDU" speed=9
expect_error 1 "cannot load /nonexistent.so" "$ULDD" run /nonexistent.so

echo "== the driver ABI: edu of the previous release runs, edu of another major version is refused"
# Built by 'make abi-check' (abi/check.sh), which make check runs first.
major=$(sed -n 's/^#define ULDD_ABI_MAJOR \([0-9]*\)$/\1/p' "$ULDD_TOP/include/linux-compat/uldd/abi.h")
soname=libuldd.so.$major
if [ -e "$ULDD_BUILD/abi/edu-prev.so" ]; then
	EDU=$ULDD_BUILD/abi/edu-prev.so run_edu /tmp/prev.log --device 0000:00:10.0 dma_bits=64
	grep -q "0000:00:10.0: all checks passed" /tmp/prev.log || fail "edu.so of the previous release failed its checks"
	ok "edu.so built from the previous release's headers ($("$ULDD" modinfo -F abi "$ULDD_BUILD/abi/edu-prev.so")) ran on this $soname"
elif [ -e "$ULDD_BUILD/abi/edu-old.so" ]; then
	# The newest release is of an older major version: its driver must not load.
	old=$("$ULDD" modinfo -F abi "$ULDD_BUILD/abi/edu-old.so")
	expect_error 1 "edu-old.so was built for uldd ABI ${old#uldd }, and this $soname provides $major\.[0-9]+: rebuild the driver against these headers" \
		"$ULDD" run "$ULDD_BUILD/abi/edu-old.so" --device 0000:00:10.0
else
	skip_part "no edu.so of a previous release: 'make abi-check' builds it when abi/releases names one in this clone's history"
fi
[ -e "$ULDD_BUILD/abi/edu-moved.so" ] || fail "no build/abi/edu-moved.so: run 'make abi-check' first"
expect_error 1 "edu-moved.so was built for uldd ABI $((major + 1)).0, and this $soname provides $major\.[0-9]+: install a uldd that provides it" \
	"$ULDD" run "$ULDD_BUILD/abi/edu-moved.so" --device 0000:00:10.0
# Nothing stays behind: the devices are free for the next user.
"$ULDD" info 0000:00:10.0 >/dev/null
ok "the devices are free again after every run"
