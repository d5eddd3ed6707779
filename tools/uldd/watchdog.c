// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * watchdog.c - the watchdog thread of 'uldd run' (watchdog.h). It wakes
 * once a second (or at a stop signal), asks the shim whether a vCPU is
 * held without scheduling or a task sleeps uninterruptibly past the limits,
 * and if so reports it with the stuck thread's backtrace and aborts, so
 * 'uldd supervise' restarts the driver. It also takes the stop signals, so
 * a stop is seen while init and probe still run, and ends the process when
 * the driver does not stop within the deadline.
 */
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../../shim/entry.h"

/* The block layer may not be in the library (tests): weak, NULL then. */
#pragma weak uldd_k_uldd_blk_export_failed
#include "host.h"
#include "uldd.h"
#include "watchdog.h"

#define NSEC 1000000000ULL

static struct tool_wd_opts wd_opts;
static const char *wd_driver;
static sigset_t wd_set;
static atomic_int wd_phase;
static atomic_int wd_sig;
static sem_t wd_stop;

static const char *const phase_what[] = {
	[ULDD_WD_INIT] = "init and probe",
	[ULDD_WD_RUN] = "stop",
	[ULDD_WD_EXIT] = "exit and remove",
};

static void report(int kind, const struct uldd_wd_report *r)
{
	if (kind == ULDD_WD_LOCKUP)
		fprintf(stderr, "watchdog: BUG: soft lockup - CPU#%d stuck for %llus! [%s:%d]\n",
			r->cpu, r->secs, r->comm, r->pid);
	else
		fprintf(stderr,
			"INFO: task %s:%d blocked for more than %u seconds.\n"
			"uldd: a driver task in uninterruptible sleep that long ends the process (see 'uldd help run')\n",
			r->comm, r->pid, wd_opts.hung_s);
	fprintf(stderr, "Call Trace (%s:%d):\n", r->comm, r->pid);
	fflush(stderr);
	if (!uh_dump_thread(r->thread, 2000))
		fprintf(stderr, "uldd: %s:%d wrote no backtrace\n", r->comm, r->pid);
	/*
	 * SIGABRT in the stuck thread: under 'uldd supervise' the crash
	 * handler writes the oops from there; else the process ends with it.
	 */
	pthread_kill((pthread_t)r->thread, SIGABRT);
	sleep(5);
	abort();
}

const char *tool_wd_stop_name(int sig)
{
	return sig == ULDD_WD_STOP_SELF ? "a refused disk" : strsignal(sig);
}

static void *wd_main(void *arg)
{
	unsigned long long stop_at = 0;

	(void)arg;
	for (;;) {
		const struct timespec tick = { .tv_sec = 1 };
		struct uldd_wd_report r;
		unsigned long long now;
		int sig, kind;

		sig = sigtimedwait(&wd_set, NULL, &tick);
		now = uhost_clock_coarse_ns();
		/* nvme adds its disk from a work item, and runs on when it is refused. */
		if (sig < 0 && uldd_k_uldd_blk_export_failed && uldd_k_uldd_blk_export_failed())
			sig = ULDD_WD_STOP_SELF;
		if (sig > 0 && !atomic_load(&wd_sig)) {
			atomic_store(&wd_sig, sig);
			stop_at = now;
			sem_post(&wd_stop);
		}
		if (stop_at && wd_opts.stop_s && now - stop_at >= wd_opts.stop_s * NSEC) {
			int phase = atomic_load(&wd_phase);

			fprintf(stderr, "uldd: %s's %s did not finish within %u s of %s: exiting\n",
				wd_driver, phase_what[phase], wd_opts.stop_s,
				tool_wd_stop_name(atomic_load(&wd_sig)));
			_exit(ULDD_EXIT_FAIL);
		}
		kind = uldd_k_uldd_watchdog_check(now, wd_opts.lockup_s * NSEC,
						  wd_opts.hung_s * NSEC, &r);
		if (kind)
			report(kind, &r);
	}
	return NULL;
}

int tool_wd_start(const char *driver, const struct tool_wd_opts *o, const sigset_t *set)
{
	pthread_t t;
	int err;

	wd_opts = *o;
	wd_driver = driver;
	wd_set = *set;
	if (sem_init(&wd_stop, 0, 0))
		return errno;
	err = uh_dump_prepare();
	if (!err)
		err = pthread_create(&t, NULL, wd_main, NULL);
	if (!err)
		pthread_detach(t);
	return err;
}

void tool_wd_phase(enum tool_wd_phase phase)
{
	atomic_store(&wd_phase, phase);
}

int tool_wd_stopped(void)
{
	return atomic_load(&wd_sig);
}

int tool_wd_wait(void)
{
	while (sem_wait(&wd_stop))
		;
	return atomic_load(&wd_sig);
}
