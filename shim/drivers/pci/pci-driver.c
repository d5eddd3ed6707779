// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * drivers/pci/pci-driver.c - the shim's PCI bus: a registered driver is
 * matched against the functions bound to vfio-pci (or those `uldd run
 * --device` names); each match is opened through VFIO, described as a
 * struct pci_dev and probed. One mutex serialises registration, probe and
 * remove, in process context, as the driver core does.
 */
#include <linux/dma-mapping.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "../../entry.h"
#include "../../kernel/dma/dma.h"
#include "../../mm/private.h"
#include "../base/base.h"
#include "pci.h"
#include "../../core/door.h"
#include "../../debug/lockdep.h"

#define MAX_SCAN 256
#define MAX_ALLOWED 16

static DEFINE_MUTEX(uldd_pci_lock);
static LIST_HEAD(uldd_pci_devices);
static char uldd_pci_allowed[MAX_ALLOWED][16];
static unsigned int uldd_pci_nallowed;
static unsigned int uldd_pci_nbound;
static unsigned int uldd_pci_nfailed;

int uldd_pci_allow(const char *addr)
{
	if (uldd_pci_nallowed == MAX_ALLOWED)
		return -ENOSPC;
	strscpy(uldd_pci_allowed[uldd_pci_nallowed++], addr, sizeof(uldd_pci_allowed[0]));
	return 0;
}

unsigned int uldd_pci_bound(void)
{
	return READ_ONCE(uldd_pci_nbound);
}

unsigned int uldd_pci_failed(void)
{
	return READ_ONCE(uldd_pci_nfailed);
}

static bool allowed(const char *addr)
{
	if (!uldd_pci_nallowed)
		return true;
	for (unsigned int i = 0; i < uldd_pci_nallowed; i++)
		if (!strcmp(uldd_pci_allowed[i], addr))
			return true;
	return false;
}

static bool id_matches(const struct pci_device_id *id, const struct uhost_pci_info *d)
{
	const u32 any = (u32)PCI_ANY_ID;

	return (id->vendor == any || id->vendor == d->vendor) &&
	       (id->device == any || id->device == d->device) &&
	       (id->subvendor == any || id->subvendor == d->subvendor) &&
	       (id->subdevice == any || id->subdevice == d->subdevice) &&
	       !((id->class ^ d->class) & id->class_mask);
}

static const struct pci_device_id *match_info(const struct pci_device_id *ids,
					      const struct uhost_pci_info *d)
{
	for (; ids && (ids->vendor || ids->subvendor || ids->class_mask); ids++)
		if (id_matches(ids, d))
			return ids;
	return NULL;
}

const struct pci_device_id *pci_match_id(const struct pci_device_id *ids, struct pci_dev *dev)
{
	struct uhost_pci_info d = {
		.vendor = dev->vendor,
		.device = dev->device,
		.subvendor = dev->subsystem_vendor,
		.subdevice = dev->subsystem_device,
		.class = dev->class,
	};

	return match_info(ids, &d);
}

/* Memory BARs are mapped now: their resource start is the mapping. */
static int describe_bars(struct pci_dev *pdev)
{
	struct uhost_dev *udev = pdev_udev(pdev);

	for (int i = 0; i < PCI_STD_NUM_BARS; i++) {
		struct resource *res = &pdev->resource[i];
		struct uhost_region r;
		void *va;
		u32 bar;

		if (uhost_dev_region(udev, i, &r) || !r.size)
			continue;
		res->name = pdev->uldd->name;
		if (r.flags & UHOST_REGION_IO) {
			res->start = uldd_ioport_add(udev, i, r.size);
			res->flags = IORESOURCE_IO;
		} else {
			if (!(r.flags & UHOST_REGION_MMAP) || uhost_dev_region_map(udev, i, &va)) {
				dev_err(&pdev->dev, "cannot map BAR %d: %s\n", i, uhost_errmsg());
				return -EIO;
			}
			res->start = (uintptr_t)va;
			res->flags = IORESOURCE_MEM;
			if (r.flags & UHOST_REGION_64)
				res->flags |= IORESOURCE_MEM_64;
			pci_read_config_dword(pdev, PCI_BASE_ADDRESS_0 + 4 * i, &bar);
			if (bar & PCI_BASE_ADDRESS_MEM_PREFETCH)
				res->flags |= IORESOURCE_PREFETCH;
		}
		res->end = res->start + r.size - 1;
	}
	return 0;
}

static void pdev_free(struct pci_dev *pdev)
{
	struct uhost_dev *udev = pdev->uldd->udev;

	uldd_pci_irqs_detach(pdev);
	uldd_dma_detach(&pdev->dev);
	uldd_ioport_remove(udev);
	uldd_door_dev_close(udev);
	uldd_private_free(pdev->uldd);
	uldd_private_free(pdev);
}

static struct pci_dev *pdev_create(const struct uhost_pci_info *d)
{
	struct uldd_pci_private *priv;
	struct uhost_dev *udev;
	struct pci_dev *pdev;
	int err;

	err = uldd_door_dev_open(d->addr, &udev);
	if (err) {
		pr_err("uldd: %s\n", uhost_errmsg());
		return ERR_PTR(-err);
	}
	/*
	 * The device and the shim's part of it are out of any device's reach:
	 * a driver never hands them to one, and they hold the pointers the
	 * shim follows (dev->p, pdev->uldd).
	 */
	pdev = uldd_private_alloc(sizeof(*pdev), GFP_KERNEL | __GFP_ZERO);
	priv = uldd_private_alloc(sizeof(*priv), GFP_KERNEL | __GFP_ZERO);
	if (!pdev || !priv) {
		uldd_private_free(pdev);
		uldd_private_free(priv);
		uldd_door_dev_close(udev);
		return ERR_PTR(-ENOMEM);
	}
	priv->udev = udev;
	priv->pdev = pdev;
	priv->irq_type = -1;
	strscpy(priv->name, d->addr, sizeof(priv->name));
	INIT_LIST_HEAD(&priv->node);
	pdev->uldd = priv;
	pdev->bus = &priv->bus;
	priv->bus.number = (u8)simple_strtoul(d->addr + 5, NULL, 16);
	pdev->devfn = PCI_DEVFN(simple_strtoul(d->addr + 8, NULL, 16),
				simple_strtoul(d->addr + 11, NULL, 16));
	pdev->vendor = d->vendor;
	pdev->device = d->device;
	pdev->subsystem_vendor = d->subvendor;
	pdev->subsystem_device = d->subdevice;
	pdev->class = d->class;
	pdev->revision = d->revision;
	pdev->error_state = pci_channel_io_normal;
	pdev->dev.init_name = priv->name;
	/* The PCI default until the driver says otherwise: 32-bit DMA. */
	pdev->dma_mask = DMA_BIT_MASK(32);
	pdev->dev.dma_mask = &pdev->dma_mask;
	pdev->dev.coherent_dma_mask = DMA_BIT_MASK(32);
	pci_read_config_byte(pdev, PCI_HEADER_TYPE, &pdev->hdr_type);
	pdev->hdr_type &= PCI_HEADER_TYPE_MASK;
	pci_read_config_byte(pdev, PCI_INTERRUPT_PIN, &pdev->pin);
	pdev->pcie_cap = pci_find_capability(pdev, PCI_CAP_ID_EXP);
	pdev->msi_cap = pci_find_capability(pdev, PCI_CAP_ID_MSI);
	pdev->msix_cap = pci_find_capability(pdev, PCI_CAP_ID_MSIX);
	err = describe_bars(pdev);
	if (!err)
		err = uldd_dma_attach(&pdev->dev, udev);
	if (!err)
		err = uldd_pci_intx_attach(pdev);
	if (err) {
		pdev_free(pdev);
		return ERR_PTR(err);
	}
	return pdev;
}

static int probe_one(struct pci_driver *drv, const struct uhost_pci_info *d,
		     const struct pci_device_id *id)
{
	struct pci_dev *pdev = pdev_create(d);
	unsigned int held;
	int err;

	/* A device that cannot be opened (another process holds it) failed too. */
	if (IS_ERR(pdev)) {
		WRITE_ONCE(uldd_pci_nfailed, uldd_pci_nfailed + 1);
		return PTR_ERR(pdev);
	}
	pdev->dev.driver = &drv->driver;
	held = uldd_lockdep_cb_enter();
	err = drv->probe(pdev, id);
	uldd_lockdep_cb_exit(held, "PCI probe", drv->probe);
	if (err) {
		pdev->dev.driver = NULL;
		WRITE_ONCE(uldd_pci_nfailed, uldd_pci_nfailed + 1);
		dev_err(&pdev->dev, "%s: probe failed: %pe\n", drv->name, ERR_PTR(err));
		uldd_devres_release_all(&pdev->dev);
		pdev_free(pdev);
		return err;
	}
	pdev->uldd->driver = drv;
	list_add_tail(&pdev->uldd->node, &uldd_pci_devices);
	uldd_pci_nbound++;
	return 0;
}

int __pci_register_driver(struct pci_driver *drv, struct module *owner, const char *mod_name)
{
	struct uhost_pci_info *info;
	unsigned int n = 0;
	int err;

	(void)owner;
	if (!drv->driver.name)
		drv->driver.name = drv->name ? drv->name : mod_name;
	info = kcalloc(MAX_SCAN, sizeof(*info), GFP_KERNEL);
	if (!info)
		return -ENOMEM;
	err = uldd_door_pci_scan(info, MAX_SCAN, &n);
	if (err) {
		pr_err("uldd: %s\n", uhost_errmsg());
		kfree(info);
		return -err;
	}
	mutex_lock(&uldd_pci_lock);
	INIT_LIST_HEAD(&drv->node);
	for (unsigned int i = 0; i < n && i < MAX_SCAN; i++) {
		const struct pci_device_id *id = match_info(drv->id_table, &info[i]);

		if (!id || !allowed(info[i].addr))
			continue;
		if (!info[i].vfio) {
			/* Only those named with --device get here: say why they are skipped. */
			if (uldd_pci_nallowed)
				pr_err("uldd: %s matches %s but is not bound to vfio-pci: run 'uldd bind %s'\n",
				       info[i].addr, drv->name, info[i].addr);
			continue;
		}
		/* A failed probe leaves the driver registered, as in Linux. */
		probe_one(drv, &info[i], id);
	}
	mutex_unlock(&uldd_pci_lock);
	kfree(info);
	return 0;
}

/*
 * Whether any function on the host's PCI buses matches ids, as sysfs lists
 * them, the driver's own or not: drivers ask for chipsets (host bridges
 * with errata) they never drive. Process context only: the scan may block.
 * As in Linux the answer may be stale at once; it takes no reference.
 */
int pci_dev_present(const struct pci_device_id *ids)
{
	struct uhost_pci_info *info;
	unsigned int n = 0;
	int found = 0;

	might_sleep();
	info = kcalloc(MAX_SCAN, sizeof(*info), GFP_KERNEL);
	if (!info)
		return 0;
	if (uldd_door_pci_scan(info, MAX_SCAN, &n))
		n = 0;
	for (unsigned int i = 0; i < n && i < MAX_SCAN && !found; i++)
		found = match_info(ids, &info[i]) != NULL;
	kfree(info);
	return found;
}

void pci_unregister_driver(struct pci_driver *drv)
{
	struct uldd_pci_private *priv, *next;

	mutex_lock(&uldd_pci_lock);
	list_for_each_entry_safe(priv, next, &uldd_pci_devices, node) {
		struct pci_dev *pdev;

		if (priv->driver != drv)
			continue;
		/* The pci_dev is found from its private half through the list. */
		pdev = priv->pdev;
		if (drv->remove) {
			unsigned int held = uldd_lockdep_cb_enter();

			drv->remove(pdev);
			uldd_lockdep_cb_exit(held, "PCI remove", drv->remove);
		}
		uldd_devres_release_all(&pdev->dev);
		list_del(&priv->node);
		uldd_pci_nbound--;
		pdev_free(pdev);
	}
	mutex_unlock(&uldd_pci_lock);
}
