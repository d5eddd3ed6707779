/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/cpumask.h - which CPUs exist. The CPUs are the shim's virtual
 * CPUs (linux/smp.h), all present and online from start to end: possible,
 * present and online are the same nr_cpu_ids CPUs.
 */
#ifndef _LINUX_CPUMASK_H
#define _LINUX_CPUMASK_H

#include <linux/smp.h>
#include <linux/types.h>

static inline unsigned int num_possible_cpus(void)
{
	return nr_cpu_ids;
}

static inline unsigned int num_present_cpus(void)
{
	return nr_cpu_ids;
}

static inline bool cpu_online(unsigned int cpu)
{
	return cpu < nr_cpu_ids;
}

static inline bool cpu_possible(unsigned int cpu)
{
	return cpu < nr_cpu_ids;
}

#define for_each_possible_cpu(cpu) for ((cpu) = 0; (cpu) < nr_cpu_ids; (cpu)++)
#define for_each_online_cpu(cpu) for_each_possible_cpu(cpu)
#define for_each_present_cpu(cpu) for_each_possible_cpu(cpu)

#endif /* _LINUX_CPUMASK_H */
