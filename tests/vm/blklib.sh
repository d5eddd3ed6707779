# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Block helpers for the guest tests. Source after lib.sh.
#
#   blk_ext4_check DEV WHO [DIRS FILES KIB]
#       mkfs.ext4 on DEV, DIRS folders of FILES files of random bytes (the
#       n-th file n * KIB KiB), their SHA-256 sums, unmount, fsck -f,
#       remount and verify; fails naming WHO's DEV, or says ok.
# shellcheck shell=bash

blk_ext4_check() { # DEV WHO [DIRS FILES KIB]
	local dev=$1 who=$2 dirs=${3:-3} files=${4:-4} kib=${5:-53} mnt=/tmp/blk-mnt d f
	mkfs.ext4 -q -F "$dev" || fail "mkfs.ext4 on $who's $dev failed"
	mkdir -p "$mnt"
	mount "$dev" "$mnt" || fail "mount of $who's $dev failed"
	for ((d = 0; d < dirs; d++)); do
		mkdir -p "$mnt/d$d"
		for ((f = 0; f < files; f++)); do
			head -c $(((d * files + f + 1) * kib * 1024)) /dev/urandom >"$mnt/d$d/f$f"
		done
	done
	(cd "$mnt" && find . -type f -print0 | sort -z | xargs -0 sha256sum) >/tmp/blk-sums
	sync
	umount "$mnt"
	fsck.ext4 -f -n "$dev" >/tmp/blk-fsck.log 2>&1 ||
		fail "fsck -f on $who's $dev is not clean: $(cat /tmp/blk-fsck.log)"
	mount "$dev" "$mnt" || fail "remount of $who's $dev failed"
	(cd "$mnt" && sha256sum --quiet -c /tmp/blk-sums) || fail "$who's $dev: the sums differ after remount"
	umount "$mnt"
	ok "ext4 on $who's $dev: $(wc -l </tmp/blk-sums) files, fsck -f clean, sums equal after remount"
}
