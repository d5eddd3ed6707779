/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/t10-pi.h - T10 protection information: the 8-byte (16-bit guard)
 * and 16-byte (64-bit guard) tuples stored with each block as the SBC
 * standard and the NVMe specification lay them out, and the reference tag
 * a request's first block expects (its block number, truncated).
 *
 * Emulation notes: no integrity profile is kept (CONFIG_BLK_DEV_INTEGRITY
 * is off), so the protection interval is the logical block.
 */
#ifndef _LINUX_T10_PI_H
#define _LINUX_T10_PI_H

#include <asm/byteorder.h>
#include <linux/log2.h>
#include <linux/types.h>

enum t10_dif_type {
	T10_PI_TYPE0_PROTECTION = 0x0,
	T10_PI_TYPE1_PROTECTION = 0x1,
	T10_PI_TYPE2_PROTECTION = 0x2,
	T10_PI_TYPE3_PROTECTION = 0x3,
};

struct t10_pi_tuple {
	__be16 guard_tag;
	__be16 app_tag;
	__be32 ref_tag;
};

struct crc64_pi_tuple {
	__be64 guard_tag;
	__be16 app_tag;
	__u8 ref_tag[6];
};

#define T10_PI_APP_ESCAPE cpu_to_be16(0xffff)
#define T10_PI_REF_ESCAPE cpu_to_be32(0xffffffff)

/*
 * The request's first block number in logical blocks. Macros, so that
 * only their users need the block layer's headers (linux/blk-mq.h).
 */
#define __uldd_pi_first_block(rq) \
	(blk_rq_pos(rq) >> (ilog2(queue_logical_block_size((rq)->q)) - SECTOR_SHIFT))
#define t10_pi_ref_tag(rq) ((u32)__uldd_pi_first_block(rq))
#define ext_pi_ref_tag(rq) ((u64)__uldd_pi_first_block(rq) & ((1ULL << 48) - 1))

#endif /* _LINUX_T10_PI_H */
