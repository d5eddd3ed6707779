/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * pm.h - a driver's power-management callbacks. uldd records them with
 * the driver but never suspends the process's devices, so none is called.
 */
#ifndef _LINUX_PM_H
#define _LINUX_PM_H

#include <linux/bits.h>
#include <linux/compiler.h>
#include <linux/completion.h>
#include <linux/errno.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/types.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

struct device;

/*
 * The event a legacy PCI .suspend() hook is given (struct pci_driver),
 * with the states Linux passes; uldd never calls that hook.
 */
typedef struct pm_message {
	int event;
} pm_message_t;

#define PM_EVENT_ON 0x0000
#define PM_EVENT_FREEZE 0x0001
#define PM_EVENT_SUSPEND 0x0002
#define PM_EVENT_HIBERNATE 0x0004
#define PM_EVENT_QUIESCE 0x0008
#define PM_EVENT_RESUME 0x0010
#define PMSG_ON ((struct pm_message){ .event = PM_EVENT_ON })
#define PMSG_FREEZE ((struct pm_message){ .event = PM_EVENT_FREEZE })
#define PMSG_SUSPEND ((struct pm_message){ .event = PM_EVENT_SUSPEND })
#define PMSG_HIBERNATE ((struct pm_message){ .event = PM_EVENT_HIBERNATE })
#define PMSG_RESUME ((struct pm_message){ .event = PM_EVENT_RESUME })

/*
 * A device's power state as the PM core keeps it. Only the latency
 * tolerance callback is here (a device may be told how much latency its
 * DMA can bear, through dev_pm_qos, linux/pm_qos.h); nothing calls it.
 */
struct dev_pm_info {
	void (*set_latency_tolerance)(struct device *dev, s32 value);
};

struct dev_pm_ops {
	int (*prepare)(struct device *dev);
	void (*complete)(struct device *dev);
	int (*suspend)(struct device *dev);
	int (*resume)(struct device *dev);
	int (*freeze)(struct device *dev);
	int (*thaw)(struct device *dev);
	int (*poweroff)(struct device *dev);
	int (*restore)(struct device *dev);
	int (*runtime_suspend)(struct device *dev);
	int (*runtime_resume)(struct device *dev);
	int (*runtime_idle)(struct device *dev);
};

#define SET_SYSTEM_SLEEP_PM_OPS(suspend_fn, resume_fn)                                       \
	.suspend = suspend_fn, .resume = resume_fn, .freeze = suspend_fn, .thaw = resume_fn, \
	.poweroff = suspend_fn, .restore = resume_fn,
#define SET_RUNTIME_PM_OPS(suspend_fn, resume_fn, idle_fn) \
	.runtime_suspend = suspend_fn, .runtime_resume = resume_fn, .runtime_idle = idle_fn,
/* The newer spelling (e1000e of Linux 6.12): the same fields. */
#define RUNTIME_PM_OPS(suspend_fn, resume_fn, idle_fn) \
	SET_RUNTIME_PM_OPS(suspend_fn, resume_fn, idle_fn)

#define SIMPLE_DEV_PM_OPS(name, suspend_fn, resume_fn)                                      \
	const struct dev_pm_ops __maybe_unused name = { SET_SYSTEM_SLEEP_PM_OPS(suspend_fn, \
										resume_fn) }
#define DEFINE_SIMPLE_DEV_PM_OPS(name, suspend_fn, resume_fn) \
	SIMPLE_DEV_PM_OPS(name, suspend_fn, resume_fn)
#define pm_sleep_ptr(ptr) (ptr)
#define pm_ptr(ptr) (ptr)

/* Wake-up capability: nothing here can wake a machine. */
static inline bool device_can_wakeup(struct device *dev)
{
	(void)dev;
	return false;
}

static inline int device_set_wakeup_enable(struct device *dev, bool enable)
{
	(void)dev;
	(void)enable;
	return 0;
}

static inline int device_init_wakeup(struct device *dev, bool enable)
{
	(void)dev;
	(void)enable;
	return 0;
}

/* -EINVAL, as for any device that cannot wake the system. */
static inline int device_wakeup_enable(struct device *dev)
{
	(void)dev;
	return -EINVAL;
}

static inline int device_wakeup_disable(struct device *dev)
{
	(void)dev;
	return -EINVAL;
}

/*
 * Flags that tune how system sleep treats the driver; recorded nowhere,
 * since uldd never suspends the system (the host does).
 */
#define DPM_FLAG_NO_DIRECT_COMPLETE BIT(0)
#define DPM_FLAG_SMART_PREPARE BIT(1)
#define DPM_FLAG_SMART_SUSPEND BIT(2)
#define DPM_FLAG_MAY_SKIP_RESUME BIT(3)

static inline void dev_pm_set_driver_flags(struct device *dev, u32 flags)
{
	(void)dev;
	(void)flags;
}

static inline bool device_may_wakeup(struct device *dev)
{
	(void)dev;
	return false;
}

#endif /* _LINUX_PM_H */
