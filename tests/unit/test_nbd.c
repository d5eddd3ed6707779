// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * test_nbd.c - the block door's NBD framing (kernel/nbd.c) against a fake
 * client on a socket pair, standing where nbd.ko would: requests in,
 * replies out, several in flight and answered out of order in one batch,
 * a reply larger than the socket's buffer, the end of a connection; and
 * the checks uhost_blk_open() makes before it asks the host for anything.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <endian.h>
#include <errno.h>
#include <linux/nbd.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "host.h"
#include "internal.h"
#include "unitskip.h"

struct pair {
	int client; /* the fake nbd.ko's end */
	struct uhost_blk *blk; /* the export's end, one connection */
};

static void pair_open(struct pair *p)
{
	int sv[2];

	assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv), 0);
	p->client = sv[0];
	assert_int_equal(uh_blk_attach(&sv[1], 1, &p->blk), 0);
}

static void pair_close(struct pair *p)
{
	uhost_blk_close(p->blk);
	if (p->client >= 0)
		close(p->client);
}

/* A request as nbd.ko writes it: big-endian, command flags in the high half. */
static void client_send(int fd, uint32_t type, uint64_t handle, uint64_t from, uint32_t len)
{
	struct nbd_request q;

	q.magic = htobe32(NBD_REQUEST_MAGIC);
	q.type = htobe32(type);
	memcpy(q.handle, &handle, 8);
	q.from = htobe64(from);
	q.len = htobe32(len);
	assert_int_equal(write(fd, &q, sizeof(q)), sizeof(q));
}

static void read_all(int fd, void *buf, size_t len)
{
	char *p = buf;

	while (len) {
		ssize_t n = read(fd, p, len);

		assert_true(n > 0);
		p += n;
		len -= (size_t)n;
	}
}

static void client_reply(int fd, uint64_t *handle, uint32_t *error)
{
	struct nbd_reply r;

	read_all(fd, &r, sizeof(r));
	assert_int_equal(be32toh(r.magic), NBD_REPLY_MAGIC);
	*error = be32toh(r.error);
	memcpy(handle, r.handle, 8);
}

static void test_nbd_request_header_parsed(void **state)
{
	struct uhost_blk_req req;
	struct pair p;

	(void)state;
	pair_open(&p);
	client_send(p.client, NBD_CMD_READ, 0x1122334455667788ull, 4096, 8192);
	client_send(p.client, NBD_CMD_WRITE | NBD_CMD_FLAG_FUA, 7, 1ull << 40, 512);
	client_send(p.client, NBD_CMD_FLUSH, 8, 0, 0);
	client_send(p.client, NBD_CMD_TRIM, 9, 1 << 20, 1 << 20);
	/* WRITE_ZEROES (6) with NO_HOLE (flag bit 1), from the protocol. */
	client_send(p.client, 6 | (2u << 16), 10, 0, 4096);

	assert_int_equal(uhost_blk_recv(p.blk, 0, &req), 0);
	assert_int_equal(req.type, UHOST_BLK_READ);
	assert_int_equal(req.flags, 0);
	assert_true(req.handle == 0x1122334455667788ull);
	assert_true(req.offset == 4096);
	assert_int_equal(req.len, 8192);

	assert_int_equal(uhost_blk_recv(p.blk, 0, &req), 0);
	assert_int_equal(req.type, UHOST_BLK_WRITE);
	assert_int_equal(req.flags, UHOST_BLK_FUA);
	assert_true(req.offset == 1ull << 40);
	assert_int_equal(req.len, 512);
	assert_int_equal(uhost_blk_recv(p.blk, 0, &req), 0);
	assert_int_equal(req.type, UHOST_BLK_FLUSH);
	assert_int_equal(uhost_blk_recv(p.blk, 0, &req), 0);
	assert_int_equal(req.type, UHOST_BLK_DISCARD);
	assert_int_equal(req.len, 1 << 20);
	assert_int_equal(uhost_blk_recv(p.blk, 0, &req), 0);
	assert_int_equal(req.type, UHOST_BLK_WRITE_ZEROES);
	assert_int_equal(req.flags, UHOST_BLK_NO_HOLE);
	assert_true(req.handle == 10);
	/* A connection that is not there. */
	assert_int_equal(uhost_blk_recv(p.blk, 1, &req), EINVAL);
	pair_close(&p);
}

static void test_nbd_write_payload_follows_header(void **state)
{
	unsigned char data[3000], got[3000];
	struct uhost_blk_req req;
	struct pair p;

	(void)state;
	for (size_t i = 0; i < sizeof(data); i++)
		data[i] = (unsigned char)(i * 7);
	pair_open(&p);
	client_send(p.client, NBD_CMD_WRITE, 1, 0, sizeof(data));
	assert_int_equal(write(p.client, data, sizeof(data)), sizeof(data));
	client_send(p.client, NBD_CMD_READ, 2, 0, 512);
	assert_int_equal(uhost_blk_recv(p.blk, 0, &req), 0);
	assert_int_equal(req.len, sizeof(data));
	assert_int_equal(uhost_blk_recv_data(p.blk, 0, got, req.len), 0);
	assert_memory_equal(got, data, sizeof(data));
	/* The next header starts right after the payload. */
	assert_int_equal(uhost_blk_recv(p.blk, 0, &req), 0);
	assert_int_equal(req.type, UHOST_BLK_READ);
	assert_true(req.handle == 2);
	pair_close(&p);
}

/*
 * Three requests in flight, completed in another order and answered in one
 * call: each reply carries its own handle, a read its data right behind
 * its header, a failed read no data, and errors become NBD's values.
 */
static void test_nbd_out_of_order_replies_in_one_batch(void **state)
{
	char a[512], c[1024], buf[1024];
	struct uhost_blk_reply r[3];
	struct uhost_blk_req req[3];
	uint64_t handle;
	uint32_t error;
	struct pair p;

	(void)state;
	memset(a, 'a', sizeof(a));
	memset(c, 'c', sizeof(c));
	pair_open(&p);
	client_send(p.client, NBD_CMD_READ, 100, 0, sizeof(a));
	client_send(p.client, NBD_CMD_READ, 101, 512, 512);
	client_send(p.client, NBD_CMD_READ, 102, 1024, sizeof(c));
	for (int i = 0; i < 3; i++)
		assert_int_equal(uhost_blk_recv(p.blk, 0, &req[i]), 0);
	r[0] = (struct uhost_blk_reply){ req[2].handle, 0, sizeof(c), c };
	r[1] = (struct uhost_blk_reply){ req[1].handle, ETIMEDOUT, 512, a };
	r[2] = (struct uhost_blk_reply){ req[0].handle, 0, sizeof(a), a };
	assert_int_equal(uhost_blk_send(p.blk, 0, r, 3), 0);

	client_reply(p.client, &handle, &error);
	assert_true(handle == 102);
	assert_int_equal(error, 0);
	read_all(p.client, buf, sizeof(c));
	assert_memory_equal(buf, c, sizeof(c));
	client_reply(p.client, &handle, &error);
	assert_true(handle == 101);
	assert_int_equal(error, EIO); /* NBD has no ETIMEDOUT */
	client_reply(p.client, &handle, &error);
	assert_true(handle == 100);
	assert_int_equal(error, 0);
	read_all(p.client, buf, sizeof(a));
	assert_memory_equal(buf, a, sizeof(a));

	r[0] = (struct uhost_blk_reply){ 5, ENOSPC, 0, NULL };
	assert_int_equal(uhost_blk_send(p.blk, 0, r, 1), 0);
	client_reply(p.client, &handle, &error);
	assert_int_equal(error, ENOSPC);
	assert_int_equal(uhost_blk_send(p.blk, 0, r, UHOST_BLK_MAX_BATCH + 1), EINVAL);
	pair_close(&p);
}

struct reader {
	int fd;
	size_t len;
	unsigned char *buf;
};

static void *read_thread(void *arg)
{
	struct reader *rd = arg;

	read_all(rd->fd, rd->buf, rd->len);
	return NULL;
}

/* More than a socket buffer holds: the writer goes on where the kernel stopped. */
static void test_nbd_large_reply_written_whole(void **state)
{
	const size_t len = 4u << 20;
	unsigned char *data = malloc(len);
	struct uhost_blk_reply r[2];
	struct reader rd = { .len = 2 * (16 + len) };
	pthread_t t;
	struct pair p;

	(void)state;
	assert_non_null(data);
	rd.buf = malloc(rd.len);
	assert_non_null(rd.buf);
	for (size_t i = 0; i < len; i++)
		data[i] = (unsigned char)(i ^ (i >> 9));
	pair_open(&p);
	rd.fd = p.client;
	assert_int_equal(pthread_create(&t, NULL, read_thread, &rd), 0);
	r[0] = (struct uhost_blk_reply){ 1, 0, (uhost_u32)len, data };
	r[1] = (struct uhost_blk_reply){ 2, 0, (uhost_u32)len, data };
	assert_int_equal(uhost_blk_send(p.blk, 0, r, 2), 0);
	assert_int_equal(pthread_join(t, NULL), 0);
	assert_int_equal(be32toh(*(uint32_t *)rd.buf), NBD_REPLY_MAGIC);
	assert_memory_equal(rd.buf + 16, data, len);
	assert_int_equal(be32toh(*(uint32_t *)(rd.buf + 16 + len)), NBD_REPLY_MAGIC);
	assert_memory_equal(rd.buf + 32 + len, data, len);
	pair_close(&p);
	free(rd.buf);
	free(data);
}

/* The host's disconnect request, a closed stream, a stranger's bytes. */
static void test_nbd_end_of_connection(void **state)
{
	struct uhost_blk_reply r = { 1, 0, 0, NULL };
	struct uhost_blk_req req;
	char junk[28] = "GET / HTTP/1.0\r\n\r\n";
	char buf[16];
	struct pair p;

	(void)state;
	pair_open(&p);
	client_send(p.client, NBD_CMD_DISC, 0, 0, 0);
	assert_int_equal(uhost_blk_recv(p.blk, 0, &req), ESHUTDOWN);
	close(p.client);
	p.client = -1;
	assert_int_equal(uhost_blk_recv(p.blk, 0, &req), ESHUTDOWN);
	/* No SIGPIPE: the test would die of it. */
	assert_int_equal(uhost_blk_send(p.blk, 0, &r, 1), EPIPE);
	pair_close(&p);

	pair_open(&p);
	assert_int_equal(write(p.client, junk, sizeof(junk)), sizeof(junk));
	assert_int_equal(uhost_blk_recv(p.blk, 0, &req), EPROTO);
	/* A payload cut short. */
	client_send(p.client, NBD_CMD_WRITE, 3, 0, 64);
	assert_int_equal(write(p.client, buf, 8), 8);
	close(p.client);
	p.client = -1;
	assert_int_equal(uhost_blk_recv(p.blk, 0, &req), 0);
	assert_int_equal(uhost_blk_recv_data(p.blk, 0, buf, 16), ESHUTDOWN);
	pair_close(&p);
}

/* Geometries NBD cannot carry are refused before the host is asked. */
static void test_nbd_open_refuses_bad_geometry(void **state)
{
	struct uhost_blk_geom g = {
		.bytes = 1 << 20, .lbs = 512, .pbs = 512, .conns = 1, .name = "disk0"
	};
	struct uhost_blk *blk = NULL;

	(void)state;
	g.lbs = 1000;
	assert_int_equal(uhost_blk_open(&g, &blk), EINVAL);
	assert_non_null(strstr(uhost_errmsg(), "disk0"));
	assert_non_null(strstr(uhost_errmsg(), "512 to 4096"));
	g.lbs = 8192;
	assert_int_equal(uhost_blk_open(&g, &blk), EINVAL);
	g.lbs = 4096;
	g.bytes = 4096 * 3 + 512;
	assert_int_equal(uhost_blk_open(&g, &blk), EINVAL);
	assert_non_null(strstr(uhost_errmsg(), "whole number of blocks"));
	g.bytes = 1 << 20;
	g.conns = 0;
	assert_int_equal(uhost_blk_open(&g, &blk), EINVAL);
	g.conns = UHOST_BLK_MAX_CONNS + 1;
	assert_int_equal(uhost_blk_open(&g, &blk), EINVAL);
	assert_null(blk);
}

/*
 * A supervised driver shares its supervisor's broker with the driver that
 * crashed before it, whose last reply may still wait on the channel: the
 * new one passes over a reply to a request it did not make (and closes
 * the descriptors that came with it), takes its own, and keeps the
 * device's number and "again" from a reattach.
 */
struct fake_broker {
	int fd;
	int stale_sock[2]; /* sent with the stale reply: must be closed */
};

static void fake_send(int fd, const struct uh_broker_reply *a, const int *fds, unsigned int n)
{
	char cbuf[CMSG_SPACE(sizeof(int) * 2)];
	struct iovec iov = { (void *)a, sizeof(*a) };
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1 };
	struct cmsghdr *cm;

	memset(cbuf, 0, sizeof(cbuf));
	msg.msg_control = cbuf;
	msg.msg_controllen = CMSG_SPACE(sizeof(int) * n);
	cm = CMSG_FIRSTHDR(&msg);
	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	cm->cmsg_len = CMSG_LEN(sizeof(int) * n);
	memcpy(CMSG_DATA(cm), fds, sizeof(int) * n);
	assert_int_equal(sendmsg(fd, &msg, 0), (ssize_t)sizeof(*a));
}

static void *fake_broker_serve(void *arg)
{
	struct fake_broker *b = arg;
	struct uh_broker_req q;
	struct uh_broker_reply a = { 0 };
	int sv[2], ends[2];

	assert_int_equal(read(b->fd, &q, sizeof(q)), (ssize_t)sizeof(q));
	assert_int_equal(q.op, UH_BROKER_CONNECT);
	/* The dead driver's reply first: another seq, and a socket of its own. */
	assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, b->stale_sock), 0);
	a.seq = q.seq + 1;
	a.index = 7;
	fake_send(b->fd, &a, &b->stale_sock[1], 1);
	close(b->stale_sock[1]);
	/* Then this one's: two connections, on the device it had. */
	assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	ends[0] = sv[0];
	ends[1] = sv[1];
	a.seq = q.seq;
	a.index = 3;
	a.reattached = 1;
	fake_send(b->fd, &a, ends, 2);
	close(sv[0]);
	close(sv[1]);
	return NULL;
}

static void test_nbd_broker_passes_over_stale_reply(void **state)
{
	struct uhost_blk_geom g = {
		.bytes = 1 << 20, .lbs = 512, .pbs = 512, .conns = 2, .name = "nvme0n1"
	};
	struct fake_broker b;
	struct uhost_blk *blk = NULL;
	pthread_t t;
	char c;
	int sv[2];

	(void)state;
	assert_int_equal(socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv), 0);
	b.fd = sv[1];
	assert_int_equal(uh_blk_broker_use(sv[0]), 0);
	assert_true(uh_blk_broker_ready());
	assert_int_equal(pthread_create(&t, NULL, fake_broker_serve, &b), 0);
	assert_int_equal(uhost_blk_open(&g, &blk), 0);
	assert_int_equal(pthread_join(t, NULL), 0);
	assert_non_null(blk);
	/* The stale reply's socket was closed: its peer reads the end. */
	assert_int_equal(read(b.stale_sock[0], &c, 1), 0);
	close(b.stale_sock[0]);
	uhost_blk_close(blk);
	close(sv[1]);
	close(sv[0]);
}

/*
 * Without nbd.ko the broker passes the host's answer back whole: one line
 * that names the fix. Last: the broker, once started, serves the process.
 */
static void test_nbd_broker_relays_missing_module(void **state)
{
	struct uhost_blk_geom g = {
		.bytes = 1 << 20, .lbs = 512, .pbs = 512, .conns = 2, .name = "disk0"
	};
	struct uhost_blk *blk = NULL;
	int err;

	(void)state;
	if (!access("/sys/module/nbd", F_OK))
		unit_skip("nbd.ko is loaded here: this case needs a host without it");
	assert_int_equal(uh_blk_broker_start(), 0);
	err = uhost_blk_open(&g, &blk);
	/* Netlink may load a module on demand where the host has it. */
	if (err != ENODEV && !access("/sys/module/nbd", F_OK)) {
		if (!err) {
			uhost_blk_disconnect(blk);
			uhost_blk_close(blk);
		}
		unit_skip("the host loaded nbd.ko on demand: this case needs a host without it");
	}
	assert_int_equal(err, ENODEV);
	assert_non_null(strstr(uhost_errmsg(), "modprobe nbd"));
	assert_null(blk);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nbd_request_header_parsed),
		cmocka_unit_test(test_nbd_write_payload_follows_header),
		cmocka_unit_test(test_nbd_out_of_order_replies_in_one_batch),
		cmocka_unit_test(test_nbd_large_reply_written_whole),
		cmocka_unit_test(test_nbd_end_of_connection),
		cmocka_unit_test(test_nbd_open_refuses_bad_geometry),
		cmocka_unit_test(test_nbd_broker_passes_over_stale_reply),
		cmocka_unit_test(test_nbd_broker_relays_missing_module),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
