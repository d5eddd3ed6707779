/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/types.h - the kernel's fixed-width and ABI types. Widths follow
 * Linux on 64-bit x86 and arm64: u64 is unsigned long long (so %llx is
 * right for it everywhere), size_t and pointers are 64-bit.
 *
 * Emulation notes: phys_addr_t and dma_addr_t are always 64-bit, as on a
 * kernel with CONFIG_PHYS_ADDR_T_64BIT and CONFIG_ARCH_DMA_ADDR_T_64BIT;
 * a DMA address is an IOVA (see the DMA arena in DESIGN.md).
 */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <linux/stddef.h>

#ifdef __CHECKER__
#define __bitwise __attribute__((bitwise))
#else
#define __bitwise
#endif

/* The user-space-visible names (uapi), then the kernel's short ones. */
typedef signed char __s8;
typedef unsigned char __u8;
typedef signed short __s16;
typedef unsigned short __u16;
typedef signed int __s32;
typedef unsigned int __u32;
typedef signed long long __s64;
typedef unsigned long long __u64;

typedef __s8 s8;
typedef __u8 u8;
typedef __s16 s16;
typedef __u16 u16;
typedef __s32 s32;
typedef __u32 u32;
typedef __s64 s64;
typedef __u64 u64;

/* Values in a fixed byte order; sparse checks their conversions. */
typedef __u16 __bitwise __le16;
typedef __u16 __bitwise __be16;
typedef __u32 __bitwise __le32;
typedef __u32 __bitwise __be32;
typedef __u64 __bitwise __le64;
typedef __u64 __bitwise __be64;
/* Internet checksums: folded to 16 bits, and the 32-bit partial sum. */
typedef __u16 __bitwise __sum16;
typedef __u32 __bitwise __wsum;

/* The C99 spellings, which some drivers use. */
typedef __u8 uint8_t;
typedef __u16 uint16_t;
typedef __u32 uint32_t;
typedef __u64 uint64_t;
typedef __s8 int8_t;
typedef __s16 int16_t;
typedef __s32 int32_t;
typedef __s64 int64_t;

typedef __SIZE_TYPE__ size_t;
/* The signed type of size_t's width; gcc has no __SSIZE_TYPE__. */
typedef __PTRDIFF_TYPE__ ssize_t;
typedef __PTRDIFF_TYPE__ ptrdiff_t;
typedef __UINTPTR_TYPE__ uintptr_t;
typedef __INTPTR_TYPE__ intptr_t;

/* The System V and C99 spellings older drivers still use. */
typedef unsigned char unchar;
typedef unsigned short ushort;
typedef unsigned int uint;
typedef unsigned long ulong;
typedef __u8 u_int8_t;
typedef __s8 int8_t;
typedef __u16 u_int16_t;
typedef __s16 int16_t;
typedef __u32 u_int32_t;
typedef __s32 int32_t;
typedef __u8 uint8_t;
typedef __u16 uint16_t;
typedef __u32 uint32_t;
typedef __u64 uint64_t;
typedef __u64 u_int64_t;
typedef __s64 int64_t;

typedef _Bool bool;

typedef u64 phys_addr_t;
typedef phys_addr_t resource_size_t;
typedef u64 dma_addr_t;

/* Block devices (linux/blk_types.h): a device number, 512-byte sectors, open modes. */
typedef u32 dev_t;
typedef u64 sector_t;
typedef u64 blkcnt_t;
typedef unsigned int __bitwise fmode_t;

/* Allocation flags (GFP_KERNEL, GFP_ATOMIC, ...). */
typedef unsigned int __bitwise gfp_t;

/* Files (linux/fs.h, linux/sysfs.h): permission bits, an offset, poll's event mask. */
typedef unsigned short umode_t;
typedef long long loff_t;
typedef unsigned int __bitwise __poll_t;

/* A bitmap of bits bits, in longs (linux/bitmap.h, linux/bitops.h). */
#define DECLARE_BITMAP(name, bits) \
	unsigned long name[((bits) + 8 * sizeof(long) - 1) / (8 * sizeof(long))]

/*
 * Counters for linux/atomic.h: read and change them only through its
 * functions (atomic_read, atomic_inc, ...).
 */
typedef struct {
	int counter;
} atomic_t;

typedef struct {
	s64 counter;
} atomic64_t;

/* A node of a circular doubly linked list, and its head (linux/list.h). */
struct list_head {
	struct list_head *next, *prev;
};

/*
 * A hash bucket's list (linux/list.h): the head is one pointer; each node
 * points back to the pointer that points to it, so it can unlink itself.
 */
struct hlist_head {
	struct hlist_node *first;
};

struct hlist_node {
	struct hlist_node *next, **pprev;
};

/* A deferred call queued on a list (call_rcu(), linux/rcupdate.h). */
struct callback_head {
	struct callback_head *next;
	void (*func)(struct callback_head *head);
};
#define rcu_head callback_head

/* Drivers embed these in their own structures: the layouts are Linux's. */
_Static_assert(sizeof(atomic_t) == 4 && sizeof(atomic64_t) == 8, "atomic_t layout");
_Static_assert(sizeof(struct list_head) == 2 * sizeof(void *), "list_head layout");
_Static_assert(sizeof(struct hlist_head) == sizeof(void *) &&
		       sizeof(struct hlist_node) == 2 * sizeof(void *),
	       "hlist layout");

#endif /* _LINUX_TYPES_H */
