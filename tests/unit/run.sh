#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Runs CMocka test binaries, shows their output, and writes the result to the
# file given first: one "SKIP test_x (reason)" line per skipped case, then
# "N passed, N failed, N skipped" (cases, over all binaries). A case skips
# with unit_skip() (unitskip.h), which prints "SKIP: reason" before CMocka's
# skip(); a skip without that line is counted as failed. A binary that dies
# or fails without a case failing counts as one failed case. A binary still
# running after UNIT_TIMEOUT seconds (default 600: each takes seconds, a
# sanitized one under a minute) is killed: a case that hangs (a lost
# wake-up) fails the run instead of stalling it.
set -uo pipefail
out=$1
shift
passed=0 failed=0 skipped=0
skips=()
stdbuf=
command -v stdbuf >/dev/null && stdbuf="stdbuf -oL"
for t in "$@"; do
	log=$(mktemp)
	# Line-buffered stdout keeps CMocka's stdout (RUN, OK, SKIP:) and stderr
	# (ERROR, FAILED) lines whole and in order in the one log.
	timeout -k 10 "${UNIT_TIMEOUT:-600}" $stdbuf "$t" >"$log" 2>&1
	rc=$?
	[ "$rc" -ne 124 ] && [ "$rc" -ne 137 ] ||
		echo "run.sh: $(basename "$t") still ran after ${UNIT_TIMEOUT:-600} s: killed" >>"$log"
	cat "$log"
	# Per case: the RUN line opens it, OK or SKIPPED with its name closes
	# it. CMocka lists the skipped cases again after each group; those
	# lines close nothing and are not counted twice.
	results=$(awk '
		function name(line) { return substr(line, 14) }
		/^\[ RUN      \] / { cur = name($0); why = ""; run++; next }
		/^SKIP: / && cur != "" { why = why (why == "" ? "" : "; ") substr($0, 7); next }
		/^\[       OK \] / && name($0) == cur { ok++; cur = ""; next }
		/^\[  SKIPPED \] / && name($0) == cur {
			if (why == "")
				print "NOREASON " cur
			else
				print "SKIP " cur " (" why ")"
			cur = ""
			next
		}
		END { print "COUNTS " run + 0, ok + 0 }
	' "$log")
	read -r _ run ok < <(grep '^COUNTS ' <<<"$results")
	skip_lines=$(grep '^SKIP ' <<<"$results")
	noreason=$(grep '^NOREASON ' <<<"$results")
	skip=0
	if [ -n "$skip_lines" ]; then
		echo "$skip_lines"
		mapfile -t -O "${#skips[@]}" skips <<<"$skip_lines"
		skip=$(wc -l <<<"$skip_lines")
	fi
	if [ -n "$noreason" ]; then
		while read -r _ c; do
			echo "run.sh: $c skipped without saying why (unit_skip() in unitskip.h); counted as failed"
		done <<<"$noreason"
	fi
	# A case that started and neither passed nor skipped with a reason
	# failed (or crashed).
	bad=$((run - ok - skip))
	if [ "$rc" -ne 0 ] && [ "$bad" -eq 0 ]; then
		echo "run.sh: $(basename "$t") exited with $rc without a failed case; counted as one"
		bad=1
	fi
	passed=$((passed + ok)) failed=$((failed + bad)) skipped=$((skipped + skip))
	rm -f "$log"
done
mkdir -p "$(dirname "$out")"
{
	[ "${#skips[@]}" -eq 0 ] || printf '%s\n' "${skips[@]}"
	echo "$passed passed, $failed failed, $skipped skipped"
} >"$out"
# The skips again where the closing line sees them, each with its reason.
cat "$out"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
