# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Shared by the guest tests: assertions that print one line each and the
# paths of what the host built. Source it; it expects ULDD_BUILD.

ULDD=$ULDD_BUILD/bin/uldd
# The host's values of the variables the test's vm-env lines name (run.sh).
# shellcheck disable=SC1090 # written by run.sh
[ -z "${ULDD_ENV:-}" ] || . "$ULDD_ENV"
PROGS=$ULDD_BUILD/tests/vm/progs

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
