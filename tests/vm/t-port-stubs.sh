#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# 'uldd port --stubs' on real drivers the shim cannot serve yet, each on its
# own QEMU device (the i6300esb watchdog first: uldd has no watchdog core): the .so links with a stub for every missing function, and
# on the device the driver gets as far as it can, then stops at the first
# missing function it calls, naming it, with a backtrace; the device is
# left clean. make port-stubs builds the candidates (6.1 tree) into
# build/ported/stubs; a driver the shim now serves fully, or one that needs
# more than functions and the tree's constants, is passed over. The test
# skips when no candidate is left.
# vm-devices: -device i6300esb,addr=0x16
# vm-devices: -device pcie-root-port,id=rp1,bus=pcie.0,chassis=1,addr=0x8
# vm-devices: -netdev hubport,id=s1,hubid=9 -device e1000e,netdev=s1,bus=rp1
# vm-devices: -netdev hubport,id=s2,hubid=9 -device vmxnet3,netdev=s2,addr=0x11
# vm-devices: -netdev hubport,id=s3,hubid=9 -device tulip,netdev=s3,addr=0x12
# vm-devices: -netdev hubport,id=s4,hubid=9 -device pcnet,netdev=s4,addr=0x13
# vm-devices: -netdev hubport,id=s5,hubid=9 -device i82557b,netdev=s5,addr=0x14
# vm-devices: -netdev hubport,id=s6,hubid=9 -device ne2k_pci,netdev=s6,addr=0x15
# vm-timeout: 600
set -euo pipefail
. "$ULDD_TOP/tests/vm/lib.sh"

# Driver and the PCI address of its QEMU model above, in the order tried.
candidates=(i6300esb=0000:00:16.0 e1000e=0000:01:00.0 vmxnet3=0000:00:11.0 tulip=0000:00:12.0 pcnet32=0000:00:13.0
	e100=0000:00:14.0 ne2k-pci=0000:00:15.0)
dir=$ULDD_BUILD/ported/stubs
log=/run/uldd-port-stubs.log
tried=0

for c in "${candidates[@]}"; do
	drv=${c%%=*} addr=${c#*=}
	json=$dir/$drv.port.json
	[ -f "$json" ] || fail "no $json: make port-stubs builds it"
	stubs=$(jq -r '.stubs | join(" ")' "$json")
	if [ ! -e "$dir/$drv.so" ]; then
		echo "    $drv: not built even with stubs ($(jq -r .result "$json")): passed over"
		continue
	fi
	if [ -z "$stubs" ]; then
		echo "    $drv: the shim serves it fully now, no stubs: passed over"
		continue
	fi
	tried=$((tried + 1))
	before=$(driver_of "$addr")
	"$ULDD" bind "$addr" >/dev/null || fail "uldd bind $addr"
	rc=0
	# In a subshell that waits: the shell's own "Aborted" line stays out.
	(
		timeout -s KILL 120 "$ULDD" run "$dir/$drv.so" --device "$addr" >"$log" 2>&1
		exit $?
	) 2>/dev/null &
	pid=$!
	# A driver whose missing functions are all off its probe path runs on:
	# that is a result too, told apart by the line uldd run prints then.
	for _ in $(seq 600); do
		kill -0 $pid 2>/dev/null || break
		if grep -q "runs on 1 device" "$log"; then
			kill -TERM $pid
			break
		fi
		sleep 0.1
	done
	wait $pid || rc=$?
	first=$(sed -n 's/^uldd: the driver called \([a-z0-9_]*\)(), which the shim does not provide.*/\1/p' "$log" | head -n 1)
	if [ -z "$first" ]; then
		grep -q "runs on 1 device" "$log" ||
			fail "$drv stopped (exit $rc) without naming a missing function: $(tail -n 5 "$log")"
		echo "    $drv: probe finished without calling any of its ${stubs// /, } stubs"
	else
		[ "$rc" -eq 134 ] || fail "$drv named $first but exited $rc, not 134 (SIGABRT): $(tail -n 3 "$log")"
		case " $stubs " in
		*" $first "*) ;;
		*) fail "$drv stopped in $first, which is not one of its stubs ($stubs)" ;;
		esac
		grep -q "(uldd_k_$first+" "$log" || fail "$drv: no backtrace through the stub $first: $(cat "$log")"
		sed -n 's/^/    /; /driver called/p' "$log"
		ok "$drv (${stubs// /, } missing) ran on $addr until it called $first(), which named itself, with a backtrace"
	fi
	"$ULDD" unbind "$addr" >/dev/null || fail "uldd unbind $addr after $drv"
	[ "$(driver_of "$addr")" = "$before" ] || fail "$addr is on $(driver_of "$addr"), not $before, after $drv"
	ok "$addr is back on its driver ($before): nothing left bound"
done
[ "$tried" -gt 0 ] || skip "every candidate driver is served fully now: pick new ones for this test"
