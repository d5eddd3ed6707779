/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/cpu.h - CPU hotplug. The virtual CPUs are fixed at start, so the
 * hotplug lock guards nothing and is taken and released at once.
 */
#ifndef _LINUX_CPU_H
#define _LINUX_CPU_H

#include <linux/smp.h>

static inline void cpus_read_lock(void)
{
}

static inline void cpus_read_unlock(void)
{
}

#endif /* _LINUX_CPU_H */
