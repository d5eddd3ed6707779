// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * block/stats.c - what 'uldd stats DISK' shows about a disk: per hardware
 * queue, the depth (tags in use now and at most), the requests ended by
 * kind with their bytes, errors, requeues, timeouts, and the latency from
 * blk_mq_start_request() to the end. Counting costs a few plain stores on
 * the vCPU that ends the request (internal.h, struct uldd_blk_stat) and
 * two clock reads from the vDSO; the report sums the vCPUs, holding the
 * disk list's lock so no disk or hardware queue goes meanwhile.
 */
#include <linux/blk-mq.h>
#include <linux/blkdev.h>
#include <linux/kernel.h>
#include <linux/math64.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/timekeeping.h>

#include "../entry.h"
#include "internal.h"

static const char *const op_names[ULDD_BLK_STAT_OPS] = {
	[ULDD_BLK_STAT_READ] = "read",
	[ULDD_BLK_STAT_WRITE] = "write",
	[ULDD_BLK_STAT_FLUSH] = "flush",
	[ULDD_BLK_STAT_DISCARD] = "discard",
	[ULDD_BLK_STAT_WRITE_ZEROES] = "write_zeroes",
	[ULDD_BLK_STAT_OTHER] = "other",
};

static enum uldd_blk_stat_op stat_op(const struct request *rq)
{
	switch (req_op(rq)) {
	case REQ_OP_READ:
		return ULDD_BLK_STAT_READ;
	case REQ_OP_WRITE:
		return ULDD_BLK_STAT_WRITE;
	case REQ_OP_FLUSH:
		return ULDD_BLK_STAT_FLUSH;
	case REQ_OP_DISCARD:
		return ULDD_BLK_STAT_DISCARD;
	case REQ_OP_WRITE_ZEROES:
		return ULDD_BLK_STAT_WRITE_ZEROES;
	default:
		return ULDD_BLK_STAT_OTHER;
	}
}

/* Single writer (this vCPU): WRITE_ONCE only so the report's reads see whole values. */
#define STAT_ADD(field, n) WRITE_ONCE(field, (field) + (n))

void uldd_blk_stat_end(struct request *rq, blk_status_t error)
{
	struct uldd_blk_stat *st = uldd_blk_stat_here(rq->mq_hctx);
	enum uldd_blk_stat_op op = stat_op(rq);

	STAT_ADD(st->ios[op], 1);
	STAT_ADD(st->bytes[op], blk_rq_bytes(rq));
	if (error != BLK_STS_OK)
		STAT_ADD(st->errors, 1);
	if (rq->io_start_time_ns) {
		u64 ns = ktime_get_ns() - rq->io_start_time_ns;

		STAT_ADD(st->lat_n, 1);
		STAT_ADD(st->lat_sum_ns, ns);
		if (ns > st->lat_max_ns)
			WRITE_ONCE(st->lat_max_ns, ns);
		rq->io_start_time_ns = 0;
	}
}

struct report {
	char *buf;
	unsigned long len;
	unsigned long used;
};

static __printf(2, 3) void report(struct report *r, const char *fmt, ...)
{
	va_list args;
	int n;

	if (r->used + 1 >= r->len)
		return;
	va_start(args, fmt);
	n = vsnprintf(r->buf + r->used, r->len - r->used, fmt, args);
	va_end(args);
	r->used = min(r->used + (unsigned long)n, r->len - 1);
}

/* The vCPUs' counts of one hardware queue, added into sum (lat_max_ns: the largest). */
static void stat_sum(struct blk_mq_hw_ctx *hctx, unsigned int nr_cpus, struct uldd_blk_stat *sum)
{
	for (unsigned int c = 0; c < nr_cpus; c++) {
		const struct uldd_blk_stat *st = &hctx->uldd->stat[c];

		for (unsigned int k = 0; k < ULDD_BLK_STAT_OPS; k++) {
			sum->ios[k] += READ_ONCE(st->ios[k]);
			sum->bytes[k] += READ_ONCE(st->bytes[k]);
		}
		sum->errors += READ_ONCE(st->errors);
		sum->requeues += READ_ONCE(st->requeues);
		sum->timeouts += READ_ONCE(st->timeouts);
		sum->lat_n += READ_ONCE(st->lat_n);
		sum->lat_sum_ns += READ_ONCE(st->lat_sum_ns);
		sum->lat_max_ns = max(sum->lat_max_ns, READ_ONCE(st->lat_max_ns));
	}
}

static void report_stat(struct report *r, const char *pre, const struct uldd_blk_stat *s)
{
	for (unsigned int k = 0; k < ULDD_BLK_STAT_OPS; k++)
		report(r, "%s%s_ios: %llu\n%s%s_bytes: %llu\n", pre, op_names[k],
		       (unsigned long long)s->ios[k], pre, op_names[k],
		       (unsigned long long)s->bytes[k]);
	report(r, "%serrors: %llu\n%srequeues: %llu\n%stimeouts: %llu\n", pre,
	       (unsigned long long)s->errors, pre, (unsigned long long)s->requeues, pre,
	       (unsigned long long)s->timeouts);
	report(r, "%slatency_mean_ns: %llu\n%slatency_max_ns: %llu\n", pre,
	       (unsigned long long)(s->lat_n ? div64_u64(s->lat_sum_ns, s->lat_n) : 0), pre,
	       (unsigned long long)s->lat_max_ns);
}

static void report_disk(struct report *r, struct gendisk *disk)
{
	struct request_queue *q = disk->queue;
	struct blk_mq_tag_set *set = q->tag_set;
	struct uldd_blk_stat total = { 0 };
	char pre[16];

	report(r, "disk: %s\nbytes: %llu\nlogical_block_size: %u\n", disk->disk_name,
	       (unsigned long long)get_capacity(disk) << SECTOR_SHIFT, queue_logical_block_size(q));
	mutex_lock(&set->tag_list_lock);
	report(r, "hw_queues: %u\nqueue_depth: %u\n", q->nr_hw_queues, set->queue_depth);
	for (unsigned int i = 0; i < q->nr_hw_queues; i++) {
		struct blk_mq_hw_ctx *hctx = q->queue_hw_ctx[i];
		struct uldd_blk_tags *t = hctx->tags->uldd;
		struct uldd_blk_stat s = { 0 };
		unsigned int used, max_used;
		unsigned long flags;

		spin_lock_irqsave(&t->lock, flags);
		used = t->used;
		max_used = t->max_used;
		spin_unlock_irqrestore(&t->lock, flags);
		snprintf(pre, sizeof(pre), "hwq%u_", i);
		/* Tags belong to the tag set: a driver's other disks on it count too. */
		report(r, "%sin_flight: %u\n%smax_in_flight: %u\n", pre, used, pre, max_used);
		stat_sum(hctx, set->uldd->nr_cpus, &s);
		report_stat(r, pre, &s);
		stat_sum(hctx, set->uldd->nr_cpus, &total);
	}
	mutex_unlock(&set->tag_list_lock);
	report_stat(r, "total_", &total);
}

long uldd_blk_report(const char *name, char *buf, unsigned long len)
{
	struct report r = { buf, len, 0 };
	struct gendisk *disk;
	long ret;

	if (!len)
		return -EINVAL;
	buf[0] = '\0';
	uldd_enter("uldd-stats");
	disk = uldd_blk_disk_find_lock(name);
	if (disk) {
		report_disk(&r, disk);
		ret = (long)r.used;
	} else {
		ret = -ENODEV;
	}
	uldd_blk_disks_unlock();
	uldd_exit();
	return ret;
}
