/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * net/xdp.h - XDP's buffers and frames, and the per-receive-queue record
 * (xdp_rxq_info) a driver keeps of where its buffers come from.
 *
 * Emulation notes: no XDP program ever runs (linux/bpf.h). What a driver
 * does on every queue whether or not one is attached is real: registering
 * its queues and their memory model, building a buffer, the frame-bulk
 * bracket around transmit completion. Returning XDP frames, which only a
 * program produces, stops loudly.
 */
#ifndef _NET_XDP_H
#define _NET_XDP_H

#include <linux/mm.h>
#include <linux/skbuff.h>
#include <linux/types.h>

struct net_device;
struct page_pool;

enum xdp_mem_type {
	MEM_TYPE_PAGE_SHARED = 0,
	MEM_TYPE_PAGE_ORDER0,
	MEM_TYPE_PAGE_POOL,
	MEM_TYPE_XSK_BUFF_POOL,
};

struct xdp_mem_info {
	u32 type; /* enum xdp_mem_type */
	u32 id;
};

enum xdp_rxq_info_state {
	ULDD_XDP_RXQ_NEW = 0, /* zeroed memory: never registered */
	ULDD_XDP_RXQ_REGISTERED,
	ULDD_XDP_RXQ_UNREGISTERED,
};

struct xdp_rxq_info {
	struct net_device *dev;
	u32 queue_index;
	u32 reg_state;
	struct xdp_mem_info mem;
	unsigned int napi_id;
	u32 frag_size;
	/* The memory model's allocator (a page_pool). */
	void *allocator;
};

struct xdp_txq_info {
	struct net_device *dev;
};

/* xdp_buff.flags */
#define XDP_FLAGS_HAS_FRAGS BIT(0)

struct xdp_buff {
	void *data;
	void *data_end;
	void *data_meta;
	void *data_hard_start;
	struct xdp_rxq_info *rxq;
	struct xdp_txq_info *txq;
	u32 frame_sz; /* the whole buffer, tailroom included */
	u32 flags;
};

/* A frame kept past the receive poll: it sits at the head of its own buffer. */
struct xdp_frame {
	void *data;
	u16 len;
	u16 headroom;
	u32 metasize;
	struct xdp_mem_info mem;
	struct net_device *dev_rx;
	u32 frame_sz;
	u32 flags;
};

#define XDP_BULK_QUEUE_SIZE 16

/* Frames returned together after a transmit completion. */
struct xdp_frame_bulk {
	int count;
	void *xa;
	void *q[XDP_BULK_QUEUE_SIZE];
};

static inline void xdp_init_buff(struct xdp_buff *xdp, u32 frame_sz, struct xdp_rxq_info *rxq)
{
	xdp->frame_sz = frame_sz;
	xdp->rxq = rxq;
	xdp->flags = 0;
}

/* The frame is data_len bytes at hard_start + headroom; meta_valid: no metadata yet. */
static inline void xdp_prepare_buff(struct xdp_buff *xdp, unsigned char *hard_start, int headroom,
				    int data_len, const bool meta_valid)
{
	unsigned char *data = hard_start + headroom;

	xdp->data_hard_start = hard_start;
	xdp->data = data;
	xdp->data_end = data + data_len;
	xdp->data_meta = meta_valid ? data : data + 1;
}

static inline void xdp_buff_clear_frags_flag(struct xdp_buff *xdp)
{
	xdp->flags &= ~XDP_FLAGS_HAS_FRAGS;
}

/*
 * The buffer's frame, written over its headroom: NULL when the headroom
 * cannot hold it (the program grew the head into it).
 */
static inline struct xdp_frame *xdp_convert_buff_to_frame(struct xdp_buff *xdp)
{
	struct xdp_frame *f = xdp->data_hard_start;
	int headroom = (int)((unsigned char *)xdp->data - (unsigned char *)xdp->data_hard_start);
	int metasize = (int)((unsigned char *)xdp->data - (unsigned char *)xdp->data_meta);

	metasize = metasize > 0 ? metasize : 0;
	if (headroom - metasize < (int)sizeof(*f))
		return NULL;
	f->data = xdp->data;
	f->len = (u16)((unsigned char *)xdp->data_end - (unsigned char *)xdp->data);
	f->headroom = (u16)(headroom - (int)sizeof(*f));
	f->metasize = (u32)metasize;
	f->frame_sz = xdp->frame_sz;
	f->flags = xdp->flags;
	f->mem = xdp->rxq->mem;
	f->dev_rx = xdp->rxq->dev;
	return f;
}

static inline void xdp_frame_bulk_init(struct xdp_frame_bulk *bq)
{
	bq->count = 0;
	bq->xa = NULL;
}

/* Registration of a receive queue (shim/net/xdp.c): 0 or -EINVAL. */
int xdp_rxq_info_reg(struct xdp_rxq_info *xdp_rxq, struct net_device *dev, u32 queue_index,
		     unsigned int napi_id);
int xdp_rxq_info_reg_mem_model(struct xdp_rxq_info *xdp_rxq, enum xdp_mem_type type,
			       void *allocator);
void xdp_rxq_info_unreg(struct xdp_rxq_info *xdp_rxq);

static inline bool xdp_rxq_info_is_reg(struct xdp_rxq_info *xdp_rxq)
{
	return xdp_rxq->reg_state == ULDD_XDP_RXQ_REGISTERED;
}

void xdp_return_frame(struct xdp_frame *xdpf);
void xdp_return_frame_bulk(struct xdp_frame *xdpf, struct xdp_frame_bulk *bq);
void xdp_flush_frame_bulk(struct xdp_frame_bulk *bq);

#endif /* _NET_XDP_H */
