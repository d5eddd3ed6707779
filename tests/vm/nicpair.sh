# SPDX-License-Identifier: GPL-2.0-only OR MIT
# One ported NIC driver beside the guest kernel's own on a second device of
# the same QEMU model, on one hub, for each kernel tree the driver is
# ported from: what t-tulip.sh and t-e100.sh assert. Source after lib.sh
# and netlib.sh; the caller sets up the namespaces and moves side A.
#
#   nicpair_sources DRV FOLDER TREE...   the .so files are built from the trees' files
#   nicpair_kernel_side DRV ADDR         modprobe DRV from the guest's tree, on ADDR
#   nicpair_tree DRV TREE ADDR MAC PROBE MIB [MIB_B]   everything about one tree's port;
#                                        MIB_B: what B (uldd) sends, default MIB
#   nicpair_teardown                     net_teardown, after the driver's last words
#
# PROBE is a grep pattern for the driver's probe line; it must also hold MAC.
# shellcheck shell=bash

nicpair_sources() { # DRV FOLDER TREE...
	local drv=$1 folder=$2 tree
	shift 2
	for tree in "$@"; do
		(cd "$ULDD_BUILD/linux-source-$tree/$folder" &&
			sha256sum --quiet --strict -c "$ULDD_TOP/ported/$drv/upstream-$tree.sha256") ||
			fail "Linux $tree's $drv differs from ported/$drv/upstream-$tree.sha256"
		[ -e "$ULDD_BUILD/ported/$tree/$drv.so" ] || fail "$ULDD_BUILD/ported/$tree/$drv.so is not built: make ported"
	done
	ok "$drv.so of Linux $* is built from the trees' files, unmodified"
}

# The initramfs loads neither driver; the unpacked kernel package has both.
nicpair_kernel_side() { # DRV ADDR
	local drv=$1 addr=$2 ko
	[ -n "$ULDD_MODROOT" ] || skip "the guest kernel's modules are not in the build share"
	ko=$(find "$ULDD_MODROOT/lib/modules/$(uname -r)" -name "$drv.ko*" -print -quit)
	[ -n "$ko" ] || fail "no $drv.ko in $ULDD_MODROOT/lib/modules/$(uname -r)"
	modprobe -d "$ULDD_MODROOT" "$drv" || fail "modprobe $drv from $ULDD_MODROOT"
	for _ in $(seq 50); do
		[ ! -d "/sys/bus/pci/devices/$addr/net" ] || break
		sleep 0.1
	done
	[ "$(driver_of "$addr")" = "$drv" ] || fail "$addr is on $(driver_of "$addr"), not the kernel's $drv"
	ok "the guest kernel's $drv (${ko#"$ULDD_MODROOT"}) drives $addr (side A)"
}

# For the EXIT trap: a failure shows the end of the driver's log.
nicpair_teardown() {
	if [ -n "$NET_ULDD_LOG" ] && [ -e "$NET_ULDD_LOG" ]; then
		echo "---- the last lines of $NET_ULDD_LOG ----"
		tail -n 40 "$NET_ULDD_LOG"
	fi
	if [ -n "$NET_ULDD_PID" ]; then
		echo "---- both sides as the failure left them ----"
		ip -n "$NET_NS_A" -s link show dev netA || true
		ip -n "$NET_NS_B" -s link show dev uldd0 || true
		"$ULDD" stats uldd0 2>&1 | grep -v ': 0$' || true
		ip netns exec "$NET_NS_B" busybox ping -c 2 -W 2 "$NET_IP_A" || true
		ip netns exec "$NET_NS_A" busybox ping -c 2 -W 2 "$NET_IP_B" || true
	fi
	net_teardown
}

_nicpair_fds() {
	local e=("/proc/$NET_ULDD_PID/fd"/*)
	echo ${#e[@]}
}

# The system workqueues ("events...") start their workers on their first
# item, which a driver's media timer queues in one run and not in the
# next: those are left out; every other thread is the run's own.
_nicpair_threads() {
	local t n=0 comm
	for t in "/proc/$NET_ULDD_PID/task"/*; do
		read -r comm <"$t/comm" || continue
		[[ $comm == events* ]] || n=$((n + 1))
	done
	echo $n
}

_nicpair_mtu_of() { # NS IF
	ip -n "$1" -o link show dev "$2" | sed -n 's/.* mtu \([0-9]*\) .*/\1/p'
}

nicpair_tree() { # DRV TREE ADDR MAC PROBE MIB [MIB_B]
	local drv=$1 tree=$2 addr=$3 mac=$4 probe=$5 mib=$6 mib_b=${7:-$6}
	local so=$ULDD_BUILD/ported/$tree/$drv.so A=$NET_NS_A B=$NET_NS_B
	local fd1='' th1='' mtu max i
	echo "== Linux $tree's $drv"
	net_uldd_start "$so" "$addr" "$B" uldd0
	grep -q "$probe.*$mac" "$NET_ULDD_LOG" ||
		fail "$drv's probe did not print $mac: $(cat "$NET_ULDD_LOG")"
	sed -n "s/^/    /; /$probe/p" "$NET_ULDD_LOG"
	ip -n "$B" link show dev uldd0 | grep -q "link/ether $mac" || fail "uldd0 does not carry $mac"
	ok "Linux $tree's $drv: probe read $mac from the chip; the TAP has it"

	net_addr "$A" netA "$NET_IP_A"
	net_addr "$B" uldd0 "$NET_IP_B"
	net_wait_carrier "$A" netA
	net_wait_carrier "$B" uldd0
	ok "carrier on netA and uldd0"
	net_ping "$A" "$NET_IP_B"
	net_ping "$B" "$NET_IP_A"
	net_transfer "$A" "$B" "$NET_IP_B" "$mib"
	net_transfer "$B" "$A" "$NET_IP_A" "$mib_b"

	# Neither chip's driver raises max_mtu above Ethernet's: one byte more
	# is refused by the driver's limits, and the host's MTU goes back.
	max=1500
	ip -n "$B" link set dev uldd0 mtu $((max + 1))
	for _ in $(seq 50); do
		mtu=$(_nicpair_mtu_of "$B" uldd0)
		[ "$mtu" = $((max + 1)) ] || break
		sleep 0.1
	done
	[ "$mtu" = $max ] || fail "MTU $((max + 1)) on uldd0: the host's MTU is $mtu, not back at $max"
	grep -q "MTU $((max + 1)) is outside this device's" "$NET_ULDD_LOG" ||
		fail "no word about MTU $((max + 1)): $(cat "$NET_ULDD_LOG")"
	net_ping "$A" "$NET_IP_B" 1 $((max - 28))
	ok "MTU $((max + 1)) refused (the driver's max_mtu is $max): uldd0 is back at $max, full frames pass"

	# Each run serves the same traffic, so each must hold what the first did.
	for i in 1 2 3; do
		net_uldd_stop
		net_uldd_start "$so" "$addr" "$B" uldd0
		net_addr "$B" uldd0 "$NET_IP_B"
		net_wait_carrier "$B" uldd0
		net_ping "$A" "$NET_IP_B" 2
		net_ping "$B" "$NET_IP_A" 2
		if [ -z "$fd1" ]; then
			fd1=$(_nicpair_fds) th1=$(_nicpair_threads)
		else
			[ "$(_nicpair_fds)" -eq "$fd1" ] || fail "run $i holds $(_nicpair_fds) descriptors, run 1 held $fd1"
			[ "$(_nicpair_threads)" -eq "$th1" ] || fail "run $i has $(_nicpair_threads) threads, run 1 had $th1"
		fi
	done
	net_uldd_stop
	ok "3 stop/start cycles of uldd run: exit 0, traffic both ways, $fd1 descriptors and $th1 threads (workqueue workers aside) each time"
	ip -n "$A" addr flush dev netA
	ip -n "$A" link set dev netA down
}
