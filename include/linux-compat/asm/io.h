/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * asm/io.h - access to device registers: MMIO accessors on a mapped BAR
 * (readb/w/l/q, writeb/w/l/q, their _relaxed and __raw_ forms,
 * ioread/iowrite, memcpy_fromio/memcpy_toio/memset_io), and the port I/O
 * calls (inb, outb, ...).
 *
 * Ordering, as Documentation/memory-barriers.txt ("Kernel I/O barrier
 * effects") and Documentation/driver-api/device-io.rst give it:
 * readX/writeX to one device are in program order with each other; writeX
 * comes after every earlier store to normal memory (a descriptor written
 * in coherent DMA memory, then a doorbell write, needs no wmb); readX
 * comes before every later load of normal memory (a status read, then
 * the DMA buffer it announces). The _relaxed and __raw_ forms keep only
 * the order among accesses to the same device.
 *
 * How x86-64 gives that: vfio-pci maps BARs uncached (UC), and UC loads
 * and stores are performed in program order with respect to all other
 * loads and stores, so the hardware needs no fence. Each accessor is one
 * MOV of the register's width in inline assembly (never split or merged,
 * and decodable by a hypervisor that traps it); readX/writeX also clobber
 * "memory", so gcc keeps ordinary accesses on their side of it, as Linux
 * x86 does. The relaxed forms have no clobber: gcc orders them only with
 * other volatile accesses.
 *
 * The ioread and iowrite families take either an MMIO address or a port
 * cookie (pci_iomap of an I/O BAR, ioport_map), as Linux's lib/iomap.c
 * does: a cookie is the port number itself, and port numbers are below
 * ULDD_PIO_LIMIT, where nothing is ever mapped (the host maps BARs and the
 * arena where mmap chooses, far above), so one compare tells them apart
 * and the MMIO path stays a compare and a MOV. Port I/O (inb ... outsl,
 * shim/drivers/pci/ioport.c) reaches the I/O BAR with IN and OUT on its
 * host ports once the thread has ioperm(2) for them, else (no
 * CAP_SYS_RAWIO, ULDD_PORTIO=vfio) through VFIO, a system call per access.
 *
 * Emulation notes: x86-64 only. A BAR mapped write-combining (ioremap_wc)
 * would need wmb() for ordering, as in Linux. The ports of I/O BARs are
 * numbered from 0x10000, not where the BIOS put them; memcpy_fromio and
 * the like take MMIO addresses only, as on Linux.
 */
#ifndef _ASM_X86_IO_H
#define _ASM_X86_IO_H

#include <linux/compiler.h>
#include <linux/swab.h>
#include <linux/types.h>
#include <linux/unaligned.h>
#include <asm/barrier.h>

/* One MMIO load or store: name, register width, MOV suffix and operand constraint. */
#define __MMIO_READ(name, type, sfx, reg, clobber...)                            \
	static __always_inline type name(const volatile void __iomem *addr)      \
	{                                                                        \
		type ret;                                                        \
                                                                                 \
		__asm__ __volatile__("mov" sfx " %1, %0"                         \
				     : reg(ret)                                  \
				     : "m"(*(const volatile type __force *)addr) \
				     : clobber);                                 \
		return ret;                                                      \
	}

#define __MMIO_WRITE(name, type, sfx, reg, clobber...)                          \
	static __always_inline void name(type val, volatile void __iomem *addr) \
	{                                                                       \
		__asm__ __volatile__("mov" sfx " %1, %0"                        \
				     : "=m"(*(volatile type __force *)addr)     \
				     : reg(val)                                 \
				     : clobber);                                \
	}

/* Ordered with ordinary memory accesses (a compiler barrier on each side). */
__MMIO_READ(readb, u8, "b", "=q", "memory")
__MMIO_READ(readw, u16, "w", "=r", "memory")
__MMIO_READ(readl, u32, "l", "=r", "memory")
__MMIO_READ(readq, u64, "q", "=r", "memory")
__MMIO_WRITE(writeb, u8, "b", "q", "memory")
__MMIO_WRITE(writew, u16, "w", "r", "memory")
__MMIO_WRITE(writel, u32, "l", "r", "memory")
__MMIO_WRITE(writeq, u64, "q", "r", "memory")

/* Ordered only with other accesses to device memory. */
__MMIO_READ(__raw_readb, u8, "b", "=q")
__MMIO_READ(__raw_readw, u16, "w", "=r")
__MMIO_READ(__raw_readl, u32, "l", "=r")
__MMIO_READ(__raw_readq, u64, "q", "=r")
__MMIO_WRITE(__raw_writeb, u8, "b", "q")
__MMIO_WRITE(__raw_writew, u16, "w", "r")
__MMIO_WRITE(__raw_writel, u32, "l", "r")
__MMIO_WRITE(__raw_writeq, u64, "q", "r")

#define readb_relaxed(a) __raw_readb(a)
#define readw_relaxed(a) __raw_readw(a)
#define readl_relaxed(a) __raw_readl(a)
#define readq_relaxed(a) __raw_readq(a)
#define writeb_relaxed(v, a) __raw_writeb(v, a)
#define writew_relaxed(v, a) __raw_writew(v, a)
#define writel_relaxed(v, a) __raw_writel(v, a)
#define writeq_relaxed(v, a) __raw_writeq(v, a)

/*
 * Port I/O on the port windows the PCI layer gives I/O BARs
 * (shim/drivers/pci/ioport.c). A port nobody decodes reads all ones. The
 * _p forms pause after the access on old ISA hardware; here they are the
 * plain ones.
 */
u8 inb(unsigned long port);
u16 inw(unsigned long port);
u32 inl(unsigned long port);
void outb(u8 value, unsigned long port);
void outw(u16 value, unsigned long port);
void outl(u32 value, unsigned long port);
void insb(unsigned long port, void *buffer, unsigned long count);
void insw(unsigned long port, void *buffer, unsigned long count);
void insl(unsigned long port, void *buffer, unsigned long count);
void outsb(unsigned long port, const void *buffer, unsigned long count);
void outsw(unsigned long port, const void *buffer, unsigned long count);
void outsl(unsigned long port, const void *buffer, unsigned long count);

#define inb_p(port) inb(port)
#define inw_p(port) inw(port)
#define inl_p(port) inl(port)
#define outb_p(value, port) outb(value, port)
#define outw_p(value, port) outw(value, port)
#define outl_p(value, port) outl(value, port)

/* Port cookies are the port numbers, all below this (see the top). */
#define ULDD_PIO_LIMIT 0x40000UL

static __always_inline bool __uldd_iomap_is_port(const volatile void __iomem *addr)
{
	return unlikely((unsigned long)addr < ULDD_PIO_LIMIT);
}

#define __uldd_port(addr) ((unsigned long)(addr))

/* The ioread and iowrite families: MMIO, or port I/O through a cookie. */
static __always_inline unsigned int ioread8(const void __iomem *addr)
{
	return __uldd_iomap_is_port(addr) ? inb(__uldd_port(addr)) : readb(addr);
}

static __always_inline unsigned int ioread16(const void __iomem *addr)
{
	return __uldd_iomap_is_port(addr) ? inw(__uldd_port(addr)) : readw(addr);
}

static __always_inline unsigned int ioread32(const void __iomem *addr)
{
	return __uldd_iomap_is_port(addr) ? inl(__uldd_port(addr)) : readl(addr);
}

/* No 64-bit port cycle exists: low half first, as lo_hi_readq. */
static __always_inline u64 ioread64(const void __iomem *addr)
{
	if (__uldd_iomap_is_port(addr))
		return inl(__uldd_port(addr)) | (u64)inl(__uldd_port(addr) + 4) << 32;
	return readq(addr);
}

/* Registers in big-endian byte order. */
static __always_inline unsigned int ioread16be(const void __iomem *addr)
{
	return swab16(ioread16(addr));
}

static __always_inline unsigned int ioread32be(const void __iomem *addr)
{
	return swab32(ioread32(addr));
}

static __always_inline void iowrite8(u8 value, void __iomem *addr)
{
	if (__uldd_iomap_is_port(addr))
		outb(value, __uldd_port(addr));
	else
		writeb(value, addr);
}

static __always_inline void iowrite16(u16 value, void __iomem *addr)
{
	if (__uldd_iomap_is_port(addr))
		outw(value, __uldd_port(addr));
	else
		writew(value, addr);
}

static __always_inline void iowrite32(u32 value, void __iomem *addr)
{
	if (__uldd_iomap_is_port(addr))
		outl(value, __uldd_port(addr));
	else
		writel(value, addr);
}

static __always_inline void iowrite64(u64 value, void __iomem *addr)
{
	if (__uldd_iomap_is_port(addr)) {
		outl((u32)value, __uldd_port(addr));
		outl((u32)(value >> 32), __uldd_port(addr) + 4);
	} else {
		writeq(value, addr);
	}
}

static __always_inline void iowrite16be(u16 value, void __iomem *addr)
{
	iowrite16(swab16(value), addr);
}

static __always_inline void iowrite32be(u32 value, void __iomem *addr)
{
	iowrite32(swab32(value), addr);
}

/*
 * count reads of one register (a FIFO) into buffer, or writes from it; on a
 * port cookie, ins and outs (one REP INS or OUTS on the direct path).
 */
static inline void ioread8_rep(const void __iomem *addr, void *buffer, unsigned long count)
{
	u8 *b = buffer;

	if (__uldd_iomap_is_port(addr)) {
		insb(__uldd_port(addr), buffer, count);
		return;
	}
	while (count--)
		*b++ = ioread8(addr);
}

static inline void ioread16_rep(const void __iomem *addr, void *buffer, unsigned long count)
{
	u8 *b = buffer;

	if (__uldd_iomap_is_port(addr)) {
		insw(__uldd_port(addr), buffer, count);
		return;
	}
	for (; count--; b += 2)
		put_unaligned((u16)ioread16(addr), (u16 *)b);
}

static inline void ioread32_rep(const void __iomem *addr, void *buffer, unsigned long count)
{
	u8 *b = buffer;

	if (__uldd_iomap_is_port(addr)) {
		insl(__uldd_port(addr), buffer, count);
		return;
	}
	for (; count--; b += 4)
		put_unaligned((u32)ioread32(addr), (u32 *)b);
}

static inline void iowrite8_rep(void __iomem *addr, const void *buffer, unsigned long count)
{
	const u8 *b = buffer;

	if (__uldd_iomap_is_port(addr)) {
		outsb(__uldd_port(addr), buffer, count);
		return;
	}
	while (count--)
		iowrite8(*b++, addr);
}

static inline void iowrite16_rep(void __iomem *addr, const void *buffer, unsigned long count)
{
	const u8 *b = buffer;

	if (__uldd_iomap_is_port(addr)) {
		outsw(__uldd_port(addr), buffer, count);
		return;
	}
	for (; count--; b += 2)
		iowrite16(get_unaligned((const u16 *)b), addr);
}

static inline void iowrite32_rep(void __iomem *addr, const void *buffer, unsigned long count)
{
	const u8 *b = buffer;

	if (__uldd_iomap_is_port(addr)) {
		outsl(__uldd_port(addr), buffer, count);
		return;
	}
	for (; count--; b += 4)
		iowrite32(get_unaligned((const u32 *)b), addr);
}

/* A cookie for nr ports from port: the port number (see the top). */
static inline void __iomem *ioport_map(unsigned long port, unsigned int nr)
{
	(void)nr;
	return port < ULDD_PIO_LIMIT ? (void __iomem *)(uintptr_t)port : NULL;
}

static inline void ioport_unmap(void __iomem *addr)
{
	(void)addr;
}

/*
 * Copies between device memory and normal memory: bytes up to the first
 * 4-byte boundary of the device address, then 32-bit accesses, then bytes,
 * so the device sees aligned accesses no wider than 32 bits (as Linux
 * x86's string moves give). Ordered as readX/writeX as a whole.
 */
static inline void memcpy_fromio(void *dst, const volatile void __iomem *src, size_t count)
{
	const volatile u8 __iomem *s = src;
	u8 *d = dst;

	barrier();
	for (; count && ((unsigned long)s & 3); count--)
		*d++ = __raw_readb(s++);
	for (; count >= 4; count -= 4, s += 4, d += 4)
		put_unaligned(__raw_readl(s), (u32 *)d);
	for (; count; count--)
		*d++ = __raw_readb(s++);
	barrier();
}

static inline void memcpy_toio(volatile void __iomem *dst, const void *src, size_t count)
{
	volatile u8 __iomem *d = dst;
	const u8 *s = src;

	barrier();
	for (; count && ((unsigned long)d & 3); count--)
		__raw_writeb(*s++, d++);
	for (; count >= 4; count -= 4, s += 4, d += 4)
		__raw_writel(get_unaligned((const u32 *)s), d);
	for (; count; count--)
		__raw_writeb(*s++, d++);
	barrier();
}

static inline void memset_io(volatile void __iomem *dst, int c, size_t count)
{
	volatile u8 __iomem *d = dst;
	u32 word = 0x01010101u * (u8)c;

	barrier();
	for (; count && ((unsigned long)d & 3); count--)
		__raw_writeb((u8)c, d++);
	for (; count >= 4; count -= 4, d += 4)
		__raw_writel(word, d);
	for (; count; count--)
		__raw_writeb((u8)c, d++);
	barrier();
}

/*
 * Physical and virtual addresses: a process has only virtual ones, and the
 * IOMMU mapping makes them the bus addresses too (IOVA = VA), so these are
 * the identity. Drivers use them for fixed chip windows only.
 */
static inline void *phys_to_virt(phys_addr_t addr)
{
	return (void *)(uintptr_t)addr;
}

static inline phys_addr_t virt_to_phys(volatile void *addr)
{
	return (phys_addr_t)(uintptr_t)addr;
}

#endif /* _ASM_X86_IO_H */
