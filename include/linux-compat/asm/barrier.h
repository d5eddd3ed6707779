/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * asm/barrier.h - memory barriers on x86-64, as Documentation/
 * memory-barriers.txt defines them: mb/rmb/wmb order every kind of memory
 * access (device memory and write-combining too), smp_* only normal memory
 * between CPUs, dma_* normal memory shared with a device.
 *
 * Why these instructions. x86-64 is TSO: loads are not reordered with
 * loads, stores not with stores, stores not with earlier loads; only a
 * store followed by a load (of another location) may pass. So:
 * - smp_rmb, smp_wmb, dma_rmb, dma_wmb, smp_load_acquire,
 *   smp_store_release and smp_mb__{before,after}_atomic need only stop the
 *   compiler (barrier()); the last two because every atomic read-modify-
 *   write on x86 is a LOCK-prefixed instruction, itself a full barrier.
 * - smp_mb must stop store->load reordering: a LOCK-prefixed OR of 0 into
 *   the stack, cheaper than MFENCE and enough for normal memory. It writes
 *   back the value it read, so the red zone below %rsp (user-space code
 *   may keep data there, unlike the kernel's) is left as it was.
 * - mb/rmb/wmb are MFENCE/LFENCE/SFENCE, which also order non-temporal
 *   stores and write-combining memory (a BAR mapped WC), as Linux does.
 *
 * Emulation notes: x86-64 only (the build stops elsewhere). vfio-pci maps
 * BARs uncached (UC): UC accesses are kept in program order with all other
 * accesses, so MMIO ordering comes from asm/io.h's accessors as in Linux.
 */
#ifndef _ASM_X86_BARRIER_H
#define _ASM_X86_BARRIER_H

#include <linux/compiler.h>

#ifndef __x86_64__
#error "uldd's asm/ headers are written for x86-64"
#endif

#define mb() __asm__ __volatile__("mfence" : : : "memory")
#define rmb() __asm__ __volatile__("lfence" : : : "memory")
#define wmb() __asm__ __volatile__("sfence" : : : "memory")

/* Coherent DMA memory is ordinary write-back memory: TSO orders it. */
#define dma_rmb() barrier()
#define dma_wmb() barrier()

#define __smp_mb() __asm__ __volatile__("lock orl $0, -4(%%rsp)" : : : "memory", "cc")
#define __smp_rmb() barrier()
#define __smp_wmb() barrier()

#define smp_mb() __smp_mb()
#define smp_rmb() __smp_rmb()
#define smp_wmb() __smp_wmb()

/* Writes value into var, then a full barrier. */
#define smp_store_mb(var, value)                                        \
	do {                                                            \
		__atomic_exchange_n(&(var), (value), __ATOMIC_SEQ_CST); \
	} while (0)

/*
 * A store that no earlier access may pass, and a load that no later access
 * may pass. On TSO a plain access of the right size gives both; the
 * compiler barrier keeps gcc from moving other accesses across it. Under
 * ThreadSanitizer they are C11 release and acquire accesses (on x86-64 the
 * same instructions), so TSan sees the hand-over they make.
 */
#ifdef __SANITIZE_THREAD__
#define smp_store_release(p, v)                                  \
	do {                                                     \
		typeof((void)0, *(p)) __ssr_v = (v);             \
		__atomic_store((p), &__ssr_v, __ATOMIC_RELEASE); \
	} while (0)

#define smp_load_acquire(p)                                     \
	({                                                      \
		typeof((void)0, *(p)) __sla_v;                  \
		__atomic_load((p), &__sla_v, __ATOMIC_ACQUIRE); \
		__sla_v;                                        \
	})
#else
#define smp_store_release(p, v)        \
	do {                           \
		barrier();             \
		WRITE_ONCE(*(p), (v)); \
	} while (0)

#define smp_load_acquire(p)                            \
	({                                             \
		__auto_type __sla_v = READ_ONCE(*(p)); \
		barrier();                             \
		__sla_v;                               \
	})
#endif

/* Around a non-value-returning atomic (atomic_inc, set_bit): a full barrier. */
#define smp_mb__before_atomic() barrier()
#define smp_mb__after_atomic() barrier()

/* After a branch on a loaded value: later loads ordered too (acquire). */
#define smp_acquire__after_ctrl_dep() smp_rmb()

#endif /* _ASM_X86_BARRIER_H */
