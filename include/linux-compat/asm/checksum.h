/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * asm/checksum.h - the architecture's Internet checksum helpers. uldd has
 * one, portable set (net/checksum.h, shim/lib/checksum.c); drivers that
 * name the asm header get it.
 */
#ifndef _ASM_CHECKSUM_H
#define _ASM_CHECKSUM_H

#include <net/checksum.h>

#endif /* _ASM_CHECKSUM_H */
