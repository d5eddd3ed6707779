# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Sourced by t-debug.sh. --debug=kasan on samples/bug-kasan, built for
# kasan by 'make kasan': each bug its one report, named as KASAN names it
# (the kind, the access, the object and its cache, where it was allocated
# and, after kfree, freed), and exit status 1; no bug, no report and 0.
# The same sample not built for kasan gets one warning line, and the
# shim's memset still catches its overflow. The edu sample, built for
# kasan, runs all its checks with none.
KSO=$ULDD_BUILD/kasan/samples/bug-kasan.so
PLAIN=$ULDD_BUILD/samples/bug-kasan.so
[ -e "$KSO" ] || fail "no $KSO: 'make kasan' builds it"

# kasan_expect LOG PATTERN WHAT: LOG has a line matching PATTERN (grep -E).
kasan_expect() {
	grep -Eq -e "$2" "$1" || fail "$3: no line matching '$2' in $1"
}

kasan_one_report() {
	local log=$1 bug=$2
	[ "$(grep -c '^BUG: ' "$log")" -eq 1 ] || fail "bug=$bug: not exactly one report"
	[ "$DEBUG_RC" -eq 1 ] || fail "bug=$bug: exit status $DEBUG_RC, not 1"
	kasan_expect "$log" "--debug: 1 report\(s\)" "bug=$bug"
}

for bug in oob oob-memset; do
	log=/tmp/kasan-$bug.log
	debug_run "$log" "bug $bug done" "$KSO" --device "$EDU_ADDR" --debug=kasan bug=$bug
	kasan_one_report "$log" $bug
	kasan_expect "$log" "^BUG: KASAN: slab-out-of-bounds in bug_oob_(loop|memset)\+0x[0-9a-f]+/0x[0-9a-f]+ \[bug-kasan\]$" "bug=$bug"
	if [ $bug = oob ]; then
		kasan_expect "$log" "^Write of size 1 at addr [0-9a-f]+ by task " "bug=$bug"
	else
		kasan_expect "$log" "^Write of size 512 at addr [0-9a-f]+ by task " "bug=$bug"
	fi
	kasan_expect "$log" "which belongs to the cache kmalloc-32 of size 32" "bug=$bug"
	kasan_expect "$log" "located 0 bytes to the right of" "bug=$bug"
	grep -A4 "^Allocated by task " "$log" | grep -q "bug_oob_" ||
		fail "bug=$bug: the allocation stack does not name the sample's function"
	! grep -q "^Freed by task " "$log" || fail "bug=$bug: a free stack for a live object"
	ok "--debug=kasan bug=$bug: one slab-out-of-bounds report, exit 1"
done

log=/tmp/kasan-uaf.log
debug_run "$log" "bug uaf done" "$KSO" --device "$EDU_ADDR" --debug=kasan bug=uaf
kasan_one_report "$log" uaf
kasan_expect "$log" "^BUG: KASAN: use-after-free in bug_uaf\+" "bug=uaf"
kasan_expect "$log" "^Read of size 4 at addr [0-9a-f]+ by task " "bug=uaf"
kasan_expect "$log" "located 8 bytes inside of" "bug=uaf"
grep -A4 "^Allocated by task " "$log" | grep -q "bug_uaf" ||
	fail "bug=uaf: the allocation stack does not name bug_uaf"
grep -A4 "^Freed by task " "$log" | grep -q "bug_uaf" ||
	fail "bug=uaf: the free stack does not name bug_uaf"
ok "--debug=kasan bug=uaf: one use-after-free report with both stacks, exit 1"

log=/tmp/kasan-none.log
debug_run "$log" "bug none done" "$KSO" --device "$EDU_ADDR" --debug=kasan bug=none
grep -q "bug none done" "$log" || fail "bug=none: probe did not finish"
! grep -q "^BUG: \|report(s)" "$log" || fail "bug=none: a report"
[ "$DEBUG_RC" -eq 0 ] || fail "bug=none: exit status $DEBUG_RC"
ok "--debug=kasan bug=none: no report, exit 0"

log=/tmp/kasan-plain.log
debug_run "$log" "bug oob-memset done" "$PLAIN" --device "$EDU_ADDR" --debug=kasan bug=oob-memset
[ "$(grep -c "is not built for kasan" "$log")" -eq 1 ] || fail "uninstrumented: not one warning line"
kasan_expect "$log" "make kasan" "uninstrumented"
kasan_one_report "$log" "oob-memset (uninstrumented)"
ok "--debug=kasan on an uninstrumented driver: one warning line, the shim's memset check still reports"

# A driver without those bugs, instrumented: MSI, coherent and streaming
# DMA, timers and work, every access checked, and nothing to report.
log=/tmp/kasan-edu.log
debug_run "$log" "all checks passed" "$ULDD_BUILD/kasan/samples/edu.so" --device "$EDU_ADDR" \
	--debug=kasan rounds=20
grep -q "all checks passed" "$log" || fail "instrumented edu: its checks did not pass"
! grep -q "^BUG: \|report(s)\|not built for kasan" "$log" || fail "instrumented edu: a report or the warning"
[ "$DEBUG_RC" -eq 0 ] || fail "instrumented edu: exit status $DEBUG_RC"
ok "--debug=kasan: the instrumented edu passes its checks with no report, exit 0"
