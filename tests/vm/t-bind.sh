#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Binds an e1000 (first on its in-kernel driver) and QEMU's edu device to
# vfio-pci through plain sysfs, the way uldd will, and checks their groups.
# vm-devices: -device edu
# vm-devices: -netdev hubport,id=p1,hubid=0 -device e1000,netdev=p1
# vm-timeout: 60
set -euo pipefail

# Under TCG every exec costs about 50 ms, so sysfs is read with bash builtins
# (read, globs, cd -P) rather than cat, basename or readlink.

fail() {
	echo "FAIL: $*"
	exit 1
}

# Prints the PCI address of the first device with vendor:device $1:$2.
find_dev() {
	local d vendor device
	for d in /sys/bus/pci/devices/*; do
		read -r vendor <"$d/vendor"
		read -r device <"$d/device"
		if [ "$vendor:$device" = "0x$1:0x$2" ]; then
			echo "${d##*/}"
			return 0
		fi
	done
	fail "no PCI device $1:$2"
}

# Prints the last path component of the symbolic link $1 points to.
link_name() {
	(cd -P "$1" 2>/dev/null && echo "${PWD##*/}") || echo none
}
driver_of() { link_name "/sys/bus/pci/devices/$1/driver"; }
group_of() { link_name "/sys/bus/pci/devices/$1/iommu_group"; }

# driver_override makes vfio-pci the only driver that may claim the device;
# drivers_probe then asks the PCI core to bind it.
bind_vfio() {
	local dev=/sys/bus/pci/devices/$1
	echo vfio-pci >"$dev/driver_override"
	if [ -e "$dev/driver" ]; then
		echo "$1" >"$dev/driver/unbind"
	fi
	echo "$1" >/sys/bus/pci/drivers_probe
	[ "$(driver_of "$1")" = vfio-pci ] || fail "$1 did not bind to vfio-pci (driver: $(driver_of "$1"))"
}

e1000=$(find_dev 8086 100e)
edu=$(find_dev 1234 11e8)
echo "e1000 at $e1000 on driver $(driver_of "$e1000"), edu at $edu on driver $(driver_of "$edu")"
[ "$(driver_of "$e1000")" = e1000 ] || fail "the e1000 did not start on the in-kernel e1000 driver"

declare -A owner=() # IOMMU group -> device
for bdf in "$e1000" "$edu"; do
	bind_vfio "$bdf"
	group=$(group_of "$bdf")
	[ -c "/dev/vfio/$group" ] || fail "/dev/vfio/$group did not appear for $bdf"
	members=(/sys/kernel/iommu_groups/"$group"/devices/*)
	[ "${#members[@]}" -eq 1 ] || fail "$bdf shares IOMMU group $group: ${members[*]##*/}"
	[ -z "${owner[$group]:-}" ] || fail "$bdf and ${owner[$group]} are both in group $group"
	owner[$group]=$bdf
	echo "$bdf: driver vfio-pci, IOMMU group $group alone, /dev/vfio/$group present"
done

lspci -nn
