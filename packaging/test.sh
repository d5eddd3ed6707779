#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# make pkg-check: 'make install' into a scratch root, then drivers built out
# of tree against that root alone (a Kbuild file, a classic module Makefile,
# uldd.pc with uldd-ld), with proof that no path of this tree reached them;
# then 'make deb', lintian, and the dependency a driver package gets.
# Usage: TOP=... BUILD=... packaging/test.sh RESULT.txt
set -euo pipefail
result=$1
: "${TOP:?}" "${BUILD:?}" "${MAKE:=make}"
# The library's soname and package carry the ABI's major version.
major=$(sed -n 's/^#define ULDD_ABI_MAJOR \([0-9]*\)$/\1/p' "$TOP/include/linux-compat/uldd/abi.h")
soname=libuldd.so.$major libpkg=libuldd$major
passed=0 failed=0 skipped=0
skips=()
pass() {
	echo "ok   $*"
	passed=$((passed + 1))
}
flunk() {
	echo "FAIL $*"
	failed=$((failed + 1))
}
skip() {
	echo "SKIP $*"
	skips+=("SKIP pkg-check ($*)")
	skipped=$((skipped + 1))
}
finish() {
	mkdir -p "$(dirname "$result")"
	{
		printf '%s\n' "${skips[@]+"${skips[@]}"}" | grep . || :
		echo "$passed passed, $failed failed, $skipped skipped"
	} >"$result"
	echo "pkg-check: $passed passed, $failed failed, $skipped skipped"
	[ "$failed" -eq 0 ]
}

# Outside the tree, so that any path of the tree in a product is a leak.
tmp=$(mktemp -d /tmp/uldd-pkg.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
root=$tmp/root
ma=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -print-multiarch)
kb=$root/usr/lib/uldd/build
export LD_LIBRARY_PATH=$root/usr/lib/$ma
uldd=$root/usr/bin/uldd
# The driver ABI these headers give (include/linux-compat/uldd/abi.h), as modinfo shows it.
abi_now=$(awk '$2 == "ULDD_ABI_MAJOR" { M = $3 } $2 == "ULDD_ABI_MINOR" { m = $3 } END { print "uldd " M "." m }' \
	"$TOP/include/linux-compat/uldd/abi.h")

echo "== make install PREFIX=/usr DESTDIR=$root"
if ! $MAKE -C "$TOP" --no-print-directory BUILD="$BUILD" install PREFIX=/usr DESTDIR="$root" >"$tmp/install.log" 2>&1; then
	cat "$tmp/install.log"
	flunk "make install failed"
	finish
	exit 1
fi
missing=()
for f in usr/bin/uldd usr/lib/$ma/$soname usr/lib/$ma/libuldd.so usr/lib/$ma/pkgconfig/uldd.pc \
	usr/include/uldd/linux-compat/linux/pci.h usr/lib/uldd/build/Makefile usr/lib/uldd/build/uldd-ld \
	lib/systemd/system/uldd@.service usr/share/man/man1/uldd.1 usr/lib/modules-load.d/uldd.conf; do
	[ -e "$root/$f" ] || missing+=("$f")
done
nsrc=$(cd "$TOP/include/linux-compat" && find . -name '*.h' | wc -l)
ninst=$(find "$root/usr/include/uldd/linux-compat" -name '*.h' | wc -l)
if [ ${#missing[@]} -gt 0 ]; then
	flunk "make install left out: ${missing[*]}"
elif [ "$nsrc" -ne "$ninst" ]; then
	flunk "make install put $ninst headers, the tree has $nsrc"
else
	pass "make install: uldd, $soname and its dev link, $ninst headers, the driver build, uldd.pc, uldd@.service, uldd.1"
fi
dyn=$(readelf -d "$uldd" "$root/usr/lib/$ma/$soname")
if grep -Eq 'RPATH|RUNPATH' <<<"$dyn"; then
	flunk "an installed binary keeps a search path: $(grep -E 'RPATH|RUNPATH' <<<"$dyn" | xargs)"
elif ! grep -q "Library soname: \\[$soname\\]" <<<"$dyn"; then
	flunk "the installed library's soname is not $soname"
else
	pass "no RUNPATH in the installed uldd or library; soname $soname"
fi

# leaks FILE...: none may name this tree (paths in the dependency files,
# the DWARF line tables and strings: what the compiler actually read).
leaks() {
	local f hits=''
	for f in "$@"; do
		if grep -q "$TOP" "$f" || strings -a "$f" | grep -q "$TOP" ||
			readelf --debug-dump=line,info "$f" 2>/dev/null | grep -q "$TOP"; then
			hits="$hits $f"
		fi
	done
	echo "$hits"
}

echo "== samples/edu with its own Kbuild file: make -C \$root/usr/lib/uldd/build M=\$PWD"
edu=$tmp/edu
mkdir -p "$edu"
cp "$TOP"/samples/edu/*.[ch] "$TOP/samples/edu/Kbuild" "$edu/"
if (cd "$edu" && $MAKE -C "$kb" M="$PWD" V=1) >"$tmp/edu.log" 2>&1 && [ -f "$edu/edu.so" ]; then
	pass "edu.so built out of tree from its Kbuild file ($(grep -c '^cc\|^gcc' "$tmp/edu.log") compile, $(grep -c uldd-ld "$tmp/edu.log") link)"
else
	cat "$tmp/edu.log"
	flunk "the out-of-tree build of edu failed"
fi
if [ -f "$edu/edu.so" ]; then
	l=$(leaks "$tmp/edu.log" "$edu/edu.d" "$edu/edu.o" "$edu/edu.so")
	hdrs=$(grep -o '[^ ]*\.h' "$edu/edu.d" | sort -u | wc -l)
	if [ -n "$l" ]; then
		flunk "the source tree $TOP leaked into:$l"
	elif ! grep -q "$root/usr/include/uldd/linux-compat/linux/pci.h" "$edu/edu.d"; then
		flunk "edu.o did not read the installed linux/pci.h: $(head -c 300 "$edu/edu.d")"
	else
		pass "no path of the tree in the commands, edu.d ($hdrs headers, all installed ones), the DWARF or the strings of edu.so"
	fi
	mi=$("$uldd" modinfo "$edu/edu.so" 2>&1) || :
	if grep -q "^abi: *$abi_now\$" <<<"$mi" && grep -q '^alias: *pci:v00001234d000011E8' <<<"$mi" &&
		grep -q '^parm: *dma_bits:' <<<"$mi"; then
		pass "the installed uldd modinfo on it: $(grep -c . <<<"$mi") lines, abi $abi_now, edu's alias and parameters"
	else
		flunk "uldd modinfo edu.so: $mi"
	fi
	if $MAKE -C "$kb" M="$edu" INSTALL_MOD_PATH="$tmp/mods" modules_install >/dev/null &&
		[ -f "$tmp/mods/usr/lib/uldd/drivers/edu.so" ]; then
		pass "modules_install INSTALL_MOD_PATH=...: usr/lib/uldd/drivers/edu.so"
	else
		flunk "modules_install did not put edu.so into usr/lib/uldd/drivers"
	fi
	$MAKE -C "$kb" M="$edu" clean >/dev/null
	left=$(cd "$edu" && find . -mindepth 1 -printf "%f\n" | sort | xargs)
	if [ "$left" = "Kbuild edu.c edu_hw.h" ]; then
		pass "make clean leaves the driver's own files: $left"
	else
		flunk "make clean left: $left"
	fi
fi

echo "== a driver of two files with a module Makefile (KERNELRELEASE, NAME-y, ccflags-y, CFLAGS_file.o)"
hello=$tmp/hello
mkdir -p "$hello/include" "$hello/out"
cat >"$hello/Makefile" <<'EOF'
ifneq ($(KERNELRELEASE),)
obj-m := hello-uldd.o
hello-uldd-y := main.o util.o
ccflags-y := -I$(src)/include -DHELLO_DESC='"said by ccflags-y"'
CFLAGS_util.o := -DHELLO_TWICE=2
else
KDIR ?= /usr/lib/uldd/build
default:
	$(MAKE) -C $(KDIR) M=$(CURDIR) MO=$(CURDIR)/out
endif
EOF
cat >"$hello/include/hello.h" <<'EOF'
int hello_twice(int x);
EOF
cat >"$hello/main.c" <<'EOF'
#include <linux/module.h>
#include <linux/printk.h>
#include <hello.h>
static int __init hello_init(void)
{
	pr_info("%s: %d\n", KBUILD_MODNAME, hello_twice(21));
	return 0;
}
static void __exit hello_exit(void)
{
}
module_init(hello_init);
module_exit(hello_exit);
MODULE_DESCRIPTION(HELLO_DESC);
MODULE_LICENSE("GPL");
EOF
cat >"$hello/util.c" <<'EOF'
#include <hello.h>
int hello_twice(int x)
{
	return x * HELLO_TWICE;
}
EOF
if $MAKE -C "$hello" KDIR="$kb" V=1 >"$tmp/hello.log" 2>&1 && [ -f "$hello/out/hello-uldd.so" ]; then
	d=$("$uldd" modinfo -F description "$hello/out/hello-uldd.so" 2>&1) || :
	if [ "$d" != "said by ccflags-y" ]; then
		flunk "hello-uldd.so's description is '$d'"
	elif [ "$(grep -c "KBUILD_MODNAME='\"hello_uldd\"'" "$tmp/hello.log")" -ne 2 ] ||
		[ "$(grep -c -- '-DHELLO_TWICE=2' "$tmp/hello.log")" -ne 1 ]; then
		cat "$tmp/hello.log"
		flunk "main.o and util.o were not both compiled as module hello_uldd, util.o alone with its CFLAGS"
	else
		pass "hello-uldd.so from main.c and util.c into MO=: ccflags-y, CFLAGS_util.o, KBUILD_MODNAME hello_uldd"
	fi
else
	cat "$tmp/hello.log"
	flunk "the module Makefile build of hello-uldd failed"
fi

echo "== uldd.pc and uldd-ld, for other build systems"
# pkgconf puts the sysroot before -I, -L and the variables' paths alike.
pc="env PKG_CONFIG_SYSROOT_DIR=$root PKG_CONFIG_LIBDIR=$root/usr/lib/$ma/pkgconfig pkg-config"
if ! cflags=$($pc --cflags uldd) || ! opt=$($pc --variable=driver_cflags uldd) ||
	! ld=$($pc --variable=uldd_ld uldd); then
	flunk "pkg-config does not read the installed uldd.pc"
else
	mkdir -p "$tmp/pc"
	# shellcheck disable=SC2086 # flag lists
	if gcc $cflags $opt -isystem "$(gcc -print-file-name=include)" -DKBUILD_MODNAME='"edu"' \
		-c -o "$tmp/pc/edu.o" "$TOP/samples/edu/edu.c" &&
		"$ld" -o "$tmp/pc/edu.so" "$tmp/pc/edu.o" &&
		[ "$("$uldd" modinfo -F abi "$tmp/pc/edu.so")" = "$abi_now" ]; then
		pass "edu.so from 'pkg-config --cflags uldd', its driver_cflags and uldd-ld"
	else
		flunk "edu with uldd.pc's flags and uldd-ld did not build"
	fi
fi

echo "== make deb: uldd, $libpkg, libuldd-dev; lintian"
t0=$SECONDS
if ! command -v dpkg-buildpackage >/dev/null || ! command -v dh >/dev/null; then
	skip "make deb: no dpkg-buildpackage or debhelper (scripts/install-deps.sh installs them)"
elif ! $MAKE -C "$TOP" --no-print-directory BUILD="$BUILD" deb >"$tmp/deb.log" 2>&1; then
	cat "$tmp/deb.log"
	flunk "make deb failed"
else
	deb=$BUILD/deb
	ver=$(dpkg-parsechangelog -l "$TOP/debian/changelog" -S Version)
	tool=$(sed -n 's/^ULDD_VERSION ?= //p' "$TOP/tools/tools.mk")
	[ "$ver" = "$tool" ] || flunk "debian/changelog says $ver, tools/tools.mk's ULDD_VERSION $tool"
	dep=$(dpkg-deb -f "$deb/uldd_${ver}_amd64.deb" Depends)
	dev=$(dpkg-deb -c "$deb/libuldd-dev_${ver}_amd64.deb")
	lib=$(dpkg-deb -c "$deb/${libpkg}_${ver}_amd64.deb")
	if grep -q "$libpkg (= $ver)" <<<"$dep" && grep -q './usr/lib/uldd/build/Makefile' <<<"$dev" &&
		grep -q "./usr/lib/$ma/$soname" <<<"$lib"; then
		pass "make deb in $((SECONDS - t0)) s: $(cd "$deb" && find . -name "*.deb" -printf "%f\n" | sort | xargs); uldd depends on $libpkg (= $ver)"
	else
		flunk "the packages' contents or uldd's Depends ($dep) are not as expected"
	fi
	t0=$SECONDS
	if ! command -v lintian >/dev/null; then
		skip "lintian is not installed (scripts/install-deps.sh installs it)"
	else
		lint=$(lintian "$deb/uldd_${ver}_amd64.changes" 2>&1 | grep -v 'running with root privileges' || :)
		if grep -q '^[EW]:' <<<"$lint"; then
			flunk "lintian: $(grep '^[EW]:' <<<"$lint" | head -n 5 | xargs)"
		else
			pass "lintian: no error, no warning ($((SECONDS - t0)) s)"
		fi
	fi
	# A binary driver package: dpkg-shlibdeps turns edu.so's use of
	# libuldd.so.N into a dependency, through libulddN's symbols file: on
	# the libulddN that brought the newest version node edu.so binds (its
	# .gnu.version_r), whichever package version that is.
	sd=$tmp/drvpkg
	mkdir -p "$sd/debian/uldd-edu/usr/lib/uldd/drivers"
	printf 'Source: uldd-edu\n\nPackage: uldd-edu\nArchitecture: amd64\n' >"$sd/debian/control"
	dpkg-deb -R "$deb/${libpkg}_${ver}_amd64.deb" "$sd/debian/$libpkg"
	$MAKE -C "$kb" M="$edu" >/dev/null 2>&1 && cp "$edu/edu.so" "$sd/debian/uldd-edu/usr/lib/uldd/drivers/"
	node=$(readelf -V -W "$edu/edu.so" 2>/dev/null | grep -o 'Name: ULDD_[0-9]*\.[0-9]*' | cut -d' ' -f2 |
		sort -V | tail -n 1)
	need=$(awk -v n="(symver)$node" '$1 == n { print $2 }' "$TOP/debian/$libpkg.symbols")
	if s=$(cd "$sd" && dpkg-shlibdeps -O debian/uldd-edu/usr/lib/uldd/drivers/edu.so 2>"$tmp/shlibdeps.err") &&
		grep -q "$libpkg (>= $need)" <<<"$s"; then
		pass "a driver package of edu.so gets: ${s#shlibs:Depends=}"
	else
		flunk "dpkg-shlibdeps on edu.so (binds ${node:-no ULDD node}, so $libpkg >= ${need:-?}): $s $(cat "$tmp/shlibdeps.err")"
	fi
fi
finish
