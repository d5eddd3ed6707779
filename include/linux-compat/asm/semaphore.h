/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* asm/semaphore.h - moved to linux/semaphore.h in 2.6.26; old drivers include it here. */
#ifndef _ASM_SEMAPHORE_H
#define _ASM_SEMAPHORE_H

#include <asm/system.h>
#include <linux/semaphore.h>

#endif /* _ASM_SEMAPHORE_H */
