/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * stopsig.h - the signals that stop 'uldd run' cleanly (SIGINT, SIGTERM,
 * SIGHUP): blocked in every thread from the start, so one that arrives
 * while the driver's init or probe runs waits, pending, until run.c asks
 * for it, and none of them can end the process without the driver's exit.
 */
#ifndef ULDD_TOOLS_STOPSIG_H
#define ULDD_TOOLS_STOPSIG_H

#include <signal.h>

/* Fills set with the stop signals and blocks them in the calling thread. */
int tool_stop_block(sigset_t *set);
/* A stop signal that is pending, taken off the queue; 0 when none is. */
int tool_stop_pending(const sigset_t *set);
/* Waits for a stop signal and returns it. */
int tool_stop_wait(const sigset_t *set);

#endif /* ULDD_TOOLS_STOPSIG_H */
