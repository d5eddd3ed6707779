#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# NICs through the host layer. An e1000 starts on the kernel's e1000 driver,
# uldd takes it and gives it back; INTx with unmask, and reset: the e1000
# behind a PCIe root port has one (secondary bus reset), the one on the root
# bus has none, which the host layer must say. An RTL8139 for I/O-port BARs,
# an 82574L (e1000e) for MSI-X with several vectors.
# vm-devices: -device pcie-root-port,id=rp1,bus=pcie.0,chassis=1,addr=0x8
# vm-devices: -netdev hubport,id=p1,hubid=0 -device e1000,netdev=p1,bus=rp1
# vm-devices: -netdev hubport,id=p2,hubid=0 -device e1000,netdev=p2,addr=0x12
# vm-devices: -device rtl8139,netdev=p3,addr=0x13,mac=52:54:00:12:34:57
# vm-devices: -netdev hubport,id=p3,hubid=0
# vm-devices: -netdev hubport,id=p4,hubid=0 -device e1000e,netdev=p4,addr=0x14
# vm-timeout: 120
set -euo pipefail
. "$ULDD_TOP/tests/vm/lib.sh"

ported=0000:01:00.0 plain=0000:00:12.0
for a in $ported $plain; do
	[ "$(driver_of $a)" = e1000 ] || fail "$a starts on $(driver_of $a), not e1000"
done
ok "both NICs start on the kernel's e1000 driver"
expect_error 1 "bound to e1000: run 'uldd bind $ported' first" "$ULDD" info "$ported"

"$ULDD" bind "$ported" "$plain"
"$ULDD" info "$ported"
echo "== e1000 behind a root port"
"$PROGS/e1000" "$ported" --need-reset
echo "== e1000 on the root bus"
"$PROGS/e1000" "$plain" | tee /tmp/plain.out
grep -q "has no reset method" /tmp/plain.out || fail "no-reset case not reported"

echo "== rtl8139 through its I/O-port BAR"
"$ULDD" bind 0000:00:13.0
"$PROGS/rtl8139" 0000:00:13.0 52:54:00:12:34:57

echo "== e1000e: MSI-X vectors"
"$ULDD" bind 0000:00:14.0
"$PROGS/e1000e" 0000:00:14.0

"$ULDD" unbind "$ported" "$plain"
for a in $ported $plain; do
	[ "$(driver_of $a)" = e1000 ] || fail "uldd unbind left $a on $(driver_of $a)"
done
ok "uldd unbind gave both back to e1000"
