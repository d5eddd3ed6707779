// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * stopsig.c - the stop signals of 'uldd run' (stopsig.h), taken
 * synchronously with sigtimedwait/sigwait rather than by handlers, so the
 * stop runs in the main thread in process context, never in a handler.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <time.h>

#include "stopsig.h"

int tool_stop_block(sigset_t *set)
{
	sigemptyset(set);
	sigaddset(set, SIGINT);
	sigaddset(set, SIGTERM);
	/* A closed terminal or a daemon manager's reload: stop as cleanly. */
	sigaddset(set, SIGHUP);
	return pthread_sigmask(SIG_BLOCK, set, NULL);
}

int tool_stop_pending(const sigset_t *set)
{
	const struct timespec now = { 0 };
	int sig;

	do
		sig = sigtimedwait(set, NULL, &now);
	while (sig < 0 && errno == EINTR);
	return sig < 0 ? 0 : sig;
}

int tool_stop_wait(const sigset_t *set)
{
	int sig = 0;

	while (sigwait(set, &sig))
		;
	return sig;
}
