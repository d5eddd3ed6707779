/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * watchdog.h - the watchdog thread of 'uldd run': soft lockups and hung
 * tasks (the checks are the shim's, kernel/sched/core.c), and the stop
 * signals with their deadline, taken here so a stop never waits for a probe.
 */
#ifndef ULDD_WATCHDOG_H
#define ULDD_WATCHDOG_H

#include <signal.h>

#define ULDD_WD_LOCKUP_S 20 /* as the kernel's watchdog_thresh * 2 */
#define ULDD_WD_HUNG_S 120 /* as the kernel's hung_task_timeout_secs */
#define ULDD_WD_STOP_S 10 /* the driver's exit after a stop signal */

enum tool_wd_phase { ULDD_WD_INIT, ULDD_WD_RUN, ULDD_WD_EXIT };

struct tool_wd_opts {
	unsigned int lockup_s; /* 0: off */
	unsigned int hung_s; /* 0: off */
	unsigned int stop_s; /* 0: no deadline */
};

/*
 * Starts the thread, with the stop signals blocked in every thread (set):
 * it takes them from then on. Before seccomp. 0 or an errno value.
 */
int tool_wd_start(const char *driver, const struct tool_wd_opts *o, const sigset_t *set);
/* What the main thread does now, for the deadline's message. */
void tool_wd_phase(enum tool_wd_phase phase);
/*
 * Not a signal: the driver can do no more (a disk the host refused, which
 * said why already); the process stops as at SIGTERM, and exits 1.
 */
#define ULDD_WD_STOP_SELF 1000

/* The stop signal taken so far (or ULDD_WD_STOP_SELF), 0 for none. */
int tool_wd_stopped(void);
/* Waits for a stop signal (or ULDD_WD_STOP_SELF) and returns it. */
int tool_wd_wait(void);
/* What stopped it, for a message: strsignal(), or the reason of a self stop. */
const char *tool_wd_stop_name(int sig);

#endif /* ULDD_WATCHDOG_H */
