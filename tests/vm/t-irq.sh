#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# A kernel-namespace interrupt handler on QEMU's edu: request_irq through
# the shim, handlers in the vector's thread in hard irq context, on MSI and
# then on INTx (a level line VFIO masks until the shim unmasks it).
# vm-devices: -device edu,addr=0x10
# vm-timeout: 120
set -euo pipefail
. "$ULDD_TOP/tests/vm/lib.sh"

edu=0000:00:10.0
"$ULDD" bind "$edu"
[ "$(driver_of $edu)" = vfio-pci ] || fail "uldd bind left edu on $(driver_of $edu)"
ok "uldd bind handed edu to vfio-pci"
"$PROGS/kirq" "$edu"
