#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Installs the Debian packages the build, the tests and the demo need, and
# only those that are missing, so a second run costs one dpkg query.
set -euo pipefail

packages=(
	gcc make pkg-config            # host and K-world builds
	libcmocka-dev                  # unit tests
	libpci-dev pciutils            # uldd list (libpci), lspci in the guest
	libbsd-dev                     # uldd supervise: setproctitle, pidfile_open, closefrom
	qemu-system-x86 seabios ipxe-qemu # the test guest and its NIC option ROMs
	busybox-static cpio kmod       # the guest's initramfs and modules.dep; nc, ping
	xz-utils                       # unpacking Debian's linux-source
	python3 coccinelle             # uldd port: its script, spatch for coccinelle/
	iproute2                       # network namespaces in the guest
	iperf3 jq                      # make bench-net: throughput, its JSON report
	clang-format cppcheck sparse   # make lint
	coccinelle                     # make cocci-check, uldd port: spatch
)

missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "install-deps: missing Debian packages: ${missing[*]}; run 'apt-get install ${missing[*]}' as root" >&2
	exit 1
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
