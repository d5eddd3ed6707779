// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * net/xdp.c - XDP as far as a driver uses it with no program attached:
 * receive-queue registration and the frame-bulk bracket are real; what
 * only an attached program reaches stops loudly, since the shim never
 * calls ndo_bpf (linux/bpf.h). Callers serialise per queue, as in Linux.
 */
#include <linux/bpf_trace.h>
#include <linux/errno.h>
#include <linux/filter.h>
#include <linux/netdevice.h>
#include <net/xdp.h>

#include "../core/stop.h"

int xdp_rxq_info_reg(struct xdp_rxq_info *xdp_rxq, struct net_device *dev, u32 queue_index,
		     unsigned int napi_id)
{
	if (WARN_ON(!dev) || WARN_ON(xdp_rxq->reg_state == ULDD_XDP_RXQ_REGISTERED))
		return -EINVAL;
	memset(xdp_rxq, 0, sizeof(*xdp_rxq));
	xdp_rxq->dev = dev;
	xdp_rxq->queue_index = queue_index;
	xdp_rxq->napi_id = napi_id;
	xdp_rxq->reg_state = ULDD_XDP_RXQ_REGISTERED;
	return 0;
}

int xdp_rxq_info_reg_mem_model(struct xdp_rxq_info *xdp_rxq, enum xdp_mem_type type,
			       void *allocator)
{
	if (WARN_ON(xdp_rxq->reg_state != ULDD_XDP_RXQ_REGISTERED))
		return -EINVAL;
	/* A page pool is the only allocator a driver hands over. */
	if ((type == MEM_TYPE_PAGE_POOL) != !!allocator || type > MEM_TYPE_PAGE_POOL)
		return -EINVAL;
	xdp_rxq->mem.type = type;
	xdp_rxq->allocator = allocator;
	return 0;
}

void xdp_rxq_info_unreg(struct xdp_rxq_info *xdp_rxq)
{
	if (xdp_rxq->reg_state == ULDD_XDP_RXQ_NEW)
		return;
	WARN_ON(xdp_rxq->reg_state != ULDD_XDP_RXQ_REGISTERED);
	xdp_rxq->reg_state = ULDD_XDP_RXQ_UNREGISTERED;
	xdp_rxq->dev = NULL;
	xdp_rxq->allocator = NULL;
}

/* Frames exist only where a program made them. */
void xdp_return_frame(struct xdp_frame *xdpf)
{
	(void)xdpf;
	uldd_trace_and_stop(__func__);
}

void xdp_return_frame_bulk(struct xdp_frame *xdpf, struct xdp_frame_bulk *bq)
{
	(void)xdpf;
	(void)bq;
	uldd_trace_and_stop(__func__);
}

/* xdp_return_frame_bulk() never queues, so a bulk is always empty here. */
void xdp_flush_frame_bulk(struct xdp_frame_bulk *bq)
{
	WARN_ON(bq->count);
	bq->count = 0;
}

u32 bpf_prog_run_xdp(const struct bpf_prog *prog, struct xdp_buff *xdp)
{
	(void)prog;
	(void)xdp;
	uldd_trace_and_stop(__func__);
}

int xdp_do_redirect(struct net_device *dev, struct xdp_buff *xdp, struct bpf_prog *prog)
{
	(void)dev;
	(void)xdp;
	(void)prog;
	uldd_trace_and_stop(__func__);
}

/* Nothing was redirected (xdp_do_redirect() cannot run), so nothing waits. */
void xdp_do_flush(void)
{
}

void bpf_warn_invalid_xdp_action(struct net_device *dev, struct bpf_prog *prog, u32 act)
{
	(void)dev;
	(void)prog;
	(void)act;
	uldd_trace_and_stop(__func__);
}

void trace_xdp_exception(const struct net_device *dev, const struct bpf_prog *prog, u32 act)
{
	(void)dev;
	(void)prog;
	(void)act;
	uldd_trace_and_stop(__func__);
}

void bpf_prog_put(struct bpf_prog *prog)
{
	(void)prog;
	uldd_trace_and_stop(__func__);
}
