// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * nbd.c - a gendisk's host side: an NBD device (nbd.ko) connected over
 * socket pairs, set up through nbd's generic netlink family, and the NBD
 * transmission phase on the driver's ends (the protocol's "simple
 * replies"). The only file that makes NBD's system calls.
 *
 * Raw netlink rather than libnl-genl: three messages (resolve the family,
 * connect, disconnect) with a handful of attributes are less code than a
 * new library in the driver process and its seccomp list.
 *
 * nbd's netlink and its sysfs tunables take CAP_SYS_ADMIN, which a driver
 * never holds: 'uldd run' forks, before it drops root, a broker that keeps
 * it (uh_blk_broker_start) and serves connect and disconnect requests on
 * a socket pair, handing the driver its ends with SCM_RIGHTS. When the
 * driver process ends, for whatever reason, the broker sees the end of
 * that stream and disconnects what it connected. Without a broker (uldd
 * run not started as root, or --user root) the process does it itself.
 *
 * Under 'uldd supervise' the broker is the supervisor's, and every driver
 * process it starts shares it: a driver that crashes leaves its devices
 * connected, their I/O waiting (nbd's dead-connection timeout), and its
 * restarted self's disk of the same name gets the same /dev/nbdN back
 * with new connections, so mounts and writers never see the crash.
 *
 * Per request the data path makes one read of the header, one of a write's
 * payload, and one sendmsg for a batch of replies with their read data.
 * The door's functions are ublk.c's, which call these (uh_nbd_*) unless
 * the process exports through ublk.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/genetlink.h>
#include <linux/nbd-netlink.h>
#include <linux/nbd.h>
#include <linux/netlink.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include "internal.h"
#include "uhost_blk.h"

/* The protocol names what older uapi headers lack (NBD's proto.md). */
#ifndef NBD_FLAG_SEND_WRITE_ZEROES
#define NBD_FLAG_SEND_WRITE_ZEROES (1 << 6)
#endif
#define BLK_CMD_FLAG_FUA (1u << 0) /* the request's 16-bit flags field */
#define BLK_CMD_FLAG_NO_HOLE (1u << 1)
#define BLK_CMD_DISC 2

#define BLK_REQ_LEN 28 /* magic, flags, type, handle, offset, length */
#define BLK_REPLY_LEN 16 /* magic, error, handle */

struct uhost_blk {
	unsigned int index; /* /dev/nbdN */
	unsigned int conns;
	int fd[UHOST_BLK_MAX_CONNS];
	bool connected; /* disconnect still to do */
};

/* internal.h says why not uh_log(). */
void uh_blk_log(int level, const char *fmt, ...)
{
	char line[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	uhost_log(level, line, (size_t)n < sizeof(line) ? (size_t)n : sizeof(line) - 1);
}

/* ---- The transmission phase: framing on the driver's ends ---- */

static uint64_t get_be64(const unsigned char *p)
{
	uint64_t v = 0;

	for (int i = 0; i < 8; i++)
		v = v << 8 | p[i];
	return v;
}

static uint32_t get_be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void put_be32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

/*
 * All of len bytes, or ESHUTDOWN at the end of the stream. MSG_WAITALL:
 * a large write's payload comes in pieces, and a read() per piece is a
 * sleep and a wake-up each; the loop is for a signal's interruption.
 */
static int read_full(int fd, void *buf, size_t len)
{
	unsigned char *p = buf;

	while (len) {
		ssize_t n = recv(fd, p, len, MSG_WAITALL);

		if (n > 0) {
			p += n;
			len -= (size_t)n;
		} else if (!n) {
			return ESHUTDOWN;
		} else if (errno != EINTR) {
			return errno == ECONNRESET ? ESHUTDOWN : errno;
		}
	}
	return 0;
}

int uh_nbd_recv(struct uhost_blk *blk, unsigned int conn, struct uhost_blk_req *req)
{
	unsigned char h[BLK_REQ_LEN];
	uint32_t type;
	int err;

	if (conn >= blk->conns)
		return EINVAL;
	err = read_full(blk->fd[conn], h, sizeof(h));
	if (err)
		return err;
	if (get_be32(h) != NBD_REQUEST_MAGIC)
		return uh_fail(EPROTO, "/dev/nbd%u: a request without NBD's magic on connection %u",
			       blk->index, conn);
	type = get_be32(h + 4);
	if ((type & 0xffff) == BLK_CMD_DISC)
		return ESHUTDOWN;
	req->flags = 0;
	if ((type >> 16) & BLK_CMD_FLAG_FUA)
		req->flags |= UHOST_BLK_FUA;
	if ((type >> 16) & BLK_CMD_FLAG_NO_HOLE)
		req->flags |= UHOST_BLK_NO_HOLE;
	req->type = (uhost_u16)(type & 0xffff);
	memcpy(&req->handle, h + 8, 8); /* opaque: echoed as it came */
	req->offset = get_be64(h + 16);
	req->len = get_be32(h + 24);
	return 0;
}

int uh_nbd_recv_data(struct uhost_blk *blk, unsigned int conn, void *buf, uhost_size len)
{
	if (conn >= blk->conns)
		return EINVAL;
	return read_full(blk->fd[conn], buf, len);
}

/*
 * NBD's error values are Linux's for the few it names (proto.md); every
 * other one is an I/O error to the client.
 */
static uint32_t nbd_error(uint32_t err)
{
	switch (err) {
	case 0:
	case EPERM:
	case EIO:
	case ENOMEM:
	case EINVAL:
	case ENOSPC:
	case EOVERFLOW:
	case EOPNOTSUPP:
	case ESHUTDOWN:
		return err;
	default:
		return EIO;
	}
}

int uh_nbd_send(struct uhost_blk *blk, unsigned int conn, const struct uhost_blk_reply *r,
		unsigned int n)
{
	unsigned char hdr[UHOST_BLK_MAX_BATCH][BLK_REPLY_LEN];
	struct iovec iov[2 * UHOST_BLK_MAX_BATCH], *v = iov;
	struct msghdr msg = { .msg_iov = iov };

	if (conn >= blk->conns || n > UHOST_BLK_MAX_BATCH)
		return EINVAL;
	for (unsigned int i = 0; i < n; i++) {
		put_be32(hdr[i], NBD_REPLY_MAGIC);
		put_be32(hdr[i] + 4, nbd_error(r[i].error));
		memcpy(hdr[i] + 8, &r[i].handle, 8);
		*v++ = (struct iovec){ hdr[i], BLK_REPLY_LEN };
		if (!r[i].error && r[i].len)
			*v++ = (struct iovec){ (void *)r[i].data, r[i].len };
	}
	msg.msg_iovlen = (size_t)(v - iov);
	/* A stream socket may take part of it: go on from where it stopped. */
	while (msg.msg_iovlen) {
		/* MSG_NOSIGNAL: a host that hung up is EPIPE, not SIGPIPE. */
		ssize_t sent = sendmsg(blk->fd[conn], &msg, MSG_NOSIGNAL);

		if (sent < 0) {
			if (errno == EINTR)
				continue;
			return errno == ECONNRESET ? EPIPE : errno;
		}
		while (msg.msg_iovlen && (size_t)sent >= msg.msg_iov->iov_len) {
			sent -= (ssize_t)msg.msg_iov->iov_len;
			msg.msg_iov++;
			msg.msg_iovlen--;
		}
		if (msg.msg_iovlen) {
			msg.msg_iov->iov_base = (char *)msg.msg_iov->iov_base + sent;
			msg.msg_iov->iov_len -= (size_t)sent;
		}
	}
	return 0;
}

static int blk_new(const int *fds, unsigned int n, unsigned int index, struct uhost_blk **blkp)
{
	struct uhost_blk *blk;

	if (!n || n > UHOST_BLK_MAX_CONNS)
		return EINVAL;
	blk = calloc(1, sizeof(*blk));
	if (!blk)
		return ENOMEM;
	blk->index = index;
	blk->conns = n;
	memcpy(blk->fd, fds, n * sizeof(*fds));
	*blkp = blk;
	return 0;
}

int uh_blk_attach(const int *fds, unsigned int n, struct uhost_blk **blkp)
{
	return blk_new(fds, n, 0, blkp);
}

/* ---- nbd's generic netlink family ---- */

#define NL_BUF 4096

struct nl_req {
	struct nlmsghdr *nh;
	size_t cap;
	unsigned char buf[NL_BUF] __attribute__((aligned(NLMSG_ALIGNTO)));
};

static void nl_start(struct nl_req *r, uint16_t type, uint8_t cmd, uint8_t version)
{
	struct genlmsghdr *g;

	memset(r->buf, 0, sizeof(r->buf));
	r->nh = (struct nlmsghdr *)r->buf;
	r->nh->nlmsg_len = NLMSG_LENGTH(GENL_HDRLEN);
	r->nh->nlmsg_type = type;
	r->nh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	r->nh->nlmsg_seq = 1;
	g = NLMSG_DATA(r->nh);
	g->cmd = cmd;
	g->version = version;
}

/* Appends an attribute; the returned one can nest others until nl_end(). */
static struct nlattr *nl_put(struct nl_req *r, uint16_t type, const void *data, size_t len)
{
	struct nlattr *a = (struct nlattr *)(r->buf + NLMSG_ALIGN(r->nh->nlmsg_len));
	size_t total = NLA_HDRLEN + len;

	if (NLMSG_ALIGN(r->nh->nlmsg_len) + NLA_ALIGN(total) > sizeof(r->buf))
		return NULL;
	a->nla_type = type;
	a->nla_len = (uint16_t)total;
	if (len)
		memcpy((char *)a + NLA_HDRLEN, data, len);
	r->nh->nlmsg_len = (uint32_t)(NLMSG_ALIGN(r->nh->nlmsg_len) + NLA_ALIGN(total));
	return a;
}

static void nl_end(struct nl_req *r, struct nlattr *nest)
{
	nest->nla_len = (uint16_t)((r->buf + r->nh->nlmsg_len) - (unsigned char *)nest);
}

static bool nl_put_u32(struct nl_req *r, uint16_t type, uint32_t v)
{
	return nl_put(r, type, &v, sizeof(v));
}

static bool nl_put_u64(struct nl_req *r, uint16_t type, uint64_t v)
{
	return nl_put(r, type, &v, sizeof(v));
}

/* The attribute want of a generic netlink reply, read as u16 or u32. */
static void nl_find_u32(const struct nlmsghdr *nh, uint16_t want, uint32_t *val)
{
	const unsigned char *p = (const unsigned char *)NLMSG_DATA(nh) + GENL_HDRLEN;
	int left = (int)nh->nlmsg_len - (int)NLMSG_LENGTH(GENL_HDRLEN);

	while (left >= NLA_HDRLEN) {
		const struct nlattr *a = (const struct nlattr *)p;
		int alen = a->nla_len;

		if (alen < NLA_HDRLEN || alen > left)
			return;
		if ((a->nla_type & NLA_TYPE_MASK) == want) {
			if (alen - NLA_HDRLEN == 2) {
				uint16_t v16;

				memcpy(&v16, p + NLA_HDRLEN, 2);
				*val = v16;
			} else if (alen - NLA_HDRLEN >= 4) {
				memcpy(val, p + NLA_HDRLEN, 4);
			}
		}
		p += NLA_ALIGN(alen);
		left -= NLA_ALIGN(alen);
	}
}

/*
 * Sends the request and reads until the kernel's acknowledgement: 0 or its
 * errno. want (unless 0) is an attribute of a reply whose 32-bit value
 * goes to *val (a u16 family id is read as such).
 */
static int nl_talk(int fd, struct nl_req *r, uint16_t want, uint32_t *val)
{
	unsigned char buf[NL_BUF] __attribute__((aligned(NLMSG_ALIGNTO)));

	if (send(fd, r->buf, r->nh->nlmsg_len, 0) < 0)
		return errno;
	for (;;) {
		ssize_t got = recv(fd, buf, sizeof(buf), 0);
		struct nlmsghdr *nh = (struct nlmsghdr *)buf;
		int len = (int)got;

		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			return errno;
		for (; NLMSG_OK(nh, len); nh = NLMSG_NEXT(nh, len)) {
			if (nh->nlmsg_type == NLMSG_ERROR)
				return -((struct nlmsgerr *)NLMSG_DATA(nh))->error;
			if (nh->nlmsg_type == NLMSG_DONE)
				return 0;
			if (want)
				nl_find_u32(nh, want, val);
		}
	}
}

static int nl_open(int *fdp, uint16_t *family)
{
	struct nl_req r;
	uint32_t id = 0;
	int fd, err;

	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_GENERIC);
	if (fd < 0)
		return uh_fail(errno, "cannot open a generic netlink socket: %s", strerror(errno));
	nl_start(&r, GENL_ID_CTRL, CTRL_CMD_GETFAMILY, 1);
	nl_put(&r, CTRL_ATTR_FAMILY_NAME, NBD_GENL_FAMILY_NAME, sizeof(NBD_GENL_FAMILY_NAME));
	err = nl_talk(fd, &r, CTRL_ATTR_FAMILY_ID, &id);
	if (!err && !id)
		err = ENOENT;
	if (err) {
		close(fd);
		if (err == ENOENT)
			return uh_fail(
				ENODEV,
				"the host has no nbd driver loaded: run 'modprobe nbd' (as root)");
		return uh_fail(err, "cannot ask netlink for nbd: %s", strerror(err));
	}
	*fdp = fd;
	*family = (uint16_t)id;
	return 0;
}

static uint64_t nbd_flags(const struct uhost_blk_geom *g)
{
	uint64_t f = NBD_FLAG_HAS_FLAGS;

	if (g->features & UHOST_BLK_F_RO)
		f |= NBD_FLAG_READ_ONLY;
	if (g->features & UHOST_BLK_F_FLUSH)
		f |= NBD_FLAG_SEND_FLUSH;
	if (g->features & UHOST_BLK_F_FUA)
		f |= NBD_FLAG_SEND_FUA;
	if (g->features & UHOST_BLK_F_DISCARD)
		f |= NBD_FLAG_SEND_TRIM;
	if (g->features & UHOST_BLK_F_WRITE_ZEROES)
		f |= NBD_FLAG_SEND_WRITE_ZEROES;
	/* nbd.ko refuses more than one connection to a server without it. */
	if (g->conns > 1)
		f |= NBD_FLAG_CAN_MULTI_CONN;
	return f;
}

/* What nbd's netlink cannot set; a failure costs a warning, not the disk. */
static void nbd_tune(unsigned int index, const struct uhost_blk_geom *g)
{
	char path[128], val[32];
	int err;

	if (g->max_bytes >= 4096) {
		snprintf(path, sizeof(path), "%s/block/nbd%u/queue/max_sectors_kb", uh_sysfs_root(),
			 index);
		snprintf(val, sizeof(val), "%u", g->max_bytes >> 10);
		err = uh_sysfs_write(path, val);
		if (err)
			uh_blk_log(UHOST_LOG_WARNING, "uldd: %.*s: cannot write %s to %s: %s",
				   UHOST_BLK_NAME_LEN, g->name, val, path, strerror(err));
	}
	snprintf(path, sizeof(path), "%s/block/nbd%u/queue/rotational", uh_sysfs_root(), index);
	err = uh_sysfs_write(path, g->features & UHOST_BLK_F_ROTATIONAL ? "1" : "0");
	if (err)
		uh_blk_log(UHOST_LOG_WARNING, "uldd: %.*s: cannot set %s: %s", UHOST_BLK_NAME_LEN,
			   g->name, path, strerror(err));
}

static int geom_check(const struct uhost_blk_geom *g)
{
	if (g->lbs < 512 || g->lbs > 4096 || (g->lbs & (g->lbs - 1)))
		return uh_fail(EINVAL, "%.*s: NBD takes block sizes of 512 to 4096 bytes, not %u",
			       UHOST_BLK_NAME_LEN, g->name, g->lbs);
	if (!g->bytes || g->bytes % g->lbs)
		return uh_fail(EINVAL, "%.*s: a size of %llu bytes is no whole number of blocks",
			       UHOST_BLK_NAME_LEN, g->name, (unsigned long long)g->bytes);
	if (!g->conns || g->conns > UHOST_BLK_MAX_CONNS)
		return uh_fail(EINVAL, "%.*s: %u connections: NBD export takes 1 to %u",
			       UHOST_BLK_NAME_LEN, g->name, g->conns, UHOST_BLK_MAX_CONNS);
	return 0;
}

/* n new socket pairs: the driver's ends to mine[], nbd's to theirs[]. */
static int make_pairs(unsigned int n, int *mine, int *theirs)
{
	for (unsigned int i = 0; i < n; i++) {
		int sv[2];

		if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv)) {
			int err = errno;

			while (i--) {
				close(mine[i]);
				close(theirs[i]);
			}
			return uh_fail(err, "cannot make a socket pair for nbd: %s", strerror(err));
		}
		mine[i] = sv[0];
		theirs[i] = sv[1];
	}
	return 0;
}

static void put_socks(struct nl_req *r, const int *theirs, unsigned int n)
{
	struct nlattr *socks = nl_put(r, NBD_ATTR_SOCKETS | NLA_F_NESTED, NULL, 0);

	for (unsigned int i = 0; i < n; i++) {
		struct nlattr *item = nl_put(r, NBD_SOCK_ITEM | NLA_F_NESTED, NULL, 0);

		nl_put_u32(r, NBD_SOCK_FD, (uint32_t)theirs[i]);
		nl_end(r, item);
	}
	nl_end(r, socks);
}

/*
 * nbd holds its own references to the sockets it took; on failure the
 * driver's ends go too.
 */
static void close_pairs(unsigned int n, int *mine, const int *theirs, int err)
{
	for (unsigned int i = 0; i < n; i++) {
		close(theirs[i]);
		if (err)
			close(mine[i]);
	}
}

/*
 * Connects a free nbd device over g->conns new socket pairs; the driver's
 * ends go to mine[]. As root (the broker, or a process that kept root).
 * hold_s, unless 0, is how long nbd keeps I/O waiting when every
 * connection is gone, for a restarted driver to reconnect
 * (nbd_reconnect()); 0 fails it at once.
 */
static int nbd_connect(const struct uhost_blk_geom *g, unsigned int hold_s, int *mine,
		       unsigned int *index)
{
	int theirs[UHOST_BLK_MAX_CONNS];
	struct nl_req r;
	uint16_t family;
	uint32_t idx = ~0u;
	int fd, err;

	err = geom_check(g);
	if (err)
		return err;
	err = nl_open(&fd, &family);
	if (err)
		return err;
	err = make_pairs(g->conns, mine, theirs);
	if (err) {
		close(fd);
		return err;
	}
	nl_start(&r, family, NBD_CMD_CONNECT, NBD_GENL_VERSION);
	nl_put_u64(&r, NBD_ATTR_SIZE_BYTES, g->bytes);
	nl_put_u64(&r, NBD_ATTR_BLOCK_SIZE_BYTES, g->lbs);
	nl_put_u64(&r, NBD_ATTR_SERVER_FLAGS, nbd_flags(g));
	if (hold_s)
		nl_put_u64(&r, NBD_ATTR_DEAD_CONN_TIMEOUT, hold_s);
	put_socks(&r, theirs, g->conns);
	err = nl_talk(fd, &r, NBD_ATTR_INDEX, &idx);
	if (!err && idx == ~0u)
		err = EPROTO;
	if (err) {
		if (err == EPERM)
			uh_fail(EPERM,
				"%.*s: connecting an nbd device takes CAP_SYS_ADMIN: run uldd as root",
				UHOST_BLK_NAME_LEN, g->name);
		else if (err == ENOSPC || err == EBUSY || err == ENODEV)
			uh_fail(EBUSY,
				"%.*s: no free nbd device (%s): disconnect one ('nbd-client -d') or load nbd with more (nbds_max=)",
				UHOST_BLK_NAME_LEN, g->name, strerror(err));
		else
			uh_fail(err, "%.*s: nbd refused the connection: %s", UHOST_BLK_NAME_LEN,
				g->name, strerror(err));
	} else {
		*index = idx;
		nbd_tune(idx, g);
	}
	close_pairs(g->conns, mine, theirs, err);
	close(fd);
	return err;
}

/*
 * Gives a connected nbd device whose connections all died with their
 * driver g->conns new ones; the driver's ends go to mine[]. nbd puts each
 * new socket in the place of a dead one, in order, wakes the I/O that
 * waited for it, and sends again, when their time runs out (30 s), the
 * requests the dead driver had taken and not answered. A connection nbd
 * has not yet seen die (it sees the end of its stream at once) would be
 * kept and the new socket dropped: the driver's reader then ends.
 */
static int nbd_reconnect(unsigned int index, const struct uhost_blk_geom *g, int *mine)
{
	int theirs[UHOST_BLK_MAX_CONNS];
	struct nl_req r;
	uint16_t family;
	int fd, err;

	err = nl_open(&fd, &family);
	if (err)
		return err;
	err = make_pairs(g->conns, mine, theirs);
	if (err) {
		close(fd);
		return err;
	}
	nl_start(&r, family, NBD_CMD_RECONFIGURE, NBD_GENL_VERSION);
	nl_put_u32(&r, NBD_ATTR_INDEX, index);
	put_socks(&r, theirs, g->conns);
	err = nl_talk(fd, &r, 0, NULL);
	if (err)
		uh_fail(err, "%.*s: nbd refused to reconnect /dev/nbd%u: %s", UHOST_BLK_NAME_LEN,
			g->name, index, strerror(err));
	close_pairs(g->conns, mine, theirs, err);
	close(fd);
	return err;
}

static int nbd_disconnect(unsigned int index)
{
	struct nl_req r;
	uint16_t family;
	int fd, err;

	err = nl_open(&fd, &family);
	if (err)
		return err;
	nl_start(&r, family, NBD_CMD_DISCONNECT, NBD_GENL_VERSION);
	nl_put_u32(&r, NBD_ATTR_INDEX, index);
	err = nl_talk(fd, &r, 0, NULL);
	close(fd);
	if (err)
		return uh_fail(err, "cannot disconnect /dev/nbd%u: %s", index, strerror(err));
	return 0;
}

/* ---- The broker ---- */

/*
 * How long a kept broker's devices hold I/O while their driver restarts:
 * past the supervisor's longest back-off (30 s) and a probe under TCG. A
 * supervisor that gives up ends the broker, which fails the I/O sooner.
 */
#define BROKER_HOLD_S 120
#define BROKER_MAX_DEVS 64

/* A device the broker connected: the disk it carries and its geometry. */
struct broker_dev {
	unsigned int index;
	struct uhost_blk_geom geom;
};

static int broker_fd = -1;
static uint64_t broker_seq;
static pthread_mutex_t broker_lock = PTHREAD_MUTEX_INITIALIZER;

static int send_fds(int fd, const void *buf, size_t len, const int *fds, unsigned int n)
{
	union {
		char buf[CMSG_SPACE(sizeof(int) * UHOST_BLK_MAX_CONNS)];
		struct cmsghdr align;
	} c;
	struct iovec iov = { (void *)buf, len };
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1 };

	if (n) {
		struct cmsghdr *cm;

		memset(&c, 0, sizeof(c));
		msg.msg_control = c.buf;
		msg.msg_controllen = CMSG_SPACE(sizeof(int) * n);
		cm = CMSG_FIRSTHDR(&msg);
		cm->cmsg_level = SOL_SOCKET;
		cm->cmsg_type = SCM_RIGHTS;
		cm->cmsg_len = CMSG_LEN(sizeof(int) * n);
		memcpy(CMSG_DATA(cm), fds, sizeof(int) * n);
	}
	if (sendmsg(fd, &msg, MSG_NOSIGNAL) != (ssize_t)len)
		return errno ? errno : EIO;
	return 0;
}

/* One message (SOCK_SEQPACKET) and the descriptors that came with it. */
static int recv_fds(int fd, void *buf, size_t len, int *fds, unsigned int *n)
{
	union {
		char buf[CMSG_SPACE(sizeof(int) * UHOST_BLK_MAX_CONNS)];
		struct cmsghdr align;
	} c;
	struct iovec iov = { buf, len };
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1 };
	ssize_t got;

	msg.msg_control = c.buf;
	msg.msg_controllen = sizeof(c.buf);
	do
		got = recvmsg(fd, &msg, MSG_CMSG_CLOEXEC);
	while (got < 0 && errno == EINTR);
	if (got < 0)
		return errno;
	if (!got)
		return ESHUTDOWN;
	*n = 0;
	for (struct cmsghdr *cm = CMSG_FIRSTHDR(&msg); cm; cm = CMSG_NXTHDR(&msg, cm)) {
		if (cm->cmsg_level != SOL_SOCKET || cm->cmsg_type != SCM_RIGHTS)
			continue;
		*n = (unsigned int)((cm->cmsg_len - CMSG_LEN(0)) / sizeof(int));
		memcpy(fds, CMSG_DATA(cm), *n * sizeof(int));
	}
	return (size_t)got == len ? 0 : EPROTO;
}

static struct broker_dev *broker_find(struct broker_dev *held, unsigned int nheld, const char *name)
{
	for (unsigned int i = 0; i < nheld; i++)
		if (!strncmp(held[i].geom.name, name, UHOST_BLK_NAME_LEN))
			return &held[i];
	return NULL;
}

/*
 * A connect. A kept broker gives a disk it holds from a driver that died
 * the device it had, with new connections, so the host's block device,
 * its mounts and its waiting I/O stay; a disk of another size or block
 * size is another disk: the old device goes and a new one comes.
 */
static int broker_connect(struct broker_dev *held, unsigned int *nheld, bool kept,
			  struct uh_broker_req *q, struct uh_broker_reply *a, int *mine)
{
	struct broker_dev *d = kept ? broker_find(held, *nheld, q->geom.name) : NULL;
	int err;

	if (d && d->geom.bytes == q->geom.bytes && d->geom.lbs == q->geom.lbs &&
	    d->geom.conns == q->geom.conns) {
		a->index = d->index;
		a->reattached = 1;
		return nbd_reconnect(d->index, &q->geom, mine);
	}
	if (d) {
		uh_blk_log(
			UHOST_LOG_WARNING,
			"uldd: %.*s came back with another geometry: /dev/nbd%u goes, a new device comes",
			UHOST_BLK_NAME_LEN, d->geom.name, d->index);
		if (nbd_disconnect(d->index))
			uh_blk_log(UHOST_LOG_ERR, "uldd: %s", uhost_errmsg());
		*d = held[--*nheld];
	}
	if (*nheld == BROKER_MAX_DEVS)
		return uh_fail(ENOSPC, "the nbd broker holds %u devices at most", BROKER_MAX_DEVS);
	err = nbd_connect(&q->geom, kept ? BROKER_HOLD_S : 0, mine, &a->index);
	if (!err)
		held[(*nheld)++] = (struct broker_dev){ .index = a->index, .geom = q->geom };
	return err;
}

/*
 * The broker's loop, until the other end closes: the driver's process
 * (kept false), or, for a supervisor's broker (kept true), the supervisor
 * and every driver it started. Then it disconnects what it connected:
 * nothing may stay connected to no process.
 */
static void broker_serve(int fd, bool kept)
{
	struct broker_dev held[BROKER_MAX_DEVS];
	unsigned int nheld = 0;

	for (;;) {
		struct uh_broker_req q = { 0 };
		struct uh_broker_reply a = { 0 };
		int mine[UHOST_BLK_MAX_CONNS];
		unsigned int nfd = 0;

		if (recv_fds(fd, &q, sizeof(q), mine, &nfd))
			break;
		/* The driver is not trusted: it names only its own devices. */
		for (unsigned int i = 0; i < nfd; i++)
			close(mine[i]);
		nfd = 0;
		a.seq = q.seq;
		q.geom.name[UHOST_BLK_NAME_LEN - 1] = '\0';
		if (q.op == UH_BROKER_CONNECT) {
			a.err = broker_connect(held, &nheld, kept, &q, &a, mine);
			if (!a.err)
				nfd = q.geom.conns;
		} else if (q.op == UH_BROKER_DISCONNECT) {
			struct broker_dev *d = NULL;

			for (unsigned int i = 0; i < nheld && !d; i++)
				if (held[i].index == q.index)
					d = &held[i];
			a.err = d ? nbd_disconnect(q.index) : EINVAL;
			if (d)
				*d = held[--nheld];
		} else {
			a.err = uh_fail(EINVAL,
					"the nbd broker got request %u, which it does not know",
					q.op);
		}
		if (a.err)
			snprintf(a.msg, sizeof(a.msg), "%s", uhost_errmsg());
		send_fds(fd, &a, sizeof(a), mine, nfd);
		for (unsigned int i = 0; i < nfd; i++)
			close(mine[i]);
	}
	for (unsigned int i = 0; i < nheld; i++)
		if (nbd_disconnect(held[i].index))
			uh_blk_log(UHOST_LOG_ERR, "uldd: %s", uhost_errmsg());
}

/* Forks the broker; its channel's other end to *fd. */
static int broker_fork(bool kept, int *fd, pid_t *pidp)
{
	int sv[2];
	pid_t pid;

	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv))
		return uh_fail(errno, "cannot make the nbd broker's socket pair: %s",
			       strerror(errno));
	pid = fork();
	if (pid < 0) {
		close(sv[0]);
		close(sv[1]);
		return uh_fail(errno, "cannot start the nbd broker: %s", strerror(errno));
	}
	if (!pid) {
		/*
		 * Root, and so as small as can be: no descriptor but its
		 * channel and stderr; the stop signals are the driver's to
		 * take: the broker ends when the driver's end closes.
		 */
		if (dup2(sv[1], 3) < 0)
			_exit(1);
		closefrom(4);
		signal(SIGINT, SIG_IGN);
		signal(SIGTERM, SIG_IGN);
		signal(SIGHUP, SIG_IGN);
		signal(SIGPIPE, SIG_IGN);
		prctl(PR_SET_NAME, "uldd-nbd", 0, 0, 0);
		broker_serve(3, kept);
		_exit(0);
	}
	close(sv[1]);
	*fd = sv[0];
	*pidp = pid;
	return 0;
}

int uh_blk_broker_start(void)
{
	pid_t pid;

	return broker_fork(false, &broker_fd, &pid);
}

int uh_blk_broker_start_kept(int *fd, pid_t *pid)
{
	return broker_fork(true, fd, pid);
}

int uh_blk_broker_use(int fd)
{
	if (fd < 0 || fcntl(fd, F_SETFD, FD_CLOEXEC))
		return uh_fail(EBADF, "the nbd broker's descriptor %d is not open", fd);
	broker_fd = fd;
	return 0;
}

bool uh_blk_broker_ready(void)
{
	return broker_fd >= 0;
}

static int broker_call(struct uh_broker_req *q, struct uh_broker_reply *a, int *fds,
		       unsigned int *nfd)
{
	unsigned int none = 0, *n = nfd ? nfd : &none;
	int err;

	pthread_mutex_lock(&broker_lock);
	q->seq = (uint64_t)getpid() << 32 | ++broker_seq;
	err = send_fds(broker_fd, q, sizeof(*q), NULL, 0);
	/* A reply to a request of a driver that died before it read it: not ours. */
	while (!err) {
		err = recv_fds(broker_fd, a, sizeof(*a), fds, n);
		if (err || a->seq == q->seq)
			break;
		for (unsigned int i = 0; i < *n; i++)
			close(fds[i]);
	}
	pthread_mutex_unlock(&broker_lock);
	if (err)
		return uh_fail(err, "the nbd broker does not answer: %s", strerror(err));
	a->msg[sizeof(a->msg) - 1] = '\0';
	if (a->err)
		return uh_fail(a->err, "%s", a->msg);
	return 0;
}

static void size_text(uint64_t bytes, char *buf, size_t len)
{
	if (bytes >= (1ull << 30) && !(bytes % (1ull << 30)))
		snprintf(buf, len, "%llu GiB", (unsigned long long)(bytes >> 30));
	else if (bytes >= (1ull << 20) && !(bytes % (1ull << 20)))
		snprintf(buf, len, "%llu MiB", (unsigned long long)(bytes >> 20));
	else
		snprintf(buf, len, "%llu bytes", (unsigned long long)bytes);
}

int uh_nbd_open(const struct uhost_blk_geom *geom, struct uhost_blk **blkp)
{
	int fds[UHOST_BLK_MAX_CONNS];
	unsigned int index = 0, nfd = 0;
	bool reattached = false;
	char size[32];
	int err;

	if (broker_fd >= 0) {
		struct uh_broker_req q = { .op = UH_BROKER_CONNECT, .geom = *geom };
		struct uh_broker_reply a = { 0 };

		err = geom_check(geom);
		if (!err)
			err = broker_call(&q, &a, fds, &nfd);
		index = a.index;
		reattached = a.reattached;
		if (!err && nfd != geom->conns) {
			for (unsigned int i = 0; i < nfd; i++)
				close(fds[i]);
			err = uh_fail(EPROTO, "the nbd broker sent %u sockets for %u connections",
				      nfd, geom->conns);
		}
	} else {
		err = nbd_connect(geom, 0, fds, &index);
	}
	if (err)
		return err;
	err = blk_new(fds, geom->conns, index, blkp);
	if (err) {
		for (unsigned int i = 0; i < geom->conns; i++)
			close(fds[i]);
		return err;
	}
	(*blkp)->connected = true;
	size_text(geom->bytes, size, sizeof(size));
	uh_blk_log(UHOST_LOG_NOTICE,
		   "uldd: %.*s is the host's /dev/nbd%u%s (%s, %u-byte blocks, %u %s)",
		   UHOST_BLK_NAME_LEN, geom->name, index, reattached ? " again" : "", size,
		   geom->lbs, geom->conns, geom->conns == 1 ? "connection" : "connections");
	return 0;
}

void uh_nbd_disconnect(struct uhost_blk *blk)
{
	int err;

	if (!blk->connected)
		return;
	blk->connected = false;
	if (broker_fd >= 0) {
		struct uh_broker_req q = { .op = UH_BROKER_DISCONNECT, .index = blk->index };
		struct uh_broker_reply a = { 0 };

		err = broker_call(&q, &a, NULL, NULL);
	} else {
		err = nbd_disconnect(blk->index);
	}
	if (err)
		uh_blk_log(UHOST_LOG_ERR, "uldd: %s", uhost_errmsg());
	/* So the readers end even where the host's disconnect did not come. */
	for (unsigned int i = 0; i < blk->conns; i++)
		shutdown(blk->fd[i], SHUT_RDWR);
}

void uh_nbd_close(struct uhost_blk *blk)
{
	if (!blk)
		return;
	for (unsigned int i = 0; i < blk->conns; i++)
		close(blk->fd[i]);
	free(blk);
}
