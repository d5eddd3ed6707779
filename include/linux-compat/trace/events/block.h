/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * trace/events/block.h - the block layer's tracepoints that drivers fire
 * themselves (a stacking driver completing or remapping a bio). Like every
 * tracepoint here (linux/tracepoint.h) they compile to nothing.
 */
#ifndef _TRACE_EVENTS_BLOCK_H
#define _TRACE_EVENTS_BLOCK_H

#include <linux/tracepoint.h>
#include <linux/types.h>

struct bio;
struct request;
struct request_queue;

DECLARE_TRACE(block_bio_complete, TP_PROTO(struct request_queue *q, struct bio *bio),
	      TP_ARGS(q, bio))
DECLARE_TRACE(block_bio_remap, TP_PROTO(struct bio *bio, dev_t dev, sector_t from),
	      TP_ARGS(bio, dev, from))
DECLARE_TRACE(block_rq_remap, TP_PROTO(struct request *rq, dev_t dev, sector_t from),
	      TP_ARGS(rq, dev, from))

#endif /* _TRACE_EVENTS_BLOCK_H */
