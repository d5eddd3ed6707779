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
 * Found by reading the files of kernel/ and tools/uldd/{run,ctl,stopsig}.c,
 * and checked with strace -f -c attached to e1000.so after probe in the test
 * guest (traffic both ways, MTU 9000, promiscuous mode, 'uldd stats',
 * ifdown/ifup, the stop): it made 32 of these, plus exit and exit_group.
 */
static const int uh_seccomp_allow[] = {
	/* Memory: malloc (brk, mmap, mremap for a large realloc), the arena's
	 * chunks (arena.c: mmap, madvise, munmap), thread stacks (mprotect). */
	SYS_brk,
	SYS_mmap,
	SYS_munmap,
	SYS_mremap,
	SYS_mprotect,
	SYS_madvise,
	/* Threads (thread.c): pthread_create (clone3, set_robust_list, rseq;
	 * clone where clone3 answers ENOSYS, as container runtimes' own
	 * seccomp profiles make it), the thread's own name (prctl
	 * PR_SET_NAME), its exit; futex.c and every lock and join (futex). */
	SYS_clone3,
	SYS_clone,
	SYS_set_robust_list,
	SYS_rseq,
	SYS_prctl,
	SYS_futex,
	SYS_exit,
	SYS_exit_group,
	/* Signals: the threads' masks (thread.c), the stop signals the
	 * watchdog thread waits for (tools/uldd/watchdog.c: sigtimedwait, a
	 * second at a time; it signals a stuck thread for its backtrace with
	 * pthread_kill, abort.c's uh_dump_thread: getpid and tgkill), abort()
	 * after a BUG() (abort.c: getpid and tgkill to raise SIGABRT, then
	 * sigaction should a handler have caught it). */
	SYS_rt_sigprocmask,
	SYS_rt_sigtimedwait,
	SYS_rt_sigaction,
	SYS_getpid,
	SYS_tgkill,
	/* The kernel's own restart of a sleep (futex, poll, clock_nanosleep)
	 * that a stop interrupted: SIGSTOP and SIGCONT, gdb or strace attaching. */
	SYS_restart_syscall,
	/* Under 'uldd supervise' (thread.c, oops.c): each thread's alternate
	 * signal stack, and the crash handler's report: the thread that
	 * crashed (gettid) and the handler's own watchdog (alarm). */
	SYS_sigaltstack,
	SYS_gettid,
	SYS_rt_sigreturn, /* the handler returns, and its raised signal kills */
#ifdef SYS_alarm
	SYS_alarm,
#endif
	/* Interrupt threads ask for a strong weight (thread.c,
	 * uhost_thread_boost). */
	SYS_setpriority,
	/* Who the process is: the control socket lets root and its own euid
	 * ask (ctl.c); 'uldd run' says what it runs as. */
	SYS_geteuid,
	/* Time (thread.c): the clocks where the vDSO cannot serve them (a
	 * clocksource it cannot read, as in the TCG guest), the coarse
	 * clock's tick for jiffies, sleeps (the arena's lock back-off). */
	SYS_clock_gettime,
	SYS_clock_getres,
	SYS_clock_nanosleep,
	/* Waiting and counting (thread.c, vfio_irq.c, ctl.c): eventfds read,
	 * written and polled; interrupts wait in poll. Logging writes stderr
	 * (log.c). */
	SYS_eventfd2,
	SYS_read,
	SYS_write,
#ifdef SYS_poll
	SYS_poll,
#endif
	SYS_close,
	/* VFIO (vfio_*.c): regions, interrupts, DMA map and unmap, reset are
	 * ioctls; config space and unmappable regions are pread/pwrite;
	 * ioperm(2) for an I/O BAR not granted before the drop (--user root
	 * asks per thread; without CAP_SYS_RAWIO the kernel refuses it). */
	SYS_ioctl,
	SYS_pread64,
	SYS_pwrite64,
#ifdef SYS_ioperm
	SYS_ioperm,
#endif
	/* Files: firmware (file.c: openat2 beneath its directory, realpath's
	 * readlink where it falls back), sysfs and /proc/net read through
	 * stdio by tap.c and sysfs.c (openat, newfstatat, lseek on fclose). */
	SYS_openat,
	SYS_openat2,
	SYS_newfstatat,
	SYS_lseek,
#ifdef SYS_readlink
	SYS_readlink,
#endif
	/* TAP (tap.c): frames in and out (readv, writev), the wait (ppoll),
	 * netlink's link messages (recvfrom), the sockets of a TAP a driver
	 * registers after probe (socket). */
	SYS_readv,
	SYS_writev,
	SYS_ppoll,
	SYS_recvfrom,
	SYS_socket,
	/* --debug reports made after probe (dma-strict's fault watcher,
	 * tools/uldd/dmafault.c): the frame namer checks a module's file
	 * before it reads its symbols (tools/uldd/oops.c: access). */
	SYS_faccessat,
#ifdef SYS_access
	SYS_access,
#endif
#ifdef SYS_faccessat2
	SYS_faccessat2,
#endif
	/* Block devices (nbd.c): a batch of NBD replies and its read data
	 * (sendmsg: MSG_NOSIGNAL), requests and payloads whole (recvfrom:
	 * MSG_WAITALL), the nbd broker's requests and the sockets
	 * it hands back (sendmsg, recvmsg), a disconnect that wakes the
	 * readers (shutdown), and, for a process that kept root, the socket
	 * pairs and netlink it then makes itself (socketpair, sendto, recvfrom).
	 * A disk may come after probe: NVMe scans its namespaces in a work item. */
	SYS_sendmsg,
	SYS_recvmsg,
	SYS_shutdown,
	SYS_socketpair,
	/* Block devices through ublk (ublk.c, --blk-export=ublk): each queue's
	 * ring, made by its reader on its first request, and the control
	 * ring's commands (io_uring_setup, io_uring_enter; the rings are
	 * mmap'd, the descriptors too), the node of a disk added after probe
	 * (openat), the queue's eventfd (eventfd2, read by the ring, written). */
	SYS_io_uring_setup,
	SYS_io_uring_enter,
	/* The control socket (ctl.c): clients accepted, their credentials
	 * checked, answered; the socket removed when the driver stops. */
	SYS_accept4,
	SYS_getsockopt,
	SYS_sendto,
#ifdef SYS_unlink
	SYS_unlink,
#endif
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
