#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# The host layer's two VFIO backends on one 6.12 kernel: the legacy container
# and iommufd (/dev/iommu with device cdevs, Linux 6.6+). QEMU's edu at both
# DMA masks through each, the default choice, and the messages of a wrong one.
# Known limit: Debian's 6.12 kernel is built without CONFIG_IOMMUFD, so there
# the iommufd half is reported as a skip with the reason (skip_part), after
# checking that forcing it gives the one-line error with the fix.
# vm-kernel: 6.12
# vm-devices: -device edu,dma_mask=0xffffffffffffffff,addr=0x10 -device edu,addr=0x11
# vm-timeout: 150
set -euo pipefail
. "$ULDD_TOP/tests/vm/lib.sh"

wide=0000:00:10.0 narrow=0000:00:11.0

# edu_via SETTING WANT ADDR BITS: runs the edu program with ULDD_VFIO_BACKEND
# set to SETTING ("" leaves it unset) and checks it passed and that the debug
# log names WANT as the backend that opened the device.
edu_via() {
	local setting=$1 want=$2 addr=$3 bits=$4 out rc=0 start
	echo "== ULDD_VFIO_BACKEND=${setting:-(unset)}: edu $addr with a $bits-bit DMA mask"
	start=$(date +%s%N)
	if [ -n "$setting" ]; then
		out=$(ULDD_LOG_LEVEL=7 ULDD_VFIO_BACKEND=$setting "$PROGS/edu" "$addr" "$bits" 2>&1) ||
			rc=$?
	else
		out=$(ULDD_LOG_LEVEL=7 "$PROGS/edu" "$addr" "$bits" 2>&1) || rc=$?
	fi
	printf '%s\n' "$out"
	[ "$rc" -eq 0 ] || fail "edu $addr through ${setting:-the default backend} exited $rc"
	grep -q "^$addr: opened through the $want VFIO backend$" <<<"$out" ||
		fail "edu $addr did not log that the $want backend opened it"
	ok "edu $addr passed through the $want backend in $((($(date +%s%N) - start) / 1000000)) ms"
}

# edu_refused SETTING PATTERN ADDR: the open must fail, saying PATTERN.
edu_refused() {
	local setting=$1 pattern=$2 addr=$3 out rc=0
	out=$(ULDD_VFIO_BACKEND=$setting "$PROGS/edu" "$addr" 64 2>&1) || rc=$?
	[ "$rc" -eq 1 ] || fail "edu with ULDD_VFIO_BACKEND=$setting exited $rc: $out"
	out=$(grep -m1 '^FAIL uhost_dev_open' <<<"$out") ||
		fail "edu with ULDD_VFIO_BACKEND=$setting failed elsewhere than in uhost_dev_open"
	grep -Eq -- "$pattern" <<<"$out" ||
		fail "ULDD_VFIO_BACKEND=$setting said '$out', not /$pattern/"
	ok "ULDD_VFIO_BACKEND=$setting is refused: ${out#FAIL }"
}

# The kernel's configuration: /proc/config.gz, or the unpacked Debian package.
kconfig() {
	local f=$ULDD_MODROOT/boot/config-$(uname -r)
	if [ -r /proc/config.gz ]; then
		zcat /proc/config.gz
	elif [ -n "$ULDD_MODROOT" ] && [ -r "$f" ]; then
		cat "$f"
	fi
}

echo "kernel $(uname -r)"
"$ULDD" bind "$wide" "$narrow"
[ "$(driver_of $wide)" = vfio-pci ] && [ "$(driver_of $narrow)" = vfio-pci ] ||
	fail "uldd bind left the edu devices on $(driver_of $wide)/$(driver_of $narrow)"
ok "uldd bind handed both edu devices to vfio-pci"

# The legacy container first: it must keep working on a kernel that also
# offers iommufd, and it is what runs where iommufd is missing.
edu_via legacy legacy "$wide" 64
edu_via legacy legacy "$narrow" 28
edu_refused bogus "names no VFIO backend: set it to iommufd or legacy" "$wide"

# Does this kernel offer iommufd to VFIO users at all?
missing=
[ -e /dev/iommu ] || missing+=" /dev/iommu"
cdevs=$(ls /dev/vfio/devices/ 2>/dev/null | tr '\n' ' ') || true
[ -n "$cdevs" ] || missing+=" /dev/vfio/devices/vfio*"
if [ -n "$missing" ]; then
	edu_refused iommufd "ULDD_VFIO_BACKEND=iommufd: .*(CONFIG_IOMMUFD|CONFIG_VFIO_DEVICE_CDEV)" "$wide"
	edu_via "" legacy "$wide" 64
	cfg=$(kconfig | grep -E '^(# )?CONFIG_(IOMMUFD|VFIO_DEVICE_CDEV)[= ]' | tr '\n' ';') || true
	skip_part "the iommufd backend: kernel $(uname -r) has no${missing}; its config says '${cfg:-nothing about IOMMUFD}' (CONFIG_VFIO_DEVICE_CDEV needs CONFIG_IOMMUFD)"
	exit 0
fi
ok "/dev/iommu and the VFIO device cdevs exist: ${cdevs% }"
for addr in "$wide" "$narrow"; do
	node=$(ls "/sys/bus/pci/devices/$addr/vfio-dev/")
	[ -c "/dev/vfio/devices/$node" ] || fail "$addr: /dev/vfio/devices/$node is not a device"
	ok "$addr is /dev/vfio/devices/$node"
done

edu_via iommufd iommufd "$wide" 64
edu_via iommufd iommufd "$narrow" 28
# Unset, the host layer takes iommufd where the kernel offers it.
edu_via "" iommufd "$wide" 64
