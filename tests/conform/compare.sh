#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# compare.sh KERNEL_LOG ULDD_LOG - sets the real kernel's conformance lines
# beside uldd's ("conform: PASS|FAIL|SKIP subsys.case ..."): one row per
# case that is not PASS on both, a count per subsystem, and the closing
# line "conformance: N cases; kernel N passed; uldd N passed, D differ".
# Exits 1 when a case fails on the kernel (the case itself is wrong), when
# the two differ, or when either run left a case out.
set -euo pipefail
klog=$1 ulog=$2
declare -A kres ures sub_n sub_k sub_u
parse() { # FILE ARRAY: result per case name
	local -n into=$2
	local line verdict name lines
	# No process substitution: the guest has no /dev/fd.
	lines=$(grep -a 'conform: \(PASS\|FAIL\|SKIP\) ' "$1" || true)
	while IFS= read -r line; do
		[ -n "$line" ] || continue
		line=${line#*conform: }
		verdict=${line%% *}
		case $verdict in PASS | FAIL | SKIP) ;; *) continue ;; esac
		name=${line#* }
		name=${name%% *}
		into[$name]=$verdict
		[ "$verdict" = PASS ] || into[$name]="$line"
	done <<<"$lines"
}
parse "$klog" kres
parse "$ulog" ures

names=$(printf '%s\n' "${!kres[@]}" "${!ures[@]}" | sort -u)
total=0 kpass=0 upass=0 differ=0 bad=0
for name in $names; do
	k=${kres[$name]:-MISSING} u=${ures[$name]:-MISSING}
	sub=${name%%.*}
	total=$((total + 1))
	sub_n[$sub]=$((${sub_n[$sub]:-0} + 1))
	[ "$k" = PASS ] && kpass=$((kpass + 1)) && sub_k[$sub]=$((${sub_k[$sub]:-0} + 1))
	[ "$u" = PASS ] && upass=$((upass + 1)) && sub_u[$sub]=$((${sub_u[$sub]:-0} + 1))
	if [ "$k" != PASS ] || [ "$u" != PASS ]; then
		printf '  %-44s kernel: %s\n  %-44s uldd:   %s\n' "$name" "$k" "" "$u"
	fi
	[ "${k%% *}" = "${u%% *}" ] || differ=$((differ + 1))
	case $k in PASS | SKIP*) ;; *) bad=$((bad + 1)) ;; esac
done
for sub in $(printf '%s\n' "${!sub_n[@]}" | sort); do
	printf '  %-12s %3d cases; kernel %3d passed; uldd %3d passed\n' "$sub" \
		"${sub_n[$sub]}" "${sub_k[$sub]:-0}" "${sub_u[$sub]:-0}"
done
echo "conformance: $total cases; kernel $kpass passed; uldd $upass passed, $differ differ"
[ "$total" -gt 0 ] && [ "$differ" -eq 0 ] && [ "$bad" -eq 0 ]
