#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# A gendisk as the host's block device: uldd run on samples/blkram (a RAM
# disk) exports it as an nbd device (kernel/nbd.c, shim/block/export.c).
# Its size and block sizes as the line says; ext4 made, a file tree
# written with SHA-256 sums, unmounted, fsck -f clean, remounted and
# verified; a flush (sync) and blkdiscard pass; a read past the end reads
# nothing and the driver lives on; 4 KiB random reads measured with fio
# where the host has it; SIGTERM leaves no nbd device connected and no
# broker; without nbd.ko, one line naming the fix and nothing connected.
# vm-timeout: 400
set -euo pipefail
. "$ULDD_TOP/tests/vm/lib.sh"
. "$ULDD_TOP/tests/vm/blklib.sh"

BLKRAM=$ULDD_BUILD/samples/blkram.so
[ -f "$BLKRAM" ] || skip "samples/blkram is not in this build (the block layer is not merged)"
[ -e /sys/module/nbd ] || modprobe -d "$ULDD_MODROOT" nbd ||
	skip "the guest kernel has no nbd module"
grep -qw ext4 /proc/filesystems || modprobe -d "$ULDD_MODROOT" ext4 ||
	fail "cannot load the guest kernel's ext4"

log=/tmp/blkram.log
"$ULDD" run "$BLKRAM" size_mb=64 >"$log" 2>&1 &
pid=$!
wait_line "$log" "$pid" "is the host's /dev/nbd" 600 || fail "no nbd device: $(cat "$log")"
wait_line "$log" "$pid" "runs on" 600 || fail "uldd run did not come up: $(cat "$log")"
cat "$log"
line=$(grep "is the host's /dev/nbd" "$log")
dev=$(sed -n "s|.*is the host's \(/dev/nbd[0-9]*\) .*|\1|p" <<<"$line")
nbd=${dev#/dev/}
mib=$(sed -n 's/.*(\([0-9]*\) MiB, .*/\1/p' <<<"$line")
lbs=$(sed -n 's/.*, \([0-9]*\)-byte blocks.*/\1/p' <<<"$line")
[ -n "$dev" ] && [ -n "$mib" ] && [ -n "$lbs" ] || fail "cannot read the export line: $line"
read -r sectors </sys/block/"$nbd"/size
read -r got_lbs </sys/block/"$nbd"/queue/logical_block_size
[ $((sectors * 512)) -eq $((mib << 20)) ] ||
	fail "$dev has $((sectors * 512)) bytes, the line says $mib MiB"
[ "$got_lbs" -eq "$lbs" ] || fail "$dev has $got_lbs-byte blocks, the line says $lbs"
read -r rot </sys/block/"$nbd"/queue/rotational
[ -e /sys/block/"$nbd"/pid ] || fail "$dev is not connected (no pid in sysfs)"
ok "$dev: $mib MiB, $lbs-byte logical blocks, rotational $rot"

echo "== ext4: a file tree, fsck, remount, SHA-256"
blk_ext4_check "$dev" blkram 4 6 37

echo "== flush, discard, the end of the disk"
blk_edge_check "$dev" "$pid" "$log"

echo "== fio: 4 KiB random reads"
# iops DEV DEPTH: 4 KiB random reads for 5 s, direct; the IOPS fio counted.
iops() {
	fio --name=randread --filename="$1" --rw=randread --bs=4k --direct=1 \
		--ioengine=libaio --iodepth="$2" --runtime=5 --time_based --size="${mib}M" \
		--output-format=terse --terse-version=3 >/tmp/fio.out || fail "fio on $1 failed"
	cut -d';' -f8 /tmp/fio.out
}
if command -v fio >/dev/null; then
	for depth in 1 32; do
		echo "FIO-RANDREAD-4K-IOPS depth $depth: uldd blkram over $dev $(iops "$dev" "$depth")"
	done
	# The guest kernel's own RAM disk beside it, for scale: no NBD, no process.
	if modprobe -d "$ULDD_MODROOT" brd rd_nr=1 rd_size=$((mib * 1024)) 2>/dev/null; then
		for depth in 1 32; do
			echo "FIO-RANDREAD-4K-IOPS depth $depth: kernel brd /dev/ram0 $(iops /dev/ram0 "$depth")"
		done
		rmmod brd || true
	fi
else
	skip_part "fio is not installed on the host: no IOPS measured"
fi

echo "== SIGTERM: nothing stays connected"
kill -TERM "$pid"
rc=0
wait "$pid" || rc=$?
[ "$rc" -eq 0 ] || fail "uldd run exited $rc on SIGTERM: $(cat "$log")"
blk_nbd_gone "$dev" driver
ok "SIGTERM: exit 0, $dev disconnected, no broker left"

echo "== without nbd.ko"
rmmod nbd || fail "cannot unload nbd"
rc=0
"$ULDD" run "$BLKRAM" >/tmp/nonbd.log 2>&1 || rc=$?
modprobe -d "$ULDD_MODROOT" nbd || fail "cannot load nbd again"
cat /tmp/nonbd.log
[ "$rc" -ne 0 ] || fail "uldd run without nbd.ko exited 0"
[ "$(grep -c "modprobe nbd" /tmp/nonbd.log)" -eq 1 ] || fail "not one line names the fix: $(cat /tmp/nonbd.log)"
! grep "init failed" /tmp/nonbd.log || fail "more lines than the one that says why (above)"
ok "without nbd.ko: exit $rc and one line, which says 'modprobe nbd'"
