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

# wait_line LOG PID TEXT [TENTHS]: waits until LOG holds TEXT (0), or the
# process PID ended, or TENTHS tenths of a second (default 200) passed (1).
wait_line() {
	local log=$1 pid=$2 text=$3 n=${4:-200}
	for _ in $(seq "$n"); do
		grep -q "$text" "$log" && return 0
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	grep -q "$text" "$log"
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

# assert_confined PID CAPEFF [SECCOMP]: the running 'uldd run' at PID gave
# up root as documented (tools/uldd/confine.c): every thread runs as the
# user uldd with exactly CAPEFF (16 hex digits) effective and permitted,
# nothing beyond it in its bounding set, no_new_privs, and the seccomp
# filter (mode 2) unless SECCOMP says 0 (--no-seccomp).
assert_confined() {
	local pid=$1 want=$2 mode=${3:-2} uid t f v
	uid=$(id -u uldd) || fail "no user uldd: scripts/install-deps.sh creates it on the host"
	for t in /proc/"$pid"/task/*; do
		f=$t/status
		v=$(sed -n 's/^Uid:[[:space:]]*//p' "$f" | tr -s '\t ' ' ')
		[ "$v" = "$uid $uid $uid $uid" ] || fail "$f: Uid '$v', not $uid (uldd) four times"
		v=$(sed -n 's/^Gid:[[:space:]]*//p' "$f" | tr -s '\t ' ' ')
		[ "${v%% *}" != 0 ] || fail "$f: Gid '$v': still group root"
		for cap in CapEff CapPrm CapBnd; do
			v=$(sed -n "s/^$cap:[[:space:]]*//p" "$f")
			[ "$v" = "$want" ] || fail "$f: $cap $v, not $want"
		done
		v=$(sed -n 's/^CapAmb:[[:space:]]*//p' "$f")
		[ "$v" = 0000000000000000 ] || fail "$f: CapAmb $v, not 0"
		v=$(sed -n 's/^NoNewPrivs:[[:space:]]*//p' "$f")
		[ "$v" = 1 ] || fail "$f: NoNewPrivs $v, not 1"
		v=$(sed -n 's/^Seccomp:[[:space:]]*//p' "$f")
		[ "$v" = "$mode" ] || fail "$f: Seccomp $v, not $mode"
	done
}
