// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ctl.c - the control socket: 'uldd run' serves <run dir>/<pid>.sock from
 * one host thread, 'uldd stats' asks every socket there. Only root and the
 * process's own uid may ask (SO_PEERCRED); the run dir must be the
 * process's own and writable by nobody else, the socket is mode 0600.
 * Every wait also watches the stop eventfd, so no client can keep 'uldd
 * run' from stopping.
 */
#include <dirent.h>
#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdint.h>
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
#include "host.h"

/*
 * The block layer's report on a disk (shim/entry.h): weak, so tests and a
 * build without shim/block link; asked before the interface report, as
 * disks and interfaces have names of their own kinds.
 */
#pragma weak uldd_k_uldd_blk_report
long uldd_k_uldd_blk_report(const char *name, char *buf, unsigned long len);

#define CTL_DIR "/run/uldd"
#define CTL_REQUEST "stats "
/* The answer that means "not here"; the client matches its start. */
#define CTL_NODEV "error: no interface "
/*
 * Clients served at once. More wait in the listen backlog until a slot
 * frees, which takes at most ULDD_CTL_TIMEOUT_MS; only root and our own
 * uid can connect at all (the directory and the socket are theirs).
 */
#define CTL_CLIENTS 8
#define CTL_REQ_MAX 64

/*
 * One connection: its request is read, then its answer written, each step
 * as far as the socket allows without waiting, all before its deadline.
 */
struct ctl_client {
	int fd; /* -1: a free slot */
	bool refused; /* its peer may not ask: it gets an error line */
	uid_t uid;
	uhost_u64 deadline;
	size_t have; /* request bytes so far */
	char req[CTL_REQ_MAX];
	char *out; /* the answer, once the request is whole */
	size_t out_len, out_done;
};

struct tool_ctl {
	int listen_fd;
	int stop_fd; /* eventfd: readable once tool_ctl_stop() was called */
	bool bound; /* path is ours to remove */
	tool_ctl_report_fn report;
	struct uhost_thread *thread;
	struct ctl_client clients[CTL_CLIENTS];
	char path[sizeof(((struct sockaddr_un *)0)->sun_path)];
};

const char *tool_run_dir(void)
{
	static const char *dir;

	return uh_root_from_env(&dir, "ULDD_RUN_DIR", CTL_DIR);
}

bool tool_ifname_ok(const char *name)
{
	size_t len = strlen(name);

	if (len == 0 || len > 15)
		return false;
	for (size_t i = 0; i < len; i++)
		if (name[i] == '/' || name[i] <= ' ' || name[i] == 0x7f)
			return false;
	return true;
}

bool tool_ctl_peer_ok(uid_t peer, uid_t self)
{
	return peer == 0 || peer == self;
}

const char *tool_ctl_path(const struct tool_ctl *ctl)
{
	return ctl->path;
}

/*
 * The run dir holds sockets that answer with a driver's state: it must be
 * a directory (not a symlink) of our euid that nobody else can write, or
 * another user could put a socket of theirs where 'uldd stats' looks.
 */
static int check_run_dir(const char *dir)
{
	struct stat st;

	if (lstat(dir, &st))
		return uh_fail(errno, "run dir %s: %s", dir, strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return uh_fail(
			ENOTDIR,
			"run dir %s is not a directory (a symlink?): remove it, or set ULDD_RUN_DIR",
			dir);
	if (st.st_uid != geteuid())
		return uh_fail(
			EPERM,
			"run dir %s belongs to uid %u, not to uid %u: remove it, or set ULDD_RUN_DIR",
			dir, (unsigned int)st.st_uid, (unsigned int)geteuid());
	if (st.st_mode & (S_IWGRP | S_IWOTH))
		return uh_fail(
			EPERM,
			"run dir %s is writable by others (mode %04o): 'chmod 0700 %s', or remove it",
			dir, (unsigned int)(st.st_mode & 07777), dir);
	return 0;
}

/* mkdir -p: parents as the umask makes them, dir itself 0700 whatever the umask. */
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
	if (!mkdir(buf, 0700)) {
		if (chmod(buf, 0700))
			return uh_fail(errno, "chmod 0700 %s: %s", buf, strerror(errno));
	} else if (errno != EEXIST) {
		return uh_fail(errno, "cannot create %s: %s", buf, strerror(errno));
	}
	return check_run_dir(buf);
}

static void client_close(struct ctl_client *c)
{
	if (c->fd >= 0)
		close(c->fd);
	free(c->out);
	memset(c, 0, sizeof(*c));
	c->fd = -1;
}

static int set_answer(struct ctl_client *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int set_answer(struct ctl_client *c, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&c->out, fmt, ap);
	va_end(ap);
	if (n < 0) {
		c->out = NULL;
		return ENOMEM;
	}
	c->out_len = (size_t)n;
	return 0;
}

/* The answer to a whole request line; ENOMEM drops the client. */
static int answer(struct tool_ctl *ctl, struct ctl_client *c)
{
	const char *ifname;
	long len;

	if (c->refused)
		return set_answer(
			c, "error: uid %u may not ask process %d: run as root or as uid %u\n",
			(unsigned int)c->uid, (int)getpid(), (unsigned int)geteuid());
	if (strncmp(c->req, CTL_REQUEST, strlen(CTL_REQUEST)))
		return set_answer(c, "error: unknown request '%.32s': ask 'stats IFNAME'\n",
				  c->req);
	ifname = c->req + strlen(CTL_REQUEST);
	if (!tool_ifname_ok(ifname))
		return set_answer(c, "error: '%.32s' is not an interface name\n", ifname);
	c->out = malloc(ULDD_CTL_REPORT_MAX);
	if (!c->out)
		return ENOMEM;
	len = uldd_k_uldd_blk_report ? uldd_k_uldd_blk_report(ifname, c->out, ULDD_CTL_REPORT_MAX)
				     : -ENODEV;
	if (len == -ENODEV)
		len = ctl->report(ifname, c->out, ULDD_CTL_REPORT_MAX);
	if (len >= 0) {
		c->out_len = len > ULDD_CTL_REPORT_MAX ? ULDD_CTL_REPORT_MAX : (size_t)len;
		return 0;
	}
	free(c->out);
	c->out = NULL;
	if (len == -ENODEV)
		return set_answer(c, CTL_NODEV "%s in process %d\n", ifname, (int)getpid());
	return set_answer(c, "error: process %d cannot report on %s: %s\n", (int)getpid(), ifname,
			  strerror((int)-len));
}

/*
 * Moves one client on as far as its socket allows: reads its request,
 * answers it, writes the answer. False when it is done (or gone) and its
 * slot can be freed.
 */
static bool client_step(struct tool_ctl *ctl, struct ctl_client *c)
{
	while (!c->out) {
		ssize_t r = read(c->fd, c->req + c->have, sizeof(c->req) - 1 - c->have);
		char *nl;

		if (r < 0)
			return errno == EAGAIN || errno == EINTR;
		if (r == 0)
			return false;
		c->have += (size_t)r;
		c->req[c->have] = '\0';
		nl = strchr(c->req, '\n');
		if (!nl && c->have == sizeof(c->req) - 1)
			return false;
		if (!nl)
			continue;
		*nl = '\0';
		if (answer(ctl, c))
			return false;
	}
	while (c->out_done < c->out_len) {
		/* MSG_NOSIGNAL: a client that left must not raise SIGPIPE. */
		ssize_t w =
			send(c->fd, c->out + c->out_done, c->out_len - c->out_done, MSG_NOSIGNAL);

		if (w < 0)
			return errno == EAGAIN || errno == EINTR;
		c->out_done += (size_t)w;
	}
	return false;
}

/* Takes a new connection into a free slot, with its peer's verdict. */
static void client_accept(struct tool_ctl *ctl, struct ctl_client *c)
{
	struct ucred cred;
	socklen_t len = sizeof(cred);
	int fd = accept4(ctl->listen_fd, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);

	if (fd < 0) {
		/* Out of fds: wait a little rather than spin on the backlog. */
		if (errno == EMFILE || errno == ENFILE)
			uhost_sleep_ns(100 * 1000000ull);
		return;
	}
	c->fd = fd;
	c->deadline = uhost_clock_ns() + ULDD_CTL_TIMEOUT_MS * 1000000ull;
	/* Without credentials nobody is trusted. */
	if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) || len != sizeof(cred)) {
		c->uid = (uid_t)-1;
		c->refused = true;
	} else {
		c->uid = cred.uid;
		c->refused = !tool_ctl_peer_ok(cred.uid, geteuid());
	}
	if (c->refused)
		uh_log(UHOST_LOG_WARNING, "uldd: control socket %s: uid %u may not ask; refused",
		       ctl->path, (unsigned int)c->uid);
}

/*
 * One thread polls the listening socket and every client at once: a client
 * that sends nothing, or reads its answer slowly, holds only its own slot
 * until its own deadline, never another client's answer. A thread per
 * client would serve as well, but then stop would have to find and join
 * each, and the report (the net layer's) would run concurrently with
 * itself; here it runs on this one thread, one request at a time.
 */
static void serve(void *arg)
{
	struct tool_ctl *ctl = arg;
	struct pollfd pfd[2 + CTL_CLIENTS];
	struct ctl_client *slot[2 + CTL_CLIENTS];

	for (;;) {
		uhost_u64 now = uhost_clock_ns(), next = UINT64_MAX;
		struct ctl_client *free_slot = NULL;
		int n = 2, timeout;

		pfd[0] = (struct pollfd){ .fd = ctl->stop_fd, .events = POLLIN };
		for (int i = 0; i < CTL_CLIENTS; i++) {
			struct ctl_client *c = &ctl->clients[i];

			if (c->fd >= 0 && now >= c->deadline)
				client_close(c);
			if (c->fd < 0) {
				free_slot = free_slot ? free_slot : c;
				continue;
			}
			if (c->deadline < next)
				next = c->deadline;
			slot[n] = c;
			pfd[n++] =
				(struct pollfd){ .fd = c->fd, .events = c->out ? POLLOUT : POLLIN };
		}
		/* A full house leaves new clients in the backlog until a slot frees. */
		pfd[1] = (struct pollfd){ .fd = free_slot ? ctl->listen_fd : -1, .events = POLLIN };
		timeout = next == UINT64_MAX ? -1 : (int)((next - now + 999999) / 1000000);
		if (poll(pfd, (nfds_t)n, timeout) < 0 && errno != EINTR) {
			uh_log(UHOST_LOG_ERR, "uldd: control socket %s: poll: %s; it stops serving",
			       ctl->path, strerror(errno));
			return;
		}
		if (pfd[0].revents)
			return;
		for (int i = 2; i < n; i++)
			if (pfd[i].revents && !client_step(ctl, slot[i]))
				client_close(slot[i]);
		if (free_slot && (pfd[1].revents & POLLIN))
			client_accept(ctl, free_slot);
	}
}

static void ctl_free(struct tool_ctl *ctl)
{
	for (int i = 0; i < CTL_CLIENTS; i++)
		client_close(&ctl->clients[i]);
	if (ctl->listen_fd >= 0)
		close(ctl->listen_fd);
	if (ctl->stop_fd >= 0)
		close(ctl->stop_fd);
	if (ctl->bound)
		unlink(ctl->path);
	free(ctl);
}

static int ctl_listen(struct tool_ctl *ctl)
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
	/*
	 * bind() made the file as the umask says; until listen() a connect is
	 * refused, so setting the mode in between leaves no window.
	 */
	if (chmod(ctl->path, 0600))
		return uh_fail(errno, "chmod 0600 %s: %s", ctl->path, strerror(errno));
	if (listen(ctl->listen_fd, 8))
		return uh_fail(errno, "listen on %s: %s", ctl->path, strerror(errno));
	return 0;
}

int tool_ctl_open(const char *dir, tool_ctl_report_fn report, struct tool_ctl **ctlp)
{
	struct tool_ctl *ctl = calloc(1, sizeof(*ctl));
	int err, n;

	if (!ctl)
		return uh_fail(ENOMEM, "out of memory");
	ctl->listen_fd = ctl->stop_fd = -1;
	for (int i = 0; i < CTL_CLIENTS; i++)
		ctl->clients[i].fd = -1;
	ctl->report = report;
	n = snprintf(ctl->path, sizeof(ctl->path), "%s/%d.sock", dir, (int)getpid());
	if (n < 0 || (size_t)n >= sizeof(ctl->path))
		err = uh_fail(ENAMETOOLONG,
			      "run dir %s is too long for a socket path: set ULDD_RUN_DIR shorter",
			      dir);
	else
		err = mkdir_p(dir);
	if (!err)
		err = ctl_listen(ctl);
	if (err) {
		ctl_free(ctl);
		return err;
	}
	*ctlp = ctl;
	return 0;
}

int tool_ctl_serve(struct tool_ctl *ctl)
{
	return uhost_thread_create(serve, ctl, "uldd-ctl", &ctl->thread);
}

int tool_ctl_start(const char *dir, tool_ctl_report_fn report, struct tool_ctl **ctlp)
{
	struct tool_ctl *ctl = NULL;
	int err = tool_ctl_open(dir, report, &ctl);

	if (!err)
		err = tool_ctl_serve(ctl);
	if (err) {
		if (ctl)
			ctl_free(ctl);
		return err;
	}
	*ctlp = ctl;
	return 0;
}

void tool_ctl_stop(struct tool_ctl *ctl)
{
	uint64_t one = 1;

	if (!ctl)
		return;
	if (!ctl->thread) {
		/* Opened, never served. */
		ctl_free(ctl);
		return;
	}
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

int tool_ctl_ask(const char *path, const char *ifname, char *buf, size_t len)
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
	if (!tool_ifname_ok(ifname) || n < 0 || (size_t)n >= sizeof(req))
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

int tool_ctl_stats(const char *dir, const char *ifname, char *buf, size_t len)
{
	char path[sizeof(((struct sockaddr_un *)0)->sun_path)];
	char first_msg[512] = "";
	int first = 0;
	struct dirent *de;
	DIR *d;

	if (!tool_ifname_ok(ifname))
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
		err = tool_ctl_ask(path, ifname, buf, len);
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

int tool_run_dir_make(const char *dir)
{
	return mkdir_p(dir);
}
