// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * vfio_container.c - the legacy VFIO backend: the process's one VFIO
 * container (type1 API, see linux/vfio.h). IOMMU groups are attached to it,
 * devices come from their group, and every DMA mapping lives in it, so the
 * arena is mapped once for all devices. vfio_dma.c's mutex guards it all.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "vfio.h"

#define UH_PAGE_SIZE 4096ull

static struct {
	int fd; /* /dev/vfio/vfio, -1 until the first group attaches */
	struct uh_group *groups;
	uint64_t iova_pgsizes; /* IOMMU page sizes, a bitmap */
} uh_ctr = { -1, NULL, 0 };

static int container_open(void)
{
	int fd, err;

	fd = uh_node_open("/dev/vfio/vfio", O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		err = errno;
		if (err == ENOENT)
			return uh_fail(err, "/dev/vfio/vfio is missing: run 'modprobe vfio-pci'");
		return uh_fail(err, "cannot open /dev/vfio/vfio: %s", strerror(err));
	}
	if (ioctl(fd, VFIO_GET_API_VERSION) != VFIO_API_VERSION) {
		close(fd);
		return uh_fail(ENOTSUP, "the kernel's VFIO API version is not %d",
			       VFIO_API_VERSION);
	}
	if (ioctl(fd, VFIO_CHECK_EXTENSION, VFIO_TYPE1v2_IOMMU) != 1) {
		close(fd);
		return uh_fail(
			ENOTSUP,
			"VFIO has no type1v2 IOMMU: run 'modprobe vfio_iommu_type1' and enable the IOMMU");
	}
	uh_ctr.fd = fd;
	return 0;
}

/*
 * The usable IOVA ranges come in a capability chain whose size the kernel
 * tells us through argsz on the first call (VFIO_IOMMU_GET_INFO).
 */
static int container_query_iommu(void)
{
	struct vfio_iommu_type1_info *info;
	struct uh_iova_range *ranges = NULL;
	size_t nranges = 0, argsz = sizeof(*info);
	int err;

	for (;;) {
		info = calloc(1, argsz);
		if (!info)
			return uh_fail(ENOMEM, "out of memory");
		info->argsz = (uint32_t)argsz;
		if (ioctl(uh_ctr.fd, VFIO_IOMMU_GET_INFO, info)) {
			err = errno;
			free(info);
			return uh_fail(err, "VFIO_IOMMU_GET_INFO: %s", strerror(err));
		}
		if (info->argsz <= argsz)
			break;
		argsz = info->argsz;
		free(info);
	}
	uh_ctr.iova_pgsizes =
		info->flags & VFIO_IOMMU_INFO_PGSIZES ? info->iova_pgsizes : UH_PAGE_SIZE;

	if (info->flags & VFIO_IOMMU_INFO_CAPS) {
		uint32_t off = info->cap_offset;

		while (off && off + sizeof(struct vfio_info_cap_header) <= argsz) {
			struct vfio_info_cap_header *hdr = (void *)((char *)info + off);

			if (hdr->id == VFIO_IOMMU_TYPE1_INFO_CAP_IOVA_RANGE) {
				struct vfio_iommu_type1_info_cap_iova_range *cap = (void *)hdr;

				nranges = cap->nr_iovas;
				ranges = calloc(nranges ? nranges : 1, sizeof(*ranges));
				if (!ranges) {
					free(info);
					return uh_fail(ENOMEM, "out of memory");
				}
				for (size_t i = 0; i < nranges; i++) {
					ranges[i].start = cap->iova_ranges[i].start;
					ranges[i].end = cap->iova_ranges[i].end;
				}
			}
			off = hdr->next;
		}
	}
	free(info);

	/* Kernels before 5.4 say nothing: assume the 48-bit space, minus page 0. */
	if (!ranges) {
		ranges = calloc(1, sizeof(*ranges));
		if (!ranges)
			return uh_fail(ENOMEM, "out of memory");
		ranges[0].start = UH_PAGE_SIZE;
		ranges[0].end = (1ull << 48) - 1;
		nranges = 1;
	}
	err = uh_dma_set_ranges(ranges, nranges);
	free(ranges);
	return err;
}

/*
 * EBUSY from the group's open: another process holds it; name it if /proc
 * lets us (tests/vm/t-errors.sh matches the words up to "process").
 */
static int group_busy(const char *name, int id, const char *path)
{
	char comm[32];
	int pid = 0;

	if (!uh_pci_vfio_user(name, id, &pid, comm, sizeof(comm)) && pid)
		return uh_fail(
			EBUSY,
			"%s: IOMMU group %d is in use by another process (pid %d, %s), which holds %s: stop it first",
			name, id, pid, comm, path);
	return uh_fail(
		EBUSY,
		"%s: IOMMU group %d is in use by another process, which holds %s: stop it first",
		name, id, path);
}

static int group_open(const char *name, int id, struct uh_group **groupp)
{
	struct vfio_group_status status = { .argsz = sizeof(status) };
	struct uh_group *group;
	char path[64];
	int fd, err;

	snprintf(path, sizeof(path), "/dev/vfio/%d", id);
	fd = uh_node_open(path, O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		err = errno;
		if (err == EBUSY)
			return group_busy(name, id, path);
		if (err == ENOENT)
			return uh_fail(err, "%s is missing: bind the device with 'uldd bind'",
				       path);
		return uh_fail(err, "cannot open %s: %s", path, strerror(err));
	}
	if (ioctl(fd, VFIO_GROUP_GET_STATUS, &status)) {
		err = errno;
		close(fd);
		return uh_fail(err, "VFIO_GROUP_GET_STATUS on %s: %s", path, strerror(err));
	}
	if (!(status.flags & VFIO_GROUP_FLAGS_VIABLE)) {
		close(fd);
		return uh_fail(
			EPERM,
			"IOMMU group %d is not viable: bind every device in /sys/kernel/iommu_groups/%d/devices to vfio-pci",
			id, id);
	}
	if (ioctl(fd, VFIO_GROUP_SET_CONTAINER, &uh_ctr.fd)) {
		err = errno;
		close(fd);
		return uh_fail(err, "cannot add IOMMU group %d to the VFIO container: %s", id,
			       strerror(err));
	}
	group = calloc(1, sizeof(*group));
	if (!group) {
		close(fd);
		return uh_fail(ENOMEM, "out of memory");
	}
	group->id = id;
	group->fd = fd;
	*groupp = group;
	return 0;
}

static void container_close_if_unused(void)
{
	if (uh_ctr.groups || uh_ctr.fd < 0)
		return;
	close(uh_ctr.fd);
	uh_ctr.fd = -1;
}

static int container_attach(const char *name, int group_id, struct uh_group **groupp)
{
	struct uh_group *group;
	bool first;
	int err = 0;

	for (group = uh_ctr.groups; group; group = group->next)
		if (group->id == group_id)
			goto found;
	if (uh_ctr.fd < 0) {
		err = container_open();
		if (err)
			goto out;
	}
	err = group_open(name, group_id, &group);
	if (err)
		goto out_close;
	/* The IOMMU model can only be set once a group is in the container. */
	first = !uh_ctr.groups;
	if (first) {
		if (ioctl(uh_ctr.fd, VFIO_SET_IOMMU, VFIO_TYPE1v2_IOMMU)) {
			err = uh_fail(errno, "VFIO_SET_IOMMU(type1v2): %s", strerror(errno));
			goto out_group;
		}
		err = container_query_iommu();
		if (err)
			goto out_group;
	}
	group->next = uh_ctr.groups;
	uh_ctr.groups = group;
found:
	group->refs++;
	*groupp = group;
	goto out;
out_group:
	ioctl(group->fd, VFIO_GROUP_UNSET_CONTAINER);
	close(group->fd);
	free(group);
out_close:
	container_close_if_unused();
out:
	return err;
}

static void container_detach(struct uh_group *group)
{
	struct uh_group **pp;

	if (--group->refs == 0) {
		for (pp = &uh_ctr.groups; *pp; pp = &(*pp)->next) {
			if (*pp == group) {
				*pp = group->next;
				break;
			}
		}
		/* The last group out takes the container's mappings with it. */
		ioctl(group->fd, VFIO_GROUP_UNSET_CONTAINER);
		close(group->fd);
		free(group);
		container_close_if_unused();
	}
}

static int legacy_attach(struct uhost_dev *dev, int group_id)
{
	int err = container_attach(dev->name, group_id, &dev->group);

	if (err)
		return err;
	dev->fd = ioctl(dev->group->fd, VFIO_GROUP_GET_DEVICE_FD, dev->name);
	if (dev->fd < 0) {
		err = errno;
		uh_fail(err, "%s: VFIO_GROUP_GET_DEVICE_FD: %s%s", dev->name, strerror(err),
			err == EBUSY ? " (another process has it open)" : "");
		container_detach(dev->group);
		dev->group = NULL;
		return err;
	}
	return 0;
}

static void legacy_detach(struct uhost_dev *dev)
{
	container_detach(dev->group);
	dev->group = NULL;
}

static int legacy_map(uint64_t va, uint64_t iova, uint64_t len)
{
	struct vfio_iommu_type1_dma_map map = {
		.argsz = sizeof(map),
		.flags = VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE,
		.vaddr = va,
		.iova = iova,
		.size = len,
	};

	if (ioctl(uh_ctr.fd, VFIO_IOMMU_MAP_DMA, &map))
		return uh_dma_map_fail(errno, "VFIO_IOMMU_MAP_DMA", va, iova, len);
	return 0;
}

static int legacy_unmap(uint64_t iova, uint64_t len)
{
	struct vfio_iommu_type1_dma_unmap unmap = {
		.argsz = sizeof(unmap),
		.iova = iova,
		.size = len,
	};

	if (ioctl(uh_ctr.fd, VFIO_IOMMU_UNMAP_DMA, &unmap))
		return uh_fail(errno, "VFIO_IOMMU_UNMAP_DMA at %#llx: %s", (unsigned long long)iova,
			       strerror(errno));
	return 0;
}

/* The container, and the group: /dev/vfio/N is root's alone. */
static int legacy_preopen(const char *addr, int group_id)
{
	char path[64];
	int err;

	(void)addr;
	err = uh_node_hold("/dev/vfio/vfio", O_RDWR | O_CLOEXEC);
	if (err)
		return err;
	snprintf(path, sizeof(path), "/dev/vfio/%d", group_id);
	err = uh_node_hold(path, O_RDWR | O_CLOEXEC);
	if (err == EBUSY)
		return group_busy(addr, group_id, path);
	return err;
}

const struct uh_backend uh_backend_legacy = {
	.name = "legacy",
	.attach = legacy_attach,
	.detach = legacy_detach,
	.map = legacy_map,
	.unmap = legacy_unmap,
	.preopen = legacy_preopen,
};
