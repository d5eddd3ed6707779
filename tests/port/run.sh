#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Tests of 'uldd port' itself on the fixture tree beside this script (a
# kernel tree in miniature: Kbuild Makefiles, a Kconfig, a header of the
# tree) and, when make kernel-source has unpacked it, on a real driver of
# Debian's tree. Each check passes or fails on its own; the counts go to
# RESULTS as "N passed, N failed, N skipped" for scripts/summary.sh.
# Usage: run.sh BUILD RESULTS
set -uo pipefail
build=$1 results=$2
top=$(cd "$(dirname "$0")/../.." && pwd)
uldd=$build/bin/uldd
out=$build/port-test
tree=$top/tests/port/tree
passed=0 failed=0 skipped=0 skips=()
rm -rf "$out"
mkdir -p "$out" "$(dirname "$results")"

ok() { echo "  ok   $1"; passed=$((passed + 1)); }
bad() { echo "  FAIL $1" >&2; failed=$((failed + 1)); }
check() { # NAME CMD...
	local name=$1
	shift
	if "$@" >/dev/null 2>&1; then ok "$name"; else bad "$name"; fi
}
skip() { echo "  SKIP $1 ($2)"; skipped=$((skipped + 1)); skips+=("SKIP port: $1 ($2)"); }
port() { # LOG ARGS...: exit status in $rc
	local log=$1
	shift
	rc=0
	"$uldd" port --out "$out" "$@" >"$out/$log" 2>&1 || rc=$?
}
has() { grep -qF -- "$2" "$out/$1"; }

echo "== a driver with one of each gap (tests/port/tree, acme)"
port acme.log --ksrc "$tree" acme
check "exit status 1 when something is missing (was $rc)" test "$rc" -eq 1
txt=$out/acme.port.txt json=$out/acme.port.json
check "the text report is written" test -s "$txt"
check "the JSON report parses" jq -e .driver "$json"
check "Kbuild: the composite object's files, continuation line joined" \
	has acme.port.txt "acme-objs := acme_main.o acme_hw.o"
check "Kbuild: a part behind an unset Kconfig symbol is left out" \
	bash -c "! grep -q acme_extra.c '$txt'"
check "Kbuild: ccflags-y reaches the compiler (acme_hw.c builds)" \
	jq -e '[.other_errors[] | select(test("acme_hw"))] | length == 0' "$json"
check "hashes: each file with its SHA-256, private header and included .c too" \
	jq -e '[.files[].file] == ["acme_main.c","acme_hw.c","acme.h","acme_lib.c"]' "$json"
check "hash of acme_hw.c is right" \
	jq -e --arg h "$(sha256sum "$tree/drivers/net/ethernet/acme/acme_hw.c" | cut -d' ' -f1)" \
	'.files[] | select(.file == "acme_hw.c") | .sha256 == $h' "$json"
check "missing header, with the line that includes it" \
	has acme.port.txt "header     linux/acme_widget.h: acme_main.c:8"
check "missing function, with its line" has acme.port.txt "function   acme_frobnicate: acme_main.c:24"
check "missing macro or constant, with its line" has acme.port.txt "identifier WIDGET_POWER_FULL: acme_main.c:19"
check "missing struct field, with its line" has acme.port.txt "field      struct net_device.acme_cookie: acme_main.c:18"
check "missing Kconfig symbol, with the Kconfig line" has acme.port.txt "CONFIG_ACME_WIDGET_LIB: acme/Kconfig:5"
check "grouped by the tree's header that declares them" \
	jq -e '.missing[] | select(.subsystem == "linux/acme_widget.h") | .items | length == 4' "$json"
check "groups sorted by uses, most first" \
	jq -e '[.missing[].uses] == ([.missing[].uses] | sort | reverse)' "$json"
check "no .so when something is missing" test ! -e "$out/acme.so"

echo "== --stubs (tests/port/tree, stubby)"
port stubby-nostubs.log --ksrc "$tree" stubby
check "without --stubs: exit 1, not built" test "$rc" -eq 1 -a ! -e "$out/stubby.so"
port stubby.log --ksrc "$tree" --stubs drivers/misc/stubby
check "named by its folder: found" has stubby.log "folder: drivers/misc/stubby"
check "with --stubs: the .so links" test -s "$out/stubby.so"
check "with --stubs: still exit 1, gaps remain (was $rc)" test "$rc" -eq 1
check "a numeric constant of the tree's header is taken for the try, and named" \
	has stubby.port.txt "constants taken from the tree for --stubs: WIDGET_POWER_FULL=3"
check "and still counted as missing from the shim" has stubby.port.txt "identifier WIDGET_POWER_FULL: stubby.c:"
check "the report lists the stubs" has stubby.port.txt "stubs (2), each stops the driver naming itself: acme_frobnicate widget_power_on"
# In a subshell that waits for it: the shell's own "Aborted" line stays out.
rc=$( ("$uldd" run "$out/stubby.so" >"$out/stubby-run.log" 2>&1; echo $?) 2>/dev/null)
check "uldd run: the stubbed driver stops (SIGABRT, exit $rc)" test "$rc" -eq 134
check "uldd run: it got as far as the first missing function" has stubby-run.log "stubby: before the first missing function"
check "uldd run: the first missing function names itself" \
	has stubby-run.log "the driver called acme_frobnicate(), which the shim does not provide"
check "uldd run: with a backtrace through the stub" has stubby-run.log "(uldd_k_acme_frobnicate+"
check "uldd run: nothing after it ran" bash -c "! grep -q 'never printed' '$out/stubby-run.log'"

echo "== an old driver that spells asm/system.h's names without including it"
port oldie.log --ksrc "$tree" oldie
check "it builds, nothing missing (exit $rc)" test "$rc" -eq 0
check "the report says asm/system.h was added, and for what" \
	has oldie.port.txt "old API: compiled with -include asm/system.h, for DMA_32BIT_MASK"

echo "== hashes recorded and checked (a manifest outside ported/)"
mkdir -p "$out/m/acme" "$out/t"
cp -a "$tree/." "$out/t/"
sed -i -e 's/struct widget_state \*ws = netdev_priv(dev);//; s/acme_frobnicate(3);//; s/dev->acme_cookie = 1;//; s/widget_power_on(ws, WIDGET_POWER_FULL)/0/; s/#include <linux\/acme_widget.h>//' \
	-e 's/return acme_hw_reset(NULL) + acme_open(NULL);/return rings == 8 ? -ENODEV : acme_open(NULL) - ENXIO;/' \
	"$out/t/drivers/net/ethernet/acme/acme_main.c"
printf 'object = acme\ntree = ../../t\nconfig = CONFIG_ACME_WIDGET_LIB=y\nparams = rings=8\n' \
	>"$out/m/acme/manifest"
port rec.log --manifest "$out/m/acme/manifest" --record acme
check "--record writes upstream-SERIES.sha256 beside the manifest" test -s "$out/m/acme/upstream-t.sha256"
check "a driver with nothing missing: exit 0 (was $rc)" test "$rc" -eq 0
check "a driver with nothing missing: the .so" test -s "$out/acme.so"
port same.log --manifest "$out/m/acme/manifest" acme
check "the same files pass the check (exit $rc)" test "$rc" -eq 0
"$uldd" run "$out/acme.so" >"$out/params.log" 2>&1
check "the manifest's default parameters reach the driver" has params.log "acme: rings=8"
"$uldd" run "$out/acme.so" rings=5 >"$out/params5.log" 2>&1
check "the command line overrides them" has params5.log "acme: rings=5"
echo "/* a hand edit */" >>"$out/t/drivers/net/ethernet/acme/acme_hw.c"
port edit.log --manifest "$out/m/acme/manifest" acme
check "a hand edit of the tree fails the build (exit $rc)" test "$rc" -eq 1
check "and names the file" has edit.log "acme_hw.c differ from"

echo "== a newer upload of the tree than ported/trees pins"
newer=$out/newer/linux-source-6.1
mkdir -p "$newer" "$out/m/acme-newer"
cp -a "$out/t/." "$newer/"
echo "6.1.999-1" >"$newer/.uldd-version"
printf 'object = acme\ntree = ../../newer/linux-source-6.1\nconfig = CONFIG_ACME_WIDGET_LIB=y\n' \
	>"$out/m/acme-newer/manifest"
cp "$out/m/acme/upstream-t.sha256" "$out/m/acme-newer/upstream-6.1.sha256"
port newer.log --manifest "$out/m/acme-newer/manifest" acme
check "a file changed by a newer upload still builds (exit $rc)" test "$rc" -eq 0
check "the report names the upload, the pinned one and the changed file" \
	has newer.log "linux-source-6.1 is 6.1.999-1, not $(awk '$1 == "6.1" { print $2 }' "$top/ported/trees") as ported/trees pins: changed acme_hw.c"
check "and the command that re-records" has newer.log "re-record with 'make port-record'"

echo "== mistakes"
port nosuch.log --ksrc "$tree" nosuchdriver
check "an unknown driver: exit 1 (was $rc)" test "$rc" -eq 1
check "an unknown driver: one line naming the fix" \
	bash -c "[ \$(wc -l <'$out/nosuch.log') -eq 1 ] && grep -q 'name the driver as its Kbuild object' '$out/nosuch.log'"
port notree.log --ksrc "$out/none" acme
check "a missing tree: one line naming the fix" has notree.log "no kernel tree at"

echo "== a real driver of Debian's tree"
if [ -f "$build/linux-source-6.1/.uldd-stamp" ]; then
	port r8169.log --series 6.1 r8169
	check "r8169 (the shim has no phylib yet): exit 1" test "$rc" -eq 1
	check "r8169: phylib gaps grouped under linux/phy.h" \
		jq -e '.missing[] | select(.subsystem == "linux/phy.h") | .items | length > 20' "$out/r8169.port.json"
	check "r8169: a known phylib call with its line" has r8169.port.txt "function   phy_start: r8169_main.c:"
else
	skip "a real driver of Debian's tree" "make kernel-source has not unpacked linux-source-6.1"
fi

echo "== the semantic patches, as uldd port applies them (make ported's reports)"
edunet=$build/ported/oldstyle/edunet.port.json
if [ -f "$edunet" ]; then
	check "samples/oldstyle: the netdev callbacks patch applied, with its lines" \
		jq -e '[.patches[] | select(.patch == "coccinelle/0001-netdev-ops.cocci") | .changes[].hunks[]] | length > 0' "$edunet"
	check "samples/oldstyle: the report counts what each patch changed" \
		jq -e '[.patches[].changes[].removed] | add > 10' "$edunet"
else
	skip "samples/oldstyle's report" "make ported has not built it"
fi
esb=$build/ported/stubs/i6300esb.port.json
if [ -f "$esb" ]; then
	check "i6300esb --stubs (make port-stubs): the watchdog core's functions stubbed" \
		jq -e '.stubs | index("watchdog_init_timeout") != null' "$esb"
	check "i6300esb --stubs: its PCI ID taken from the tree" \
		jq -e '.constants_from_tree.PCI_DEVICE_ID_INTEL_ESB_9.value == "0x25ab"' "$esb"
	check "i6300esb --stubs: the missing Kconfig symbol named" \
		jq -e '[.missing[].items[] | select(.name == "CONFIG_WATCHDOG_CORE")] | length == 1' "$esb"
else
	skip "i6300esb's --stubs report" "make port-stubs has not built it"
fi
e1000=$build/port/6.1/e1000/src
if [ -d "$e1000" ]; then
	same=1
	for f in "$e1000"/*.[ch]; do
		cmp -s "$f" "$build/linux-source-6.1/drivers/net/ethernet/intel/e1000/${f##*/}" || same=0
	done
	check "e1000 of 6.1, which no patch matches: every copied file byte-identical" test "$same" -eq 1
	check "e1000 of 6.1: its report lists no patch" jq -e '.patches == []' "$build/ported/6.1/e1000.port.json"
else
	skip "e1000's copy" "make ported has not built it"
fi

{
	printf '%s\n' "${skips[@]+"${skips[@]}"}" | sed '/^$/d'
	echo "$passed passed, $failed failed, $skipped skipped"
} >"$results"
echo "port: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
