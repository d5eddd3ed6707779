# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Network helpers for the guest tests and benchmarks: two namespaces, side A
# and side B, each holding one end of a link between two emulated NICs on
# one QEMU hub. Side B is either the kernel's e1000 interface moved there, or
# the TAP of a 'uldd run' started inside namespace B. Source after lib.sh;
# call net_teardown when done (trap net_teardown EXIT).
#
#   net_setup                         fresh namespaces $NET_NS_A, $NET_NS_B
#   net_ifname ADDR                   prints the kernel interface of a PCI function
#   net_move ADDR NS NAME             moves that interface into NS, renamed NAME
#   net_return NS NAME                moves it back, with its old name and MTU
#   net_addr NS IF IP4 [IP6]          addresses IF (/24, /64) and sets it up
#   net_wait_carrier NS IF [SECS]     waits until IF carries traffic
#   net_mtu NS IF MTU                 sets the MTU, waits for the carrier again
#   net_ping NS DST [COUNT [SIZE]]    COUNT echo replies of SIZE bytes, or fail
#   net_transfer FROM TO DST MIB      TCP bulk transfer, SHA-256 compared
#   net_transfer_both MIB             MIB each way at once between A and B
#   net_rx_stats NS IF                prints "bytes packets" received on IF
#   net_bg NS SECS CMD...             CMD in NS in the background, under timeout
#   net_wait_listen NS PORT [SECS]    waits for a listening TCP socket
#   net_check_link IF_A IF_B MIB [MTU]  what the tests assert about a link
#   net_e1000_so SERIES               prints the path of that series' e1000 port
#   net_e1000_sources SERIES          checks its upstream sources, says how many
#   net_uldd_ready SO                 false, with NET_ERR, when uldd cannot serve a NIC
#   net_uldd_bind ADDR                hands ADDR to vfio-pci until net_teardown
#   net_uldd_start SO ADDR NS IF [PARAM=VAL]...  uldd run inside NS
#   net_uldd_stop                     SIGTERM, and it must exit 0
#   net_teardown                      undoes all of the above
#
# Every helper checks its own result and ends the script with lib.sh's fail.
# Side programs run under timeout(1): it puts them in their own process group
# and hands its SIGTERM to the whole group, so net_teardown can stop a
# pipeline in another namespace by one pid.

# The NET_ variables are this library's interface to its callers.
# shellcheck shell=bash disable=SC2034
NET_NS_A=ulddA
NET_NS_B=ulddB
NET_IP_A=10.9.0.1
NET_IP_B=10.9.0.2
NET_IP6_A=fd00:9::1
NET_IP6_B=fd00:9::2
NET_TMP=/tmp/uldd-net
# The random files transfers send, made once per size and kept for the
# boot (net_teardown leaves them): making 100 MiB costs seconds under TCG.
NET_DATA=/tmp/uldd-net-data
# The ported driver as 'uldd port' builds it (ported/e1000/manifest):
# NET_E1000_SO for tests that take one, and one build per kernel series
# for those that check them all.
NET_E1000_SO=$ULDD_BUILD/ported/6.1/e1000.so
NET_E1000_SERIES=(6.1 6.12)

# What net_teardown undoes: moved interfaces ("NS NAME" -> "ORIG MTU"),
# helper pids, the running uldd and the devices uldd took for it, with the
# driver each had before (none, or the one net_teardown must see again).
declare -A NET_MOVED=()
declare -A NET_ULDD_DRIVER=()
NET_PIDS=()
NET_ULDD_PID='' NET_ULDD_NS='' NET_ULDD_IF='' NET_ULDD_LOG=''
NET_ULDD_BOUND=()
NET_ERR='' NET_BG_PID=''
# Words net_uldd_start puts before uldd (a tool that runs it, such as
# valgrind and its options); empty for uldd alone. Such a tool makes it
# slower to start and to stop: the seconds each may take.
NET_ULDD_WRAP=()
NET_ULDD_START_SECS=60 NET_ULDD_STOP_SECS=20
# How long net_ping tries for a first reply.
NET_PING_SECS=10
# Results of the last net_transfer, for benchmarks.
NET_LAST_SECS='' NET_LAST_MBITS='' NET_LAST_MBITS_AB='' NET_LAST_MBITS_BA=''

net_setup() {
	net_teardown
	mkdir -p "$NET_TMP"
	local ns
	for ns in "$NET_NS_A" "$NET_NS_B"; do
		ip netns add "$ns" || fail "ip netns add $ns"
		ip -n "$ns" link set lo up || fail "lo up in $ns"
	done
}

# Builtins only (a glob), as lib.sh's driver_of. Called in $(...), so a
# failure must say so on stderr: stdout is the caller's variable.
net_ifname() {
	local p
	for p in /sys/bus/pci/devices/"$1"/net/*; do
		if [ -e "$p" ]; then
			echo "${p##*/}"
			return 0
		fi
	done
	echo "FAIL $1 has no network interface in this namespace (driver: $(driver_of "$1"))" >&2
	exit 1
}

net_move() { # ADDR NS NAME
	local orig mtu
	orig=$(net_ifname "$1")
	read -r mtu <"/sys/class/net/$orig/mtu"
	# One netlink request moves and renames (do_setlink passes the name to
	# the namespace change), so NAME never collides with a name in NS.
	ip link set dev "$orig" netns "$2" name "$3" || fail "cannot move $orig ($1) into $2 as $3"
	NET_MOVED["$2 $3"]="$orig $mtu"
}

# Back to the namespace of PID 1 (the guest's first one), down, without
# addresses (a namespace change drops them), with its old name and MTU.
net_return() { # NS NAME
	local orig mtu
	read -r orig mtu <<<"${NET_MOVED["$1 $2"]}"
	ip -n "$1" link set dev "$2" down mtu "$mtu" || fail "cannot reset $2 in $1"
	ip -n "$1" link set dev "$2" netns 1 name "$orig" || fail "cannot move $2 back from $1"
	unset 'NET_MOVED["$1 $2"]'
}

net_addr() { # NS IF IP4 [IP6]
	# nodad: duplicate address detection would hold the address back for
	# a second or two, and there is nobody else on this hub.
	ip -n "$1" -batch - <<-EOF || fail "cannot address $2 in $1"
		addr add $3/24 dev $2
		${4:+addr add $4/64 dev $2 nodad}
		link set dev $2 up
	EOF
}

# The flag LOWER_UP follows the driver's netif_carrier_on() at once, but the
# kernel attaches the real qdisc (before that the noop one drops every
# packet) in linkwatch, up to a second later, which is also where the
# operational state becomes UP. A TAP whose carrier never changed stays in
# state UNKNOWN, with its qdisc attached at open.
net_wait_carrier() { # NS IF [SECS]
	local deadline=$((SECONDS + ${3:-15})) line
	while :; do
		line=$(ip -n "$1" -o link show dev "$2" 2>/dev/null) || line=
		case $line in *,LOWER_UP\>*' state UP '* | *,LOWER_UP\>*' state UNKNOWN '*) return 0 ;; esac
		[ "$SECONDS" -lt "$deadline" ] || fail "no carrier on $2 in $1 after ${3:-15} s: ${line:-no such interface}"
		sleep 0.1
	done
}

# e1000 resets itself for a new MTU (the link drops and returns). A uldd TAP
# hands the change to its driver asynchronously, so the carrier may still be
# the old one when this returns: net_ping with a large SIZE proves the path.
net_mtu() { # NS IF MTU
	local up
	up=$(ip -n "$1" -o link show dev "$2") || fail "no $2 in $1"
	ip -n "$1" link set dev "$2" mtu "$3" || fail "cannot set MTU $3 on $2 in $1"
	case $up in *'<'*UP*'>'*) net_wait_carrier "$1" "$2" ;; esac
}

# Waits up to 10 s for a first reply (ARP, a link that just came up), then
# wants COUNT replies in a row. busybox's ping: iputils-ping is not in the
# host's base system. It needs no DF bit to prove a jumbo path: a frame
# larger than a receiver's MTU is dropped by its NIC, not fragmented.
net_ping() { # NS DST [COUNT [SIZE]]
	local count=${3:-3} size=${4:-56} out deadline=$((SECONDS + NET_PING_SECS))
	until ip netns exec "$1" busybox ping -q -c 1 -W 1 -s "$size" "$2" >/dev/null 2>&1; do
		[ "$SECONDS" -lt "$deadline" ] || fail "$1 cannot ping $2 (size $size) for $NET_PING_SECS s"
		sleep 0.2
	done
	out=$(ip netns exec "$1" busybox ping -q -c "$count" -i 0.2 -W 2 -s "$size" "$2" 2>&1) || true
	case $out in *" $count packets received"*) ;; *) fail "$1 ping $2 (size $size): $out" ;; esac
	ok "$1 -> $2: $count of $count echo replies, $size bytes"
}

# net_rx_stats NS IF: "bytes packets" received so far, from the kernel's
# counters of the interface; busybox-free so a benchmark can call it often.
net_rx_stats() {
	ip -n "$1" -s -o link show dev "$2" |
		sed -n 's/.*RX: *bytes *packets[^\\]*\\ *\([0-9]*\) *\([0-9]*\).*/\1 \2/p'
}

# Runs CMD in NS in the background for at most SECS seconds; its pid (that
# of timeout(1)) goes to NET_BG_PID and to the list net_teardown stops.
# Not in $(...): the caller must be the parent to wait for it.
net_bg() { # NS SECS CMD...
	local ns=$1 secs=$2
	shift 2
	timeout "$secs" ip netns exec "$ns" "$@" &
	NET_BG_PID=$!
	NET_PIDS+=("$NET_BG_PID")
}

_net_forget() { # PID: it was waited for
	local p keep=()
	for p in "${NET_PIDS[@]}"; do
		[ "$p" = "$1" ] || keep+=("$p")
	done
	NET_PIDS=("${keep[@]}")
}

# Waits until a TCP socket listens on PORT in NS.
net_wait_listen() { # NS PORT [SECS]
	local deadline=$((SECONDS + ${3:-10}))
	until [ -n "$(ip netns exec "$1" ss -Hltn "sport = :$2")" ]; do
		[ "$SECONDS" -lt "$deadline" ] || fail "nothing listens on port $2 in $1 after ${3:-10} s"
		sleep 0.1
	done
}

# MIB MiB of random data from FROM's namespace to DST (an address in TO's),
# over one TCP connection; the SHA-256 of what arrived must be the sent one.
# The receiver is busybox nc: it hashes the stream as it comes, so nothing
# but the sent file takes memory. The sender is bash's /dev/tcp (busybox nc
# would quit when the receiver, with nothing to say, closes its half). The
# data file is made and hashed once per size and kept for later transfers
# (in NET_DATA).
# The random file of MIB MiB in NET_DATA, made and hashed on first use:
# its path in _NET_FILE, its SHA-256 in _NET_SUM.
_net_data() { # MIB
	_NET_FILE=$NET_DATA/data-$1
	if [ ! -s "$_NET_FILE.sha256" ]; then
		mkdir -p "$NET_DATA"
		head -c "${1}M" /dev/urandom >"$_NET_FILE" || fail "cannot write $_NET_FILE"
		sha256sum <"$_NET_FILE" >"$_NET_FILE.sha256"
	fi
	read -r _NET_SUM _ <"$_NET_FILE.sha256"
}

# The receiving end in NS: hashes what arrives on PORT into OUT.sha256,
# then writes the time of the last byte to OUT.end. Started by net_bg.
_net_receiver() { # NS SECS PORT OUT
	rm -f "$4".*
	# shellcheck disable=SC2016 # expanded by the inner bash
	net_bg "$1" "$2" bash -c 'set -o pipefail
		busybox nc -l -p "$1" </dev/null | sha256sum >"$2.sha256"
		echo "$EPOCHREALTIME" >"$2.end"' _ "$3" "$4" 2>"$4.err"
}

# The sending end in NS: FILE to DST:PORT. Connection refused until the
# receiver listens: it retries for 10 s.
_net_send() { # NS SECS DST PORT FILE
	# shellcheck disable=SC2016 # expanded by the inner bash
	timeout "$2" ip netns exec "$1" bash -c '
		for _ in $(seq 100); do
			{ exec 3>"/dev/tcp/$1/$2"; } 2>/dev/null && exec cat "$3" >&3
			sleep 0.1
		done
		echo "cannot connect to $1 port $2" >&2
		exit 1' _ "$3" "$4" "$5"
}

# After the receiver OUT (pid PID) ends: its status, the SHA-256 of what it
# got against _NET_SUM, and "SECS MBITS" since START in _NET_RATE.
_net_received() { # PID OUT MIB START WHAT
	local rc=0 got end
	wait "$1" || rc=$?
	_net_forget "$1"
	[ "$rc" -eq 0 ] || fail "receiving $3 MiB ($5) failed (status $rc): $(<"$2.err")"
	read -r got _ <"$2.sha256" || got=
	[ "$got" = "$_NET_SUM" ] || fail "$3 MiB $5: received SHA-256 '$got', sent $_NET_SUM"
	read -r end <"$2.end"
	_NET_RATE=$(awk -v a="$4" -v b="$end" -v m="$3" 'BEGIN { printf "%.2f %.0f", b - a, m * 8 * 1.048576 / (b - a) }')
}

net_transfer() { # FROM TO DST MIB [PORT]
	local from=$1 to=$2 dst=$3 mib=$4 port=${5:-5001} rc=0 start limit=$((60 + $4)) pid
	_net_data "$mib"
	_net_receiver "$to" "$limit" "$port" "$NET_TMP/recv"
	pid=$NET_BG_PID
	start=$EPOCHREALTIME
	_net_send "$from" "$limit" "$dst" "$port" "$_NET_FILE" || rc=$?
	[ "$rc" -eq 0 ] || fail "sending $mib MiB from $from to $dst:$port failed (status $rc)"
	_net_received "$pid" "$NET_TMP/recv" "$mib" "$start" "$from -> $to"
	read -r NET_LAST_SECS NET_LAST_MBITS <<<"$_NET_RATE"
	ok "$mib MiB TCP $from -> $dst: SHA-256 equal, $NET_LAST_SECS s, $NET_LAST_MBITS Mbit/s"
}

# MIB MiB from A to B and MIB MiB from B to A at the same time, each over
# its own TCP connection, each SHA-256 compared: full duplex, so a driver's
# transmit and receive paths run together, and half the wall time of two
# transfers in turn. NET_LAST_MBITS_AB and NET_LAST_MBITS_BA: each
# direction's rate, from the start to its receiver's last byte.
net_transfer_both() { # MIB
	local mib=$1 limit=$((60 + 2 * $1)) start rc s_ab s_ba r_ab r_ba ab ba
	_net_data "$mib"
	_net_receiver "$NET_NS_B" "$limit" 5001 "$NET_TMP/recv-ab"
	r_ab=$NET_BG_PID
	_net_receiver "$NET_NS_A" "$limit" 5002 "$NET_TMP/recv-ba"
	r_ba=$NET_BG_PID
	start=$EPOCHREALTIME
	_net_send "$NET_NS_A" "$limit" "$NET_IP_B" 5001 "$_NET_FILE" &
	s_ab=$!
	_net_send "$NET_NS_B" "$limit" "$NET_IP_A" 5002 "$_NET_FILE" &
	s_ba=$!
	NET_PIDS+=("$s_ab" "$s_ba")
	rc=0
	wait "$s_ab" || rc=$?
	_net_forget "$s_ab"
	[ "$rc" -eq 0 ] || fail "sending $mib MiB (A->B) failed (status $rc)"
	wait "$s_ba" || rc=$?
	_net_forget "$s_ba"
	[ "$rc" -eq 0 ] || fail "sending $mib MiB (B->A) failed (status $rc)"
	_net_received "$r_ab" "$NET_TMP/recv-ab" "$mib" "$start" "A->B"
	ab=$_NET_RATE
	_net_received "$r_ba" "$NET_TMP/recv-ba" "$mib" "$start" "B->A"
	ba=$_NET_RATE
	NET_LAST_MBITS_AB=${ab#* } NET_LAST_MBITS_BA=${ba#* }
	ok "$mib MiB each way at once, SHA-256 equal: A->B ${ab% *} s, $NET_LAST_MBITS_AB Mbit/s; B->A ${ba% *} s, $NET_LAST_MBITS_BA Mbit/s"
}

# What a test asserts about a link, whichever driver serves each end:
# interface IF_A in $NET_NS_A and IF_B in $NET_NS_B, both down and without
# addresses. Addresses, carrier, pings both ways (IPv4 and IPv6), MIB MiB
# each way, then MTU 9000 (or the largest the NICs take, MTU): pings of
# that size and MIB MiB in such frames; MTU 1500 again at the end.
net_check_link() { # IF_A IF_B MIB [MTU]
	local a=$NET_NS_A b=$NET_NS_B start=$SECONDS bytes0 packets0 bytes1 packets1 avg
	local mtu=${4:-9000}
	net_addr "$a" "$1" "$NET_IP_A" "$NET_IP6_A"
	net_addr "$b" "$2" "$NET_IP_B" "$NET_IP6_B"
	net_wait_carrier "$a" "$1"
	net_wait_carrier "$b" "$2"
	ok "carrier on $1 ($a) and $2 ($b) after $((SECONDS - start)) s"

	net_ping "$a" "$NET_IP_B"
	net_ping "$b" "$NET_IP_A"
	net_ping "$a" "$NET_IP6_B"
	net_ping "$b" "$NET_IP6_A"
	net_transfer "$a" "$b" "$NET_IP_B" "$3"
	net_transfer "$b" "$a" "$NET_IP_A" "$3"

	net_mtu "$a" "$1" "$mtu"
	net_mtu "$b" "$2" "$mtu"
	# MTU - 28 bytes of ICMP payload make an IP packet of MTU bytes: one
	# frame, which a NIC still at MTU 1500 drops.
	net_ping "$a" "$NET_IP_B" 3 $((mtu - 28))
	net_ping "$b" "$NET_IP_A" 3 $((mtu - 28))
	read -r bytes0 packets0 <<<"$(net_rx_stats "$b" "$2")"
	net_transfer "$a" "$b" "$NET_IP_B" "$3"
	read -r bytes1 packets1 <<<"$(net_rx_stats "$b" "$2")"
	# The ACKs going the other way are small; the data frames must be large.
	avg=$(((bytes1 - bytes0) / (packets1 - packets0)))
	[ "$avg" -gt $((mtu * 4 / 9)) ] || fail "MTU $mtu transfer: $avg bytes per frame received on $2"
	ok "MTU $mtu: $((packets1 - packets0)) frames of $avg bytes on average received on $2"
	net_mtu "$a" "$1" 1500
	net_mtu "$b" "$2" 1500
	net_ping "$a" "$NET_IP_B" 1
}

net_e1000_so() { # SERIES
	echo "$ULDD_BUILD/ported/$1/e1000.so"
}

# The tree's files must still be those the port was recorded against: the
# guest tests name what they ran, and a changed file would make it a lie.
net_e1000_sources() { # SERIES
	local sums=$ULDD_TOP/ported/e1000/upstream-$1.sha256
	(cd "$ULDD_BUILD/linux-source-$1/drivers/net/ethernet/intel/e1000" &&
		sha256sum --quiet --strict -c "$sums") ||
		fail "the e1000 sources of linux-source-$1 differ from ${sums#"$ULDD_TOP"/}"
	ok "e1000.so of $1 is built from $(wc -l <"$sums") files of Linux $1, unmodified"
}

# Whether the uldd side can run: SO is built and 'uldd run' makes TAP
# interfaces (--ifname). The port's objects exist before the net layer is
# done, and a half-built stack is no verdict on the harness. If not, the
# reason is in NET_ERR.
net_uldd_ready() { # SO
	if [ ! -e "$1" ]; then
		NET_ERR="${1##*/} not built"
		return 1
	fi
	case $("$ULDD" help run 2>&1) in
	*--ifname*) ;;
	*)
		NET_ERR="'uldd run' has no --ifname yet"
		return 1
		;;
	esac
}

# Starts 'uldd run SO' on the PCI function ADDR in namespace NS, so that its
# TAP interface IF is born there, and waits until IF exists. ADDR is handed
# to vfio-pci first when needed, and given back by net_teardown.
# 'ip netns exec' execs uldd, so $! is uldd's own pid.
net_uldd_start() { # SO ADDR NS IF [PARAM=VAL]...
	local so=$1 addr=$2 ns=$3 ifname=$4 deadline=$((SECONDS + NET_ULDD_START_SECS))
	shift 4
	[ -z "$NET_ULDD_PID" ] || fail "uldd already runs (pid $NET_ULDD_PID)"
	net_uldd_bind "$addr"
	NET_ULDD_LOG=$NET_TMP/uldd-$ifname.log
	ip netns exec "$ns" "${NET_ULDD_WRAP[@]}" "$ULDD" run "$so" --device "$addr" \
		--ifname "$ifname" "$@" </dev/null >"$NET_ULDD_LOG" 2>&1 &
	NET_ULDD_PID=$! NET_ULDD_NS=$ns NET_ULDD_IF=$ifname
	until ip -n "$ns" link show dev "$ifname" >/dev/null 2>&1; do
		if ! kill -0 "$NET_ULDD_PID" 2>/dev/null; then
			local rc=0
			wait "$NET_ULDD_PID" || rc=$?
			NET_ULDD_PID=
			cat "$NET_ULDD_LOG"
			fail "uldd run ${so##*/} on $addr exited $rc before $ifname appeared in $ns"
		fi
		[ "$SECONDS" -lt "$deadline" ] ||
			fail "no $ifname in $ns $NET_ULDD_START_SECS s after uldd run ${so##*/}"
		sleep 0.1
	done
}

# Remembers the kernel driver ADDR had, which net_teardown gives it back to.
net_uldd_bind() { # ADDR
	local drv
	drv=$(driver_of "$1")
	[ "$drv" != vfio-pci ] || return 0
	"$ULDD" bind "$1" >/dev/null || fail "uldd bind $1"
	NET_ULDD_BOUND+=("$1")
	NET_ULDD_DRIVER["$1"]=$drv
}

# SIGTERM is uldd run's normal stop: the driver's remove runs and the TAP
# goes away; anything but exit status 0 within NET_ULDD_STOP_SECS is a failure.
net_uldd_stop() {
	_net_uldd_halt || fail "$NET_ERR"
}

# The body of net_uldd_stop, for net_teardown too: returns 1 with the reason
# in NET_ERR rather than failing. Not in a subshell: only the shell that
# started uldd can wait for it.
_net_uldd_halt() {
	local pid=$NET_ULDD_PID rc=0 deadline=$((SECONDS + NET_ULDD_STOP_SECS))
	[ -n "$pid" ] || return 0
	NET_ULDD_PID=
	kill -TERM "$pid" 2>/dev/null || true
	while kill -0 "$pid" 2>/dev/null; do
		if [ "$SECONDS" -ge "$deadline" ]; then
			kill -KILL "$pid" 2>/dev/null || true
			wait "$pid" 2>/dev/null || true
			cat "$NET_ULDD_LOG"
			NET_ERR="uldd run did not stop within $NET_ULDD_STOP_SECS s of SIGTERM"
			return 1
		fi
		sleep 0.1
	done
	wait "$pid" || rc=$?
	if [ "$rc" -ne 0 ]; then
		cat "$NET_ULDD_LOG"
		NET_ERR="uldd run exited $rc after SIGTERM"
		return 1
	fi
	if ip -n "$NET_ULDD_NS" link show dev "$NET_ULDD_IF" >/dev/null 2>&1; then
		NET_ERR="$NET_ULDD_IF still exists in $NET_ULDD_NS after uldd run stopped"
		return 1
	fi
}

# Idempotent, and safe from an EXIT trap after a failure: it does what it
# can and fails (exit 1) only after the last step, so one leftover does not
# hide another.
net_teardown() {
	local pid key ns addr bad=
	for pid in "${NET_PIDS[@]}"; do
		[ -z "$pid" ] || kill -TERM "$pid" 2>/dev/null || true
	done
	for pid in "${NET_PIDS[@]}"; do
		[ -z "$pid" ] || wait "$pid" 2>/dev/null || true
	done
	NET_PIDS=()
	_net_uldd_halt || {
		echo "FAIL $NET_ERR"
		bad+=" uldd-stop"
	}
	for key in "${!NET_MOVED[@]}"; do
		# shellcheck disable=SC2086 # "NS NAME"
		(net_return $key) || bad+=" return:${key// /:}"
		unset 'NET_MOVED["$key"]'
	done
	for ns in "$NET_NS_A" "$NET_NS_B"; do
		[ ! -e "/run/netns/$ns" ] || ip netns del "$ns" || bad+=" netns:$ns"
	done
	if [ ${#NET_ULDD_BOUND[@]} -gt 0 ]; then
		"$ULDD" unbind "${NET_ULDD_BOUND[@]}" >/dev/null || bad+=" unbind"
		for addr in "${NET_ULDD_BOUND[@]}"; do
			[ "${NET_ULDD_DRIVER[$addr]}" = none ] ||
				[ "$(driver_of "$addr")" = "${NET_ULDD_DRIVER[$addr]}" ] ||
				bad+=" driver:$addr"
		done
		NET_ULDD_BOUND=()
		NET_ULDD_DRIVER=()
	fi
	rm -rf "$NET_TMP"
	[ -z "$bad" ] || fail "net_teardown could not undo:$bad"
}
