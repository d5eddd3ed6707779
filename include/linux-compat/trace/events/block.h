/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * trace/events/block.h - the block layer's tracepoints that drivers fire
 * themselves (a stacking driver completing or remapping a bio). Like every
 * tracepoint here (linux/tracepoint.h) they compile to nothing.
 */
#ifndef _TRACE_EVENTS_BLOCK_H
#define _TRACE_EVENTS_BLOCK_H

#include <linux/types.h>

struct bio;
struct request;
struct request_queue;

/* Macros rather than DECLARE_TRACE's inlines: each argument is evaluated, as a call's would be. */
#define trace_block_bio_complete(q, bio) ((void)(q), (void)(bio))
#define trace_block_bio_remap(bio, dev, from) ((void)(bio), (void)(dev), (void)(from))
#define trace_block_rq_remap(rq, dev, from) ((void)(rq), (void)(dev), (void)(from))

#endif /* _TRACE_EVENTS_BLOCK_H */
