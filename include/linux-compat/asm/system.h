/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * asm/system.h - gone since 3.4, where 2.6-era drivers found barriers and
 * much else. Here it carries the old driver API that a header can keep as
 * it was and that current drivers must not see: only code that includes
 * this file (or that 'uldd port' compiles with -include asm/system.h, an
 * old driver that did not) gets these names. coccinelle/README.md lists
 * each, when Linux dropped it, and the semantic patches for the rest.
 *
 * Emulation notes: mmiowb() is a compiler barrier only: uldd's MMIO stores
 * go through an uncached mapping in program order, and spin_unlock()
 * orders them for other CPUs, as Linux's has done itself since 5.2.
 * print_mac() formats with %pM; its buffer must hold 18 bytes, as
 * DECLARE_MAC_BUF() makes it.
 */
#ifndef _ASM_SYSTEM_H
#define _ASM_SYSTEM_H

#include <asm/barrier.h>
#include <linux/compiler.h>
#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/highmem.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/pci-dma-compat.h>
#include <linux/semaphore.h>
#include <linux/sprintf.h>

/* Hotplug section markers, removed in 3.8: every device may come and go. */
#define __devinit
#define __devinitdata
#define __devinitconst const
#define __devexit
#define __devexitdata
#define __devexitconst const
#define __devexit_p(fn) (fn)

#define mmiowb() barrier()

/*
 * Request flags that went: handlers run with interrupts off since 2.6.35
 * (IRQF_DISABLED, removed in 4.1); IRQF_SAMPLE_RANDOM went in 3.6.
 */
#define IRQF_DISABLED 0
#define IRQF_SAMPLE_RANDOM 0

/* Module plumbing of 2.6.2x: the core keeps the module reference itself. */
#define SET_MODULE_OWNER(dev) ((void)(dev))
#define pci_module_init(drv) pci_register_driver(drv)

/* Semaphores used as mutexes, removed in 2.6.37. */
#define init_MUTEX(sem) sema_init(sem, 1)
#define init_MUTEX_LOCKED(sem) sema_init(sem, 0)

/*
 * VLAN offload flags, renamed in 3.10 when 802.1ad tags came: the old
 * ones meant 802.1Q, today's CTAG. Only the names changed, so constants do.
 */
#define NETIF_F_HW_VLAN_TX NETIF_F_HW_VLAN_CTAG_TX
#define NETIF_F_HW_VLAN_RX NETIF_F_HW_VLAN_CTAG_RX
#define NETIF_F_HW_VLAN_FILTER NETIF_F_HW_VLAN_CTAG_FILTER

/* The ethtool_ops setter, removed in 3.16. */
#define SET_ETHTOOL_OPS(netdev, ops) ((netdev)->ethtool_ops = (ops))

/* MAC formatting before %pM (removed in 2.6.29). */
#define DECLARE_MAC_BUF(var) char var[18] __maybe_unused

static inline char *print_mac(char *buf, const unsigned char *addr)
{
	sprintf(buf, "%pM", addr);
	return buf;
}

/*
 * kmap_atomic() slots, dropped in 3.6 when the slot argument went: the
 * old two-argument calls still compile, and the slot is ignored, as Linux
 * has done since 2.6.37.
 */
enum km_type {
	KM_BOUNCE_READ,
	KM_SKB_SUNRPC_DATA,
	KM_SKB_DATA_SOFTIRQ,
	KM_USER0,
	KM_USER1,
	KM_BIO_SRC_IRQ,
	KM_BIO_DST_IRQ,
	KM_PTE0,
	KM_PTE1,
	KM_IRQ0,
	KM_IRQ1,
	KM_SOFTIRQ0,
	KM_SOFTIRQ1,
	KM_TYPE_NR
};

#define kmap_atomic(page, ...) kmap_atomic(page)
#undef kunmap_atomic
#define kunmap_atomic(addr, ...) ((void)(addr))

/*
 * alloc_netdev() without the name-assignment type (NET_NAME_*), which came
 * in 3.17: three arguments mean the old form, four the current one.
 */
#undef alloc_netdev
#define __uldd_alloc_netdev4(sizeof_priv, name, assign_type, setup) \
	alloc_netdev_mqs(sizeof_priv, name, assign_type, setup, 1, 1)
#define __uldd_alloc_netdev3(sizeof_priv, name, setup) \
	alloc_netdev_mqs(sizeof_priv, name, NET_NAME_UNKNOWN, setup, 1, 1)
#define __uldd_alloc_netdev_pick(_1, _2, _3, _4, which, ...) which
#define alloc_netdev(...)                                           \
	__uldd_alloc_netdev_pick(__VA_ARGS__, __uldd_alloc_netdev4, \
				 __uldd_alloc_netdev3, )(__VA_ARGS__)

#endif /* _ASM_SYSTEM_H */
