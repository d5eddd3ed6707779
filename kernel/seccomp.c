// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * seccomp.c - the system calls a running driver's process may make: the
 * host layer's (this folder is the only code that makes any, DESIGN.md)
 * and those of the libc functions it calls, as one allow-list. 'uldd run'
 * installs it once init and probe returned; any other call traps (SIGSYS)
 * into a handler that names the call and the driver in one line and ends
 * the process with status 128 + SIGSYS.
 */
#include <errno.h>
#include <execinfo.h>
#include <seccomp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "internal.h"

/*
 * Found by reading the files of kernel/ and tools/uldd/{run,ctl,stopsig}.c, and by
 * strace -f -c on e1000 with TCP traffic and on edu in the test guest.
 */
static const int uh_seccomp_allow[] = {
	/* Memory: malloc (brk, mmap, mremap for realloc), the arena's chunks
	 * (arena.c: mmap, madvise, munmap), thread stacks (mprotect). */
	SYS_brk,
	SYS_mmap,
	SYS_munmap,
	SYS_mremap,
	SYS_mprotect,
	SYS_madvise,
	/* Threads (thread.c: pthread_create, join, the thread's own name by
	 * prctl(PR_SET_NAME); a thread's exit), futex.c and every lock. */
	SYS_clone,
	SYS_clone3,
	SYS_set_robust_list,
	SYS_rseq,
	SYS_futex,
	SYS_prctl,
	SYS_sched_yield,
	SYS_sched_getaffinity,
	SYS_gettid,
	SYS_getpid,
	/* Who the process is: the control socket lets root and its own euid ask
	 * (ctl.c), 'uldd run' says what it runs as. */
	SYS_getuid,
	SYS_geteuid,
	SYS_exit,
	SYS_exit_group,
	/* Signals: the threads' masks (thread.c), the stop signals the main
	 * thread waits for (stopsig.c: sigwait, sigtimedwait), abort() after
	 * a BUG() (abort.c: tgkill, and the default action restored). */
	SYS_rt_sigprocmask,
	SYS_rt_sigtimedwait,
	SYS_rt_sigaction,
	SYS_rt_sigreturn,
	SYS_tgkill,
	/* Time (thread.c): clocks where the vDSO falls back, sleeps. */
	SYS_clock_gettime,
	SYS_clock_getres,
	SYS_clock_nanosleep,
	SYS_nanosleep,
	/* Event counters and timers (thread.c): eventfd, timerfd, waits. */
	SYS_eventfd2,
	SYS_timerfd_create,
	SYS_timerfd_settime,
	SYS_read,
	SYS_write,
#ifdef SYS_poll
	SYS_poll,
#endif
	SYS_ppoll,
	SYS_close,
	/* VFIO (vfio_*.c): regions, interrupts, DMA map and unmap, reset are
	 * ioctls; config space and unmappable regions are pread/pwrite;
	 * ioperm(2) for an I/O BAR that was not granted before the drop. */
	SYS_ioctl,
	SYS_pread64,
	SYS_pwrite64,
#ifdef SYS_ioperm
	SYS_ioperm,
#endif
	/* Files: firmware (file.c: openat2 beneath its directory, realpath's
	 * readlink where it falls back), sysfs and /proc/net read by tap.c and
	 * sysfs.c through stdio (lseek, fstat). */
	SYS_openat,
	SYS_openat2,
	SYS_newfstatat,
	SYS_lseek,
#ifdef SYS_fstat
	SYS_fstat,
#endif
#ifdef SYS_readlink
	SYS_readlink,
#endif
	SYS_readlinkat,
	/* TAP (tap.c): frames in and out, netlink's link messages, a TAP the
	 * driver registers later (socket for its ioctls). */
	SYS_readv,
	SYS_writev,
	SYS_recvfrom,
	SYS_socket,
	/* The control socket (ctl.c): clients accepted, checked, answered;
	 * the socket removed when the driver stops. */
	SYS_accept4,
	SYS_getsockopt,
	SYS_sendto,
#ifdef SYS_unlink
	SYS_unlink,
#endif
	SYS_unlinkat,
};

size_t uh_seccomp_count(void)
{
	return UH_ARRAY_SIZE(uh_seccomp_allow);
}

bool uh_seccomp_allowed(int nr)
{
	for (size_t i = 0; i < UH_ARRAY_SIZE(uh_seccomp_allow); i++)
		if (uh_seccomp_allow[i] == nr)
			return true;
	return false;
}

/*
 * What the SIGSYS handler prints, prepared before the filter: the names of
 * the calls (libseccomp returns each in a buffer it allocates, which a
 * signal handler could not do) and the driver's.
 */
#define UH_NR_MAX 1024
static const char *uh_sys_name[UH_NR_MAX];
static char uh_seccomp_who[128];

/* Appends s to buf at *n, never past len - 1. */
static void put(char *buf, size_t len, size_t *n, const char *s)
{
	while (*s && *n < len - 1)
		buf[(*n)++] = *s++;
}

static void put_num(char *buf, size_t len, size_t *n, unsigned long v)
{
	char digits[24];
	int i = (int)sizeof(digits) - 1;

	digits[i] = '\0';
	do
		digits[--i] = (char)('0' + v % 10);
	while ((v /= 10) && i > 0);
	put(buf, len, n, digits + i);
}

/* Only write(2) and _exit(2), both async-signal-safe and on the list. */
static void on_sigsys(int sig, siginfo_t *si, void *ctx)
{
	char line[256];
	size_t n = 0;
	int nr = si->si_syscall;

	(void)sig;
	(void)ctx;
	put(line, sizeof(line), &n, "uldd: ");
	put(line, sizeof(line), &n, uh_seccomp_who);
	put(line, sizeof(line), &n, " made system call ");
	put(line, sizeof(line), &n,
	    nr >= 0 && nr < UH_NR_MAX && uh_sys_name[nr] ? uh_sys_name[nr] : "?");
	put(line, sizeof(line), &n, " (");
	put_num(line, sizeof(line), &n, (unsigned long)(unsigned int)nr);
	put(line, sizeof(line), &n,
	    "), which uldd's seccomp allow-list forbids: killed ('uldd run --no-seccomp' lets it through)");
	line[n++] = '\n';
	if (write(STDERR_FILENO, line, n) < 0)
		_exit(UH_SECCOMP_EXIT);
	_exit(UH_SECCOMP_EXIT);
}

int uh_seccomp_install(const char *who)
{
	struct sigaction sa = { .sa_sigaction = on_sigsys, .sa_flags = SA_SIGINFO };
	scmp_filter_ctx ctx;
	void *frame[1];
	int err;

	snprintf(uh_seccomp_who, sizeof(uh_seccomp_who), "%s", who ? who : "the driver");
	for (int nr = 0; nr < UH_NR_MAX; nr++)
		if (!uh_sys_name[nr])
			uh_sys_name[nr] = seccomp_syscall_resolve_num_arch(SCMP_ARCH_NATIVE, nr);
	/* glibc loads libgcc's unwinder on the first backtrace: do it now. */
	backtrace(frame, 1);
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGSYS, &sa, NULL))
		return uh_fail(errno, "sigaction(SIGSYS): %s", strerror(errno));

	ctx = seccomp_init(SCMP_ACT_TRAP);
	if (!ctx)
		return uh_fail(ENOMEM, "seccomp_init: out of memory");
	/* The shim's threads run already: the filter must reach them all. */
	err = -seccomp_attr_set(ctx, SCMP_FLTATR_CTL_TSYNC, 1);
	for (size_t i = 0; !err && i < UH_ARRAY_SIZE(uh_seccomp_allow); i++)
		err = -seccomp_rule_add(ctx, SCMP_ACT_ALLOW, uh_seccomp_allow[i], 0);
	if (!err)
		err = -seccomp_load(ctx);
	seccomp_release(ctx);
	if (err)
		return uh_fail(
			err,
			"cannot install the seccomp filter: %s ('uldd run --no-seccomp' runs without it)",
			strerror(err));
	return 0;
}
