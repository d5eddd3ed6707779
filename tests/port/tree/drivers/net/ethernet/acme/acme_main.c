// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Test fixture for tests/port/run.sh: a driver that uses one of each kind
 * of thing the shim lacks (the names are made up, so they stay missing).
 */
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/acme_widget.h>
#include "acme.h"

static int rings = 2;
module_param(rings, int, 0444);

static int acme_open(struct net_device *dev)
{
	struct widget_state *ws = netdev_priv(dev);

	dev->acme_cookie = 1;
	return widget_power_on(ws, WIDGET_POWER_FULL);
}

static int __init acme_init(void)
{
	acme_frobnicate(3);
	pr_info("acme: rings=%d\n", rings);
	return acme_hw_reset(NULL) + acme_open(NULL);
}
module_init(acme_init);
MODULE_LICENSE("GPL");
