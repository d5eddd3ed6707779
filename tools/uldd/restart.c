// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * restart.c - the restart policy of 'uldd supervise' (restart.h): no
 * clock, no state outside the struct.
 */
#include <string.h>

#include "restart.h"

void uldd_restart_init(struct uldd_restart *r)
{
	memset(r, 0, sizeof(*r));
	r->burst = 5;
	r->interval_ns = 60 * ULDD_NSEC;
	r->delay_min_ns = ULDD_NSEC / 10;
	r->delay_max_ns = 30 * ULDD_NSEC;
	r->stable_ns = 10 * ULDD_NSEC;
	r->delay_ns = r->delay_min_ns;
}

unsigned int uldd_restart_recent(const struct uldd_restart *r, uint64_t now_ns)
{
	unsigned int n = 0;

	for (unsigned int i = 0; i < r->ncrash; i++)
		if (now_ns - r->crash_ns[i] < r->interval_ns)
			n++;
	return n;
}

bool uldd_restart_crashed(struct uldd_restart *r, uint64_t start_ns, uint64_t now_ns,
			  uint64_t *delay_ns)
{
	unsigned int burst = r->burst;

	if (burst == 0 || burst > ULDD_RESTART_BURST_MAX)
		burst = ULDD_RESTART_BURST_MAX;
	/* The ring keeps the last burst crashes: older ones cannot matter. */
	r->crash_ns[r->head] = now_ns;
	r->head = (r->head + 1) % burst;
	if (r->ncrash < burst)
		r->ncrash++;
	if (uldd_restart_recent(r, now_ns) >= burst)
		return false;
	/* A driver that ran for a while crashed anew, not in a loop. */
	if (now_ns - start_ns >= r->stable_ns)
		r->delay_ns = r->delay_min_ns;
	*delay_ns = r->delay_ns;
	r->delay_ns = r->delay_ns > r->delay_max_ns / 2 ? r->delay_max_ns : r->delay_ns * 2;
	if (r->delay_ns < r->delay_min_ns)
		r->delay_ns = r->delay_min_ns;
	return true;
}
