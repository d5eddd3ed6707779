#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Runs CMocka test binaries, shows their output, and writes "N passed,
# N failed" (test cases, over all binaries) to the file given first. A binary
# that dies or fails without a case failing counts as one failed case.
set -uo pipefail
out=$1
shift
passed=0 failed=0
stdbuf=
command -v stdbuf >/dev/null && stdbuf="stdbuf -oL"
for t in "$@"; do
	log=$(mktemp)
	# Line-buffered stdout keeps CMocka's stdout (RUN, OK) and stderr (ERROR,
	# FAILED) lines whole and in order in the one log.
	$stdbuf "$t" >"$log" 2>&1
	rc=$?
	cat "$log"
	# A case that started and neither passed nor was skipped failed (or crashed).
	run=$(grep -c '^\[ RUN      \]' "$log")
	ok=$(grep -c '^\[       OK \]' "$log")
	skipped=$(grep -c '^\[  SKIPPED \]' "$log")
	bad=$((run - ok - skipped))
	if [ "$rc" -ne 0 ] && [ "$bad" -eq 0 ]; then
		echo "run.sh: $(basename "$t") exited with $rc without a failed case; counted as one"
		bad=1
	fi
	passed=$((passed + ok)) failed=$((failed + bad))
	rm -f "$log"
done
mkdir -p "$(dirname "$out")"
echo "$passed passed, $failed failed" | tee "$out"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
