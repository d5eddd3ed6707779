#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# request_firmware() cannot leave the --firmware directory (issue 11):
# samples/crash.so firmware=NAME asks for NAME in its init (uldd run has
# dropped root by then, and reads through the folder it opened before). A file in the directory arrives whole; a name with
# '..' gets -EINVAL (22) and a line naming the directory; a symlink out of
# it is refused (-EACCES, 13), as is a FIFO (-EINVAL: regular files only,
# so nothing can block the driver); a missing file is -ENOENT (2) with the
# fix named.
# vm-timeout: 120
set -euo pipefail
. "$ULDD_TOP/tests/vm/lib.sh"

crash_so=$ULDD_BUILD/samples/crash.so
fw=/tmp/fw
rm -rf $fw
mkdir -p $fw
printf 'firmware' >$fw/ok.bin
ln -s /etc/hostname $fw/out.bin
mkfifo $fw/fifo.bin
chmod -R a+rX $fw

# ask NAME: uldd run crash.so firmware=NAME until its init has spoken.
ask() {
	local log=/tmp/fw-run.log pid
	"$ULDD" run "$crash_so" --firmware $fw firmware="$1" </dev/null >$log 2>&1 &
	pid=$!
	for _ in $(seq 300); do
		grep -q "crash: fault=" $log && break
		kill -0 $pid 2>/dev/null || break
		sleep 0.1
	done
	kill -TERM $pid 2>/dev/null || true
	wait $pid || true
	grep -q "crash: fault=" $log || fail "firmware=$1: init never finished: $(cat $log)"
	cat $log
}

out=$(ask ok.bin)
grep -q "crash: firmware ok.bin: 8 bytes" <<<"$out" || fail "ok.bin: $out"
ok "a file in --firmware arrives whole (8 bytes)"

name=../../../../../etc/hostname
out=$(ask $name)
grep -q "crash: firmware $name: error -22" <<<"$out" || fail "$name: $out"
grep -q "firmware name '$name' refused: it must be a relative path beneath $fw, without '..'" \
	<<<"$out" || fail "no line about $name: $out"
ok "$name: -EINVAL, and '$(grep -m1 refused <<<"$out")'"

out=$(ask out.bin)
grep -q "crash: firmware out.bin: error -13" <<<"$out" || fail "out.bin: $out"
ok "a symlink out of the directory: -EACCES, '$(grep -m1 'out.bin' <<<"$out")'"

out=$(ask fifo.bin)
grep -q "crash: firmware fifo.bin: error -22" <<<"$out" || fail "fifo.bin: $out"
ok "a FIFO: -EINVAL without blocking, '$(grep -m1 'fifo.bin' <<<"$out")'"

out=$(ask none.bin)
grep -q "crash: firmware none.bin: error -2" <<<"$out" || fail "none.bin: $out"
grep -q "install the firmware package or pass --firmware DIR" <<<"$out" || fail "none.bin: $out"
ok "a missing file: -ENOENT, and the fix named"
rm -rf $fw
