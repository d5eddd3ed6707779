#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# uldd run with samples/blkram, a blk-mq RAM disk that needs no device: it
# runs with no --device and no device bound, adds its disk (blkram0, the
# placeholder export saying so until the NBD export comes), and stops
# cleanly on SIGINT (del_gendisk, put_disk, the tag set freed). With one
# vCPU and with two hardware queues on two vCPUs.
# vm-timeout: 300
set -euo pipefail
. "$ULDD_TOP/tests/vm/lib.sh"

RAM=$ULDD_BUILD/samples/blkram.so

run_ram() {
	local log=$1 pid rc=0
	shift
	"$ULDD" run "$RAM" "$@" >"$log" 2>&1 &
	pid=$!
	wait_line "$log" "$pid" "runs on 0 device(s)" || true
	cat "$log"
	grep -q "runs on 0 device(s)" "$log" || fail "uldd run $* did not start"
	kill -INT "$pid" 2>/dev/null || true
	wait "$pid" || rc=$?
	[ "$rc" -eq 0 ] || fail "uldd run $* exited $rc"
}

run_ram /tmp/blkram1.log --vcpus 1
grep -q "blkram: blkram0, 4 MiB, 1 hardware queue(s) of 64 tags" /tmp/blkram1.log ||
	fail "blkram did not add its disk"
ok "blkram.so runs without a device on 1 vCPU and stops on SIGINT"

run_ram /tmp/blkram2.log --vcpus 2 size_mb=16 nr_hw_queues=2 queue_depth=32
grep -q "blkram: blkram0, 16 MiB, 2 hardware queue(s) of 32 tags" /tmp/blkram2.log ||
	fail "blkram's parameters were not taken"
ok "blkram.so with 2 hardware queues on 2 vCPUs"

