#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# public-symbols.sh SHIM.o PREFIX HEADERS_DIR - the kernel API the shim
# offers drivers, by the names a driver writes: every global symbol SHIM.o
# defines (renamed PREFIX+name by scripts/kworld-link.sh) whose name a
# header under HEADERS_DIR mentions. A name no public header mentions is
# the shim's own business (one file of it calling another) and stays out
# of the library's dynamic symbol table.
set -eu
if [ $# -ne 3 ]; then
	echo "usage: $0 SHIM.o PREFIX HEADERS_DIR" >&2
	exit 2
fi
shim=$1 prefix=$2 headers=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
${NM:-nm} -g -P --defined-only "$shim" | awk -v p="$prefix" \
	'index($1, p) == 1 { print substr($1, length(p) + 1) }' | sort -u >"$tmp/defined"
find "$headers" -name '*.h' -exec cat {} + | grep -o '[A-Za-z_][A-Za-z_0-9]*' | sort -u >"$tmp/mentioned"
comm -12 "$tmp/defined" "$tmp/mentioned"
