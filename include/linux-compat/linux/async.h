/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/async.h - asynchronous function calls, which the kernel uses to
 * overlap slow device start-up with booting.
 *
 * Emulation notes: a process drives its devices and has no boot to
 * overlap, so async_schedule() and its forms call the function at once,
 * in the caller's context, before they return. Each synchronize call then
 * finds nothing pending. A caller must therefore not hold a lock that the
 * function takes (Linux would run it from a worker and wait later).
 */
#ifndef _LINUX_ASYNC_H
#define _LINUX_ASYNC_H

#include <linux/numa.h>
#include <linux/types.h>

struct device;

typedef u64 async_cookie_t;
typedef void (*async_func_t)(void *data, async_cookie_t cookie);

struct async_domain {
	bool registered;
};

#define ASYNC_DOMAIN(name) struct async_domain name = { .registered = true }
#define ASYNC_DOMAIN_EXCLUSIVE(name) struct async_domain name = { .registered = false }

static inline async_cookie_t async_schedule_node_domain(async_func_t func, void *data, int node,
							struct async_domain *domain)
{
	(void)node;
	(void)domain;
	func(data, 1);
	return 1;
}

static inline async_cookie_t async_schedule_node(async_func_t func, void *data, int node)
{
	return async_schedule_node_domain(func, data, node, NULL);
}

static inline async_cookie_t async_schedule(async_func_t func, void *data)
{
	return async_schedule_node(func, data, NUMA_NO_NODE);
}

static inline async_cookie_t async_schedule_domain(async_func_t func, void *data,
						   struct async_domain *domain)
{
	return async_schedule_node_domain(func, data, NUMA_NO_NODE, domain);
}

static inline async_cookie_t async_schedule_dev(async_func_t func, struct device *dev)
{
	return async_schedule(func, dev);
}

static inline void async_synchronize_full(void)
{
}

static inline void async_synchronize_full_domain(struct async_domain *domain)
{
	(void)domain;
}

static inline void async_synchronize_cookie(async_cookie_t cookie)
{
	(void)cookie;
}

#endif /* _LINUX_ASYNC_H */
