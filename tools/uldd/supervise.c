// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * supervise.c - 'uldd supervise DRIVER.so [run options]': runs 'uldd run'
 * with the same arguments as a child (fork, closefrom, exec of this very
 * binary, so each run starts from a clean process), and when it dies
 * otherwise than by a clean exit prints its oops, resets its devices
 * through sysfs and starts it again after a back-off (restart.h), until
 * too many crashes come too fast. SIGINT, SIGTERM and SIGHUP go to the
 * child, which stops cleanly; then the supervisor exits 0.
 *
 * The child tells the supervisor on a pipe (fd 3, ULDD_SUPERVISOR_FD) the
 * TAPs it made persistent and the devices it opened (kernel/keep.c), and
 * its crash (oops.c). A restarted child gets the TAPs' names back
 * (ULDD_SUPERVISOR_TAPS) and attaches to them, so the host's interface,
 * with its ifindex, addresses, routes and sockets, outlives the crash.
 * A block driver's disks do the same through the nbd broker, which is the
 * supervisor's and every child's (fd 4, ULDD_NBD_BROKER_FD): the host's
 * /dev/nbdN stays, its I/O waits, and the restarted driver's disk of the
 * same name takes it back (kernel/nbd.c).
 */
#include <bsd/libutil.h>
#include <bsd/unistd.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ctl.h"
#include "host.h"
#include "oops.h"
#include "restart.h"
#include "supervise.h"
#include "uldd.h"
#include "watchdog.h" /* ULDD_WD_STOP_S */

#define SUP_FD 3
#define SUP_NBD_FD 4
#define SUP_MAX_TAPS 16
#define SUP_MAX_DEVS 16
/*
 * After a forwarded stop signal, how long the driver has before SIGKILL:
 * uldd run's own stop deadline (--stop-timeout, watchdog.h) and a margin
 * for it to say what hung; 30 s when that deadline is off.
 */
#define SUP_STOP_MARGIN_S 5
#define SUP_STOP_S 30

struct sup {
	int argc;
	char **argv;
	char driver[64];
	char devices[256];
	struct tool_restart policy;
	struct {
		char wanted[UH_IFNAMSIZ];
		char name[UH_IFNAMSIZ];
		bool ready; /* the driver set it up: the next one takes it back */
	} taps[SUP_MAX_TAPS];
	unsigned int ntaps;
	char devs[SUP_MAX_DEVS][UH_PCI_ADDR_LEN];
	unsigned int ndevs;
	struct tool_oops oops;
	char buf[8192];
	size_t have;
	pid_t child;
	int pipe_fd;
	int sig_fd;
	int stop_sig; /* the stop signal forwarded, 0: none */
	unsigned int stop_s; /* SIGKILL this long after it */
	char exe[4096]; /* this binary, which the child runs */
	int nbd_fd; /* the nbd broker's channel, -1: none */
	pid_t nbd_pid;
};

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * ULDD_NSEC + (uint64_t)ts.tv_nsec;
}

/* The supervisor's own options (restart.h), which the child does not get. */
static bool is_policy_option(const char *a)
{
	struct tool_restart scratch;
	char err[8];

	tool_restart_init(&scratch);
	return tool_restart_option(&scratch, a, NULL, err, sizeof(err)) != 1;
}

bool tool_sup_takes_value(const char *a)
{
	return !strcmp(a, "--device") || !strcmp(a, "-d") || !strcmp(a, "--firmware") ||
	       !strcmp(a, "--ifname") || !strcmp(a, "--vcpus") || !strcmp(a, "--user") ||
	       !strcmp(a, "--arena-max") || !strcmp(a, "--watchdog") || !strcmp(a, "--hung-task") ||
	       !strcmp(a, "--stop-timeout") || !strcmp(a, "--blk-export") || is_policy_option(a);
}

/* The child's stop deadline plus a margin; uldd run checks the value. */
static unsigned int stop_kill_s(int argc, char **argv)
{
	unsigned long n = ULDD_WD_STOP_S;

	for (int i = 1; i + 1 < argc; i++)
		if (!strcmp(argv[i], "--stop-timeout"))
			n = strtoul(argv[i + 1], NULL, 10);
	return n && n <= 86400 ? (unsigned int)n + SUP_STOP_MARGIN_S : SUP_STOP_S;
}

void tool_sup_describe(int argc, char **argv, char *driver, size_t dlen, char *devices, size_t vlen)
{
	size_t used = 0;

	driver[0] = devices[0] = '\0';
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (tool_sup_takes_value(a) && i + 1 < argc) {
			struct uh_pci_addr pa;
			char canon[UH_PCI_ADDR_LEN];
			const char *dev = argv[++i];
			int n;

			if (strcmp(a, "--device") && strcmp(a, "-d"))
				continue;
			if (!uh_pci_addr_parse(dev, &pa)) {
				uh_pci_addr_format(&pa, canon);
				dev = canon;
			}
			n = snprintf(devices + used, vlen - used, "%s%s", used ? " " : "", dev);
			if (n > 0 && (size_t)n < vlen - used)
				used += (size_t)n;
		} else if (a[0] != '-' && !strchr(a, '=') && !driver[0]) {
			const char *base = strrchr(a, '/');
			const char *so;

			base = base ? base + 1 : a;
			so = strstr(base, ".so");
			snprintf(driver, dlen, "%.*s", so ? (int)(so - base) : (int)strlen(base),
				 base);
		}
	}
	if (!devices[0])
		snprintf(devices, vlen, "%s", "any");
}

/*
 * The shim's functions that make a gendisk, as a driver imports them: its
 * host side is an nbd device, which only root may connect.
 */
static const char *const blk_imports[] = { "uldd_k_device_add_disk",
					   "uldd_k_add_disk",
					   "uldd_k___blk_mq_alloc_disk",
					   "uldd_k_blk_mq_alloc_disk",
					   "uldd_k___blk_alloc_disk",
					   "uldd_k_blk_alloc_disk",
					   NULL };

bool tool_makes_disks(const char *driver)
{
	bool blk;

	return !uh_elf_imports(driver, blk_imports, &blk) && blk;
}

/* The driver's .so as the command line names it; NULL when none does. */
static const char *sup_driver_path(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (tool_sup_takes_value(argv[i]))
			i++;
		else if (argv[i][0] != '-' && !strchr(argv[i], '='))
			return argv[i];
	}
	return NULL;
}

int tool_sup_pidfile_path(char *buf, size_t len, const char *dir, const char *driver,
			  const char *devices)
{
	int n = snprintf(buf, len, "%s/%s@%s.pid", dir, driver, devices);
	size_t start;

	if (n < 0 || (size_t)n >= len)
		return ENAMETOOLONG;
	/* The name's part only: the directory is the caller's. */
	for (start = strlen(dir) + 1; buf[start]; start++) {
		if (buf[start] == ' ')
			buf[start] = '+';
		else if (buf[start] == '/' || buf[start] < ' ')
			buf[start] = '_';
	}
	return 0;
}

int tool_supervised_run(int argc, char **argv)
{
	char driver[64], devices[256];
	const char *fd_env = getenv(ULDD_SUP_FD_ENV);
	int fd;

	tool_sup_describe(argc, argv, driver, sizeof(driver), devices, sizeof(devices));
	setproctitle("-uldd run %s %s", driver, devices);
	if (!fd_env)
		return 0;
	fd = atoi(fd_env);
	if (fd < 3 || fcntl(fd, F_SETFD, FD_CLOEXEC)) {
		tool_err("%s=%s is not an open descriptor: only uldd supervise sets it",
			 ULDD_SUP_FD_ENV, fd_env);
		return ULDD_EXIT_FAIL;
	}
	if (uh_keep_setup(fd, getenv(ULDD_SUP_TAPS_ENV))) {
		tool_err("%s", uhost_errmsg());
		return ULDD_EXIT_FAIL;
	}
	if (tool_oops_install(fd))
		tool_err("warning: no crash handler: %s", strerror(errno));
	fd_env = getenv(ULDD_SUP_NBD_ENV);
	if (fd_env && uh_blk_broker_use(atoi(fd_env))) {
		tool_err("%s=%s: %s", ULDD_SUP_NBD_ENV, fd_env, uhost_errmsg());
		return ULDD_EXIT_FAIL;
	}
	unsetenv(ULDD_SUP_FD_ENV);
	unsetenv(ULDD_SUP_TAPS_ENV);
	unsetenv(ULDD_SUP_NBD_ENV);
	return 0;
}

/*
 * "tap WANTED NAME" (kept), "tapok NAME" (set up by the driver) and "dev
 * ADDR" from the child; the rest is its oops.
 */
static void sup_line(struct sup *s, const char *line)
{
	char wanted[64], name[64];

	if (tool_oops_line(&s->oops, line))
		return;
	/* sscanf's blank matches none too: "tap" would take "tapok" lines. */
	if (!strncmp(line, "tap ", 4) && sscanf(line + 4, "%63s %63s", wanted, name) == 2 &&
	    strlen(wanted) < UH_IFNAMSIZ && strlen(name) < UH_IFNAMSIZ) {
		if (!strcmp(wanted, "-"))
			wanted[0] = '\0';
		for (unsigned int i = 0; i < s->ntaps; i++)
			if (!strcmp(s->taps[i].name, name))
				return;
		if (s->ntaps < SUP_MAX_TAPS) {
			snprintf(s->taps[s->ntaps].wanted, UH_IFNAMSIZ, "%s", wanted);
			snprintf(s->taps[s->ntaps].name, UH_IFNAMSIZ, "%s", name);
			s->taps[s->ntaps].ready = false;
			s->ntaps++;
		}
	} else if (!strncmp(line, "tapok ", 6) && sscanf(line + 6, "%63s", name) == 1) {
		for (unsigned int i = 0; i < s->ntaps; i++)
			if (!strcmp(s->taps[i].name, name))
				s->taps[i].ready = true;
	} else if (!strncmp(line, "dev ", 4) && sscanf(line + 4, "%63s", name) == 1 &&
		   strlen(name) < UH_PCI_ADDR_LEN) {
		for (unsigned int i = 0; i < s->ndevs; i++)
			if (!strcmp(s->devs[i], name))
				return;
		if (s->ndevs < SUP_MAX_DEVS)
			snprintf(s->devs[s->ndevs++], UH_PCI_ADDR_LEN, "%s", name);
	}
}

/* Reads what the pipe has; false at its end. */
static bool sup_read(struct sup *s)
{
	for (;;) {
		ssize_t n = read(s->pipe_fd, s->buf + s->have, sizeof(s->buf) - 1 - s->have);
		char *nl;

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return n < 0 && errno == EAGAIN;
		s->have += (size_t)n;
		s->buf[s->have] = '\0';
		while ((nl = strchr(s->buf, '\n'))) {
			*nl = '\0';
			sup_line(s, s->buf);
			s->have -= (size_t)(nl + 1 - s->buf);
			memmove(s->buf, nl + 1, s->have + 1);
		}
		/* A line longer than the buffer: keep what fits, as a line. */
		if (s->have == sizeof(s->buf) - 1) {
			sup_line(s, s->buf);
			s->have = 0;
		}
	}
}

static int sup_spawn(struct sup *s)
{
	char taps[SUP_MAX_TAPS * (2 * UH_IFNAMSIZ + 2)] = "";
	size_t used = 0;
	unsigned int kept = 0;
	char **argv;
	int p[2], j = 0;

	/* A TAP the driver died before setting up goes; the others are taken back. */
	for (unsigned int i = 0; i < s->ntaps; i++) {
		int n;

		if (!s->taps[i].ready) {
			if (uh_tap_remove(s->taps[i].name))
				tool_err("warning: %s", uhost_errmsg());
			continue;
		}
		n = snprintf(taps + used, sizeof(taps) - used, "%s%s/%s", used ? " " : "",
			     s->taps[i].wanted, s->taps[i].name);
		if (n > 0 && (size_t)n < sizeof(taps) - used)
			used += (size_t)n;
		s->taps[kept++] = s->taps[i];
	}
	s->ntaps = kept;
	argv = calloc((size_t)s->argc + 2, sizeof(*argv));
	if (!argv)
		return ENOMEM;
	argv[j++] = "uldd";
	argv[j++] = "run";
	for (int i = 1; i < s->argc; i++) {
		if (is_policy_option(s->argv[i]))
			i++;
		else if (strcmp(s->argv[i], "--restart"))
			argv[j++] = s->argv[i];
	}
	if (pipe2(p, O_CLOEXEC)) {
		free(argv);
		return errno;
	}
	memset(&s->oops, 0, sizeof(s->oops));
	s->have = 0;
	fflush(NULL);
	s->child = fork();
	if (s->child < 0) {
		int err = errno;

		close(p[0]);
		close(p[1]);
		free(argv);
		return err;
	}
	if (s->child == 0) {
		int pipe_hi = fcntl(p[1], F_DUPFD_CLOEXEC, 10);
		int nbd_hi = s->nbd_fd >= 0 ? fcntl(s->nbd_fd, F_DUPFD_CLOEXEC, 10) : -1;
		sigset_t none;

		/*
		 * The pipe at SUP_FD and the broker's channel at SUP_NBD_FD,
		 * without close-on-exec; nothing else crosses. Moved up first,
		 * so neither lands on the other's number.
		 */
		if (pipe_hi < 0 || dup2(pipe_hi, SUP_FD) < 0)
			_exit(127);
		if (s->nbd_fd >= 0 && (nbd_hi < 0 || dup2(nbd_hi, SUP_NBD_FD) < 0))
			_exit(127);
		closefrom(s->nbd_fd >= 0 ? SUP_NBD_FD + 1 : SUP_FD + 1);
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		setenv(ULDD_SUP_FD_ENV, "3", 1);
		if (s->nbd_fd >= 0)
			setenv(ULDD_SUP_NBD_ENV, "4", 1);
		else
			unsetenv(ULDD_SUP_NBD_ENV);
		if (used)
			setenv(ULDD_SUP_TAPS_ENV, taps, 1);
		else
			unsetenv(ULDD_SUP_TAPS_ENV);
		/* By its path, not /proc/self/exe: the child's name (comm) is then uldd. */
		execv(s->exe, argv);
		fprintf(stderr, "uldd: cannot run %s: %s\n", s->exe, strerror(errno));
		_exit(127);
	}
	free(argv);
	close(p[1]);
	s->pipe_fd = p[0];
	fcntl(s->pipe_fd, F_SETFL, O_NONBLOCK);
	return 0;
}

/* A stop signal: to the child, which stops cleanly; SIGKILL after SUP_STOP_S. */
static void sup_forward(struct sup *s, int sig)
{
	if (!s->stop_sig)
		fprintf(stderr, "uldd: %s, stopping %s (pid %d)\n", strsignal(sig), s->driver,
			(int)s->child);
	s->stop_sig = sig;
	kill(s->child, sig);
}

/* Runs until the child is gone: its wait status. */
static int sup_wait(struct sup *s)
{
	uint64_t kill_at = 0;
	bool open = true;
	int status;

	for (;;) {
		struct pollfd pfd[2] = { { .fd = s->sig_fd, .events = POLLIN },
					 { .fd = open ? s->pipe_fd : -1, .events = POLLIN } };
		struct signalfd_siginfo si;
		int timeout = -1;

		if (waitpid(s->child, &status, WNOHANG) == s->child)
			break;
		if (kill_at) {
			uint64_t now = now_ns();

			if (now >= kill_at) {
				tool_err("%s did not stop within %u s: SIGKILL", s->driver,
					 s->stop_s);
				kill(s->child, SIGKILL);
				kill_at = 0;
			} else {
				timeout = (int)((kill_at - now) / 1000000) + 1;
			}
		}
		if (poll(pfd, 2, timeout) < 0 && errno != EINTR)
			return -1;
		if (pfd[1].revents)
			open = sup_read(s);
		if ((pfd[0].revents & POLLIN) && read(s->sig_fd, &si, sizeof(si)) == sizeof(si) &&
		    si.ssi_signo != SIGCHLD) {
			sup_forward(s, (int)si.ssi_signo);
			if (!kill_at)
				kill_at = now_ns() + s->stop_s * ULDD_NSEC;
		}
	}
	/* The rest of what it wrote; its end of the pipe is closed now. */
	while (open && sup_read(s))
		;
	close(s->pipe_fd);
	s->pipe_fd = -1;
	return status;
}

static void sup_reset_devices(struct sup *s)
{
	for (unsigned int i = 0; i < s->ndevs; i++) {
		char path[512];
		int err;

		if (uh_sysfs_dev_path(path, sizeof(path), s->devs[i], "reset"))
			continue;
		err = uh_sysfs_write(path, "1");
		if (err)
			tool_err(
				"warning: %s: no reset (%s): the driver starts on the device as vfio-pci left it",
				s->devs[i], strerror(err));
		else
			fprintf(stderr, "uldd: %s reset\n", s->devs[i]);
	}
}

static void sup_remove_taps(struct sup *s)
{
	for (unsigned int i = 0; i < s->ntaps; i++)
		if (uh_tap_remove(s->taps[i].name))
			tool_err("warning: %s", uhost_errmsg());
	s->ntaps = 0;
}

/* Waits delay_ns, or less when a stop signal comes: then that signal. */
static int sup_sleep(struct sup *s, uint64_t delay_ns)
{
	uint64_t until = now_ns() + delay_ns;

	for (;;) {
		struct pollfd pfd = { .fd = s->sig_fd, .events = POLLIN };
		struct signalfd_siginfo si;
		uint64_t now = now_ns();

		if (now >= until)
			return 0;
		if (poll(&pfd, 1, (int)((until - now) / 1000000) + 1) > 0 &&
		    read(s->sig_fd, &si, sizeof(si)) == sizeof(si) && si.ssi_signo != SIGCHLD)
			return (int)si.ssi_signo;
	}
}

/* What ended the child, as a line; the oops first when it crashed. */
static void sup_report(struct sup *s, int status)
{
	char signame[32];

	if (WIFSIGNALED(status)) {
		if (!s->oops.active) {
			/* Killed where no handler runs (SIGKILL), or before it was set. */
			s->oops.sig = WTERMSIG(status);
			s->oops.pid = s->child;
			s->oops.code = SI_USER;
		}
		tool_oops_print(stderr, "uldd: ", s->driver, &s->oops);
		tool_err("%s (pid %d) died by %s%s", s->driver, (int)s->child,
			 tool_oops_signame(WTERMSIG(status), signame, sizeof(signame)),
			 WCOREDUMP(status) ? " (core dumped)" : "");
	} else {
		tool_err("%s (pid %d) exited with status %d", s->driver, (int)s->child,
			 WEXITSTATUS(status));
	}
}

/* Its channel's last copy closed, the broker disconnects what it holds. */
static void sup_end_broker(struct sup *s)
{
	if (s->nbd_fd < 0)
		return;
	close(s->nbd_fd);
	s->nbd_fd = -1;
	while (waitpid(s->nbd_pid, NULL, 0) < 0 && errno == EINTR)
		;
}

static int sup_pidfile(struct sup *s, struct pidfh **pfh)
{
	char path[512];
	pid_t other = 0;

	*pfh = NULL;
	if (tool_run_dir_make(tool_run_dir()) ||
	    tool_sup_pidfile_path(path, sizeof(path), tool_run_dir(), s->driver, s->devices)) {
		tool_err("warning: no pid file: %s", uhost_errmsg());
		return 0;
	}
	*pfh = pidfile_open(path, 0600, &other);
	if (!*pfh && errno == EEXIST) {
		tool_err("%s on %s is supervised already by pid %d (%s): stop that one first",
			 s->driver, s->devices, (int)other, path);
		return ULDD_EXIT_FAIL;
	}
	if (!*pfh || pidfile_write(*pfh)) {
		tool_err("warning: pid file %s: %s", path, strerror(errno));
		if (*pfh)
			pidfile_remove(*pfh);
		*pfh = NULL;
	}
	return 0;
}

static int sup_loop(struct sup *s)
{
	uint64_t start, delay;
	int status, sig, err;
	bool first = true;

	for (;;) {
		start = now_ns();
		err = sup_spawn(s);
		if (err) {
			tool_err("cannot start %s: %s", s->driver, strerror(err));
			return ULDD_EXIT_FAIL;
		}
		status = sup_wait(s);
		if (s->stop_sig || (WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
			if (!WIFEXITED(status) || WEXITSTATUS(status))
				sup_report(s, status);
			return ULDD_EXIT_OK;
		}
		/* A wrong command line stays wrong: no restart. */
		if (WIFEXITED(status) && WEXITSTATUS(status) == ULDD_EXIT_USAGE)
			return ULDD_EXIT_USAGE;
		/*
		 * Its probe refused every device at the first start: no crash,
		 * and the same driver would refuse again; the status goes up so
		 * that autoprobe can try the next match. After a crash it is a
		 * failure as any other: the crash may have left the device so.
		 */
		if (first && WIFEXITED(status) && WEXITSTATUS(status) == ULDD_EXIT_NODEV)
			return ULDD_EXIT_NODEV;
		first = false;
		sup_report(s, status);
		sup_reset_devices(s);
		if (!tool_restart_crashed(&s->policy, start, now_ns(), &delay)) {
			tool_err(
				"%s failed %u times within %llu s: giving up (the messages above say why)",
				s->driver, s->policy.burst,
				(unsigned long long)(s->policy.interval_ns / ULDD_NSEC));
			return ULDD_EXIT_FAIL;
		}
		fprintf(stderr, "uldd: restarting %s in %llu.%03llu s\n", s->driver,
			(unsigned long long)(delay / ULDD_NSEC),
			(unsigned long long)(delay % ULDD_NSEC / 1000000));
		sig = sup_sleep(s, delay);
		if (sig) {
			fprintf(stderr, "uldd: %s, not restarting %s\n", strsignal(sig), s->driver);
			return ULDD_EXIT_OK;
		}
	}
}

int tool_supervise(int argc, char **argv)
{
	struct sup *s = calloc(1, sizeof(*s));
	const char *driver_path;
	struct pidfh *pfh;
	sigset_t set;
	ssize_t n;
	int rc;

	if (!s)
		return ULDD_EXIT_FAIL;
	s->argc = argc;
	s->argv = argv;
	s->pipe_fd = -1;
	s->stop_s = stop_kill_s(argc, argv);
	tool_sup_describe(argc, argv, s->driver, sizeof(s->driver), s->devices, sizeof(s->devices));
	if (!s->driver[0]) {
		free(s);
		return tool_usage_err(&tool_cmd_supervise, "which driver? give its .so file");
	}
	tool_restart_init(&s->policy);
	for (int i = 1; i < argc; i++) {
		char err[128];
		int bad;

		if (!is_policy_option(argv[i]))
			continue;
		bad = tool_restart_option(&s->policy, argv[i], i + 1 < argc ? argv[i + 1] : NULL,
					  err, sizeof(err));
		if (bad) {
			free(s);
			return tool_usage_err(&tool_cmd_supervise, "%s", err);
		}
		i++;
	}
	s->nbd_fd = -1;
	n = readlink("/proc/self/exe", s->exe, sizeof(s->exe) - 1);
	if (n <= 0 || (size_t)n >= sizeof(s->exe) - 1)
		snprintf(s->exe, sizeof(s->exe), "/proc/self/exe");
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	sigprocmask(SIG_BLOCK, &set, NULL);
	s->sig_fd = signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
	if (s->sig_fd < 0) {
		tool_err("signalfd: %s", strerror(errno));
		free(s);
		return ULDD_EXIT_FAIL;
	}
	rc = sup_pidfile(s, &pfh);
	if (rc) {
		free(s);
		return rc;
	}
	setproctitle("-uldd supervise %s %s", s->driver, s->devices);
	/* Root's, for the disks of every driver process it will start. */
	driver_path = sup_driver_path(argc, argv);
	if (!geteuid() && driver_path && tool_makes_disks(driver_path) &&
	    uh_blk_broker_start_kept(&s->nbd_fd, &s->nbd_pid)) {
		tool_err("%s", uhost_errmsg());
		rc = ULDD_EXIT_FAIL;
	} else {
		rc = sup_loop(s);
	}
	/* Whatever ended it, no kept TAP or disk outlives the supervisor. */
	sup_remove_taps(s);
	sup_end_broker(s);
	if (pfh)
		pidfile_remove(pfh);
	close(s->sig_fd);
	free(s);
	return rc;
}

static int supervise(int argc, char **argv)
{
	return tool_supervise(argc, argv);
}

const struct tool_cmd tool_cmd_supervise = {
	.name = "supervise",
	.args = "DRIVER.so [run options] [name=value]...",
	.summary = "run a driver and restart it when it crashes",
	.help = "Runs 'uldd run DRIVER.so ...' with the same arguments as a child process. When\n"
		"the child dies by a signal (a crash, BUG(), an abort) or exits with a failure,\n"
		"prints a kernel-style oops (signal, faulting address, the crashed thread's\n"
		"backtrace with the driver's and the shim's functions), resets its devices\n"
		"and starts it again: after 0.1 s, doubling up to 30 s, back to 0.1 s after a\n"
		"run of 10 s or more; 5 failures within 60 s make it give up (exit 1). A\n"
		"driver whose probe refuses every device at its first start (uldd run's exit\n"
		"3) is not restarted: it would refuse again; the supervisor exits 3 too. As\n"
		"systemd's settings of the same names, --restart-sec SECS sets the first\n"
		"delay, --restart-max-delay-sec SECS the longest, --start-limit-burst N (1 to\n"
		"64) and --start-limit-interval-sec SECS (0: never give up) the limit. The\n"
		"driver's network interfaces stay while it restarts (same name, ifindex,\n"
		"addresses, routes; carrier off), and the restarted driver takes the MAC, MTU,\n"
		"promiscuous mode and multicast list the host has on them. SIGINT, SIGTERM\n"
		"and SIGHUP stop the driver cleanly (SIGKILL 5 s after its --stop-timeout, 15 s\n"
		"by default; 30 s with --stop-timeout 0), then it exits 0, as\n"
		"it does when the driver exits 0. 'uldd run --restart' is the same. The pid\n"
		"file is <run dir>/DRIVER@DEVICE.pid (ULDD_RUN_DIR, else /run/uldd).\n",
	.run = supervise,
};
