/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/suspend.h - what a driver may ask about a system suspend in
 * progress. uldd never suspends the machine (the host does, and vfio-pci
 * keeps the device), so no transition is ever under way.
 */
#ifndef _LINUX_SUSPEND_H
#define _LINUX_SUSPEND_H

#include <linux/types.h>

static inline bool pm_suspend_via_firmware(void)
{
	return false;
}

static inline bool pm_resume_via_firmware(void)
{
	return false;
}

static inline bool pm_suspend_no_platform(void)
{
	return false;
}

#endif /* _LINUX_SUSPEND_H */
