/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/ratelimit_types.h - a rate limit: at most burst events per
 * interval (jiffies); __ratelimit() says whether this one may go on.
 */
#ifndef _LINUX_RATELIMIT_TYPES_H
#define _LINUX_RATELIMIT_TYPES_H

#include <linux/spinlock_types.h>
#include <linux/types.h>

#define DEFAULT_RATELIMIT_INTERVAL (5 * HZ)
#define DEFAULT_RATELIMIT_BURST 10

/* Say how many were suppressed when the interval ends, not at once. */
#define RATELIMIT_MSG_ON_RELEASE (1UL << 0)

struct ratelimit_state {
	raw_spinlock_t lock;
	int interval;
	int burst;
	int printed;
	int missed;
	unsigned long begin;
	unsigned long flags;
};

#define RATELIMIT_STATE_INIT(name, interval_init, burst_init)                             \
	{                                                                                 \
		.lock = __RAW_SPIN_LOCK_UNLOCKED(name.lock), .interval = (interval_init), \
		.burst = (burst_init)                                                     \
	}
#define DEFINE_RATELIMIT_STATE(name, interval_init, burst_init) \
	struct ratelimit_state name = RATELIMIT_STATE_INIT(name, interval_init, burst_init)

/* True if the event is within the limit; func names the caller in the suppression message. */
int ___ratelimit(struct ratelimit_state *rs, const char *func);
#define __ratelimit(state) ___ratelimit(state, __func__)

#endif /* _LINUX_RATELIMIT_TYPES_H */
