// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * drivers/pci/msi.c - a PCI device's interrupt vectors as irq numbers:
 * INTx from probe on (pdev->irq, as Linux gives it), MSI or MSI-X once the
 * driver asks. VFIO routes one type at a time, so switching type detaches
 * the old vectors first; that fails while a handler is still requested.
 * Process context, under the driver's own serialisation as in Linux.
 */
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/sprintf.h>

#include "../../kernel/irq/irq.h"
#include "pci.h"
#include "../../core/door.h"

static void detach_all(struct pci_dev *pdev)
{
	struct uldd_pci_private *priv = pdev->uldd;

	for (unsigned int i = 0; i < priv->nvec; i++)
		if (priv->irqs[i] > 0 && uldd_irq_detach(priv->irqs[i]))
			dev_warn(&pdev->dev, "irq %d still has a handler: free_irq() it first\n",
				 priv->irqs[i]);
	priv->nvec = 0;
	priv->irq_type = -1;
	pdev->irq = 0;
	pdev->msi_enabled = 0;
	pdev->msix_enabled = 0;
}

/* Vector i is table slot entries[i].entry, or slot i without entries. */
static int attach(struct pci_dev *pdev, unsigned int type, unsigned int nvec,
		  const struct msix_entry *entries)
{
	struct uldd_pci_private *priv = pdev->uldd;

	for (unsigned int i = 0; i < nvec; i++) {
		int irq = uldd_irq_attach(priv->udev, type, entries ? entries[i].entry : i);

		if (irq < 0) {
			priv->nvec = i;
			detach_all(pdev);
			return irq;
		}
		priv->irqs[i] = irq;
	}
	priv->nvec = nvec;
	/* MSI and MSI-X are on from here, as in Linux (uldd_irq_route() says why). */
	if (type != UHOST_IRQ_INTX) {
		int err = uldd_irq_route(priv->irqs[0]);

		if (err) {
			detach_all(pdev);
			return err;
		}
	}
	priv->irq_type = (int)type;
	pdev->irq = (unsigned int)priv->irqs[0];
	pdev->msi_enabled = type == UHOST_IRQ_MSI;
	pdev->msix_enabled = type == UHOST_IRQ_MSIX;
	return 0;
}

static unsigned int vectors_of(struct pci_dev *pdev, unsigned int type)
{
	unsigned int n = 0;

	if (uhost_irq_count(pdev_udev(pdev), type, &n))
		return 0;
	return n;
}

int uldd_pci_intx_attach(struct pci_dev *pdev)
{
	if (!pdev->pin || !vectors_of(pdev, UHOST_IRQ_INTX))
		return 0;
	return attach(pdev, UHOST_IRQ_INTX, 1, NULL);
}

void uldd_pci_irqs_detach(struct pci_dev *pdev)
{
	detach_all(pdev);
}

/* MSI-X first, then MSI, then INTx, as far as flags allow: Linux's order. */
static int alloc_vectors(struct pci_dev *dev, unsigned int min_vecs, unsigned int max_vecs,
			 unsigned int flags)
{
	static const struct {
		unsigned int flag, type;
	} order[] = {
		{ PCI_IRQ_MSIX, UHOST_IRQ_MSIX },
		{ PCI_IRQ_MSI, UHOST_IRQ_MSI },
		{ PCI_IRQ_INTX, UHOST_IRQ_INTX },
	};

	if (!min_vecs || min_vecs > max_vecs)
		return -EINVAL;
	if (max_vecs > ULDD_PCI_MAX_VECTORS)
		max_vecs = ULDD_PCI_MAX_VECTORS;
	for (unsigned int i = 0; i < ARRAY_SIZE(order); i++) {
		unsigned int avail, n;
		int err;

		if (!(flags & order[i].flag))
			continue;
		avail = vectors_of(dev, order[i].type);
		n = min(avail, max_vecs);
		if (!n || n < min_vecs)
			continue;
		detach_all(dev);
		err = attach(dev, order[i].type, n, NULL);
		if (!err)
			return (int)n;
		/* Put INTx back so pdev->irq stays usable, then try the next type. */
		uldd_pci_intx_attach(dev);
		if (err == -EBUSY)
			return err;
	}
	return -ENOSPC;
}

int pci_alloc_irq_vectors(struct pci_dev *dev, unsigned int min_vecs, unsigned int max_vecs,
			  unsigned int flags)
{
	return alloc_vectors(dev, min_vecs, max_vecs, flags);
}

void pci_free_irq_vectors(struct pci_dev *dev)
{
	detach_all(dev);
	uldd_pci_intx_attach(dev);
}

int pci_irq_vector(struct pci_dev *dev, unsigned int nr)
{
	struct uldd_pci_private *priv = dev->uldd;

	if (nr >= priv->nvec)
		return -EINVAL;
	return priv->irqs[nr];
}

int pci_enable_msi(struct pci_dev *dev)
{
	int n = pci_alloc_irq_vectors(dev, 1, 1, PCI_IRQ_MSI);

	return n < 0 ? n : 0;
}

void pci_disable_msi(struct pci_dev *dev)
{
	if (dev->msi_enabled)
		pci_free_irq_vectors(dev);
}

/*
 * MSI-X vectors for the table entries a driver names: entry i gets the
 * next irq number, written back to entries[i].vector, and pci_irq_vector(dev,
 * i) answers it too. Entries must be distinct and inside the table
 * (-EINVAL, as Linux checks); fewer than asked are given down to minvec.
 */
static int msix_entries_valid(const struct msix_entry *entries, int n, unsigned int avail)
{
	for (int i = 0; i < n; i++) {
		if (entries[i].entry >= avail)
			return 0;
		for (int j = 0; j < i; j++)
			if (entries[j].entry == entries[i].entry)
				return 0;
	}
	return 1;
}

int pci_enable_msix_range(struct pci_dev *dev, struct msix_entry *entries, int minvec, int maxvec)
{
	struct uldd_pci_private *priv = dev->uldd;
	unsigned int avail, n;
	int err;

	if (!entries)
		return pci_alloc_irq_vectors(dev, (unsigned int)minvec, (unsigned int)maxvec,
					     PCI_IRQ_MSIX);
	if (minvec < 1 || maxvec < minvec)
		return -ERANGE;
	if (dev->msix_enabled || dev->msi_enabled)
		return -EINVAL;
	avail = vectors_of(dev, UHOST_IRQ_MSIX);
	if (!avail)
		return -EINVAL;
	n = min3(avail, (unsigned int)maxvec, (unsigned int)ULDD_PCI_MAX_VECTORS);
	if (n < (unsigned int)minvec)
		return -ENOSPC;
	if (!msix_entries_valid(entries, (int)n, avail))
		return -EINVAL;
	detach_all(dev);
	err = attach(dev, UHOST_IRQ_MSIX, n, entries);
	if (err) {
		uldd_pci_intx_attach(dev);
		return err;
	}
	for (unsigned int i = 0; i < n; i++)
		entries[i].vector = (u32)priv->irqs[i];
	return (int)n;
}

void pci_disable_msix(struct pci_dev *dev)
{
	if (dev->msix_enabled)
		pci_free_irq_vectors(dev);
}

int pci_msix_vec_count(struct pci_dev *dev)
{
	unsigned int n = vectors_of(dev, UHOST_IRQ_MSIX);

	return n ? (int)n : -EINVAL;
}

int pci_alloc_irq_vectors_affinity(struct pci_dev *dev, unsigned int min_vecs,
				   unsigned int max_vecs, unsigned int flags,
				   struct irq_affinity *affd)
{
	unsigned int resv, spread;
	int nvec = alloc_vectors(dev, min_vecs, max_vecs, flags);

	if (nvec < 0 || !affd || !(flags & PCI_IRQ_AFFINITY))
		return nvec;
	/* What is left past the reserved vectors is spread: the driver sizes its sets. */
	resv = affd->pre_vectors + affd->post_vectors;
	spread = (unsigned int)nvec > resv ? (unsigned int)nvec - resv : 0;
	if (affd->calc_sets) {
		affd->calc_sets(affd, spread);
	} else {
		affd->nr_sets = 1;
		affd->set_size[0] = spread;
	}
	return nvec;
}

int pci_request_irq(struct pci_dev *dev, unsigned int nr, irq_handler_t handler,
		    irq_handler_t thread_fn, void *dev_id, const char *fmt, ...)
{
	unsigned long flags = IRQF_SHARED;
	char *name;
	va_list ap;
	int irq = pci_irq_vector(dev, nr);
	int err;

	if (irq < 0)
		return irq;
	if (!handler)
		flags |= IRQF_ONESHOT;
	va_start(ap, fmt);
	name = kvasprintf(GFP_KERNEL, fmt, ap);
	va_end(ap);
	if (!name)
		return -ENOMEM;
	err = request_threaded_irq(irq, handler, thread_fn, flags, name, dev_id);
	if (err)
		kfree(name);
	return err;
}

void pci_free_irq(struct pci_dev *dev, unsigned int nr, void *dev_id)
{
	int irq = pci_irq_vector(dev, nr);

	if (irq >= 0)
		kfree(free_irq(irq, dev_id));
}
