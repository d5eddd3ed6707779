#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Runs the guest tests (every tests/vm/t-*.sh, or the ones named) one after
# the other: one PASS/FAIL line each, then "N passed, N failed".
set -euo pipefail

if [ $# -lt 1 ]; then
	echo "usage: $0 BUILD_DIR [TEST...]   (TEST: t-boot, t-boot.sh or a path)" >&2
	exit 2
fi
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
mkdir -p "$1"
build=$(cd "$1" && pwd)
shift

tests=()
if [ $# -eq 0 ]; then
	for t in "$here"/t-*.sh; do
		[ -e "$t" ] && tests+=("$t")
	done
else
	for t in "$@"; do
		for candidate in "$t" "$here/$t" "$here/$t.sh"; do
			if [ -f "$candidate" ]; then
				tests+=("$candidate")
				continue 2
			fi
		done
		echo "run-all: no such test: $t" >&2
		exit 2
	done
fi

# Prepare the default guest once, in view (the first run downloads the
# kernel); run.sh then finds it ready.
"$here/setup-guest.sh" "$build"

passed=0 failed=0
for t in "${tests[@]}"; do
	name=$(basename "$t" .sh)
	start=$(date +%s%N)
	status=0
	out=$("$here/run.sh" "$build" "$t" 2>&1) || status=$?
	ms=$((($(date +%s%N) - start) / 1000000))
	took=$(printf '%d.%d s' $((ms / 1000)) $((ms % 1000 / 100)))
	if [ "$status" -eq 0 ]; then
		echo "PASS $name ($took)"
		passed=$((passed + 1))
	else
		# run.sh printed the whole console log; show it above the verdict.
		printf '%s\n' "$out"
		echo "FAIL $name ($took, status $status, log $build/vm-logs/$name.log)"
		failed=$((failed + 1))
	fi
done

# scripts/summary.sh adds up the results/*.txt of all suites for make check.
mkdir -p "$build/results"
echo "$passed passed, $failed failed" | tee "$build/results/vm.txt"
[ "$failed" -eq 0 ]
