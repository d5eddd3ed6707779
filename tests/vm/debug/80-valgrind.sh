# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Sourced by t-debug.sh. valgrind's memcheck on uldd run, which sees
# kmalloc through the shim's client requests (shim/debug/valgrind.c):
# first a driver's one-byte overflow of a 30-byte kmalloc (bug-kasan
# bug=byte, the plain build), reported with the stacks of the write and of
# the allocation; then the unmodified e1000 beside the guest kernel's
# e1000, pings both ways and DEBUG_VG_MIB MiB each way, with no error from
# driver, shim or host layer (tools/valgrind/uldd.supp holds only host
# libraries' own).
. "$ULDD_TOP/tests/vm/netlib.sh"

command -v valgrind >/dev/null || fail "no valgrind in the guest (the host's root): scripts/install-deps.sh installs it"
vgopts=(--error-exitcode=99 --leak-check=no --suppressions="$ULDD_TOP/tools/valgrind/uldd.supp")

vglog=/tmp/debug-vg-byte.log
valgrind "${vgopts[@]}" --log-file="$vglog" "$ULDD" run "$ULDD_BUILD/samples/bug-kasan.so" \
	--device "$EDU_ADDR" bug=byte >/tmp/debug-vg-byte.run 2>&1 &
pid=$!
wait_line /tmp/debug-vg-byte.run "$pid" "bug byte done\|probe.*failed" 3000 || true
kill -INT "$pid" 2>/dev/null || true
rc=0
wait "$pid" || rc=$?
cat /tmp/debug-vg-byte.run "$vglog"
grep -q "Invalid write of size 1" "$vglog" || fail "valgrind did not see the one-byte overflow"
grep -q "0 bytes after a block of size 30 alloc'd" "$vglog" ||
	fail "valgrind did not name the 30-byte kmalloc block"
# The write's stack and the allocation's: bug_byte in both, kmalloc in the second.
[ "$(grep -c "bug_byte (bug-kasan.c" "$vglog")" -ge 2 ] || fail "bug_byte is not in both stacks"
grep -q "kmalloc (slab.c" "$vglog" || fail "the allocation stack does not go through kmalloc"
grep -q "ERROR SUMMARY: 1 errors" "$vglog" || fail "valgrind found other errors than the overflow"
[ "$rc" -eq 99 ] || fail "uldd run under valgrind exited $rc, not valgrind's error status 99"
ok "valgrind: bug-kasan's one-byte overflow of a 30-byte kmalloc, with the write's and the allocation's stacks, and nothing else"

vglog=/tmp/debug-vg.log
NET_ULDD_WRAP=(valgrind "${vgopts[@]}" --log-file="$vglog")
NET_ULDD_START_SECS=300 NET_ULDD_STOP_SECS=120 NET_PING_SECS=60
net_setup
trap 'cat "$NET_ULDD_LOG" "$vglog" 2>/dev/null; net_teardown' EXIT
net_move "$DEBUG_NIC_A" "$NET_NS_A" netA
net_uldd_start "$NET_E1000_SO" "$DEBUG_NIC_B" "$NET_NS_B" netB
net_addr "$NET_NS_A" netA "$NET_IP_A" "$NET_IP6_A"
net_addr "$NET_NS_B" netB "$NET_IP_B" "$NET_IP6_B"
net_wait_carrier "$NET_NS_B" netB 120
net_ping "$NET_NS_A" "$NET_IP_B"
net_ping "$NET_NS_B" "$NET_IP_A"
net_transfer_both "${DEBUG_VG_MIB:-2}"
rc=0
net_uldd_stop || rc=$?
[ "$rc" -eq 0 ] || fail "uldd run under valgrind did not stop cleanly"
grep -q "ERROR SUMMARY: 0 errors" "$vglog" || fail "valgrind found errors in uldd run e1000.so"
ok "valgrind uldd run e1000.so: traffic, ERROR SUMMARY: 0 errors"
trap - EXIT
net_teardown
