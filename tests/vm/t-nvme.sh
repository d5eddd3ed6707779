#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# The upstream NVMe driver (Linux 6.1's nvme-core and PCI transport, built
# unmodified by uldd port) on QEMU's nvme, beside the guest kernel's
# nvme.ko on a second identical controller in the same boot: the port's
# disk is the host's nbd device, as large as the namespace, and carries an
# ext4 file tree that survives fsck and a remount with its SHA-256 sums.
# Controller A (the kernel's) on pcie.0, B (uldd's) behind a root port.
# vm-disk: nvmea 256M
# vm-disk: nvmeb 256M
# vm-devices: -device nvme,drive=nvmea,serial=ulddA,addr=0x10
# vm-devices: -device pcie-root-port,id=rp1,bus=pcie.0,chassis=1,addr=0x8
# vm-devices: -device nvme,drive=nvmeb,serial=ulddB,bus=rp1
# vm-timeout: 600
set -euo pipefail
. "$ULDD_TOP/tests/vm/lib.sh"

NVME=$ULDD_BUILD/ported/6.1/nvme.so
[ -f "$NVME" ] || fail "no $NVME: make ported"
B=$(for f in /sys/bus/pci/devices/0000:00:08.0/0000:*:00.0; do echo "${f##*/}"; done)
[ -e "/sys/bus/pci/devices/$B" ] || fail "no controller behind the root port"
[ -e /sys/module/nbd ] || modprobe -d "$ULDD_MODROOT" nbd || fail "cannot load nbd"
grep -qw ext4 /proc/filesystems || modprobe -d "$ULDD_MODROOT" ext4 || fail "cannot load ext4"

"$ULDD" bind "$B" >/dev/null
log=/tmp/nvme.log
"$ULDD" run "$NVME" --device "$B" >"$log" 2>&1 &
pid=$!
wait_line "$log" "$pid" "is the host's /dev/nbd" 600 || fail "no nbd device: $(cat "$log")"
cat "$log"
line=$(grep "is the host's /dev/nbd" "$log")
dev=$(sed -n "s|.*is the host's \(/dev/nbd[0-9]*\) .*|\1|p" <<<"$line")
nbd=${dev#/dev/}
read -r sectors </sys/block/"$nbd"/size
[ $((sectors * 512)) -eq $((256 << 20)) ] || fail "$dev has $((sectors * 512)) bytes, not 256 MiB"
ok "nvme.so on $B: $line"

mkfs.ext4 -q -F "$dev" || fail "mkfs.ext4 $dev failed: $(tail -20 "$log")"
mkdir -p /tmp/mnt
mount "$dev" /tmp/mnt || fail "mount $dev failed"
for d in 0 1 2; do
	mkdir -p /tmp/mnt/d$d
	for f in 0 1 2 3; do
		head -c $(((d * 4 + f + 1) * 53 * 1024)) /dev/urandom >/tmp/mnt/d$d/f$f
	done
done
(cd /tmp/mnt && find . -type f -print0 | sort -z | xargs -0 sha256sum) >/tmp/sums
sync
umount /tmp/mnt
fsck.ext4 -f -n "$dev" >/tmp/fsck.log 2>&1 || fail "fsck -f is not clean: $(cat /tmp/fsck.log)"
mount "$dev" /tmp/mnt || fail "remount of $dev failed"
(cd /tmp/mnt && sha256sum --quiet -c /tmp/sums) || fail "the sums differ after remount"
umount /tmp/mnt
ok "ext4 on $dev: $(wc -l </tmp/sums) files, fsck -f clean, sums equal after remount"

kill -TERM "$pid"
rc=0
wait "$pid" || rc=$?
[ "$rc" -eq 0 ] || fail "uldd run exited $rc on SIGTERM: $(tail -20 "$log")"
! grep -E "BUG|WARNING" "$log" || fail "the driver's log has complaints (above)"
ok "SIGTERM: exit 0, a clean log"
