// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * thread.c - host threads, event counters (eventfd), timers (timerfd) and
 * the monotonic clock. Threads block the process's termination signals so
 * SIGINT and SIGTERM always reach the main thread that waits for them.
 */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"

struct uhost_thread {
	pthread_t tid;
	void (*fn)(void *);
	void *arg;
	char comm[16]; /* "" for none */
};

struct uhost_event {
	int fd;
};

struct uhost_timer {
	int fd;
};

uhost_u64 uhost_clock_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uhost_u64)ts.tv_sec * 1000000000ull + (uhost_u64)ts.tv_nsec;
}

uhost_u64 uhost_clock_real_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (uhost_u64)ts.tv_sec * 1000000000ull + (uhost_u64)ts.tv_nsec;
}

uhost_u64 uhost_clock_coarse_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
	return (uhost_u64)ts.tv_sec * 1000000000ull + (uhost_u64)ts.tv_nsec;
}

uhost_u64 uhost_clock_coarse_res_ns(void)
{
	struct timespec ts;

	if (clock_getres(CLOCK_MONOTONIC_COARSE, &ts))
		return 10000000; /* the coarsest tick Linux has: HZ=100 */
	return (uhost_u64)ts.tv_sec * 1000000000ull + (uhost_u64)ts.tv_nsec;
}

static struct timespec ns_to_ts(uhost_u64 ns)
{
	struct timespec ts = { .tv_sec = (time_t)(ns / 1000000000ull),
			       .tv_nsec = (long)(ns % 1000000000ull) };
	return ts;
}

int uhost_sleep_ns(uhost_u64 ns)
{
	struct timespec until = ns_to_ts(uhost_clock_ns() + ns);
	int err;

	/* Absolute, so a signal does not stretch the sleep on restart. */
	while ((err = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &until, NULL)) == EINTR)
		;
	return err;
}

static size_t altstack_size;

void uh_thread_set_altstack(size_t size)
{
	altstack_size = size;
}

/*
 * A thread starts with every signal blocked (below), but a fault's own
 * signal must stay deliverable: the kernel kills the process at once,
 * without running any handler, for a fault whose signal is blocked. With
 * no handler installed either way ends the process with that signal.
 */
static void *thread_main(void *arg)
{
	struct uhost_thread *t = arg;
	stack_t ss = { .ss_flags = SS_DISABLE };
	sigset_t faults;

	/*
	 * Named from inside (prctl), not by its creator through
	 * /proc/self/task/N/comm, which the process cannot open once it has
	 * dropped root and is not dumpable.
	 */
	if (t->comm[0])
		pthread_setname_np(pthread_self(), t->comm);
	sigemptyset(&faults);
	sigaddset(&faults, SIGSEGV);
	sigaddset(&faults, SIGBUS);
	sigaddset(&faults, SIGILL);
	sigaddset(&faults, SIGFPE);
	sigaddset(&faults, SIGABRT);
	sigaddset(&faults, SIGTRAP);
	sigaddset(&faults, UH_DUMP_SIGNAL); /* the watchdog's backtrace (abort.c) */
	pthread_sigmask(SIG_UNBLOCK, &faults, NULL);
	if (altstack_size) {
		ss.ss_sp = malloc(altstack_size);
		ss.ss_size = altstack_size;
		ss.ss_flags = 0;
		if (!ss.ss_sp || sigaltstack(&ss, NULL))
			ss.ss_flags = SS_DISABLE;
	}
	t->fn(t->arg);
	if (ss.ss_flags != SS_DISABLE) {
		stack_t off = { .ss_flags = SS_DISABLE };

		sigaltstack(&off, NULL);
	}
	free(ss.ss_sp);
	return NULL;
}

uhost_u64 uhost_thread_self(void)
{
	return (uhost_u64)pthread_self();
}

int uhost_thread_create(void (*fn)(void *), void *arg, const char *name,
			struct uhost_thread **threadp)
{
	struct uhost_thread *t = calloc(1, sizeof(*t));
	sigset_t all, old;
	int err;

	if (!t)
		return uh_fail(ENOMEM, "out of memory");
	t->fn = fn;
	t->arg = arg;
	if (name) {
		strncpy(t->comm, name, sizeof(t->comm) - 1);
		t->comm[sizeof(t->comm) - 1] = '\0';
	}
	sigfillset(&all);
	/*
	 * Not SIGSYS: the kernel resets a blocked SIGSYS from the seccomp
	 * filter to its default action, which would kill the process without
	 * the line that names the call (seccomp.c).
	 */
	sigdelset(&all, SIGSYS);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	err = pthread_create(&t->tid, NULL, thread_main, t);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (err) {
		free(t);
		return uh_fail(err, "cannot create thread %s: %s", name ? name : "?",
			       strerror(err));
	}
	*threadp = t;
	return 0;
}

/*
 * Linux never preempts a hard interrupt handler, and the shim runs one on
 * a host thread that the host's scheduler may preempt like any other. A
 * driver that reads a status, acts on it and acknowledges it (8390's
 * receive ring) can lose an event in that window. Real-time priority would
 * close it, but the shim's spinlocks spin, and a real-time waiter never
 * lets a preempted holder on its CPU run; a strong CFS weight makes the
 * window rare and still lets everyone run. setpriority() on a thread id
 * sets that thread's nice only (Linux, unlike POSIX).
 */
int uhost_thread_boost(void)
{
	if (setpriority(PRIO_PROCESS, (id_t)gettid(), UHOST_IRQ_NICE))
		return errno;
	return 0;
}

int uhost_thread_join(struct uhost_thread *thread)
{
	int err = pthread_join(thread->tid, NULL);

	if (err)
		return uh_fail(err, "pthread_join: %s", strerror(err));
	free(thread);
	return 0;
}

int uhost_event_create(struct uhost_event **eventp)
{
	struct uhost_event *ev = malloc(sizeof(*ev));

	if (!ev)
		return uh_fail(ENOMEM, "out of memory");
	ev->fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	if (ev->fd < 0) {
		free(ev);
		return uh_fail(errno, "eventfd: %s", strerror(errno));
	}
	*eventp = ev;
	return 0;
}

void uhost_event_destroy(struct uhost_event *event)
{
	if (!event)
		return;
	close(event->fd);
	free(event);
}

int uhost_event_signal(struct uhost_event *event)
{
	uint64_t one = 1;

	if (write(event->fd, &one, sizeof(one)) != sizeof(one))
		return uh_fail(errno, "eventfd write: %s", strerror(errno));
	return 0;
}

/* Waits for fd to become readable, then takes its 8-byte counter. */
static int wait_counter(int fd, uhost_u64 timeout_ns, uhost_u64 *count)
{
	uhost_u64 deadline = timeout_ns ? uhost_clock_ns() + timeout_ns : 0;
	struct pollfd pfd = { .fd = fd, .events = POLLIN };

	for (;;) {
		int ms = -1, n;

		if (read(fd, count, sizeof(*count)) == sizeof(*count))
			return 0;
		if (errno != EAGAIN && errno != EINTR)
			return uh_fail(errno, "read: %s", strerror(errno));
		if (deadline) {
			uhost_u64 now = uhost_clock_ns();

			if (now >= deadline)
				return ETIMEDOUT;
			ms = (int)((deadline - now + 999999) / 1000000);
		}
		n = poll(&pfd, 1, ms);
		if (n < 0 && errno != EINTR)
			return uh_fail(errno, "poll: %s", strerror(errno));
	}
}

int uhost_event_wait(struct uhost_event *event, uhost_u64 timeout_ns, uhost_u64 *count)
{
	return wait_counter(event->fd, timeout_ns, count);
}

int uhost_timer_create(struct uhost_timer **timerp)
{
	struct uhost_timer *t = malloc(sizeof(*t));

	if (!t)
		return uh_fail(ENOMEM, "out of memory");
	t->fd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
	if (t->fd < 0) {
		free(t);
		return uh_fail(errno, "timerfd_create: %s", strerror(errno));
	}
	*timerp = t;
	return 0;
}

void uhost_timer_destroy(struct uhost_timer *timer)
{
	if (!timer)
		return;
	close(timer->fd);
	free(timer);
}

int uhost_timer_arm(struct uhost_timer *timer, uhost_u64 expires_ns, uhost_u64 period_ns)
{
	struct itimerspec its = { .it_value = ns_to_ts(expires_ns),
				  .it_interval = ns_to_ts(period_ns) };

	if (timerfd_settime(timer->fd, TFD_TIMER_ABSTIME, &its, NULL))
		return uh_fail(errno, "timerfd_settime: %s", strerror(errno));
	return 0;
}

int uhost_timer_wait(struct uhost_timer *timer, uhost_u64 *count)
{
	return wait_counter(timer->fd, 0, count);
}
