#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# bench_blk, run inside the guest: two identical QEMU nvme controllers,
# A on the guest kernel's nvme.ko, B on uldd's port of the same driver
# (nvme-core + PCI transport of Linux 6.1, or BENCH_TREE's), which the
# host sees as /dev/nbdN. fio on each raw device (direct I/O, libaio,
# crc32c verify headers in every block), the two drivers taking turns job
# by job; then bonnie++ on ext4 on each. A table, not a test: TCG makes
# absolute numbers meaningless, the ratio uldd / kernel is the result.
#
# The disk: region R4 (first half) holds 4 KiB blocks for the random jobs,
# region R128 (second half) 128 KiB blocks for the sequential ones. Both
# are filled first, unmeasured, with fio's verify headers every 4 KiB, so
# each measured read checks what it reads (fio's inline verify of a read
# job; it stops after one pass of the region, so a fast run can be shorter
# than BENCH_SECONDS: the table's IOPS are over the time it ran). fio never
# runs the verify phase of a time_based write job, so the writes leave
# headers and a last unmeasured pass reads both regions whole and checks
# every block: the check of the writes (a failed pass fails the bench).
#
# The why, for uldd: per I/O, its threads' voluntary and involuntary
# context switches (/proc/PID/task/*/status), its read/write-family
# system calls (/proc/PID/io syscr + syscw: the nbd header and payload
# reads, eventfd reads; sendmsg is not in them), its CPU time, and the
# guest's context switches and busy CPU time for both drivers. Then, if
# perf runs here, one more QD1 and QD32 random read on uldd under 'perf
# stat -e raw_syscalls:sys_enter' for all its system calls (a tracepoint
# count, not strace; a separate run so it cannot slow the measured ones).
#
# bonnie++ runs in a memory cgroup capped at BONNIE_RAM so its file is
# twice the page cache it may use (the guest has 1 GiB): its reads reach
# the device, not the cache.
# Knobs (vm-env): BENCH_SECONDS (default 5) per fio job; BENCH_TREE=6.12
# runs the port of Linux 6.12; BENCH_BONNIE=0 leaves bonnie++ out.
# Both controllers behind root ports of their own (the same kind of slot);
# each has MSI-X vectors of its own, no shared line.
# vm-disk: nvmea 512M
# vm-disk: nvmeb 512M
# vm-devices: -device pcie-root-port,id=rp1,bus=pcie.0,chassis=1,addr=0x8
# vm-devices: -device nvme,drive=nvmea,serial=benchA,bus=rp1
# vm-devices: -device pcie-root-port,id=rp2,bus=pcie.0,chassis=2,addr=0x9
# vm-devices: -device nvme,drive=nvmeb,serial=benchB,bus=rp2
# vm-env: BENCH_SECONDS BENCH_TREE BENCH_BONNIE
# vm-timeout: 3600
set -euo pipefail
. "$ULDD_TOP/tests/vm/lib.sh"

secs=${BENCH_SECONDS:-5}
tree=${BENCH_TREE:-6.1}
NVME=$ULDD_BUILD/ported/$tree/nvme.so
[ -f "$NVME" ] || fail "no $NVME: make bench-blk builds it"
command -v fio >/dev/null || fail "no fio on the host (scripts/install-deps.sh)"
out=/tmp/uldd-bench-blk
mkdir -p "$out"
hz=$(getconf CLK_TCK)
DISK_MIB=512
R4="--offset=0 --size=$((DISK_MIB / 2))M"
R128="--offset=$((DISK_MIB / 2))M --size=$((DISK_MIB / 2))M"

ctl() { # ROOT-PORT-SLOT: the controller behind it
	local f
	for f in /sys/bus/pci/devices/0000:00:"$1".0/0000:*:00.0; do echo "${f##*/}"; done
}
A=$(ctl 08) B=$(ctl 09)
{ [ -e "/sys/bus/pci/devices/$A" ] && [ -e "/sys/bus/pci/devices/$B" ]; } ||
	fail "no nvme controller behind the root ports"
[ -e /sys/module/nbd ] || modprobe -d "$ULDD_MODROOT" nbd || fail "cannot load nbd"
grep -qw ext4 /proc/filesystems || modprobe -d "$ULDD_MODROOT" ext4 || fail "cannot load ext4"
for m in nvme-core nvme; do
	[ -e /sys/module/${m//-/_} ] || modprobe -d "$ULDD_MODROOT" $m || fail "cannot load $m.ko"
done
kdev=
for _ in $(seq 200); do
	kdev=$(find /sys/bus/pci/devices/"$A"/nvme/ -maxdepth 2 -name 'nvme*n1' 2>/dev/null | head -1)
	[ -n "$kdev" ] && break
	sleep 0.1
done
[ -n "$kdev" ] || fail "nvme.ko made no namespace on $A"
kdev=/dev/${kdev##*/}

# B to uldd (nvme.ko took it when it loaded).
"$ULDD" bind "$B" >/dev/null
log=$out/uldd.log
"$ULDD" run "$NVME" --device "$B" >"$log" 2>&1 &
upid=$!
stop_uldd() {
	kill -TERM "$upid" 2>/dev/null || true
	wait "$upid" 2>/dev/null || true
}
trap stop_uldd EXIT
wait_line "$log" "$upid" "is the host's /dev/nbd" 600 || fail "no nbd device: $(cat "$log")"
exportline=$(grep "is the host's /dev/nbd" "$log")
udev=$(sed -n "s|.*is the host's \(/dev/nbd[0-9]*\) .*|\1|p" <<<"$exportline")
[ -b "$udev" ] || fail "cannot read the export line: $exportline"
for d in "$kdev" "$udev"; do
	read -r sectors </sys/block/"${d#/dev/}"/size
	[ $((sectors * 512)) -eq $((DISK_MIB << 20)) ] || fail "$d has $((sectors * 512)) bytes"
done
# The block layer's scheduler on each side is not what is compared: none
# on both (the kernel's nvme default; nbd's would be mq-deadline).
sched=()
for d in "$kdev" "$udev"; do
	f=/sys/block/${d#/dev/}/queue/scheduler
	echo none >"$f" 2>/dev/null || true
	sched+=("$(sed -n 's/.*\[\(.*\)\].*/\1/p' "$f")")
done
echo "nvme.ko: $kdev on $A; uldd (Linux $tree): $udev on $B, $exportline"
echo "schedulers: ${sched[*]}; uldd pid $upid"

# Results, "SIDE.JOB.WHAT VALUE" a line.
resfile=$out/results
: >"$resfile"
put() { echo "$1 $2" >>"$resfile"; }
get() { sed -n "s/^$1 //p" "$resfile" | tail -n 1; }

busy_ticks() {
	local u n s irq sirq st
	read -r _ u n s _ _ irq sirq st _ </proc/stat
	echo $((u + n + s + irq + sirq + st))
}
# One line: the guest's busy ticks and context switches, then uldd's
# voluntary and involuntary switches (all threads), read/write-family
# system calls and CPU ticks.
counters() {
	local ctxt=0 vol=0 invol=0 io=0 k v t line f
	while read -r k v _; do [ "$k" != ctxt ] || ctxt=$v; done </proc/stat
	for t in /proc/"$upid"/task/*; do
		while read -r k v; do
			case $k in
			voluntary_ctxt_switches:) vol=$((vol + v)) ;;
			nonvoluntary_ctxt_switches:) invol=$((invol + v)) ;;
			esac
		done <"$t/status" 2>/dev/null || true
	done
	while read -r k v; do
		case $k in syscr: | syscw:) io=$((io + v)) ;; esac
	done <"/proc/$upid/io"
	read -r line <"/proc/$upid/stat"
	read -ra f <<<"${line##*) }"
	echo "$(busy_ticks) $ctxt $vol $invol $io $((f[11] + f[12]))"
}

FIO_COMMON=(--direct=1 --ioengine=libaio --verify=crc32c --group_reporting)

# fio_json NAME DEV ARGS...: one fio run, its JSON in $out/NAME.json; a
# failed run (a verify error among them) fails the bench with fio's words.
fio_json() {
	local name=$1 dev=$2
	shift 2
	fio --name="$name" --filename="$dev" "${FIO_COMMON[@]}" "$@" \
		--output-format=json --output="$out/$name.json" >"$out/$name.err" 2>&1 ||
		fail "fio $name on $dev: $(head -c 600 "$out/$name.err")"
	[ "$(jq '[.jobs[].error] | add' "$out/$name.json")" = 0 ] ||
		fail "fio $name on $dev reports an error: $(head -c 600 "$out/$name.err")"
	kill -0 "$upid" 2>/dev/null || fail "uldd died during fio $name: $(tail -20 "$log")"
}

# The jobs: KEY, then fio's arguments.
jobs=(
	"rr4k1 --rw=randread --bs=4k --iodepth=1 $R4"
	"rr4k32 --rw=randread --bs=4k --iodepth=32 $R4"
	"rw4k1 --rw=randwrite --bs=4k --iodepth=1 --do_verify=0 $R4"
	"rw4k32 --rw=randwrite --bs=4k --iodepth=32 --do_verify=0 $R4"
	"sr128k --rw=read --bs=128k --verify_interval=4k --iodepth=8 $R128"
	"sw128k --rw=write --bs=128k --verify_interval=4k --iodepth=8 --do_verify=0 $R128"
)
declare -A title=([rr4k1]="4K randread QD1" [rr4k32]="4K randread QD32"
	[rw4k1]="4K randwrite QD1" [rw4k32]="4K randwrite QD32"
	[sr128k]="128K seq read QD8" [sw128k]="128K seq write QD8")

# Per thread of uldd: its user and system CPU time and its voluntary
# switches, from /proc/PID/task/*/stat and status: which thread does the
# work, and whether in user space or in the host kernel.
thread_ticks() { # FILE: "TID COMM UTIME STIME VOL" a line
	local t line f k v vol
	: >"$1"
	for t in /proc/"$upid"/task/*; do
		read -r line <"$t/stat" || continue
		vol=0
		while read -r k v; do
			[ "$k" != voluntary_ctxt_switches: ] || vol=$v
		done <"$t/status"
		f=${line#*(}
		f=${f%%)*}
		read -ra v <<<"${line##*) }"
		echo "${t##*/} ${f// /_} ${v[11]} ${v[12]} $vol" >>"$1"
	done
}
# thread_delta KEY IOS: per I/O, each of uldd's threads that ran: "CPU
# COMM USER SYS VOL" a line (microseconds), the busiest first.
thread_delta() {
	awk -v n="$2" -v hz="$hz" 'FNR == NR { u[$1] = $3; s[$1] = $4; v[$1] = $5; next }
		($1 in u) { du = ($3 - u[$1]) * 1e6 / hz / n; ds = ($4 - s[$1]) * 1e6 / hz / n
			dv = ($5 - v[$1]) / n
			if (du + ds > 0 || dv >= 0.01)
				printf "%.0f %s %.0f %.0f %.2f\n", du + ds, $2, du, ds, dv }' \
		"$out/threads0-$1" "$out/threads1-$1" | sort -rn >"$out/threads-$1"
}

# run_job SIDE DEV KEY ARGS...: a measured run; IOPS, MB/s and the
# counters per I/O.
run_job() {
	local side=$1 dev=$2 key=$3 c0 c1 v
	shift 3
	[ "$side" != uldd ] || thread_ticks "$out/threads0-$key"
	c0=$(counters)
	fio_json "$side-$key" "$dev" --time_based --runtime="$secs" "$@"
	c1=$(counters)
	[ "$side" != uldd ] || thread_ticks "$out/threads1-$key"
	# Reads and writes both: a job is one or the other.
	v=$(jq -r '[.jobs[0] | (.read.iops + .write.iops), (.read.bw_bytes + .write.bw_bytes) / 1e6,
		(.read.total_ios + .write.total_ios), ([.read.runtime, .write.runtime] | max) / 1000]
		| @tsv' "$out/$side-$key.json")
	local -a r x y
	read -ra r <<<"$v"
	read -ra x <<<"$c0"
	read -ra y <<<"$c1"
	put "$side.$key.iops" "${r[0]}"
	put "$side.$key.mbs" "${r[1]}"
	put "$side.$key.ios" "${r[2]}"
	put "$side.$key.secs" "${r[3]}"
	[ "${r[2]}" -gt 0 ] || return 0
	# Per I/O: guest busy CPU in microseconds and context switches; for
	# uldd, its own switches, system calls and CPU microseconds.
	put "$side.$key.gcpu" "$(awk -v d=$((y[0] - x[0])) -v n="${r[2]}" -v hz="$hz" 'BEGIN { printf "%.0f", d * 1e6 / hz / n }')"
	put "$side.$key.gctx" "$(awk -v d=$((y[1] - x[1])) -v n="${r[2]}" 'BEGIN { printf "%.2f", d / n }')"
	[ "$side" = uldd ] || return 0
	thread_delta "$key" "${r[2]}"
	put "$side.$key.vol" "$(awk -v d=$((y[2] - x[2])) -v n="${r[2]}" 'BEGIN { printf "%.2f", d / n }')"
	put "$side.$key.invol" "$(awk -v d=$((y[3] - x[3])) -v n="${r[2]}" 'BEGIN { printf "%.2f", d / n }')"
	put "$side.$key.rw" "$(awk -v d=$((y[4] - x[4])) -v n="${r[2]}" 'BEGIN { printf "%.2f", d / n }')"
	put "$side.$key.ucpu" "$(awk -v d=$((y[5] - x[5])) -v n="${r[2]}" -v hz="$hz" 'BEGIN { printf "%.0f", d * 1e6 / hz / n }')"
}

echo "== filling both regions of both disks with verify headers (unmeasured)"
for side in kernel uldd; do
	dev=$kdev
	[ $side = kernel ] || dev=$udev
	fio_json "$side-fill" "$dev" --rw=write --bs=128k --verify_interval=4k --iodepth=8 \
		--offset=0 --size="${DISK_MIB}M" --do_verify=0
done

for j in "${jobs[@]}"; do
	read -ra a <<<"$j"
	echo "== ${title[${a[0]}]}: nvme.ko, then uldd (${secs} s each)"
	run_job kernel "$kdev" "${a[@]}"
	run_job uldd "$udev" "${a[@]}"
done

echo "== verify pass: every block of both regions read back and checked (unmeasured)"
for side in kernel uldd; do
	dev=$kdev
	[ $side = kernel ] || dev=$udev
	fio_json "$side-check" "$dev" --rw=read --bs=128k --verify_interval=4k --iodepth=8 \
		--offset=0 --size="${DISK_MIB}M"
	n=$(jq '.jobs[0].read.total_ios * 32' "$out/$side-check.json")
	put "$side.checked" "$n"
	ok "$side: $n blocks of 4 KiB read back, crc32c and offset of each as written"
done

# The profile runs, where perf runs: the two random read jobs once more
# on uldd, not measured: all of uldd's system calls per I/O (perf stat's
# count of the raw_syscalls:sys_enter tracepoint), and at QD1 where its
# CPU time goes (perf record of cpu-clock samples: no PMU under TCG).
perf_ok=
if command -v perf >/dev/null; then
	[ -d /sys/kernel/tracing/events ] || mount -t tracefs tracefs /sys/kernel/tracing 2>/dev/null || true
	perf stat -e raw_syscalls:sys_enter -x, -o "$out/perf-probe" -- true >/dev/null 2>&1 &&
		perf_ok=1
fi
for key in ${perf_ok:+rr4k1 rr4k32}; do
	for j in "${jobs[@]}"; do
		read -ra a <<<"$j"
		[ "${a[0]}" = "$key" ] || continue
		echo "== profile: ${title[$key]} on uldd once more, under perf"
		pids=()
		perf stat -e raw_syscalls:sys_enter -x, -o "$out/perf-$key" -p "$upid" >/dev/null 2>&1 &
		pids+=($!)
		if [ "$key" = rr4k1 ]; then
			perf record -e cpu-clock -F 499 -p "$upid" -o "$out/perf-$key.data" >/dev/null 2>&1 &
			pids+=($!)
		fi
		sleep 2 # attached
		fio_json "prof-$key" "$udev" --time_based --runtime="$secs" "${a[@]:1}"
		for p in "${pids[@]}"; do kill -INT "$p" 2>/dev/null || true; done
		for p in "${pids[@]}"; do wait "$p" || true; done
		n=$(jq '.jobs[0].read.total_ios' "$out/prof-$key.json")
		put "uldd.$key.sys" "$(awk -F, -v n="$n" '$3 == "raw_syscalls:sys_enter" { printf "%.2f", $1 / n }' "$out/perf-$key")"
	done
done
# The top of the QD1 profile: by shared object and symbol.
if [ -s "$out/perf-rr4k1.data" ]; then
	timeout 300 perf report -i "$out/perf-rr4k1.data" --stdio --sort dso,sym 2>/dev/null |
		awk '/^#/ && /Samples/ { print } /^ +[0-9.]+%/ && k++ < 15' >"$out/perf-top" || true
fi

# bonnie++ on ext4 on each, one after the other.
# The CSV's fields (bonnie++ 1.98 format): name, then K/s and latency.
bonnie_fields=(11 13 17 19 26 28 30 32 34 36)
bonnie_lat=(39 40 42 43 44 45 46 47 48 49)
bonnie_names=("block write K/s" "rewrite K/s" "block read K/s" "random seeks /s"
	"seq create /s" "seq stat /s" "seq delete /s" "rand create /s" "rand stat /s" "rand delete /s")
BONNIE_RAM=64 # MiB: the cgroup's cap and bonnie++ -r; its file is twice that
bonnie_side() { # SIDE DEV
	local mnt=/tmp/bonnie-$1 cg=/sys/fs/cgroup/bench-bonnie
	mkfs.ext4 -q -F "$2" || fail "mkfs.ext4 on $2"
	mkdir -p "$mnt"
	mount "$2" "$mnt" || fail "mount $2"
	sh -c "echo \$\$ >$cg/cgroup.procs 2>/dev/null; exec bonnie++ -d $mnt -s $((BONNIE_RAM * 2)) \
		-r $BONNIE_RAM -n 1 -f -u root -q -m $1" >"$out/bonnie-$1.csv" 2>"$out/bonnie-$1.err" ||
		fail "bonnie++ on $1's $2: $(tail -5 "$out/bonnie-$1.err")"
	umount "$mnt"
	kill -0 "$upid" 2>/dev/null || fail "uldd died during bonnie++: $(tail -20 "$log")"
}
bonnie=
if [ "${BENCH_BONNIE:-1}" != 0 ]; then
	command -v bonnie++ >/dev/null || fail "no bonnie++ on the host (scripts/install-deps.sh)"
	# cgroup v2 memory limit, so the page cache cannot hold bonnie's file.
	cgnote="page cache capped at $BONNIE_RAM MiB (memory cgroup)"
	{ [ -e /sys/fs/cgroup/cgroup.controllers ] || mount -t cgroup2 cgroup2 /sys/fs/cgroup; } &&
		echo +memory >/sys/fs/cgroup/cgroup.subtree_control &&
		mkdir -p /sys/fs/cgroup/bench-bonnie &&
		echo $((BONNIE_RAM << 20)) >/sys/fs/cgroup/bench-bonnie/memory.max ||
		cgnote="NO memory cgroup here: the reads may come from the page cache"
	for side in kernel uldd; do
		dev=$kdev
		[ $side = kernel ] || dev=$udev
		echo "== bonnie++ on ext4 on $side's $dev"
		bonnie_side "$side" "$dev"
	done
	bonnie=1
fi

fmt='%-18s %8s %7s %8s %7s %6s %9s %11s %6s %6s %6s %6s %6s\n'
# shellcheck disable=SC2059 # one format for all rows
table() {
	local j key k u r
	echo "guest $(uname -r), $(nproc) CPUs, TCG; uldd: nvme port of Linux $tree over $udev; fio $secs s a job"
	echo "ratio = uldd / nvme.ko (IOPS). Per I/O: guest = the whole guest's busy CPU (us) and context"
	echo "switches, for each driver; uldd = the driver process: its CPU (us), voluntary and"
	echo "involuntary context switches, read/write-family system calls, all system calls (perf)."
	printf "$fmt" "" "nvme.ko" "" "uldd" "" "" "guest CPU" "guest ctxsw" "uldd" "uldd" "uldd" "uldd" "uldd"
	printf "$fmt" "job" "IOPS" "MB/s" "IOPS" "MB/s" "ratio" "kern/uldd" "kern/uldd" "CPU" "vol" "invol" "r/w" "sys"
	for j in "${jobs[@]}"; do
		key=${j%% *}
		k=$(get "kernel.$key.iops") u=$(get "uldd.$key.iops")
		r=$(awk -v k="$k" -v u="$u" 'BEGIN { if (k > 0) printf "%.3f", u / k; else print "-" }')
		local km ku
		km=$(get "kernel.$key.mbs") ku=$(get "uldd.$key.mbs")
		printf "$fmt" "${title[$key]}" "$(printf %.0f "$k")" "$(printf %.1f "$km")" \
			"$(printf %.0f "$u")" "$(printf %.1f "$ku")" "$r" \
			"$(get "kernel.$key.gcpu")/$(get "uldd.$key.gcpu")" \
			"$(get "kernel.$key.gctx")/$(get "uldd.$key.gctx")" \
			"$(get "uldd.$key.ucpu")" "$(get "uldd.$key.vol")" "$(get "uldd.$key.invol")" \
			"$(get "uldd.$key.rw")" "$(get "uldd.$key.sys")"
	done
	[ -n "$perf_ok" ] || echo "(no perf here: the sys column is empty)"
	echo "Every job verified: reads check each block's crc32c header as they read it; the writes"
	echo "were checked by a full read-back pass ($(get kernel.checked) + $(get uldd.checked) blocks of 4 KiB, all good)."
	local key
	for key in rr4k1 rr4k32; do
		[ -s "$out/threads-$key" ] || continue
		echo
		echo "uldd's threads in the ${title[$key]} run above, per I/O:"
		printf '  %-20s %9s %9s %9s %9s\n' thread "CPU us" "user us" "sys us" "vol ctxsw"
		awk '{ printf "  %-20s %9s %9s %9s %9s\n", $2, $1, $3, $4, $5 }' "$out/threads-$key"
	done
	if [ -s "$out/perf-top" ]; then
		echo
		echo "perf record -e cpu-clock on uldd, 4K randread QD1: the top symbols"
		sed 's/^/  /' "$out/perf-top"
	fi
	[ -n "$bonnie" ] || return 0
	echo
	echo "bonnie++ $(cut -d, -f2 "$out/bonnie-kernel.csv"), ext4, -s $((BONNIE_RAM * 2))M -r $BONNIE_RAM -n 1 -f; $cgnote"
	echo "'+++' = too fast for bonnie++ to time. ratio = uldd / nvme.ko (higher is better for"
	echo "the rates, worse for the latencies)."
	local pf='%-16s %10s %10s %7s %10s %10s %7s\n' i kv uv kl ul
	printf "$pf" "" "nvme.ko" "uldd" "ratio" "nvme.ko" "uldd" "ratio"
	printf "$pf" "" "" "" "" "latency" "latency" ""
	for i in "${!bonnie_names[@]}"; do
		kv=$(cut -d, -f$((bonnie_fields[i] + 1)) "$out/bonnie-kernel.csv")
		uv=$(cut -d, -f$((bonnie_fields[i] + 1)) "$out/bonnie-uldd.csv")
		kl=$(cut -d, -f$((bonnie_lat[i] + 1)) "$out/bonnie-kernel.csv")
		ul=$(cut -d, -f$((bonnie_lat[i] + 1)) "$out/bonnie-uldd.csv")
		printf "$pf" "${bonnie_names[$i]}" "${kv:--}" "${uv:--}" "$(ratio "$kv" "$uv")" \
			"${kl:--}" "${ul:--}" "$(ratio "$kl" "$ul")"
	done
}
ratio() { # KERNEL ULDD: a ratio where both are numbers (latencies: 12us, 3ms)
	awk -v k="$1" -v u="$2" 'function v(s) {
			if (s !~ /^[0-9.]+(us|ms|s)?$/) return -1
			if (s ~ /us$/) return s + 0
			if (s ~ /ms$/) return (s + 0) * 1000
			if (s ~ /s$/) return (s + 0) * 1e6
			return s + 0
		}
		BEGIN { a = v(k); b = v(u); if (a > 0 && b >= 0) printf "%.3f", b / a; else print "-" }'
}

stop_uldd
trap - EXIT
! grep -E "BUG|WARNING" "$log" || fail "the driver's log has complaints (above)"
{
	echo
	table
} | tee "$out/table"
mkdir -p "$ULDD_BUILD/results"
cp "$out/table" "$ULDD_BUILD/results/bench-blk.txt"
echo
echo "(saved to BUILD/results/bench-blk.txt)"
