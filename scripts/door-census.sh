#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# door-census.sh TOP KOBJDIR - kernel/'s door headers, counted: each
# function a header declares and the shim objects (KOBJDIR, compiled, not
# yet renamed) that call it. A call that may block counts through its
# wrapper in shim/core/door.c (the names door.h poisons). Fails when a door
# function has no K-world caller (it belongs in host.h), when a blocking
# call lacks its wrapper, or when an object other than the wrapper's and
# the scheduler's (whose futex waits are how a vCPU is waited for) makes a
# blocking call bare, keeping its vCPU idle while the host sleeps.
set -eu
if [ $# -ne 2 ]; then
	echo "usage: $0 TOP KOBJDIR" >&2
	exit 2
fi
top=$1 kdir=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# "object symbol" for every undefined symbol of every K-world object, and
# the wrappers door.o defines.
find "$kdir" -name '*.o' | sort | while read -r o; do
	nm -u "$o" | awk -v o="${o#"$kdir"/}" '{ print o, $NF }'
done >"$tmp/uses"
nm --defined-only "$kdir/core/door.o" | awk '$2 == "T" { print $3 }' >"$tmp/wrappers"
# The blocking calls: the names door.h poisons.
sed -n 's/^#pragma GCC poison //p' "$top/shim/core/door.h" | tr ' ' '\n' | sed '/^$/d' |
	sort >"$tmp/blocking"
bare_ok="core/door.o kernel/sched/core.o"

fail=0
for h in uhost.h uhost_vfio.h uhost_tap.h uhost_blk.h; do
	rev=$(sed -n 's/^#define \(UHOST_[A-Z]*_REV\) \([0-9]*\).*/\1 \2/p' "$top/kernel/$h")
	# A declaration starts in column 0; its name is the first uhost_ word before "(".
	grep -E '^[a-z_]' "$top/kernel/$h" | grep -oE '\buhost_[a-z0-9_]+\(' |
		tr -d '(' | sort -u >"$tmp/fns"
	n=$(wc -l <"$tmp/fns")
	echo "door-census: kernel/$h ($rev): $n functions"
	while read -r f; do
		if grep -qx "$f" "$tmp/blocking"; then
			w=uldd_door_${f#uhost_}
			if ! grep -qx "$w" "$tmp/wrappers"; then
				echo "door-census: $f may block but shim/core/door.c has no $w" >&2
				fail=1
			fi
			callers=$(awk -v f="$f" -v w="$w" '($2 == f && $1 != "core/door.o") || $2 == w { print $1 }' \
				"$tmp/uses" | sort -u | tr '\n' ' ')
			kind="blocking, through $w"
		else
			callers=$(awk -v f="$f" '$2 == f { print $1 }' "$tmp/uses" | sort -u | tr '\n' ' ')
			kind="direct"
		fi
		if [ -z "$callers" ]; then
			echo "door-census: $f (kernel/$h) has no K-world caller: move it to kernel/host.h" >&2
			fail=1
			continue
		fi
		printf '  %-26s %-42s %s\n' "$f" "$kind" "$callers"
	done <"$tmp/fns"
done

# Bare blocking calls outside the two objects allowed to make them.
while read -r f; do
	awk -v f="$f" -v ok="$bare_ok" 'BEGIN { n = split(ok, a, " "); for (i = 1; i <= n; i++) allowed[a[i]] = 1 }
		$2 == f && !($1 in allowed) { print $1 }' "$tmp/uses" | while read -r o; do
		echo "door-census: shim/${o%.o}.c calls $f bare: use its wrapper (shim/core/door.h), which lends the vCPU out" >&2
		echo x >>"$tmp/bare"
	done
done <"$tmp/blocking"
[ -s "$tmp/bare" ] 2>/dev/null && fail=1

if [ "$fail" -ne 0 ]; then
	exit 1
fi
echo "door-census: every door function has a K-world caller; the $(wc -l <"$tmp/blocking") blocking ones are made through shim/core/door.c"
