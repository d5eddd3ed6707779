/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/pm_runtime.h - runtime power management, as a kernel built without
 * CONFIG_PM answers it: every device is always active.
 *
 * Emulation notes: a device owned by vfio-pci is powered by the host; the
 * host's vfio-pci decides its D-state (and keeps it in D0 while uldd holds
 * it open), so the driver's runtime suspend never runs. Resume and get
 * report "already active" (1), suspend and idle requests -ENOSYS, and
 * pm_runtime_suspended() is false, as Linux's !CONFIG_PM stubs do.
 */
#ifndef _LINUX_PM_RUNTIME_H
#define _LINUX_PM_RUNTIME_H

#include <linux/errno.h>
#include <linux/pm.h>
#include <linux/types.h>

struct device;

static inline int pm_runtime_get_sync(struct device *dev)
{
	(void)dev;
	return 1;
}

static inline int pm_runtime_resume_and_get(struct device *dev)
{
	(void)dev;
	return 0;
}

static inline int pm_runtime_resume(struct device *dev)
{
	(void)dev;
	return 1;
}

static inline void pm_runtime_get_noresume(struct device *dev)
{
	(void)dev;
}

static inline void pm_runtime_put_noidle(struct device *dev)
{
	(void)dev;
}

static inline int pm_runtime_put(struct device *dev)
{
	(void)dev;
	return -ENOSYS;
}

static inline int pm_runtime_put_sync(struct device *dev)
{
	(void)dev;
	return -ENOSYS;
}

static inline int pm_runtime_idle(struct device *dev)
{
	(void)dev;
	return -ENOSYS;
}

static inline bool pm_runtime_suspended(struct device *dev)
{
	(void)dev;
	return false;
}

static inline bool pm_runtime_active(struct device *dev)
{
	(void)dev;
	return true;
}

static inline int pm_schedule_suspend(struct device *dev, unsigned int delay)
{
	(void)dev;
	(void)delay;
	return -ENOSYS;
}

static inline void pm_runtime_allow(struct device *dev)
{
	(void)dev;
}

static inline void pm_runtime_forbid(struct device *dev)
{
	(void)dev;
}

#endif /* _LINUX_PM_RUNTIME_H */
