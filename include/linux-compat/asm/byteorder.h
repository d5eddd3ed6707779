/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * asm/byteorder.h - x86-64 is little-endian: the byte-order conversions
 * (cpu_to_le32, be16_to_cpu, htons, ...) for a little-endian CPU.
 */
#ifndef _ASM_X86_BYTEORDER_H
#define _ASM_X86_BYTEORDER_H

#include <linux/byteorder/little_endian.h>

#endif /* _ASM_X86_BYTEORDER_H */
