/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/numa.h - NUMA node numbers. uldd has one node: every *_node()
 * allocation takes a node and ignores it.
 */
#ifndef _LINUX_NUMA_H
#define _LINUX_NUMA_H

/* "Any node": what drivers pass when they have no preference. */
#define NUMA_NO_NODE (-1)
#define MAX_NUMNODES 1

#endif /* _LINUX_NUMA_H */
