/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * vfio.h - the host layer's VFIO objects, shared by vfio_dma.c (the
 * process's IOMMU address space, the choice of backend, DMA map), the two
 * backends vfio_container.c (legacy container and groups) and vfio_iommufd.c
 * (iommufd and device cdevs), vfio_device.c (regions, config space, reset)
 * and vfio_irq.c (eventfd interrupts). H-world only.
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

struct uh_backend;

struct uhost_dev {
	char name[UH_PCI_ADDR_LEN];
	int fd;
	const struct uh_backend *backend; /* set once attached to the DMA space */
	struct uh_group *group; /* legacy */
	uint32_t iommufd_devid; /* iommufd: from VFIO_DEVICE_BIND_IOMMUFD */
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

/*
 * A way to reach a device and the IOMMU. Device regions, config space,
 * interrupts and reset are device-fd ioctls either way; what differs is how
 * the fd is obtained and where the DMA mappings live. vfio_dma.c calls these
 * with its lock held, which guards the backends' state too.
 */
struct uh_backend {
	const char *name; /* as ULDD_VFIO_BACKEND spells it */
	/*
	 * Opens dev->fd, ready for use, on the process's one IOMMU address
	 * space; the first device creates that space and reports its usable
	 * ranges with uh_dma_set_ranges(). Cleans up after itself on failure.
	 */
	int (*attach)(struct uhost_dev *dev, int group_id);
	/* After dev->fd was closed; the last device out frees the address space. */
	void (*detach)(struct uhost_dev *dev);
	/* Page-aligned; vfio_dma.c's IOVA space says the IOVA is free. */
	int (*map)(uint64_t va, uint64_t iova, uint64_t len);
	int (*unmap)(uint64_t iova, uint64_t len);
	/* Holds the nodes attach will open for the device (uh_node_hold). */
	int (*preopen)(const char *addr, int group_id);
};

extern const struct uh_backend uh_backend_legacy; /* vfio_container.c */
extern const struct uh_backend uh_backend_iommufd; /* vfio_iommufd.c */

/*
 * vfio_dma.c: the process's one IOMMU address space. Every device shares it
 * (so the arena is mapped once), which is why all devices open at a time use
 * one backend, chosen by ULDD_VFIO_BACKEND and what the kernel offers.
 */
int uh_dma_attach(struct uhost_dev *dev, int group_id);
void uh_dma_detach(struct uhost_dev *dev);
/* Creates the IOVA space, or narrows it to what a later device can use too. */
int uh_dma_set_ranges(const struct uh_iova_range *ranges, size_t n);
/* The message of a failed map ioctl (op names it); ENOMEM means the pin limit. */
int uh_dma_map_fail(int err, const char *op, uint64_t va, uint64_t iova, uint64_t len);

/* vfio_iommufd.c: 0 when the device at addr can use iommufd; else why not (uh_fail). */
int uh_iommufd_usable(const char *addr);

/* vfio_irq.c */
int uh_irq_init(struct uhost_dev *dev);
void uh_irq_fini(struct uhost_dev *dev);

#endif /* ULDD_KERNEL_VFIO_H */
