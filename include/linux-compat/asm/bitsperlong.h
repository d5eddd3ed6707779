/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* asm/bitsperlong.h - x86-64's long is 64 bits: the generic definitions apply. */
#ifndef _ASM_X86_BITSPERLONG_H
#define _ASM_X86_BITSPERLONG_H

#include <asm-generic/bitsperlong.h>

#endif /* _ASM_X86_BITSPERLONG_H */
