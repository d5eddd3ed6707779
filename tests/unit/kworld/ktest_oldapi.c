// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ktest_oldapi.c - the old driver API that asm/system.h and
 * linux/pci-dma-compat.h carry for ported 2.6-era drivers, and the
 * netdevice.h helpers coccinelle/ rewrites them to (dev_addr_mod,
 * dev_trans_start): what each must do, on the shim. test_net.c runs the
 * table.
 */
#include <asm/system.h>
#include <linux/etherdevice.h>
#include <linux/highmem.h>
#include <linux/jiffies.h>
#include <linux/netdevice.h>
#include <linux/pci-dma-compat.h>
#include <linux/semaphore.h>
#include <linux/string.h>
#include <linux/version.h>

#include "../../../shim/entry.h"
#include "../../../shim/mm/arena.h"
#include "ktest.h"

static void old_setup(struct net_device *dev)
{
	ether_setup(dev);
}

/* Three arguments (before 3.17) and four reach the same allocator. */
static int case_alloc_netdev_both_forms(void)
{
	struct net_device *old = alloc_netdev(32, "old%d", old_setup);
	struct net_device *cur = alloc_netdev(32, "cur%d", NET_NAME_UNKNOWN, old_setup);

	KCHECK(old && cur);
	KCHECK(old->addr_len == ETH_ALEN && cur->addr_len == ETH_ALEN);
	KCHECK(!strcmp(old->name, "old%d") && !strcmp(cur->name, "cur%d"));
	free_netdev(old);
	free_netdev(cur);
	return 0;
}

/* print_mac writes into the caller's buffer and returns it. */
static int case_print_mac(void)
{
	static const u8 addr[ETH_ALEN] = { 0x02, 0xed, 0x75, 0x00, 0x0a, 0xff };
	DECLARE_MAC_BUF(mac);

	KCHECK(print_mac(mac, addr) == mac);
	KCHECK(!strcmp(mac, "02:ed:75:00:0a:ff"));
	return 0;
}

/* A byte changed through dev_addr_mod leaves the others as they were. */
static int case_dev_addr_mod(void)
{
	static const u8 first[ETH_ALEN] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };
	static const u8 want[ETH_ALEN] = { 0x52, 0x54, 0x00, 0x12, 0x77, 0x88 };
	struct net_device *dev = alloc_etherdev(0);
	u8 byte = 0x77;

	KCHECK(dev);
	eth_hw_addr_set(dev, first);
	dev_addr_mod(dev, 4, &byte, 1);
	dev_addr_mod(dev, 5, (const u8[]){ 0x88 }, 1);
	KCHECK(ether_addr_equal(dev->dev_addr, want));
	free_netdev(dev);
	return 0;
}

/* dev_trans_start is the latest stamp over the queues. */
static int case_dev_trans_start(void)
{
	struct net_device *dev = alloc_etherdev_mqs(0, 2, 1);

	KCHECK(dev && dev->num_tx_queues == 2);
	netdev_get_tx_queue(dev, 0)->trans_start = 1000;
	netdev_get_tx_queue(dev, 1)->trans_start = 1500;
	KCHECK(dev_trans_start(dev) == 1500);
	netif_trans_update(dev);
	KCHECK(dev_trans_start(dev) == jiffies);
	free_netdev(dev);
	return 0;
}

/* The slot argument of kmap_atomic/kunmap_atomic is accepted and ignored. */
static int case_kmap_atomic_slot(void)
{
	struct page *page = alloc_page(GFP_KERNEL);
	u8 *p;

	KCHECK(page);
	p = kmap_atomic(page, KM_USER0);
	KCHECK(p == page_address(page));
	p[0] = 0x5a;
	kunmap_atomic(p, KM_USER0);
	p = kmap_atomic(page);
	KCHECK(p[0] == 0x5a);
	kunmap_atomic(p);
	__free_page(page);
	return 0;
}

/* The old constants: the generic API's values, or nothing. */
static int case_old_constants(void)
{
	KCHECK(PCI_DMA_TODEVICE == DMA_TO_DEVICE && PCI_DMA_FROMDEVICE == DMA_FROM_DEVICE);
	KCHECK(PCI_DMA_BIDIRECTIONAL == DMA_BIDIRECTIONAL);
	KCHECK(DMA_32BIT_MASK == 0xffffffffull && DMA_64BIT_MASK == ~0ull);
	KCHECK(IRQF_DISABLED == 0 && IRQF_SAMPLE_RANDOM == 0);
	KCHECK(LINUX_VERSION_CODE >= KERNEL_VERSION(6, 1, 0));
	return 0;
}

/* A semaphore set up as a mutex by init_MUTEX takes one holder. */
static int case_init_mutex(void)
{
	struct semaphore sem;

	init_MUTEX(&sem);
	KCHECK(!down_trylock(&sem));
	KCHECK(down_trylock(&sem));
	up(&sem);
	init_MUTEX_LOCKED(&sem);
	KCHECK(down_trylock(&sem));
	up(&sem);
	KCHECK(!down_trylock(&sem));
	up(&sem);
	return 0;
}

static const struct ktest_check oldapi_cases[] = {
	{ "alloc_netdev_both_forms", case_alloc_netdev_both_forms },
	{ "print_mac", case_print_mac },
	{ "dev_addr_mod", case_dev_addr_mod },
	{ "dev_trans_start", case_dev_trans_start },
	{ "kmap_atomic_slot", case_kmap_atomic_slot },
	{ "old_constants", case_old_constants },
	{ "init_mutex", case_init_mutex },
};

int KTEST(ktest_oldapi_setup)(unsigned int nr_vcpus)
{
	int err = uldd_mm_init();

	return err ? err : uldd_sched_init(nr_vcpus ? nr_vcpus : 1);
}

int KTEST(ktest_oldapi_case)(unsigned int i, const char **name, int run)
{
	int ret;

	if (i >= ARRAY_SIZE(oldapi_cases))
		return -1;
	*name = oldapi_cases[i].name;
	if (!run)
		return 0;
	uldd_enter("oldapicase");
	ret = oldapi_cases[i].run();
	uldd_exit();
	return ret;
}
