#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Unpacks the parts of Debian's linux-source package that ported/ recipes
# compile (the target drivers, in the census's port order), once, under
# BUILD/linux-source-VERSION. Usage: kernel-source.sh BUILD [6.1|6.12]
set -euo pipefail

build=$1
series=${2:-6.1}
pkg=linux-source-$series
# What the recipes read: the target drivers and the tree's license and
# version. Nothing else of the tree is unpacked.
paths=(
	COPYING Makefile
	drivers/net/ethernet/intel/e1000 drivers/net/ethernet/8390 drivers/net/ethernet/realtek
	drivers/net/ethernet/amd/pcnet32.c drivers/net/ethernet/dec/tulip
	drivers/net/ethernet/intel/e100.c drivers/net/vmxnet3 drivers/net/ethernet/intel/e1000e
	drivers/nvme/host
)

mkdir -p "$build/debs"
version=$(apt-cache policy "$pkg" 2>/dev/null | sed -n 's/^  Candidate: //p')
if [ -z "$version" ] || [ "$version" = "(none)" ]; then
	apt-get update -qq
	version=$(apt-cache policy "$pkg" | sed -n 's/^  Candidate: //p')
fi
[ -n "$version" ] && [ "$version" != "(none)" ] ||
	{ echo "kernel-source: apt knows no $pkg: check the Debian sources in /etc/apt" >&2; exit 1; }

# A sanitizer build folder links to build/'s tree (sanitize/sanitize.mk): unpack there.
dest=$(readlink -m "$build/$pkg")
stamp="$pkg $version ${paths[*]}"
if [ -f "$dest/.uldd-stamp" ] && [ "$(cat "$dest/.uldd-stamp")" = "$stamp" ]; then
	exit 0
fi

deb=("$build/debs/${pkg}_${version//:/%3a}_all.deb")
if [ ! -s "${deb[0]}" ]; then
	echo "kernel-source: downloading $pkg $version"
	(cd "$build/debs" && apt-get download -q -o APT::Sandbox::User=root "$pkg=$version" >/dev/null)
fi
echo "kernel-source: unpacking ${#paths[@]} paths of $pkg $version into $dest"
rm -rf "$dest.tmp"
mkdir -p "$dest.tmp"
# The .deb holds one tarball of the whole tree; stream it, keep the paths.
dpkg-deb --fsys-tarfile "${deb[0]}" |
	tar -xO "./usr/src/$pkg.tar.xz" |
	xz -dc -T0 |
	tar -x -C "$dest.tmp" --strip-components=1 "${paths[@]/#/$pkg/}"
for p in "${paths[@]}"; do
	[ -e "$dest.tmp/$p" ] || { echo "kernel-source: $pkg $version has no $p" >&2; exit 1; }
done
echo "$stamp" >"$dest.tmp/.uldd-stamp"
rm -rf "$dest"
mv "$dest.tmp" "$dest"
