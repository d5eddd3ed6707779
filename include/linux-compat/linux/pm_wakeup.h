/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/pm_wakeup.h - wake-up sources. The calls are in linux/pm.h, where
 * this tree's drivers find them through linux/device.h: no device of a
 * uldd process can wake the system.
 */
#ifndef _LINUX_PM_WAKEUP_H
#define _LINUX_PM_WAKEUP_H

#include <linux/pm.h>

#endif /* _LINUX_PM_WAKEUP_H */
