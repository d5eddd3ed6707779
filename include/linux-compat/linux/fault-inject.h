/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/fault-inject.h - the kernel's fault injection framework, as a
 * kernel built without CONFIG_FAULT_INJECTION has it: no debugfs to arm
 * it from, so nothing ever fails on purpose (should_fail() is false).
 * uldd's own failure injection is the fake host layer of the unit tests.
 */
#ifndef _LINUX_FAULT_INJECT_H
#define _LINUX_FAULT_INJECT_H

#include <linux/types.h>

struct fault_attr;

static inline bool should_fail(struct fault_attr *attr, ssize_t size)
{
	(void)attr;
	(void)size;
	return false;
}

#endif /* _LINUX_FAULT_INJECT_H */
