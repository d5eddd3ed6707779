/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/blk-mq-pci.h - a tag set's queue map from a PCI device's interrupt
 * vectors. Emulation notes: uldd's interrupts have no CPU affinity, so
 * vCPUs are spread over the map's queues as blk_mq_map_queues() does.
 */
#ifndef _LINUX_BLK_MQ_PCI_H
#define _LINUX_BLK_MQ_PCI_H

struct blk_mq_queue_map;
struct pci_dev;

void blk_mq_pci_map_queues(struct blk_mq_queue_map *qmap, struct pci_dev *pdev, int offset);

#endif /* _LINUX_BLK_MQ_PCI_H */
