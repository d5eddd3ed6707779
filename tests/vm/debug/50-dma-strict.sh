# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Sourced by t-debug.sh. --debug=dma-strict: each dma_map_* is an IOMMU
# mapping of its own, dropped at unmap. samples/bug-dma bug=after-unmap
# has edu write into a buffer it already unmapped: without dma-strict the
# write lands unseen; with it the IOMMU refuses (the guest logs a DMAR
# fault) and uldd reports the mapping's map and unmap call sites, exit 1.
# edu, which breaks no rule, passes its checks under dma and dma-strict
# with its default 28-bit mask and with 64 bits.
BUGDMA=$ULDD_BUILD/samples/bug-dma.so
EDU=$ULDD_BUILD/samples/edu.so

debug_run /tmp/debug-late.log "bug-dma: after-unmap done" "$BUGDMA" --device "$EDU_ADDR" \
	--debug=dma bug=after-unmap
grep -q "after its unmap: it landed" /tmp/debug-late.log ||
	fail "without dma-strict the late write did not land"
! grep -q "^BUG: \|report(s)" /tmp/debug-late.log || fail "without dma-strict: a report"
[ "$DEBUG_RC" -eq 0 ] || fail "bug=after-unmap --debug=dma exited $DEBUG_RC"
ok "--debug=dma bug=after-unmap: the late write lands, unseen (what dma-strict is for)"

dmesg -C
debug_run /tmp/debug-strict.log "^BUG: dma-strict" "$BUGDMA" --device "$EDU_ADDR" \
	--debug=dma-strict bug=after-unmap
grep -q "after its unmap: nothing landed" /tmp/debug-strict.log ||
	fail "with dma-strict the late write reached the buffer"
dmesg | grep -Ei "DMAR: \[DMA Write[^]]*\] Request device \[00:10\.0\]" ||
	fail "the guest logged no DMAR write fault for 00:10.0"
n=$(grep -c "^BUG: " /tmp/debug-strict.log || true)
[ "$n" -eq 1 ] || fail "bug=after-unmap --debug=dma-strict: $n reports, not 1"
grep -q "^BUG: dma-strict: device $EDU_ADDR wrote to IOVA 0x[0-9a-f]* after dma_unmap_single()" \
	/tmp/debug-strict.log || fail "the report does not say which unmap the write came after"
iova=$(sed -n 's/^BUG: dma-strict: .* IOVA 0x\([0-9a-f]*\) after.*/\1/p' /tmp/debug-strict.log)
dmesg | grep -Eiq "DMAR: \[DMA Write[^]]*\] Request device \[00:10\.0\].*fault addr 0x0*$iova" ||
	fail "the reported IOVA 0x$iova is not the one the guest's DMAR fault names"
sites=$(grep -c "bugdma_after_unmap+0x" /tmp/debug-strict.log || true)
[ "$sites" -ge 2 ] || fail "the report names bugdma_after_unmap $sites times, not at map and unmap"
[ "$DEBUG_RC" -eq 1 ] || fail "bug=after-unmap --debug=dma-strict exited $DEBUG_RC, not 1"
ok "--debug=dma-strict bug=after-unmap: IOMMU fault, one report naming map and unmap sites, exit 1"

for bits in 28 64; do
	log=/tmp/debug-strict-edu-$bits.log
	debug_run "$log" "all checks passed" "$EDU" --device "$EDU_ADDR" --debug=dma,dma-strict \
		rounds=20 dma_bits=$bits
	grep -q "all checks passed" "$log" || fail "edu ($bits-bit mask) failed under dma-strict"
	! grep -q "^BUG: \|report(s)" "$log" || fail "edu ($bits-bit mask) got a report"
	[ "$DEBUG_RC" -eq 0 ] || fail "edu ($bits-bit mask) under dma,dma-strict exited $DEBUG_RC"
	ok "--debug=dma,dma-strict: edu with a $bits-bit mask passes with no report, exit 0"
done

# What a map+unmap pair costs edu (28-bit mask) in this boot, off and with
# each checker (under TCG only a comparison within one boot means anything).
debug_run /tmp/debug-edu-off.log "all checks passed" "$EDU" --device "$EDU_ADDR" rounds=20
debug_run /tmp/debug-edu-dma.log "all checks passed" "$EDU" --device "$EDU_ADDR" --debug=dma rounds=20
grep -q "all checks passed" /tmp/debug-edu-dma.log || fail "edu failed under --debug=dma"
! grep -q "^BUG: \|report(s)" /tmp/debug-edu-dma.log || fail "edu got a report under --debug=dma"
pair() { sed -n 's/.*dma_map_single + unmap: \([0-9]*\) ns per pair.*/\1/p' "$1"; }
ok "edu's dma_map_single+unmap: $(pair /tmp/debug-edu-off.log) ns off, $(pair /tmp/debug-edu-dma.log) ns with dma, $(pair /tmp/debug-strict-edu-28.log) ns with dma,dma-strict"
