/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/io-64-nonatomic-lo-hi.h - a 64-bit register as two 32-bit
 * accesses, the low half first, for devices that do not take one 64-bit
 * access. Not atomic: the device (or another CPU) may act between the
 * halves.
 */
#ifndef _LINUX_IO_64_NONATOMIC_LO_HI_H
#define _LINUX_IO_64_NONATOMIC_LO_HI_H

#include <linux/io.h>
#include <linux/types.h>

static inline __u64 lo_hi_readq(const volatile void __iomem *addr)
{
	const volatile u32 __iomem *p = addr;
	u32 low = readl(p), high = readl(p + 1);

	return low | ((u64)high << 32);
}

static inline void lo_hi_writeq(__u64 val, volatile void __iomem *addr)
{
	writel((u32)val, addr);
	writel((u32)(val >> 32), (volatile u8 __iomem *)addr + 4);
}

static inline __u64 lo_hi_readq_relaxed(const volatile void __iomem *addr)
{
	const volatile u32 __iomem *p = addr;
	u32 low = readl_relaxed(p), high = readl_relaxed(p + 1);

	return low | ((u64)high << 32);
}

static inline void lo_hi_writeq_relaxed(__u64 val, volatile void __iomem *addr)
{
	writel_relaxed((u32)val, addr);
	writel_relaxed((u32)(val >> 32), (volatile u8 __iomem *)addr + 4);
}

#endif /* _LINUX_IO_64_NONATOMIC_LO_HI_H */
