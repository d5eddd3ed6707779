/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/u64_stats_sync.h - 64-bit counters a writer updates while readers
 * on other CPUs take consistent snapshots. uldd runs on 64-bit hosts only,
 * where an aligned u64 is loaded and stored whole, so as in Linux's 64-bit
 * builds there is nothing to synchronise: the reader's retry loop runs once.
 *
 * Both spellings of the reader exist: u64_stats_fetch_begin/retry and the
 * _irq forms that Linux 6.1 drivers still call (they were removed later),
 * so drivers of either tree build unchanged.
 */
#ifndef _LINUX_U64_STATS_SYNC_H
#define _LINUX_U64_STATS_SYNC_H

#include <linux/compiler.h>
#include <linux/types.h>

struct u64_stats_sync {
};

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

#endif /* _LINUX_U64_STATS_SYNC_H */
