#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# bench_net, run inside the guest: iperf3 between two NICs of one model on
# one QEMU hub, NIC A always on the kernel's driver in namespace A, NIC B in
# namespace B first on the kernel's driver, then on uldd's port of the same
# driver in the same boot, on the same emulated devices. Two models, each
# with a hub of its own: e1000 (uldd run e1000.so) and rtl8139 (the guest
# kernel's 8139cp against uldd run 8139cp.so from the same Linux 6.1). One
# table per model: TCP throughput both ways, the 64-byte UDP packet rate
# both ways, CPU time per GiB, and the ratio uldd / kernel. A table, not a
# test. TCG makes absolute numbers meaningless; the ratios are the result.
# BENCH_NICS="rtl8139" measures one model only.
# vm-devices: -netdev hubport,id=n1,hubid=1 -device e1000,netdev=n1,addr=0x10
# vm-devices: -device pcie-root-port,id=rp1,bus=pcie.0,chassis=1,addr=0x8
# vm-devices: -netdev hubport,id=n2,hubid=1 -device e1000,netdev=n2,bus=rp1
# vm-devices: -netdev hubport,id=n3,hubid=2 -device rtl8139,netdev=n3,addr=0x11
# vm-devices: -device pcie-root-port,id=rp2,bus=pcie.0,chassis=2,addr=0x9
# vm-devices: -netdev hubport,id=n4,hubid=2 -device rtl8139,netdev=n4,bus=rp2
# vm-timeout: 2400
set -euo pipefail
. "$ULDD_TOP/tests/vm/lib.sh"
. "$ULDD_TOP/tests/vm/netlib.sh"

A=$NET_NS_A B=$NET_NS_B
read -ra nics <<<"${BENCH_NICS:-e1000 rtl8139}"
# Per model: NIC A, NIC B, the kernel's driver, uldd's port of it.
declare -A nic_a=([e1000]=0000:00:10.0 [rtl8139]=0000:00:11.0)
declare -A nic_b=([e1000]=0000:01:00.0 [rtl8139]=0000:02:00.0)
declare -A kdrv=([e1000]=e1000 [rtl8139]=8139cp)
declare -A so=([e1000]=$NET_E1000_SO [rtl8139]=$ULDD_BUILD/ported/6.1/8139cp.so)
secs=8 # measured seconds per run, after one omitted second of slow start
# Runs of one configuration differ by up to 30% under TCG (the host's other
# load moves QEMU's threads): the two drivers take turns for this many
# rounds and the table shows each cell's median.
rounds=${BENCH_ROUNDS:-3}
hz=$(getconf CLK_TCK)
declare -A res # "kernel.tcp_ab_mbits" -> " value value ..." (one per round)

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

# run_iperf PAIR KEY ULDD_PID IPERF3-ARGS...: one client run in A against
# the server in B; records throughput, packet rates and CPU per GiB under
# PAIR.KEY_*. A failed run leaves its cells empty and says why.
run_iperf() {
	local pair=$1 key=$2 upid=$3 json=$NET_TMP/$1-$2.json b0 b1 p0 p1
	shift 3
	b0=$(busy_ticks) p0=$(proc_ticks "$upid")
	if ! ip netns exec "$A" timeout $((secs + 60)) \
		iperf3 -c "$NET_IP_B" -t "$secs" -O 1 -J "$@" >"$json" 2>&1; then
		echo "$pair: iperf3 $*: $(jq -r '.error // empty' "$json" 2>/dev/null || head -n 3 "$json")"
		return 0
	fi
	b1=$(busy_ticks) p1=$(proc_ticks "$upid")
	local v
	v=$(jq -r --arg hz "$hz" --arg busy $((b1 - b0)) --arg proc $((p1 - p0)) '.end |
		[ .sum_received.bits_per_second / 1e6,
		  .sum_received.bytes / .sum_received.seconds / 64 / 1000,
		  (.sum_sent.packets // 0) / .sum_sent.seconds / 1000,
		  ($busy | tonumber) / ($hz | tonumber) / (.sum_received.bytes / 1073741824),
		  ($proc | tonumber) / ($hz | tonumber) / (.sum_received.bytes / 1073741824) ]
		| map(. * 100 | round / 100) | @tsv' "$json")
	local mbits rxkpps txkpps cpu proc
	read -r mbits rxkpps txkpps cpu proc <<<"$v"
	res[$pair.${key}_mbits]+=" $mbits"
	res[$pair.${key}_rxkpps]+=" $rxkpps"
	res[$pair.${key}_txkpps]+=" $txkpps"
	res[$pair.${key}_cpu]+=" $cpu"
	res[$pair.${key}_proc]+=" $proc"
}

# measure PAIR IF_B [ULDD_PID]: with IF_B in B, addressed and up.
measure() {
	net_addr "$B" "$2" "$NET_IP_B"
	net_wait_carrier "$A" netA
	net_wait_carrier "$B" "$2"
	net_ping "$A" "$NET_IP_B" 1
	net_bg "$B" 600 iperf3 -s >/dev/null 2>&1
	local server=$NET_BG_PID
	net_wait_listen "$B" 5201
	run_iperf "$1" tcp_ab "${3:-}"
	run_iperf "$1" tcp_ba "${3:-}" -R
	# -b 0: as fast as the sender can; 64-byte payloads make the packet
	# rate, not the bytes, the limit.
	run_iperf "$1" udp_ab "${3:-}" -u -l 64 -b 0
	run_iperf "$1" udp_ba "${3:-}" -u -l 64 -b 0 -R
	kill -TERM "$server" 2>/dev/null || true
	wait "$server" 2>/dev/null || true
}

# The initramfs loads e1000 only; 8139cp comes from the unpacked kernel package.
case " ${nics[*]} " in *" rtl8139 "*)
	[ -n "$ULDD_MODROOT" ] || fail "the guest kernel's modules are not in the build share"
	modprobe -d "$ULDD_MODROOT" 8139cp || fail "cannot load the guest kernel's 8139cp"
	;;
esac

bench_model() { # MODEL: rounds of kernel, then uldd, on NIC B
	local m=$1 na=${nic_a[$1]} nb=${nic_b[$1]} name_b cur round
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
		measure "$m.kernel" netB
		net_return "$B" netB
		net_uldd_ready "${so[$m]}" || {
			echo "uldd: $NET_ERR"
			continue
		}
		net_uldd_start "${so[$m]}" "$nb" "$B" uldd0
		measure "$m.uldd" uldd0 "$NET_ULDD_PID"
		# A driver that does not stop cleanly still leaves its numbers.
		_net_uldd_halt || echo "uldd: $NET_ERR"
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

for m in "${nics[@]}"; do
	bench_model "$m"
done

median() { # VALUES...: the middle one (the lower middle of an even count)
	printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'
}

row() { # LABEL KEY [uldd only]
	local k u r=-
	# shellcheck disable=SC2086 # the values are words
	k=$(median ${res[$model.kernel.$2]:-}) u=$(median ${res[$model.uldd.$2]:-})
	[ -z "${3:-}" ] || k=
	if [ -n "$k" ] && [ -n "$u" ]; then
		r=$(awk -v u="$u" -v k="$k" 'BEGIN { printf (k > 0 ? "%.2f" : "-"), u / k }')
	fi
	[ -z "$k" ] || k=$(printf '%.2f' "$k")
	[ -z "$u" ] || u=$(printf '%.2f' "$u")
	printf '%-40s %10s %10s %7s\n' "$1" "${k:--}" "${u:--}" "$r"
}

echo "guest $(uname -r), $(nproc) CPUs, TCG; iperf3, $secs s a run, median of $rounds rounds"
echo "ratio = uldd / kernel: above 1 is better for Mbit/s and kpps, worse for CPU s/GiB"
for model in "${nics[@]}"; do
	echo
	echo "$model: A: ${nic_a[$model]} on the kernel's ${kdrv[$model]}; uldd: ${so[$model]#"$ULDD_BUILD"/}"
	printf '%-40s %10s %10s %7s\n' "B: ${nic_b[$model]} on" "kernel" "uldd" "ratio"
	row "TCP A->B, Mbit/s" tcp_ab_mbits
	row "TCP B->A, Mbit/s" tcp_ba_mbits
	row "UDP 64 B A->B, kpps received" udp_ab_rxkpps
	row "UDP 64 B A->B, kpps sent" udp_ab_txkpps
	row "UDP 64 B B->A, kpps received" udp_ba_rxkpps
	row "UDP 64 B B->A, kpps sent" udp_ba_txkpps
	row "TCP A->B, guest CPU s/GiB" tcp_ab_cpu
	row "TCP B->A, guest CPU s/GiB" tcp_ba_cpu
	row "TCP A->B, uldd process CPU s/GiB" tcp_ab_proc uldd
	row "TCP B->A, uldd process CPU s/GiB" tcp_ba_proc uldd
done
