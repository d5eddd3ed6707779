/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/pci-p2pdma.h - DMA between two PCI devices through one's BAR
 * memory, as a kernel built without CONFIG_PCI_P2PDMA has it: a process
 * owns one device, so there is no peer. Publishing memory fails with
 * -EOPNOTSUPP, allocating gives NULL, and a driver keeps to host memory.
 */
#ifndef _LINUX_PCI_P2PDMA_H
#define _LINUX_PCI_P2PDMA_H

#include <linux/errno.h>
#include <linux/types.h>

struct pci_dev;

static inline int pci_p2pdma_add_resource(struct pci_dev *pdev, int bar, size_t size, u64 offset)
{
	(void)pdev;
	(void)bar;
	(void)size;
	(void)offset;
	return -EOPNOTSUPP;
}

static inline void *pci_alloc_p2pmem(struct pci_dev *pdev, size_t size)
{
	(void)pdev;
	(void)size;
	return NULL;
}

static inline void pci_free_p2pmem(struct pci_dev *pdev, void *addr, size_t size)
{
	(void)pdev;
	(void)addr;
	(void)size;
}

static inline u64 pci_p2pmem_virt_to_bus(struct pci_dev *pdev, void *addr)
{
	(void)pdev;
	(void)addr;
	return 0;
}

static inline void pci_p2pmem_publish(struct pci_dev *pdev, bool publish)
{
	(void)pdev;
	(void)publish;
}

#endif /* _LINUX_PCI_P2PDMA_H */
