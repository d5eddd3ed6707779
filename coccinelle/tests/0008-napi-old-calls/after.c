// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* NAPI as 2.6.24 to 2.6.28 spelled it: each call names the device. */
static irqreturn_t ring_interrupt(int irq, void *dev_id)
{
	struct net_device *dev = dev_id;
	struct ring_priv *rp = netdev_priv(dev);

	if (napi_schedule_prep(&rp->napi)) {
		ring_irq_disable(rp);
		__napi_schedule(&rp->napi);
	}
	return IRQ_HANDLED;
}

static int ring_poll(struct napi_struct *napi, int budget)
{
	struct ring_priv *rp = container_of(napi, struct ring_priv, napi);
	int done = ring_rx(rp, budget);

	if (done < budget) {
		napi_complete(napi);
		ring_irq_enable(rp);
	}
	return done;
}

static void ring_kick(struct ring_priv *rp)
{
	napi_schedule(&rp->napi);
}
