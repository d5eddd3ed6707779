/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* asm/uaccess.h - what drivers that include the arch header for copy_to_user get. */
#ifndef _ASM_UACCESS_H
#define _ASM_UACCESS_H

#include <linux/uaccess.h>

#endif /* _ASM_UACCESS_H */
