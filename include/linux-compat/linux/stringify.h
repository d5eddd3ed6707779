/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/stringify.h - turning a macro's expansion into a string literal.
 */
#ifndef _LINUX_STRINGIFY_H
#define _LINUX_STRINGIFY_H

#define __stringify_1(x...) #x
#define __stringify(x...) __stringify_1(x)

#endif /* _LINUX_STRINGIFY_H */
