/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * restart.h - when 'uldd supervise' starts a driver again: exponential
 * back-off between starts, reset by a run that stayed up, and a crash-loop
 * limit (burst crashes within interval: give up), as systemd's Restart=,
 * RestartSec= and StartLimitBurst=/StartLimitIntervalSec=. Pure functions
 * of the times they are given, so tests need no clock.
 */
#ifndef ULDD_TOOLS_RESTART_H
#define ULDD_TOOLS_RESTART_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ULDD_NSEC 1000000000ull
#define ULDD_RESTART_BURST_MAX 64

struct tool_restart {
	/* Settings (tool_restart_init's defaults, then the caller's). */
	unsigned int burst; /* this many crashes ... */
	uint64_t interval_ns; /* ... within this: give up (0: never) */
	uint64_t delay_min_ns; /* the first back-off */
	uint64_t delay_max_ns; /* doubling stops here */
	uint64_t stable_ns; /* a run this long resets the back-off */
	/* State. */
	uint64_t delay_ns; /* the next back-off */
	uint64_t crash_ns[ULDD_RESTART_BURST_MAX]; /* the last crashes, a ring */
	unsigned int ncrash; /* entries in crash_ns, up to burst */
	unsigned int head; /* where the next one goes */
};

/* 5 crashes in 60 s; 0.1 s doubling to 30 s; 10 s of uptime resets it. */
void tool_restart_init(struct tool_restart *r);

/*
 * A driver that started at start_ns died at now_ns. Returns false when
 * that makes burst crashes within interval (give up); else true with the
 * wait before the next start in *delay_ns.
 */
bool tool_restart_crashed(struct tool_restart *r, uint64_t start_ns, uint64_t now_ns,
			  uint64_t *delay_ns);

/*
 * The options that set the policy, named after systemd's settings:
 * --restart-sec SECS (the first back-off), --restart-max-delay-sec SECS
 * (where doubling stops), --start-limit-burst N (1 to 64) and
 * --start-limit-interval-sec SECS (0: never give up). Seconds may have a
 * fraction. Returns 0 and sets r when opt is one and val good, 1 when opt
 * is none of them, -1 with a message in err when val is bad.
 */
int tool_restart_option(struct tool_restart *r, const char *opt, const char *val, char *err,
			size_t errlen);

/* How many of the crashes recorded fall within interval before now_ns. */
unsigned int tool_restart_recent(const struct tool_restart *r, uint64_t now_ns);

#endif /* ULDD_TOOLS_RESTART_H */
