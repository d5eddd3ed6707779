#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# update.sh - 'make abi-update': records the ABI as it now is, after a
# deliberate change: new public symbols go under the version node that
# include/linux-compat/uldd/abi.h names (a node of its own, after the
# others: a released node never changes), and the layout table and the
# abidw baseline are written anew. Environment as for abi/check.sh.
set -euo pipefail
hdrs=$TOP/include/linux-compat
sym=$TOP/abi/libuldd.sym
major=$(sed -n 's/^#define ULDD_ABI_MAJOR \([0-9]*\)$/\1/p' "$hdrs/uldd/abi.h")
minor=$(sed -n 's/^#define ULDD_ABI_MINOR \([0-9]*\)$/\1/p' "$hdrs/uldd/abi.h")
node="ULDD_$major.$minor"
listed=$(grep -v '^[#[]' "$sym" | grep . | sort)
new=$("$TOP/abi/public-symbols.sh" "$BUILD/shim/shim.o" "$KPREFIX" "$hdrs" | comm -13 <(echo "$listed") -)
gone=$("$TOP/abi/public-symbols.sh" "$BUILD/shim/shim.o" "$KPREFIX" "$hdrs" | comm -23 <(echo "$listed") -)
if [ -n "$gone" ]; then
	echo "abi-update: the shim no longer offers $(echo $gone): a removal needs a new major version (abi/README.md)" >&2
	exit 1
fi
if [ -n "$new" ]; then
	last=$(grep '^\[' "$sym" | tail -n 1)
	if [ "$last" != "[$node]" ]; then
		if grep -qx "\[$node\]" "$sym"; then
			echo "abi-update: $node is released (a later node follows it): bump ULDD_ABI_MINOR first" >&2
			exit 1
		fi
		printf '[%s]\n' "$node" >>"$sym"
	fi
	echo "$new" >>"$sym"
	echo "abi-update: $(echo "$new" | wc -l) new symbols under $node in abi/libuldd.sym"
fi
# The library must carry the new list before abidw reads it.
make -C "$TOP" --no-print-directory "$LIB" >/dev/null
# shellcheck disable=SC2086
"$TOP/abi/layout.sh" "$CC" "$hdrs" "$TOP/abi/layout.txt" $KCFLAGS -include "$hdrs/linux/compiler_types.h"
abidw --no-corpus-path --no-show-locs --headers-dir "$hdrs" --drop-private-types \
	--suppressions "$TOP/abi/private.suppr" --out-file "$TOP/abi/libuldd.abi" "$LIB"
echo "abi-update: abi/layout.txt and abi/libuldd.abi record ABI $major.$minor"
