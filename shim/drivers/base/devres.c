// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * drivers/base/devres.c - managed device resources: a list of release
 * actions per device, run newest first when the driver is detached or its
 * probe fails, or for one group of them (devres_release_group). One
 * spinlock guards every device's list; releases run outside it, in
 * process context, so they may sleep.
 */
#include <linux/device.h>
#include <linux/dma-mapping.h>
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>

#include "base.h"

struct devres {
	struct list_head node;
	dr_release_t release;
	const char *name;
	size_t size;
	/* What devres_alloc() hands out: kmalloc's alignment. */
	u8 data[] __aligned(ARCH_KMALLOC_MINALIGN);
};

static DEFINE_SPINLOCK(devres_lock);

static struct devres *to_dr(const void *res)
{
	return container_of((u8 *)res, struct devres, data[0]);
}

/* Under devres_lock: a kzalloc'ed device's list starts out zero. */
static struct list_head *head(struct device *dev)
{
	if (!dev->devres_head.next)
		INIT_LIST_HEAD(&dev->devres_head);
	return &dev->devres_head;
}

void *__devres_alloc_node(dr_release_t release, size_t size, gfp_t gfp, int nid, const char *name)
{
	struct devres *dr;
	size_t total;

	(void)nid;
	if (__builtin_add_overflow(sizeof(*dr), size, &total))
		return NULL;
	dr = kmalloc(total, gfp | __GFP_ZERO);
	if (!dr)
		return NULL;
	INIT_LIST_HEAD(&dr->node);
	dr->release = release;
	dr->name = name;
	dr->size = size;
	return dr->data;
}

void devres_free(void *res)
{
	struct devres *dr;

	if (!res)
		return;
	dr = to_dr(res);
	if (!list_empty(&dr->node))
		pr_err("devres: %s freed while still on a device's list\n", dr->name);
	kfree(dr);
}

void devres_add(struct device *dev, void *res)
{
	struct devres *dr = to_dr(res);
	unsigned long flags;

	spin_lock_irqsave(&devres_lock, flags);
	list_add_tail(&dr->node, head(dev));
	spin_unlock_irqrestore(&devres_lock, flags);
}

/* Under devres_lock. */
static struct devres *find(struct device *dev, dr_release_t release, dr_match_t match,
			   void *match_data)
{
	struct devres *dr;

	list_for_each_entry_reverse(dr, head(dev), node) {
		if (dr->release != release)
			continue;
		if (match && !match(dev, dr->data, match_data))
			continue;
		return dr;
	}
	return NULL;
}

void *devres_find(struct device *dev, dr_release_t release, dr_match_t match, void *match_data)
{
	struct devres *dr;
	unsigned long flags;

	spin_lock_irqsave(&devres_lock, flags);
	dr = find(dev, release, match, match_data);
	spin_unlock_irqrestore(&devres_lock, flags);
	return dr ? dr->data : NULL;
}

void *devres_remove(struct device *dev, dr_release_t release, dr_match_t match, void *match_data)
{
	struct devres *dr;
	unsigned long flags;

	spin_lock_irqsave(&devres_lock, flags);
	dr = find(dev, release, match, match_data);
	if (dr)
		list_del_init(&dr->node);
	spin_unlock_irqrestore(&devres_lock, flags);
	return dr ? dr->data : NULL;
}

int devres_destroy(struct device *dev, dr_release_t release, dr_match_t match, void *match_data)
{
	void *res = devres_remove(dev, release, match, match_data);

	if (!res)
		return -ENOENT;
	devres_free(res);
	return 0;
}

int devres_release(struct device *dev, dr_release_t release, dr_match_t match, void *match_data)
{
	void *res = devres_remove(dev, release, match, match_data);

	if (!res)
		return -ENOENT;
	release(dev, res);
	devres_free(res);
	return 0;
}

void uldd_devres_release_all(struct device *dev)
{
	unsigned long flags;
	LIST_HEAD(todo);

	/* Take the whole list at once; release newest first, without the lock. */
	spin_lock_irqsave(&devres_lock, flags);
	list_splice_init(head(dev), &todo);
	spin_unlock_irqrestore(&devres_lock, flags);
	while (!list_empty(&todo)) {
		struct devres *dr = list_last_entry(&todo, struct devres, node);

		list_del_init(&dr->node);
		dr->release(dev, dr->data);
		kfree(dr);
	}
}

/*
 * Groups (devres.rst): two markers on the list, an open one when the group
 * opens and a close one when it closes; the group is what lies between
 * (or after the open marker, while it is open), nested groups included.
 * The open marker owns the close marker until that is added.
 */
struct group {
	void *id;
	struct devres *close; /* the close marker's devres */
	bool closed;
};

static void group_open_release(struct device *dev, void *res)
{
	struct group *g = res;

	(void)dev;
	if (!g->closed)
		kfree(g->close);
}

static void group_close_release(struct device *dev, void *res)
{
	(void)dev;
	(void)res;
}

static bool is_marker(const struct devres *dr)
{
	return dr->release == group_open_release || dr->release == group_close_release;
}

void *devres_open_group(struct device *dev, void *id, gfp_t gfp)
{
	struct group *g = devres_alloc(group_open_release, sizeof(*g), gfp);
	void *close = devres_alloc(group_close_release, 0, gfp);

	if (!g || !close) {
		devres_free(g);
		devres_free(close);
		return NULL;
	}
	g->close = to_dr(close);
	g->id = id ? id : g;
	devres_add(dev, g);
	return g->id;
}

/* Under devres_lock: the open marker of group id, or of the newest open group for NULL. */
static struct devres *find_group(struct device *dev, void *id)
{
	struct devres *dr;

	list_for_each_entry_reverse(dr, head(dev), node) {
		struct group *g = (struct group *)dr->data;

		if (dr->release != group_open_release)
			continue;
		if (id ? g->id == id : !g->closed)
			return dr;
	}
	return NULL;
}

void devres_close_group(struct device *dev, void *id)
{
	unsigned long flags;
	struct devres *dr;

	spin_lock_irqsave(&devres_lock, flags);
	dr = find_group(dev, id);
	if (dr && !((struct group *)dr->data)->closed) {
		struct group *g = (struct group *)dr->data;

		g->closed = true;
		list_add_tail(&g->close->node, head(dev));
	}
	spin_unlock_irqrestore(&devres_lock, flags);
	if (!dr)
		dev_warn(dev, "devres_close_group: no such group\n");
}

/*
 * Under devres_lock: takes group id's entries off the list, markers (its
 * own, and those of groups inside it) to *markers, the rest to *todo when
 * todo is given, else they stay. The number of resources, or -ENOENT.
 */
static int take_group(struct device *dev, void *id, struct list_head *todo,
		      struct list_head *markers)
{
	struct devres *open = find_group(dev, id), *dr, *tmp;
	struct group *g;
	int n = 0;

	if (!open)
		return -ENOENT;
	g = (struct group *)open->data;
	for (dr = open; &dr->node != head(dev); dr = tmp) {
		bool last = g->closed && dr == g->close;

		tmp = list_next_entry(dr, node);

		if (is_marker(dr) && (dr == open || last || todo)) {
			list_move_tail(&dr->node, markers);
		} else if (todo) {
			list_move_tail(&dr->node, todo);
			n++;
		}
		if (last)
			break;
	}
	return n;
}

/* Frees markers taken off the list; an open one frees its close marker if never added. */
static void free_markers(struct device *dev, struct list_head *markers)
{
	struct devres *dr, *tmp;

	list_for_each_entry_safe(dr, tmp, markers, node) {
		list_del_init(&dr->node);
		dr->release(dev, dr->data);
		kfree(dr);
	}
}

void devres_remove_group(struct device *dev, void *id)
{
	unsigned long flags;
	LIST_HEAD(markers);
	int n;

	spin_lock_irqsave(&devres_lock, flags);
	n = take_group(dev, id, NULL, &markers);
	spin_unlock_irqrestore(&devres_lock, flags);
	if (n < 0)
		dev_warn(dev, "devres_remove_group: no such group\n");
	free_markers(dev, &markers);
}

int devres_release_group(struct device *dev, void *id)
{
	unsigned long flags;
	LIST_HEAD(markers);
	LIST_HEAD(todo);
	int n;

	spin_lock_irqsave(&devres_lock, flags);
	n = take_group(dev, id, &todo, &markers);
	spin_unlock_irqrestore(&devres_lock, flags);
	if (n < 0) {
		dev_warn(dev, "devres_release_group: no such group\n");
		return 0;
	}
	/* Newest first, without the lock: a release may sleep. */
	while (!list_empty(&todo)) {
		struct devres *dr = list_last_entry(&todo, struct devres, node);

		list_del_init(&dr->node);
		dr->release(dev, dr->data);
		kfree(dr);
	}
	free_markers(dev, &markers);
	return n;
}

/* Actions */

struct action_dr {
	void (*action)(void *);
	void *data;
};

static void action_release(struct device *dev, void *res)
{
	struct action_dr *a = res;

	(void)dev;
	a->action(a->data);
}

static int action_match(struct device *dev, void *res, void *match_data)
{
	struct action_dr *a = res, *want = match_data;

	(void)dev;
	return a->action == want->action && a->data == want->data;
}

int devm_add_action(struct device *dev, void (*action)(void *), void *data)
{
	struct action_dr *a = devres_alloc(action_release, sizeof(*a), GFP_KERNEL);

	if (!a)
		return -ENOMEM;
	a->action = action;
	a->data = data;
	devres_add(dev, a);
	return 0;
}

int devm_add_action_or_reset(struct device *dev, void (*action)(void *), void *data)
{
	int err = devm_add_action(dev, action, data);

	if (err)
		action(data);
	return err;
}

void devm_remove_action(struct device *dev, void (*action)(void *), void *data)
{
	struct action_dr want = { action, data };

	if (devres_destroy(dev, action_release, action_match, &want))
		dev_warn(dev, "devm_remove_action: %ps(%p) was not added\n", action, data);
}

void devm_release_action(struct device *dev, void (*action)(void *), void *data)
{
	struct action_dr want = { action, data };

	if (devres_release(dev, action_release, action_match, &want))
		dev_warn(dev, "devm_release_action: %ps(%p) was not added\n", action, data);
}

/* Memory: the allocation is the devres itself, so releasing it is freeing it. */

static void kmalloc_release(struct device *dev, void *res)
{
	(void)dev;
	(void)res;
}

static int kmalloc_match(struct device *dev, void *res, void *p)
{
	(void)dev;
	return res == p;
}

void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp)
{
	void *p = __devres_alloc_node(kmalloc_release, size, gfp, -1, "devm_kmalloc");

	if (!p)
		return NULL;
	devres_add(dev, p);
	return p;
}

void devm_kfree(struct device *dev, const void *p)
{
	if (!p)
		return;
	if (devres_destroy(dev, kmalloc_release, kmalloc_match, (void *)p))
		dev_warn(dev, "devm_kfree of %p: not devm_kmalloc'ed memory of this device\n", p);
}

char *devm_kstrdup(struct device *dev, const char *s, gfp_t gfp)
{
	size_t len;
	char *p;

	if (!s)
		return NULL;
	len = strlen(s) + 1;
	p = devm_kmalloc(dev, len, gfp);
	if (p)
		memcpy(p, s, len);
	return p;
}

void *devm_kmemdup(struct device *dev, const void *src, size_t len, gfp_t gfp)
{
	void *p = devm_kmalloc(dev, len, gfp);

	if (p)
		memcpy(p, src, len);
	return p;
}

/* Interrupts */

struct irq_dr {
	unsigned int irq;
	void *dev_id;
};

static void irq_release(struct device *dev, void *res)
{
	struct irq_dr *r = res;

	(void)dev;
	free_irq(r->irq, r->dev_id);
}

static int irq_match(struct device *dev, void *res, void *match_data)
{
	struct irq_dr *r = res, *want = match_data;

	(void)dev;
	return r->irq == want->irq && r->dev_id == want->dev_id;
}

int devm_request_threaded_irq(struct device *dev, unsigned int irq, irq_handler_t handler,
			      irq_handler_t thread_fn, unsigned long irqflags, const char *devname,
			      void *dev_id)
{
	struct irq_dr *r = devres_alloc(irq_release, sizeof(*r), GFP_KERNEL);
	int err;

	if (!r)
		return -ENOMEM;
	if (!devname)
		devname = dev_name(dev);
	err = request_threaded_irq(irq, handler, thread_fn, irqflags, devname, dev_id);
	if (err) {
		devres_free(r);
		return err;
	}
	r->irq = irq;
	r->dev_id = dev_id;
	devres_add(dev, r);
	return 0;
}

void devm_free_irq(struct device *dev, unsigned int irq, void *dev_id)
{
	struct irq_dr want = { irq, dev_id };

	if (devres_release(dev, irq_release, irq_match, &want))
		dev_warn(dev, "devm_free_irq: irq %u was not devm-requested\n", irq);
}

void __iomem *devm_ioremap(struct device *dev, resource_size_t offset, resource_size_t size)
{
	(void)dev;
	(void)size;
	return (void __iomem *)(uintptr_t)offset;
}

/* Coherent DMA */

struct dmam_dr {
	void *vaddr;
	dma_addr_t dma_handle;
	size_t size;
};

static void dmam_release(struct device *dev, void *res)
{
	struct dmam_dr *d = res;

	dma_free_coherent(dev, d->size, d->vaddr, d->dma_handle);
}

static int dmam_match(struct device *dev, void *res, void *match_data)
{
	struct dmam_dr *d = res, *want = match_data;

	(void)dev;
	return d->vaddr == want->vaddr && d->dma_handle == want->dma_handle &&
	       d->size == want->size;
}

void *dmam_alloc_coherent(struct device *dev, size_t size, dma_addr_t *dma_handle, gfp_t gfp)
{
	struct dmam_dr *d = devres_alloc(dmam_release, sizeof(*d), gfp);

	if (!d)
		return NULL;
	d->vaddr = dma_alloc_coherent(dev, size, dma_handle, gfp);
	if (!d->vaddr) {
		devres_free(d);
		return NULL;
	}
	d->dma_handle = *dma_handle;
	d->size = size;
	devres_add(dev, d);
	return d->vaddr;
}

void dmam_free_coherent(struct device *dev, size_t size, void *vaddr, dma_addr_t dma_handle)
{
	struct dmam_dr want = { vaddr, dma_handle, size };

	if (devres_release(dev, dmam_release, dmam_match, &want))
		dev_warn(dev, "dmam_free_coherent of %p: not dmam-allocated\n", vaddr);
}

/* Managed PCI */

struct pcim_dr {
	void __iomem *table[PCI_STD_NUM_BARS];
	int regions; /* requested by pcim_iomap_regions */
};

static void pcim_release(struct device *dev, void *res)
{
	struct pci_dev *pdev = to_pci_dev(dev);
	struct pcim_dr *r = res;

	for (int i = 0; i < PCI_STD_NUM_BARS; i++)
		if (r->table[i])
			pci_iounmap(pdev, r->table[i]);
	pci_release_selected_regions(pdev, r->regions);
}

static void pcim_disable(void *pdev)
{
	pci_disable_device(pdev);
}

int pcim_enable_device(struct pci_dev *pdev)
{
	int err = pci_enable_device(pdev);

	if (err)
		return err;
	return devm_add_action_or_reset(&pdev->dev, pcim_disable, pdev);
}

static struct pcim_dr *pcim_get(struct pci_dev *pdev)
{
	struct pcim_dr *r = devres_find(&pdev->dev, pcim_release, NULL, NULL);

	if (r)
		return r;
	r = devres_alloc(pcim_release, sizeof(*r), GFP_KERNEL);
	if (r)
		devres_add(&pdev->dev, r);
	return r;
}

void __iomem *const *pcim_iomap_table(struct pci_dev *pdev)
{
	struct pcim_dr *r = pcim_get(pdev);

	return r ? r->table : NULL;
}

void __iomem *pcim_iomap(struct pci_dev *pdev, int bar, unsigned long maxlen)
{
	struct pcim_dr *r = pcim_get(pdev);

	if (!r || bar < 0 || bar >= PCI_STD_NUM_BARS || r->table[bar])
		return NULL;
	r->table[bar] = pci_iomap(pdev, bar, maxlen);
	return r->table[bar];
}

int pcim_iomap_regions(struct pci_dev *pdev, int mask, const char *name)
{
	struct pcim_dr *r = pcim_get(pdev);
	int err;

	if (!r)
		return -ENOMEM;
	for (int i = 0; i < PCI_STD_NUM_BARS; i++) {
		if (!(mask & (1 << i)) || !pci_resource_len(pdev, i))
			continue;
		err = pci_request_region(pdev, i, name);
		if (err)
			goto err_undo;
		r->regions |= 1 << i;
		if (!pcim_iomap(pdev, i, 0)) {
			err = -ENOMEM;
			goto err_undo;
		}
	}
	return 0;

err_undo:
	for (int i = 0; i < PCI_STD_NUM_BARS; i++) {
		if (!(mask & (1 << i)))
			continue;
		if (r->table[i])
			pci_iounmap(pdev, r->table[i]);
		r->table[i] = NULL;
		if (r->regions & (1 << i))
			pci_release_region(pdev, i);
		r->regions &= ~(1 << i);
	}
	return err;
}
