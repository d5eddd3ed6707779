#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# kheaders-reject.sh CC CFLAGS... - misuses the kernel headers must refuse
# at build time, as Linux's do: each snippet below must fail to compile,
# with the message given. The same calls used correctly must compile (the
# control), else a broken setup would seem to reject everything.
set -u
if [ $# -lt 1 ]; then
	echo "usage: $0 CC CFLAGS..." >&2
	exit 2
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0 checked=0

# try NAME CODE CC CFLAGS...: compiles CODE as a function body; compiler output in NAME.log.
try() {
	name=$1 code=$2
	shift 2
	cat >"$tmp/$name.c" <<EOC
#include <linux/kernel.h>
#include <linux/bitfield.h>
#include <linux/overflow.h>
#include <linux/string.h>
struct s { int a; long b; };
int f(int i, unsigned int u, long l, unsigned long ul, int *ip, int arr[4]);
int f(int i, unsigned int u, long l, unsigned long ul, int *ip, int arr[4])
{
	(void)i; (void)u; (void)l; (void)ul; (void)ip; (void)arr;
	$code;
	return 0;
}
EOC
	"$@" -c -o "$tmp/$name.o" "$tmp/$name.c" >"$tmp/$name.log" 2>&1
}

# reject NAME MESSAGE CODE CC CFLAGS...: CODE must not compile, and must say MESSAGE.
reject() {
	name=$1 msg=$2 code=$3
	shift 3
	checked=$((checked + 1))
	if try "$name" "$code" "$@"; then
		echo "kheaders-reject: $name: compiled, but must be refused: $code" >&2
		failed=$((failed + 1))
	elif ! grep -q -- "$msg" "$tmp/$name.log"; then
		echo "kheaders-reject: $name: refused without \"$msg\":" >&2
		sed 's/^/  /' "$tmp/$name.log" | head -5 >&2
		failed=$((failed + 1))
	fi
}

control='i = min(i, 3) + max(u, 4u) + min(u, 16) + clamp(i, 0, 9) + (int)min_t(long, l, u);
	i += (int)ARRAY_SIZE((int[4]){ 0 }) + (int)GENMASK(3, 1) + (int)FIELD_PREP(GENMASK(7, 4), 3);
	i += container_of(&((struct s *)ip)->b, struct s, b)->a;
	BUILD_BUG_ON(sizeof(int) != 4);
	char name[8];
	i += (int)strscpy(name, "ab") + (int)strscpy(name, "ab", sizeof(name)) + (int)strscpy((char *)ip, "ab", 4)'
if ! try control "$control" "$@"; then
	echo "kheaders-reject: the control does not compile:" >&2
	sed 's/^/  /' "$tmp/control.log" >&2
	exit 1
fi

reject min_signed_unsigned "min/max of signed and unsigned" 'i = min(i, u)' "$@"
reject max_long_ulong "min/max of signed and unsigned" 'l = max(l, ul)' "$@"
reject min_negative_constant "min/max/clamp of signed and unsigned" 'i = min(-1, 2u)' "$@"
reject clamp_mixed "min/max of signed and unsigned" 'u = clamp(u, i, 10u)' "$@"
reject array_size_of_pointer "must be array" 'i = ARRAY_SIZE(ip)' "$@"
reject array_size_of_parameter "must be array" 'i = ARRAY_SIZE(arr)' "$@"
reject genmask_swapped "BUILD_BUG_ON_ZERO" 'ul = GENMASK(1, 4)' "$@"
reject field_prep_too_wide "value too large for the field" 'i = FIELD_PREP(GENMASK(7, 4), 16)' "$@"
reject field_mask_not_constant "mask is not constant" 'i = FIELD_GET(ul, 5)' "$@"
reject field_mask_hole "mask is not contiguous" 'i = FIELD_PREP(0x90, 1)' "$@"
reject field_get_reg_too_small "type of reg too small" 'i = FIELD_GET(GENMASK_ULL(40, 36), (u32)u)' "$@"
reject build_bug_on "BUILD_BUG_ON failed" 'BUILD_BUG_ON(sizeof(int) == 4)' "$@"
reject static_assert "static assertion failed" 'static_assert(sizeof(int) == 8)' "$@"
reject not_power_of_2 "BUILD_BUG_ON failed" 'BUILD_BUG_ON_NOT_POWER_OF_2(6)' "$@"
reject zero_not_power_of_2 "BUILD_BUG_ON failed" 'BUILD_BUG_ON_NOT_POWER_OF_2(0)' "$@"
reject container_of_wrong_type "container_of: ptr does not point to" \
	'i = container_of(ip, struct s, b)->a' "$@"
reject strscpy_short_form_pointer "must be array" 'i = (int)strscpy((char *)ip, "ab")' "$@"
reject check_add_overflow_unused "warn_unused_result\|unused result" \
	'check_add_overflow(i, i, &i)' "$@"

if [ "$failed" -ne 0 ]; then
	echo "kheaders-reject: $failed of $checked misuses were not refused as they must be" >&2
	exit 1
fi
echo "kheaders-reject: $checked misuses of the kernel headers refused at build time; the control compiles"
