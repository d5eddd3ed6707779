// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * kernel/resource.c - claims on port and memory ranges (request_region and
 * family): each space keeps its busy ranges as a flat list of children,
 * under one spinlock, since drivers here never nest claims. The resource
 * is allocated before the lock is taken, so a claim may sleep, as on Linux.
 */
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

struct resource ioport_resource = {
	.name = "PCI IO",
	.start = 0,
	.end = ULDD_PIO_LIMIT - 1,
	.flags = IORESOURCE_IO,
};

struct resource iomem_resource = {
	.name = "PCI mem",
	.start = 0,
	.end = ~(resource_size_t)0,
	.flags = IORESOURCE_MEM,
};

static DEFINE_SPINLOCK(resource_lock);

struct resource *__request_region(struct resource *parent, resource_size_t start, resource_size_t n,
				  const char *name, int flags)
{
	resource_size_t end = start + n - 1;
	struct resource *res, **link;

	if (!n || end < start || start < parent->start || end > parent->end)
		return NULL;
	res = kzalloc(sizeof(*res), GFP_KERNEL);
	if (!res)
		return NULL;
	res->name = name;
	res->start = start;
	res->end = end;
	res->flags = resource_type(parent) | IORESOURCE_BUSY | flags;
	res->parent = parent;

	spin_lock(&resource_lock);
	/* Sorted by start: the first child ending at or past start decides. */
	for (link = &parent->child; *link && (*link)->end < start; link = &(*link)->sibling)
		;
	if (*link && (*link)->start <= end) {
		spin_unlock(&resource_lock);
		kfree(res);
		return NULL;
	}
	res->sibling = *link;
	*link = res;
	spin_unlock(&resource_lock);
	return res;
}

void __release_region(struct resource *parent, resource_size_t start, resource_size_t n)
{
	resource_size_t end = start + n - 1;
	struct resource *res = NULL, **link;

	spin_lock(&resource_lock);
	for (link = &parent->child; *link; link = &(*link)->sibling) {
		if ((*link)->start == start && (*link)->end == end) {
			res = *link;
			*link = res->sibling;
			break;
		}
	}
	spin_unlock(&resource_lock);
	if (!res) {
		pr_warn("Trying to free nonexistent resource <%#llx-%#llx>\n",
			(unsigned long long)start, (unsigned long long)end);
		return;
	}
	kfree(res);
}
