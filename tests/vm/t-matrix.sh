#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# The NIC matrix: every PCI network card QEMU emulates, each driven by the
# port of its upstream driver from Linux 6.1 and from Linux 6.12 (a cell
# each), beside the guest kernel's own driver on a second card of the same
# model on one hub. All eight models in one boot. Each cell (nicpair.sh):
# the tree's files unmodified, probe reads the MAC, carrier, pings both
# ways (IPv4, IPv6), MATRIX_MIB MiB each way at once with SHA-256 compared,
# the kernel driver's max_mtu kept (jumbo frames where the chip has them),
# promiscuous mode and the multicast list reaching the chip's filters, the
# driver's own checks (tests/vm/nic/DRV.sh), a clean log, two stop/start
# cycles without leaked descriptors or threads, the NIC back on the
# kernel's driver. Port I/O must take the direct path (ioperm), not VFIO's.
# A driver's own checks of uldd's part, which no tree's code takes part in
# (e1000's: confinement, a taken --ifname, a parameter of the wrong type,
# 'uldd stats' refused to another user), run in the driver's first cell
# only (NIC_ONCE); everything else runs in every cell. A failed cell does
# not stop the others; the table at the end has a line per cell, and the
# test fails if any failed.
# MATRIX_DRIVERS="e1000 tulip" and MATRIX_TREES=6.12 pick cells,
# MATRIX_MIB sets the size (host variables, vm-env below). 32 MiB each
# way wraps every chip's rings many times over (some 23000 full frames;
# the largest default ring here holds 1024) with each byte checked by
# SHA-256; it was 100 MiB until CI's time was cut, which ran the same
# path three times as long.
# Models: NIC A on pcie.0 at slot 0x10+i, NIC B behind root port 0x8+i, on hub i+1.
# vm-devices: -netdev hubport,id=a1,hubid=1 -device e1000,netdev=a1,addr=0x10
# vm-devices: -device pcie-root-port,id=rp1,bus=pcie.0,chassis=1,addr=0x8
# vm-devices: -netdev hubport,id=b1,hubid=1 -device e1000,netdev=b1,bus=rp1,mac=52:54:00:10:00:0b
# vm-devices: -netdev hubport,id=a2,hubid=2 -device rtl8139,netdev=a2,addr=0x11
# vm-devices: -device pcie-root-port,id=rp2,bus=pcie.0,chassis=2,addr=0x9
# vm-devices: -netdev hubport,id=b2,hubid=2 -device rtl8139,netdev=b2,bus=rp2,mac=52:54:00:81:39:0b
# vm-devices: -netdev hubport,id=a3,hubid=3 -device e1000e,netdev=a3,addr=0x12
# vm-devices: -device pcie-root-port,id=rp3,bus=pcie.0,chassis=3,addr=0xa
# vm-devices: -netdev hubport,id=b3,hubid=3 -device e1000e,netdev=b3,bus=rp3,mac=52:54:00:0e:1e:0b
# vm-devices: -netdev hubport,id=a4,hubid=4 -device vmxnet3,netdev=a4,addr=0x13
# vm-devices: -device pcie-root-port,id=rp4,bus=pcie.0,chassis=4,addr=0xb
# vm-devices: -netdev hubport,id=b4,hubid=4 -device vmxnet3,netdev=b4,bus=rp4,mac=52:54:00:0e:30:0b
# vm-devices: -netdev hubport,id=a5,hubid=5 -device ne2k_pci,netdev=a5,addr=0x14
# vm-devices: -device pcie-root-port,id=rp5,bus=pcie.0,chassis=5,addr=0xc
# vm-devices: -netdev hubport,id=b5,hubid=5 -device ne2k_pci,netdev=b5,bus=rp5,mac=52:54:00:80:29:0b
# vm-devices: -netdev hubport,id=a6,hubid=6 -device pcnet,netdev=a6,addr=0x15
# vm-devices: -device pcie-root-port,id=rp6,bus=pcie.0,chassis=6,addr=0xd
# vm-devices: -netdev hubport,id=b6,hubid=6 -device pcnet,netdev=b6,bus=rp6,mac=52:54:00:20:00:0b
# vm-devices: -netdev hubport,id=a7,hubid=7 -device tulip,netdev=a7,addr=0x16
# vm-devices: -device pcie-root-port,id=rp7,bus=pcie.0,chassis=7,addr=0xe
# vm-devices: -netdev hubport,id=b7,hubid=7 -device tulip,netdev=b7,bus=rp7,mac=52:54:00:21:14:0b
# vm-devices: -netdev hubport,id=a8,hubid=8 -device i82557b,netdev=a8,addr=0x17
# vm-devices: -device pcie-root-port,id=rp8,bus=pcie.0,chassis=8,addr=0xf
# vm-devices: -netdev hubport,id=b8,hubid=8 -device i82557b,netdev=b8,bus=rp8,mac=52:54:00:e1:00:0b
# The e100 cell's firmware check: an i82551, alone on hub 9.
# vm-devices: -netdev hubport,id=f9,hubid=9 -device i82551,netdev=f9,addr=0x18
# vm-timeout: 3000
# vm-env: MATRIX_DRIVERS MATRIX_TREES MATRIX_MIB
set -euo pipefail
. "$ULDD_TOP/tests/vm/lib.sh"
. "$ULDD_TOP/tests/vm/netlib.sh"
. "$ULDD_TOP/tests/vm/nicpair.sh"
for f in "$ULDD_TOP"/tests/vm/nic/*.sh; do
	# shellcheck source=/dev/null
	. "$f"
done

# Per driver: slot index, the kernel's driver, folder in the tree, B's MAC,
# and the probe line that must hold it (vmxnet3 prints no MAC: the shim's
# line for the registered interface does).
drivers=(e1000 8139cp e1000e vmxnet3 ne2k-pci pcnet32 tulip e100)
declare -A slot=([e1000]=0 [8139cp]=1 [e1000e]=2 [vmxnet3]=3 [ne2k-pci]=4 [pcnet32]=5 [tulip]=6 [e100]=7)
declare -A kmod=([e1000]=e1000 [8139cp]=8139cp [e1000e]=e1000e [vmxnet3]=vmxnet3
	[ne2k-pci]=ne2k-pci [pcnet32]=pcnet32 [tulip]=tulip [e100]=e100)
declare -A folder=([e1000]=drivers/net/ethernet/intel/e1000 [8139cp]=drivers/net/ethernet/realtek
	[e1000e]=drivers/net/ethernet/intel/e1000e [vmxnet3]=drivers/net/vmxnet3
	[ne2k-pci]=drivers/net/ethernet/8390 [pcnet32]=drivers/net/ethernet/amd
	[tulip]=drivers/net/ethernet/dec/tulip [e100]=drivers/net/ethernet/intel)
declare -A mac=([e1000]=52:54:00:10:00:0b [8139cp]=52:54:00:81:39:0b [e1000e]=52:54:00:0e:1e:0b
	[vmxnet3]=52:54:00:0e:30:0b [ne2k-pci]=52:54:00:80:29:0b [pcnet32]=52:54:00:20:00:0b
	[tulip]=52:54:00:21:14:0b [e100]=52:54:00:e1:00:0b)
declare -A probe=([e1000]='\(PCI:' [8139cp]='RTL-8139C\+ at ' [e1000e]='\(PCI Express:'
	[vmxnet3]="registered: the host's uldd0" [ne2k-pci]='found at ' [pcnet32]='^ +[0-9a-f]{2}:'
	[tulip]=' rev [0-9]* at Port ' [e100]='MAC addr ')
export E100_FW=0000:00:18.0 # nic/e100.sh
# What the port sends back, where not MATRIX_MIB at once with what it
# receives. e100: QEMU's eepro100 with the guest kernel's e100 on side A
# loses its receiver at times when frames come fast (the RU stays
# suspended: A's rx counters stop while the port's tx go on, and pings fail
# both ways). The kernel's e100 on both ends does it too: the second of
# three 100 MiB-each-way-at-once transfers between two kernel e100s
# stalled, in the same guest. 30 MiB from the port, after 100 MiB to it,
# passed in each of the runs where 100 MiB stalled 3 times of 5.
# ne2k-pci: in turn, MATRIX_MIB each way (at once took longer here: 7-23
# Mbit/s each way against 31-40 in turn). QEMU's ne2000 does not
# emulate the overrun (ISR OVW) a real 8390 raises when its receive ring
# is full: it drops the frame and raises nothing. 8390's ei_receive takes
# at most 9 frames, then acknowledges ISR RX; if the ring is full at that
# moment, no frame is taken or signalled again and the port's receive
# counters freeze while its transmit goes on (a 20 ms delay before that
# acknowledgement stalled the first 20 MiB, with ISR 0 and CURPAG three
# pages short of BNRY). The handler loses that race when it is slower than
# the sender: uldd's netif_rx wrote each frame to the TAP inside the
# handler (a system call that carries the host's receive path), so one
# run in 17 stalled at once here, and CI saw one stall in turn. netif_rx
# now queues, as the kernel's does (shim/net/napi.c), and the frames go to
# the TAP when the interrupt returns: five transfers at once passed on a
# host busy compiling, none stalled. The interrupt threads also run at
# nice -10 (kernel/thread.c), so the guest seldom preempts a handler.
# pcnet32: in turn too. One CI cell of 6.1 stalled at once, with the
# kernel's pcnet32 on side A counting 688 missed frames; 19 runs at once
# since have not stalled, so the cause is open. Its transfer back was 14-16
# Mbit/s until the TAP thread took the interrupt threads' weight (tap.c),
# 50 since.
# Blanks or commas between the names.
want=${MATRIX_DRIVERS:-${drivers[*]}}
read -ra want_drivers <<<"${want//,/ }"
want=${MATRIX_TREES:-6.1 6.12}
read -ra trees <<<"${want//,/ }"
mib=${MATRIX_MIB:-32}
declare -A mib_ba=([e100]=$((mib < 30 ? mib : 30)) [ne2k-pci]=$mib [pcnet32]=$mib)

# NIC B of slot I: the function on the bus behind root port 0x8+I.
nic_b_of() { # I
	local f port
	port=/sys/bus/pci/devices/0000:00:0$(printf %x $((8 + $1))).0
	for f in "$port"/0000:*:00.0; do
		[ -e "$f" ] && echo "${f##*/}" && return 0
	done
	fail "no device behind the root port of slot $1"
}

# Each kernel driver on its NIC A (and B) before any cell starts.
for drv in "${want_drivers[@]}"; do
	[ -n "${slot[$drv]:-}" ] || fail "MATRIX_DRIVERS: no such driver: $drv (one of ${drivers[*]})"
	nic_kernel_side "${kmod[$drv]}" "0000:00:$(printf %x $((0x10 + slot[$drv]))).0"
done
ok "the guest kernel's ${want_drivers[*]} drive the A side of each pair"

declare -A verdict=() took=() rate=()
failed=0
for drv in "${want_drivers[@]}"; do
	for tree in "${trees[@]}"; do
		echo "=== $drv of Linux $tree"
		start=$SECONDS
		set +e
		(
			set -e
			# shellcheck disable=SC2034 # read by nic/e1000.sh
			NIC_ONCE=$([ "$tree" = "${trees[0]}" ] && echo 1 || echo 0)
			NIC_A=0000:00:$(printf %x $((0x10 + slot[$drv]))).0
			NIC_B=$(nic_b_of "${slot[$drv]}")
			NIC_KMOD=${kmod[$drv]} NIC_FOLDER=${folder[$drv]} NIC_MAC=${mac[$drv]}
			NIC_PROBE=${probe[$drv]} NIC_MIB=$mib NIC_MIB_MTU=8 NIC_MIB_BA=${mib_ba[$drv]:-}
			nic_cell "$drv" "$tree"
			echo "$NIC_MBITS" >"/tmp/matrix-$drv-$tree"
		)
		rc=$?
		set -e
		took[$drv.$tree]=$((SECONDS - start))
		if [ "$rc" -eq 0 ]; then
			verdict[$drv.$tree]=pass
			read -r ab ba <"/tmp/matrix-$drv-$tree"
			rate[$drv.$tree]="$ab / $ba"
		else
			verdict[$drv.$tree]=FAIL
			rate[$drv.$tree]=-
			failed=$((failed + 1))
			echo "FAIL the $drv cell of Linux $tree (status $rc): the last FAIL line above says why"
		fi
	done
done

echo
echo "NIC matrix: $mib MiB each way at once per cell (in turn for ne2k-pci, pcnet32 and e100, whose port sends ${mib_ba[e100]} back); Mbit/s A->B (kernel to uldd) / B->A"
echo "(e1000's checks of uldd's own part ran in the Linux ${trees[0]} cell only: confinement, --ifname lo, TxDescriptors=many, uldd stats as another user)"
printf '%-10s' driver
for tree in "${trees[@]}"; do
	printf ' | %-28s' "Linux $tree"
done
echo
for drv in "${want_drivers[@]}"; do
	printf '%-10s' "$drv"
	for tree in "${trees[@]}"; do
		printf ' | %-4s %-13s %6s' "${verdict[$drv.$tree]}" "${rate[$drv.$tree]}" "${took[$drv.$tree]} s"
	done
	echo
done
[ "$failed" -eq 0 ] || fail "$failed of $((${#want_drivers[@]} * ${#trees[@]})) cells failed"
ok "all $((${#want_drivers[@]} * ${#trees[@]})) cells passed"
