#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Bad input to uldd's NVMe (the port of Linux 6.1) and its disk export,
# each on a QEMU controller of its own. A controller without a namespace:
# uldd runs on, as Linux's nvme does, and one line says no disk is
# exported. A 0-byte image (a namespace of no blocks, which Linux skips):
# the same. A 4 KiB image: exported at that size and read whole. Writes
# past the end of the 64 MiB disk fail for the writer (ENOSPC), reads
# there read nothing, and the driver serves on; 'uldd stats nvme0n1'
# counts the I/O. Without nbd.ko: one line that names 'modprobe nbd',
# and uldd run exits 1 (nvme adds its disk from a work item; the watchdog
# sees the refusal and stops the process). After each run no nbd device stays
# connected and no broker stays.
# vm-disk: empty 0
# vm-disk: small 4K
# vm-disk: big 64M
# vm-devices: -device nvme,serial=ulddN,addr=0x10
# vm-devices: -device nvme,drive=empty,serial=ulddE,addr=0x11
# vm-devices: -device nvme,drive=small,serial=ulddS,addr=0x12
# vm-devices: -device nvme,drive=big,serial=ulddB,addr=0x13
# vm-timeout: 1200
set -euo pipefail
. "$ULDD_TOP/tests/vm/lib.sh"

NVME=$ULDD_BUILD/ported/6.1/nvme.so
[ -f "$NVME" ] || fail "no $NVME: make port DRIVER=nvme SERIES=6.1"
[ -e /sys/module/nbd ] || modprobe -d "$ULDD_MODROOT" nbd || fail "cannot load nbd"
NONE=0000:00:10.0 EMPTY=0000:00:11.0 SMALL=0000:00:12.0 BIG=0000:00:13.0
for d in $NONE $EMPTY $SMALL $BIG; do
	[ -e /sys/bus/pci/devices/$d ] || fail "no controller at $d"
	"$ULDD" bind "$d" >/dev/null || fail "cannot bind $d"
done

# start ADDR: 'uldd run' on ADDR in the background ($pid, $log).
start() {
	log=/tmp/nvme-bad-${1//[:.]/_}.log
	"$ULDD" run "$NVME" --device "$1" >"$log" 2>&1 &
	pid=$!
	wait_line "$log" "$pid" "runs on" 1200 || fail "uldd run on $1 did not come up: $(cat "$log")"
}

# stop: SIGTERM, exit 0, no nbd device connected, no broker.
stop() {
	local rc=0 c comm
	kill -TERM "$pid"
	wait "$pid" || rc=$?
	[ "$rc" -eq 0 ] || fail "uldd run exited $rc on SIGTERM: $(tail -20 "$log")"
	for _ in $(seq 50); do
		! compgen -G '/sys/block/nbd*/pid' >/dev/null && break
		sleep 0.1
	done
	! compgen -G '/sys/block/nbd*/pid' >/dev/null || fail "an nbd device is still connected"
	for c in /proc/[0-9]*/comm; do
		read -r comm <"$c" 2>/dev/null || continue
		[ "$comm" != uldd-nbd ] || fail "the nbd broker ${c%/comm} outlived the driver"
	done
	! grep -E "BUG|WARNING" "$log" || fail "the driver's log has complaints (above)"
}

# no_disk ADDR WHAT: uldd runs on, says in one line that no disk is exported.
no_disk() {
	start "$1"
	wait_line "$log" "$pid" "no disk exported" 1200 ||
		fail "$2: no line says no disk is exported: $(cat "$log")"
	kill -0 "$pid" || fail "$2: uldd run ended: $(cat "$log")"
	! grep -q "is the host's /dev/nbd" "$log" || fail "$2: a disk was exported: $(cat "$log")"
	[ "$(grep -c "no disk" "$log")" -eq 1 ] || fail "$2: more than one line: $(cat "$log")"
	cat "$log"
	stop
	ok "$2: uldd runs on, one line: $(grep "no disk" "$log")"
}

echo "== a controller without a namespace"
no_disk $NONE "no namespace"
echo "== a namespace of 0 bytes"
no_disk $EMPTY "a 0-byte image"

# export ADDR: starts uldd on ADDR and waits for its disk ($dev, $disk, $bytes).
export_of() {
	start "$1"
	wait_line "$log" "$pid" "is the host's /dev/nbd" 600 || fail "no nbd device: $(cat "$log")"
	line=$(grep "is the host's /dev/nbd" "$log")
	dev=$(sed -n "s|.*is the host's \(/dev/nbd[0-9]*\) .*|\1|p" <<<"$line")
	disk=$(sed -n "s|.*uldd: \([a-z0-9]*\) is the host's.*|\1|p" <<<"$line")
	read -r sectors </sys/block/"${dev#/dev/}"/size
	bytes=$((sectors * 512))
}

echo "== a 4 KiB namespace"
export_of $SMALL
[ "$bytes" -eq 4096 ] || fail "$dev has $bytes bytes, not 4096: $line"
out=$(dd if="$dev" of=/dev/null bs=512 iflag=direct 2>&1) || fail "reading $dev whole: $out"
grep -q "^8+0 records in" <<<"$out" || fail "reading $dev whole gave: $out"
stop
ok "4 KiB image: $line; read whole"

echo "== past the end of a 64 MiB disk"
export_of $BIG
[ "$bytes" -eq $((64 << 20)) ] || fail "$dev has $bytes bytes, not 64 MiB"
last=$((bytes / 4096))
rc=0
out=$(dd if=/dev/urandom of="$dev" bs=4096 seek=$((last - 1)) count=2 oflag=direct 2>&1) || rc=$?
[ "$rc" -ne 0 ] && grep -q "No space left on device" <<<"$out" ||
	fail "a write across the end of $dev gave ($rc): $out"
rc=0
out=$(dd if=/dev/zero of="$dev" bs=4096 seek="$last" count=1 oflag=direct 2>&1) || rc=$?
[ "$rc" -ne 0 ] && grep -q "No space left on device" <<<"$out" ||
	fail "a write past the end of $dev gave ($rc): $out"
out=$(dd if="$dev" of=/dev/null bs=4096 skip="$last" count=1 iflag=direct 2>&1) || true
grep -q "^0+0 records in" <<<"$out" || fail "a read past the end of $dev gave: $out"
kill -0 "$pid" || fail "the driver died past the end: $(cat "$log")"
ok "past the end of $dev: writes fail with ENOSPC, a read reads nothing"

echo "== uldd stats $disk"
"$ULDD" stats "$disk" >/tmp/st0 || fail "uldd stats $disk: $(cat /tmp/st0)"
val() { sed -n "s/^$1: //p" "$2"; }
head -c $((1 << 20)) /dev/urandom >/tmp/mib
dd if=/tmp/mib of="$dev" bs=64k oflag=direct status=none || fail "writing 1 MiB to $dev"
dd if="$dev" of=/tmp/mib2 bs=64k count=16 iflag=direct status=none || fail "reading 1 MiB of $dev"
cmp -s /tmp/mib /tmp/mib2 || fail "$dev: the MiB read back differs"
"$ULDD" stats "$disk" >/tmp/st1 || fail "uldd stats $disk: $(cat /tmp/st1)"
cat /tmp/st1
for k in total_write_ios total_read_ios total_write_bytes total_read_bytes; do
	a=$(val $k /tmp/st0) b=$(val $k /tmp/st1)
	[ -n "$a" ] && [ -n "$b" ] && [ "$b" -gt "$a" ] || fail "$k did not grow: '$a' then '$b'"
done
[ $(($(val total_write_bytes /tmp/st1) - $(val total_write_bytes /tmp/st0))) -ge $((1 << 20)) ] ||
	fail "less than the 1 MiB written counted"
[ "$(val total_latency_max_ns /tmp/st1)" -gt 0 ] || fail "no latency counted"
kill -0 "$pid" || fail "the driver died: $(cat "$log")"
ok "uldd stats $disk: the counts grew with 1 MiB written and read, latency counted"
stop
ok "64 MiB disk: SIGTERM, exit 0, nothing left"

echo "== without nbd.ko"
rmmod nbd || fail "cannot unload nbd"
log=/tmp/nvme-bad-nonbd.log
rc=0
timeout 600 "$ULDD" run "$NVME" --device "$BIG" >"$log" 2>&1 || rc=$?
modprobe -d "$ULDD_MODROOT" nbd || fail "cannot load nbd again"
cat "$log"
[ "$rc" -eq 1 ] || fail "uldd run without nbd.ko exited $rc, not 1"
[ "$(grep -c "modprobe nbd" "$log")" -eq 1 ] || fail "not one line names the fix: $(cat "$log")"
! grep -E "init failed|stopping|Unknown signal" "$log" || fail "more lines than the one that says why (above)"
! compgen -G '/sys/block/nbd*/pid' >/dev/null || fail "an nbd device is connected"
ok "without nbd.ko: exit 1 at once, one line that says 'modprobe nbd', nothing connected"

for d in $NONE $EMPTY $SMALL $BIG; do
	"$ULDD" unbind "$d" >/dev/null || fail "cannot unbind $d"
done
ok "every controller unbound"
