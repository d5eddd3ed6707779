# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Sourced by t-debug.sh. The option itself: an unknown checker is refused
# in one line naming the known ones; the sample driver edu, which has none
# of the bugs the checkers look for, runs its DMA checks with every
# checker on and gets no report.
EDU=$ULDD_BUILD/samples/edu.so

expect_error 2 "--debug: no checker 'kasn': give kasan, lockdep" "$ULDD" run "$EDU" --debug=kasn

debug_run /tmp/debug-edu.log "all checks passed" "$EDU" --device "$EDU_ADDR" --debug=all rounds=20
grep -q "all checks passed" /tmp/debug-edu.log || fail "edu's checks did not pass with --debug=all"
! grep -q "^BUG: \|report(s)" /tmp/debug-edu.log || fail "edu got a report with --debug=all"
[ "$DEBUG_RC" -eq 0 ] || fail "uldd run edu.so --debug=all exited $DEBUG_RC"
ok "--debug=all: edu passes its checks with no report, exit 0"
