// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * fake_nbd.c - the block door without nbd.ko, for tests of the block layer
 * (test_blk) that add disks: every disk is "exported" to a host that never
 * sends a request. Its readers wait until the disconnect, then see the end
 * of the stream, as with nbd.ko; nothing is sent. Stands in for nbd.o.
 */
#include <errno.h>
#include <stdlib.h>

#include "host.h"

struct uhost_blk {
	uhost_u32 gone; /* futex word: 1 once disconnected */
};

int uhost_blk_open(const struct uhost_blk_geom *geom, struct uhost_blk **blkp)
{
	(void)geom;
	*blkp = calloc(1, sizeof(**blkp));
	return *blkp ? 0 : ENOMEM;
}

void uhost_blk_disconnect(struct uhost_blk *blk)
{
	__atomic_store_n(&blk->gone, 1, __ATOMIC_RELEASE);
	uhost_futex_wake(&blk->gone, 1 << 30);
}

void uhost_blk_close(struct uhost_blk *blk)
{
	free(blk);
}

int uhost_blk_recv(struct uhost_blk *blk, unsigned int conn, struct uhost_blk_req *req)
{
	(void)conn;
	(void)req;
	while (!__atomic_load_n(&blk->gone, __ATOMIC_ACQUIRE))
		uhost_futex_wait(&blk->gone, 0, 0);
	return ESHUTDOWN;
}

int uhost_blk_recv_data(struct uhost_blk *blk, unsigned int conn, void *buf, uhost_size len)
{
	(void)blk;
	(void)conn;
	(void)buf;
	(void)len;
	return ESHUTDOWN;
}

int uhost_blk_send(struct uhost_blk *blk, unsigned int conn, const struct uhost_blk_reply *r,
		   unsigned int n)
{
	(void)blk;
	(void)conn;
	(void)r;
	(void)n;
	return EPIPE;
}
