// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ctl.c - the control socket: 'uldd run' serves <run dir>/<pid>.sock from
 * one host thread, 'uldd stats' asks every socket there. Requests are rare
 * and small, so the thread serves one connection at a time; every wait on
 * a client also watches the stop eventfd and a deadline, so neither a
 * silent client nor a stuck one can keep 'uldd run' from stopping.
 */
#include <dirent.h>
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>

#include "ctl.h"
#include "internal.h"

#define CTL_DIR "/run/uldd"
#define CTL_REQUEST "stats "
/* The answer that means "not here"; the client matches its start. */
#define CTL_NODEV "error: no interface "

struct uldd_ctl {
	int listen_fd;
	int stop_fd; /* eventfd: readable once uldd_ctl_stop() was called */
	bool bound; /* path is ours to remove */
	uldd_ctl_report_fn report;
	struct uhost_thread *thread;
	char *buf; /* ULDD_CTL_REPORT_MAX bytes for the report */
	char path[sizeof(((struct sockaddr_un *)0)->sun_path)];
};

const char *uldd_run_dir(void)
{
	static const char *dir;

	return uh_root_from_env(&dir, "ULDD_RUN_DIR", CTL_DIR);
}

bool uldd_ifname_ok(const char *name)
{
	size_t len = strlen(name);

	if (len == 0 || len > 15)
		return false;
	for (size_t i = 0; i < len; i++)
		if (name[i] == '/' || name[i] <= ' ' || name[i] == 0x7f)
			return false;
	return true;
}

const char *uldd_ctl_path(const struct uldd_ctl *ctl)
{
	return ctl->path;
}

/* mkdir -p: parents as the umask makes them, dir itself private. */
static int mkdir_p(const char *dir)
{
	char buf[sizeof(((struct sockaddr_un *)0)->sun_path)];
	size_t len = strlen(dir);

	if (len >= sizeof(buf))
		return uh_fail(ENAMETOOLONG, "run dir %s is too long for a socket path", dir);
	memcpy(buf, dir, len + 1);
	for (char *p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(buf, 0755) && errno != EEXIST)
			return uh_fail(errno, "cannot create %s: %s", buf, strerror(errno));
		*p = '/';
	}
	if (mkdir(buf, 0700) && errno != EEXIST)
		return uh_fail(errno, "cannot create %s: %s", buf, strerror(errno));
	return 0;
}

/*
 * Waits until fd is ready for events: 0, ETIMEDOUT after the deadline
 * (uhost_clock_ns()), or ECANCELED once the server is told to stop.
 */
static int ctl_wait(struct uldd_ctl *ctl, int fd, short events, uhost_u64 deadline)
{
	struct pollfd pfd[2] = { { .fd = fd, .events = events },
				 { .fd = ctl->stop_fd, .events = POLLIN } };

	for (;;) {
		uhost_u64 now = uhost_clock_ns();
		int n;

		if (now >= deadline)
			return ETIMEDOUT;
		n = poll(pfd, 2, (int)((deadline - now + 999999) / 1000000));
		if (n < 0 && errno != EINTR)
			return errno;
		if (pfd[1].revents)
			return ECANCELED;
		if (n > 0)
			return 0;
	}
}

/* One request line, without its newline; false if none came whole. */
static bool read_request(struct uldd_ctl *ctl, int fd, char *req, size_t len, uhost_u64 deadline)
{
	size_t n = 0;

	for (;;) {
		ssize_t r = read(fd, req + n, len - 1 - n);
		char *nl;

		if (r > 0) {
			n += (size_t)r;
			req[n] = '\0';
			nl = strchr(req, '\n');
			if (nl) {
				*nl = '\0';
				return true;
			}
			if (n == len - 1)
				return false;
		} else if (r == 0 || (errno != EAGAIN && errno != EINTR) ||
			   ctl_wait(ctl, fd, POLLIN, deadline)) {
			return false;
		}
	}
}

static void write_all(struct uldd_ctl *ctl, int fd, const char *buf, size_t len, uhost_u64 deadline)
{
	while (len) {
		/* MSG_NOSIGNAL: a client that left must not raise SIGPIPE. */
		ssize_t w = send(fd, buf, len, MSG_NOSIGNAL);

		if (w > 0) {
			buf += w;
			len -= (size_t)w;
		} else if ((errno != EAGAIN && errno != EINTR) ||
			   ctl_wait(ctl, fd, POLLOUT, deadline)) {
			return;
		}
	}
}

static void serve_one(struct uldd_ctl *ctl, int fd)
{
	uhost_u64 deadline = uhost_clock_ns() + ULDD_CTL_TIMEOUT_MS * 1000000ull;
	char req[64], err[160];
	const char *ifname;
	long len;

	if (!read_request(ctl, fd, req, sizeof(req), deadline))
		return;
	if (strncmp(req, CTL_REQUEST, strlen(CTL_REQUEST))) {
		snprintf(err, sizeof(err), "error: unknown request '%.32s': ask 'stats IFNAME'\n",
			 req);
		write_all(ctl, fd, err, strlen(err), deadline);
		return;
	}
	ifname = req + strlen(CTL_REQUEST);
	if (!uldd_ifname_ok(ifname)) {
		snprintf(err, sizeof(err), "error: '%.32s' is not an interface name\n", ifname);
		write_all(ctl, fd, err, strlen(err), deadline);
		return;
	}
	len = ctl->report(ifname, ctl->buf, ULDD_CTL_REPORT_MAX);
	if (len == -ENODEV)
		snprintf(err, sizeof(err), CTL_NODEV "%s in process %d\n", ifname, (int)getpid());
	else if (len < 0)
		snprintf(err, sizeof(err), "error: process %d cannot report on %s: %s\n",
			 (int)getpid(), ifname, strerror((int)-len));
	if (len < 0) {
		write_all(ctl, fd, err, strlen(err), deadline);
		return;
	}
	if (len > ULDD_CTL_REPORT_MAX)
		len = ULDD_CTL_REPORT_MAX;
	write_all(ctl, fd, ctl->buf, (size_t)len, deadline);
}

static void serve(void *arg)
{
	struct uldd_ctl *ctl = arg;
	struct pollfd pfd[2] = { { .fd = ctl->listen_fd, .events = POLLIN },
				 { .fd = ctl->stop_fd, .events = POLLIN } };

	for (;;) {
		int fd;

		if (poll(pfd, 2, -1) < 0 && errno != EINTR) {
			uh_log(UHOST_LOG_ERR, "uldd: control socket %s: poll: %s; it stops serving",
			       ctl->path, strerror(errno));
			return;
		}
		if (pfd[1].revents)
			return;
		if (!(pfd[0].revents & POLLIN))
			continue;
		fd = accept4(ctl->listen_fd, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
		if (fd < 0) {
			/* Out of fds: wait a little rather than spin on the backlog. */
			if (errno == EMFILE || errno == ENFILE)
				uhost_sleep_ns(100 * 1000000ull);
			continue;
		}
		serve_one(ctl, fd);
		close(fd);
	}
}

static void ctl_free(struct uldd_ctl *ctl)
{
	if (ctl->listen_fd >= 0)
		close(ctl->listen_fd);
	if (ctl->stop_fd >= 0)
		close(ctl->stop_fd);
	if (ctl->bound)
		unlink(ctl->path);
	free(ctl->buf);
	free(ctl);
}

static int ctl_listen(struct uldd_ctl *ctl)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };

	ctl->stop_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	if (ctl->stop_fd < 0)
		return uh_fail(errno, "eventfd: %s", strerror(errno));
	ctl->listen_fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (ctl->listen_fd < 0)
		return uh_fail(errno, "unix socket: %s", strerror(errno));
	memcpy(sa.sun_path, ctl->path, sizeof(sa.sun_path));
	/* Our pid is ours alone while we live: a socket there is a dead one's. */
	if (unlink(ctl->path) && errno != ENOENT)
		return uh_fail(errno, "cannot remove the old %s: %s", ctl->path, strerror(errno));
	if (bind(ctl->listen_fd, (struct sockaddr *)&sa, sizeof(sa)))
		return uh_fail(errno, "cannot create %s: %s", ctl->path, strerror(errno));
	ctl->bound = true;
	if (listen(ctl->listen_fd, 8))
		return uh_fail(errno, "listen on %s: %s", ctl->path, strerror(errno));
	return 0;
}

int uldd_ctl_start(const char *dir, uldd_ctl_report_fn report, struct uldd_ctl **ctlp)
{
	struct uldd_ctl *ctl = calloc(1, sizeof(*ctl));
	int err, n;

	if (!ctl)
		return uh_fail(ENOMEM, "out of memory");
	ctl->listen_fd = ctl->stop_fd = -1;
	ctl->report = report;
	n = snprintf(ctl->path, sizeof(ctl->path), "%s/%d.sock", dir, (int)getpid());
	if (n < 0 || (size_t)n >= sizeof(ctl->path))
		err = uh_fail(ENAMETOOLONG,
			      "run dir %s is too long for a socket path: set ULDD_RUN_DIR shorter",
			      dir);
	else if (!(ctl->buf = malloc(ULDD_CTL_REPORT_MAX)))
		err = uh_fail(ENOMEM, "out of memory");
	else
		err = mkdir_p(dir);
	if (!err)
		err = ctl_listen(ctl);
	if (!err)
		err = uhost_thread_create(serve, ctl, "uldd-ctl", &ctl->thread);
	if (err) {
		ctl_free(ctl);
		return err;
	}
	*ctlp = ctl;
	return 0;
}

void uldd_ctl_stop(struct uldd_ctl *ctl)
{
	uint64_t one = 1;

	if (!ctl)
		return;
	/* A full counter (EAGAIN) is readable too: the thread sees the stop. */
	if (write(ctl->stop_fd, &one, sizeof(one)) < 0 && errno != EAGAIN) {
		uh_log(UHOST_LOG_ERR, "uldd: cannot stop the control thread: %s", strerror(errno));
		/* It may still run: remove the socket, but free nothing under it. */
		unlink(ctl->path);
		return;
	}
	uhost_thread_join(ctl->thread);
	ctl_free(ctl);
}

static int connect_fail(int err, const char *path)
{
	switch (err) {
	case ECONNREFUSED:
	case ENOENT:
		return uh_fail(err, "no process listens on %s", path);
	case EACCES:
	case EPERM:
		return uh_fail(err, "cannot connect to %s: %s: run as root", path, strerror(err));
	case EAGAIN:
		return uh_fail(ETIMEDOUT, "the process behind %s does not answer", path);
	default:
		return uh_fail(err, "cannot connect to %s: %s", path, strerror(err));
	}
}

/* Reads until the server closes; the answer ends there. */
static int read_answer(int fd, const char *path, char *buf, size_t len)
{
	size_t n = 0;

	while (n < len - 1) {
		ssize_t r = read(fd, buf + n, len - 1 - n);

		if (r == 0)
			break;
		if (r > 0) {
			n += (size_t)r;
		} else if (errno == EAGAIN) {
			buf[n] = '\0';
			return uh_fail(ETIMEDOUT, "the process behind %s did not answer in %d s",
				       path, ULDD_CTL_TIMEOUT_MS / 1000);
		} else if (errno != EINTR) {
			buf[n] = '\0';
			return uh_fail(errno, "reading from %s: %s", path, strerror(errno));
		}
	}
	buf[n] = '\0';
	return 0;
}

int uldd_ctl_ask(const char *path, const char *ifname, char *buf, size_t len)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	/* On a unix socket the send timeout bounds connect too. */
	struct timeval tv = { .tv_sec = ULDD_CTL_TIMEOUT_MS / 1000 };
	char req[32];
	int fd, err, n;

	if (len < 2)
		return uh_fail(EINVAL, "no room for an answer");
	buf[0] = '\0';
	if (strlen(path) >= sizeof(sa.sun_path))
		return uh_fail(ENAMETOOLONG, "socket path %s is too long", path);
	n = snprintf(req, sizeof(req), CTL_REQUEST "%s\n", ifname);
	if (!uldd_ifname_ok(ifname) || n < 0 || (size_t)n >= sizeof(req))
		return uh_fail(EINVAL, "'%s' is not an interface name", ifname);
	memcpy(sa.sun_path, path, strlen(path) + 1);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return uh_fail(errno, "unix socket: %s", strerror(errno));
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	if (connect(fd, (struct sockaddr *)&sa, sizeof(sa))) {
		err = connect_fail(errno, path);
	} else if (send(fd, req, (size_t)n, MSG_NOSIGNAL) != n) {
		err = uh_fail(errno, "writing to %s: %s", path, strerror(errno));
	} else {
		err = read_answer(fd, path, buf, len);
	}
	close(fd);
	if (err)
		return err;
	if (!strncmp(buf, CTL_NODEV, strlen(CTL_NODEV)))
		return uh_fail(ENODEV, "%s", buf + strlen("error: "));
	if (!strncmp(buf, "error: ", strlen("error: "))) {
		buf[strcspn(buf, "\n")] = '\0';
		return uh_fail(EIO, "%s", buf + strlen("error: "));
	}
	return 0;
}

static bool is_socket_name(const char *name)
{
	size_t len = strlen(name);

	return len > 5 && !strcmp(name + len - 5, ".sock");
}

int uldd_ctl_stats(const char *dir, const char *ifname, char *buf, size_t len)
{
	char path[sizeof(((struct sockaddr_un *)0)->sun_path)];
	char first_msg[512] = "";
	int first = 0;
	struct dirent *de;
	DIR *d;

	if (!uldd_ifname_ok(ifname))
		return uh_fail(EINVAL, "'%s' is not an interface name", ifname);
	d = opendir(dir);
	if (!d && errno != ENOENT)
		return uh_fail(errno, "cannot read %s: %s%s", dir, strerror(errno),
			       errno == EACCES ? ": run as root" : "");
	while (d && (de = readdir(d))) {
		int n, err;

		if (!is_socket_name(de->d_name))
			continue;
		n = snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		if (n < 0 || (size_t)n >= sizeof(path))
			continue;
		err = uldd_ctl_ask(path, ifname, buf, len);
		if (!err) {
			closedir(d);
			return 0;
		}
		/* A process killed before it could remove its socket. */
		if (err == ECONNREFUSED)
			unlink(path);
		if (err == ECONNREFUSED || err == ENOENT || err == ENODEV)
			continue;
		if (!first) {
			first = err;
			snprintf(first_msg, sizeof(first_msg), "%s", uhost_errmsg());
		}
	}
	if (d)
		closedir(d);
	buf[0] = '\0';
	if (first)
		return uh_fail(first, "%s", first_msg);
	return uh_fail(ENODEV,
		       "no uldd process serves %s: start it with 'uldd run DRIVER.so --ifname %s'",
		       ifname, ifname);
}
