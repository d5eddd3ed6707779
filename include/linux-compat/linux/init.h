/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/init.h - section markers for code and data used only while a
 * module starts or stops.
 *
 * Emulation notes: a driver process never frees its init code, so __init,
 * __exit and their data forms are empty: the code stays, nothing moves.
 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler.h>

#define __init
#define __exit
#define __initdata
#define __initconst
#define __exitdata
#define __refdata
#define __ref
#define __devinit
#define __devexit

typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);

#endif /* _LINUX_INIT_H */
