/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* cache.h - the CPU's cache line (x86-64: 64 bytes). */
#ifndef _LINUX_CACHE_H
#define _LINUX_CACHE_H

#define L1_CACHE_SHIFT 6
#define L1_CACHE_BYTES (1 << L1_CACHE_SHIFT)
#define SMP_CACHE_BYTES L1_CACHE_BYTES

#ifndef ____cacheline_aligned
#define ____cacheline_aligned __attribute__((__aligned__(SMP_CACHE_BYTES)))
#endif
#define ____cacheline_aligned_in_smp ____cacheline_aligned
#define __cacheline_aligned ____cacheline_aligned
/* Placement hints the kernel uses for hot read-only data: none here. */
#define __read_mostly
#define __ro_after_init

#endif /* _LINUX_CACHE_H */
