# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Sourced by t-debug.sh. --debug=leaks against samples/bug-leaks: each
# thing it leaves behind at remove is reported once, with the stack that
# made it naming the sample's function, and exit status 1; bug=none and
# the sample driver edu get no report and exit 0.
BUGLK=$ULDD_BUILD/samples/bug-leaks.so
# The reports come after the stop, under the seccomp filter: naming their
# frames must not need a call it refuses.

# leaks_case BUG TITLE LINE: one run; TITLE must be the only report, LINE
# in it, and the stack through leaky_take.
leaks_case() {
	local bug=$1 title=$2 line=$3 log=/tmp/debug-leaks-$1.log n
	debug_run "$log" "bug=$bug taken" "$BUGLK" --device "$EDU_ADDR" --debug=leaks "bug=$bug"
	grep -q "bug=$bug taken" "$log" || fail "bug-leaks bug=$bug did not finish its probe"
	n=$(grep -c "^BUG: " "$log" || true)
	[ "$n" -eq 1 ] || fail "bug=$bug: $n reports, not 1"
	grep -q "^BUG: $title" "$log" || fail "bug=$bug: no report '$title'"
	grep -q "$line" "$log" || fail "bug=$bug: the report does not say '$line'"
	grep -q "^ *leaky_take+0x" "$log" || fail "bug=$bug: no frame of leaky_take in the report"
	[ "$DEBUG_RC" -eq 1 ] || fail "bug=$bug: uldd run exited $DEBUG_RC, not 1"
	ok "--debug=leaks bug=$bug: '$title' allocated by leaky_take, exit 1"
}

leaks_case kmalloc "leaks: 1 objects still allocated at exit" "1 object(s), 100 bytes (kmalloc"
leaks_case page "leaks: 1 objects still allocated at exit" "1 object(s), 4096 bytes (alloc_pages"
leaks_case irq "leaks: 1 resources still held at exit" "IRQ [0-9]* still requested"
leaks_case timer "leaks: 1 resources still held at exit" "timer still pending"
leaks_case work "leaks: 1 resources still held at exit" "delayed work item still queued"
leaks_case kthread "leaks: 1 resources still held at exit" "kthread still running"

for so in bug-leaks edu; do
	log=/tmp/debug-leaks-none-$so.log
	if [ "$so" = edu ]; then
		debug_run "$log" "all checks passed" "$ULDD_BUILD/samples/edu.so" --device "$EDU_ADDR" \
			--debug=leaks rounds=5
	else
		debug_run "$log" "bug=none taken" "$BUGLK" --device "$EDU_ADDR" --debug=leaks bug=none
	fi
	! grep -q "^BUG: " "$log" || fail "$so with nothing left behind got a report"
	[ "$DEBUG_RC" -eq 0 ] || fail "$so --debug=leaks: uldd run exited $DEBUG_RC, not 0"
	ok "--debug=leaks $so, nothing left behind: no report, exit 0"
done
