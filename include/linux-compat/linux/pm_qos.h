/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/pm_qos.h - CPU latency requests (cpu_latency_qos_*).
 *
 * Emulation notes: a request is recorded in the driver's own struct and
 * goes nowhere. The CPUs' idle states are the host's to choose; a user
 * process cannot hold them off (the host's /dev/cpu_dma_latency would, but
 * it needs root and affects every process), and the limit a NIC driver
 * asks for guards DMA latency the host's own driver would ask for too.
 */
#ifndef _LINUX_PM_QOS_H
#define _LINUX_PM_QOS_H

#include <linux/types.h>

#define PM_QOS_DEFAULT_VALUE (-1)
#define PM_QOS_LATENCY_ANY S32_MAX
#define PM_QOS_RESUME_LATENCY_NO_CONSTRAINT S32_MAX

struct pm_qos_request {
	s32 value;
	bool active;
};

static inline void cpu_latency_qos_add_request(struct pm_qos_request *req, s32 value)
{
	req->value = value;
	req->active = true;
}

static inline void cpu_latency_qos_update_request(struct pm_qos_request *req, s32 value)
{
	req->value = value;
}

static inline void cpu_latency_qos_remove_request(struct pm_qos_request *req)
{
	req->active = false;
}

static inline bool cpu_latency_qos_request_active(struct pm_qos_request *req)
{
	return req->active;
}

/*
 * Latency tolerance: how long a device's DMA may wait, which the PM core
 * passes to the device's power.set_latency_tolerance. Without sysfs no
 * user sets one: exposing and hiding the control do nothing, and a value
 * the driver asks for is accepted and goes nowhere, as the CPU requests.
 */
#define PM_QOS_LATENCY_TOLERANCE_DEFAULT_VALUE 0
#define PM_QOS_LATENCY_TOLERANCE_NO_CONSTRAINT (-1)

struct device;

static inline int dev_pm_qos_expose_latency_tolerance(struct device *dev)
{
	(void)dev;
	return 0;
}

static inline void dev_pm_qos_hide_latency_tolerance(struct device *dev)
{
	(void)dev;
}

static inline int dev_pm_qos_update_user_latency_tolerance(struct device *dev, s32 val)
{
	(void)dev;
	(void)val;
	return 0;
}

#endif /* _LINUX_PM_QOS_H */
