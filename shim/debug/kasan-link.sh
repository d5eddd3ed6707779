#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# kasan-link.sh ALLOW PREFIX OUT.o IN.o... - scripts/kworld-link.sh for a
# driver built with -fsanitize=kernel-address (shim/debug/kasan.mk): after
# the namespace split, GCC's calls __asan_*_noabort (left alone by the
# split: that prefix is the user-space sanitizers') become calls to the
# shim's checks, uldd_kasan_* (shim/debug/kasan.h) under PREFIX.
set -eu
if [ $# -lt 4 ]; then
	echo "usage: $0 ALLOW PREFIX OUT.o IN.o..." >&2
	exit 2
fi
here=$(dirname "$0")
prefix=$2 out=$3
"$here/../../scripts/kworld-link.sh" "$@"
map=${out%.o}.kasan.map
{
	for n in 1 2 4 8 16 N; do
		echo "__asan_load${n}_noabort ${prefix}uldd_kasan_load$n"
		echo "__asan_store${n}_noabort ${prefix}uldd_kasan_store$n"
	done
	echo "__asan_handle_no_return ${prefix}uldd_kasan_no_return"
} >"$map"
${OBJCOPY:-objcopy} --redefine-syms="$map" "$out" "$out.tmp.$$"
mv "$out.tmp.$$" "$out"
# Anything else the instrumentation asked for has no definition here.
left=$(${NM:-nm} -u -P "$out" | awk '$1 ~ /^__asan_/ { print $1 }')
if [ -n "$left" ]; then
	echo "kasan-link.sh: $out calls sanitizer functions the shim lacks: $left" >&2
	rm -f "$out"
	exit 1
fi
