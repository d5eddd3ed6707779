#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# bench_net, run inside the guest: iperf3 between two NICs of one model on
# one QEMU hub, NIC A always on the kernel's driver in namespace A, NIC B in
# namespace B first on the kernel's driver, then on uldd's port of the same
# driver in the same boot, on the same emulated devices. Every NIC model
# uldd has a port for, each on a hub of its own (model: the guest kernel's
# driver against 'uldd run' of the same driver's port, Linux 6.1's, or
# BENCH_TREE's): e1000 (e1000), rtl8139 (8139cp), e1000e (e1000e), vmxnet3
# (vmxnet3), ne2k_pci (ne2k-pci), pcnet (pcnet32), tulip (tulip), i82557b
# (e100). Measured per model: TCP throughput both ways, the 64-byte UDP
# packet rate both ways and its loss, CPU time per GiB (the guest's, and
# the uldd process's share), and the ratio uldd / kernel. One summary table
# at the end, a block of three rows per model (kernel, uldd, ratio), also
# saved to BUILD/results/bench-net.txt. Then, for each model with a
# throughput ratio below 0.9, a profile from the same boot: per frame, the
# guest's context switches and the interrupts on NIC B's line for both
# drivers, and the uldd process's context switches and read/write system
# calls; and 'strace -c' on the uldd process during one more TCP run (not
# measured: strace slows it). A table, not a test. TCG makes absolute
# numbers meaningless, and 10/100 chips are slow there anyway: the ratios
# are the result. A run that fails (the kernel's e100 receiver wedges
# after an overrun) leaves its cells empty, says so under the table, and
# both links are reset for the next run.
# Knobs (vm-env): BENCH_NICS="ne2k_pci tulip" measures those models only;
# BENCH_ROUNDS (default 3) rounds; BENCH_SECS (default 8) seconds per run;
# BENCH_TREE=6.12 runs the ports of Linux 6.12. BENCH_DEBUG="lockdep dma"
# also measures uldd with each of those checkers on (uldd run --debug=X;
# "all" for every one), in the same rounds, and adds a table of what each
# costs against uldd without it; kasan runs the KASAN-instrumented build
# (make kasan) where there is one.
# Model i (0-7) is on hub i+1: NIC A on pcie.0 at slot 0x10+i, NIC B behind
# root port i+1 (chassis i+1, slot 0x8+i), so on bus i+1. q35 routes INTx
# of pcie.0 slot S to PIRQ E-H by S mod 4, and a root port passes its
# device's on as its own: NIC A and NIC B of a model share a line, and
# with uldd, each of A's interrupts also runs vfio-pci's check of B.
# vm-devices: -netdev hubport,id=n1,hubid=1 -device e1000,netdev=n1,addr=0x10,mac=52:54:00:10:00:0a
# vm-devices: -device pcie-root-port,id=rp1,bus=pcie.0,chassis=1,addr=0x8
# vm-devices: -netdev hubport,id=n2,hubid=1 -device e1000,netdev=n2,bus=rp1,mac=52:54:00:10:00:0b
# vm-devices: -netdev hubport,id=n3,hubid=2 -device rtl8139,netdev=n3,addr=0x11,mac=52:54:00:81:39:0a
# vm-devices: -device pcie-root-port,id=rp2,bus=pcie.0,chassis=2,addr=0x9
# vm-devices: -netdev hubport,id=n4,hubid=2 -device rtl8139,netdev=n4,bus=rp2,mac=52:54:00:81:39:0b
# vm-devices: -netdev hubport,id=n5,hubid=3 -device e1000e,netdev=n5,addr=0x12,mac=52:54:00:0e:1e:0a
# vm-devices: -device pcie-root-port,id=rp3,bus=pcie.0,chassis=3,addr=0xa
# vm-devices: -netdev hubport,id=n6,hubid=3 -device e1000e,netdev=n6,bus=rp3,mac=52:54:00:0e:1e:00
# vm-devices: -netdev hubport,id=n7,hubid=4 -device vmxnet3,netdev=n7,addr=0x13,mac=52:54:00:0e:30:0a
# vm-devices: -device pcie-root-port,id=rp4,bus=pcie.0,chassis=4,addr=0xb
# vm-devices: -netdev hubport,id=n8,hubid=4 -device vmxnet3,netdev=n8,bus=rp4,mac=52:54:00:0e:30:00
# vm-devices: -netdev hubport,id=n9,hubid=5 -device ne2k_pci,netdev=n9,addr=0x14,mac=52:54:00:80:29:0a
# vm-devices: -device pcie-root-port,id=rp5,bus=pcie.0,chassis=5,addr=0xc
# vm-devices: -netdev hubport,id=n10,hubid=5 -device ne2k_pci,netdev=n10,bus=rp5,mac=52:54:00:80:29:0b
# vm-devices: -netdev hubport,id=n11,hubid=6 -device pcnet,netdev=n11,addr=0x15,mac=52:54:00:20:00:0a
# vm-devices: -device pcie-root-port,id=rp6,bus=pcie.0,chassis=6,addr=0xd
# vm-devices: -netdev hubport,id=n12,hubid=6 -device pcnet,netdev=n12,bus=rp6,mac=52:54:00:20:00:0b
# vm-devices: -netdev hubport,id=n13,hubid=7 -device tulip,netdev=n13,addr=0x16,mac=52:54:00:21:14:0a
# vm-devices: -device pcie-root-port,id=rp7,bus=pcie.0,chassis=7,addr=0xe
# vm-devices: -netdev hubport,id=n14,hubid=7 -device tulip,netdev=n14,bus=rp7,mac=52:54:00:21:14:0b
# vm-devices: -netdev hubport,id=n15,hubid=8 -device i82557b,netdev=n15,addr=0x17,mac=52:54:00:e1:00:0a
# vm-devices: -device pcie-root-port,id=rp8,bus=pcie.0,chassis=8,addr=0xf
# vm-devices: -netdev hubport,id=n16,hubid=8 -device i82557b,netdev=n16,bus=rp8,mac=52:54:00:e1:00:0b
# vm-env: BENCH_NICS BENCH_ROUNDS BENCH_SECS BENCH_TREE BENCH_DEBUG
# vm-timeout: 7200
set -euo pipefail
. "$ULDD_TOP/tests/vm/lib.sh"
. "$ULDD_TOP/tests/vm/netlib.sh"
. "$ULDD_TOP/tests/vm/nicpair.sh"

A=$NET_NS_A B=$NET_NS_B
models=(e1000 rtl8139 e1000e vmxnet3 ne2k_pci pcnet tulip i82557b)
# Per model: the kernel's driver, which uldd's port is of too.
declare -A kdrv=([e1000]=e1000 [rtl8139]=8139cp [e1000e]=e1000e [vmxnet3]=vmxnet3
	[ne2k_pci]=ne2k-pci [pcnet]=pcnet32 [tulip]=tulip [i82557b]=e100)
declare -A nic_a=() nic_b=() so=()
tree=${BENCH_TREE:-6.1}
for i in "${!models[@]}"; do
	m=${models[$i]}
	nic_a[$m]=$(printf '0000:00:%02x.0' $((0x10 + i)))
	nic_b[$m]=$(printf '0000:%02x:00.0' $((i + 1)))
	so[$m]=$ULDD_BUILD/ported/$tree/${kdrv[$m]}.so
done
read -ra nics <<<"${BENCH_NICS:-${models[*]}}"
read -ra checkers <<<"${BENCH_DEBUG:-}"
for m in "${nics[@]}"; do
	[ -n "${kdrv[$m]:-}" ] || fail "BENCH_NICS: no model $m; the models are: ${models[*]}"
done
secs=${BENCH_SECS:-8} # measured seconds per run, after one omitted second of slow start
# Runs of one configuration differ by up to 30% under TCG (the host's other
# load moves QEMU's threads): the two drivers take turns for this many
# rounds and the table shows each cell's median.
rounds=${BENCH_ROUNDS:-3}
hz=$(getconf CLK_TCK)
# Results, one "KEY VALUE" line per run, KEY being MODEL.SIDE.RUN_WHAT
# (e1000.kernel.tcp_ab_mbits): each model runs in a subshell, so that one
# model's failure leaves the others' numbers, and this file outlives it.
out=/tmp/uldd-bench
mkdir -p "$out"
resfile=$out/results
: >"$resfile"

# CPU time, method: both ends of the link run in this one guest, so the
# cost of moving data is all the guest's CPU time spent while iperf3 runs:
# the busy ticks of /proc/stat's "cpu" line (user, nice, system, irq,
# softirq, steal; not idle or iowait), which covers both iperf3 processes,
# the TCP/IP stack, the kernel driver's interrupts and NAPI polls in
# softirq, and the uldd process when it drives NIC B. Divided by the bytes
# iperf3 delivered: CPU seconds per GiB. The uldd process's own share comes
# from utime + stime in /proc/PID/stat, all of its threads included.
# QEMU's own work (the emulated NICs, its TCG translation) is outside the
# guest and in neither number. Under TCG the guest has no steal time: a
# vCPU thread waiting for a host CPU counts as busy, so CPU s/GiB from a
# loaded host is inflated (fourfold seen), for both columns alike.
busy_ticks() {
	local u n s irq sirq st
	read -r _ u n s _ _ irq sirq st _ </proc/stat
	echo $((u + n + s + irq + sirq + st))
}
proc_ticks() { # PID, or nothing
	[ -n "$1" ] || {
		echo 0
		return
	}
	local line f
	read -r line <"/proc/$1/stat"
	# Fields after "(comm)": state is the first, utime the 12th.
	read -ra f <<<"${line##*) }"
	echo $((f[11] + f[12]))
}

# The profile's counters, read before and after each run, outside the
# window of busy_ticks (they start programs). Printed as one line of
# numbers: the guest's context switches (/proc/stat ctxt), interrupts on
# NIC B's line (the lines of /proc/interrupts naming IRQ_PAT) and 1 when
# that line is shared, then for uldd: its threads' voluntary and
# involuntary context switches, and its read- and write-family system
# calls (/proc/PID/io: read, pread, readv, write, pwrite ... which is how
# uldd reaches port I/O, the TAP and the interrupt eventfds; not ioctl or
# poll). They are divided by the frames of the run, which run_iperf
# counts from iperf3's own numbers, the same for either driver: TCP bytes
# / 1448 (full frames' payload), UDP datagrams sent; not the interfaces'
# counters, which count TSO and merged frames as one (uldd's TAP, and a
# kernel driver with TSO or LRO).
counters() { # IRQ_PAT [ULDD_PID]
	local ctxt=0 irqs vol=0 invol=0 io=0 k v t
	while read -r k v _; do
		[ "$k" != ctxt ] || ctxt=$v
	done </proc/stat
	# "COUNT SHARED": SHARED is 1 when a line also names other devices.
	irqs=$(awk -v pat="$1" 'index($0, pat) {
		for (i = 2; i <= NF && $i ~ /^[0-9]+$/; i++) n += $i
		if (index($0, ", ")) s = 1 } END { print n + 0, s + 0 }' /proc/interrupts)
	if [ -n "${2:-}" ]; then
		for t in /proc/"$2"/task/*; do
			while read -r k v; do
				case $k in
				voluntary_ctxt_switches:) vol=$((vol + v)) ;;
				nonvoluntary_ctxt_switches:) invol=$((invol + v)) ;;
				esac
			done <"$t/status" 2>/dev/null || true
		done
		while read -r k v; do
			case $k in syscr: | syscw:) io=$((io + v)) ;; esac
		done <"/proc/$2/io"
	fi
	echo "$ctxt $irqs $vol $invol $io"
}

put() { # KEY VALUE
	echo "$1 $2" >>"$resfile"
}

# run_iperf PAIR KEY IRQ_PAT ULDD_PID IPERF3-ARGS...: one client run in
# A against the server in B; records throughput, packet rates, loss, CPU
# per GiB and the profile's counters under PAIR.KEY_*. A failed run leaves
# its cells empty and says why.
run_iperf() {
	local pair=$1 key=$2 pat=$3 upid=$4 json=$out/$1-$2.json b0 b1 p0 p1 c0 c1 what
	shift 4
	what=${key^^}
	what="${what%_*} ${what#*_}"
	what=${what/AB/A->B} what=${what/BA/B->A}
	c0=$(counters "$pat" "$upid")
	b0=$(busy_ticks) p0=$(proc_ticks "$upid")
	if ! ip netns exec "$A" timeout $((secs + 40)) \
		iperf3 -c "$NET_IP_B" -t "$secs" -O 1 -J "$@" >"$json" 2>&1; then
		echo "$pair: $what (iperf3 $*): $(jq -r '.error // empty' "$json" 2>/dev/null || head -n 3 "$json")"
		echo "${pair%%.*}: $what with B on ${pair#*.} failed (the console log says how)" >>"$notes"
		return 1
	fi
	b1=$(busy_ticks) p1=$(proc_ticks "$upid")
	c1=$(counters "$pat" "$upid")
	local v
	# A run whose receiver got nothing has rates of 0 and no CPU per GiB.
	v=$(jq -r --arg hz "$hz" --arg busy $((b1 - b0)) --arg proc $((p1 - p0)) '
		def div(a; b): if a != null and (b // 0) > 0 then a / b else null end;
		($busy | tonumber) as $busy | ($proc | tonumber) as $proc | ($hz | tonumber) as $hz |
		. as $root | .end | ((.sum_received.bytes // 0) / 1073741824) as $gib |
		div(.sum_received.bytes; (.sum_received.seconds // 0) * 64) as $rx |
		div(.sum_sent.packets; .sum_sent.seconds) as $tx |
		[ div(.sum_received.bits_per_second; 1e6),
		  div($rx; 1000),
		  div($tx; 1000),
		  (if $rx != null and $tx != null and $tx > 0 then [100 * ($tx - $rx) / $tx, 0] | max
		   else null end),
		  div($busy / $hz; $gib),
		  div($proc / $hz; $gib),
		  div($proc * 100; $busy) ] +
		# The frames of the whole run, the omitted first second too.
		[ if $root.start.test_start.protocol == "UDP" then [$root.intervals[]?.sum.packets // 0] | add // 0
		  else ([$root.intervals[]?.sum.bytes // 0] | add // 0) / 1448 end | round ]
		| map(if . == null then "-" else . * 100 | round / 100 end) | @tsv' "$json")
	local -a vals
	local names=(mbits rxkpps txkpps loss cpu proc share frames) i n
	read -ra vals <<<"$v"
	for i in "${!names[@]}"; do
		[ "${vals[i]:--}" = - ] || put "$pair.${key}_${names[i]}" "${vals[i]}"
	done
	# Per frame: the profile's counters.
	local -a x y
	read -ra x <<<"$c0"
	read -ra y <<<"$c1"
	n=${vals[7]:-0}
	[ "$n" -gt 0 ] || return 0
	[ "${y[2]}" = 0 ] || put "$pair.irqshared" 1
	names=(ctxt irq - vol invol rw)
	[ -n "$upid" ] || names=(ctxt irq)
	for i in "${!names[@]}"; do
		[ "${names[$i]}" != - ] || continue
		put "$pair.${key}_${names[$i]}" "$(awk -v d=$((y[i] - x[i])) -v n="$n" 'BEGIN { printf "%.2f", d / n }')"
	done
}

server=''
server_start() {
	net_bg "$B" $((secs * 8 + 600)) iperf3 -s >/dev/null 2>&1
	server=$NET_BG_PID
	net_wait_listen "$B" 5201
}
server_stop() {
	kill -TERM "$server" 2>/dev/null || true
	wait "$server" 2>/dev/null || true
	_net_forget "$server"
}

# A run that failed may leave a receiver stuck: the guest kernel's e100 on
# QEMU's i82557b does not always come back from an overrun (see
# tests/vm/t-matrix.sh), and iperf3's server may wait for the lost client.
# Both interfaces go down and up (their drivers' close and open reset the
# rings) and a new server starts, so the next run has a link again.
recover() { # IF_B
	echo "   (down and up on both sides, a new iperf3 server, for the next run)"
	server_stop
	ip -n "$A" link set dev netA down
	ip -n "$B" link set dev "$1" down
	ip -n "$A" link set dev netA up
	ip -n "$B" link set dev "$1" up
	net_wait_carrier "$A" netA
	net_wait_carrier "$B" "$1"
	net_ping "$A" "$NET_IP_B" 1
	server_start
}

# measure PAIR IF_B IRQ_PAT [ULDD_PID]: with IF_B in B, addressed and up.
measure() {
	local run args
	net_addr "$B" "$2" "$NET_IP_B"
	net_wait_carrier "$A" netA
	net_wait_carrier "$B" "$2"
	net_ping "$A" "$NET_IP_B" 1
	server_start
	# -b 0: as fast as the sender can; 64-byte payloads make the packet
	# rate, not the bytes, the limit.
	for run in "tcp_ab" "tcp_ba -R" "udp_ab -u -l 64 -b 0" "udp_ba -u -l 64 -b 0 -R"; do
		read -ra args <<<"$run"
		run_iperf "$1" "${args[0]}" "$3" "${4:-}" "${args[@]:1}" || recover "$2"
	done
	server_stop
}

# Medians of every KEY (MODEL.SIDE.WHAT) over the rounds into med[], the
# ratio uldd / kernel of each as MODEL.ratio.WHAT, and per model the lowest
# of the four throughput ratios (TCP and UDP received, both ways) as
# MODEL.worst, with MODEL.slow set when it is below 0.9. One awk for all:
# under TCG a program started costs 50-150 ms.
declare -A med
summarize() {
	local k v
	med=()
	while read -r k v; do
		med[$k]=$v
	# A here-string, not < <(...): the guest has no /dev/fd.
	done <<<"$(awk '{ c = ++n[$1]; v[$1, c] = $2 + 0 }
		END {
			for (k in n) {
				m = n[k]
				for (i = 1; i <= m; i++) a[i] = v[k, i]
				for (i = 2; i <= m; i++) {
					x = a[i]
					for (j = i - 1; j >= 1 && a[j] > x; j--) a[j + 1] = a[j]
					a[j + 1] = x
				}
				md[k] = a[int((m + 1) / 2)]
				print k, md[k]
			}
			for (k in md) {
				if (split(k, p, ".") != 3 || p[2] != "uldd") continue
				kk = p[1] ".kernel." p[3]
				if (!(kk in md) || md[kk] <= 0) continue
				r = md[k] / md[kk]
				printf "%s.ratio.%s %.2f\n", p[1], p[3], r
				if (p[3] ~ /^(tcp_ab_mbits|tcp_ba_mbits|udp_ab_rxkpps|udp_ba_rxkpps)$/ &&
				    (!(p[1] in w) || r < w[p[1]]))
					w[p[1]] = r
			}
			for (m in w) {
				printf "%s.worst %.2f\n", m, w[m]
				if (w[m] < 0.9) print m ".slow 1"
			}
		}' "$resfile")"
}

# strace -c on the running uldd during one TCP run in the direction whose
# ratio is the lower: which system calls, how many per frame (not a
# measurement: every system call stops at strace twice, so this run is
# slow). perf's cpu-clock samples of uldd (there is no PMU under TCG) got
# a handful of samples per run here: not worth a run.
profile_strace() { # MODEL ULDD_PID
	local m=$1 upid=$2 dir=(-R) what="B->A" trace=$out/$1.strace n st spid
	local ra=${med[$1.ratio.tcp_ab_mbits]:-} rb=${med[$1.ratio.tcp_ba_mbits]:-}
	# Two decimals each: compare them as integers.
	if [ -z "$rb" ] || { [ -n "$ra" ] && [ "${ra/./}" -le "${rb/./}" ]; }; then
		dir=() what="A->B"
	fi
	command -v strace >/dev/null || {
		echo "no strace in the guest (the host's root): no system call profile" >"$out/$m.profile"
		return 0
	}
	net_bg "$B" $((secs + 120)) iperf3 -s -1 >/dev/null 2>&1
	st=$NET_BG_PID
	net_wait_listen "$B" 5201
	timeout -s INT $((secs + 90)) strace -c -f -S calls -o "$trace" -p "$upid" 2>/dev/null &
	spid=$!
	sleep 1 # attached to every thread
	ip netns exec "$A" timeout $((secs + 40)) iperf3 -c "$NET_IP_B" -t "$secs" -J "${dir[@]}" \
		>"$trace.json" 2>/dev/null || true
	n=$(jq '[.intervals[].sum.bytes] | add / 1448 | round' "$trace.json" 2>/dev/null) || n=0
	kill -INT "$spid" 2>/dev/null || true
	wait "$spid" || true
	wait "$st" 2>/dev/null || true
	_net_forget "$st"
	# strace's rows: % time, seconds, usecs/call, calls, [errors], name.
	awk -v n="$n" -v what="$what" '
		BEGIN { printf "strace -c -f on uldd during TCP %s (slowed by strace): %d frames (bytes / 1448)\n", what, n }
		$1 ~ /^[0-9.]+$/ && NF >= 5 {
			if ($NF == "total") name = "all"
			else if (++k > 8) next
			else name = $NF
			printf "    %-20s %9d calls %9.2f per frame\n", name, $4, (n > 0 ? $4 / n : 0)
		}' "$trace" >"$out/$m.profile" 2>&1 || true
}

# The initramfs loads e1000, e1000e and vmxnet3; the others come from the
# unpacked kernel package.
load_kernel_driver() { # MODEL
	local m=$1 d=${kdrv[$1]}
	[ "$(driver_of "${nic_a[$m]}")" != "$d" ] || return 0
	nic_kernel_side "$d" "${nic_a[$m]}"
}

# The driver a checker runs: kasan checks the driver's own accesses only in
# the build the compiler instrumented (make kasan).
debug_so() { # MODEL CHECKER
	local k=$ULDD_BUILD/kasan/ported/$tree/${kdrv[$1]}.so
	case $2 in
	kasan | all) [ ! -e "$k" ] || {
		echo "$k"
		return
	} ;;
	esac
	echo "${so[$1]}"
}

bench_model() { # MODEL: rounds of kernel, then uldd, on NIC B
	local m=$1 na=${nic_a[$1]} nb=${nic_b[$1]} name_b cur round chk
	load_kernel_driver "$m"
	for _ in $(seq 50); do
		[ ! -d "/sys/bus/pci/devices/$nb/net" ] || break
		sleep 0.1
	done
	net_setup
	trap net_teardown EXIT
	net_move "$na" "$A" netA
	net_addr "$A" netA "$NET_IP_A"
	name_b=$(net_ifname "$nb")
	for round in $(seq "$rounds"); do
		echo "== $m: round $round of $rounds"
		net_move "$nb" "$B" netB
		measure "$m.kernel" netB netB
		net_return "$B" netB
		net_uldd_ready "${so[$m]}" || {
			echo "uldd: $NET_ERR"
			echo "$m: uldd: $NET_ERR" >>"$notes"
			continue
		}
		net_uldd_start "${so[$m]}" "$nb" "$B" uldd0
		measure "$m.uldd" uldd0 "($nb)" "$NET_ULDD_PID"
		if [ "$round" = "$rounds" ]; then
			summarize
			if [ -n "${med[$m.slow]:-}" ]; then
				echo "== $m: lowest ratio ${med[$m.worst]}: strace -c on uldd during one more TCP run"
				profile_strace "$m" "$NET_ULDD_PID"
			fi
		fi
		# A driver that does not stop cleanly still leaves its numbers.
		_net_uldd_halt || echo "uldd: $NET_ERR"
		for chk in "${checkers[@]}"; do
			echo "== $m: uldd --debug=$chk, round $round of $rounds"
			net_uldd_start "$(debug_so "$m" "$chk")" "$nb" "$B" uldd0 --debug="$chk"
			measure "$m.dbg-$chk" uldd0 "($nb)" "$NET_ULDD_PID"
			# Reports make the exit status 1: shown, not fatal to the bench.
			_net_uldd_halt || echo "uldd --debug=$chk: $NET_ERR"
		done
		# Back to the kernel's driver for the next round.
		"$ULDD" unbind "$nb" >/dev/null
		NET_ULDD_BOUND=()
		for _ in $(seq 100); do
			[ ! -d "/sys/bus/pci/devices/$nb/net" ] || break
			sleep 0.1
		done
		# The kernel may name it after A's interface, which is away in A's
		# namespace and wants its name back at the end.
		cur=$(net_ifname "$nb")
		[ "$cur" = "$name_b" ] || ip link set dev "$cur" name "$name_b"
	done
	net_teardown
	trap - EXIT
}

notes=$out/notes
: >"$notes"
for m in "${nics[@]}"; do
	if ! (bench_model "$m"); then
		echo "$m: the bench of this model failed (above); its cells hold what it measured before"
		echo "$m: failed, see the console log (BUILD/vm-logs/bench.log)" >>"$notes"
	fi
done
summarize

# The summary table: per model three rows, kernel, uldd and uldd / kernel.
cols=(tcp_ab_mbits tcp_ba_mbits udp_ab_rxkpps udp_ba_rxkpps udp_ab_loss udp_ba_loss
	tcp_ab_cpu tcp_ba_cpu tcp_ab_proc tcp_ba_proc)
fmt='%-9s %-9s %-6s %8s %8s %8s %8s %7s %7s %8s %8s %8s %8s\n'
# shellcheck disable=SC2059 # one format for all rows
table() {
	local m side c v cells show_m show_d
	echo "guest $(uname -r), $(nproc) CPUs, TCG; ports of Linux $tree; iperf3, $secs s a run, median of $rounds rounds"
	echo "ratio = uldd / kernel: above 1 is better for Mbit/s and kpps, worse for loss and CPU s/GiB"
	printf "$fmt" "" "" "" "TCP A>B" "TCP B>A" "UDP A>B" "UDP B>A" "UDP A>B" "UDP B>A" \
		"CPU" "CPU" "uldd CPU" "uldd CPU"
	printf "$fmt" "model" "driver" "B on" "Mbit/s" "Mbit/s" "kpps rx" "kpps rx" "loss %" "loss %" \
		"TCP A>B" "TCP B>A" "TCP A>B" "TCP B>A"
	for m in "${nics[@]}"; do
		show_m=$m show_d=${kdrv[$m]}
		for side in kernel uldd ratio; do
			cells=()
			for c in "${cols[@]}"; do
				v=${med[$m.$side.$c]:-}
				[ "$side" = uldd ] || [[ $c != *_proc ]] || v=
				[ "$side" != ratio ] || [[ $c != *_loss ]] || v=
				[ -z "$v" ] || [ "$side" = ratio ] || v=$(printf '%.2f' "$v")
				cells+=("${v:--}")
			done
			printf "$fmt" "$show_m" "$show_d" "$side" "${cells[@]}"
			show_m='' show_d=''
		done
	done
	sort -u "$notes"
	echo "A: the kernel's driver always; B: the kernel's driver, then uldd's port of it. UDP: 64-byte"
	echo "payloads, iperf3 -b 0 (as fast as the sender can); loss: sent but not received. CPU: the"
	echo "guest's busy time per GiB moved by TCP, in s/GiB; uldd CPU: the uldd process's own part of it."
}

# The profile: models with a throughput ratio below 0.9.
# shellcheck disable=SC2059 # one format for all rows
profile() {
	local m key what pf='  %-8s %9s %9s %13s %13s %8s %8s %9s %8s\n'
	for m in "${nics[@]}"; do
		[ -n "${med[$m.slow]:-}" ] || continue
		echo
		echo "$m (${kdrv[$m]}): lowest ratio ${med[$m.worst]}. Frames of each run (TCP: bytes / 1448, UDP:"
		echo "datagrams sent) with B on each driver; per frame: the guest's context switches and"
		echo "interrupts on B's line for both, the uldd process's context switches and read/write calls;"
		echo "the uldd process's share of the guest's busy CPU time (ticks sampled, so it can pass"
		echo "100% under TCG, whose timer interrupts come late; the process's own time is exact). Medians."
		printf "$pf" "run" "frames" "frames" "guest ctxsw" "B's irqs" "uldd" "uldd" "uldd r/w" "uldd %"
		printf "$pf" "" "kernel" "uldd" "kern / uldd" "kern / uldd" "vol" "invol" "syscalls" "of CPU"
		for key in tcp_ab tcp_ba udp_ab udp_ba; do
			case $key in
			tcp_ab) what="TCP A>B" ;; tcp_ba) what="TCP B>A" ;;
			udp_ab) what="UDP A>B" ;; udp_ba) what="UDP B>A" ;;
			esac
			printf "$pf" "$what" "${med[$m.kernel.${key}_frames]:--}" "${med[$m.uldd.${key}_frames]:--}" \
				"${med[$m.kernel.${key}_ctxt]:--} / ${med[$m.uldd.${key}_ctxt]:--}" \
				"${med[$m.kernel.${key}_irq]:--} / ${med[$m.uldd.${key}_irq]:--}" \
				"${med[$m.uldd.${key}_vol]:--}" "${med[$m.uldd.${key}_invol]:--}" \
				"${med[$m.uldd.${key}_rw]:--}" "${med[$m.uldd.${key}_share]:--}"
		done
		[ -z "${med[$m.kernel.irqshared]:-}${med[$m.uldd.irqshared]:-}" ] ||
			echo "  B's interrupt line is shared with other devices: their interrupts count too"
		[ ! -s "$out/$m.profile" ] || sed 's/^/  /' "$out/$m.profile"
	done
}

# What each checker of BENCH_DEBUG costs: uldd with it on against uldd
# without, in the same rounds. Medians; ratio = with / without.
# shellcheck disable=SC2059 # one format for all rows
debug_table() {
	local m chk c v base cells pf='%-9s %-11s %15s %15s %15s %15s %15s\n'
	[ "${#checkers[@]}" -gt 0 ] || return 0
	echo
	echo "The checkers' cost (uldd run --debug=X against uldd run, same boot, medians; ratio = with / without)"
	printf "$pf" "model" "--debug=" "TCP A>B" "TCP B>A" "UDP A>B" "UDP B>A" "uldd CPU"
	printf "$pf" "" "" "Mbit/s" "Mbit/s" "kpps rx" "kpps rx" "s/GiB A>B"
	for m in "${nics[@]}"; do
		for chk in "${checkers[@]}"; do
			cells=()
			for c in tcp_ab_mbits tcp_ba_mbits udp_ab_rxkpps udp_ba_rxkpps tcp_ab_proc; do
				v=${med[$m.dbg-$chk.$c]:-} base=${med[$m.uldd.$c]:-}
				if [ -n "$v" ] && [ -n "$base" ]; then
					cells+=("$(awk -v v="$v" -v b="$base" 'BEGIN { printf "%.2f (%.2f)", v, (b > 0 ? v / b : 0) }')")
				else
					cells+=("${v:--}")
				fi
			done
			printf "$pf" "$m" "$chk" "${cells[@]}"
		done
	done
	echo "Each cell: the value with the checker, and in brackets its ratio to uldd without one."
}

{
	echo
	table
	debug_table
	profile
} | tee "$out/table"
mkdir -p "$ULDD_BUILD/results"
cp "$out/table" "$ULDD_BUILD/results/bench-net.txt"
echo
echo "(saved to BUILD/results/bench-net.txt)"
