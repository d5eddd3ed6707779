/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * internal.h - what the host layer's files share with each other (and the
 * unit tests that check them one by one): never seen by K-world, and not
 * for tools/, which use host.h.
 */
#ifndef ULDD_KERNEL_INTERNAL_H
#define ULDD_KERNEL_INTERNAL_H

#include "host.h"

/* Keeps the message of a deeper failure and prefixes it with context. */
int uh_fail_prefix(int err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * log.c: the log ring, the last UH_LOG_SLOTS lines uhost_log() got, at any
 * level, as the kernel's printk buffer keeps them for dmesg; only a
 * debugger reads it (tools/gdb/uldd.py: lx-dmesg, which reads this layout
 * by its member names: change both together), and the unit tests. A slot
 * per line, claimed with one atomic add, so writers never wait for each
 * other and any thread, a crash handler's too, may log. A slot's seq,
 * stored last, is its line's number + 1 once the line is complete (0 while
 * it is written): a reader of a stopped process takes slot n % UH_LOG_SLOTS
 * as line n only if seq says n + 1. A longer line is cut, and marked so.
 */
#define UH_LOG_SLOTS 1024
#define UH_LOG_TEXT 240

struct uh_log_slot {
	uint64_t seq;
	uint64_t ns; /* CLOCK_MONOTONIC when the line was logged */
	uint16_t len;
	uint8_t level;
	uint8_t truncated;
	char text[UH_LOG_TEXT];
};

struct uh_log_ring {
	uint64_t next; /* lines ever logged */
	uint64_t t0; /* line 0's time: lx-dmesg counts from it, as dmesg from boot */
	struct uh_log_slot slot[UH_LOG_SLOTS];
};

extern struct uh_log_ring uh_log_ring;

/*
 * file.c: a name uhost_file_read() accepts: not empty, not absolute, no
 * ".." component. uh_file_set_fallback(true), for unit tests, takes the
 * path of kernels without openat2 (a realpath check) on every read.
 */
bool uh_file_name_ok(const char *name);
void uh_file_set_fallback(bool on);

/* A hex digit's value (either case), -1 for another character. */
int uh_hexval(char c);

/*
 * vfio_dma.c: "iommufd" or "legacy", the VFIO backend that opened dev. The
 * process-wide choice is ULDD_VFIO_BACKEND: "iommufd", "legacy", or unset
 * for iommufd where the kernel offers it (/dev/iommu and a device cdev).
 */
const char *uh_dev_backend(const struct uhost_dev *dev);

/* iova.c: the IOVA space of the process's IOMMU address space; see iova.c. */
struct uh_iova_range {
	uint64_t start;
	uint64_t end; /* inclusive */
};
struct uh_iova_space;

int uh_iova_create(const struct uh_iova_range *ranges, size_t n, struct uh_iova_space **spacep);
void uh_iova_destroy(struct uh_iova_space *space);
/*
 * Narrows the space to its intersection with ranges: ERANGE if nothing is
 * left, EBUSY if a block handed out would fall outside; unchanged then.
 */
int uh_iova_restrict(struct uh_iova_space *space, const struct uh_iova_range *ranges, size_t n);
/* Reserves [want, want + len) exactly: EBUSY if taken, ERANGE if outside. */
int uh_iova_reserve(struct uh_iova_space *space, uint64_t want, uint64_t len);
/* Takes the highest free, align-aligned block that ends at or below limit. */
int uh_iova_alloc(struct uh_iova_space *space, uint64_t len, uint64_t align, uint64_t limit,
		  uint64_t *iova);
/* Releases exactly a block that reserve or alloc handed out. */
int uh_iova_free(struct uh_iova_space *space, uint64_t iova, uint64_t len);

/*
 * nbd.c: the block door's nbd backend, what uhost_blk.h says of each; the
 * door's functions (ublk.c) call these unless the process exports
 * through ublk.
 */
int uh_nbd_open(const struct uhost_blk_geom *geom, struct uhost_blk **blkp);
/*
 * uhost_log() with a format, for both backends: not uh_log(), so unit
 * tests that stand in for uhost_log() and leave log.o out can link them.
 */
__attribute__((format(printf, 2, 3))) void uh_blk_log(int level, const char *fmt, ...);
void uh_nbd_disconnect(struct uhost_blk *blk);
void uh_nbd_close(struct uhost_blk *blk);
int uh_nbd_recv(struct uhost_blk *blk, unsigned int conn, struct uhost_blk_req *req);
int uh_nbd_recv_data(struct uhost_blk *blk, unsigned int conn, void *buf, uhost_size len);
int uh_nbd_send(struct uhost_blk *blk, unsigned int conn, const struct uhost_blk_reply *r,
		unsigned int n);

/*
 * nbd.c: the broker's messages on its SOCK_SEQPACKET channel; a connect's
 * reply carries the driver's ends of the connections (SCM_RIGHTS). seq is
 * the asker's, echoed in the reply: a supervised driver that died between
 * its request and the reply leaves that reply to the next one, which
 * passes it over.
 */
#define UH_BROKER_CONNECT 1
#define UH_BROKER_DISCONNECT 2

struct uh_broker_req {
	uint64_t seq;
	uint32_t op;
	uint32_t index;
	struct uhost_blk_geom geom;
};

struct uh_broker_reply {
	uint64_t seq;
	int32_t err;
	uint32_t index;
	uint32_t reattached; /* a restarted driver's disk, on the device it had */
	char msg[256];
};

#endif /* ULDD_KERNEL_INTERNAL_H */
