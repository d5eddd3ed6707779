# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Block helpers for the guest tests. Source after lib.sh.
#
#   blk_ext4_check DEV WHO [DIRS FILES KIB]
#       mkfs.ext4 on DEV, DIRS folders of FILES files of random bytes (the
#       n-th file n * KIB KiB), their SHA-256 sums, unmount, fsck -f,
#       remount and verify; fails naming WHO's DEV, or says ok.
#   blk_nbd_gone DEV WHO
#       within 5 s DEV is disconnected and no nbd broker runs; WHO (the
#       driver, the supervisor) names what stopped, in the failure.
#   blk_edge_check DEV PID LOG
#       flush, discard where the disk offers it, and a read past its end,
#       which reads nothing while the driver (PID, its log LOG) lives on.
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

blk_edge_check() { # DEV PID LOG
	local dev=$1 pid=$2 log=$3 sys=/sys/block/${1#/dev/} lbs sectors dmax out
	read -r lbs <"$sys"/queue/logical_block_size
	read -r sectors <"$sys"/size
	sync "$dev" 2>/dev/null || sync
	blockdev --flushbufs "$dev" || fail "flushing $dev failed"
	read -r dmax <"$sys"/queue/discard_max_bytes
	if [ "$dmax" -gt 0 ]; then
		blkdiscard -f "$dev" || fail "blkdiscard $dev failed"
		ok "blkdiscard on $dev"
	else
		skip_part "$dev does not advertise discard: blkdiscard not tried"
	fi
	out=$(dd if="$dev" of=/dev/null bs="$lbs" skip=$((sectors * 512 / lbs)) count=1 iflag=direct 2>&1) ||
		true
	grep -q "^0+0 records in" <<<"$out" || fail "a read past the end of $dev gave: $out"
	kill -0 "$pid" || fail "the driver died on a read past the end: $(cat "$log")"
	ok "a read past the end reads nothing; the driver runs on"
}

blk_nbd_gone() { # DEV WHO
	local dev=$1 who=$2 c comm
	for _ in $(seq 50); do
		[ -e /sys/block/"${dev#/dev/}"/pid ] || break
		sleep 0.1
	done
	[ ! -e /sys/block/"${dev#/dev/}"/pid ] || fail "$dev is still connected after the $who stopped"
	for c in /proc/[0-9]*/comm; do
		read -r comm <"$c" 2>/dev/null || continue
		[ "$comm" != uldd-nbd ] || fail "the nbd broker ${c%/comm} outlived the $who"
	done
}
