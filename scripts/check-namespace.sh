#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# check-namespace.sh ALLOW PREFIX OBJ... - proves that the K-world objects
# one program links (renamed by kworld-link.sh) keep to the kernel
# namespace: every global symbol they define starts with PREFIX, and every
# symbol they use without defining is on the allow-list (the door, uhost_*,
# and a few toolchain symbols). So no K-world call or data reference can
# bind to libc. Prints one line; on failure, the offending names.
set -eu
if [ $# -lt 3 ]; then
	echo "usage: $0 ALLOW PREFIX OBJ..." >&2
	exit 2
fi
here=$(dirname "$0")
allow=$1 prefix=$2
shift 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

names=$(for o in "$@"; do basename "$o"; done | paste -sd+ -)
# A group whose object is not built (a ported driver before 'make ported')
# cannot be checked: say so, rather than pass on the objects that exist.
missing=
for o in "$@"; do
	[ -e "$o" ] || missing="$missing $(basename "$o")"
done
if [ -n "$missing" ]; then
	echo "check-namespace: SKIP $names:$missing not built, so not checked"
	exit 0
fi

for o in "$@"; do
	${NM:-nm} -g -P --defined-only "$o"
done | awk '{ print $1 }' | sort -u >"$tmp/defined"
for o in "$@"; do
	${NM:-nm} -g -P --undefined-only "$o"
done | awk '{ print $1 }' | sort -u >"$tmp/undefined"
comm -23 "$tmp/undefined" "$tmp/defined" >"$tmp/external"

# Defined without the prefix: exported under a name libc or H-world may own.
grep -v "^$prefix" "$tmp/defined" >"$tmp/bad_defined" || true
# Used, not defined, not allowed: with the prefix, a kernel symbol nobody
# defines; without it, a reference that would bind outside K-world.
awk -f "$here/kworld-allow.awk" "$allow" - <"$tmp/external" >"$tmp/bad_external"
grep "^$prefix" "$tmp/bad_external" >"$tmp/missing" || true
grep -v "^$prefix" "$tmp/bad_external" >"$tmp/leaks" || true

ok=1
if [ -s "$tmp/bad_defined" ]; then
	echo "check-namespace: $names: defined outside ${prefix}*:" $(cat "$tmp/bad_defined") >&2
	ok=0
fi
if [ -s "$tmp/leaks" ]; then
	echo "check-namespace: $names: used from outside K-world, not allowed:" $(cat "$tmp/leaks") >&2
	ok=0
fi
if [ -s "$tmp/missing" ]; then
	echo "check-namespace: $names: kernel symbols used, defined nowhere:" $(cat "$tmp/missing") >&2
	ok=0
fi
[ "$ok" = 1 ] || exit 1
echo "check-namespace: $names: $(wc -l <"$tmp/defined") symbols defined, all ${prefix}*;" \
	"used from outside K-world:" $(cat "$tmp/external")
