#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# make demo: what uldd can do today, in the test guest on real VFIO. Lists the
# guest's PCI devices, takes an e1000 from the kernel and QEMU's edu device,
# drives edu through the host layer, then runs the kernel-style sample
# driver samples/edu with 'uldd run', and gives the devices back.
# vm-devices: -device edu,addr=0x10
# vm-devices: -netdev hubport,id=p1,hubid=0 -device e1000,netdev=p1,addr=0x12
# vm-timeout: 120
set -euo pipefail
. "$ULDD_TOP/tests/vm/lib.sh"

step() {
	printf '\n\033[1m== %s\033[0m\n' "$*"
}

step "The guest's PCI devices (uldd list)"
"$ULDD" list

step "Hand edu and the e1000 to vfio-pci (uldd bind)"
"$ULDD" bind 0000:00:10.0 0000:00:12.0

step "What VFIO reports for the e1000 (uldd info)"
"$ULDD" info 0000:00:12.0

step "Drive edu through the host layer: MSI, and DMA with its 28-bit mask"
"$PROGS/edu" 0000:00:10.0 28 | grep -v '^ok   interrupt status'

step "Run a kernel-style driver on edu (uldd run samples/edu.so), stop it with SIGINT"
"$ULDD" run "$ULDD_BUILD/samples/edu.so" --device 0000:00:10.0 rounds=50 2>&1 | tee /tmp/run.log &
# The driver prints "runs on" once every probe is done; then stop it.
for _ in $(seq 300); do
	grep -q "runs on" /tmp/run.log 2>/dev/null && break
	sleep 0.1
done
kill -INT "$(pidof uldd)"
wait

step "Give the devices back (uldd unbind)"
"$ULDD" unbind 0000:00:10.0 0000:00:12.0
"$ULDD" list | grep -E 'ADDR|8086:100e|1234:11e8'
echo
echo "Next: networking and the unmodified e1000 driver moving traffic (issue 4)."
