// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * restart.c - the restart policy of 'uldd supervise' (restart.h): no
 * clock, no state outside the struct.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "restart.h"

void tool_restart_init(struct tool_restart *r)
{
	memset(r, 0, sizeof(*r));
	r->burst = 5;
	r->interval_ns = 60 * ULDD_NSEC;
	r->delay_min_ns = ULDD_NSEC / 10;
	r->delay_max_ns = 30 * ULDD_NSEC;
	r->stable_ns = 10 * ULDD_NSEC;
	r->delay_ns = r->delay_min_ns;
}

unsigned int tool_restart_recent(const struct tool_restart *r, uint64_t now_ns)
{
	unsigned int n = 0;

	for (unsigned int i = 0; i < r->ncrash; i++)
		if (now_ns - r->crash_ns[i] < r->interval_ns)
			n++;
	return n;
}

bool tool_restart_crashed(struct tool_restart *r, uint64_t start_ns, uint64_t now_ns,
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
	if (r->interval_ns && tool_restart_recent(r, now_ns) >= burst)
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

/* SECS as a decimal number of seconds, 0 to a day, in ns; -1 if not. */
static int64_t parse_secs(const char *val)
{
	char *end = NULL;
	double v;

	if (!val || !val[0])
		return -1;
	v = strtod(val, &end);
	if (*end || !isfinite(v) || v < 0 || v > 86400)
		return -1;
	return (int64_t)(v * (double)ULDD_NSEC + 0.5);
}

int tool_restart_option(struct tool_restart *r, const char *opt, const char *val, char *err,
			size_t errlen)
{
	int64_t ns;

	if (!strcmp(opt, "--start-limit-burst")) {
		char *end = NULL;
		long n = val ? strtol(val, &end, 10) : 0;

		if (!val || !val[0] || *end || n < 1 || n > ULDD_RESTART_BURST_MAX) {
			snprintf(err, errlen, "%s takes 1 to %d (crashes)", opt,
				 ULDD_RESTART_BURST_MAX);
			return -1;
		}
		r->burst = (unsigned int)n;
		return 0;
	}
	if (strcmp(opt, "--restart-sec") && strcmp(opt, "--restart-max-delay-sec") &&
	    strcmp(opt, "--start-limit-interval-sec"))
		return 1;
	ns = parse_secs(val);
	if (!strcmp(opt, "--start-limit-interval-sec")) {
		if (ns < 0) {
			snprintf(err, errlen, "%s takes 0 (no limit) to 86400 (seconds)", opt);
			return -1;
		}
	} else if (ns < 1000000) {
		/* A back-off of 0 would make a crash loop spin. */
		snprintf(err, errlen, "%s takes 0.001 to 86400 (seconds)", opt);
		return -1;
	}
	if (!strcmp(opt, "--restart-sec"))
		r->delay_min_ns = r->delay_ns = (uint64_t)ns;
	else if (!strcmp(opt, "--restart-max-delay-sec"))
		r->delay_max_ns = (uint64_t)ns;
	else
		r->interval_ns = (uint64_t)ns;
	return 0;
}
