/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/config.h - gone since 2.6.19, when Kbuild began to force-include
 * the configuration; drivers of before still include it. It carries the
 * old driver API (asm/system.h), as a driver this old needs it.
 */
#ifndef _LINUX_CONFIG_H
#define _LINUX_CONFIG_H

#include <asm/system.h>

#endif /* _LINUX_CONFIG_H */
