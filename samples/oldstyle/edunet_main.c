// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * edunet_main.c - a loopback NIC on QEMU's edu device, written here the way
 * a 2.6.28 network driver was, to prove that coccinelle/ and the old-API
 * headers port such code: callbacks in struct net_device, dev->priv,
 * dev->mc_list (walked to NULL, and counted with an index the body uses),
 * trans_start and last_rx, NAPI with the device argument, __devinit,
 * print_mac, a legacy PCI suspend hook, pci_map_single and DMA_32BIT_MASK,
 * byte stores into dev_addr, init_timer with .data, SET_ETHTOOL_OPS with
 * get_settings, phys_id and the old offload toggles (the core's and its
 * own), and a VLAN group with vlan_hwaccel_receive_skb. It is not built as
 * it is: 'uldd port' (ported/edunet/manifest) patches a copy, then
 * compiles that.
 *
 * Each frame to transmit is copied by edu's DMA engine into the device's
 * buffer, then back into a fresh receive buffer, and each copy ends with an
 * interrupt; the copy is handed to the stack as a received frame. One frame
 * is in the device at a time: the queue stops until it is back.
 *
 * edu strips no VLAN tags: the driver plays that hardware. Once the 8021q
 * core has registered a group, it takes the tag out of each 802.1Q frame
 * that comes back and hands it over beside the frame, as a NIC that strips
 * tags did.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/pci.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/interrupt.h>
#include <linux/delay.h>
#include <linux/skbuff.h>
#include <linux/timer.h>
#include <linux/spinlock.h>
#include <linux/crc32.h>
#include <linux/if_vlan.h>
#include <asm/io.h>
#include <asm/system.h>

#define DRV_NAME "edunet"
#define DRV_VERSION "0.26"

/* QEMU's docs/specs/edu.rst */
#define EDU_ID 0x00
#define EDU_LIVENESS 0x04
#define EDU_IRQ_STATUS 0x24
#define EDU_IRQ_ACK 0x64
#define EDU_DMA_SRC 0x80
#define EDU_DMA_DST 0x88
#define EDU_DMA_COUNT 0x90
#define EDU_DMA_CMD 0x98
#define EDU_DMA_START 0x1
#define EDU_DMA_TO_RAM 0x2
#define EDU_DMA_IRQ 0x4
#define EDU_DMA_DONE 0x100
#define EDU_BUF 0x40000

/* Frames stay below the transfer size edu takes at its buffer's start. */
#define EDUNET_MAX_MTU 2000
#define EDUNET_BUF_LEN (EDUNET_MAX_MTU + ETH_HLEN + NET_IP_ALIGN)
#define EDUNET_MC_SLOTS 4

enum edunet_phase {
	EDUNET_IDLE,
	EDUNET_TO_DEVICE, /* the frame goes into edu's buffer */
	EDUNET_FROM_DEVICE, /* and comes back into rx_skb */
	EDUNET_RX_READY, /* rx_skb holds it, NAPI delivers it */
};

struct edunet_priv {
	struct net_device *dev;
	struct pci_dev *pdev;
	void __iomem *regs;
	spinlock_t lock; /* phase and the skbs, against the interrupt */
	enum edunet_phase phase;
	struct sk_buff *tx_skb;
	dma_addr_t tx_dma;
	struct sk_buff *rx_skb;
	dma_addr_t rx_dma;
	unsigned int len;
	struct napi_struct napi;
	struct net_device_stats stats;
	struct timer_list watchdog;
	unsigned long stalls;
	u32 mc_filter;
	u8 mc_slot[EDUNET_MC_SLOTS][ETH_ALEN];
	int mc_slots;
	int msi;
	struct vlan_group *vlgrp;
	int vlan_strip; /* the played hardware strips 802.1Q tags */
	unsigned long vlan_rx; /* frames handed over with their tag */
	int rx_csum; /* received frames need no checksum check */
};

static void edunet_dma(struct edunet_priv *priv, u64 src, u64 dst, u32 len, u32 cmd)
{
	writeq(src, priv->regs + EDU_DMA_SRC);
	writeq(dst, priv->regs + EDU_DMA_DST);
	writeq(len, priv->regs + EDU_DMA_COUNT);
	writel(EDU_DMA_START | EDU_DMA_IRQ | cmd, priv->regs + EDU_DMA_CMD);
	/* The start must reach the device before another CPU takes the lock. */
	mmiowb();
}

static int edunet_start_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct edunet_priv *priv = dev->priv;
	unsigned long flags;

	if (skb->len > EDUNET_BUF_LEN) {
		priv->stats.tx_dropped++;
		dev_kfree_skb(skb);
		return NETDEV_TX_OK;
	}
	spin_lock_irqsave(&priv->lock, flags);
	if (priv->phase != EDUNET_IDLE) {
		netif_stop_queue(dev);
		spin_unlock_irqrestore(&priv->lock, flags);
		return NETDEV_TX_BUSY;
	}
	priv->tx_dma = pci_map_single(priv->pdev, skb->data, skb->len, PCI_DMA_TODEVICE);
	if (pci_dma_mapping_error(priv->pdev, priv->tx_dma)) {
		spin_unlock_irqrestore(&priv->lock, flags);
		priv->stats.tx_dropped++;
		dev_kfree_skb(skb);
		return NETDEV_TX_OK;
	}
	netif_stop_queue(dev);
	priv->tx_skb = skb;
	priv->len = skb->len;
	priv->phase = EDUNET_TO_DEVICE;
	edunet_dma(priv, priv->tx_dma, EDU_BUF, skb->len, 0);
	dev->trans_start = jiffies;
	spin_unlock_irqrestore(&priv->lock, flags);
	return NETDEV_TX_OK;
}

/* The frame is in edu's buffer: send it back into a receive buffer. */
static void edunet_tx_done(struct edunet_priv *priv)
{
	struct sk_buff *skb;

	pci_unmap_single(priv->pdev, priv->tx_dma, priv->len, PCI_DMA_TODEVICE);
	priv->stats.tx_packets++;
	priv->stats.tx_bytes += priv->len;
	dev_kfree_skb_irq(priv->tx_skb);
	priv->tx_skb = NULL;

	skb = dev_alloc_skb(EDUNET_BUF_LEN);
	if (skb) {
		skb_reserve(skb, NET_IP_ALIGN);
		priv->rx_dma = pci_map_single(priv->pdev, skb->data, priv->len, PCI_DMA_FROMDEVICE);
		if (!pci_dma_mapping_error(priv->pdev, priv->rx_dma)) {
			priv->rx_skb = skb;
			priv->phase = EDUNET_FROM_DEVICE;
			edunet_dma(priv, EDU_BUF, priv->rx_dma, priv->len, EDU_DMA_TO_RAM);
			return;
		}
		dev_kfree_skb_irq(skb);
	}
	priv->stats.rx_dropped++;
	priv->phase = EDUNET_IDLE;
	netif_wake_queue(priv->dev);
}

static irqreturn_t edunet_interrupt(int irq, void *dev_id)
{
	struct net_device *dev = dev_id;
	struct edunet_priv *priv = dev->priv;
	u32 status = readl(priv->regs + EDU_IRQ_STATUS);

	if (!status)
		return IRQ_NONE;
	writel(status, priv->regs + EDU_IRQ_ACK);
	if (!(status & EDU_DMA_DONE))
		return IRQ_HANDLED;

	spin_lock(&priv->lock);
	if (priv->phase == EDUNET_TO_DEVICE) {
		edunet_tx_done(priv);
	} else if (priv->phase == EDUNET_FROM_DEVICE) {
		priv->phase = EDUNET_RX_READY;
		if (netif_rx_schedule_prep(dev, &priv->napi))
			__netif_rx_schedule(dev, &priv->napi);
	}
	spin_unlock(&priv->lock);
	return IRQ_HANDLED;
}

static int edunet_poll(struct napi_struct *napi, int budget)
{
	struct edunet_priv *priv = container_of(napi, struct edunet_priv, napi);
	struct net_device *dev = priv->dev;
	struct sk_buff *skb = NULL;
	unsigned long flags;
	int done = 0;

	spin_lock_irqsave(&priv->lock, flags);
	if (priv->phase == EDUNET_RX_READY && budget > 0) {
		skb = priv->rx_skb;
		priv->rx_skb = NULL;
		priv->phase = EDUNET_IDLE;
	}
	spin_unlock_irqrestore(&priv->lock, flags);

	if (skb) {
		struct vlan_ethhdr *veth;
		int tagged = 0;
		u16 tag = 0;

		pci_unmap_single(priv->pdev, priv->rx_dma, priv->len, PCI_DMA_FROMDEVICE);
		skb_put(skb, priv->len);
		veth = (struct vlan_ethhdr *)skb->data;
		if (priv->vlan_strip && skb->len >= VLAN_ETH_HLEN &&
		    veth->h_vlan_proto == htons(ETH_P_8021Q)) {
			tag = ntohs(veth->h_vlan_TCI);
			memmove(skb->data + VLAN_HLEN, skb->data, 2 * ETH_ALEN);
			skb_pull(skb, VLAN_HLEN);
			tagged = 1;
		}
		skb->protocol = eth_type_trans(skb, dev);
		/* Whatever the stack sent came back unchanged: sums still hold. */
		if (priv->rx_csum)
			skb->ip_summed = CHECKSUM_UNNECESSARY;
		priv->stats.rx_packets++;
		priv->stats.rx_bytes += priv->len;
		if (priv->vlgrp && tagged) {
			priv->vlan_rx++;
			vlan_hwaccel_receive_skb(skb, priv->vlgrp, tag);
		} else {
			netif_receive_skb(skb);
		}
		dev->last_rx = jiffies;
		done = 1;
		netif_wake_queue(dev);
	}
	if (done < budget)
		netif_rx_complete(dev, napi);
	return done;
}

/* Once a second: a transmit that never came back is worth a line. */
static void edunet_watchdog(unsigned long data)
{
	struct edunet_priv *priv = (struct edunet_priv *)data;
	struct net_device *dev = priv->dev;

	if (netif_queue_stopped(dev) && time_after(jiffies, dev->trans_start + 2 * HZ)) {
		priv->stalls++;
		printk(KERN_WARNING "%s: frame in the device for %u ms\n", dev->name,
		       jiffies_to_msecs(jiffies - dev->trans_start));
	}
	mod_timer(&priv->watchdog, jiffies + HZ);
}

/* The 8021q core registers a group with the first VLAN, NULL after the last. */
static void edunet_vlan_rx_register(struct net_device *dev, struct vlan_group *grp)
{
	struct edunet_priv *priv = dev->priv;
	unsigned long flags;

	spin_lock_irqsave(&priv->lock, flags);
	priv->vlgrp = grp;
	if (grp)
		priv->vlan_strip = 1;
	else
		priv->vlan_strip = 0;
	spin_unlock_irqrestore(&priv->lock, flags);
}

static int edunet_open(struct net_device *dev)
{
	struct edunet_priv *priv = dev->priv;
	int err;

	err = request_irq(priv->pdev->irq, edunet_interrupt, priv->msi ? 0 : IRQF_SHARED, dev->name,
			  dev);
	if (err)
		return err;
	priv->phase = EDUNET_IDLE;
	/* The played hardware forgets its VLAN setting across a close. */
	edunet_vlan_rx_register(dev, priv->vlgrp);
	napi_enable(&priv->napi);
	netif_carrier_on(dev);
	netif_start_queue(dev);
	mod_timer(&priv->watchdog, jiffies + HZ);
	return 0;
}

static int edunet_in_device(struct edunet_priv *priv)
{
	return priv->phase == EDUNET_TO_DEVICE || priv->phase == EDUNET_FROM_DEVICE;
}

static int edunet_close(struct net_device *dev)
{
	struct edunet_priv *priv = dev->priv;
	unsigned long flags;
	int i;

	netif_stop_queue(dev);
	/* A frame in the device comes back within edu's DMA time. */
	for (i = 0; i < 200 && edunet_in_device(priv); i++)
		msleep(10);
	napi_disable(&priv->napi);
	free_irq(priv->pdev->irq, dev);
	del_timer_sync(&priv->watchdog);
	netif_carrier_off(dev);

	spin_lock_irqsave(&priv->lock, flags);
	if (priv->tx_skb) {
		pci_unmap_single(priv->pdev, priv->tx_dma, priv->len, PCI_DMA_TODEVICE);
		dev_kfree_skb_any(priv->tx_skb);
		priv->tx_skb = NULL;
	}
	if (priv->rx_skb) {
		pci_unmap_single(priv->pdev, priv->rx_dma, priv->len, PCI_DMA_FROMDEVICE);
		dev_kfree_skb_any(priv->rx_skb);
		priv->rx_skb = NULL;
	}
	priv->phase = EDUNET_IDLE;
	spin_unlock_irqrestore(&priv->lock, flags);
	return 0;
}

static struct net_device_stats *edunet_get_stats(struct net_device *dev)
{
	struct edunet_priv *priv = dev->priv;

	return &priv->stats;
}

/*
 * No filter in the device: the hash, and the first groups in exact-match
 * slots as NICs of the time had them, are kept to show what the list held.
 */
static void edunet_set_multicast_list(struct net_device *dev)
{
	struct edunet_priv *priv = dev->priv;
	struct dev_mc_list *mc;
	u32 filter = 0;
	int i;

	for (mc = dev->mc_list; mc; mc = mc->next)
		filter |= 1u << (ether_crc(ETH_ALEN, mc->dmi_addr) >> 27);
	for (i = 0, mc = dev->mc_list; i < dev->mc_count; i++, mc = mc->next) {
		if (i >= EDUNET_MC_SLOTS)
			break;
		memcpy(priv->mc_slot[i], mc->dmi_addr, ETH_ALEN);
	}
	priv->mc_filter = filter;
	priv->mc_slots = i;
	printk(KERN_INFO "%s: %d multicast groups, filter %08x, %d in exact slots\n", dev->name,
	       dev->mc_count, filter, priv->mc_slots);
}

static int edunet_ioctl(struct net_device *dev, struct ifreq *ifr, int cmd)
{
	return -EOPNOTSUPP;
}

static int edunet_change_mtu(struct net_device *dev, int new_mtu)
{
	if (new_mtu < 68 || new_mtu > EDUNET_MAX_MTU)
		return -EINVAL;
	dev->mtu = new_mtu;
	return 0;
}

static void edunet_tx_timeout(struct net_device *dev)
{
	struct edunet_priv *priv = dev->priv;

	priv->stats.tx_errors++;
	printk(KERN_WARNING "%s: transmit timed out\n", dev->name);
}

static void edunet_get_drvinfo(struct net_device *dev, struct ethtool_drvinfo *info)
{
	struct edunet_priv *priv = dev->priv;

	strcpy(info->driver, DRV_NAME);
	strcpy(info->version, DRV_VERSION);
	strcpy(info->bus_info, pci_name(priv->pdev));
}

/* The speed edu's DMA engine, at a frame per 200 ms, comes closest to. */
static int edunet_get_settings(struct net_device *dev, struct ethtool_cmd *cmd)
{
	cmd->supported = SUPPORTED_10baseT_Full;
	cmd->advertising = ADVERTISED_10baseT_Full;
	cmd->port = PORT_OTHER;
	cmd->transceiver = XCVR_INTERNAL;
	cmd->autoneg = AUTONEG_DISABLE;
	cmd->speed = SPEED_10;
	cmd->duplex = DUPLEX_FULL;
	return 0;
}

/* edu has no LED: identify by flipping its liveness register, twice a second. */
static int edunet_phys_id(struct net_device *dev, u32 data)
{
	struct edunet_priv *priv = dev->priv;
	u32 i;

	if (!data || data > 60)
		data = 60;
	for (i = 0; i < data * 2; i++) {
		writel(i, priv->regs + EDU_LIVENESS);
		if (msleep_interruptible(500))
			break;
	}
	printk(KERN_INFO "%s: identified for %u s\n", dev->name, data);
	return 0;
}

static u32 edunet_get_rx_csum(struct net_device *dev)
{
	struct edunet_priv *priv = dev->priv;

	return priv->rx_csum;
}

static int edunet_set_rx_csum(struct net_device *dev, u32 data)
{
	struct edunet_priv *priv = dev->priv;

	priv->rx_csum = !!data;
	return 0;
}

static const struct ethtool_ops edunet_ethtool_ops = {
	.get_drvinfo = edunet_get_drvinfo,
	.get_settings = edunet_get_settings,
	.get_link = ethtool_op_get_link,
	.get_tx_csum = ethtool_op_get_tx_csum,
	.get_sg = ethtool_op_get_sg,
	.get_rx_csum = edunet_get_rx_csum,
	.set_rx_csum = edunet_set_rx_csum,
	.phys_id = edunet_phys_id,
};

static int __devinit edunet_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	static const u8 oui[3] = { 0x02, 0xed, 0x75 }; /* locally administered */
	struct net_device *dev;
	struct edunet_priv *priv;
	DECLARE_MAC_BUF(mac);
	u32 ident;
	int i, err;

	err = pci_enable_device(pdev);
	if (err)
		return err;
	err = pci_set_dma_mask(pdev, DMA_32BIT_MASK);
	if (!err)
		err = pci_set_consistent_dma_mask(pdev, DMA_32BIT_MASK);
	if (err) {
		printk(KERN_ERR DRV_NAME ": %s: no 32-bit DMA\n", pci_name(pdev));
		goto err_disable;
	}
	err = pci_request_regions(pdev, DRV_NAME);
	if (err)
		goto err_disable;
	pci_set_master(pdev);

	dev = alloc_netdev(sizeof(struct edunet_priv), "edunet%d", ether_setup);
	if (!dev) {
		err = -ENOMEM;
		goto err_regions;
	}
	SET_NETDEV_DEV(dev, &pdev->dev);
	priv = dev->priv;
	priv->dev = dev;
	priv->pdev = pdev;
	spin_lock_init(&priv->lock);
	priv->regs = pci_iomap(pdev, 0, 0);
	if (!priv->regs) {
		err = -ENOMEM;
		goto err_free;
	}
	ident = readl(priv->regs + EDU_ID);
	if ((ident & 0xff) != 0xed) {
		printk(KERN_ERR DRV_NAME ": %s: not an edu device (ID %08x)\n", pci_name(pdev),
		       ident);
		err = -ENODEV;
		goto err_unmap;
	}
	priv->msi = !pci_enable_msi(pdev);
	priv->rx_csum = 1;

	/* edu has no address of its own: one from the PCI address. */
	for (i = 0; i < 3; i++)
		dev->dev_addr[i] = oui[i];
	dev->dev_addr[3] = pci_domain_nr(pdev->bus);
	dev->dev_addr[4] = pdev->bus->number;
	dev->dev_addr[5] = pdev->devfn;
	memcpy(dev->perm_addr, dev->dev_addr, ETH_ALEN);

	dev->open = edunet_open;
	dev->stop = edunet_close;
	dev->hard_start_xmit = edunet_start_xmit;
	dev->get_stats = edunet_get_stats;
	dev->set_multicast_list = edunet_set_multicast_list;
	dev->do_ioctl = edunet_ioctl;
	dev->change_mtu = edunet_change_mtu;
	dev->set_mac_address = eth_mac_addr;
	dev->tx_timeout = edunet_tx_timeout;
	dev->vlan_rx_register = edunet_vlan_rx_register;
	dev->watchdog_timeo = 5 * HZ;
	dev->features |= NETIF_F_LLTX | NETIF_F_HW_VLAN_RX;
	SET_ETHTOOL_OPS(dev, &edunet_ethtool_ops);
	netif_napi_add(dev, &priv->napi, edunet_poll, 16);

	init_timer(&priv->watchdog);
	priv->watchdog.data = (unsigned long)priv;
	priv->watchdog.function = edunet_watchdog;

	err = register_netdev(dev);
	if (err)
		goto err_msi;
	pci_set_drvdata(pdev, dev);
	printk(KERN_INFO "%s: edu %u.%u at %s, MAC %s, %s\n", dev->name, ident >> 24,
	       (ident >> 16) & 0xff, pci_name(pdev), print_mac(mac, dev->dev_addr),
	       priv->msi ? "MSI" : "INTx");
	return 0;

err_msi:
	netif_napi_del(&priv->napi);
	if (priv->msi)
		pci_disable_msi(pdev);
err_unmap:
	pci_iounmap(pdev, priv->regs);
err_free:
	free_netdev(dev);
err_regions:
	pci_release_regions(pdev);
err_disable:
	pci_disable_device(pdev);
	return err;
}

static void __devexit edunet_remove(struct pci_dev *pdev)
{
	struct net_device *dev = pci_get_drvdata(pdev);
	struct edunet_priv *priv = dev->priv;

	unregister_netdev(dev);
	printk(KERN_INFO
	       "%s: removed, %lu frames looped (%lu with their VLAN tag apart), %lu stalls\n",
	       dev->name, priv->stats.rx_packets, priv->vlan_rx, priv->stalls);
	netif_napi_del(&priv->napi);
	if (priv->msi)
		pci_disable_msi(pdev);
	pci_iounmap(pdev, priv->regs);
	free_netdev(dev);
	pci_release_regions(pdev);
	pci_disable_device(pdev);
	pci_set_drvdata(pdev, NULL);
}

static int edunet_suspend(struct pci_dev *pdev, pm_message_t state)
{
	struct net_device *dev = pci_get_drvdata(pdev);

	if (netif_running(dev))
		netif_device_detach(dev);
	pci_save_state(pdev);
	pci_set_power_state(pdev, pci_choose_state(pdev, state));
	return 0;
}

static int edunet_resume(struct pci_dev *pdev)
{
	struct net_device *dev = pci_get_drvdata(pdev);

	pci_set_power_state(pdev, PCI_D0);
	pci_restore_state(pdev);
	if (netif_running(dev))
		netif_device_attach(dev);
	return 0;
}

static struct pci_device_id edunet_ids[] __devinitdata = {
	{ PCI_DEVICE(0x1234, 0x11e8) },
	{
		0,
	},
};
MODULE_DEVICE_TABLE(pci, edunet_ids);

static struct pci_driver edunet_driver = {
	.name = DRV_NAME,
	.id_table = edunet_ids,
	.probe = edunet_probe,
	.remove = __devexit_p(edunet_remove),
	.suspend = edunet_suspend,
	.resume = edunet_resume,
};

static int __init edunet_init(void)
{
	return pci_register_driver(&edunet_driver);
}

static void __exit edunet_exit(void)
{
	pci_unregister_driver(&edunet_driver);
}

module_init(edunet_init);
module_exit(edunet_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A 2.6-style loopback NIC on QEMU's edu device");
MODULE_VERSION(DRV_VERSION);
