#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# The Debian packages on a Debian 12 root without uldd: the guest's root
# (the host's, read-only) under a writable overlay, where dpkg installs
# libulddN (N: the ABI's major version), uldd and libuldd-dev of 'make
# deb'; this tree and its build are then hidden there. In that root,
# samples/edu's source and Kbuild file are built out of tree (make -C
# /usr/lib/uldd/build M=...) and run on QEMU's edu; then Linux 6.1's
# e1000.so, put where a driver package puts it, is started as
# uldd@uldd0.service would be: the installed unit's ExecStartPre and
# ExecStart with its EnvironmentFile /etc/uldd/uldd0.conf (no systemd in
# the guest), and its interface must carry pings from the kernel's e1000
# on the same hub; SIGTERM, as systemctl stop sends it to the main process
# (KillMode=mixed), stops it with status 0.
# vm-devices: -device edu,dma_mask=0xffffffffffffffff,addr=0x11
# vm-devices: -netdev hubport,id=n1,hubid=1 -device e1000,netdev=n1,addr=0x10
# vm-devices: -device pcie-root-port,id=rp1,bus=pcie.0,chassis=1,addr=0x8
# vm-devices: -netdev hubport,id=n2,hubid=1 -device e1000,netdev=n2,bus=rp1
# vm-timeout: 180
set -euo pipefail
. "$ULDD_TOP/tests/vm/lib.sh"
. "$ULDD_TOP/tests/vm/netlib.sh"

edu_addr=0000:00:11.0 nic_a=0000:00:10.0 nic_b=0000:01:00.0
A=$NET_NS_A B=$NET_NS_B
debs=$ULDD_BUILD/deb
ver=$(sed -n '1s/^uldd (\([^)]*\)).*/\1/p' "$ULDD_TOP/debian/changelog")
libpkg=libuldd$(sed -n 's/^#define ULDD_ABI_MAJOR \([0-9]*\)$/\1/p' "$ULDD_TOP/include/linux-compat/uldd/abi.h")
for p in $libpkg uldd libuldd-dev; do
	[ -f "$debs/${p}_${ver}_amd64.deb" ] || fail "no $debs/${p}_${ver}_amd64.deb: run 'make deb' (make check's pkg-check does)"
done
net_uldd_ready "$NET_E1000_SO" || skip "$NET_ERR"

ov=/tmp/pkgroot R=/tmp/pkgroot/root
mkdir -p "$ov/upper" "$ov/work" "$R"
modprobe -d "$ULDD_MODROOT" overlay || fail "cannot load the overlay module"
mount -t overlay overlay -o "lowerdir=/,upperdir=$ov/upper,workdir=$ov/work" "$R" ||
	fail "cannot put an overlay over the guest's root"
for d in proc sys dev; do mount --rbind "/$d" "$R/$d"; done
mount -t tmpfs tmpfs "$R/tmp"
mount -t tmpfs tmpfs "$R/run"
in_root() { chroot "$R" "$@"; }
# The guest powers off after the test; the overlay need not be undone, but
# the interfaces and namespaces are (netlib.sh).
trap net_teardown EXIT

[ ! -e "$R/usr/bin/uldd" ] || fail "the guest's root already has /usr/bin/uldd"
# dpkg's database: the host's lists some 150,000 files of 3,600 packages,
# which dpkg takes a minute to read over 9p under TCG, and man-db's trigger
# then runs for minutes. The new root's database holds the packages ours
# depend on, as the host has them, and nothing else.
deps=$(for p in $libpkg uldd libuldd-dev; do dpkg-deb -f "$debs/${p}_${ver}_amd64.deb" Depends; echo ,; done |
	sed 's/([^)]*)//g; s/[,|]/\n/g; s/ //g' | sort -u | grep -v '^libuldd' | xargs)
db=$R/var/lib/dpkg
mount -t tmpfs tmpfs "$db"
mkdir -p "$db/info" "$db/updates" "$db/triggers"
: >"$db/available"
# One pass over the host's status (3 MB): the stanzas of $deps, the names
# found on stderr, and uldd's own stanza is an error.
found=$(awk -v RS= -v ORS='\n\n' -v want=" $deps " -v lib="$libpkg" '
	{ split($0, l, "\n"); n = l[1]; sub(/^Package: /, "", n) }
	n == "uldd" || n == lib { print "installed:" n >"/dev/stderr" }
	index(want, " " n " ") { print; print n >"/dev/stderr" }' /var/lib/dpkg/status 2>&1 >"$db/status" | xargs)
[[ " $found " != *" installed:"* ]] || fail "the guest's root already has uldd's packages: $found"
for p in $deps; do
	[[ " $found " == *" $p "* ]] || fail "the guest's root lacks $p, which the packages depend on"
done
# Their file lists, so that dpkg knows what they own.
lists=()
for p in $deps; do
	for f in /var/lib/dpkg/info/"$p".list /var/lib/dpkg/info/"$p":amd64.list; do
		[ ! -e "$f" ] || lists+=("$f")
	done
done
cp "${lists[@]}" "$db/info/"
mkdir -p "$R/tmp/debs" "$R/tmp/edu"
cp "$debs"/{"$libpkg",uldd,libuldd-dev}_"${ver}"_amd64.deb "$R/tmp/debs/"
cp "$ULDD_TOP"/samples/edu/*.[ch] "$ULDD_TOP/samples/edu/Kbuild" "$R/tmp/edu/"
# This tree and its build folder vanish from the new root: what builds and
# runs there comes from the packages.
mount -t tmpfs -o ro tmpfs "$R$ULDD_TOP"
case $ULDD_BUILD in "$ULDD_TOP"/*) ;; *) mount -t tmpfs -o ro tmpfs "$R$ULDD_BUILD" ;; esac
[ ! -e "$R$ULDD_TOP/Makefile" ] || fail "the tree is still visible in the new root"

echo "== dpkg -i the packages"
t0=$SECONDS
in_root dpkg -i /tmp/debs/"$libpkg"_"$ver"_amd64.deb /tmp/debs/uldd_"$ver"_amd64.deb \
	/tmp/debs/libuldd-dev_"$ver"_amd64.deb >/tmp/dpkg.log 2>&1 || {
	cat /tmp/dpkg.log
	fail "dpkg -i failed"
}
# shellcheck disable=SC2016 # dpkg-query's fields
st=$(in_root dpkg-query -W -f '${Package} ${Status}\n' uldd "$libpkg" libuldd-dev)
[ "$(grep -c 'install ok installed' <<<"$st")" -eq 3 ] || fail "dpkg says: $st"
in_root uldd help >/dev/null 2>&1 || fail "the installed uldd does not run: $(in_root uldd help 2>&1 | head -n 2)"
getent passwd uldd >/dev/null || fail "uldd's postinst made no user uldd"
ok "dpkg -i $libpkg uldd libuldd-dev ($ver) beside $deps: installed in $((SECONDS - t0)) s; /usr/bin/uldd runs"

echo "== samples/edu built out of tree against the packages, run on edu"
t0=$SECONDS
in_root make -C /usr/lib/uldd/build M=/tmp/edu >/tmp/oot.log 2>&1 || {
	cat /tmp/oot.log
	fail "make -C /usr/lib/uldd/build M=/tmp/edu failed"
}
abi=$(in_root uldd modinfo -F abi /tmp/edu/edu.so)
# What these headers record (include/linux-compat/uldd/abi.h).
want=$(awk '$2 == "ULDD_ABI_MAJOR" { M = $3 } $2 == "ULDD_ABI_MINOR" { m = $3 } END { print "uldd " M "." m }' \
	"$ULDD_TOP/include/linux-compat/uldd/abi.h")
[ "$abi" = "$want" ] || fail "uldd modinfo says abi '$abi', not '$want'"
ok "make -C /usr/lib/uldd/build M=/tmp/edu: edu.so in $((SECONDS - t0)) s, abi $abi"
timeout 30 chroot "$R" uldd bind "$edu_addr" || fail "uldd bind $edu_addr failed in the new root"
timeout 60 chroot "$R" uldd run /tmp/edu/edu.so --device "$edu_addr" dma_bits=64 rounds=20 >/tmp/edu.log 2>&1 &
pid=$!
wait_line /tmp/edu.log "$pid" "runs on" 300 || true
kill -INT "$pid" 2>/dev/null || true
rc=0
wait "$pid" || rc=$?
if ! grep -q "$edu_addr: all checks passed" /tmp/edu.log || [ "$rc" -ne 0 ]; then
	cat /tmp/edu.log
	fail "the out-of-tree edu.so did not pass its checks (exit $rc)"
fi
ok "the out-of-tree edu.so passed its checks on $edu_addr and stopped cleanly"

echo "== uldd@uldd0.service: e1000.so under the supervisor, as the unit runs it"
unit=$R/lib/systemd/system/uldd@.service
inst=uldd0
[ -f "$unit" ] || fail "the uldd package installed no uldd@.service"
install -D -m 644 "$NET_E1000_SO" "$R/usr/lib/uldd/drivers/e1000.so"
envfile=$(sed -n "s/^EnvironmentFile=//p" "$unit" | sed "s/%i/$inst/g")
[ "$envfile" = /etc/uldd/$inst.conf ] || fail "the unit reads '$envfile', not /etc/uldd/$inst.conf"
printf '%s\n' "DRIVER=/usr/lib/uldd/drivers/e1000.so" "DEVICE=$nic_b" 'OPTIONS="--ifname uldd0"' \
	>"$R$envfile"
# unit_cmd KEY: the unit's KEY= command for this instance, with the
# EnvironmentFile's variables ($VAR splits on blanks, ${VAR} not: none of
# these values has one); unit_exec CMD runs it in the new root and
# namespace B.
unit_cmd() { sed -n "s/^$1=//p" "$unit" | sed "s/%i/$inst/g"; }
# It ends in exec (ip, chroot and the shell each exec the next), so that
# run in the background its pid is the unit's main process.
unit_exec() {
	# shellcheck disable=SC2016 # expanded by the inner shell
	exec ip netns exec "$B" chroot "$R" /bin/bash -c 'set -a; . "$1"; set +a; eval "exec $2"' unit "$envfile" "$1"
}
net_setup
net_move $nic_a "$A" netA
pre=$(unit_cmd ExecStartPre)
start=$(unit_cmd ExecStart)
{ [ -n "$pre" ] && [ -n "$start" ]; } || fail "the unit has no ExecStartPre or ExecStart"
(unit_exec "$pre") >/tmp/pre.log 2>&1 || fail "ExecStartPre=$pre: $(cat /tmp/pre.log)"
[ "$(driver_of $nic_b)" = vfio-pci ] || fail "ExecStartPre left $nic_b on $(driver_of $nic_b)"
NET_ULDD_LOG=/tmp/unit.log
unit_exec "$start" </dev/null >"$NET_ULDD_LOG" 2>&1 &
NET_ULDD_PID=$! NET_ULDD_NS=$B NET_ULDD_IF=uldd0
deadline=$((SECONDS + 60))
until ip -n "$B" link show dev uldd0 >/dev/null 2>&1; do
	kill -0 "$NET_ULDD_PID" 2>/dev/null || fail "ExecStart=$start exited: $(cat "$NET_ULDD_LOG")"
	[ "$SECONDS" -lt "$deadline" ] || fail "no uldd0 60 s after ExecStart=$start"
	sleep 0.1
done
read -r -d '' title </proc/$NET_ULDD_PID/cmdline || true
[[ $title == "uldd supervise e1000 $nic_b"* ]] || fail "the unit's main process is '$title', not the supervisor"
net_addr "$A" netA "$NET_IP_A"
net_addr "$B" uldd0 "$NET_IP_B"
net_wait_carrier "$A" netA
net_wait_carrier "$B" uldd0
net_ping "$A" "$NET_IP_B" 3
ok "ExecStartPre bound $nic_b, ExecStart's 'uldd supervise' brought up uldd0: carrier, 3 pings from the kernel's e1000"
net_uldd_stop
ok "SIGTERM to the unit's main process: exit 0, uldd0 gone"
