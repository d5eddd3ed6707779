#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# check-stress.sh LOGDIR RUNS MAKE [ARGS...]: runs 'MAKE ARGS unit-check' RUNS
# times in a row while two busy loops compete for the CPUs, so tests that
# lean on the host's timing fail here rather than on a loaded CI machine.
# Prints "check-stress: P of RUNS" and fails unless every run passed; the
# log of a failed run stays in LOGDIR, its failing lines are shown.
set -uo pipefail
if [ $# -lt 3 ]; then
	echo "usage: $0 LOGDIR RUNS MAKE [ARGS...]" >&2
	exit 2
fi
logdir=$1 runs=$2
shift 2
case $runs in '' | *[!0-9]*)
	echo "check-stress: RUNS must be a number, not '$runs'" >&2
	exit 2
	;;
esac
mkdir -p "$logdir"
rm -f "$logdir"/run-*.log

# Each loop spins in user space and, every 64 Ki turns, checks that this
# script still lives, so not even a SIGKILL here leaves one behind.
busy=()
stop_busy() {
	local pid
	for pid in "${busy[@]}"; do
		kill "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
	done
	busy=()
}
trap stop_busy EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP
for _ in 1 2; do
	bash -c 'i=0; while :; do i=$((i + 1)); [ $((i & 65535)) -ne 0 ] || kill -0 "$1" 2>/dev/null || exit 0; done' \
		busy $$ &
	busy+=($!)
done
echo "check-stress: $runs runs of unit-check beside two busy loops (pids ${busy[*]})"

passes=0
for ((n = 1; n <= runs; n++)); do
	log=$logdir/run-$n.log
	start=$SECONDS
	if "$@" unit-check >"$log" 2>&1; then
		passes=$((passes + 1))
		echo "check-stress: run $n of $runs passed ($((SECONDS - start)) s): $(tail -n 1 "$log")"
		rm -f "$log"
	else
		echo "check-stress: run $n of $runs FAILED ($((SECONDS - start)) s), log $log:"
		grep -E '^\[  FAILED  \] test|^\[  ERROR   \]|^\[   LINE   \]|^run\.sh:|^make|passed, [0-9]+ failed' \
			"$log" | awk '!seen[$0]++ { print "    " $0 }' | head -n 20
	fi
done
echo "check-stress: $passes of $runs"
[ "$passes" -eq "$runs" ]
