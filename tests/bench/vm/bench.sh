#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# bench_vm, run inside the guest: the same operation pairs timed by the
# guest kernel itself (ubench.ko) and by uldd's shim in a process (the
# bench_sched and bench_mm programs), in one boot, as a table of ns per pair
# and the ratio uldd / in-kernel. A table, not a test.
# vm-devices: -device edu,addr=0x10
# vm-timeout: 300
set -euo pipefail
b=$ULDD_BUILD

dmesg -c >/dev/null
# The module binds edu, measures, and declines the device (probe -ENODEV).
insmod "$b/bench/kmod/ubench.ko"
rmmod ubench
declare -A kernel
while read -r op ns; do
	kernel[$op]=$ns
done <<<"$(dmesg | sed -n 's/.*ubench: \([a-z_0-9]*\) \([0-9.]*\)$/\1 \2/p')"

# The same edu from uldd: the sample driver prints its own timings.
"$b/bin/uldd" bind 0000:00:10.0 >/dev/null
"$b/bin/uldd" run "$b/samples/edu.so" --device 0000:00:10.0 rounds=200 >/tmp/edu.log 2>&1 &
for _ in $(seq 600); do
	grep -q "runs on\|bound no device" /tmp/edu.log && break
	sleep 0.1
done
kill -INT $! 2>/dev/null || true
wait || true
edu=$(cat /tmp/edu.log)
uldd_msi=$(sed -n 's/.*round trip \([0-9]*\) ns.*/\1/p' <<<"$edu")
uldd_map=$(sed -n 's/.*dma_map_single + unmap: \([0-9]*\) ns.*/\1/p' <<<"$edu")

sched=$("$b/tests/bench/bench_sched")
mm=$("$b/tests/bench/bench_mm")
uldd_of() { # the uldd column of a bench row whose name starts with $2
	awk -v name="$2" 'index($0, name) == 1 {
		split(substr($0, length(name) + 1), f, " ")
		print f[1]
		exit
	}' <<<"$1"
}

row() { # label, kernel key, uldd value
	local k=${kernel[$2]:-} u=$3
	if [ -n "$k" ] && [ -n "$u" ]; then
		printf '%-32s %12s %12s %8s\n' "$1" "$k" "$u" "$(awk -v u="$u" -v k="$k" 'BEGIN { printf "%.2f", (k > 0 ? u / k : 0) }')"
	else
		printf '%-32s %12s %12s %8s\n' "$1" "${k:--}" "${u:--}" "-"
	fi
}

echo "guest $(uname -r), $(nproc) CPUs (TCG: ratios, not absolute times, are the result)"
printf '%-32s %12s %12s %8s\n' "ns per pair" "in-kernel" "uldd" "ratio"
row "spin_lock + unlock" spin_lock "$(uldd_of "$sched" "spin_lock + spin_unlock")"
row "spin_lock_irqsave + restore" spin_lock_irqsave "$(uldd_of "$sched" "spin_lock_irqsave + restore")"
row "mutex_lock + unlock" mutex "$(uldd_of "$sched" "mutex_lock + mutex_unlock")"
row "kmalloc(64) + kfree" kmalloc64 "$(uldd_of "$mm" "kmalloc 64 B ")"
row "dma_map_single + unmap (edu)" dma_map_single "$uldd_map"
row "MSI raise -> handler -> waiter" msi_roundtrip "$uldd_msi"
