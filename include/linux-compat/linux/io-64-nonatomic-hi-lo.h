/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/io-64-nonatomic-hi-lo.h - a 64-bit register as two 32-bit
 * accesses, the high half first, for devices that do not take one 64-bit
 * access. Not atomic: the device (or another CPU) may act between the
 * halves.
 */
#ifndef _LINUX_IO_64_NONATOMIC_HI_LO_H
#define _LINUX_IO_64_NONATOMIC_HI_LO_H

#include <linux/io.h>
#include <linux/types.h>

static inline __u64 hi_lo_readq(const volatile void __iomem *addr)
{
	const volatile u32 __iomem *p = addr;
	u32 high = readl(p + 1), low = readl(p);

	return low | ((u64)high << 32);
}

static inline void hi_lo_writeq(__u64 val, volatile void __iomem *addr)
{
	writel((u32)(val >> 32), (volatile u8 __iomem *)addr + 4);
	writel((u32)val, addr);
}

static inline __u64 hi_lo_readq_relaxed(const volatile void __iomem *addr)
{
	const volatile u32 __iomem *p = addr;
	u32 high = readl_relaxed(p + 1), low = readl_relaxed(p);

	return low | ((u64)high << 32);
}

static inline void hi_lo_writeq_relaxed(__u64 val, volatile void __iomem *addr)
{
	writel_relaxed((u32)(val >> 32), (volatile u8 __iomem *)addr + 4);
	writel_relaxed((u32)val, addr);
}

#endif /* _LINUX_IO_64_NONATOMIC_HI_LO_H */
