#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Sums the result files the suites leave in a results folder (each: "SKIP
# name (reason)" lines, then "N passed, N failed, N skipped") and prints the
# closing line of make check, after every skip with its reason. Fails when
# any test failed; skips are a result of their own, neither pass nor failure.
set -euo pipefail
dir=$1
passed=0 failed=0 skipped=0
skips=()
for f in "$dir"/*.txt; do
	[ -e "$f" ] || continue
	mapfile -t more < <(grep '^SKIP ' "$f" || true)
	[ "${#more[@]}" -eq 0 ] || skips+=("${more[@]}")
	# A file from before skips were counted has no third figure.
	read -r p _ fl _ s _ < <(tail -n 1 "$f" | tr -d ',')
	s=${s:-0}
	echo "  $(basename "$f" .txt): $p passed, $fl failed, $s skipped"
	passed=$((passed + p)) failed=$((failed + fl)) skipped=$((skipped + s))
done
[ "${#skips[@]}" -eq 0 ] || printf '  %s\n' "${skips[@]}"
# The guest's conformance run (tests/vm/t-conform.sh) leaves its counts.
[ ! -f "$dir/conformance.line" ] || cat "$dir/conformance.line"
echo "check: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
