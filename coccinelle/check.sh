#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Proves the semantic patches in coccinelle/ (make cocci-check). For each
# NAME.cocci and its pair tests/NAME/{before,after}.c: NAME.cocci turns
# before.c into exactly after.c; every patch, applied in order to after.c,
# changes nothing (so a second application of the whole set is a no-op);
# the whole set leaves tests/untouched.c byte-identical; and a second pass
# over samples/oldstyle, once ported, changes nothing. Writes RESULTS
# as the other suites do: "FAIL ..." lines, then "N passed, N failed, N skipped".
set -uo pipefail
results=$1
work=$2
dir=$(cd "$(dirname "$0")" && pwd)
# Deterministic and quiet; no header is parsed, so each run stays fast and
# sees only the file, as 'uldd port' does on a copied driver.
spatch_opts=(--very-quiet --no-show-diff --no-includes --in-place)
passed=0 failed=0
fails=()

pass() { passed=$((passed + 1)); echo "  PASS  $1"; }
fail() { failed=$((failed + 1)); fails+=("FAIL $1"); echo "  FAIL  $1"; }

# spatch_all DIR: every patch in order, in place, on each .c file of DIR
# on its own (--dir: files named together would be one unit, and a rule
# that matched in one could act in another); fails on any error.
spatch_all() {
	local p
	for p in "${patches[@]}"; do
		spatch "${spatch_opts[@]}" --sp-file "$p" --dir "$1" 2>>"$work/spatch.log" || return 1
	done
}

command -v spatch >/dev/null || { echo "cocci-check: spatch missing: run 'make deps'" >&2; exit 1; }
rm -rf "$work" && mkdir -p "$work/pairs" "$work/fixed" "$(dirname "$results")"
mapfile -t patches < <(ls "$dir"/*.cocci | sort)

for p in "${patches[@]}"; do
	name=$(basename "$p" .cocci)
	t=$dir/tests/$name
	if [ ! -f "$t/before.c" ] || [ ! -f "$t/after.c" ]; then
		fail "$name: no test pair tests/$name/before.c and after.c"
		continue
	fi
	cp "$t/before.c" "$work/pairs/$name.c"
	if spatch "${spatch_opts[@]}" --sp-file "$p" "$work/pairs/$name.c" 2>>"$work/spatch.log" &&
		cmp -s "$work/pairs/$name.c" "$t/after.c"; then
		pass "$name: before.c becomes after.c"
	else
		diff -u "$t/after.c" "$work/pairs/$name.c" | sed 's/^/    /'
		fail "$name: before.c does not become after.c"
	fi
	cp "$t/after.c" "$work/fixed/$name.c"
done

# One spatch run per patch over all the copies keeps the whole check fast.
cp "$dir/tests/untouched.c" "$work/fixed/untouched.c"
if ! spatch_all "$work/fixed"; then
	cat "$work/spatch.log" >&2
	fail "applying every patch to the after.c files failed"
fi
for f in "$work"/fixed/*.c; do
	name=$(basename "$f" .c)
	if [ "$name" = untouched ]; then
		orig=$dir/tests/untouched.c what="tests/untouched.c stays byte-identical under every patch"
	else
		orig=$dir/tests/$name/after.c what="$name: every patch leaves after.c as it is (idempotent)"
	fi
	if cmp -s "$f" "$orig"; then
		pass "$what"
	else
		diff -u "$orig" "$f" | sed 's/^/    /'
		fail "$what"
	fi
done

# A whole driver: samples/oldstyle, ported once, is ported no further by a
# second pass of every patch.
mkdir -p "$work/sample1" "$work/sample2"
cp "$dir"/../samples/oldstyle/*.c "$work/sample1/"
if spatch_all "$work/sample1" && cp "$work/sample1"/*.c "$work/sample2/" &&
	spatch_all "$work/sample2" && diff -ru "$work/sample1" "$work/sample2" | sed 's/^/    /'; then
	pass "samples/oldstyle: a second pass of every patch changes nothing"
else
	fail "samples/oldstyle: a second pass of every patch changes something, or spatch failed"
fi

{
	[ "${#fails[@]}" -eq 0 ] || printf '%s\n' "${fails[@]}"
	echo "$passed passed, $failed failed, 0 skipped"
} >"$results"
echo "cocci-check: $passed passed, $failed failed, 0 skipped"
[ "$failed" -eq 0 ]
