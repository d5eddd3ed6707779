#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# A crash under the supervisor loses no write: uldd's NVMe port (Linux
# 6.1's) on QEMU's nvme, supervised, carries ext4 with a file tree of known
# SHA-256 sums and an fio job that writes with crc32c verify headers. The
# driver is SIGKILLed in the middle of the job's writes. The host's
# /dev/nbdN stays (the supervisor's nbd broker keeps it, nbd holds the
# I/O), the restarted driver takes it back, fio finishes and its verify
# pass reads every block back right, the sums still hold, fsck -f is
# clean; SIGTERM then stops it all and leaves nothing connected.
# vm-disk: nvmec 256M
# vm-devices: -device pcie-root-port,id=rp1,bus=pcie.0,chassis=1,addr=0x8
# vm-devices: -device nvme,drive=nvmec,serial=ulddC,bus=rp1
# vm-timeout: 900
set -euo pipefail
. "$ULDD_TOP/tests/vm/lib.sh"
. "$ULDD_TOP/tests/vm/blklib.sh"

B=$(for f in /sys/bus/pci/devices/0000:00:08.0/0000:*:00.0; do echo "${f##*/}"; done)
[ -e "/sys/bus/pci/devices/$B" ] || fail "no controller behind the root port"
[ -e /sys/module/nbd ] || modprobe -d "$ULDD_MODROOT" nbd || fail "cannot load nbd"
grep -qw ext4 /proc/filesystems || modprobe -d "$ULDD_MODROOT" ext4 || fail "cannot load ext4"
command -v fio >/dev/null || skip "no fio on this host: scripts/install-deps.sh installs it"
NVME=$ULDD_BUILD/ported/6.1/nvme.so
[ -f "$NVME" ] || fail "no $NVME: make ported"

LOG=/tmp/nvme-crash.log
MNT=/tmp/crash-mnt
SUP_PID=
cleanup() {
	umount "$MNT" 2>/dev/null || true
	if [ -n "$SUP_PID" ]; then
		kill -TERM "$SUP_PID" 2>/dev/null || true
		wait "$SUP_PID" 2>/dev/null || true
	fi
}
trap cleanup EXIT

# The supervisor's driver child (its broker, uldd-nbd, is a child too).
driver_child() {
	local c comm
	for c in $(cat "/proc/$SUP_PID/task/$SUP_PID/children" 2>/dev/null); do
		read -r comm <"/proc/$c/comm" 2>/dev/null || continue
		[ "$comm" = uldd ] && echo "$c" && return 0
	done
	return 0
}

# Sectors written to the disk so far (the 7th field of its stat).
written() {
	local s
	read -ra s </sys/block/"$NBD"/stat
	echo "${s[6]}"
}

"$ULDD" bind "$B" >/dev/null
"$ULDD" supervise "$NVME" --device "$B" </dev/null >"$LOG" 2>&1 &
SUP_PID=$!
wait_line "$LOG" "$SUP_PID" "is the host's /dev/nbd" 600 || fail "no nbd device: $(cat "$LOG")"
DEV=$(sed -n "s|.*is the host's \(/dev/nbd[0-9]*\) .*|\1|p" "$LOG" | head -1)
NBD=${DEV#/dev/}
ok "supervised: $(grep -m1 "is the host's" "$LOG" | sed 's/^uldd: //')"

mkfs.ext4 -q -F "$DEV" || fail "mkfs.ext4 on $DEV failed"
mkdir -p "$MNT"
mount "$DEV" "$MNT" || fail "mount of $DEV failed"
mkdir "$MNT/tree"
for f in 1 2 3 4 5 6; do
	head -c $((f * 97 * 1024)) /dev/urandom >"$MNT/tree/f$f"
done
(cd "$MNT" && sha256sum tree/*) >/tmp/crash-sums
sync

echo "== fio: 64 MiB of 4 KiB random writes with crc32c headers, then its verify pass"
# fallocate: the file is laid out without writing it, so what the disk
# writes from here on is the job's.
start=$(written)
fio --name=crash --filename="$MNT/fio.dat" --size=64M --fallocate=posix --rw=randwrite \
	--bs=4k --ioengine=libaio --iodepth=8 --direct=1 --verify=crc32c --do_verify=1 \
	--verify_fatal=1 --verify_state_save=0 --eta=never --output=/tmp/crash-fio.log &
FIO=$!
# The crash once 8 of the job's 64 MiB are written.
for _ in $(seq 3000); do
	[ $(($(written) - start)) -ge $((8 * 2048)) ] && break
	kill -0 "$FIO" 2>/dev/null || break
	sleep 0.1
done
kill -0 "$FIO" 2>/dev/null || fail "fio ended before the crash: $(grep -E "err=|WRITE:|READ:" /tmp/crash-fio.log)"
done_mib=$((($(written) - start) / 2048))
old=$(driver_child)
[ -n "$old" ] || fail "the supervisor has no driver child"
kill -KILL "$old"
ok "SIGKILL to the driver (pid $old) after $done_mib MiB written, fio still running"

deadline=$((SECONDS + 300))
until [ "$(grep -c "is the host's $DEV again" "$LOG")" -ge 1 ]; do
	kill -0 "$SUP_PID" 2>/dev/null || fail "the supervisor ended: $(cat "$LOG")"
	[ "$SECONDS" -lt "$deadline" ] || fail "no driver took $DEV back in 300 s: $(cat "$LOG")"
	sleep 0.2
done
new=$(driver_child)
grep -q "died by SIGKILL" "$LOG" || fail "the supervisor did not report the kill: $(cat "$LOG")"
ok "restarted: pid $new took $DEV back ($(grep -m1 "$DEV again" "$LOG" | sed 's/^uldd: //'))"

rc=0
wait "$FIO" || rc=$?
grep -E "err=|verify|WRITE:|READ:" /tmp/crash-fio.log || true
[ "$rc" -eq 0 ] || fail "fio exited $rc: $(cat /tmp/crash-fio.log)"
grep -q "err= 0" /tmp/crash-fio.log || fail "fio reports an error: $(cat /tmp/crash-fio.log)"
ok "fio finished across the crash: exit 0, err=0, its verify pass read every block right"

(cd "$MNT" && sha256sum --quiet -c /tmp/crash-sums) || fail "the file tree's sums differ after the crash"
umount "$MNT"
fsck.ext4 -f -n "$DEV" >/tmp/crash-fsck.log 2>&1 || fail "fsck -f is not clean: $(cat /tmp/crash-fsck.log)"
ok "the tree's sums hold, fsck -f clean"

kill -TERM "$SUP_PID"
rc=0
wait "$SUP_PID" || rc=$?
SUP_PID=
[ "$rc" -eq 0 ] || fail "uldd supervise exited $rc on SIGTERM: $(tail -20 "$LOG")"
blk_nbd_gone "$DEV" supervisor
ok "SIGTERM: exit 0, $DEV disconnected, no broker left"
