#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# uldd run --debug=LIST (issue #12): each checker against a driver written
# to trip it, which must get exactly that report and exit 1, then drivers
# with no such bug, which must get none. One boot: each piece in
# tests/vm/debug/ (one per checker, run in name order) runs in a subshell,
# so one failed piece does not hide the others, and the test fails if any
# did.
# vm-devices: -device edu,dma_mask=0xffffffffffffffff,addr=0x10
# vm-devices: -netdev hubport,id=n1,hubid=1 -device e1000,netdev=n1,addr=0x11
# vm-devices: -device pcie-root-port,id=rp1,bus=pcie.0,chassis=1,addr=0x8
# vm-devices: -netdev hubport,id=n2,hubid=1 -device e1000,netdev=n2,bus=rp1
# vm-timeout: 600
set -euo pipefail
. "$ULDD_TOP/tests/vm/lib.sh"

EDU_ADDR=0000:00:10.0
# An e1000 pair on one hub: A on the guest kernel's driver, B for uldd.
DEBUG_NIC_A=0000:00:11.0 DEBUG_NIC_B=0000:01:00.0
"$ULDD" bind "$EDU_ADDR" >/dev/null

# debug_run LOG TEXT ARGS...: uldd run ARGS with its output in LOG; waits
# until LOG holds TEXT or the run ended, stops it with SIGINT and prints
# the log. Sets DEBUG_RC to its exit status.
debug_run() {
	local log=$1 text=$2 pid
	shift 2
	DEBUG_RC=0
	"$ULDD" run "$@" >"$log" 2>&1 &
	pid=$!
	wait_line "$log" "$pid" "$text" 300 || true
	kill -INT "$pid" 2>/dev/null || true
	wait "$pid" || DEBUG_RC=$?
	cat "$log"
}

# Each piece's time goes in its closing line: where the test's time goes.
failed=""
for piece in "$ULDD_TOP"/tests/vm/debug/*.sh; do
	[ -e "$piece" ] || continue
	name=$(basename "$piece" .sh)
	echo "== $name"
	piece_t0=$SECONDS
	if ! (. "$piece"); then
		failed="$failed $name"
	fi
	echo "== $name took $((SECONDS - piece_t0)) s"
done
[ -z "$failed" ] || fail "debug pieces failed:$failed"
ok "every debug piece passed"
