// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * vfio_device.c - one PCI device through VFIO (linux/vfio.h): open by PCI
 * address (through either backend, see vfio_dma.c), region layout, config
 * space, BAR access and mapping, an I/O BAR's host ports and ioperm(2),
 * reset. Data accesses take no lock; the device mutex guards the one-time
 * BAR mapping.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>
#if defined(__x86_64__) || defined(__i386__)
#include <sys/io.h>
#endif

#include "vfio.h"

#define PCI_BAR0 0x10 /* PCI Local Bus spec 6.2.5: Base Address Registers */
#define PCI_BAR_IO 0x1u
#define PCI_BAR_MEM_TYPE_MASK 0x6u
#define PCI_BAR_MEM_TYPE_64 0x4u

static int region_sparse_areas(struct uh_region *r, struct vfio_region_info *info)
{
	uint32_t off = info->cap_offset;

	while (off && off + sizeof(struct vfio_info_cap_header) <= info->argsz) {
		struct vfio_info_cap_header *hdr = (void *)((char *)info + off);

		if (hdr->id == VFIO_REGION_INFO_CAP_SPARSE_MMAP) {
			struct vfio_region_info_cap_sparse_mmap *sp = (void *)hdr;

			r->areas = calloc(sp->nr_areas ? sp->nr_areas : 1, sizeof(*r->areas));
			if (!r->areas)
				return ENOMEM;
			for (uint32_t i = 0; i < sp->nr_areas; i++) {
				r->areas[i].offset = sp->areas[i].offset;
				r->areas[i].size = sp->areas[i].size;
			}
			r->nareas = sp->nr_areas;
		}
		off = hdr->next;
	}
	return 0;
}

/* VFIO_DEVICE_GET_REGION_INFO, asked again with room for the caps it reports. */
static int region_query(struct uhost_dev *dev, unsigned int idx)
{
	struct uh_region *r = &dev->regions[idx];
	struct vfio_region_info *info;
	size_t argsz = sizeof(*info);
	int err;

	for (;;) {
		info = calloc(1, argsz);
		if (!info)
			return ENOMEM;
		info->argsz = (uint32_t)argsz;
		info->index = idx;
		if (ioctl(dev->fd, VFIO_DEVICE_GET_REGION_INFO, info)) {
			err = errno;
			free(info);
			/* Devices may leave a region out (no ROM, no VGA): size 0. */
			return err == EINVAL ? 0 : err;
		}
		if (info->argsz <= argsz)
			break;
		argsz = info->argsz;
		free(info);
	}
	r->offset = info->offset;
	r->size = info->size;
	r->vfio_flags = info->flags;
	if (info->flags & VFIO_REGION_INFO_FLAG_READ)
		r->flags |= UHOST_REGION_READ;
	if (info->flags & VFIO_REGION_INFO_FLAG_WRITE)
		r->flags |= UHOST_REGION_WRITE;
	if (info->flags & VFIO_REGION_INFO_FLAG_MMAP)
		r->flags |= UHOST_REGION_MMAP;
	err = 0;
	if (info->flags & VFIO_REGION_INFO_FLAG_CAPS)
		err = region_sparse_areas(r, info);
	free(info);
	return err;
}

/* VFIO says nothing of I/O versus memory BARs; the BAR register does. */
static int region_bar_type(struct uhost_dev *dev, unsigned int idx)
{
	uint32_t bar;
	int err;

	if (idx > VFIO_PCI_BAR5_REGION_INDEX || !dev->regions[idx].size)
		return 0;
	err = uhost_dev_cfg_read(dev, PCI_BAR0 + 4 * idx, &bar, sizeof(bar));
	if (err)
		return err;
	if (bar & PCI_BAR_IO)
		dev->regions[idx].flags |= UHOST_REGION_IO;
	else if ((bar & PCI_BAR_MEM_TYPE_MASK) == PCI_BAR_MEM_TYPE_64)
		dev->regions[idx].flags |= UHOST_REGION_64;
	return 0;
}

static void dev_free(struct uhost_dev *dev)
{
	for (unsigned int i = 0; i < UH_NREGIONS; i++) {
		struct uh_region *r = &dev->regions[i];

		if (r->map)
			munmap(r->map, r->size);
		free(r->areas);
	}
	if (dev->fd >= 0)
		close(dev->fd);
	if (dev->backend)
		uh_dma_detach(dev);
	pthread_mutex_destroy(&dev->lock);
	free(dev);
}

int uhost_dev_open(const char *addr, struct uhost_dev **devp)
{
	struct vfio_device_info info = { .argsz = sizeof(info) };
	struct uhost_dev *dev;
	int group_id, err;

	dev = calloc(1, sizeof(*dev));
	if (!dev)
		return uh_fail(ENOMEM, "out of memory");
	dev->fd = -1;
	dev->stop_fd = -1;
	dev->irq_type = -1;
	pthread_mutex_init(&dev->lock, NULL);

	err = uh_sysfs_check_vfio(addr, dev->name, &group_id);
	if (err)
		goto fail;
	/* From here on the fd works the same whichever backend opened it. */
	err = uh_dma_attach(dev, group_id);
	if (err)
		goto fail;
	if (ioctl(dev->fd, VFIO_DEVICE_GET_INFO, &info)) {
		err = uh_fail(errno, "%s: VFIO_DEVICE_GET_INFO: %s", dev->name, strerror(errno));
		goto fail;
	}
	if (!(info.flags & VFIO_DEVICE_FLAGS_PCI)) {
		err = uh_fail(ENODEV, "%s is not a PCI device to VFIO", dev->name);
		goto fail;
	}
	dev->vfio_flags = info.flags;
	dev->num_irqs = info.num_irqs;
	for (unsigned int i = 0; i < UH_NREGIONS && i < info.num_regions; i++) {
		err = region_query(dev, i);
		if (err) {
			uh_fail(err, "%s: region %u: %s", dev->name, i, strerror(err));
			goto fail;
		}
	}
	for (unsigned int i = 0; i <= VFIO_PCI_BAR5_REGION_INDEX; i++) {
		err = region_bar_type(dev, i);
		if (err)
			goto fail;
	}
	err = uh_irq_init(dev);
	if (err)
		goto fail;
	/* A supervisor resets it should this process die (keep.c). */
	uh_keep_report("dev %s", dev->name);
	*devp = dev;
	return 0;
fail:
	dev_free(dev);
	return err;
}

void uhost_dev_close(struct uhost_dev *dev)
{
	if (!dev)
		return;
	uh_irq_fini(dev);
	dev_free(dev);
}

const char *uhost_dev_name(const struct uhost_dev *dev)
{
	return dev->name;
}

int uhost_dev_region(struct uhost_dev *dev, unsigned int idx, struct uhost_region *info)
{
	if (idx >= UH_NREGIONS)
		return uh_fail(EINVAL, "%s: no region %u", dev->name, idx);
	info->size = dev->regions[idx].size;
	info->flags = dev->regions[idx].flags;
	info->reserved = 0;
	return 0;
}

static int region_check(struct uhost_dev *dev, unsigned int idx, uint64_t off, size_t len)
{
	if (idx >= UH_NREGIONS || !dev->regions[idx].size)
		return uh_fail(EINVAL, "%s: region %u is not implemented", dev->name, idx);
	if (off > dev->regions[idx].size || len > dev->regions[idx].size - off)
		return uh_fail(ERANGE, "%s: access at %#llx+%zu is outside region %u", dev->name,
			       (unsigned long long)off, len, idx);
	return 0;
}

/* One pread/pwrite of exactly len bytes: VFIO turns it into one access. */
static int region_rw(struct uhost_dev *dev, unsigned int idx, uint64_t off, void *buf, size_t len,
		     bool write)
{
	off_t pos;
	ssize_t n;
	int err = region_check(dev, idx, off, len);

	if (err)
		return err;
	pos = (off_t)(dev->regions[idx].offset + off);
	do {
		n = write ? pwrite(dev->fd, buf, len, pos) : pread(dev->fd, buf, len, pos);
	} while (n < 0 && errno == EINTR);
	if (n < 0)
		return uh_fail(errno, "%s: region %u %s at %#llx: %s", dev->name, idx,
			       write ? "write" : "read", (unsigned long long)off, strerror(errno));
	if ((size_t)n != len)
		return uh_fail(EIO, "%s: short region %u access at %#llx", dev->name, idx,
			       (unsigned long long)off);
	return 0;
}

int uhost_dev_region_read(struct uhost_dev *dev, unsigned int idx, uhost_u64 off, void *buf,
			  uhost_size len)
{
	return region_rw(dev, idx, off, buf, len, false);
}

int uhost_dev_region_write(struct uhost_dev *dev, unsigned int idx, uhost_u64 off, const void *buf,
			   uhost_size len)
{
	return region_rw(dev, idx, off, (void *)buf, len, true);
}

int uhost_dev_region_ports(struct uhost_dev *dev, unsigned int idx, uhost_u32 *base)
{
	unsigned long start, len;
	int err;

	if (idx > VFIO_PCI_BAR5_REGION_INDEX || !(dev->regions[idx].flags & UHOST_REGION_IO))
		return uh_fail(ENOENT, "%s: BAR %u is not an I/O BAR", dev->name, idx);
	err = uh_sysfs_bar_ports(dev->name, idx, &start, &len);
	if (err)
		return uh_fail(ENOENT, "%s: sysfs gives no port range for BAR %u: %s", dev->name,
			       idx, strerror(err));
	/* The range sysfs shows must hold what VFIO lets the shim reach. */
	if (len < dev->regions[idx].size || start + dev->regions[idx].size > UH_PORT_LIMIT)
		return uh_fail(ENOENT, "%s: BAR %u: ports %#lx+%#lx do not hold its %llu bytes",
			       dev->name, idx, start, len,
			       (unsigned long long)dev->regions[idx].size);
	*base = (uhost_u32)start;
	return 0;
}

/*
 * Port ranges granted on the main thread before root was dropped: every
 * thread created since has their bits, and none could ask again.
 */
#define UH_PREGRANT_MAX 32
static struct {
	uint32_t base, len;
} uh_pregrant[UH_PREGRANT_MAX];
static unsigned int uh_npregrant; /* written before any thread starts */

static bool pregranted(uint32_t base, uint32_t len)
{
	for (unsigned int i = 0; i < uh_npregrant; i++)
		if (base >= uh_pregrant[i].base &&
		    base + len <= uh_pregrant[i].base + uh_pregrant[i].len)
			return true;
	return false;
}

static bool portio_vfio(void)
{
	static const char *mode;

	return !strcmp(uh_root_from_env(&mode, "ULDD_PORTIO", "direct"), "vfio");
}

int uh_ports_pregrant(const char *addr, unsigned int *nports)
{
	*nports = 0;
	if (portio_vfio())
		return 0;
	for (unsigned int bar = 0; bar <= VFIO_PCI_BAR5_REGION_INDEX; bar++) {
		unsigned long start, len;

		if (uh_sysfs_bar_ports(addr, bar, &start, &len))
			continue;
		if (uh_npregrant == UH_PREGRANT_MAX)
			return uh_fail(ENOSPC, "%s: more than %d I/O BARs to grant", addr,
				       UH_PREGRANT_MAX);
#if defined(__x86_64__) || defined(__i386__)
		if (ioperm(start, len, 1))
			return uh_fail(errno, "%s: ioperm(%#lx, %#lx) for BAR %u: %s", addr, start,
				       len, bar, strerror(errno));
		uh_pregrant[uh_npregrant].base = (uint32_t)start;
		uh_pregrant[uh_npregrant].len = (uint32_t)len;
		uh_npregrant++;
		*nports += (unsigned int)len;
#endif
	}
	return 0;
}

int uhost_ioperm(uhost_u32 base, uhost_u32 len, int on)
{
	if (portio_vfio())
		return uh_fail(ENOTSUP, "ULDD_PORTIO=vfio: port I/O goes through VFIO");
#if defined(__x86_64__) || defined(__i386__)
	if (!len || base >= UH_PORT_LIMIT || len > UH_PORT_LIMIT - base)
		return uh_fail(EINVAL, "ports %#x+%#x are outside the I/O space", base, len);
	/* Kept for the process's life: a later grant could not be asked for. */
	if (pregranted(base, len))
		return 0;
	if (ioperm(base, len, on))
		return uh_fail(errno, "ioperm(%#x, %#x): %s%s", base, len, strerror(errno),
			       errno == EPERM ? " (CAP_SYS_RAWIO is needed)" : "");
	return 0;
#else
	(void)on;
	return uh_fail(ENOTSUP, "ports %#x+%#x: no direct port I/O on this machine", base, len);
#endif
}

int uhost_dev_cfg_read(struct uhost_dev *dev, uhost_u32 off, void *buf, uhost_size len)
{
	return region_rw(dev, VFIO_PCI_CONFIG_REGION_INDEX, off, buf, len, false);
}

int uhost_dev_cfg_write(struct uhost_dev *dev, uhost_u32 off, const void *buf, uhost_size len)
{
	return region_rw(dev, VFIO_PCI_CONFIG_REGION_INDEX, off, (void *)buf, len, true);
}

/*
 * Reserves the BAR's whole span first, then maps what VFIO allows into it, so
 * register offsets stay valid and the MSI-X table's hole faults if touched.
 */
static int region_map_locked(struct uhost_dev *dev, struct uh_region *r, unsigned int idx)
{
	int prot = PROT_READ | PROT_WRITE;
	void *base, *p;

	base = mmap(NULL, r->size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (base == MAP_FAILED)
		return uh_fail(errno, "%s: cannot reserve %llu bytes for BAR %u: %s", dev->name,
			       (unsigned long long)r->size, idx, strerror(errno));
	if (!r->areas) {
		p = mmap(base, r->size, prot, MAP_SHARED | MAP_FIXED, dev->fd, (off_t)r->offset);
		if (p == MAP_FAILED)
			goto fail;
	}
	for (uint32_t i = 0; i < r->nareas; i++) {
		if (!r->areas[i].size)
			continue;
		p = mmap((char *)base + r->areas[i].offset, r->areas[i].size, prot,
			 MAP_SHARED | MAP_FIXED, dev->fd, (off_t)(r->offset + r->areas[i].offset));
		if (p == MAP_FAILED)
			goto fail;
	}
	r->map = base;
	return 0;
fail:
	munmap(base, r->size);
	return uh_fail(errno, "%s: cannot map BAR %u: %s", dev->name, idx, strerror(errno));
}

int uhost_dev_region_map(struct uhost_dev *dev, unsigned int idx, void **va)
{
	struct uh_region *r;
	int err = 0;

	if (idx > VFIO_PCI_BAR5_REGION_INDEX || !dev->regions[idx].size)
		return uh_fail(EINVAL, "%s: BAR %u is not implemented", dev->name, idx);
	r = &dev->regions[idx];
	if (!(r->flags & UHOST_REGION_MMAP))
		return uh_fail(ENOTSUP, "%s: BAR %u cannot be mapped (%s); use port accesses",
			       dev->name, idx, r->flags & UHOST_REGION_IO ? "I/O ports" : "VFIO");
	pthread_mutex_lock(&dev->lock);
	if (!r->map)
		err = region_map_locked(dev, r, idx);
	if (!err)
		*va = r->map;
	pthread_mutex_unlock(&dev->lock);
	return err;
}

int uhost_dev_reset(struct uhost_dev *dev)
{
	if (!(dev->vfio_flags & VFIO_DEVICE_FLAGS_RESET))
		return uh_fail(ENOTTY,
			       "%s has no reset method VFIO can use (no FLR, PM or bus reset)",
			       dev->name);
	if (ioctl(dev->fd, VFIO_DEVICE_RESET))
		return uh_fail(errno, "%s: VFIO_DEVICE_RESET: %s", dev->name, strerror(errno));
	return 0;
}
