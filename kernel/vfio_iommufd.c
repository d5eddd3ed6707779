// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * vfio_iommufd.c - the iommufd VFIO backend (Linux 6.6+): each device is
 * opened through its cdev /dev/vfio/devices/vfioN and bound to the process's
 * one iommufd (/dev/iommu), attached to its one IOAS, where every DMA mapping
 * lives. See Documentation/userspace-api/iommufd.rst and driver-api/vfio.rst.
 * vfio_dma.c's mutex guards it all.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "iommufd_uapi.h"
#include "vfio.h"

#define UH_PAGE_SIZE 4096ull

static struct {
	int fd; /* /dev/iommu, -1 while no device is bound */
	uint32_t ioas; /* the process's one I/O address space */
	unsigned int ndevs; /* devices bound to fd */
} uh_ifd = { -1, 0, 0 };

static bool path_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

/*
 * VFIO names the cdev in sysfs: <device>/vfio-dev/vfioN. Its node is
 * /dev/vfio/devices/vfioN (the number is VFIO's, not the IOMMU group's).
 */
static int cdev_path(const char *addr, char *node, size_t len)
{
	char dir[PATH_MAX];
	struct dirent *de;
	DIR *d;
	int err, n = -1;

	err = uh_sysfs_dev_path(dir, sizeof(dir), addr, "vfio-dev");
	if (err)
		return err;
	d = opendir(dir);
	if (!d)
		return uh_fail(
			ENOENT,
			"%s has no VFIO device cdev (no %s): the kernel needs CONFIG_VFIO_DEVICE_CDEV (Linux 6.6+); ULDD_VFIO_BACKEND=legacy uses the VFIO container instead",
			addr, dir);
	while ((de = readdir(d)))
		if (!strncmp(de->d_name, "vfio", 4)) {
			n = snprintf(node, len, "%s/vfio/devices/%s", uh_dev_root(), de->d_name);
			break;
		}
	closedir(d);
	if (n < 0)
		return uh_fail(ENOENT, "%s: %s lists no vfioN: is the device on vfio-pci?", addr,
			       dir);
	if ((size_t)n >= len)
		return uh_fail(ENAMETOOLONG, "%s: the path of its VFIO cdev is too long", addr);
	if (!path_exists(node))
		return uh_fail(ENOENT, "%s: %s is missing: is devtmpfs mounted on %s?", addr, node,
			       uh_dev_root());
	return 0;
}

static int iommu_path(char *buf, size_t len)
{
	int n = snprintf(buf, len, "%s/iommu", uh_dev_root());

	return n < 0 || (size_t)n >= len ? uh_fail(ENAMETOOLONG, "/dev path too long") : 0;
}

int uh_iommufd_usable(const char *addr)
{
	char path[PATH_MAX];
	int err = iommu_path(path, sizeof(path));

	if (err)
		return err;
	if (!path_exists(path))
		return uh_fail(
			ENOENT,
			"%s is missing: the kernel needs CONFIG_IOMMUFD (Linux 6.2+, 'modprobe iommufd'); ULDD_VFIO_BACKEND=legacy uses the VFIO container instead",
			path);
	return cdev_path(addr, path, sizeof(path));
}

/*
 * IOMMU_IOAS_IOVA_RANGES: what the attached devices' IOMMUs can translate,
 * minus their reserved regions (the MSI window). EMSGSIZE tells the count
 * when the array was too short. Asked after every attach, as the UAPI says.
 */
static int ioas_query_ranges(const char *name)
{
	struct iommu_iova_range *kr = NULL;
	struct uh_iova_range *ranges;
	struct iommu_ioas_iova_ranges q;
	uint32_t n = 4;
	int err;

	for (;;) {
		struct iommu_iova_range *more = realloc(kr, n * sizeof(*kr));

		if (!more) {
			free(kr);
			return uh_fail(ENOMEM, "out of memory");
		}
		kr = more;
		memset(&q, 0, sizeof(q));
		q.size = sizeof(q);
		q.ioas_id = uh_ifd.ioas;
		q.num_iovas = n;
		q.allowed_iovas = (uintptr_t)kr;
		if (!ioctl(uh_ifd.fd, IOMMU_IOAS_IOVA_RANGES, &q))
			break;
		err = errno;
		if (err != EMSGSIZE || q.num_iovas <= n) {
			free(kr);
			return uh_fail(err, "%s: IOMMU_IOAS_IOVA_RANGES: %s", name, strerror(err));
		}
		n = q.num_iovas;
	}
	/* Mappings are whole 4 KiB pages; a coarser IOMMU granule needs more. */
	if (q.out_iova_alignment > UH_PAGE_SIZE || q.num_iovas == 0) {
		free(kr);
		return uh_fail(
			ENOTSUP,
			"%s: the IOMMU offers %u IOVA ranges with %llu-byte alignment; uldd needs 4 KiB pages",
			name, q.num_iovas, (unsigned long long)q.out_iova_alignment);
	}
	ranges = calloc(q.num_iovas, sizeof(*ranges));
	if (!ranges) {
		free(kr);
		return uh_fail(ENOMEM, "out of memory");
	}
	for (uint32_t i = 0; i < q.num_iovas; i++) {
		ranges[i].start = kr[i].start;
		ranges[i].end = kr[i].last;
	}
	free(kr);
	err = uh_dma_set_ranges(ranges, q.num_iovas);
	free(ranges);
	return err ? uh_fail_prefix(err, "%s", name) : 0;
}

static int iommufd_open(void)
{
	struct iommu_ioas_alloc alloc = { .size = sizeof(alloc) };
	char path[PATH_MAX];
	int fd, err = iommu_path(path, sizeof(path));

	if (err)
		return err;
	fd = uh_node_open(path, O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		err = errno;
		if (err == ENOENT)
			return uh_fail(err, "%s is missing: run 'modprobe iommufd'", path);
		return uh_fail(err, "cannot open %s: %s", path, strerror(err));
	}
	if (ioctl(fd, IOMMU_IOAS_ALLOC, &alloc)) {
		err = errno;
		close(fd);
		return uh_fail(err, "IOMMU_IOAS_ALLOC on %s: %s", path, strerror(err));
	}
	uh_ifd.fd = fd;
	uh_ifd.ioas = alloc.out_ioas_id;
	return 0;
}

/* Closing the iommufd destroys the IOAS and its mappings with it. */
static void iommufd_close_if_unused(void)
{
	if (uh_ifd.ndevs || uh_ifd.fd < 0)
		return;
	close(uh_ifd.fd);
	uh_ifd.fd = -1;
}

/*
 * Binding claims DMA ownership of the whole IOMMU group: EBUSY when another
 * process holds the group or a device of the group is on a kernel driver,
 * EINVAL when another process has bound this cdev already. Tell which; our
 * own fd for the device is closed by now, so we do not find ourselves.
 */
static int bind_failed(const struct uhost_dev *dev, int group_id, int err)
{
	struct uh_group_peer peer;
	char comm[32];
	size_t n = 0;
	int pid = 0;

	if ((err == EBUSY || err == EINVAL) &&
	    !uh_pci_vfio_user(dev->name, group_id, &pid, comm, sizeof(comm)) && pid)
		return uh_fail(EBUSY, "%s is in use by process %d (%s)", dev->name, pid, comm);
	if (err == EBUSY && !uh_pci_group_blockers(group_id, dev->name, &peer, 1, &n) && n)
		return uh_fail(
			EBUSY,
			"IOMMU group %d is not viable: %s is on %s; bind every device in /sys/kernel/iommu_groups/%d/devices to vfio-pci",
			group_id, peer.addr, peer.driver, group_id);
	return uh_fail(err, "%s: VFIO_DEVICE_BIND_IOMMUFD: %s", dev->name, strerror(err));
}

/* cdev open, then bind (DMA ownership), then attach to the IOAS. */
static int iommufd_attach(struct uhost_dev *dev, int group_id)
{
	struct vfio_device_bind_iommufd bind = { .argsz = sizeof(bind) };
	struct vfio_device_attach_iommufd_pt attach = { .argsz = sizeof(attach) };
	char node[PATH_MAX];
	int fd, err;

	err = cdev_path(dev->name, node, sizeof(node));
	if (err)
		return err;
	if (uh_ifd.fd < 0) {
		err = iommufd_open();
		if (err)
			return err;
	}
	fd = uh_node_open(node, O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		err = uh_fail(errno, "cannot open %s (%s): %s", node, dev->name, strerror(errno));
		goto out_close;
	}
	bind.iommufd = uh_ifd.fd;
	if (ioctl(fd, VFIO_DEVICE_BIND_IOMMUFD, &bind)) {
		err = errno;
		close(fd); /* before bind_failed looks for the process holding it */
		err = bind_failed(dev, group_id, err);
		goto out_close;
	}
	attach.pt_id = uh_ifd.ioas;
	if (ioctl(fd, VFIO_DEVICE_ATTACH_IOMMUFD_PT, &attach)) {
		err = errno;
		uh_fail(err, "%s: VFIO_DEVICE_ATTACH_IOMMUFD_PT to IOAS %u: %s%s", dev->name,
			uh_ifd.ioas, strerror(err),
			err == EADDRINUSE ? " (its reserved IOVAs are mapped already)" : "");
		goto out_fd;
	}
	err = ioas_query_ranges(dev->name);
	if (err)
		goto out_fd;
	dev->fd = fd;
	dev->iommufd_devid = bind.out_devid;
	uh_ifd.ndevs++;
	uh_log(UHOST_LOG_DEBUG, "%s: %s bound as iommufd device %u, attached to IOAS %u (pt %u)",
	       dev->name, node, bind.out_devid, uh_ifd.ioas, attach.pt_id);
	return 0;
out_fd:
	/* Closing the cdev detaches and unbinds it. */
	close(fd);
out_close:
	iommufd_close_if_unused();
	return err;
}

static void iommufd_detach(struct uhost_dev *dev)
{
	(void)dev;
	uh_ifd.ndevs--;
	iommufd_close_if_unused();
}

static int iommufd_map(uint64_t va, uint64_t iova, uint64_t len)
{
	struct iommu_ioas_map map = {
		.size = sizeof(map),
		.flags = IOMMU_IOAS_MAP_FIXED_IOVA | IOMMU_IOAS_MAP_READABLE |
			 IOMMU_IOAS_MAP_WRITEABLE,
		.ioas_id = uh_ifd.ioas,
		.user_va = va,
		.length = len,
		.iova = iova,
	};

	if (ioctl(uh_ifd.fd, IOMMU_IOAS_MAP, &map))
		return uh_dma_map_fail(errno, "IOMMU_IOAS_MAP", va, iova, len);
	return 0;
}

static int iommufd_unmap(uint64_t iova, uint64_t len)
{
	struct iommu_ioas_unmap unmap = {
		.size = sizeof(unmap),
		.ioas_id = uh_ifd.ioas,
		.iova = iova,
		.length = len,
	};

	if (ioctl(uh_ifd.fd, IOMMU_IOAS_UNMAP, &unmap))
		return uh_fail(errno, "IOMMU_IOAS_UNMAP at %#llx: %s", (unsigned long long)iova,
			       strerror(errno));
	return 0;
}

/* /dev/iommu and the device's cdev, both root's alone. */
static int iommufd_preopen(const char *addr, int group_id)
{
	char path[PATH_MAX];
	int err = iommu_path(path, sizeof(path));

	(void)group_id;
	if (!err)
		err = uh_node_hold(path, O_RDWR | O_CLOEXEC);
	if (!err)
		err = cdev_path(addr, path, sizeof(path));
	if (!err)
		err = uh_node_hold(path, O_RDWR | O_CLOEXEC);
	return err;
}

const struct uh_backend uh_backend_iommufd = {
	.name = "iommufd",
	.attach = iommufd_attach,
	.detach = iommufd_detach,
	.map = iommufd_map,
	.unmap = iommufd_unmap,
	.preopen = iommufd_preopen,
};
