/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * asm/unaligned.h - where Linux 6.1 drivers find get_unaligned and
 * friends; Linux 6.12 moved them to linux/unaligned.h, which this includes.
 */
#ifndef _ASM_X86_UNALIGNED_H
#define _ASM_X86_UNALIGNED_H

#include <linux/unaligned.h>

#endif /* _ASM_X86_UNALIGNED_H */
