#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# check.sh RESULT - 'make abi-check': is libuldd.so.N still the ABI that
# abi/ records, and does uldd hold drivers to it? The make rule exports
# TOP, BUILD, LIB (the library, abi.mk's LIBULDD_SONAME), CC, KCFLAGS
# (K-world's flags without the public headers' folder), KALLOW, KPREFIX.
# Each check prints "ok", "FAIL" or "SKIP" with its reason; RESULT gets
# the counts, as the other suites leave them.
set -uo pipefail
result=$1
lib=$LIB
soname=$(basename "$lib")
major=$(sed -n 's/^#define ULDD_ABI_MAJOR \([0-9]*\)$/\1/p' "$TOP/include/linux-compat/uldd/abi.h")
hdrs=$TOP/include/linux-compat
work=$BUILD/abi
mkdir -p "$work"
passed=0 failed=0 skipped=0
skips=()
how_minor="bump ULDD_ABI_MINOR in include/linux-compat/uldd/abi.h, then run 'make abi-update' to record it (abi/README.md)"
how_major="if deliberate, bump ULDD_ABI_MAJOR and the soname and start a new baseline (abi/README.md); otherwise undo it"
pass() { echo "abi-check: ok: $*"; passed=$((passed + 1)); }
flunk() { echo "abi-check: FAIL: $*"; failed=$((failed + 1)); }
skip() { echo "abi-check: SKIP: $2"; skips+=("SKIP $1 ($2)"); skipped=$((skipped + 1)); }
abi_of() { "$BUILD/bin/uldd" modinfo -F abi "$1"; }

# build_edu OUT.so HEADERS SRC: samples/edu as a driver vendor builds it,
# from the given headers, against the library here: by the out-of-tree
# build (packaging/kbuild, made for this tree in build/kbuild), with
# HEADERS as its ULDD_INCLUDE.
build_edu() {
	local out=$1 h=$2 src=$3 d=${1%.so}.src
	rm -rf "$d" && mkdir -p "$d" && cp "$src"/*.c "$d/" && { cp "$src"/*.h "$d/" 2>/dev/null || :; } && echo 'obj-m := edu.o' >"$d/Kbuild" &&
		make -s --no-print-directory -C "$BUILD/kbuild" M="$d" ULDD_INCLUDE="$h" CC="$CC" >/dev/null &&
		cp "$d/edu.so" "$out"
}

# 0. The soname carries the major version the headers give.
if [ "$soname" != "libuldd.so.$major" ]; then
	flunk "abi/abi.mk's LIBULDD_SONAME is $soname, but include/linux-compat/uldd/abi.h says ABI $major: bump both together (abi/README.md)"
elif ! readelf -d "$lib" | grep -q "Library soname: \[$soname\]"; then
	flunk "$lib does not carry the soname $soname"
else
	pass "the library's soname $soname carries ABI major version $major"
fi

# 1. The exported kernel API is the list, no more and no less.
listed=$(grep -v '^[#[]' "$TOP/abi/libuldd.sym" | grep . | sort)
public=$("$TOP/abi/public-symbols.sh" "$BUILD/shim/shim.o" "$KPREFIX" "$hdrs")
gone=$(comm -23 <(echo "$listed") <(echo "$public"))
new=$(comm -13 <(echo "$listed") <(echo "$public"))
if [ -n "$gone" ]; then
	flunk "abi/libuldd.sym lists what the shim no longer offers: $(echo $gone): drivers built against it fail to load; $how_major"
elif [ -n "$new" ]; then
	flunk "new kernel API, not in abi/libuldd.sym, so no driver can call it: $(echo $new): $how_minor"
else
	pass "the library exports the $(echo "$listed" | wc -l) functions and variables abi/libuldd.sym lists"
fi

# 2. Each at the node the list gives it, and nothing else outside ULDD_PRIVATE.
exported=$(readelf --dyn-syms -W "$lib" | awk '$7 != "UND" && $8 ~ /@@ULDD_[0-9]/ { print $8 }' | sort)
want=$(awk -v p="$KPREFIX" '/^\[/ { node = substr($0, 2, length($0) - 2); next }
	/^#/ || NF == 0 { next } { print p $1 "@@" node }' "$TOP/abi/libuldd.sym" | sort)
if [ "$exported" = "$want" ]; then
	pass "each symbol carries its version node ($(awk '/^\[/' "$TOP/abi/libuldd.sym" | tr -d '[]' | xargs))"
else
	flunk "the library's version nodes differ from abi/libuldd.sym: $(diff <(echo "$want") <(echo "$exported") | grep '^[<>]' | head -5 | xargs)"
fi

# 3. The layout of every public structure.
# shellcheck disable=SC2086
if ! "$TOP/abi/layout.sh" "$CC" "$hdrs" "$work/layout.txt" $KCFLAGS -include "$hdrs/linux/compiler_types.h"; then
	flunk "the public headers do not compile together (abi/layout.sh)"
elif out=$("$TOP/abi/layout-check.py" "$TOP/abi/layout.txt" "$work/layout.txt" "$TOP/abi/layout-growable"); then
	pass "the $(grep -c '^[a-z]' "$TOP/abi/layout.txt") public structures keep their layout (abi/layout.txt)"
else
	echo "$out"
	if grep -q incompatible <<<"$out"; then
		flunk "a structure drivers use changed its layout: $how_major"
	else
		flunk "the public structures grew compatibly: $how_minor"
	fi
fi

# 4. The types of every function and variable, as libabigail sees them.
abidiff --suppressions "$TOP/abi/private.suppr" --headers-dir2 "$hdrs" \
	"$TOP/abi/libuldd.abi" "$lib" >"$work/abidiff.txt" 2>&1
rc=$?
if [ $rc -eq 0 ]; then
	pass "abidiff: $soname against abi/libuldd.abi, no change"
elif [ $((rc & 8)) -ne 0 ]; then
	head -40 "$work/abidiff.txt"
	flunk "abidiff: an incompatible change: $how_major"
elif [ $((rc & 4)) -ne 0 ]; then
	head -40 "$work/abidiff.txt"
	flunk "abidiff: the ABI changed compatibly: $how_minor"
else
	cat "$work/abidiff.txt"
	flunk "abidiff could not compare (exit $rc)"
fi

# 5. No driver binds to the tool's private node.
bad=
for so in "$BUILD"/samples/*.so "$BUILD"/ported/*/*.so "$BUILD"/tests/conform/conform.so; do
	[ -e "$so" ] || continue
	readelf -V -W "$so" | grep -q 'Name: ULDD_PRIVATE' && bad="$bad $(basename "$so")"
done
if [ -n "$bad" ]; then
	flunk "drivers that bind to $soname's private node:$bad"
else
	pass "every driver built here binds to public version nodes only"
fi

# 6. A driver built from the previous release's headers and source links
# against this library, and says so (the guest runs it: t-run-edu.sh).
# A release of an older major version is history: a driver built from it
# (build/abi/edu-old.so) says that version, and 'uldd run' refuses it
# before it opens anything, here and in the guest.
read -r prev_ver prev_rev < <(grep -v '^#' "$TOP/abi/releases" | tail -n 1) || prev_rev=
prev=$work/prev
rm -rf "$prev" "$work/edu-prev.so" "$work/edu-old.so" && mkdir -p "$prev"
if [ -z "$prev_rev" ]; then
	skip abi_previous_release "abi/releases records no release yet"
elif ! git -C "$TOP" cat-file -e "$prev_rev^{commit}" 2>/dev/null; then
	skip abi_previous_release "release $prev_ver ($prev_rev) is not in this clone's history"
elif ! git -C "$TOP" archive "$prev_rev" include/linux-compat samples/edu | tar -x -C "$prev"; then
	flunk "cannot take release $prev_ver's headers from git"
elif ! build_edu "$work/edu-$prev_ver.so" "$prev/include/linux-compat" "$prev/samples/edu"; then
	flunk "samples/edu of release $prev_ver does not build against this $soname"
elif [ "${prev_ver%%.*}" != "$major" ]; then
	cp "$work/edu-$prev_ver.so" "$work/edu-old.so"
	refusal="edu-old.so was built for uldd ABI $prev_ver, and this $soname provides $major.[0-9]*: rebuild the driver against these headers"
	out=$(timeout 60 "$BUILD/bin/uldd" run "$work/edu-old.so" --device 0000:00:00.0 --restart 2>&1)
	rc=$?
	if [ "$(abi_of "$work/edu-old.so")" != "uldd $prev_ver" ]; then
		flunk "edu of release $prev_ver records '$(abi_of "$work/edu-old.so")', not 'uldd $prev_ver'"
	elif [ $rc -ne 1 ] || ! grep -q "^uldd: .*$refusal\$" <<<"$out"; then
		flunk "uldd run did not refuse edu.so of release $prev_ver (ABI $major now): exit $rc: $out"
	else
		pass "edu.so built from release $prev_ver ($prev_rev), of another major version, is refused: $out"
	fi
elif [ "$(abi_of "$work/edu-$prev_ver.so")" != "uldd $prev_ver" ]; then
	flunk "edu of release $prev_ver records '$(abi_of "$work/edu-$prev_ver.so")', not 'uldd $prev_ver'"
else
	cp "$work/edu-$prev_ver.so" "$work/edu-prev.so"
	pass "edu.so built from release $prev_ver ($prev_rev) links against this library"
fi

# 7. A deliberate layout change: the layout check refuses it, and a driver
# built with it (and the major version it then needs) records that version,
# which 'uldd run' refuses (t-run-edu.sh in the guest).
moved=$work/moved
rm -rf "$moved" && mkdir -p "$moved" && cp -a "$hdrs" "$moved/"
sed -i 's/^struct pci_dev {$/&\n\tunsigned long inserted;/' "$moved/linux-compat/linux/pci.h"
# A new major starts its minors again.
next=$((major + 1))
sed -i -e "s/^#define ULDD_ABI_MAJOR [0-9]*\$/#define ULDD_ABI_MAJOR $next/" \
	-e 's/^#define ULDD_ABI_MINOR [0-9]*$/#define ULDD_ABI_MINOR 0/' "$moved/linux-compat/uldd/abi.h"
# shellcheck disable=SC2086
if ! "$TOP/abi/layout.sh" "$CC" "$moved/linux-compat" "$moved/layout.txt" $KCFLAGS \
	-include "$moved/linux-compat/linux/compiler_types.h"; then
	flunk "the changed headers do not compile"
elif grep -q "incompatible: struct pci_dev: member 'unsigned int devfn' at [0-9]* (4 bytes) moved or changed" \
	<<<"$("$TOP/abi/layout-check.py" "$TOP/abi/layout.txt" "$moved/layout.txt" "$TOP/abi/layout-growable")"; then
	if build_edu "$work/edu-moved.so" "$moved/linux-compat" "$TOP/samples/edu" &&
		[ "$(abi_of "$work/edu-moved.so")" = "uldd $next.0" ]; then
		pass "a member put first in struct pci_dev is an incompatible change, and a driver built so says ABI $next.0"
	else
		flunk "edu built with the changed headers does not record ABI $next.0"
	fi
else
	flunk "the layout check let a member put first in struct pci_dev pass"
fi

printf '%s\n' "${skips[@]+"${skips[@]}"}" | grep . >"$result" || : >"$result"
echo "$passed passed, $failed failed, $skipped skipped" >>"$result"
echo "abi-check: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
