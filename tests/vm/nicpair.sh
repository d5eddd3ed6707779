# SPDX-License-Identifier: GPL-2.0-only OR MIT
# One cell of the NIC matrix (t-matrix.sh): the port of one driver from one
# kernel tree on NIC B of a QEMU model, beside the guest kernel's own driver
# for the same model on NIC A, both NICs on one hub. Source after lib.sh and
# netlib.sh.
#
#   nic_kernel_side MODULE ADDR   loads MODULE from the guest's kernel package;
#                                 ADDR must get an interface from it
#   nic_cell DRV TREE             every check below, for ported/TREE/DRV.so;
#                                 run it in a subshell: it ends with fail()
#   nic_restart [PARAM=VAL]...    for a driver's own checks: uldd run again
#   nic_ifcycles                  for a driver's own checks: 2 ifdown/ifup
#
# nic_cell reads NIC_A and NIC_B (PCI addresses), NIC_KMOD (the kernel's
# driver of the model), NIC_FOLDER (the driver's folder in the tree),
# NIC_MAC (B's), NIC_PROBE (a grep -E pattern for the probe line, which
# must also hold the MAC), NIC_MIB and NIC_MIB_MTU (transfer sizes; with
# NIC_MIB_BA, B sends that much after A's NIC_MIB, in turn). If the
# caller defines nic_extra_DRV, it runs after the common link checks with
# uldd running and both sides addressed, and must leave them so; nic_restart
# helps. NIC_ONCE is 1 in a driver's first cell (the first tree the matrix
# runs it from), 0 in the next: a driver's own checks of what no tree's
# code takes part in (uldd's confinement, its parameter parsing, its TAP)
# run in the first only. NIC_MBITS ends as "A->B B->A" of the transfer, for
# the table.

# shellcheck shell=bash disable=SC2034,SC2119,SC2120

NIC_MBITS='' NIC_T0=0

# A heading per part of the cell, with the seconds since the cell began:
# where the time of a cell goes.
_nic_part() { # WHAT
	echo "-- $1 (at $((SECONDS - NIC_T0)) s)"
}

nic_kernel_side() { # MODULE ADDR
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
}

# The files the port compiled must be the tree's, as recorded.
_nic_sources() { # DRV TREE
	local sums=$ULDD_TOP/ported/$1/upstream-$2.sha256
	(cd "$ULDD_BUILD/linux-source-$2/$NIC_FOLDER" && sha256sum --quiet --strict -c "$sums") ||
		fail "Linux $2's $1 differs from ${sums#"$ULDD_TOP"/}"
	[ -e "$ULDD_BUILD/ported/$2/$1.so" ] || fail "ported/$2/$1.so is not built: make ported"
	ok "$1.so is built from $(wc -l <"$sums") files of Linux $2, unmodified"
}

_nic_fds() {
	local e=("/proc/$NET_ULDD_PID/fd"/*)
	echo ${#e[@]}
}

# The system workqueues ("events...") start their workers on their first
# item, which a driver's media timer queues in one run and not in the
# next: those are left out; every other thread is the run's own.
_nic_threads() {
	local t n=0 comm
	for t in "/proc/$NET_ULDD_PID/task"/*; do
		read -r comm <"$t/comm" || continue
		[[ $comm == events* ]] || n=$((n + 1))
	done
	echo $n
}

_nic_mtu() { # NS IF
	ip -n "$1" -o link show dev "$2" | sed -n 's/.* mtu \([0-9]*\) .*/\1/p'
}

# uldd run again (after net_uldd_stop), addressed, with carrier and a ping.
nic_restart() { # [PARAM=VAL]...
	net_uldd_start "$NIC_SO" "$NIC_B" "$NET_NS_B" uldd0 "$@"
	net_addr "$NET_NS_B" uldd0 "$NET_IP_B" "$NET_IP6_B"
	net_wait_carrier "$NET_NS_B" uldd0
	net_ping "$NET_NS_A" "$NET_IP_B" 2
}

# Frames that reached the host side of B, as its counters say.
_nic_rx_packets() {
	local bytes packets
	read -r bytes packets <<<"$(net_rx_stats "$NET_NS_B" uldd0)"
	echo "$packets"
}

# COUNT UDP datagrams from A to DST, port 9 (discard), none answered;
# prints how many frames B's host side received meanwhile: what B's
# receive filters let through. bash's /dev/udp, so no reply is waited for
# (ping waits a second for one); 5 ms apart (a read that times out on a
# pipe nobody writes), so a chip with a small ring (ne2k) keeps up. The
# count is read after 0.3 s and, short of COUNT, again until it holds
# still for 0.2 s (3 s at most): on a loaded host the last frames may
# still be on their way up.
_nic_flood() { # DST COUNT
	local before after last i
	before=$(_nic_rx_packets)
	# shellcheck disable=SC2016 # expanded by the inner bash
	ip netns exec "$NET_NS_A" bash -c 'exec 3<> <(:)
		for ((i = 0; i < $2; i++)); do
			echo flood >"/dev/udp/$1/9"
			read -rt 0.005 -u 3 || :
		done' _ "$1" "$2" 2>/dev/null || true
	sleep 0.3
	after=$(_nic_rx_packets)
	for ((i = 0; i < 15 && after - before < $2; i++)); do
		sleep 0.2
		last=$after
		after=$(_nic_rx_packets)
		[ "$after" != "$last" ] || break
	done
	echo $((after - before))
}

# The largest MTU the kernel's driver gives the model (its max_mtu, which
# ip -d shows): the port of the same driver must keep the same limit. A
# jumbo MTU, where the chip has one, must carry full frames both ways.
_nic_mtu_checks() {
	local A=$NET_NS_A B=$NET_NS_B max jumbo mtu avg b0 p0 b1 p1
	max=$(ip -d -n "$A" -o link show dev netA | sed -n 's/.* maxmtu \([0-9]*\).*/\1/p')
	[ -n "$max" ] || fail "no maxmtu in 'ip -d link show netA'"
	if [ "$max" -gt 1500 ]; then
		jumbo=$((max < 9000 ? max : 9000))
		net_mtu "$A" netA "$jumbo"
		net_mtu "$B" uldd0 "$jumbo"
		net_ping "$A" "$NET_IP_B" 3 $((jumbo - 28))
		net_ping "$B" "$NET_IP_A" 3 $((jumbo - 28))
		read -r b0 p0 <<<"$(net_rx_stats "$B" uldd0)"
		net_transfer "$A" "$B" "$NET_IP_B" "$NIC_MIB_MTU"
		read -r b1 p1 <<<"$(net_rx_stats "$B" uldd0)"
		# The ACKs going the other way are small; the data frames must be large.
		avg=$(((b1 - b0) / (p1 - p0)))
		[ "$avg" -gt $((jumbo * 4 / 9)) ] || fail "MTU $jumbo transfer: $avg bytes per frame on uldd0"
		ok "MTU $jumbo both sides: full-size pings both ways; $NIC_MIB_MTU MiB in frames of $avg bytes on average"
		net_mtu "$A" netA 1500
		net_mtu "$B" uldd0 1500
	fi
	ip -n "$B" link set dev uldd0 mtu $((max + 1))
	for _ in $(seq 50); do
		mtu=$(_nic_mtu "$B" uldd0)
		[ "$mtu" = $((max + 1)) ] || break
		sleep 0.1
	done
	[ "$mtu" = 1500 ] || fail "MTU $((max + 1)) on uldd0: the host's MTU is $mtu, not back at 1500"
	grep -q "MTU $((max + 1)) is outside this device's [0-9]*\.\.$max:" "$NET_ULDD_LOG" ||
		fail "no word about MTU $((max + 1)) beyond $max: $(grep MTU "$NET_ULDD_LOG")"
	net_ping "$A" "$NET_IP_B" 1 1472
	ok "MTU $((max + 1)) refused: the port's max_mtu is $max, as the kernel's $NIC_KMOD's; uldd0 back at 1500, full frames pass"
}

# What the host sets on uldd0 must reach the chip's receive filters. An
# open filter lets at least half of 40 frames through (a small ring on a
# loaded host drops some: ne2k-pci took 30 of 40 once while the host was
# compiling), a closed one at most 2.
_nic_filter_checks() {
	local A=$NET_NS_A B=$NET_NS_B n
	ip -n "$A" neigh replace "$NET_IP_B" lladdr 02:00:00:00:0e:99 dev netA nud permanent
	n=$(_nic_flood "$NET_IP_B" 40)
	[ "$n" -le 2 ] || fail "uldd0 received $n of 40 frames for another MAC while not promiscuous"
	ip -n "$B" link set dev uldd0 promisc on
	sleep 0.5
	n=$(_nic_flood "$NET_IP_B" 40)
	[ "$n" -ge 20 ] || fail "promiscuous uldd0 received only $n of 40 frames for another MAC"
	ip -n "$B" link set dev uldd0 promisc off
	sleep 0.5
	n=$(_nic_flood "$NET_IP_B" 40)
	[ "$n" -le 2 ] || fail "uldd0 still receives frames for another MAC ($n of 40) after promisc off"
	ip -n "$A" neigh del "$NET_IP_B" dev netA
	ok "promiscuous mode on and off switches the chip's unicast filter (40 frames for another MAC each time)"

	ip -n "$A" route replace 224.0.0.0/4 dev netA
	n=$(_nic_flood 224.1.2.3 40)
	[ "$n" -le 2 ] || fail "uldd0 received $n of 40 frames for a group it did not join"
	ip -n "$B" maddr add 01:00:5e:01:02:03 dev uldd0
	sleep 1
	n=$(_nic_flood 224.1.2.3 40)
	[ "$n" -ge 20 ] || fail "uldd0 received $n of 40 frames for a group it joined"
	ip -n "$B" maddr del 01:00:5e:01:02:03 dev uldd0
	sleep 1
	n=$(_nic_flood 224.1.2.3 40)
	[ "$n" -le 2 ] || fail "uldd0 received $n of 40 frames after leaving the group"
	ip -n "$A" route del 224.0.0.0/4 dev netA
	ok "joining and leaving 01:00:5e:01:02:03 on uldd0 programs the chip's multicast filter"
}

# ifdown/ifup keeps the process's descriptors and threads (a driver's own
# checks call it: each cycle costs a link negotiation). Two cycles: a leak
# of either shows after the first; the second shows the counts hold.
nic_ifcycles() {
	local fd0 th0
	fd0=$(_nic_fds) th0=$(_nic_threads)
	for _ in 1 2; do
		ip -n "$NET_NS_B" link set dev uldd0 down
		ip -n "$NET_NS_B" link set dev uldd0 up
		net_wait_carrier "$NET_NS_B" uldd0
		net_ping "$NET_NS_A" "$NET_IP_B" 2
	done
	[ "$(_nic_fds)" -eq "$fd0" ] || fail "ifdown/ifup cycles: $fd0 descriptors before, $(_nic_fds) after"
	[ "$(_nic_threads)" -eq "$th0" ] || fail "ifdown/ifup cycles: $th0 threads before, $(_nic_threads) after"
	ok "2 ifdown/ifup cycles: still $fd0 descriptors and $th0 threads"
}

# Two fresh runs: each exits 0 and passes traffic, and the second holds
# the descriptors and threads the first did. (Three runs, until CI's time
# was cut: a third repeated the second's comparison.)
_nic_cycles() {
	local B=$NET_NS_B fd1='' th1='' i
	for i in 1 2; do
		net_uldd_stop
		nic_restart
		net_ping "$B" "$NET_IP_A" 2
		if [ -z "$fd1" ]; then
			fd1=$(_nic_fds) th1=$(_nic_threads)
		else
			[ "$(_nic_fds)" -eq "$fd1" ] || fail "run $i holds $(_nic_fds) descriptors, run 1 held $fd1"
			[ "$(_nic_threads)" -eq "$th1" ] || fail "run $i has $(_nic_threads) threads, run 1 had $th1"
		fi
	done
	net_uldd_stop
	ok "2 stop/start cycles of uldd run: exit 0, traffic both ways, $fd1 descriptors and $th1 threads each time (workqueue workers aside)"
}

# For the EXIT trap: a failure shows the end of the driver's log and both
# sides' counters, then undoes everything.
_nic_teardown() {
	if [ -n "$NET_ULDD_PID" ] && [ -e "$NET_ULDD_LOG" ]; then
		echo "---- the last lines of $NET_ULDD_LOG ----"
		tail -n 30 "$NET_ULDD_LOG"
		echo "---- both sides as the failure left them ----"
		ip -n "$NET_NS_A" -s link show dev netA || true
		ip -n "$NET_NS_B" -s link show dev uldd0 || true
	fi
	net_teardown
}

nic_cell() { # DRV TREE
	local drv=$1 tree=$2 A=$NET_NS_A B=$NET_NS_B extra=nic_extra_${1//-/_}
	NIC_SO=$ULDD_BUILD/ported/$tree/$drv.so
	NIC_T0=$SECONDS
	_nic_sources "$drv" "$tree"
	net_setup
	trap _nic_teardown EXIT
	net_move "$NIC_A" "$A" netA

	net_uldd_start "$NIC_SO" "$NIC_B" "$B" uldd0
	grep -E "$NIC_PROBE" "$NET_ULDD_LOG" | grep -q "$NIC_MAC" ||
		fail "$drv's probe did not print $NIC_MAC: $(cat "$NET_ULDD_LOG")"
	grep -E "$NIC_PROBE" "$NET_ULDD_LOG" | sed 's/^/    /'
	ip -n "$B" link show dev uldd0 | grep -q "link/ether $NIC_MAC" || fail "uldd0 does not carry $NIC_MAC"
	ok "probe read $NIC_MAC from the chip; the TAP has it"
	# Port I/O on an I/O BAR takes the direct path (shim/drivers/pci/ioport.c):
	# uldd run grants the ports before it drops root (x86-64), so no fall-back line.
	! grep "port I/O through VFIO" "$NET_ULDD_LOG" || fail "$drv's probe fell back to VFIO's port I/O (above)"

	net_addr "$A" netA "$NET_IP_A" "$NET_IP6_A"
	net_addr "$B" uldd0 "$NET_IP_B" "$NET_IP6_B"
	net_wait_carrier "$A" netA
	net_wait_carrier "$B" uldd0
	ok "carrier on netA (the kernel's $NIC_KMOD) and uldd0"
	net_ping "$A" "$NET_IP_B"
	net_ping "$B" "$NET_IP_A"
	net_ping "$A" "$NET_IP6_B"
	net_ping "$B" "$NET_IP6_A"
	_nic_part transfers
	if [ -z "${NIC_MIB_BA:-}" ]; then
		net_transfer_both "$NIC_MIB"
		NIC_MBITS="$NET_LAST_MBITS_AB $NET_LAST_MBITS_BA"
	else
		net_transfer "$A" "$B" "$NET_IP_B" "$NIC_MIB"
		NIC_MBITS=$NET_LAST_MBITS
		net_transfer "$B" "$A" "$NET_IP_A" "$NIC_MIB_BA"
		NIC_MBITS+=" $NET_LAST_MBITS"
	fi
	_nic_part MTU
	_nic_mtu_checks
	_nic_part "receive filters"
	_nic_filter_checks
	if declare -F "$extra" >/dev/null; then
		_nic_part "$drv's own checks"
		"$extra" "$tree"
	fi
	# The shim's checkers (sleeping while atomic, WARN_ON, an interrupt
	# nobody handled) speak in the log: after the traffic it must be clean.
	! grep -E "BUG|WARNING|unhandled|nobody cared" "$NET_ULDD_LOG" ||
		fail "the driver's log has complaints (above)"
	ok "no BUG, WARNING or unhandled interrupt in the driver's log"
	_nic_part "stop/start"
	_nic_cycles
	_nic_part teardown
	trap - EXIT
	net_teardown
	[ "$(driver_of "$NIC_B")" = "$NIC_KMOD" ] ||
		fail "$NIC_B is on $(driver_of "$NIC_B") after teardown, not the kernel's $NIC_KMOD"
	ok "$NIC_B is back on the kernel's $NIC_KMOD"
}
