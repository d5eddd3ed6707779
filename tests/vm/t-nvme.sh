#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# The upstream NVMe driver (nvme-core and the PCI transport of Linux 6.1
# and of 6.12, built unmodified by uldd port) on QEMU's nvme, beside the
# guest kernel's nvme.ko on a second identical controller in the same
# boot. For each: the disk (the port's as the host's nbd device) is as
# large as the namespace and carries an ext4 file tree that survives fsck
# and a remount with its SHA-256 sums; SIGTERM stops the port cleanly.
# Controller A (the kernel's) on pcie.0, B (uldd's) behind a root port.
# vm-disk: nvmea 256M
# vm-disk: nvmeb 256M
# vm-devices: -device nvme,drive=nvmea,serial=ulddA,addr=0x10
# vm-devices: -device pcie-root-port,id=rp1,bus=pcie.0,chassis=1,addr=0x8
# vm-devices: -device nvme,drive=nvmeb,serial=ulddB,bus=rp1
# vm-timeout: 900
set -euo pipefail
. "$ULDD_TOP/tests/vm/lib.sh"
. "$ULDD_TOP/tests/vm/blklib.sh"

B=$(for f in /sys/bus/pci/devices/0000:00:08.0/0000:*:00.0; do echo "${f##*/}"; done)
[ -e "/sys/bus/pci/devices/$B" ] || fail "no controller behind the root port"
[ -e /sys/module/nbd ] || modprobe -d "$ULDD_MODROOT" nbd || fail "cannot load nbd"
grep -qw ext4 /proc/filesystems || modprobe -d "$ULDD_MODROOT" ext4 || fail "cannot load ext4"

echo "== the guest kernel's nvme.ko on 0000:00:10.0"
for m in nvme-core nvme; do
	[ -e /sys/module/${m//-/_} ] || modprobe -d "$ULDD_MODROOT" $m || fail "cannot load $m.ko"
done
for _ in $(seq 100); do
	kdev=$(find /sys/bus/pci/devices/0000:00:10.0/nvme/ -maxdepth 2 -name 'nvme*n1' 2>/dev/null | head -1)
	[ -n "$kdev" ] && break
	sleep 0.1
done
[ -n "$kdev" ] || fail "nvme.ko made no namespace on 0000:00:10.0"
blk_ext4_check "/dev/${kdev##*/}" nvme.ko

for tree in 6.1 6.12; do
	echo "== uldd's nvme of Linux $tree on $B"
	NVME=$ULDD_BUILD/ported/$tree/nvme.so
	[ -f "$NVME" ] || fail "no $NVME: make ported"
	"$ULDD" bind "$B" >/dev/null
	log=/tmp/nvme-$tree.log
	"$ULDD" run "$NVME" --device "$B" >"$log" 2>&1 &
	pid=$!
	wait_line "$log" "$pid" "is the host's /dev/nbd" 600 || fail "no nbd device: $(cat "$log")"
	line=$(grep "is the host's /dev/nbd" "$log")
	dev=$(sed -n "s|.*is the host's \(/dev/nbd[0-9]*\) .*|\1|p" <<<"$line")
	read -r sectors </sys/block/"${dev#/dev/}"/size
	[ $((sectors * 512)) -eq $((256 << 20)) ] || fail "$dev has $((sectors * 512)) bytes, not 256 MiB"
	ok "nvme.so of Linux $tree on $B: $line"
	blk_ext4_check "$dev" "uldd's nvme ($tree)"
	kill -TERM "$pid"
	rc=0
	wait "$pid" || rc=$?
	[ "$rc" -eq 0 ] || fail "uldd run exited $rc on SIGTERM: $(tail -20 "$log")"
	! grep -E "BUG|WARNING" "$log" || fail "the driver's log has complaints (above)"
	ok "SIGTERM: exit 0, a clean log"
done
