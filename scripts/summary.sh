#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Sums the "N passed, N failed" files the suites leave in a results folder
# and prints the closing line of make check; fails when any test failed.
set -euo pipefail
dir=$1
passed=0 failed=0
for f in "$dir"/*.txt; do
	[ -e "$f" ] || continue
	read -r p _ fl _ < <(tr -d ',' < "$f")
	echo "  $(basename "$f" .txt): $p passed, $fl failed"
	passed=$((passed + p)) failed=$((failed + fl))
done
# The guest's conformance run (tests/vm/t-conform.sh) leaves its closing line.
[ -f "$dir/conformance.line" ] && cat "$dir/conformance.line"
echo "check: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
