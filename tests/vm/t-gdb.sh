#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# uldd gdb (issue 12): Linux 6.12's e1000 under gdb in batch mode, with
# uldd's gdb extension: a breakpoint on e1000_probe (uldd-break, pending
# until uldd run loads the .so), the pci_dev and, once probe returned, the
# net_device through the pretty-printers, lx-dmesg with e1000's probe lines,
# lx-ps with the tasks and vCPUs; an IPv6 frame's sk_buff in e1000's
# transmit once the interface is up; then the driver runs on until SIGTERM and
# exits 0 under gdb. Then samples/crash.so's NULL write leaves a core file
# (ulimit -c, core_pattern in /tmp), and gdb on it with the extension
# shows the faulting function, lx-dmesg and lx-ps.
# vm-devices: -netdev hubport,id=n1,hubid=0 -device e1000,netdev=n1,addr=0x10,mac=52:54:00:12:34:10
# vm-timeout: 120
set -euo pipefail
. "$ULDD_TOP/tests/vm/lib.sh"

command -v gdb >/dev/null || skip "no gdb on the host (scripts/install-deps.sh installs it)"
so=$ULDD_BUILD/ported/6.12/e1000.so addr=0000:00:10.0 ifname=ugdb0
[ -e "$so" ] || skip "${so#"$ULDD_BUILD"/} not built ('make ported')"
crash_so=$ULDD_BUILD/samples/crash.so
out=/tmp/gdb-e1000.out
GDB_PID=''

cleanup() {
	[ -z "$GDB_PID" ] || kill -KILL "$GDB_PID" 2>/dev/null || true
}
trap cleanup EXIT

"$ULDD" bind "$addr" >/dev/null || fail "uldd bind $addr"

cat >/tmp/e1000.gdb <<'EOF'
set pagination off
set confirm off
set print pretty on
# SIGTERM is the test's stop: uldd run takes it and stops the driver.
handle SIGTERM nostop noprint pass
uldd-break e1000_probe
run
echo GDB-STOPPED-IN-PROBE\n
bt 1
print *pdev
set $pdev = pdev
finish
print *(struct net_device *)$pdev->dev.driver_data
lx-netdev
print $k("uldd_net_devices")
lx-list-walk $k("uldd_net_devices") "struct uldd_netdev" node
print $lx_netdev("ugdb0")->mtu
lx-dmesg
lx-ps
# The shim lists a device once its probe returned: stop after init.
tbreak tool_confine_lock
continue
lx-lspci
# An sk_buff: a stop in e1000's transmit once the interface is up, which
# the guest's IPv6 sends on by itself (its address's duplicate detection,
# router solicitations), and the pings after, should it not.
uldd-break e1000_xmit_frame
shell (ip link set ugdb0 up; sleep 3; busybox ping6 -c 2 -I ugdb0 ff02::1) >/dev/null 2>&1 &
continue
echo GDB-STOPPED-IN-XMIT\n
print *skb
delete
python print("GDB-INFERIOR-PID %d" % gdb.selected_inferior().pid)
continue
EOF

start=$SECONDS
"$ULDD" gdb -batch -x /tmp/e1000.gdb -- "$so" --device "$addr" --ifname "$ifname" \
	</dev/null >"$out" 2>&1 &
GDB_PID=$!
deadline=$((SECONDS + 60))
pid=
until [ -n "$pid" ] && ip link show dev "$ifname" >/dev/null 2>&1; do
	kill -0 "$GDB_PID" 2>/dev/null || {
		cat "$out"
		fail "uldd gdb ended before the driver ran"
	}
	[ "$SECONDS" -lt "$deadline" ] || {
		cat "$out"
		fail "no GDB-INFERIOR-PID and $ifname within 60 s"
	}
	sleep 0.2
	pid=$(sed -n 's/^GDB-INFERIOR-PID \([0-9]*\)$/\1/p' "$out")
done
kill -TERM "$pid"
rc=0
timeout 30 tail --pid="$GDB_PID" -f /dev/null || rc=$?
[ "$rc" -eq 0 ] || fail "gdb did not end within 30 s of the driver's SIGTERM"
wait "$GDB_PID" || rc=$?
GDB_PID=
echo "--- the batch session ($((SECONDS - start)) s):"
cat "$out"
echo "---"
[ "$rc" -eq 0 ] || fail "uldd gdb exited $rc"

grep -q "^GDB-STOPPED-IN-PROBE" "$out" || fail "gdb did not stop in e1000_probe"
grep -Eq "^#0 .*e1000_probe \(pdev=" "$out" || fail "the stop is not in e1000_probe"
grep -Eq "pci_dev $addr \[8086:100e\] .* driver e1000" "$out" ||
	fail "no pci_dev $addr [8086:100e] bound to e1000 from the pretty-printer"
ok "stopped in e1000_probe: $(grep -m1 -o "pci_dev ${addr}[^=]*" "$out")"
grep -Eq "BAR0 = \"?\[0x[0-9a-f]+-0x[0-9a-f]+\]" "$out" || fail "the pci_dev shows no BAR0"
grep -q "Value returned is .* = 0" "$out" || fail "e1000_probe did not return 0"
grep -Eq "net_device $ifname: mtu 1500 \(46-16110\) mac 52:54:00:12:34:10 " "$out" ||
	fail "no net_device $ifname with MTU 1500 and MAC 52:54:00:12:34:10 from the pretty-printer"
ok "after probe: $(grep -m1 -o "net_device ${ifname}:[^=]*" "$out")"
grep -Eq "^\(struct net_device \*\) 0x[0-9a-f]+: net_device $ifname:" "$out" ||
	fail "lx-netdev does not list $ifname"
grep -Eq '^\$[0-9]+ = list_head \{next = 0x[0-9a-f]+, prev = 0x[0-9a-f]+\} \(1 entry\)' "$out" ||
	fail "the list_head printer does not count uldd_net_devices' one entry"
grep -Eq '^\[0\] \(struct uldd_netdev \*\) 0x[0-9a-f]+$' "$out" ||
	fail "lx-list-walk does not show uldd_net_devices' entry"
grep -q "^1 entry$" "$out" || fail "lx-list-walk does not count uldd_net_devices' one entry"
grep -Eq "^\(struct pci_dev \*\) 0x[0-9a-f]+: pci_dev $addr \[8086:100e\]" "$out" ||
	fail "lx-lspci does not list $addr"
ok "lists: uldd_net_devices (1 entry), lx-list-walk, lx-lspci, \$lx_netdev(\"$ifname\")->mtu = $(sed -n 's/^\$[0-9]* = \([0-9]*\)$/\1/p' "$out" | tail -n 1)"
grep -Eq "^\[ *[0-9]+\.[0-9]{6}\] e1000 $addr $ifname: Intel\(R\) PRO/1000 Network Connection" "$out" ||
	fail "lx-dmesg has no probe line of e1000"
ok "lx-dmesg: $(grep -m1 -Eo "e1000 $addr $ifname: Intel.*" "$out")"
grep -Eq "^[0-9]+ +[0-9]+ +[0-9]+ +uldd-run +R +[0-9]+ " "$out" ||
	fail "lx-ps does not show the task uldd-run running on a vCPU"
grep -Eq "^  CPU0: (uldd-run/[0-9]+|free|busy)" "$out" || fail "lx-ps shows no vCPU"
ok "lx-ps: $(grep -Ec "^[0-9]+ +[0-9]+ +[0-9]+ " "$out") tasks, $(grep -c "^  CPU" "$out") vCPUs"
grep -q "^GDB-STOPPED-IN-XMIT" "$out" || fail "gdb did not stop in e1000_xmit_frame"
grep -Eq "sk_buff len [0-9]+ data_len [0-9]+ headroom [0-9]+ tailroom [0-9]+ truesize [0-9]+ protocol 0x86dd dev $ifname " "$out" ||
	fail "no sk_buff of an IPv6 frame on $ifname from the pretty-printer"
ok "stopped in e1000_xmit_frame: $(grep -m1 -Eo "sk_buff len [0-9]+ [^=]*" "$out")"
grep -Eq "\[Inferior 1 \(process $pid\) exited normally\]" "$out" ||
	fail "the driver did not exit normally under gdb after SIGTERM"
ok "continued: the driver ran until SIGTERM and exited 0 under gdb"
"$ULDD" unbind "$addr" >/dev/null || fail "uldd unbind $addr"

# --- a crash's core file. uldd run keeps the driver dumpable across its
# privilege drop; the system decides where cores go: a folder user uldd
# may write, as the driver crashes as that user.
mkdir -p /tmp/cores
chmod 1777 /tmp/cores
echo "/tmp/cores/core.%p" >/proc/sys/kernel/core_pattern
rc=0
(
	ulimit -c unlimited
	exec "$ULDD" run "$crash_so" fault=null
) >/tmp/crash.log 2>&1 || rc=$?
[ "$rc" -eq 139 ] || fail "crash.so fault=null exited $rc, not 139 (SIGSEGV): $(cat /tmp/crash.log)"
cores=(/tmp/cores/core.*)
[ -f "${cores[0]}" ] || fail "crash.so fault=null left no core in /tmp/cores"
core=${cores[0]}
ok "crash.so fault=null: SIGSEGV, core ${core##*/}, $(($(stat -c %s "$core") >> 20)) MiB"

cat >/tmp/core.gdb <<'EOF'
set pagination off
bt 4
lx-dmesg
lx-ps
EOF
rc=0
"$ULDD" gdb -batch -x /tmp/core.gdb -c "$core" -- >/tmp/core.out 2>&1 || rc=$?
echo "--- gdb on the core:"
cat /tmp/core.out
echo "---"
[ "$rc" -eq 0 ] || fail "uldd gdb on the core exited $rc"
grep -q "terminated with signal SIGSEGV" /tmp/core.out || fail "gdb does not see a SIGSEGV in the core"
grep -Eq "^#0 .*crash_write_null" /tmp/core.out || fail "the core's frame #0 is not crash_write_null"
grep -Eq "^\[ *[0-9]+\.[0-9]{6}\] crash: fault=null" /tmp/core.out ||
	fail "lx-dmesg on the core has no 'crash: fault=null'"
grep -Eq "^[0-9]+ +[0-9]+ +[0-9]+ +uldd-run " /tmp/core.out || fail "lx-ps on the core shows no uldd-run task"
ok "the core under gdb: frame #0 crash_write_null, lx-dmesg 'crash: fault=null', lx-ps $(grep -Ec "^[0-9]+ +[0-9]+ +[0-9]+ " /tmp/core.out) task(s)"
