// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * vfio_dma.c - the process's one IOMMU address space and DMA map/unmap with
 * its IOVA policy, over either VFIO backend: the legacy container (Linux 3.6+)
 * or iommufd with device cdevs (Linux 6.6+), chosen when the first device
 * opens.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "vfio.h"

#define UH_PAGE_SIZE 4096ull
#define UH_HUGE_SIZE (2ull << 20)
/* How far an IOVA keeps its VA's alignment (iova_phased()). */
#define UH_PHASE_MAX (1ull << 30)

/* dma-strict: how many unmapped IOVA ranges wait before reuse. */
#define UH_QUARANTINE 256

/* The lock also guards the backends' state; none of this is a hot path. */
static struct {
	pthread_mutex_t lock;
	const struct uh_backend *backend; /* NULL while no device is attached */
	unsigned int ndevs;
	struct uh_iova_space *iova; /* NULL while no device is attached */
	/* dma-strict: IOVAs unmapped but not yet free again, oldest first. */
	struct {
		uint64_t start, size;
	} quarantine[UH_QUARANTINE];
	unsigned int qhead, qlen;
} uh_dma = { .lock = PTHREAD_MUTEX_INITIALIZER };

const char *uh_dev_backend(const struct uhost_dev *dev)
{
	return dev && dev->backend ? dev->backend->name : "none";
}

/*
 * ULDD_VFIO_BACKEND: "legacy" or "iommufd" forces one; unset (or "auto")
 * takes iommufd where the kernel offers it for this device. A process's
 * devices share one address space, so a later device follows the first.
 */
static int backend_choose(const struct uhost_dev *dev, const struct uh_backend **bep)
{
	const char *want = getenv("ULDD_VFIO_BACKEND");
	const struct uh_backend *be;
	int err;

	if (!want || !*want || !strcmp(want, "auto")) {
		want = NULL;
		if (uh_dma.backend)
			be = uh_dma.backend;
		else
			be = uh_iommufd_usable(dev->name) ? &uh_backend_legacy
							  : &uh_backend_iommufd;
	} else if (!strcmp(want, uh_backend_legacy.name)) {
		be = &uh_backend_legacy;
	} else if (!strcmp(want, uh_backend_iommufd.name)) {
		err = uh_iommufd_usable(dev->name);
		if (err)
			return uh_fail_prefix(err, "ULDD_VFIO_BACKEND=iommufd");
		be = &uh_backend_iommufd;
	} else {
		return uh_fail(
			EINVAL,
			"ULDD_VFIO_BACKEND=%s names no VFIO backend: set it to iommufd or legacy, or unset it",
			want);
	}
	if (uh_dma.backend && be != uh_dma.backend)
		return uh_fail(
			EBUSY,
			"%s: ULDD_VFIO_BACKEND=%s, but this process's open devices use %s: close them first",
			dev->name, want, uh_dma.backend->name);
	/* iommufd may have been usable for the first device only. */
	if (!want && be == &uh_backend_iommufd && uh_dma.backend) {
		err = uh_iommufd_usable(dev->name);
		if (err)
			return uh_fail_prefix(err, "%s joins open devices that use iommufd",
					      dev->name);
	}
	*bep = be;
	return 0;
}

int uh_vfio_preopen(const char *addr)
{
	struct uhost_dev probe = { 0 };
	const struct uh_backend *be = NULL;
	int group, err;

	err = uh_sysfs_check_vfio(addr, probe.name, &group);
	if (err)
		return err;
	pthread_mutex_lock(&uh_dma.lock);
	err = backend_choose(&probe, &be);
	pthread_mutex_unlock(&uh_dma.lock);
	return err ? err : be->preopen(probe.name, group);
}

int uh_dma_attach(struct uhost_dev *dev, int group_id)
{
	const struct uh_backend *be = NULL;
	int err;

	pthread_mutex_lock(&uh_dma.lock);
	err = backend_choose(dev, &be);
	if (!err)
		err = be->attach(dev, group_id);
	if (!err) {
		dev->backend = be;
		uh_dma.backend = be;
		uh_dma.ndevs++;
		uh_log(UHOST_LOG_DEBUG, "%s: opened through the %s VFIO backend", dev->name,
		       be->name);
	} else if (!uh_dma.ndevs) {
		/* A first device that failed after its ranges were read. */
		uh_iova_destroy(uh_dma.iova);
		uh_dma.iova = NULL;
	}
	pthread_mutex_unlock(&uh_dma.lock);
	return err;
}

void uh_dma_detach(struct uhost_dev *dev)
{
	pthread_mutex_lock(&uh_dma.lock);
	dev->backend->detach(dev);
	dev->backend = NULL;
	/* The last device out took the mappings with it; so go their IOVAs. */
	if (--uh_dma.ndevs == 0) {
		uh_iova_destroy(uh_dma.iova);
		uh_dma.iova = NULL;
		uh_dma.backend = NULL;
		uh_dma.qhead = uh_dma.qlen = 0;
	}
	pthread_mutex_unlock(&uh_dma.lock);
}

int uh_dma_set_ranges(const struct uh_iova_range *ranges, size_t n)
{
	int err;

	for (size_t i = 0; i < n; i++)
		uh_log(UHOST_LOG_DEBUG, "iommu: usable IOVA range %#llx-%#llx",
		       (unsigned long long)ranges[i].start, (unsigned long long)ranges[i].end);
	if (!uh_dma.iova) {
		err = uh_iova_create(ranges, n, &uh_dma.iova);
		return err ? uh_fail(err, "cannot set up the IOVA space: %s", strerror(err)) : 0;
	}
	err = uh_iova_restrict(uh_dma.iova, ranges, n);
	if (err == EBUSY)
		return uh_fail(
			err,
			"this device's IOMMU cannot reach IOVAs that are mapped already: open every device before mapping DMA");
	if (err)
		return uh_fail(err, "this device shares no IOVA range with the open devices: %s",
			       strerror(err));
	return 0;
}

int uh_dma_map_fail(int err, const char *op, uint64_t va, uint64_t iova, uint64_t len)
{
	if (err == ENOMEM)
		return uh_fail(
			err,
			"cannot pin %llu KiB for DMA: raise the locked-memory limit (ulimit -l)",
			(unsigned long long)len >> 10);
	return uh_fail(err, "%s of %#llx at IOVA %#llx: %s", op, (unsigned long long)va,
		       (unsigned long long)iova, strerror(err));
}

/*
 * An IOVA below dma_mask for [start, start + size), keeping start's offset
 * within the largest power of two up to size (UH_PHASE_MAX at most): a
 * block the shim aligned in its VA (coherent memory aligned to its size,
 * as the DMA API promises) is then as aligned in DMA space. When no range
 * that keeps it is left, any free one does. Under uh_dma.lock.
 */
static int iova_phased(uint64_t start, uint64_t size, uint64_t dma_mask, uint64_t *base)
{
	uint64_t align = size >= UH_HUGE_SIZE ? UH_HUGE_SIZE : UH_PAGE_SIZE;
	uint64_t period = align, phase, b;
	int err;

	while (period * 2 <= size && period * 2 <= UH_PHASE_MAX)
		period *= 2;
	phase = start & (period - 1);
	/* A period-aligned range with room for the phase, then only the part wanted kept. */
	if (period > align && !uh_iova_alloc(uh_dma.iova, phase + size, period, dma_mask, &b)) {
		err = phase ? uh_iova_free(uh_dma.iova, b, phase + size) : 0;
		if (!err && phase)
			err = uh_iova_reserve(uh_dma.iova, b + phase, size);
		if (err)
			return err;
		*base = b + phase;
		return 0;
	}
	return uh_iova_alloc(uh_dma.iova, size, align, dma_mask, base);
}

/* The pages addr..addr+len spans: their start, and the size in bytes. */
static void dma_span(uint64_t addr, uint64_t len, uint64_t *start, uint64_t *size)
{
	*start = addr & ~(UH_PAGE_SIZE - 1);
	*size = (addr - *start + len + UH_PAGE_SIZE - 1) & ~(UH_PAGE_SIZE - 1);
}

/* Under uh_dma.lock: the IOMMU mapping of start at base, or base's range given back. */
static int dma_map_at(uint64_t start, uint64_t base, uint64_t size)
{
	int err = uh_dma.backend->map(start, base, size);

	if (err)
		uh_iova_free(uh_dma.iova, base, size);
	return err;
}

int uhost_dma_map(struct uhost_dev *dev, void *va, uhost_size len, uhost_u64 dma_mask,
		  uhost_u64 *iova)
{
	uint64_t start, size, base;
	int err;

	if (len == 0 || !dev)
		return uh_fail(EINVAL, "uhost_dma_map: empty mapping");
	dma_span((uintptr_t)va, len, &start, &size);
	pthread_mutex_lock(&uh_dma.lock);
	if (!uh_dma.iova) {
		err = uh_fail(ENODEV, "uhost_dma_map: no device is open");
		goto out;
	}
	/* IOVA = VA when the device can reach it: no table to look up, ever. */
	if (start + size - 1 <= dma_mask && !uh_iova_reserve(uh_dma.iova, start, size)) {
		base = start;
	} else {
		err = iova_phased(start, size, dma_mask, &base);
		if (err) {
			err = uh_fail(err,
				      "%s: no IOVA space left below DMA mask %#llx for %llu KiB",
				      dev->name, (unsigned long long)dma_mask,
				      (unsigned long long)size >> 10);
			goto out;
		}
	}
	err = dma_map_at(start, base, size);
	if (!err)
		*iova = base + ((uintptr_t)va - start);
out:
	pthread_mutex_unlock(&uh_dma.lock);
	return err;
}

int uhost_dma_unmap(struct uhost_dev *dev, uhost_u64 iova, uhost_size len)
{
	uint64_t start, size;
	int err = 0;

	(void)dev;
	dma_span(iova, len, &start, &size);
	pthread_mutex_lock(&uh_dma.lock);
	if (!uh_dma.iova || uh_iova_free(uh_dma.iova, start, size)) {
		err = uh_fail(ENOENT, "uhost_dma_unmap: IOVA %#llx+%#llx is not mapped",
			      (unsigned long long)iova, (unsigned long long)len);
		goto out;
	}
	err = uh_dma.backend->unmap(start, size);
out:
	pthread_mutex_unlock(&uh_dma.lock);
	return err;
}

int uhost_dma_map_iova(struct uhost_dev *dev, void *va, uhost_size len, uhost_u64 dma_mask,
		       uhost_u64 *iova)
{
	uint64_t start, size, align = UH_PAGE_SIZE, base;
	int err;

	if (len == 0 || !dev)
		return uh_fail(EINVAL, "uhost_dma_map_iova: empty mapping");
	dma_span((uintptr_t)va, len, &start, &size);
	/* Coherent memory is as aligned in DMA space as its size's page order (dma-api-howto). */
	while (align < size && align < UH_PHASE_MAX)
		align <<= 1;
	pthread_mutex_lock(&uh_dma.lock);
	if (!uh_dma.iova) {
		err = uh_fail(ENODEV, "uhost_dma_map_iova: no device is open");
		goto out;
	}
	err = uh_iova_alloc(uh_dma.iova, size, align, dma_mask, &base);
	/* Out of space: the quarantine gives its oldest ranges back first. */
	while (err && uh_dma.qlen) {
		unsigned int q = (uh_dma.qhead + UH_QUARANTINE - uh_dma.qlen) % UH_QUARANTINE;

		uh_iova_free(uh_dma.iova, uh_dma.quarantine[q].start, uh_dma.quarantine[q].size);
		uh_dma.qlen--;
		err = uh_iova_alloc(uh_dma.iova, size, align, dma_mask, &base);
	}
	if (err) {
		err = uh_fail(err, "%s: no IOVA space left below DMA mask %#llx for %llu KiB",
			      dev->name, (unsigned long long)dma_mask,
			      (unsigned long long)size >> 10);
		goto out;
	}
	err = dma_map_at(start, base, size);
	if (!err)
		*iova = base + ((uintptr_t)va - start);
out:
	pthread_mutex_unlock(&uh_dma.lock);
	return err;
}

int uhost_dma_unmap_iova(struct uhost_dev *dev, uhost_u64 iova, uhost_size len)
{
	uint64_t start, size;
	int err;

	(void)dev;
	dma_span(iova, len, &start, &size);
	pthread_mutex_lock(&uh_dma.lock);
	if (!uh_dma.iova) {
		err = uh_fail(ENOENT, "uhost_dma_unmap_iova: no device is open");
		goto out;
	}
	err = uh_dma.backend->unmap(start, size);
	if (err)
		goto out;
	if (uh_dma.qlen == UH_QUARANTINE) {
		unsigned int q = uh_dma.qhead; /* the oldest, about to be overwritten */

		uh_iova_free(uh_dma.iova, uh_dma.quarantine[q].start, uh_dma.quarantine[q].size);
		uh_dma.qlen--;
	}
	uh_dma.quarantine[uh_dma.qhead].start = start;
	uh_dma.quarantine[uh_dma.qhead].size = size;
	uh_dma.qhead = (uh_dma.qhead + 1) % UH_QUARANTINE;
	uh_dma.qlen++;
out:
	pthread_mutex_unlock(&uh_dma.lock);
	return err;
}
