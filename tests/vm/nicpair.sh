# SPDX-License-Identifier: GPL-2.0-only OR MIT
# One NIC model twice on one QEMU hub: the guest kernel's own driver on side
# A, a ported driver under 'uldd run' on side B. For the 10/100 chips whose
# drivers keep Ethernet's 1500-byte MTU (ne2k-pci, pcnet32). Source after
# lib.sh and netlib.sh.
#
#   pair_sources OBJ FOLDER SERIES...     the trees' files are the recorded ones
#   pair_kernel_side MODULE ADDR          modprobe MODULE, ADDR's interface to A as netA
#   pair_tree SO ADDR MAC PROBE_RE MIB [PARAM=VAL]...  the checks, one tree's port
#   portio_vfio SO ADDR MIB [PARAM=VAL]...  MIB each way with ULDD_PORTIO=vfio

# shellcheck shell=bash

pair_sources() { # OBJ FOLDER SERIES...
	local obj=$1 folder=$2 tree
	shift 2
	for tree in "$@"; do
		(cd "$ULDD_BUILD/linux-source-$tree/$folder" &&
			sha256sum --quiet --strict -c "$ULDD_TOP/ported/$obj/upstream-$tree.sha256") ||
			fail "Linux $tree's $obj differs from ported/$obj/upstream-$tree.sha256"
		[ -e "$ULDD_BUILD/ported/$tree/$obj.so" ] ||
			fail "$ULDD_BUILD/ported/$tree/$obj.so is not built: make ported"
	done
	ok "$obj.so of Linux $* is built from the trees' files, unmodified"
}

pair_kernel_side() { # MODULE ADDR
	[ -n "$ULDD_MODROOT" ] || skip "the guest kernel's modules are not in the build share"
	find "$ULDD_MODROOT/lib/modules" -name "$1.ko*" | grep -q . ||
		fail "no $1.ko in the guest kernel's module tree $ULDD_MODROOT"
	modprobe -d "$ULDD_MODROOT" "$1" || fail "modprobe $1 from $ULDD_MODROOT"
	for _ in $(seq 50); do
		[ ! -d "/sys/bus/pci/devices/$2/net" ] || break
		sleep 0.1
	done
	[ "$(driver_of "$2")" = "$1" ] || fail "$2 is on $(driver_of "$2"), not the kernel's $1"
	ok "the guest kernel's $1 drives $2 (side A)"
	net_setup
	trap net_teardown EXIT
	net_move "$2" "$NET_NS_A" netA
}

_pair_count() { # FOLDER of /proc/PID: its entries
	local e=("/proc/$NET_ULDD_PID/$1"/*)
	echo ${#e[@]}
}

_pair_start() { # SO ADDR [PARAM=VAL]...
	local so=$1 addr=$2
	shift 2
	net_uldd_start "$so" "$addr" "$NET_NS_B" uldd0 "$@"
	net_addr "$NET_NS_B" uldd0 "$NET_IP_B"
	net_wait_carrier "$NET_NS_B" uldd0
	net_ping "$NET_NS_A" "$NET_IP_B" 2
}

# Port I/O on an I/O BAR took the direct path (shim/drivers/pci/ioport.c):
# the guest runs uldd as root on x86-64, so no fall-back line.
portio_direct() {
	! grep "port I/O through VFIO" "$NET_ULDD_LOG" ||
		fail "the probe fell back to VFIO's port I/O (above)"
}

# The driver once more with ULDD_PORTIO=vfio, each port access a VFIO
# system call as before the direct path: its probe says so, MIB each way
# pass, and the Mbit/s stand beside the direct path's of the same boot.
# Side A's netA is down and unaddressed, as pair_tree and nicpair_tree leave it.
portio_vfio() { # SO ADDR MIB [PARAM=VAL]...
	local so=$1 addr=$2 mib=$3 a=$NET_NS_A b=$NET_NS_B
	shift 3
	export ULDD_PORTIO=vfio
	net_uldd_start "$so" "$addr" "$b" uldd0 "$@"
	unset ULDD_PORTIO
	grep -q "port I/O through VFIO (ULDD_PORTIO=vfio" "$NET_ULDD_LOG" ||
		fail "ULDD_PORTIO=vfio: no word of VFIO's port I/O: $(cat "$NET_ULDD_LOG")"
	net_addr "$a" netA "$NET_IP_A"
	net_addr "$b" uldd0 "$NET_IP_B"
	net_wait_carrier "$a" netA
	net_wait_carrier "$b" uldd0
	net_ping "$a" "$NET_IP_B"
	net_transfer "$a" "$b" "$NET_IP_B" "$mib"
	net_transfer "$b" "$a" "$NET_IP_A" "$mib"
	net_uldd_stop
	ip -n "$a" addr flush dev netA
	ip -n "$a" link set dev netA down
	ok "ULDD_PORTIO=vfio: port I/O through VFIO, $mib MiB each way (Mbit/s above)"
}

pair_tree() { # SO ADDR MAC PROBE_RE MIB [PARAM=VAL]...
	local so=$1 addr=$2 mac=$3 probe_re=$4 mib=$5 a=$NET_NS_A b=$NET_NS_B
	local mtu fd1='' th1='' i start=$SECONDS
	shift 5
	net_uldd_start "$so" "$addr" "$b" uldd0 "$@"
	grep -Eq "$probe_re" "$NET_ULDD_LOG" ||
		fail "${so##*/}'s probe did not print $mac: $(cat "$NET_ULDD_LOG")"
	grep -E "$probe_re" "$NET_ULDD_LOG" | sed 's/^/    /'
	ip -n "$b" link show dev uldd0 | grep -q "link/ether $mac" || fail "uldd0 does not carry $mac"
	portio_direct
	ok "probe read $mac from the chip over direct port I/O; the TAP has it"

	net_addr "$a" netA "$NET_IP_A" "$NET_IP6_A"
	net_addr "$b" uldd0 "$NET_IP_B" "$NET_IP6_B"
	net_wait_carrier "$a" netA
	net_wait_carrier "$b" uldd0
	ok "carrier on netA ($a) and uldd0 ($b) after $((SECONDS - start)) s"
	net_ping "$a" "$NET_IP_B"
	net_ping "$b" "$NET_IP_A"
	net_ping "$a" "$NET_IP6_B"
	net_ping "$b" "$NET_IP6_A"
	net_transfer "$a" "$b" "$NET_IP_B" "$mib"
	net_transfer "$b" "$a" "$NET_IP_A" "$mib"

	# The driver keeps ether_setup's max_mtu of 1500: the host's change
	# must be refused and rolled back, and traffic must go on.
	ip -n "$b" link set dev uldd0 mtu 1501
	for _ in $(seq 50); do
		mtu=$(ip -n "$b" -o link show dev uldd0 | sed -n 's/.* mtu \([0-9]*\) .*/\1/p')
		[ "$mtu" = 1501 ] || break
		sleep 0.1
	done
	[ "$mtu" = 1500 ] || fail "MTU 1501 on uldd0: the host's MTU is $mtu, not back at 1500"
	grep -q "MTU 1501 is outside this device's" "$NET_ULDD_LOG" ||
		fail "no word about MTU 1501: $(cat "$NET_ULDD_LOG")"
	net_ping "$a" "$NET_IP_B" 1 1472
	ok "MTU 1501 refused (the driver's max_mtu is 1500): uldd0 is back at 1500, full frames pass"

	# The shim's checkers (sleeping while atomic, WARN_ON, an interrupt
	# nobody handled) speak in the log: after the traffic it must be clean.
	! grep -E "BUG|WARNING|unhandled|nobody cared" "$NET_ULDD_LOG" ||
		fail "the driver's log has complaints (above)"
	ok "no BUG, WARNING or unhandled interrupt in the driver's log"

	# Each run serves the same traffic, so each must hold what the first did.
	for i in 1 2 3; do
		net_uldd_stop
		_pair_start "$so" "$addr" "$@"
		net_ping "$b" "$NET_IP_A" 2
		if [ -z "$fd1" ]; then
			fd1=$(_pair_count fd) th1=$(_pair_count task)
		else
			[ "$(_pair_count fd)" -eq "$fd1" ] || fail "run $i holds $(_pair_count fd) descriptors, run 1 held $fd1"
			[ "$(_pair_count task)" -eq "$th1" ] || fail "run $i has $(_pair_count task) threads, run 1 had $th1"
		fi
	done
	net_uldd_stop
	ip -n "$a" addr flush dev netA
	ip -n "$a" link set dev netA down
	ok "3 stop/start cycles of uldd run: exit 0, traffic both ways, $fd1 descriptors and $th1 threads each time"
}

# The same checks as written for t-tulip.sh and t-e100.sh, in parallel with the
# pair_* set above (nicpair_tree also takes a second transfer size and
# nicpair_teardown prints the driver's last words): to be made one.
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
	portio_direct
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
