// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * fake_vfio.c - the door's device calls for unit tests, which have no VFIO:
 * weak definitions that fail the way a host without the device would, so a
 * test binary links the whole shim without the real VFIO layer. fake_irq.c
 * and fake_dma.c override the calls they fake with working ones.
 */
#include <errno.h>

#include "internal.h"

#define FAKE __attribute__((weak))

FAKE int uhost_dev_open(const char *addr, struct uhost_dev **devp)
{
	(void)devp;
	return uh_fail(ENODEV, "%s: unit tests have no VFIO", addr ? addr : "(null)");
}

FAKE void uhost_dev_close(struct uhost_dev *dev)
{
	(void)dev;
}

FAKE const char *uhost_dev_name(const struct uhost_dev *dev)
{
	(void)dev;
	return "fake";
}

FAKE int uhost_dev_region(struct uhost_dev *dev, unsigned int idx, struct uhost_region *info)
{
	(void)dev;
	(void)idx;
	info->size = 0;
	info->flags = 0;
	info->reserved = 0;
	return 0;
}

FAKE int uhost_dev_region_read(struct uhost_dev *dev, unsigned int idx, uhost_u64 off, void *buf,
			       uhost_size len)
{
	(void)dev, (void)idx, (void)off, (void)buf, (void)len;
	return ENODEV;
}

FAKE int uhost_dev_region_write(struct uhost_dev *dev, unsigned int idx, uhost_u64 off,
				const void *buf, uhost_size len)
{
	(void)dev, (void)idx, (void)off, (void)buf, (void)len;
	return ENODEV;
}

/* No device, so no host ports: the shim keeps port I/O on the door. */
FAKE int uhost_dev_region_ports(struct uhost_dev *dev, unsigned int idx, uhost_u32 *base)
{
	(void)dev, (void)idx, (void)base;
	return ENOENT;
}

FAKE int uhost_ioperm(uhost_u32 base, uhost_u32 len, int on)
{
	(void)base, (void)len, (void)on;
	return EPERM;
}

FAKE int uhost_dev_cfg_read(struct uhost_dev *dev, uhost_u32 off, void *buf, uhost_size len)
{
	(void)dev, (void)off, (void)buf, (void)len;
	return ENODEV;
}

FAKE int uhost_dev_cfg_write(struct uhost_dev *dev, uhost_u32 off, const void *buf, uhost_size len)
{
	(void)dev, (void)off, (void)buf, (void)len;
	return ENODEV;
}

FAKE int uhost_dev_region_map(struct uhost_dev *dev, unsigned int idx, void **va)
{
	(void)dev, (void)idx, (void)va;
	return ENODEV;
}

FAKE int uhost_dev_reset(struct uhost_dev *dev)
{
	(void)dev;
	return ENOTTY;
}

FAKE int uhost_irq_count(struct uhost_dev *dev, unsigned int type, unsigned int *count)
{
	(void)dev, (void)type;
	*count = 0;
	return 0;
}

FAKE int uhost_irq_enable(struct uhost_dev *dev, unsigned int type, unsigned int nvec)
{
	(void)dev, (void)type, (void)nvec;
	return ENODEV;
}

FAKE int uhost_irq_disable(struct uhost_dev *dev)
{
	(void)dev;
	return 0;
}

FAKE int uhost_irq_wait(struct uhost_dev *dev, unsigned int vec, uhost_u64 timeout_ns,
			uhost_u64 *count)
{
	(void)dev, (void)vec, (void)timeout_ns, (void)count;
	return ECANCELED;
}

FAKE int uhost_irq_unmask(struct uhost_dev *dev, unsigned int vec)
{
	(void)dev, (void)vec;
	return 0;
}

FAKE int uhost_irq_mask(struct uhost_dev *dev, unsigned int vec)
{
	(void)dev, (void)vec;
	return 0;
}

FAKE int uhost_dma_map(struct uhost_dev *dev, void *va, uhost_size len, uhost_u64 dma_mask,
		       uhost_u64 *iova)
{
	(void)dev, (void)va, (void)len, (void)dma_mask, (void)iova;
	return ENODEV;
}

FAKE int uhost_dma_unmap(struct uhost_dev *dev, uhost_u64 iova, uhost_size len)
{
	(void)dev, (void)iova, (void)len;
	return ENOENT;
}

FAKE int uhost_dma_map_iova(struct uhost_dev *dev, void *va, uhost_size len, uhost_u64 dma_mask,
			    uhost_u64 *iova)
{
	(void)dev, (void)va, (void)len, (void)dma_mask, (void)iova;
	return ENODEV;
}

FAKE int uhost_dma_unmap_iova(struct uhost_dev *dev, uhost_u64 iova, uhost_size len)
{
	(void)dev, (void)iova, (void)len;
	return ENOENT;
}
