#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# uldd run with the kernel-style sample driver samples/edu: probe through
# pci_register_driver, MSI with request_irq, DMA through dma_alloc_coherent
# and dma_map_single with a completion from the handler, a timer and a work
# item, a module parameter; on edu with a 64-bit DMA mask and on edu's
# default 28-bit one. Then what a user gets wrong, each one line: a bad,
# absent, unbound or held --device, wrong parameters; and the run files'
# modes and a clean stop on SIGHUP.
# vm-devices: -device edu,dma_mask=0xffffffffffffffff,addr=0x10 -device edu,addr=0x11
# vm-timeout: 150
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
	for _ in $(seq 200); do
		grep -q "runs on" "$log" && break
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
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
for _ in $(seq 200); do
	grep -q "runs on" /tmp/held.log && break
	kill -0 "$held" 2>/dev/null || break
	sleep 0.1
done
grep -q "runs on" /tmp/held.log || fail "uldd run --device 00:10.0 (short form) did not run: $(cat /tmp/held.log)"
expect_error 1 "0000:00:10.0 is in use by process $held \(uldd\), which holds its VFIO group: stop that process first" \
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

expect_error 1 "parameter 'rounds' takes int values, not 'many'" "$ULDD" run "$EDU" rounds=many
expect_error 1 "has no parameter 'speed' \(it has: " "$ULDD" run "$EDU" speed=9
expect_error 1 "cannot load /nonexistent.so" "$ULDD" run /nonexistent.so
# Nothing stays behind: the devices are free for the next user.
"$ULDD" info 0000:00:10.0 >/dev/null
ok "the devices are free again after every run"
