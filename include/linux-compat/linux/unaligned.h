/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/unaligned.h - loads and stores at addresses that may not be
 * aligned to the value's size (packet headers, descriptors in byte
 * buffers): get_unaligned/put_unaligned in the CPU's byte order, and the
 * _le16/32/64, _be16/32/64 (and 24-bit) forms in a fixed one. Linux 6.12
 * has this header here; 6.1 drivers include asm/unaligned.h, which
 * includes this one.
 *
 * Emulation notes: each access goes through a packed structure, so gcc
 * emits whatever the CPU needs (on x86-64, a plain load or store).
 */
#ifndef _LINUX_UNALIGNED_H
#define _LINUX_UNALIGNED_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <asm/byteorder.h>

/* *ptr as a type, at any alignment. */
#define __get_unaligned_t(type, ptr)                      \
	({                                                \
		const struct {                            \
			type x;                           \
		} __packed *__gu_p = (const void *)(ptr); \
		__gu_p->x;                                \
	})

#define __put_unaligned_t(type, val, ptr)           \
	do {                                        \
		struct {                            \
			type x;                     \
		} __packed *__pu_p = (void *)(ptr); \
		__pu_p->x = (val);                  \
	} while (0)

/* *ptr, and *ptr = val, in the CPU's byte order; the type is ptr's. */
#define get_unaligned(ptr) __get_unaligned_t(typeof(*(ptr)), (ptr))
#define put_unaligned(val, ptr) __put_unaligned_t(typeof(*(ptr)), (val), (ptr))

static __always_inline u16 get_unaligned_le16(const void *p)
{
	return le16_to_cpu(__get_unaligned_t(__le16, p));
}

static __always_inline u32 get_unaligned_le32(const void *p)
{
	return le32_to_cpu(__get_unaligned_t(__le32, p));
}

static __always_inline u64 get_unaligned_le64(const void *p)
{
	return le64_to_cpu(__get_unaligned_t(__le64, p));
}

static __always_inline void put_unaligned_le16(u16 val, void *p)
{
	__put_unaligned_t(__le16, cpu_to_le16(val), p);
}

static __always_inline void put_unaligned_le32(u32 val, void *p)
{
	__put_unaligned_t(__le32, cpu_to_le32(val), p);
}

static __always_inline void put_unaligned_le64(u64 val, void *p)
{
	__put_unaligned_t(__le64, cpu_to_le64(val), p);
}

static __always_inline u16 get_unaligned_be16(const void *p)
{
	return be16_to_cpu(__get_unaligned_t(__be16, p));
}

static __always_inline u32 get_unaligned_be32(const void *p)
{
	return be32_to_cpu(__get_unaligned_t(__be32, p));
}

static __always_inline u64 get_unaligned_be64(const void *p)
{
	return be64_to_cpu(__get_unaligned_t(__be64, p));
}

static __always_inline void put_unaligned_be16(u16 val, void *p)
{
	__put_unaligned_t(__be16, cpu_to_be16(val), p);
}

static __always_inline void put_unaligned_be32(u32 val, void *p)
{
	__put_unaligned_t(__be32, cpu_to_be32(val), p);
}

static __always_inline void put_unaligned_be64(u64 val, void *p)
{
	__put_unaligned_t(__be64, cpu_to_be64(val), p);
}

/* Three bytes, least significant first (le24) or most significant first (be24). */
static __always_inline u32 get_unaligned_le24(const void *p)
{
	const u8 *b = p;

	return b[0] | (u32)b[1] << 8 | (u32)b[2] << 16;
}

static __always_inline u32 get_unaligned_be24(const void *p)
{
	const u8 *b = p;

	return (u32)b[0] << 16 | (u32)b[1] << 8 | b[2];
}

static __always_inline void put_unaligned_le24(u32 val, void *p)
{
	u8 *b = p;

	b[0] = (u8)val;
	b[1] = (u8)(val >> 8);
	b[2] = (u8)(val >> 16);
}

static __always_inline void put_unaligned_be24(u32 val, void *p)
{
	u8 *b = p;

	b[0] = (u8)(val >> 16);
	b[1] = (u8)(val >> 8);
	b[2] = (u8)val;
}

#endif /* _LINUX_UNALIGNED_H */
