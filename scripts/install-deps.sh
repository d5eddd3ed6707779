#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Installs the Debian packages the build, the tests and the demo need, and
# only those that are missing, so a second run costs one dpkg query; then
# creates the system user 'uldd run' drops to, when it is absent.
set -euo pipefail

packages=(
	gcc make pkg-config            # host and K-world builds
	libcmocka-dev                  # unit tests
	libpci-dev pciutils            # uldd list (libpci), lspci in the guest
	libbsd-dev                     # uldd supervise: setproctitle, pidfile_open, closefrom
	libseccomp-dev                 # uldd run: its system call allow-list
	qemu-system-x86 seabios ipxe-qemu # the test guest and its NIC option ROMs
	busybox-static cpio kmod       # the guest's initramfs and modules.dep; nc, ping
	xz-utils                       # unpacking Debian's linux-source
	python3 coccinelle             # uldd port: its script, spatch for coccinelle/
	iproute2                       # network namespaces in the guest
	iperf3 jq                      # make bench-net: throughput, its JSON report
	clang-format cppcheck sparse   # make lint
	coccinelle                     # make cocci-check, uldd port: spatch
	abigail-tools dwarves          # make abi-check: abidiff, pahole
	gdb                            # uldd gdb (tools/gdb/uldd.py), tests/vm/t-gdb.sh
	fio                            # tests/vm/t-blk.sh: 4 KiB random reads through the nbd device
	bonnie++                       # make bench-blk: ext4 on nvme.ko against uldd's nvme port
	valgrind                       # memcheck on uldd run (t-debug.sh); its client-request headers
	dpkg-dev debhelper lintian     # make deb, make pkg-check
)

missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
done

# 'uldd run' drops root for this user once the driver's devices are open
# (tools/uldd/confine.c). The test guest's root is this host's, read-only,
# so the user made here is the one the guest sees.
need_user=
getent passwd uldd >/dev/null || need_user=1
[ ${#missing[@]} -eq 0 ] && [ -z "$need_user" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	[ ${#missing[@]} -eq 0 ] ||
		echo "install-deps: missing Debian packages: ${missing[*]}; run 'apt-get install ${missing[*]}' as root" >&2
	[ -z "$need_user" ] ||
		echo "install-deps: no user 'uldd' for 'uldd run' to drop to; run this script as root to create it" >&2
	exit 1
fi
if [ ${#missing[@]} -ne 0 ]; then
	echo "install-deps: installing ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if [ -n "$need_user" ]; then
	echo "install-deps: creating the system user uldd"
	useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin uldd
fi
