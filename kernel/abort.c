// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * abort.c - the door's crash calls: a backtrace of the calling thread
 * (glibc's backtrace_symbols_fd, which needs no malloc) and abort() after
 * one last message, for BUG() and for what the shim cannot go on from.
 */
#include <errno.h>
#include <execinfo.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"

#define UH_BACKTRACE_MAX 64

void uhost_backtrace(void)
{
	void *frames[UH_BACKTRACE_MAX];
	int n = backtrace(frames, UH_BACKTRACE_MAX);

	/* Frame 0 is this function: leave it out. */
	if (n > 1)
		backtrace_symbols_fd(frames + 1, n - 1, STDERR_FILENO);
}

unsigned int uhost_stack_save(void **frames, unsigned int max, unsigned int skip)
{
	void *all[UH_BACKTRACE_MAX];
	int n;

	/* +1: this function. */
	if (skip + 1 >= UH_BACKTRACE_MAX)
		return 0;
	n = backtrace(all, UH_BACKTRACE_MAX);
	if (n <= (int)skip + 1)
		return 0;
	n -= (int)skip + 1;
	if ((unsigned int)n > max)
		n = (int)max;
	memcpy(frames, all + skip + 1, (size_t)n * sizeof(*frames));
	return (unsigned int)n;
}

/* Set once by the tool, before the threads that print: the atomics are for TSan. */
static uh_frame_namer uh_namer;

void uh_stack_set_namer(uh_frame_namer fn)
{
	__atomic_store_n(&uh_namer, fn, __ATOMIC_RELEASE);
}

void uhost_stack_print(void *const *frames, unsigned int n)
{
	uh_frame_namer namer = __atomic_load_n(&uh_namer, __ATOMIC_ACQUIRE);
	char line[512];

	if (!namer) {
		backtrace_symbols_fd(frames, (int)n, STDERR_FILENO);
		return;
	}
	for (unsigned int i = 0; i < n; i++) {
		int len = snprintf(line, sizeof(line), " ");

		namer(frames[i], line + len, sizeof(line) - (size_t)len);
		uhost_log(UHOST_LOG_ERR, line, strlen(line));
	}
}

void uhost_stack_name(void *pc, char *buf, uhost_size len)
{
	uh_frame_namer namer = __atomic_load_n(&uh_namer, __ATOMIC_ACQUIRE);

	if (!len)
		return;
	if (namer)
		namer(pc, buf, len);
	else
		snprintf(buf, len, "%p", pc);
}

void uhost_abort(const char *msg)
{
	size_t len = msg ? strlen(msg) : 0;

	/* Whatever fails to be written here, the abort below still happens. */
	if (len && write(STDERR_FILENO, msg, len) < 0)
		len = 0;
	if (len && msg[len - 1] != '\n' && write(STDERR_FILENO, "\n", 1) < 0)
		len = 0;
	uhost_backtrace();
	abort();
}

static atomic_int uh_dumped;

/* Async-signal-safe once backtrace() has been called before (below). */
static void on_dump(int sig)
{
	int saved = errno;

	(void)sig;
	uhost_backtrace();
	atomic_store(&uh_dumped, 1);
	errno = saved;
}

int uh_dump_prepare(void)
{
	struct sigaction sa = { .sa_handler = on_dump, .sa_flags = SA_RESTART };
	void *frame[2];

	/* The first backtrace() loads libgcc_s: here, not in the handler. */
	backtrace(frame, 2);
	sigemptyset(&sa.sa_mask);
	return sigaction(UH_DUMP_SIGNAL, &sa, NULL) ? errno : 0;
}

bool uh_dump_thread(uint64_t thread, int timeout_ms)
{
	const struct timespec tick = { .tv_nsec = 10 * 1000 * 1000 };

	atomic_store(&uh_dumped, 0);
	if (pthread_kill((pthread_t)thread, UH_DUMP_SIGNAL))
		return false;
	for (int waited = 0; waited < timeout_ms; waited += 10) {
		if (atomic_load(&uh_dumped))
			return true;
		nanosleep(&tick, NULL);
	}
	return atomic_load(&uh_dumped);
}
