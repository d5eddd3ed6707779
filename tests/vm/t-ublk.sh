#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# A gendisk as the host's ublk device (uldd run --blk-export=ublk,
# kernel/ublk.c) on samples/blkram, in the 6.12 guest (ublk_drv; 6.1's
# Debian kernel has none): /dev/ublkbN of the line's size and block size;
# ext4 made, a file tree with SHA-256 sums, fsck -f clean, remounted and
# verified; flush, discard, a read past the end; with two queues too;
# 4 KiB random reads measured with fio, ublk beside nbd, where the guest
# has fio; SIGTERM leaves no ublk device; under 'uldd supervise', a
# SIGKILL during a read leaves the device, the read finishes once the
# restarted driver took it back (user recovery); without ublk_drv, one
# line naming the fix.
# vm-kernel: 6.12
# vm-timeout: 600
set -euo pipefail
. "$ULDD_TOP/tests/vm/lib.sh"
. "$ULDD_TOP/tests/vm/blklib.sh"

BLKRAM=$ULDD_BUILD/samples/blkram.so
[ -f "$BLKRAM" ] || skip "samples/blkram is not in this build (the block layer is not merged)"
[ -e /sys/module/ublk_drv ] || modprobe -d "$ULDD_MODROOT" ublk_drv ||
	skip "the guest kernel has no ublk_drv module"
grep -qw ext4 /proc/filesystems || modprobe -d "$ULDD_MODROOT" ext4 ||
	fail "cannot load the guest kernel's ext4"

# start LOG ARGS...: uldd run on blkram exporting through ublk; sets pid, dev, ublk, mib, lbs.
start() {
	log=$1
	shift
	"$ULDD" run "$BLKRAM" --user root --blk-export=ublk "$@" >"$log" 2>&1 &
	pid=$!
	wait_line "$log" "$pid" "is the host's /dev/ublkb" 600 || fail "no ublk device: $(cat "$log")"
	wait_line "$log" "$pid" "runs on" 600 || fail "uldd run did not come up: $(cat "$log")"
	cat "$log"
	line=$(grep "is the host's /dev/ublkb" "$log")
	dev=$(sed -n "s|.*is the host's \(/dev/ublkb[0-9]*\) .*|\1|p" <<<"$line")
	ublk=${dev#/dev/}
	mib=$(sed -n 's/.*(\([0-9]*\) MiB, .*/\1/p' <<<"$line")
	lbs=$(sed -n 's/.*, \([0-9]*\)-byte blocks.*/\1/p' <<<"$line")
	[ -n "$dev" ] && [ -n "$mib" ] && [ -n "$lbs" ] || fail "cannot read the export line: $line"
	# START_DEV adds the disk after the queues fetched: give it a moment.
	for _ in $(seq 600); do
		[ -b "$dev" ] && [ -e /sys/block/"$ublk" ] && break
		sleep 0.1
	done
	[ -b "$dev" ] || fail "$dev did not appear: $(cat "$log")"
}

# stop: SIGTERM; exit 0, and neither the disk nor its char device stays.
stop() {
	local rc=0 n=${ublk#ublkb}
	kill -TERM "$pid"
	wait "$pid" || rc=$?
	[ "$rc" -eq 0 ] || fail "uldd run exited $rc on SIGTERM: $(cat "$log")"
	for _ in $(seq 50); do
		[ -e /sys/block/"$ublk" ] || [ -e /dev/ublkc"$n" ] || break
		sleep 0.1
	done
	[ ! -e /sys/block/"$ublk" ] || fail "$dev is still there after the driver stopped"
	[ ! -e /dev/ublkc"$n" ] || fail "/dev/ublkc$n is still there after the driver stopped"
}

start /tmp/ublk.log size_mb=64
read -r sectors </sys/block/"$ublk"/size
read -r got_lbs </sys/block/"$ublk"/queue/logical_block_size
[ $((sectors * 512)) -eq $((mib << 20)) ] ||
	fail "$dev has $((sectors * 512)) bytes, the line says $mib MiB"
[ "$mib" -eq 64 ] || fail "the line says $mib MiB, blkram was given 64"
[ "$got_lbs" -eq "$lbs" ] || fail "$dev has $got_lbs-byte blocks, the line says $lbs"
ok "$dev: $mib MiB, $lbs-byte logical blocks"

echo "== ext4: a file tree, fsck, remount, SHA-256"
blk_ext4_check "$dev" blkram 4 6 37

echo "== flush, discard, the end of the disk"
blk_edge_check "$dev" "$pid" "$log"

# iops DEV DEPTH: 4 KiB random reads for 5 s, direct; the IOPS fio counted.
iops() {
	fio --name=randread --filename="$1" --rw=randread --bs=4k --direct=1 \
		--ioengine=libaio --iodepth="$2" --runtime=5 --time_based --size="${mib}M" \
		--output-format=terse --terse-version=3 >/tmp/fio.out || fail "fio on $1 failed"
	cut -d';' -f8 /tmp/fio.out
}
havefio=
command -v fio >/dev/null && havefio=1
if [ -n "$havefio" ]; then
	for depth in 1 32; do
		echo "FIO-RANDREAD-4K-IOPS depth $depth: uldd blkram over ublk $dev $(iops "$dev" "$depth")"
	done
fi

echo "== SIGTERM: nothing stays"
stop
ok "SIGTERM: exit 0, $dev and its /dev/ublkc gone"

echo "== two queues on two vCPUs"
start /tmp/ublk2.log --vcpus 2 size_mb=32 nr_hw_queues=2
nq=$(ls /sys/block/"$ublk"/mq | wc -l)
[ "$nq" -eq 2 ] || fail "$dev has $nq hardware queues, not 2"
blk_ext4_check "$dev" blkram 2 4 61
stop
ok "two queues: ext4 and sums on $dev, and it went at SIGTERM"

if [ -n "$havefio" ] && { [ -e /sys/module/nbd ] || modprobe -d "$ULDD_MODROOT" nbd; }; then
	echo "== the same disk over nbd, for comparison"
	"$ULDD" run "$BLKRAM" --user root size_mb=64 >/tmp/ublk-nbd.log 2>&1 &
	npid=$!
	wait_line /tmp/ublk-nbd.log "$npid" "runs on" 600 || fail "uldd run over nbd did not come up"
	ndev=$(sed -n "s|.*is the host's \(/dev/nbd[0-9]*\) .*|\1|p" /tmp/ublk-nbd.log)
	[ -n "$ndev" ] || fail "no nbd device: $(cat /tmp/ublk-nbd.log)"
	for depth in 1 32; do
		echo "FIO-RANDREAD-4K-IOPS depth $depth: uldd blkram over nbd $ndev $(iops "$ndev" "$depth")"
	done
	kill -TERM "$npid"
	wait "$npid" || true
fi

echo "== supervised: a crash keeps the device, its I/O waits and is re-issued"
slog=/tmp/ublk-sup.log
"$ULDD" supervise "$BLKRAM" --user root --blk-export=ublk size_mb=16 </dev/null >"$slog" 2>&1 &
sup=$!
trap 'kill -TERM "$sup" 2>/dev/null || true' EXIT
wait_line "$slog" "$sup" "is the host's /dev/ublkb" 600 || fail "no ublk device: $(cat "$slog")"
wait_line "$slog" "$sup" "runs on" 600 || fail "uldd supervise did not come up: $(cat "$slog")"
sdev=$(sed -n "s|.*is the host's \(/dev/ublkb[0-9]*\) .*|\1|p" "$slog" | head -1)
for _ in $(seq 600); do
	[ -b "$sdev" ] && break
	sleep 0.1
done
[ -b "$sdev" ] || fail "$sdev did not appear: $(cat "$slog")"
# driver_child: the supervisor's uldd child.
driver_child() {
	local c comm
	for c in $(cat "/proc/$sup/task/$sup/children" 2>/dev/null); do
		read -r comm <"/proc/$c/comm" 2>/dev/null || continue
		[ "$comm" = uldd ] && echo "$c" && return 0
	done
	return 0
}
dd if="$sdev" of=/dev/null bs=4k iflag=direct 2>/tmp/ublk-dd.log &
ddpid=$!
sleep 1
kill -0 "$ddpid" 2>/dev/null || fail "the reader ended before the crash: $(cat /tmp/ublk-dd.log)"
old=$(driver_child)
[ -n "$old" ] || fail "the supervisor has no driver child"
kill -KILL "$old"
for _ in $(seq 120); do
	grep -q "is the host's $sdev again" "$slog" && break
	kill -0 "$sup" 2>/dev/null || break
	sleep 1
done
if ! grep -q "is the host's $sdev again" "$slog"; then
	kill -KILL "$ddpid" 2>/dev/null || true
	fail "the restarted driver did not take $sdev back: $(cat "$slog" /tmp/ublk-dd.log)"
fi
rc=0
wait "$ddpid" || rc=$?
cat /tmp/ublk-dd.log
[ "$rc" -eq 0 ] || fail "a read of $sdev in flight across the crash failed ($rc)"
grep -q "^4096+0 records in" /tmp/ublk-dd.log || fail "the reader did not read all of $sdev"
head -c 1M /dev/urandom >/tmp/ublk-pat
dd if=/tmp/ublk-pat of="$sdev" bs=64k oflag=direct status=none || fail "writing $sdev after the restart failed"
dd if="$sdev" of=/tmp/ublk-back bs=64k count=16 iflag=direct status=none ||
	fail "reading $sdev back after the restart failed"
cmp -s /tmp/ublk-back /tmp/ublk-pat || fail "$sdev reads back other data after the restart"
ok "SIGKILL during a read of $sdev: the device stayed, the read finished, the restarted driver serves it"
kill -TERM "$sup"
rc=0
wait "$sup" || rc=$?
trap - EXIT
[ "$rc" -eq 0 ] || fail "uldd supervise exited $rc on SIGTERM: $(tail -20 "$slog")"
for _ in $(seq 50); do
	[ -e /sys/block/"${sdev#/dev/}" ] || break
	sleep 0.1
done
[ ! -e /sys/block/"${sdev#/dev/}" ] || fail "$sdev stayed after the supervisor stopped"
ok "the supervisor's SIGTERM removed $sdev"

echo "== without ublk_drv"
rmmod ublk_drv || fail "cannot unload ublk_drv"
rc=0
"$ULDD" run "$BLKRAM" --user root --blk-export=ublk >/tmp/noublk.log 2>&1 || rc=$?
cat /tmp/noublk.log
[ "$rc" -ne 0 ] || fail "uldd run without ublk_drv exited 0"
[ "$(grep -c "modprobe ublk_drv" /tmp/noublk.log)" -eq 1 ] ||
	fail "not one line names the fix: $(cat /tmp/noublk.log)"
ok "without ublk_drv: exit $rc and one line that says 'modprobe ublk_drv'"
