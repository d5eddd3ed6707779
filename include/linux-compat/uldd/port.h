/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * uldd/port.h - what the stubs 'uldd port --stubs' generates call: the
 * driver reached a function the shim does not have. It names the function
 * and stops the driver as BUG() does, so a maintainer sees how far the
 * driver got on the device. Part of the driver ABI, as the stubs are
 * compiled into the driver.
 */
#ifndef _ULDD_PORT_H
#define _ULDD_PORT_H

#include <linux/compiler.h>

void __noreturn uldd_port_missing(const char *name);

#endif /* _ULDD_PORT_H */
