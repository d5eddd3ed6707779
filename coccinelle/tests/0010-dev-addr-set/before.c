// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* The MAC address written into dev->dev_addr three ways. */
static void ring_read_mac(struct net_device *dev, struct ring_priv *rp)
{
	u8 eeprom_mac[ETH_ALEN];
	int i;

	for (i = 0; i < ETH_ALEN; i++)
		dev->dev_addr[i] = readb(rp->regs + RING_MAC0 + i);
	if (is_valid_ether_addr(dev->dev_addr))
		return;
	ring_eeprom_read(rp, eeprom_mac);
	memcpy(dev->dev_addr, eeprom_mac, ETH_ALEN);
	memcpy(dev->perm_addr, dev->dev_addr, ETH_ALEN);
}

static void ring_oui(struct net_device *dev, const u8 *oui)
{
	memcpy(dev->dev_addr, oui, 3);
}
