# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Sourced by t-debug.sh. --debug=dma: samples/bug-dma breaks one DMA-API
# rule per run (bug=); each gets exactly its report, naming the sample's
# function that broke it, and uldd exits 1; bug=none gets none and exits 0.
BUGDMA=$ULDD_BUILD/samples/bug-dma.so

# dma_case BUG FUNCTION TITLE: one run, one report.
dma_case() {
	local bug=$1 fn=$2 title=$3 log=/tmp/debug-dma-$1.log n
	debug_run "$log" "bug-dma: $bug done" "$BUGDMA" --device "$EDU_ADDR" --debug=dma bug="$bug"
	grep -q "bug-dma: $bug done" "$log" || fail "bug=$bug: the driver did not get through"
	n=$(grep -c "^BUG: " "$log" || true)
	[ "$n" -eq 1 ] || fail "bug=$bug: $n reports, not 1"
	grep -q "^BUG: DMA-API: $EDU_ADDR: .*$title" "$log" || fail "bug=$bug: no report '$title'"
	grep -q "$fn+0x" "$log" || fail "bug=$bug: the report does not name $fn"
	[ "$DEBUG_RC" -eq 1 ] || fail "bug=$bug: uldd run exited $DEBUG_RC, not 1"
	ok "--debug=dma bug=$bug: one report ($title) naming $fn, exit 1"
}

dma_case double-unmap bugdma_double_unmap "which is already unmapped"
grep -q "and dropped by dma_unmap_single() in:" /tmp/debug-dma-double-unmap.log ||
	fail "bug=double-unmap: the report does not say where the first unmap was"
dma_case never-mapped bugdma_never_mapped "which was never mapped"
dma_case wrong-size bugdma_wrong_size "with size 1024, but it was mapped with size 2048"
dma_case wrong-dir bugdma_wrong_dir "with direction DMA_TO_DEVICE, but it was mapped DMA_FROM_DEVICE"
dma_case no-error-check bugdma_no_error_check "device driver failed to check map error"
dma_case cpu-write bugdma_cpu_write "CPU wrote to a buffer mapped DMA_TO_DEVICE while the device owned it"

debug_run /tmp/debug-dma-none.log "bug-dma: none done" "$BUGDMA" --device "$EDU_ADDR" --debug=dma,leaks bug=none
grep -q "bug-dma: none done" /tmp/debug-dma-none.log || fail "bug=none: the driver failed"
! grep -q "^BUG: \|report(s)" /tmp/debug-dma-none.log || fail "bug=none got a report"
[ "$DEBUG_RC" -eq 0 ] || fail "bug=none: uldd run exited $DEBUG_RC"
ok "--debug=dma,leaks bug=none: no report, exit 0"

# --debug=leaks: the mappings still alive at exit, streaming and coherent, with the stacks that made them.
debug_run /tmp/debug-dma-leak.log "bug-dma: leak done" "$BUGDMA" --device "$EDU_ADDR" --debug=leaks bug=leak
grep -q "^BUG: leaks: 2 DMA mappings still mapped at exit" /tmp/debug-dma-leak.log ||
	fail "bug=leak: no leak report of its 2 DMA mappings"
grep -q "made by dma_map_single() at:" /tmp/debug-dma-leak.log &&
	grep -q "made by dma_alloc_coherent() at:" /tmp/debug-dma-leak.log ||
	fail "bug=leak: the report does not list the streaming and the coherent mapping"
[ "$(grep -c "bugdma_leak+0x" /tmp/debug-dma-leak.log)" -ge 2 ] ||
	fail "bug=leak: the stacks do not name bugdma_leak"
[ "$DEBUG_RC" -eq 1 ] || fail "bug=leak --debug=leaks exited $DEBUG_RC, not 1"
ok "--debug=leaks bug=leak: the streaming and coherent mappings left at exit, named, exit 1"
