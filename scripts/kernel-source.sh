#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Unpacks the parts of Debian's linux-source package that 'uldd port' reads
# (the target drivers, the tree's headers to name what the shim lacks, the
# Kconfig files), once, under BUILD/linux-source-SERIES. The upload is the
# one ported/trees pins; when apt no longer has it, the newest of the series,
# with a warning. Usage: kernel-source.sh BUILD [6.1|6.12]...
set -euo pipefail

build=$1
shift
[ $# -gt 0 ] || set -- 6.1 6.12
top=$(cd "$(dirname "$0")/.." && pwd)
# What uldd port reads: the target drivers, the whole tree's headers (each
# missing identifier is named with the header that declares it), and the
# tree's license and version. Nothing else of the tree is unpacked.
paths=(
	COPYING Makefile include arch/x86/include
	drivers/net/ethernet/intel/e1000 drivers/net/ethernet/8390 drivers/net/ethernet/realtek
	drivers/net/ethernet/amd/pcnet32.c drivers/net/ethernet/amd/Makefile
	drivers/net/ethernet/amd/Kconfig drivers/net/ethernet/dec/tulip
	drivers/net/ethernet/intel/e100.c drivers/net/ethernet/intel/Makefile
	drivers/net/ethernet/intel/Kconfig drivers/net/vmxnet3 drivers/net/ethernet/intel/e1000e
	drivers/nvme/host
	drivers/watchdog/i6300esb.c drivers/watchdog/Makefile drivers/watchdog/Kconfig
)

apt_has() { # PKG VERSION
	apt-cache show "$1=$2" >/dev/null 2>&1
}

for series in "$@"; do
	pkg=linux-source-$series
	# make -j may start this twice for one series (the kernel-source target
	# and a port's stamp): the second waits, then finds the stamp. The lock
	# is beside the tree, which a sanitizer build's folder links to.
	mkdir -p "$build"
	lockdir=$(dirname "$(readlink -m "$build/$pkg")")
	mkdir -p "$lockdir"
	exec 9>"$lockdir/.$pkg.lock"
	flock 9
	pinned=$(awk -v s="$series" '$1 == s { print $2 }' "$top/ported/trees")
	[ -n "$pinned" ] || { echo "kernel-source: ported/trees pins no version of $series" >&2; exit 1; }
	mkdir -p "$build/debs"
	version=$pinned
	deb="$build/debs/${pkg}_${version//:/%3a}_all.deb"
	if [ ! -s "$deb" ] && ! apt_has "$pkg" "$version"; then
		apt-get update -qq || true
		if ! apt_has "$pkg" "$version"; then
			version=$(apt-cache policy "$pkg" | sed -n 's/^  Candidate: //p')
			[ -n "$version" ] && [ "$version" != "(none)" ] ||
				{ echo "kernel-source: apt knows no $pkg: add Debian's bookworm-security to /etc/apt" >&2; exit 1; }
			echo "kernel-source: warning: $pkg $pinned (ported/trees) is gone from apt;" \
				"using $version: 'make port-record' re-records the hashes" >&2
			deb="$build/debs/${pkg}_${version//:/%3a}_all.deb"
		fi
	fi

	# A sanitizer build folder links to build/'s tree (sanitize/sanitize.mk): unpack there.
	dest=$(readlink -m "$build/$pkg")
	stamp="$pkg $version ${paths[*]}"
	if [ -f "$dest/.uldd-stamp" ] && [ "$(cat "$dest/.uldd-stamp")" = "$stamp" ]; then
		exec 9>&-
		continue
	fi
	if [ ! -s "$deb" ]; then
		echo "kernel-source: downloading $pkg $version"
		(cd "$build/debs" && apt-get download -q -o APT::Sandbox::User=root "$pkg=$version" >/dev/null)
	fi
	echo "kernel-source: unpacking ${#paths[@]} paths of $pkg $version into $dest"
	rm -rf "$dest.tmp"
	mkdir -p "$dest.tmp"
	# The .deb holds one tarball of the whole tree; stream it, keep the paths.
	dpkg-deb --fsys-tarfile "$deb" |
		tar -xO "./usr/src/$pkg.tar.xz" |
		xz -dc -T0 |
		tar -x -C "$dest.tmp" --strip-components=1 "${paths[@]/#/$pkg/}"
	for p in "${paths[@]}"; do
		[ -e "$dest.tmp/$p" ] || { echo "kernel-source: $pkg $version has no $p" >&2; exit 1; }
	done
	echo "$version" >"$dest.tmp/.uldd-version"
	echo "$stamp" >"$dest.tmp/.uldd-stamp"
	rm -rf "$dest"
	mv "$dest.tmp" "$dest"
	exec 9>&-
done
