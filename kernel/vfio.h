/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * vfio.h - the host layer's VFIO objects, shared by vfio_container.c (the
 * container, groups, IOMMU and DMA), vfio_device.c (regions, config space,
 * reset) and vfio_irq.c (eventfd interrupts). H-world only.
 */
#ifndef ULDD_KERNEL_VFIO_H
#define ULDD_KERNEL_VFIO_H

#include <linux/vfio.h>
#include <pthread.h>

#include "internal.h"

#define UH_NREGIONS (VFIO_PCI_CONFIG_REGION_INDEX + 1)

struct uh_group {
	int id;
	int fd;
	int refs; /* open devices of this group */
	struct uh_group *next;
};

/* The container's sparse mmap areas of a BAR, from VFIO_REGION_INFO_CAP_SPARSE_MMAP. */
struct uh_mmap_area {
	uint64_t offset;
	uint64_t size;
};

struct uh_region {
	uint64_t offset; /* of the region in the device fd */
	uint64_t size;
	uint32_t vfio_flags;
	uint32_t flags; /* UHOST_REGION_* */
	struct uh_mmap_area *areas; /* NULL: the whole region maps */
	uint32_t nareas;
	void *map; /* set once by uhost_dev_region_map */
};

struct uh_vector {
	int fd; /* eventfd, open for the device's life */
};

struct uhost_dev {
	char name[UH_PCI_ADDR_LEN];
	int fd;
	struct uh_group *group;
	uint32_t vfio_flags; /* VFIO_DEVICE_FLAGS_* */
	uint32_t num_irqs;
	struct uh_region regions[UH_NREGIONS];
	pthread_mutex_t lock; /* region maps, interrupt set-up */

	/* Interrupts: at most one type is routed at a time (as in Linux). */
	int irq_type; /* -1: none routed */
	unsigned int irq_nvec;
	struct uh_vector *vectors;
	unsigned int nvectors; /* allocated */
	int stop_fd; /* readable while interrupts are torn down */
};

/* vfio_container.c */
int uh_container_attach(int group_id, struct uh_group **groupp);
void uh_container_detach(struct uh_group *group);

/* vfio_irq.c */
int uh_irq_init(struct uhost_dev *dev);
void uh_irq_fini(struct uhost_dev *dev);

#endif /* ULDD_KERNEL_VFIO_H */
