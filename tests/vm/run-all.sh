#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Runs the guest tests (every tests/vm/t-*.sh, or the ones named) one after
# the other: one PASS, FAIL or SKIP line each, and a SKIP line for each part
# a passing test skipped, then "N passed, N failed, N skipped". Passed and
# failed count tests; skipped counts skipped tests and skipped parts.
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

passed=0 failed=0 skipped=0
skips=()
for t in "${tests[@]}"; do
	name=$(basename "$t" .sh)
	start=$(date +%s%N)
	status=0
	out=$("$here/run.sh" "$build" "$t" 2>&1) || status=$?
	ms=$((($(date +%s%N) - start) / 1000000))
	took=$(printf '%d.%d s' $((ms / 1000)) $((ms % 1000 / 100)))
	# run.sh ends a pass or a skip with one "SKIP name (reason)" line per
	# skip: the whole test (status 77) or each part it skipped.
	mapfile -t mine < <(grep "^SKIP $name (" <<<"$out" || true)
	case $status in
	0)
		echo "PASS $name ($took)"
		passed=$((passed + 1))
		;;
	77)
		[ "${#mine[@]}" -gt 0 ] || mine=("SKIP $name (run.sh gave no reason)")
		;;
	*)
		# run.sh printed the whole console log; show it above the verdict.
		printf '%s\n' "$out"
		echo "FAIL $name ($took, status $status, log $build/vm-logs/$name.log)"
		failed=$((failed + 1))
		mine=()
		;;
	esac
	if [ "${#mine[@]}" -gt 0 ]; then
		printf '%s\n' "${mine[@]}"
		skips+=("${mine[@]}")
		skipped=$((skipped + ${#mine[@]}))
	fi
done

# scripts/summary.sh adds up the results/*.txt of all suites for make check:
# the skips with their reasons, then the closing line.
mkdir -p "$build/results"
{
	[ "${#skips[@]}" -eq 0 ] || printf '%s\n' "${skips[@]}"
	echo "$passed passed, $failed failed, $skipped skipped"
} >"$build/results/vm.txt"
[ "${#skips[@]}" -eq 0 ] || echo "skipped:"
cat "$build/results/vm.txt"
[ "$failed" -eq 0 ]
