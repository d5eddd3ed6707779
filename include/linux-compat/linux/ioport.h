/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/ioport.h - resources: the address ranges a device decodes.
 *
 * Emulation notes: a memory BAR's start is the address where the BAR is
 * mapped in this process, so ioremap() of it is the identity; an I/O BAR's
 * start is a port number in a window the shim gives each I/O BAR, which
 * inb()/outb() route to the device through VFIO.
 */
#ifndef _LINUX_IOPORT_H
#define _LINUX_IOPORT_H

#include <linux/types.h>

struct resource {
	resource_size_t start;
	resource_size_t end; /* inclusive */
	const char *name;
	unsigned long flags;
	unsigned long desc;
	struct resource *parent, *sibling, *child;
};

#define IORESOURCE_BITS 0x000000ff
#define IORESOURCE_TYPE_BITS 0x00001f00
#define IORESOURCE_IO 0x00000100
#define IORESOURCE_MEM 0x00000200
#define IORESOURCE_REG 0x00000300
#define IORESOURCE_IRQ 0x00000400
#define IORESOURCE_DMA 0x00000800
#define IORESOURCE_PREFETCH 0x00002000
#define IORESOURCE_READONLY 0x00004000
#define IORESOURCE_MEM_64 0x00100000
#define IORESOURCE_UNSET 0x20000000
#define IORESOURCE_DISABLED 0x10000000
#define IORESOURCE_BUSY 0x80000000

static inline resource_size_t resource_size(const struct resource *res)
{
	return res->end - res->start + 1;
}

static inline unsigned long resource_type(const struct resource *res)
{
	return res->flags & IORESOURCE_TYPE_BITS;
}

/*
 * The port and memory address spaces, and claims on ranges of them: a
 * claim overlapping another fails (NULL), as two drivers must not share
 * registers. pci_request_region() claims an I/O BAR's ports here too.
 */
extern struct resource ioport_resource;
extern struct resource iomem_resource;

struct resource *__request_region(struct resource *parent, resource_size_t start, resource_size_t n,
				  const char *name, int flags);
void __release_region(struct resource *parent, resource_size_t start, resource_size_t n);

#define request_region(start, n, name) __request_region(&ioport_resource, (start), (n), (name), 0)
#define request_mem_region(start, n, name) \
	__request_region(&iomem_resource, (start), (n), (name), 0)
#define release_region(start, n) __release_region(&ioport_resource, (start), (n))
#define release_mem_region(start, n) __release_region(&iomem_resource, (start), (n))

#endif /* _LINUX_IOPORT_H */
