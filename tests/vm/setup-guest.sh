#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Prepares the test guest under BUILD_DIR/guest: a Debian kernel (vmlinuz) and
# a small initramfs (busybox, the modules the tests need, tests/vm/init).
# Idempotent: the download, unpacking and initrd are redone only on change.
set -euo pipefail

usage() {
	echo "usage: $0 BUILD_DIR   (env GUEST_KERNEL=6.1|6.12, default 6.1)" >&2
	exit 2
}
[ $# -eq 1 ] || usage

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
mkdir -p "$1"
build=$(cd "$1" && pwd)
guest=$build/guest
series=${GUEST_KERNEL:-6.1}

# The modules the initramfs loads at boot; their dependencies come along from
# modules.dep. virtio_pci, 9pnet_virtio and 9p carry the two 9p shares.
modules=(
	vfio vfio_iommu_type1 vfio-pci # uldd's way in to the devices
	tun nbd                        # uldd's network and block back ends
	e1000 e1000e vmxnet3            # NICs can start on their in-kernel drivers
	virtio_pci 9pnet_virtio 9p     # the host root and build shares
)

log() { echo "setup-guest: $*" >&2; }
die() {
	log "error: $*"
	exit 1
}

# The default kernel keeps the plain names the design notes use; others get
# their series as suffix (vmlinuz-6.12, initrd-6.12). run.sh relies on this.
if [ "$series" = 6.1 ]; then suffix= ; else suffix=-$series; fi

mkdir -p "$guest/debs"
# Two concurrent runs (make -j, or two run.sh) must not build over each other.
exec 9>"$guest/.lock"
flock 9

# Prints the name of the kernel image package for $series, from the local apt
# lists only (no network). 6.1 follows Debian's linux-image-amd64 meta package;
# other series take the newest linux-image-<series>.N[+debN]-amd64[-unsigned].
resolve_package() {
	if [ "$series" = 6.1 ]; then
		apt-cache depends linux-image-amd64 2>/dev/null |
			awk '$1 ~ /Depends:$/ && $2 ~ /^linux-image-6\.1\./ { print $2; exit }'
	else
		local re="^linux-image-${series//./\\.}\\.[0-9][^-]*-amd64(-unsigned)?\$"
		# Equal versions sort the signed name first, so the -unsigned one wins.
		apt-cache pkgnames "linux-image-$series." 2>/dev/null | grep -E "$re" |
			sort -V | tail -n 1 || true
	fi
}

# Prints "package version" of the kernel to use.
resolve() {
	local pkg
	pkg=$(resolve_package) || true
	if [ -z "$pkg" ]; then
		# A fresh machine may have empty apt lists: fetch them once.
		log "apt knows no linux-image for $series; running apt-get update"
		apt-get update -qq >&2 || true
		pkg=$(resolve_package) || true
	fi
	[ -n "$pkg" ] || return 1
	local ver
	ver=$(apt-cache show --no-all-versions "$pkg" 2>/dev/null |
		sed -n 's/^Version: //p' | head -n 1) || true
	[ -n "$ver" ] || return 1
	echo "$pkg $ver"
}

# apt-cache takes about a second per call where its binary cache is disabled
# (Debian's Docker images do that), so the answer is kept in a file and asked
# again only when the apt lists change (their names, sizes and times).
lists_key() {
	local LISTS=/var/lib/apt/lists/
	eval "$(apt-config shell LISTS Dir::State::lists/d)"
	stat -c '%n %s %Y' "$LISTS"*Packages* 2>/dev/null | sha256sum | cut -c1-16
}
cached_resolve() {
	local file=$guest/resolved$suffix key k p v
	key=$(lists_key)
	if read -r k p v 2>/dev/null <"$file" && [ "$k" = "$key" ] && [ -n "$v" ]; then
		echo "$p $v"
		return 0
	fi
	read -r p v < <(resolve) || return 1
	# The key is taken again: resolve may have run apt-get update.
	echo "$(lists_key) $p $v" >"$file"
	echo "$p $v"
}

# Downloads $1 (package) at version $2 into debs/ unless it is there already;
# prints the path of the .deb.
fetch_deb() {
	local pkg=$1 ver=$2 deb
	# apt names the file with the epoch's colon escaped as %3a.
	deb=$guest/debs/${pkg}_${ver//:/%3a}_amd64.deb
	if [ ! -s "$deb" ]; then
		log "downloading $pkg $ver"
		local opts=()
		# As root apt drops to user _apt, which cannot write into our folder,
		# and warns; root downloading its own file is fine here.
		[ "$(id -u)" -ne 0 ] || opts=(-o APT::Sandbox::User=root)
		if ! (cd "$guest/debs" && apt-get "${opts[@]}" download "$pkg=$ver" >&2); then
			# Security updates drop superseded versions from the mirror:
			# refresh the lists once and ask again.
			apt-get update -qq >&2 || true
			read -r pkg ver < <(resolve) || return 1
			deb=$guest/debs/${pkg}_${ver//:/%3a}_amd64.deb
			(cd "$guest/debs" && apt-get "${opts[@]}" download "$pkg=$ver" >&2) || return 1
		fi
		# Keep one .deb per kernel series in the cache.
		find "$guest/debs" -name "linux-image-$series.*.deb" ! -path "$deb" -delete
	fi
	echo "$deb"
}

# Remembers the last kernel used, so a machine that cannot reach the apt
# mirror any more keeps working from the cache.
current=$guest/kernel$suffix.deb
deb=
if read -r pkg ver < <(cached_resolve); then
	deb=$(fetch_deb "$pkg" "$ver") || deb=
fi
if [ -z "$deb" ]; then
	if [ -s "$current" ] && [ -s "$(cat "$current")" ]; then
		deb=$(cat "$current")
		log "warning: cannot resolve or download the $series kernel; using cached $(basename "$deb")"
	else
		die "cannot find a Debian linux-image package for series $series"
	fi
fi
echo "$deb" >"$current"

# The kernel release (uname -r) is the package name without its prefix and
# without -unsigned: linux-image-6.1.0-56-amd64 -> 6.1.0-56-amd64.
pkg=$(dpkg-deb -f "$deb" Package)
kver=${pkg#linux-image-}
kver=${kver%-unsigned}
root=$guest/root-$kver

# Unpack once per .deb; depmod because Debian's package ships no modules.dep
# (its postinst runs depmod on an installed system).
if [ "$(cat "$root/.unpacked" 2>/dev/null)" != "$(basename "$deb")" ]; then
	log "unpacking $(basename "$deb")"
	rm -rf "$root" "$root.tmp"
	dpkg-deb -x "$deb" "$root.tmp"
	[ -d "$root.tmp/lib/modules/$kver" ] || die "$deb has no lib/modules/$kver"
	depmod -b "$root.tmp" "$kver"
	basename "$deb" >"$root.tmp/.unpacked"
	mv "$root.tmp" "$root"
	# An older kernel of the same series is 400 MB nobody uses any more.
	for old in "$guest/root-$series".*; do
		[ "$old" = "$root" ] || rm -rf "$old"
	done
fi
vmlinuz=$guest/vmlinuz$suffix
cmp -s "$root/boot/vmlinuz-$kver" "$vmlinuz" 2>/dev/null ||
	cp "$root/boot/vmlinuz-$kver" "$vmlinuz"

# Under TCG the kernel's own decompressor takes about 3 s of a 9 s boot.
# Debian builds with CONFIG_PVH, so QEMU can start the uncompressed ELF
# directly (PVH entry); run.sh boots vmlinux when it exists. The bzImage
# header says where the compressed kernel is: setup_sects at 0x1f1,
# payload_offset and payload_length at 0x248 and 0x24c (boot protocol 2.08),
# and the payload ends with the uncompressed size (4 bytes, little endian).
u8() { od -An -tu1 -j "$2" -N1 "$1" | tr -d ' '; }
u32() { od -An -tu4 -j "$2" -N4 "$1" | tr -d ' '; }
extract_vmlinux() { # bzImage out
	local bz=$1 out=$2 sects start len size magic dec
	sects=$(u8 "$bz" $((0x1f1)))
	[ "$sects" -ne 0 ] || sects=4 # 0 means 4, for old boot loaders
	start=$(((sects + 1) * 512 + $(u32 "$bz" $((0x248)))))
	len=$(u32 "$bz" $((0x24c)))
	size=$(u32 "$bz" $((start + len - 4)))
	magic=$(od -An -tx1 -j "$start" -N4 "$bz" | tr -d ' ')
	case $magic in
	fd377a58) dec=(xz -dc --single-stream) ;; # 6.1
	28b52ffd) dec=(zstd -qdc) ;;              # 6.12
	1f8b*) dec=(gzip -dc) ;;
	*) return 1 ;;
	esac
	command -v "${dec[0]}" >/dev/null || return 1
	# The decompressors complain about the 4 size bytes after the stream;
	# the size check below is what tells a good result.
	tail -c +$((start + 1)) "$bz" | head -c "$len" | "${dec[@]}" >"$out.tmp" 2>/dev/null || true
	if [ "$(stat -c %s "$out.tmp")" = "$size" ] && [ "$(head -c 4 "$out.tmp" | tail -c 3)" = ELF ]; then
		mv "$out.tmp" "$out"
	else
		rm -f "$out.tmp"
		return 1
	fi
}
vmlinux=$guest/vmlinux$suffix
if [ ! -s "$vmlinux" ] || [ "$vmlinuz" -nt "$vmlinux" ]; then
	rm -f "$vmlinux"
	if ! grep -q '^CONFIG_PVH=y' "$root/boot/config-$kver" ||
		! extract_vmlinux "$vmlinuz" "$vmlinux"; then
		log "note: no PVH vmlinux for $kver; the guest boots the slower bzImage"
	fi
fi

# The initrd depends on this script (module list, layout), the init, the
# kernel build and the host's busybox; a hash of them all decides a rebuild.
initrd=$guest/initrd$suffix
[ -x /bin/busybox ] || die "/bin/busybox is missing (package busybox-static)"
# The initramfs has no libraries, so only a static busybox works there.
if ldd /bin/busybox >/dev/null 2>&1; then
	die "/bin/busybox is dynamically linked; install busybox-static"
fi
stamp=$( {
	sha256sum "$here/setup-guest.sh" "$here/init" /bin/busybox | cut -d' ' -f1
	basename "$deb"
} | sha256sum | cut -d' ' -f1)
if [ -s "$initrd" ] && [ "$(cat "$initrd.stamp" 2>/dev/null)" = "$stamp" ]; then
	exit 0
fi

log "building $(basename "$initrd") for $kver"
stage=$(mktemp -d "$guest/initrd-stage.XXXXXX")
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage"/{bin,sbin,usr/bin,usr/sbin,dev,proc,sys,tmp,run,newroot,etc/uldd}
mkdir -p "$stage/lib/modules/$kver"

cp /bin/busybox "$stage/bin/busybox"
# Applet links made now rather than by "busybox --install" at boot: one less
# step on every boot. --list-full prints paths such as usr/bin/[ .
/bin/busybox --list-full | while read -r applet; do
	case $applet in */*) ;; *) continue ;; esac # skip linuxrc at /
	[ -e "$stage/$applet" ] || ln -s /bin/busybox "$stage/$applet"
done

# Module closure: the host's kmod modprobe reads the full modules.dep made
# above and prints "insmod <path>" for each module in load order ("builtin
# <name>" for those built into the kernel, which need no file).
mods_src=$root/lib/modules/$kver
mods_dst=$stage/lib/modules/$kver
: >"$stage/etc/uldd/modules"
for m in "${modules[@]}"; do
	deps=$(modprobe -C /dev/null -d "$root" -S "$kver" --show-depends "$m") ||
		die "module $m not found in $kver"
	while read -r kind path _; do
		[ "$kind" = insmod ] || continue
		rel=${path#"$mods_src"/}
		out=$mods_dst/${rel%.[xg]z}
		out=${out%.zst}
		[ -e "$out" ] && continue
		mkdir -p "$(dirname "$out")"
		# busybox modprobe cannot decompress; 6.12 ships .ko.xz.
		case $path in
		*.ko) cp "$path" "$out" ;;
		*.ko.xz) unxz -c "$path" >"$out" ;;
		*.ko.gz) gunzip -c "$path" >"$out" ;;
		*.ko.zst) zstd -qdc "$path" >"$out" ;;
		*) die "unexpected module file $path" ;;
		esac
	done <<<"$deps"
	# Builtins need no modprobe at boot.
	if grep -q '^insmod ' <<<"$deps"; then
		echo "$m" >>"$stage/etc/uldd/modules"
	fi
done
cp "$mods_src"/modules.{builtin,builtin.modinfo,order} "$mods_dst/"
# modules.dep and modules.alias for the reduced set, so busybox modprobe finds
# the dependencies inside the initramfs.
depmod -b "$stage" "$kver"

install -m 0755 "$here/init" "$stage/init"

# The kernel opens /dev/console for PID 1 before anything is mounted, so the
# initramfs needs that node; making it with mknod would need root. Instead
# this appends a second cpio archive (the kernel unpacks concatenated ones)
# holding /dev/console, written by hand in the newc format: a "070701" magic,
# 13 8-digit hex fields, the NUL-terminated name padded to 4 bytes.
newc_entry() { # name mode rdevmajor rdevminor ino
	local name=$1 mode=$2 major=$3 minor=$4 ino=$5 namesize hdr pad
	namesize=$((${#name} + 1))
	hdr=$(printf '070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X' \
		"$ino" "$mode" 0 0 1 0 0 0 0 "$major" "$minor" "$namesize" 0)
	printf '%s%s\0' "$hdr" "$name"
	pad=$(((4 - (110 + namesize) % 4) % 4))
	head -c "$pad" /dev/zero
}
console_cpio() {
	newc_entry dev/console $((0020000 | 0600)) 5 1 1 # char device 5:1
	newc_entry TRAILER!!! 0 0 0 0
}

(
	cd "$stage"
	find . -mindepth 1 | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet
	console_cpio
) | gzip -6 >"$initrd.tmp"
mv "$initrd.tmp" "$initrd"
echo "$stamp" >"$initrd.stamp"
log "ready: kernel $kver, $(basename "$initrd") $(du -k "$initrd" | cut -f1) KiB in $guest"
