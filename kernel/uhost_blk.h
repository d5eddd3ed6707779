/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * uhost_blk.h - the door for block devices: a gendisk exported to the host
 * as an NBD device (nbd.ko), one socket a connection, requests in and
 * replies out. The core's conventions hold (uhost.h): 0 or an errno, "may
 * block" calls made by K-world only through its wrapper layer. Every
 * function here has a K-world caller (shim/block/export.c).
 */
#ifndef ULDD_UHOST_BLK_H
#define ULDD_UHOST_BLK_H

#include "uhost.h"

/* Bumped whenever a declaration below changes; uhost_init() checks it. */
#define UHOST_BLK_REV 1

/* An exported disk: the host's block device and its connections. */
struct uhost_blk;

/* What the disk can do (uhost_blk_geom.features). */
#define UHOST_BLK_F_RO (1u << 0)
#define UHOST_BLK_F_ROTATIONAL (1u << 1)
#define UHOST_BLK_F_FLUSH (1u << 2) /* a volatile write cache: flushes mean something */
#define UHOST_BLK_F_FUA (1u << 3)
#define UHOST_BLK_F_DISCARD (1u << 4)
#define UHOST_BLK_F_WRITE_ZEROES (1u << 5)

#define UHOST_BLK_NAME_LEN 32
#define UHOST_BLK_MAX_CONNS 16

struct uhost_blk_geom {
	uhost_u64 bytes; /* the disk's size */
	uhost_u32 lbs; /* logical block size: 512 to 4096, a power of two */
	uhost_u32 pbs; /* physical block size (the host may not take it: NBD cannot) */
	uhost_u32 max_bytes; /* the largest request the disk takes; 0: no limit */
	uhost_u32 features; /* UHOST_BLK_F_* */
	uhost_u32 conns; /* connections: 1 to UHOST_BLK_MAX_CONNS */
	uhost_u32 reserved;
	char name[UHOST_BLK_NAME_LEN]; /* the gendisk's name, for messages */
};

/*
 * Makes the host's block device: a free /dev/nbdN, connected over conns
 * socket pairs, of the geometry's size and block size, with the NBD flags
 * the features allow; what NBD cannot say (the largest request, the
 * rotational flag) is set through sysfs. A process without CAP_SYS_ADMIN
 * asks the broker 'uldd run' left it (kernel/host.h). ENODEV (nbd.ko not
 * loaded: uhost_errmsg() says "modprobe nbd"), EBUSY (no free device),
 * EPERM, EINVAL (a geometry NBD cannot carry). Logs one line naming the
 * gendisk and the host's device. May block.
 */
int uhost_blk_open(const struct uhost_blk_geom *geom, struct uhost_blk **blkp);
/*
 * Disconnects the host's device: nbd.ko sends a disconnect on every
 * connection and shuts them down, so each reader's uhost_blk_recv() ends
 * with ESHUTDOWN. Replies written after it are lost. May block.
 */
void uhost_blk_disconnect(struct uhost_blk *blk);
/* Closes the connections and frees blk; no call on it may be running. Never blocks. */
void uhost_blk_close(struct uhost_blk *blk);

/* Requests (NBD's commands). */
#define UHOST_BLK_READ 0
#define UHOST_BLK_WRITE 1
#define UHOST_BLK_FLUSH 3
#define UHOST_BLK_DISCARD 4
#define UHOST_BLK_WRITE_ZEROES 6
/* Request flags. */
#define UHOST_BLK_FUA (1u << 0)
#define UHOST_BLK_NO_HOLE (1u << 1) /* write zeroes: do not unmap */

struct uhost_blk_req {
	uhost_u64 handle; /* opaque: the reply carries it back */
	uhost_u64 offset; /* bytes */
	uhost_u32 len; /* bytes */
	uhost_u16 type; /* UHOST_BLK_READ ... */
	uhost_u16 flags; /* UHOST_BLK_FUA ... */
};

/*
 * The next request on connection conn (0 to conns - 1): its header only;
 * a write's payload follows with uhost_blk_recv_data(). ESHUTDOWN when the
 * host disconnected (a disconnect request or the end of the stream),
 * EPROTO for a request that is not NBD's. A type this header does not
 * name is passed up as it came. One thread a connection. May block.
 */
int uhost_blk_recv(struct uhost_blk *blk, unsigned int conn, struct uhost_blk_req *req);
/* len bytes of payload into buf; ESHUTDOWN as above. May block. */
int uhost_blk_recv_data(struct uhost_blk *blk, unsigned int conn, void *buf, uhost_size len);

/*
 * Replies on connection conn, all in one write: each its header (error: 0
 * or a Linux errno, which becomes NBD's error value) and, for a read that
 * succeeded, its len bytes of data. Up to UHOST_BLK_MAX_BATCH of them.
 * EPIPE once the host closed the connection. One thread a connection
 * (not the reader's: the two run at the same time). May block.
 */
#define UHOST_BLK_MAX_BATCH 32
struct uhost_blk_reply {
	uhost_u64 handle;
	uhost_u32 error;
	uhost_u32 len; /* data bytes; 0 for all but a read */
	const void *data;
};
int uhost_blk_send(struct uhost_blk *blk, unsigned int conn, const struct uhost_blk_reply *r,
		   unsigned int n);

#endif /* ULDD_UHOST_BLK_H */
