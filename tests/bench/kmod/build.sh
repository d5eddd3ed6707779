#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Builds the in-kernel half of bench_vm (ubench.ko) for the guest's kernel,
# with Debian's linux-headers package for that exact version (installed
# here when missing). Usage: build.sh BUILD
set -euo pipefail
build=$1
here=$(cd "$(dirname "$0")" && pwd)
root=$(ls -d "$build"/guest/root-6.1.* 2>/dev/null | head -n 1)
[ -n "$root" ] || { echo "bench: no guest kernel in $build/guest: run 'make vm-setup'" >&2; exit 1; }
version=${root##*/root-}
if [ ! -d "/lib/modules/$version/build" ]; then
	[ "$(id -u)" -eq 0 ] ||
		{ echo "bench: run 'apt-get install linux-headers-$version' as root" >&2; exit 1; }
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		"linux-headers-$version" >/dev/null
fi
out=$build/bench/kmod
mkdir -p "$out"
cp "$here/ubench.c" "$here/Kbuild" "$out/"
make -s -C "/lib/modules/$version/build" M="$out" modules 2>&1 | grep -v 'Skipping BTF' || true
[ -f "$out/ubench.ko" ] || { echo "bench: ubench.ko did not build" >&2; exit 1; }
