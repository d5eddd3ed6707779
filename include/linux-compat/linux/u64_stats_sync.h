/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/u64_stats_sync.h - 64-bit statistics a writer updates while
 * readers sample them: the writer brackets updates with
 * u64_stats_update_begin/end (writers serialized by the driver), a reader
 * loops on u64_stats_fetch_begin/retry until it saw no update.
 *
 * As on every 64-bit Linux, a u64 load or store is single-copy atomic, so
 * the sync is empty: begin/end order nothing, and a reader never retries
 * (it may see one counter before and another after a concurrent update,
 * as on Linux x86-64). u64_stats_t counters are read and written whole
 * (READ_ONCE/WRITE_ONCE), so a reader never sees a torn value. The _irq
 * and _bh forms are the same calls: interrupts need no masking when there
 * is no sequence to protect (Linux 6.2 dropped the _irq fetch forms).
 */
#ifndef _LINUX_U64_STATS_SYNC_H
#define _LINUX_U64_STATS_SYNC_H

#include <linux/compiler.h>
#include <linux/types.h>

struct u64_stats_sync {
};

typedef struct {
	u64 v;
} u64_stats_t;

static inline u64 u64_stats_read(const u64_stats_t *p)
{
	return READ_ONCE(p->v);
}

static inline void u64_stats_set(u64_stats_t *p, u64 val)
{
	WRITE_ONCE(p->v, val);
}

/* One writer at a time (u64_stats_update_begin's contract): no atomic add. */
static inline void u64_stats_add(u64_stats_t *p, unsigned long val)
{
	WRITE_ONCE(p->v, READ_ONCE(p->v) + val);
}

static inline void u64_stats_inc(u64_stats_t *p)
{
	u64_stats_add(p, 1);
}

static inline void u64_stats_init(struct u64_stats_sync *syncp)
{
	(void)syncp;
}

static inline void u64_stats_update_begin(struct u64_stats_sync *syncp)
{
	(void)syncp;
}

static inline void u64_stats_update_end(struct u64_stats_sync *syncp)
{
	(void)syncp;
}

static inline unsigned long u64_stats_update_begin_irqsave(struct u64_stats_sync *syncp)
{
	(void)syncp;
	return 0;
}

static inline void u64_stats_update_end_irqrestore(struct u64_stats_sync *syncp,
						   unsigned long flags)
{
	(void)syncp;
	(void)flags;
}

static inline unsigned int u64_stats_fetch_begin(const struct u64_stats_sync *syncp)
{
	(void)syncp;
	return 0;
}

static inline bool u64_stats_fetch_retry(const struct u64_stats_sync *syncp, unsigned int start)
{
	(void)syncp;
	(void)start;
	return false;
}

static inline unsigned int u64_stats_fetch_begin_irq(const struct u64_stats_sync *syncp)
{
	return u64_stats_fetch_begin(syncp);
}

static inline bool u64_stats_fetch_retry_irq(const struct u64_stats_sync *syncp, unsigned int start)
{
	return u64_stats_fetch_retry(syncp, start);
}

static inline unsigned int u64_stats_fetch_begin_bh(const struct u64_stats_sync *syncp)
{
	return u64_stats_fetch_begin(syncp);
}

static inline bool u64_stats_fetch_retry_bh(const struct u64_stats_sync *syncp, unsigned int start)
{
	return u64_stats_fetch_retry(syncp, start);
}

#endif /* _LINUX_U64_STATS_SYNC_H */
