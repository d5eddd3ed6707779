#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# The smallest guest test: the guest booted with VFIO, an active Intel IOMMU,
# tun and nbd, and the build folder is writable from inside.
# vm-timeout: 30
set -euo pipefail

# Bash builtins only: under TCG every exec costs about 50 ms.

fail() {
	echo "FAIL: $*"
	exit 1
}

[ -c /dev/vfio/vfio ] || fail "/dev/vfio/vfio is missing"
[ -d /sys/bus/pci/drivers/vfio-pci ] || fail "the vfio-pci driver is not registered"
modules=$(</proc/modules)
for m in tun nbd; do
	[[ $'\n'$modules == *$'\n'"$m "* ]] || fail "module $m is not loaded"
done

shopt -s nullglob
iommus=(/sys/class/iommu/*)
[ ${#iommus[@]} -gt 0 ] || fail "no IOMMU in /sys/class/iommu"
[[ ${iommus[0]##*/} == dmar* ]] || fail "not an Intel IOMMU: ${iommus[*]##*/}"

[ -n "${ULDD_BUILD:-}" ] || fail "ULDD_BUILD is not set"
probe=$ULDD_BUILD/.vm-probe.$$
echo ok >"$probe" || fail "$ULDD_BUILD is not writable"
[ "$(<"$probe")" = ok ] || fail "cannot read back $probe"
rm -f "$probe"

echo "kernel $(</proc/sys/kernel/osrelease), IOMMU ${iommus[*]##*/}, $ULDD_BUILD writable"
