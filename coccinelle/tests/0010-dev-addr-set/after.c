// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* The MAC address written into dev->dev_addr three ways. */
static void ring_read_mac(struct net_device *dev, struct ring_priv *rp)
{
	u8 eeprom_mac[ETH_ALEN];
	int i;

	for (i = 0; i < ETH_ALEN; i++) {
		u8 byte = readb(rp->regs + RING_MAC0 + i);

		dev_addr_mod(dev, i, &byte, 1);
	}
	if (is_valid_ether_addr(dev->dev_addr))
		return;
	ring_eeprom_read(rp, eeprom_mac);
	eth_hw_addr_set(dev, eeprom_mac);
	memcpy(dev->perm_addr, dev->dev_addr, ETH_ALEN);
}

static void ring_oui(struct net_device *dev, const u8 *oui)
{
	dev_addr_mod(dev, 0, oui, 3);
}
