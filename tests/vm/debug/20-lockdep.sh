# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Sourced by t-debug.sh. --debug=lockdep against samples/bug-lockdep: each
# bug gets exactly its one report, with the stacks of both sides naming
# the sample's functions, and exit status 1; bug=none gets no report and
# exit 0.
BUGLD=$ULDD_BUILD/samples/bug-lockdep.so

# lockdep_case BUG TITLE FRAME...: one run; TITLE must be the only lockdep
# report, and each FRAME (a function of the sample) in its stacks.
lockdep_case() {
	local bug=$1 title=$2 log=/tmp/debug-lockdep-$1.log n f
	shift 2
	debug_run "$log" "bug=$bug done" "$BUGLD" --device "$EDU_ADDR" --debug=lockdep "bug=$bug"
	grep -q "bug=$bug done" "$log" || fail "bug-lockdep bug=$bug did not finish its probe"
	n=$(grep -c "^BUG: lockdep" "$log" || true)
	[ "$n" -eq 1 ] || fail "bug=$bug: $n lockdep reports, not 1"
	grep -q "^BUG: $title" "$log" || fail "bug=$bug: no report '$title'"
	for f in "$@"; do
		grep -q "^ *$f+0x" "$log" || fail "bug=$bug: no frame of $f in the report"
	done
	[ "$DEBUG_RC" -eq 1 ] || fail "bug=$bug: uldd run exited $DEBUG_RC, not 1"
	ok "--debug=lockdep bug=$bug: '$title' with frames of $*, exit 1"
}

lockdep_case abba "lockdep: possible circular locking dependency detected" \
	buggy_take_ab buggy_take_ba
lockdep_case irq "lockdep: inconsistent lock state: &b->irq_lock is irq-safe and irq-unsafe" \
	buggy_irq buggy_take_irq_lock
lockdep_case held "lockdep: lock held when returning to the shim" buggy_work
grep -q "work item returned with 1 lock(s) held" /tmp/debug-lockdep-held.log ||
	fail "bug=held: the report does not say which callback returned"

debug_run /tmp/debug-lockdep-none.log "bug=none done" "$BUGLD" --device "$EDU_ADDR" \
	--debug=lockdep bug=none
grep -q "bug=none done" /tmp/debug-lockdep-none.log || fail "bug-lockdep bug=none did not finish"
! grep -q "^BUG: " /tmp/debug-lockdep-none.log || fail "bug=none got a report"
[ "$DEBUG_RC" -eq 0 ] || fail "bug=none: uldd run exited $DEBUG_RC, not 0"
ok "--debug=lockdep bug=none: no report, exit 0"
