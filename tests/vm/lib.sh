# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Shared by the guest tests: assertions that print one line each and the
# paths of what the host built. Source it; it expects ULDD_BUILD.

ULDD=$ULDD_BUILD/bin/uldd
PROGS=$ULDD_BUILD/tests/vm/progs

# run.sh's VM_ENV: NAME=VALUE lines for this test (values without blanks).
vm_env=${ULDD_TEST:-none}
vm_env=$ULDD_BUILD/vm-env/${vm_env##*/}
vm_env=${vm_env%.sh}
if [ -f "$vm_env" ]; then
	while IFS= read -r assignment; do
		export "${assignment?}"
	done <"$vm_env"
fi
unset vm_env assignment

fail() {
	echo "FAIL $*"
	exit 1
}

ok() {
	echo "ok   $*"
}

# A test that cannot run here says why and ends with status 77, which
# run.sh and run-all.sh report as "SKIP t-name (reason)", not as a pass.
# Call it from the test's own shell, not from $(...) or a pipeline.
skip() {
	echo "SKIP: $*"
	exit 77
}

# A part of the test cannot run here: the test goes on, and the part is
# counted as one skip beside the test's result.
skip_part() {
	echo "SKIP: $*"
}

# Builtins only: every program started costs 50-150 ms under TCG.
driver_of() {
	local link=/sys/bus/pci/devices/$1/driver target
	if [ -e "$link" ]; then
		target=$(cd -P "$link" && pwd)
		echo "${target##*/}"
	else
		echo none
	fi
}

# expect_error STATUS PATTERN CMD...: CMD must exit with STATUS and say why
# on stderr in a first line that matches PATTERN (an extended regex); a
# failure (status 1) says it in that one line only.
expect_error() {
	local want=$1 pattern=$2 rc=0 err
	shift 2
	err=$("$@" 2>&1 >/dev/null) || rc=$?
	[ "$rc" -eq "$want" ] || fail "'$*' exited $rc, not $want: $err"
	[ "$want" -ne 1 ] || [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] ||
		fail "'$*' printed more than one line: $err"
	err=$(printf '%s\n' "$err" | head -n 1)
	printf '%s\n' "$err" | grep -Eq -- "$pattern" || fail "'$*' said '$err', not /$pattern/"
	ok "'$*' fails with: $err"
}
