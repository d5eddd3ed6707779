#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Boots the test guest in QEMU (TCG, intel-iommu) and runs one test script in
# it. Exit status is the test's (77: skipped); the console goes to
# BUILD_DIR/vm-logs/. Each skip, whole or partial, ends the output as one
# line "SKIP TEST-NAME (reason)".
set -euo pipefail

usage() {
	cat >&2 <<-EOF
		usage: $0 BUILD_DIR TEST_SCRIPT
		The test's header lines choose the guest:
		  # vm-devices: QEMU ARGS...   (several lines add up)
		  # vm-timeout: SECONDS        (default 60)
		  # vm-kernel: 6.12            (default \$GUEST_KERNEL, else 6.1)
		  # vm-iommu: off              (no intel-iommu: tests of the error paths)
		  # vm-env: VAR...             (these host variables, where set, reach the test)
		  # vm-disk: ID SIZE           (a fresh zeroed raw image, QEMU drive ID, for
		  #                             a vm-devices line's drive=ID; SIZE as truncate's)
		Env VM_VERBOSE=1 also streams the console while the guest runs.
	EOF
	exit 2
}
[ $# -eq 2 ] || usage
[ -f "$2" ] || {
	echo "run.sh: no such test: $2" >&2
	exit 2
}

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(cd "$here/../.." && pwd)
mkdir -p "$1"
build=$(cd "$1" && pwd)
test=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
name=$(basename "$test" .sh)

# The paths go on the kernel command line (space-separated) and into
# -virtfs options (comma-separated), so they cannot hold either.
for p in "$top" "$build" "$test"; do
	case $p in *[[:space:],]*)
		echo "run.sh: paths with spaces or commas are not supported: $p" >&2
		exit 2
		;;
	esac
done
# The guest sees the host's files at the same paths through the root share,
# except where it mounts its own file systems (/tmp, /run, ...); the repo and
# build folder have shares of their own, so a clone under /tmp works too.
case $test in "$top"/* | "$build"/*) ;; /tmp/* | /run/* | /dev/* | /proc/* | /sys/*)
	echo "run.sh: the guest cannot see $test: put it in the repo or the build folder" >&2
	exit 2
	;;
esac

# Header lines. Devices are split on blanks (no quoting), which QEMU
# arguments never need.
devices=()
disks=()
envvars=()
timeout=60
kernel=${GUEST_KERNEL:-6.1}
iommu=on
while IFS= read -r line; do
	case $line in
	'# vm-devices:'*)
		read -ra more <<<"${line#*:}"
		devices+=("${more[@]}")
		;;
	'# vm-timeout:'*) read -r timeout _ <<<"${line#*:}" ;;
	'# vm-kernel:'*) read -r kernel _ <<<"${line#*:}" ;;
	'# vm-iommu:'*) read -r iommu _ <<<"${line#*:}" ;;
	'# vm-disk:'*)
		read -ra more <<<"${line#*:}"
		disks+=("${more[0]:-}" "${more[1]:-}")
		;;
	'# vm-env:'*)
		read -ra more <<<"${line#*:}"
		envvars+=("${more[@]}")
		;;
	esac
done <"$test"
for v in "${envvars[@]}"; do
	case $v in '' | [0-9]* | *[!A-Za-z0-9_]*)
		echo "run.sh: $name: vm-env names a variable that cannot be one: $v" >&2
		exit 2
		;;
	esac
done
case $timeout in '' | *[!0-9]*)
	echo "run.sh: $name: vm-timeout must be a number of seconds" >&2
	exit 2
	;;
esac

# Cheap when nothing changed (an apt-cache query and a few hashes); rebuilds
# the initrd after an edit of init or setup-guest.sh.
GUEST_KERNEL=$kernel "$here/setup-guest.sh" "$build"
suffix=
[ "$kernel" = 6.1 ] || suffix=-$kernel # same names as setup-guest.sh
# The uncompressed vmlinux (PVH entry) boots about 3 s faster than vmlinuz;
# VM_BZIMAGE=1 boots the bzImage, as a boot loader would.
kernel_image=$build/guest/vmlinux$suffix
if [ "${VM_BZIMAGE:-0}" = 1 ] || [ ! -s "$kernel_image" ]; then
	kernel_image=$build/guest/vmlinuz$suffix
fi
initrd=$build/guest/initrd$suffix

mkdir -p "$build/vm-logs"
log=$build/vm-logs/$name.log
# Each run starts from zeroed disks: what a test wrote last time is gone.
for ((i = 0; i < ${#disks[@]}; i += 2)); do
	id=${disks[i]} size=${disks[i + 1]}
	case $id in '' | *[!A-Za-z0-9_]*)
		echo "run.sh: $name: vm-disk needs an ID of letters, digits and _: '$id'" >&2
		exit 2
		;;
	esac
	img=$build/vm-disks/$name-$id.img
	mkdir -p "$build/vm-disks"
	rm -f "$img"
	truncate -s "$size" "$img" || {
		echo "run.sh: $name: vm-disk $id: bad size '$size'" >&2
		exit 2
	}
	devices+=(-drive "file=$img,if=none,id=$id,format=raw")
done
# quiet/loglevel=5: hide the boot chatter but keep warnings and errors (DMAR
# faults, WARN_ON, oopses) on the console, between the test's own lines.
# panic=-1 turns a panic into a reboot, which -no-reboot turns into an exit.
# no_timer_check: under TCG on a loaded host the kernel's boot-time test of
# the timer interrupt through the remapped IO-APIC can miss its window and
# panic ("timer doesn't work through Interrupt-remapped IO-APIC"), seen
# twice in eight boots with four guests at once; the timer itself works.
append="console=ttyS0 intel_iommu=$iommu quiet loglevel=5 panic=-1 no_timer_check"
iommu_dev=(-device intel-iommu,intremap=on,aw-bits=48)
[ "$iommu" = on ] || iommu_dev=()
append+=" uldd.test=$test uldd.top=$top uldd.build=$build"
# init starts the test with a clean environment, and the kernel command
# line cannot carry blanks: the variables of the vm-env lines that are set
# here go to a file in the build share, which lib.sh sources.
if [ ${#envvars[@]} -gt 0 ]; then
	envfile=$build/vm-logs/$name.env
	: >"$envfile"
	for v in "${envvars[@]}"; do
		[ -z "${!v+set}" ] || printf '%s=%q\n' "$v" "${!v}" >>"$envfile"
	done
	append+=" uldd.env=$envfile"
fi

# shellcheck disable=SC2054 # the commas are QEMU's option syntax
qemu=(
	qemu-system-x86_64 -machine q35,kernel-irqchip=split -accel tcg
	-m 1G -smp 2 "${iommu_dev[@]}"
	-kernel "$kernel_image" -initrd "$initrd" -append "$append"
	# -nodefaults: no default NIC (an e1000e on q35) or VGA that tests did
	# not ask for; the serial port is the console, on stdout.
	-nodefaults -no-user-config -display none -serial stdio -no-reboot
	-virtfs "local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap"
	-virtfs "local,path=$top,mount_tag=top,security_model=none,readonly=on,multidevs=remap"
	-virtfs "local,path=$build,mount_tag=build,security_model=none"
	"${devices[@]}"
)

# timeout(1) kills QEMU when the test hangs; stdin is /dev/null so QEMU
# never touches the terminal.
start=$(date +%s)
qrc=0
if [ "${VM_VERBOSE:-0}" = 1 ]; then
	timeout -k 5 "$timeout" "${qemu[@]}" </dev/null 2>&1 | tee "$log" || qrc=$?
else
	timeout -k 5 "$timeout" "${qemu[@]}" </dev/null >"$log" 2>&1 || qrc=$?
fi
elapsed=$(($(date +%s) - start))

# The serial console ends lines with \r\n.
sed -i 's/\r$//' "$log"
rc=$(sed -n 's/^ULDD-VM-EXIT=\([0-9]\+\)$/\1/p' "$log" | tail -n 1)

show_log() {
	echo "---- console log $log ----"
	cat "$log"
	echo "---- end of console log ----"
}
if [ "$qrc" -eq 124 ] || [ "$qrc" -eq 137 ]; then
	show_log
	echo "run.sh: $name: timed out after $timeout s (vm-timeout)" >&2
	exit 124
fi
if [ -z "$rc" ]; then
	show_log
	echo "run.sh: $name: the guest ended without an exit marker (QEMU status $qrc)" >&2
	exit 125
fi
# The test's "SKIP: reason" lines (lib.sh's skip and skip_part).
mapfile -t why < <(sed -n '/^ULDD-VM-START$/,/^ULDD-VM-EXIT=/{s/^SKIP: //p}' "$log")
if [ "$rc" -eq 77 ] && [ "${#why[@]}" -eq 0 ]; then
	show_log
	echo "run.sh: $name: exited 77 (skipped) without a 'SKIP: reason' line; use lib.sh's skip" >&2
	exit 1
fi
if [ "$rc" -ne 0 ] && [ "$rc" -ne 77 ]; then
	show_log
	echo "run.sh: $name: failed with status $rc (${elapsed} s)" >&2
	exit "$rc"
fi
# Passed or skipped: the test's own output only, the lines between the
# markers, then one line per skip: the whole test (status 77, all its
# reasons in one line) or each part it skipped.
[ "${VM_VERBOSE:-0}" = 1 ] ||
	sed -n '/^ULDD-VM-START$/,/^ULDD-VM-EXIT=/{/^ULDD-VM-/d;p}' "$log"
if [ "$rc" -eq 77 ]; then
	reasons=$(printf '%s; ' "${why[@]}")
	echo "SKIP $name (${reasons%; })"
	exit 77
fi
for w in "${why[@]}"; do
	echo "SKIP $name ($w)"
done
exit 0
