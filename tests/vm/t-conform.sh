#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# The conformance suite (tests/conform/) on both sides of one guest: first
# as a module of the guest's own kernel (the cases prove themselves there),
# then as a uldd driver on the same edu through VFIO; every case must pass
# on the kernel and give the same verdict on uldd. Leaves the count per
# subsystem and the closing line in BUILD/results/conformance.line for make
# check's summary.
# vm-devices: -device edu,addr=0x10
# vm-timeout: 900
set -euo pipefail
. "$ULDD_TOP/tests/vm/lib.sh"

ko=$ULDD_BUILD/tests/conform/kmod/uldd_conform.ko
so=$ULDD_BUILD/tests/conform/conform.so
edu=0000:00:10.0
[ -f "$ko" ] || fail "no $ko: run 'make conform-kmod'"
[ -f "$so" ] || fail "no $so: run 'make'"

echo "== the guest's kernel ($(uname -r))"
dmesg -c >/dev/null
insmod "$ko"
rmmod uldd_conform
dmesg >/tmp/kernel.log
grep -q 'conform: done' /tmp/kernel.log || fail "the module never finished: $(tail -n 5 /tmp/kernel.log)"
grep 'conform: done' /tmp/kernel.log

echo "== uldd ($(nproc) vCPUs)"
"$ULDD" bind "$edu" >/dev/null
"$ULDD" run "$so" --device "$edu" >/tmp/uldd.log 2>&1 &
pid=$!
while kill -0 "$pid" 2>/dev/null && ! grep -q 'conform: done' /tmp/uldd.log; do
	sleep 0.5
done
kill -INT "$pid" 2>/dev/null || true
rc=0
wait "$pid" || rc=$?
grep 'conform: done' /tmp/uldd.log || fail "uldd run never finished the suite: $(tail -n 5 /tmp/uldd.log)"
[ "$rc" -eq 0 ] || fail "uldd run exited $rc: $(tail -n 5 /tmp/uldd.log)"
grep -q 'nobody cared' /tmp/uldd.log || fail "uldd disabled no unhandled line with a message"
grep 'nobody cared' /tmp/uldd.log | head -n 1
"$ULDD" unbind "$edu" >/dev/null

echo "== side by side"
mkdir -p "$ULDD_BUILD/results" "$ULDD_BUILD/vm-logs"
cp /tmp/kernel.log "$ULDD_BUILD/vm-logs/t-conform.kernel.log"
cp /tmp/uldd.log "$ULDD_BUILD/vm-logs/t-conform.uldd.log"
rc=0
"$ULDD_TOP/tests/conform/compare.sh" /tmp/kernel.log /tmp/uldd.log >/tmp/compare.txt || rc=$?
cat /tmp/compare.txt
# The count per subsystem and the closing line, for make check's summary.
grep -E '^  [a-z0-9_]+ +[0-9]+ cases;|^conformance:' /tmp/compare.txt \
	>"$ULDD_BUILD/results/conformance.line" || true
[ "$rc" -eq 0 ] || fail "the kernel and uldd differ, or a case fails on the kernel"
ok "every case passes on the kernel and on uldd"
