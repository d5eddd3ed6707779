/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/stdarg.h - va_list and va_start/va_arg/va_copy/va_end. K-world is
 * compiled -nostdinc with only the compiler's own header folder added
 * (-isystem), so this is gcc's <stdarg.h>: its builtins are the only
 * correct implementation, and a driver that includes <stdarg.h> directly
 * gets the same definitions.
 */
#ifndef _LINUX_STDARG_H
#define _LINUX_STDARG_H

#include <stdarg.h>

#endif /* _LINUX_STDARG_H */
